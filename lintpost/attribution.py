"""Is a sentence sourced? Attribution cues, links, citations, captions; vague cues are not sources."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from lintpost import packs, recache
from lintpost.document import Block, Document

_CAPTION_TAIL = r"\s*[:：]"
# "selon lui", "d'après elle", "according to him", "according to that": a source the text has just named.
_CAPITAL_WORD = recache.compile(r"(?<=\s|['’])\p{Lu}")
_INDEFINITE = recache.compile(r"(?i)\s*(?:un|une|des|a|an|some|certaines?|plusieurs|several)\s")
_NON_WORDS = recache.compile(r"[\W_]*")
_PERSON_PRONOUN = recache.compile(
    r"(?i)\s*(?:lui|elle|eux|elles|him|her|them|that|this|these|those|cela|ça|celle-ci|celui-ci|ceux-ci|"
    r"ce dernier|cette dernière|ces derniers)\b"
)
# A named subject right before a reporting verb, possibly with an apposition or an auxiliary:
# "Northjet said", "the company has announced", "Vallorne, le distributeur, a annoncé".
# Capitalised words that begin sentences without naming anyone.
_NOT_A_NAME = (
    r"(?!(?:Le|La|Les|L|The|A|An|Un|Une|Il|Elle|Ils|Elles|On|Ce|Cette|Ces|It|This|That|These|Those|He|She|"
    r"They|We|Nous|Vous|Je|I|Si|If|Mais|But|Et|And|Or|Ou|En|In|Au|Aux|Du|Des|De|Son|Sa|Ses|Its|Their|Our|Notre)"
    r"\b)"
)
# A closing quotation mark, then a subordinate clause of the writer's own.
_QUOTE_THEN_CLAUSE = recache.compile(
    r"(?i)[”»\"][\s\u00a0,]*(?:after|as|while|when|since|because|following|before|"
    r"après que|après|alors que|tandis que|lorsque|quand|depuis que|avant que|suite à)\b"
)
# Auxiliaries and adverbs between a subject and its reporting verb: "Domino's recently announced",
# « X a récemment publié », "analysts also say".
_BETWEEN = r"(?:has|have|had|also|a|ont|avait|avaient|aussi|then|déjà|already|just|\p{Ll}{3,}ly|\p{Ll}{3,}ment)"
_SUBJECT = recache.compile(
    r"(?:" + _NOT_A_NAME + r"\p{Lu}[\p{L}\p{N}&.'’-]*"
    r"|\b(?:company|firm|group|bank|issuer|fund|agency|ministry|government|report|"
    r"study|survey|data|changelog|filing|release|entreprise|société|groupe|banque|émetteur|fonds|gouvernement|"
    r"ministère|rapport|étude|enquête|données|communiqué|document)|\b(?:the|its|their|l['’]|la|le)\s+[\p{L}-]{3,}"
    # A person named in an earlier sentence: "…, he said". Not « il »/« elle », which are also "it"
    # (« la bourse … elle rapporte 6 % »); « a-t-elle précisé » is handled with the inverted credits.
    r"|\b(?i:he|she))"
    r"(?:\s*\([^()]{1,30}\))?(?:\s*,[^,.;]{1,60},)?\s+"
    r"(?:" + _BETWEEN + r"\s+){0,2}$"
)


# A reporting verb coordinated with the sentence's first verb, and that sentence's named subject.
_COORDINATED = recache.compile(r"\b(?:and|et|then|puis)\s+$")
_OPENING_SUBJECT = recache.compile(
    r"[\W_]*(?:(?i:he|she)\b|" + _NOT_A_NAME
    + r"\p{Lu}[\p{L}\p{N}&.'’-]+(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]+)*\s+(?-i:\p{Ll}))"
)
# "(source: AFB)", « (source : Insee) » closing the sentence.
_PAREN_SOURCE = recache.compile(r"(?i)\((?:sources?|src|via|données|data)\s*:\s*[^()\s][^()]{0,80}\)")
_ACRONYM = recache.compile(r"\(\s*(\p{Lu}{2,6})\s*\)")
_CAPITALISED = recache.compile(r"\p{Lu}[\p{L}&'’-]*")


def _defines_acronym(t: str, paren: regex.Match[str]) -> bool:
    """"the Financial Times (FT)": the brackets give the name's initials, they cite nothing."""
    acronym = _ACRONYM.fullmatch(paren.group())
    if acronym is None:
        return False
    letters = acronym.group(1)
    words = _CAPITALISED.findall(t, max(0, paren.start() - 80), paren.start())
    initials = "".join(w[0] for w in words[-len(letters) :])
    return len(words) >= len(letters) and initials == letters


# The reporting verb of an inverted credit follows a comma or a closing quotation mark.
_CREDIT_BEFORE = recache.compile(r"[,\"”»]\s*$")
_CREDIT_SUBJECT = recache.compile(
    r"\s+(?:\p{Lu}[\p{L}\p{N}&.'’-]+|(?:the|its|l['’]|la|le|les)\s*[\p{L}-]{3,})", regex.V1
)


# A quotation in running text: « … » or “ … ” (bounded; quotes do not nest here).
_QUOTATION = recache.compile(r"«[^«»]{1,3000}»|“[^“”]{1,3000}”|(?<![\w\"])\"[^\"\n]{1,3000}\"(?![\w\"])")
# Who speaks before the quotation: "Patrick Roe fait un constat très noir : « … »".
_SPEAKER_COLON = recache.compile(
    r"(?:^|[\s(])" + _NOT_A_NAME + r"\p{Lu}[\p{L}\p{N}&.'’-]+[^.!?:«»“”]{0,120}:\s*$"
)
# Who spoke, right after it: "», écrit-il", "», explique-t-elle", "», a-t-il ajouté".
_INVERTED_PRONOUN = recache.compile(
    r"\s*,?\s*(?:\p{L}+-t-|\p{L}+-)(?:il|elle|ils|elles|on)\b|\s*,?\s*a-t-(?:il|elle)\s+\p{L}+", regex.V1
)


# Who spoke, named after it: "…,” Thielen added.", « … », ajoute Jean Roux.
_CREDIT_AFTER_QUOTE = recache.compile(
    r"[\s,]*(?:(?:(?:\p{Lu}[\p{L}.'’-]+\s+){1,3}(?:added|adds|noted|notes|said|says|wrote|writes|explained|explains|"
    r"continued|concluded|told|argued|warned|stressed|remarked|points out|pointed out)\b)"
    r"|(?:ajoute|a ajouté|poursuit|conclut|estime|explique|précise|souligne|note|insiste|prévient|tranche|"
    r"affirme|assure|rappelle|résume)\s+\p{Lu})"
    # A byline under or after the words: '"…" — Jane Roe, economist', '"…" Député LFI @handle'.
    r"|\s*[—–―]\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?=\s*(?:[,(\n]|$))"
    r"|\s*(?:\p{L}[\p{L}.'’-]*\s+){0,4}@\w{2,}"
)


class Cues(NamedTuple):
    lead: regex.Pattern[str]
    verbs: regex.Pattern[str]
    vague: regex.Pattern[str]
    vague_subject: regex.Pattern[str]
    caption: regex.Pattern[str]
    outlet_paren: regex.Pattern[str]
    outlet: regex.Pattern[str]
    # "selon le lieu" / "according to the plan": an article then a common noun that is no source.
    not_a_source: regex.Pattern[str]
    source_noun: regex.Pattern[str]
    # ", saying ...", « , ajoutant que … »: what follows is the subject's own words.
    speaking: regex.Pattern[str]
    # "listed ... by Forbes", « classé … par Forbes »: a named agent of a reporting participle.
    by_agent: regex.Pattern[str]


@lru_cache(maxsize=8)
def cues(lang: str, pack_dirs: tuple[Path, ...] = ()) -> Cues:
    data = packs.load("attribution", lang, pack_dirs)
    outlets = packs.phrases(data.get("outlets", []))
    return Cues(
        lead=packs.words(data.get("lead", [])),
        verbs=packs.words(data.get("verbs", [])),
        vague=packs.words(data.get("vague", [])),
        vague_subject=recache.compile(
            r"(?i)(?<![\p{L}])" + packs.phrases(data.get("vague_subjects", [])) + r"(?:\s+" + _BETWEEN + r"){0,2}\s*$"
        ),
        caption=recache.compile(r"(?i)\G[\W_]*" + packs.phrases(data.get("caption", [])) + _CAPTION_TAIL),
        outlet_paren=recache.compile(r"\(\s*" + outlets + r"(?:\s*[,;][^)]{0,40})?\s*\)"),
        outlet=packs.compile_words(outlets, regex.V1),
        not_a_source=recache.compile(
            r"(?i)\G\s*(?:(?:le|la|les|l['’]|son|sa|ses|leur|leurs|votre|vos|notre|nos|mon|ma|mes|the|your|our|"
            r"their|its|my|his|her)\s*)(?-i:\p{Ll})"
            r"|(?i)\G\s*(?:moi|nous|toi|vous|me|us|que|qu['’]|si|whether|plan|schedule)\b"
            r"|(?i)\G\s*(?:un|une|des|a|an|some|certaines?|plusieurs|several)\s"
            # A bare common noun: « selon revenus », "(10-25% selon canton)" mean "depending on".
            r"|\G\s*(?=\p{Ll}[\p{L}-]{2,}\s*(?:[),;.]|$|(?:et|and|ou|or)\s))",
            regex.V1,
        ),
        source_noun=packs.words(data.get("source_nouns", [])),
        speaking=recache.compile(
            r"(?i)[,;]\s*(?:(?:later|also|then|before|after|while|tout en|plus tard|ensuite|avant de|après avoir)\s+)?"
            + packs.phrases(data.get("speaking", [])) + r"\b"
        ),
        by_agent=recache.compile(
            r"(?i)\b" + packs.phrases(data.get("reported_by", [])) + r"\b[^.;!?]{0,200}?\b(?:by|par)\s+"
            r"(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?(?-i:\p{Lu})[\p{L}\p{N}&.'’-]*",
            regex.V1,
        ),
    )


class Attribution:
    """Answers whether a span of a document is attributed to a source."""

    def __init__(self, doc: Document, lang: str, pack_dirs: tuple[Path, ...] = ()) -> None:
        self.doc = doc
        self.c = cues(lang, pack_dirs)
        self._caption_groups: set[int] | None = None
        self._quotes: dict[int, list[tuple[int, int]]] = {}

    def strong(self, start: int, end: int, act: tuple[int, int] | None = None) -> bool:
        """A named source, a link or a citation between start and end; a reporting verb inside `act`
        (the claim's own verb: "the SEC filed a complaint") is no source."""
        doc, t = self.doc, self.doc.masked
        # A citation marker right after the full stop ("... last year.[^1]") belongs to the sentence, and
        # so does a bare URL ending its line ("Titre : https://…"; masked, it is not in the sentence).
        tail = end
        while tail < len(t) and tail < end + 40 and t[tail] in " \t":
            tail += 1
        if doc.has_link_between(start, max(end, tail + 1)) or doc.has_citation_between(start, max(end, tail + 1)):
            return True
        if _PAREN_SOURCE.search(t, start, max(end, tail)) or any(
            not _defines_acronym(t, m) for m in self.c.outlet_paren.finditer(t, start, end)
        ):
            return True
        if self.c.caption.match(t, start, end):
            return True
        for m in self.c.lead.finditer(t, start, end):
            if not self._vague_at(m.start(), end) and self._names_a_source(m.end(), end):
                return True
        for m in self.c.verbs.finditer(t, start, end):
            if self._vague_at(m.start(), end) or (act is not None and act[0] <= m.start() < act[1]):
                continue
            if self._named_subject(start, m.start()) or self._credit_after(start, m.start(), m.end(), end):
                return True
            coordinated = _COORDINATED.search(t, max(start, m.start() - 12), m.start())
            if coordinated and _OPENING_SUBJECT.match(t, start, end):
                return True  # "He goes through the filings and found that …": the sentence's subject reports
        return False

    def after_closed_quote(self, start: int, end: int) -> int:
        """Where the last clause of its own after a closed quotation begins in [start, end), else start.

        'Rivals warned "…" after regulators fined Google $1 billion': the speaker sources the words
        quoted, not the clause that follows them.
        """
        return max((m.end() for m in _QUOTE_THEN_CLAUSE.finditer(self.doc.masked, start, end)), default=start)

    def in_attributed_quote(self, block: Block, pos: int) -> bool:
        """pos is inside a quotation of the block whose speaker the text names: an incise inside it
        (« …, explique Eric Roe, … »), a credit after it (« … », écrit-il), a speaker before its colon
        (« X fait un constat : « … » »), or an earlier quotation of the same paragraph that has one."""
        return any(a <= pos < b for a, b in self._attributed_quotes(block))

    def _attributed_quotes(self, block: Block) -> list[tuple[int, int]]:
        key = id(block)
        if key in self._quotes:
            return self._quotes[key]
        t = self.doc.masked
        out: list[tuple[int, int]] = []
        text = t[block.start : block.end]
        if "«" in text or "“" in text or '"' in text:
            for m in _QUOTATION.finditer(t, block.start, block.end):
                a, b = m.span()
                if (
                    out  # the same speaker goes on: « … » Surtout, « … »
                    or self.strong(a, b)
                    or _INVERTED_PRONOUN.match(t, b, block.end)
                    or _CREDIT_AFTER_QUOTE.match(t, b, block.end)
                    or self.strong(b - 1, min(block.end, b + 80))
                    or _SPEAKER_COLON.search(t[max(block.start, a - 160) : a])
                ):
                    out.append((a, b))
        self._quotes[key] = out
        return out

    def named_agent(self, start: int, end: int) -> bool:
        """A figure's source given as the agent of a reporting participle: "listed ... by Forbes".

        Not for legal acts: in "classé sans suite par Bruxelles" the agent is the actor, not a source.
        """
        return self.c.by_agent.search(self.doc.masked, start, end) is not None

    def reported_before(self, start: int, pos: int) -> bool:
        """Whether pos follows a participle that reports someone's words: "he asked, later saying ..."."""
        return self.c.speaking.search(self.doc.masked, start, pos) is not None

    def _credit_after(self, start: int, verb_at: int, verb_end: int, end: int) -> bool:
        """An inverted credit after a quotation or clause: "…,” says Jane Roe", "…, a précisé l'AMF"."""
        t = self.doc.masked
        if not _CREDIT_BEFORE.search(t, max(start, verb_at - 4), verb_at):
            return False
        if "-t-" in t[verb_at:verb_end]:
            return True  # « …, a-t-elle précisé »: the speaker was named before
        return _CREDIT_SUBJECT.match(t, verb_end, end) is not None

    def _names_a_source(self, pos: int, end: int) -> bool:
        """What follows "selon"/"according to" is a source, not "selon le lieu" (depending on)."""
        t = self.doc.masked
        if not self.c.not_a_source.match(t, pos, end) or _PERSON_PRONOUN.match(t, pos, end):
            return True
        stop = recache.compile(r"[,;:.()!?]").search(t, pos, min(end, pos + 80))
        window_end = stop.start() if stop else min(end, pos + 80)
        window = t[pos:window_end]
        if _CAPITAL_WORD.search(window):
            return True
        if _INDEFINITE.match(window):
            return False  # "selon une étude du secteur": an unnamed study is no source
        return self.c.source_noun.search(t, pos, window_end) is not None

    def vague(self, start: int, end: int) -> bool:
        return self.c.vague.search(self.doc.masked, start, end) is not None

    def _vague_at(self, pos: int, end: int) -> bool:
        m = self.c.vague.search(self.doc.masked, pos, min(end, pos + 60))
        return m is not None and m.start() == pos

    def _named_subject(self, start: int, verb_at: int) -> bool:
        """The words just before a reporting verb name someone ("Northjet said"), not "analysts say"."""
        before = self.doc.masked[max(start, verb_at - 80) : verb_at]
        if self.c.vague_subject.search(before.rstrip()):
            return False
        return _SUBJECT.search(before) is not None

    def caption_after(self, block: Block) -> bool:
        """A "Source: ..." line directly under this block's table or list (or this block)."""
        blocks = self.doc.blocks
        try:
            i = self.doc.block_number(block)
        except ValueError:
            return False
        j = i + 1
        while j < len(blocks) and block.group and blocks[j].group == block.group:
            j += 1
        if j < len(blocks):
            nxt = blocks[j]
            if nxt.kind in ("paragraph", "list_item", "html", "quote") and self.c.caption.match(
                self.doc.masked, nxt.start, nxt.end
            ):
                return True
        return False

    def caption_before(self, block: Block) -> bool:
        """A "Source: ..." line directly above the table or list that holds this block."""
        if not block.group:
            return False
        blocks = self.doc.blocks
        try:
            i = self.doc.block_number(block)
        except ValueError:
            return False
        while i > 0 and blocks[i - 1].group == block.group:
            i -= 1
        if i == 0:
            return False
        prev = blocks[i - 1]
        return prev.kind in ("paragraph", "html", "quote") and self.c.caption.match(
            self.doc.masked, prev.start, prev.end
        ) is not None

    def paragraph_lead(self, block: Block) -> bool:
        """The block opens with an attribution that covers what follows ("D'après X : ...")."""
        sents = self.doc.sentences(block)
        if not sents:
            return False
        a, b = sents[0]
        skip = _NON_WORDS.match(self.doc.masked, a, b)
        start = skip.end() if skip else a
        m = self.c.lead.match(self.doc.masked, start, b)
        return m is not None and not self._vague_at(m.start(), b)

    def list_lead(self, block: Block) -> bool:
        """A list item under a paragraph that ends with ":", or with its reporting verb ("[the regulator
        announced](…)" over the list), and names a source."""
        prev = self.doc.list_lead(block)
        if prev is None:
            return False
        text = self.doc.masked[prev.start : prev.end].rstrip()
        if text.endswith((":", "：")):
            return self.strong(prev.start, prev.end)
        end = prev.start + len(text.rstrip("])*_ \t"))
        verb_ends = [m.end() for m in self.c.verbs.finditer(self.doc.masked, prev.start, end)]
        return bool(verb_ends) and verb_ends[-1] == end and self.strong(prev.start, prev.end)
