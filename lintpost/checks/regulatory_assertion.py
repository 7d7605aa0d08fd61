"""regulatory-assertion: what a regulator, court or law did or would do, stated as fact."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from lintpost import packs, recache
from lintpost.attribution import Attribution
from lintpost.diagnostic import Finding
from lintpost.document import Block, Document
from lintpost.rule import Context, Rule

# Counterfactual markers: "would have", "aurait", which make "if"/"si" part of the claim, not a hedge.
_COUNTERFACTUAL = {
    "en": recache.compile(r"(?i)\b(?:would(?:n't| not)? have|'d have)\s+(?:\w+ly\s+)?$"),
    "fr": recache.compile(
        r"(?i)\b(?:aurai(?:t|ent)|n'aurai(?:t|ent))\s+(?:(?:\w+ment|jamais|évidemment|sans doute|forcément)\s+)?$"
    ),
}
# Words that hedge a claim only when they come before it: "If X, the SEC will ...", "Imagine a country,
# let's say Ruritania, that allowed ..."; not "The SEC banned it, let's say for good reasons".
_CONDITIONAL_WORDS = frozenset(
    {
        "if", "unless", "whether", "assuming", "si", "à condition", "sous réserve",
        "let's say", "let’s say", "let us say", "suppose", "imagine a", "imagine an",
        "disons", "imaginez un", "imaginez une", "imaginons un", "imaginons une", "supposons",
    }
)
_QUESTION_TAIL = recache.compile(
    r"(?i),\s*(?:(?:but|and|so|mais|alors|donc)\s+)?(?:why|how|what|when|who|which|where|pourquoi|comment|quand|qui|"
    r"que|qu['’]|est-ce)\b"
)
_QUESTION = recache.compile(r"\?\s*[\"»”)]*\s*$")


# The auxiliary of a passive ("was", "has been", "a été", "sont"), with an adverb or two allowed after it.
_PASSIVE_AUX = {
    "en": r"(?:was|were|is|are|has been|have been|had been|got|gets|get|being|been|be)\s+"
    r"(?:(?:\w+ly|also|later|then|subsequently|eventually|finally|since|already|just|never|not|all)\s+){0,2}",
    "fr": r"(?:(?:a|ont|avait|avaient|aura|auront|aurait|auraient|ayant|avoir|eut|eurent)\s+(?:\w+\s+)?été|est|sont|"
    r"était|étaient|sera|seront|serait|seraient|soit|soient|fut|furent|être|été)\s+"
    r"(?:(?:\w+ment|maintenant|déjà|aussi|également|désormais|finalement|enfin|ensuite|alors|aussitôt|bientôt|jamais|pas|"
    r"encore|toujours|tous|toutes)\s+){0,2}",
}


Matcher = packs.Words | regex.Pattern[str]


class _Patterns(NamedTuple):
    # A sentence is scanned for actors, and for claims that need no actor; the acts of an actor are
    # looked for in a short window after it. Vocabularies go through packs.words (tries, \b anchors).
    actor: regex.Pattern[str]  # an authority or a state
    state_keys: frozenset[str]  # the states among the actors (see _key)
    outcome: Matcher  # verbs and nouns of an authority's act
    outcome_verb: Matcher  # verbs only (titles)
    state_outcome: Matcher
    participle: Matcher  # "arrested", "saisis": a passive when an auxiliary comes just before
    auxiliary: regex.Pattern[str]  # "was", "has been", "a été", ending where the participle starts
    enforced: Matcher  # other acts whose agent is implied: sentences, settlements, legal tender
    enforced_noun: Matcher  # "the seizure of", "la condamnation de"
    conclusion: Matcher
    legal_source: Matcher  # "according to the indictment", "selon l'acte d'accusation"
    hedge: Matcher


_EDGE = r"[\p{L}\p{M}\p{N}_]"  # \p{M}: a decomposed accent is part of the word ("й" written as "и" + U+0306).
# Acronyms whose title-case form is a word or a name: "Mica" (a mineral).
_NOT_TITLED = frozenset({"MiCA", "MiFID", "GDPR"})


# Between two words of a phrase: white space, with Markdown emphasis on either side of it
# ("est **recensée dans leur liste noire**", "a été _condamné_").
_GAP = r"(?:[*_]{1,3})?[\s\u00a0\u202f]+(?:[*_]{1,3})?"


def _emphasis_in_gaps(pattern: str) -> str:
    """Each space of a pattern outside a character class becomes _GAP."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == " ":
            ch = _GAP
        out.append(ch)
        i += 1
    return "".join(out)


def _with_emphasis(items: list[str]) -> list[str]:
    """The phrases with emphasis allowed between their words (literal phrases become patterns)."""
    from lintpost import __version__

    key = tuple(items)
    return recache.memo(("emphasis", __version__, key), lambda: _emphasis_items(key))  # type: ignore[no-any-return]


def _emphasis_items(items: tuple[str, ...]) -> list[str]:
    out = []
    for item in items:
        if item.startswith("re:"):
            out.append("re:" + _emphasis_in_gaps(item[3:]))
        elif " " in item.strip():
            words = [regex.escape(w, special_only=True).replace("'", "['’]") for w in item.split()]
            out.append("re:" + _GAP.join(words))
        else:
            out.append(item)
    return out


def _key(name: str) -> str:
    """A name as compared with the states list: NFC, one space, straight apostrophe, any case."""
    return regex.sub(r"\s+", " ", unicodedata.normalize("NFC", name).replace("’", "'")).casefold()


@lru_cache(maxsize=16)
def _patterns(lang: str, pack_dirs: tuple[Path, ...], emphasis: bool = False) -> _Patterns:
    """The rule's patterns; with emphasis=True, Markdown emphasis may sit between the words of a
    phrase (slower: used for the sentences that hold a "*" or "_")."""
    data = packs.load("regulatory", lang, pack_dirs)

    def vocabulary(*keys: str) -> Matcher:
        items = [item for key in keys for item in data.get(key, [])]
        return packs.words(_with_emphasis(items) if emphasis else items)

    # Authorities and states in one trie. Acronyms (and "UK", "US") are matched case-sensitively
    # ("Fed", not "fed up"), names in any case. Every actor starts with a letter: \b anchors the scan.
    states = data.get("states", [])
    acronyms = data.get("acronyms", [])
    # Long acronyms are also written as names: "Bafin", "Finma", "Finra", "Consob".
    titled = [a[0] + a[1:].lower() for a in acronyms if len(a) >= 4 and a.isalpha() and a not in _NOT_TITLED]
    upper = acronyms + [t for t in titled if t not in acronyms] + [x for x in states if x.isupper()]
    names = data.get("names", []) + [x for x in states if not x.isupper()]
    actor = recache.compile(rf"\b(?:{packs.phrases(upper)}|(?i:{packs.phrases(names)}))(?!{_EDGE})")
    # The participle is searched first (a rare word), then its auxiliary just before it ("is" is
    # everywhere): the cheap order for a scan of every sentence.
    emphasis_mark = r"[*_]{0,3}" if emphasis else ""
    auxiliary = recache.compile(r"(?i)\b" + _PASSIVE_AUX.get(lang, _PASSIVE_AUX["en"]) + emphasis_mark + "$")
    return _Patterns(
        actor=actor,
        state_keys=frozenset(_key(x) for x in states),
        participle=vocabulary("passive_participles"),
        auxiliary=auxiliary,
        outcome=vocabulary("outcomes", "outcome_nouns"),
        outcome_verb=vocabulary("outcomes"),
        state_outcome=vocabulary("state_outcomes"),
        enforced=vocabulary("enforcement"),
        enforced_noun=vocabulary("enforcement_nouns"),
        conclusion=vocabulary("conclusions"),
        legal_source=packs.words(data.get("legal_sources", [])),
        hedge=packs.words(data.get("hedges", [])),
    )


class RegulatoryAssertion(Rule):
    name = "regulatory-assertion"
    description = "A regulatory or legal outcome is stated as fact, with no source and no hedge"
    explain = """\
Flags a sentence that states as settled fact what a regulator, court or law did, does, will do or
would have done (block, approve, fine, sue, ban, investigate, impose restrictions, hold that
..., fail to enforce), or that states a legal conclusion ("this is perfectly legal", "c'est une
fraude"), when the sentence has no source and no hedge. Counterfactuals used as explanations are
flagged too: "the DOJ would have blocked any full acquisition immediately" is a prediction about a
world that did not happen.

The actor may be a regulator, a court or judge (by place: "a Delaware court"; by name: "Judge Jane
Roe"), a legislature, a named Act or a new law ("the SECURE Act eliminates the old rules", "the new
law lets you withdraw ..."), the police, prosecutors, investigators or customs, or a country
acting through its legal acts ("Nigeria banned ...", "le Maroc a interdit ...", and "la Chine l'a
déjà fait" after a sentence naming the act). It may also go unnamed when the act itself implies
it: a passive of an enforcement verb ("the founder was arrested", "les fonds ont été saisis", "sont poursuivis
en Suisse pour ..."), a sentence or penalty ("got six years in prison", "a écopé d'une amende"),
a nominalised act ("the seizure of the exchange's domain", "la condamnation du fondateur"), a
placement under a judicial regime ("placée en liquidation judiciaire") or the legal status of an
asset ("is legal tender in ...", "a cours légal"). A post's title (its first, level-1 heading)
is read too; section headings are not, since the section's sentences state the claim. The
span runs from the claim to the end of its clause, so an act coordinated with it ("denied the
allegations and even filed a complaint") is underlined too; a pronoun right after a sentence
naming an authority ("They have quietly restricted access") stands for it.

Why: regulators' decisions are facts that can be checked, and predictions about them are
opinions. FINRA Rule 2210(d)(1) and the SEC Marketing Rule 206(4)-1(a)(2) require a sound basis
for material statements; MAR Delegated Regulation 2016/958 art. 3 asks that facts be kept apart
from opinions and their sources shown.

Not flagged: attributed statements ("selon Reuters, l'AMF aurait ouvert une enquête", "the SEC
said in a statement", "police say", a link to the decision), hedged ones ("could", "pourrait",
"risque de"; a condition on the reader such as "if you have an IRA" is no hedge), questions and
open ones ("unclear as to who is sanctioned"), advocacy ("Congress should enact ..."), what a
lawsuit asks for, mentions of a regulator with no outcome, "not legal advice", and general
descriptions of how a law or tax works. Trading and everyday senses are left alone: a limit or stop order, a
fee charged, a bank approving a loan, "la Fed poursuit sa hausse", "condamné à disparaître".

Example:

    L'Autorité de la concurrence aurait immédiatement interdit une fusion complète.

Instead:

    Une fusion complète aurait probablement été examinée de près par l'Autorité de la
    concurrence, selon l'avocate Jeanne X.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        plain = _patterns(ctx.lang, ctx.pack_dirs)
        attribution = Attribution(doc, ctx.lang, ctx.pack_dirs)
        t = doc.masked
        counterfactual = _COUNTERFACTUAL.get(ctx.lang, _COUNTERFACTUAL["en"])
        not_a_claim = _NOT_A_CLAIM_HEADING.get(ctx.lang, _NOT_A_CLAIM_HEADING["en"])
        headline = _headline(doc)
        # Most sentences hold no actor, act or conclusion at all: one pass over the whole text
        # finds where they occur, and only the sentences that overlap one are read closely.
        candidates = _Candidates(t, plain)
        pronoun = _PRONOUN.get(ctx.lang, _PRONOUN["en"])
        officials = _officials(t, plain, ctx.lang)  # "SEC Chair Gary Roe": "Roe" acts for the SEC
        after_authority = False  # the previous sentence names an authority: "They" may be it
        for block in doc.prose_blocks():
            heading = block.kind == "heading"
            if heading and block is not headline:
                continue
            for a, b in doc.sentences(block):
                follows, after_authority = after_authority, False
                emphasis = t.find("*", a, b) >= 0 or t.find("_", a, b) >= 0
                overlaps = candidates.overlap(a, b)
                if overlaps:
                    after_authority = _names_an_authority(t, a, b, plain)
                referent = follows and pronoun.match(t, a, b) is not None
                official = officials is not None and officials.search(t, a, b) is not None
                if not (emphasis or overlaps or referent or official):
                    continue
                if _QUESTION.search(t, a, b):
                    # "The SEC approved its IPO in 2021, why question it now?": the statement before
                    # the question is still one; a question alone is not.
                    tail = _QUESTION_TAIL.search(t, a, b)
                    if tail is None:
                        continue
                    b = tail.start()
                if heading and not_a_claim.match(t, a, b):
                    continue  # "How the SEC approves an ETF": a topic, not a claim
                # Built on first use: most posts have no emphasis in a sentence that matters.
                pats = _patterns(ctx.lang, ctx.pack_dirs, emphasis=True) if emphasis else plain
                yield from self._claims(
                    doc, block, a, b, pats, attribution, counterfactual, heading, ctx.lang,
                    pronoun if referent else None, officials if official else None,
                )

    def _claims(
        self, doc: Document, block: Block, a: int, b: int, pats: _Patterns, attribution: Attribution,
        counterfactual: regex.Pattern[str], heading: bool, lang: str, pronoun: regex.Pattern[str] | None = None,
        officials: regex.Pattern[str] | None = None,
    ) -> Iterator[Finding]:
        """The claims of one sentence, one per clause: « X maintient son interdiction, mais Y n'est pas
        illégal » holds two."""
        t = doc.masked
        pos = a
        while pos < b:
            hit = self._assertion(
                t, pos, b, pats, counterfactual, heading, pronoun if pos == a else None, officials
            )
            if hit is None:
                return
            start, end, is_counterfactual, what, verb = hit
            nxt = _CLAUSE_BREAK.search(t, end, b)
            pos = nxt.end() if nxt else b
            if what == "regulatory outcome" and self._describes_a_law(t, start, verb, lang):
                continue
            if _INDIRECT_QUESTION.search(t, max(a, start - 100), start):
                continue  # "unclear as to who is being sanctioned": an open question
            if what == "regulatory outcome" and _GENERAL_PASSIVE.match(t, start) and _WHENEVER.search(t, end, b):
                continue  # "Firms are fined if they miss the deadline": how a rule works
            if self._hedged(t, a, b, start, verb, pats, is_counterfactual):
                continue
            if what == "legal conclusion" and _DEFINITION.match(t, a, b):
                continue  # "Un stratagème de Ponzi est une escroquerie": a definition
            # What holds for the whole sentence: a general rule, a source, an authority's own words.
            if _GENERAL_RULE[lang if lang in _GENERAL_RULE else "en"].search(t, a, end):
                return  # "Brokers must be licensed by the FCA"; not a "must" in a later clause
            # A speaker whose quotation closes before a clause of its own ('X warned "…" after
            # regulators fined Google') does not source that clause.
            after_quote = attribution.after_closed_quote(a, start)
            if self._sourced(attribution, t, after_quote, end, b, verb) or (
                attribution.paragraph_lead(block) and (a, b) != doc.sentences(block)[0]
            ):
                return
            if _reported_by_an_authority(t, a, b, pats, lang):
                return
            if attribution.reported_before(a, start):
                continue  # "he asked, later saying he had granted the pardon": the speaker's words
            # The span is the whole assertion: the act and what follows it in its clause ("denied the
            # allegations and even filed a criminal complaint against the paper").
            stop = _clause_end(t, end, b)
            while stop > end and (t[stop - 1].isspace() or t[stop - 1] in ".,;:!…\"'”»)*_"):
                if t[stop - 1] == ")" and t.count("(", start, stop) >= t.count(")", start, stop):
                    break  # "… the Financial Times (FT)": the bracket closes one the span opened
                stop -= 1
            yield Finding(start, stop, f"{what} stated as fact, with no source or hedge", help=_HELP)
            if heading:
                return

    @staticmethod
    def _assertion(
        t: str, a: int, b: int, pats: _Patterns, counterfactual: regex.Pattern[str], heading: bool = False,
        pronoun: regex.Pattern[str] | None = None, officials: regex.Pattern[str] | None = None,
    ) -> tuple[int, int, bool, str, tuple[int, int]] | None:
        """The first claim of the sentence: an actor and its act, an act that implies its actor, a conclusion.

        A heading is read for verbs only: "SEC lawsuit" or "L'amende de l'AMF" there names a topic.
        """
        outcome = pats.outcome_verb if heading else pats.outcome
        found: list[tuple[_Span | regex.Match[str] | None, str]] = [
            (_passive(t, a, b, pats), "regulatory outcome"),
            (pats.enforced.search(t, a, b), "regulatory outcome"),
        ]
        if not heading:
            found += [
                (pats.enforced_noun.search(t, a, b), "regulatory outcome"),
                (pats.conclusion.search(t, a, b), "legal conclusion"),
            ]
        hits = [(m.start(), m.end(), False, what, m.span()) for m, what in found if m is not None]
        actor_hit = _actor_and_act(t, a, b, pats, outcome, counterfactual)
        if actor_hit is not None:
            hits.append(actor_hit)
        # "The SEC stayed silent. They have quietly restricted access ...": the pronoun is the authority.
        who = pronoun.match(t, a, b) if pronoun is not None else None
        act = outcome.search(t, who.end(), b) if who is not None else None
        if act is not None and who is not None and act.end() > who.end() + _MAX_GAP:
            act = None
        if who is not None and act is not None:
            cf = bool(counterfactual.search(t, max(a, act.start() - 40), act.start()))
            what = "counterfactual about a regulator" if cf else "regulatory outcome"
            hits.append((who.start("who"), act.end(), cf, what, act.span()))
        # "Roe clearly views most tokens as securities", after "SEC Chair Gary Roe" earlier in the post.
        for named in officials.finditer(t, a, b) if officials is not None else ():
            act = outcome.search(t, named.end(), min(b, named.end() + _MAX_GAP))
            if act is not None:
                cf = bool(counterfactual.search(t, max(a, act.start() - 40), act.start()))
                what = "counterfactual about a regulator" if cf else "regulatory outcome"
                hits.append((named.start(), act.end(), cf, what, act.span()))
                break
        if not hits:
            return None
        # The earliest claim, the longest where two start together ("pleaded guilty and was ordered
        # to pay ... after a US investigation found ...": the plea comes first).
        return min(hits, key=lambda h: (h[0], -h[1]))

    @staticmethod
    def _describes_a_law(t: str, start: int, verb: tuple[int, int], lang: str) -> bool:
        """'La loi autorise ...', 'the rules allow ...': how a law works, in the present tense."""
        law = _LAW_SUBJECT.get(lang, _LAW_SUBJECT["en"])
        m = law.match(t, start)
        if not m or _NEW.search(m.group()):
            return False  # "the new law lets you withdraw ...": what a change brings, not how a law works
        window = t[start : verb[1]]
        return not _NOT_PRESENT.get(lang, _NOT_PRESENT["en"]).search(window)

    @staticmethod
    def _sourced(attribution: Attribution, t: str, a: int, end: int, b: int, verb: tuple[int, int]) -> bool:
        """A source for the claim ending at `end` in [a, b). A relative clause after the claim (", which
        [hold $437M](…)") speaks of its own noun: a link in it sources what it says, not the claim,
        unless it reports ("…, which Reuters reported")."""
        rel = _RELATIVE_AFTER.search(t, end, b)
        if rel is None:
            return attribution.strong(a, b, verb)
        nxt = _CLAUSE_BREAK.search(t, rel.end(), b)
        rel_end = nxt.start() if nxt else b
        return (
            attribution.strong(a, rel.start(), verb)
            or (rel_end < b and attribution.strong(rel_end, b, verb))
            or attribution.c.verbs.search(t, rel.end(), rel_end) is not None
            or attribution.c.lead.search(t, rel.end(), rel_end) is not None
        )

    @staticmethod
    def _hedged(
        t: str, a: int, b: int, start: int, verb: tuple[int, int], pats: _Patterns, counterfactual: bool
    ) -> bool:
        """A hedge in the clause of the assertion (conditionals anywhere in the sentence)."""
        if _LIKELIHOOD_TAG.search(t, a, b):
            return True  # "- The SEC approves it after all (not likely)": a scenario weighed, not a claim
        clause = _clause_start(t, a, start)
        clause_end = _clause_end(t, verb[1], b)
        for m in pats.hedge.finditer(t, a, b):
            if verb[0] <= m.start() < verb[1]:
                continue  # part of the assertion itself ("ne peut rien contre")
            word = m.group().lower()
            if word in _CONDITIONAL_WORDS:
                # "If X, the SEC will ..." hedges; "..., and if you bought it" after the claim does not,
                # nor a concession: "even if you hold it yourself", « même si vous le détenez ».
                if counterfactual or m.start() > start or _CONCESSION.search(t, max(a, m.start() - 8), m.start()):
                    continue
                if _READER_CONDITION.match(t, m.end(), start):
                    continue  # "If you have an IRA, the new law lets you ...": whom the rule concerns
                return True
            if m.start() > verb[1] and word in _OBJECT_HEDGES and _FOR.search(t, verb[1], m.start()):
                continue  # "fined the bank for violations allegedly committed": the violations are alleged
            if clause <= m.start() < clause_end:
                return True
        return False


def _headline(doc: Document) -> Block | None:
    """The post's title, when its first heading is a level-1 one ("# Police seize an exchange").

    A title is read on its own (in feeds, in shares), so a claim in it is a claim; a section heading
    ("## Halden Bank gets fined") labels the section whose first sentence states the claim.
    """
    for block in doc.blocks:
        if block.kind == "heading":
            if len(_HEADING_WORD.findall(doc.masked, block.start, block.end)) < 3:
                continue  # a dateline above the title: "### [2016-05-10](/news/…)"
            return block if _LEVEL_ONE.match(doc.text, block.start, block.end) else None
    return None


_LEVEL_ONE = recache.compile(r"[ \t]*#(?!#)")
_HEADING_WORD = recache.compile(r"\p{L}{2,}")


class _Candidates:
    """Where the patterns that can start a claim match in the whole text, to skip the other sentences.

    A pattern searched within a sentence can only match where, or inside where, the same pattern
    matches in the whole text, so a sentence that overlaps no whole-text match holds no claim.
    Sentences with Markdown emphasis are read with other patterns (see _patterns) and always checked.
    """

    def __init__(self, t: str, pats: _Patterns) -> None:
        spans = sorted(
            m.span()
            for pattern in (pats.actor, pats.participle, pats.enforced, pats.enforced_noun, pats.conclusion)
            for m in pattern.finditer(t)
        )
        self._starts = [a for a, _ in spans]
        self._reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlap(self, a: int, b: int) -> bool:
        i = bisect_left(self._starts, b)  # the spans that start before b
        return i > 0 and self._reach[i - 1] > a


class _Span:
    """A match-like span: a passive runs from its auxiliary to the end of its participle."""

    def __init__(self, start: int, end: int) -> None:
        self._span = (start, end)

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]

    def span(self) -> tuple[int, int]:
        return self._span


def _passive(t: str, a: int, b: int, pats: _Patterns) -> _Span | None:
    """The first enforcement participle of the sentence with its auxiliary ("was arrested")."""
    for m in pats.participle.finditer(t, a, b):
        aux = pats.auxiliary.search(t, max(a, m.start() - 60), m.start())
        if aux is not None:
            return _Span(aux.start(), m.end())
    return None


# "unclear as to who is being sanctioned", « on ne sait pas qui sera poursuivi »: an open question.
_INDIRECT_QUESTION = recache.compile(
    r"(?i)\b(?:regarding|as to|about|know|knows|knew|unclear|clarity|wonder|savoir|sait|ignore|quant à|of|on|over|"
    r"into|de|sur)(?:\s+(?:pas|plus|not|yet))?\s+"
    r"(?:who|whom|whether|what|how|qui|si|quoi|comment)\b[^.;:!?,]{0,80}$"
)


def _actor_and_act(
    t: str, a: int, b: int, pats: _Patterns, outcome: regex.Pattern[str], counterfactual: regex.Pattern[str]
) -> tuple[int, int, bool, str, tuple[int, int]] | None:
    for who in pats.actor.finditer(t, a, b):
        if _PLACE_BEFORE.search(t, max(a, who.start() - 12), who.start()):
            continue  # "the ruling in the EU", « en Europe »: a place, not the actor
        # A country acts only through a state's legal acts ("Nigeria banned"): "China produced most
        # of the blocks" is no act of a regulator.
        state = _key(who.group()) in pats.state_keys
        act = pats.state_outcome if state else outcome
        # The act follows its actor closely ("the DOJ would have blocked"); a verb far down the
        # sentence ("l'ESMA publie le registre des prestataires autorisés") is not its act.
        # Searched to the sentence end, so look-aheads see past the gap ("stopped short of").
        m = act.search(t, who.end(), b)
        if m is not None and m.end() > who.end() + _MAX_GAP:
            m = None
        if m is not None:
            cf = bool(counterfactual.search(t, max(a, m.start() - 40), m.start()))
            what = "counterfactual about a regulator" if cf else "regulatory outcome"
            return who.start(), m.end(), cf, what, m.span()
        if state:
            continue
        # Passive voice: "was fined by the SEC", "a été sanctionnée par l'AMF".
        for m in act.finditer(t, max(a, who.start() - _MAX_GAP), who.start()):
            if _BY_AGENT.search(t[m.end() : who.start()]):
                return m.start(), who.end(), False, "regulatory outcome", m.span()
    return None


# "If you have an IRA, …": the condition says whom a rule concerns, it does not hedge the rule.
_READER_CONDITION = recache.compile(
    r"(?i)\s+(?:you|vous|tu)\s+(?:are|have|own|hold|were|êtes|avez|possédez|détenez|es|as)\b"
)
_OBJECT_HEDGES = frozenset({"allegedly", "purportedly", "supposedly", "présumés", "présumées", "présumé", "présumée"})
_FOR = recache.compile(r"(?i)\b(?:for|over|pour|sur)\b")
_CONCESSION = recache.compile(r"(?i)\b(?:even|même)\s+$")
_PLACE_BEFORE = recache.compile(r"(?i)\b(?:in|across|throughout|within|outside|into|en|dans)\s+$")


def _names_an_authority(t: str, a: int, b: int, pats: _Patterns) -> bool:
    """Whether the sentence names an authority (a regulator, a court...), not only a country."""
    return any(_key(m.group()) not in pats.state_keys for m in pats.actor.finditer(t, a, b))


# An authority's head named with the title: "SEC Chair Gary Roe", "the Fed's governor Ann Doe",
# « la présidente de l'AMF, Marie Roe ». Their surname then acts for the authority in the post.
# The titles are rare words: they are searched first, and the authority next to them.
_NAME = r"(?P<name>(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{Ll}'’-]+)"
_TITLE = {
    "en": recache.compile(
        r"\b(?i:chair(?:man|woman|person)?|commissioner|governor|president|director|head|chief|"
        r"secretary|administrator)\s*,?\s+" + _NAME
    ),
    "fr": recache.compile(
        r"(?i:président|présidente|gouverneur|gouverneure|directeur|directrice|commissaire|secrétaire)"
        r"\s+(?:général\s+|générale\s+)?(?:de\s+la\s+|du\s+|de\s+l['’]\s*|des\s+)"
    ),
}
_NAME_AFTER = recache.compile(r"\s*,\s+" + _NAME)
_BEFORE_TITLE = recache.compile(r"(?:['’]s)?[ \t]+$")


def _officials(t: str, pats: _Patterns, lang: str) -> regex.Pattern[str] | None:
    """The surnames of the authorities' heads the post names with their title, as one pattern."""
    names: set[str] = set()
    if lang == "fr":
        for title in _TITLE["fr"].finditer(t):
            actor = pats.actor.match(t, title.end())
            named = _NAME_AFTER.match(t, actor.end()) if actor is not None else None
            if named is not None:
                names.add(named.group("name").split()[-1])
    else:
        for title in _TITLE["en"].finditer(t):
            # The authority just before the title: "SEC Chair …", "the SEC's chair, …".
            before = _BEFORE_TITLE.search(t, max(0, title.start() - 45), title.start())
            if before is not None and any(
                m.end() == before.start() for m in pats.actor.finditer(t, max(0, before.start() - 40), before.start())
            ):
                names.add(title.group("name").split()[-1])
    if not names:
        return None
    return regex.compile(r"\b(?:" + "|".join(regex.escape(n) for n in sorted(names)) + r")\b(?![\p{L}'’-])")


# A sentence that opens on a pronoun whose referent may be the authority of the sentence before.
_PRONOUN = {
    "en": recache.compile(r"(?i)[\W_]*(?:but |and |then |now |since then |later )?(?P<who>they|it)\b"),
    "fr": recache.compile(
        r"(?i)[\W_]*(?:mais |et |puis |depuis |ensuite )?(?P<who>ils|elles|elle|il)\b"
        r"(?!\s+(?:y|faut|est|semble|paraît)\b)"
    ),
}


def _reported_by_an_authority(t: str, a: int, b: int, pats: _Patterns, lang: str) -> bool:
    """The sentence reports what an authority or its document says: "police said", "selon le parquet",
    "according to the indictment", "..., a indiqué le parquet"."""
    report = _REPORT[lang if lang in _REPORT else "en"]
    if pats.legal_source.search(t, a, b):
        return True
    for who in pats.actor.finditer(t, a, b):
        if report["after"].match(t, who.end(), b) or report["before"].search(t, max(a, who.start() - 40), who.start()):
            return True
    return False


_REPORT = {
    "en": {
        "after": recache.compile(
            r"(?i)\s*,?\s*(?:(?:has|have|had|also|then|later)\s+)*(?:said|says|say|announced|announces|announce|stated|"
            r"states|told|confirmed|confirms|reported|reports|disclosed|explained|wrote|writes|alleged|alleges|claimed|"
            r"claims|noted|added|revealed)\b"
        ),
        "before": recache.compile(
            r"(?i)\b(?:according to|per|as reported by|as announced by|said|says|told|announced)\s+(?:the\s+)?$"
        ),
    },
    "fr": {
        "after": recache.compile(
            r"(?i)\s*,?\s*(?:(?:a|ont|avait|avaient|aussi|également|déjà)\s+)*(?:indiqué|annoncé|déclaré|précisé|"
            r"confirmé|affirmé|expliqué|communiqué|fait savoir|souligné|rapporté|révélé|indique|indiquent|annonce|"
            r"annoncent|déclare|déclarent|précise|précisent|confirme|confirment|affirme|affirment|explique|rapporte)\b"
        ),
        "before": recache.compile(
            r"(?i)(?:\bselon|\bd['’]après|\bde source|\b(?:a|ont|avait)\s+(?:indiqué|annoncé|déclaré|précisé|confirmé|"
            r"affirmé|expliqué|fait savoir)|\b(?:indique|précise|annonce|affirme|explique|rapporte))\s+"
            r"(?:(?:le|la|les|du|de la|des)\s+|l['’]\s*)?$"
        ),
    },
}
# A passive in the present followed by a condition states a rule, not an event.
_GENERAL_PASSIVE = recache.compile(r"(?i)(?:is|are|est|sont)\b")
_WHENEVER = recache.compile(
    r"(?i)\b(?:if|when|whenever|unless|once|si|lorsque|quand|dès que|en cas de)\b"
    r"|\b(?:s['’]ils?|lorsqu['’]|dès qu['’]|en cas d['’])"
)
_BY_AGENT = recache.compile(r"(?i)\b(?:by|par)\s+(?:[\w.'’]+\s+){0,3}(?:l['’])?$")
_NOT_A_CLAIM_HEADING = {
    "en": recache.compile(r"(?i)\W*(?:how|why|what|when|where|which|who|can|could|should|will|would|is|are|does|do)\b"),
    "fr": recache.compile(
        r"(?i)\W*(?:comment|pourquoi|quand|que|qu['’]|quel|quelle|quels|quelles|où|qui|faut-il|peut-on|est-ce)\b"
    ),
}
_MAX_GAP = 80
_RELATIVE_AFTER = recache.compile(r"(?i),\s*(?:which|who|whose|qui|dont|lesquels|lesquelles|laquelle|lequel)\b")
# A likelihood in brackets that ends the sentence weighs the whole of it: "(not likely)",
# "(most likely)", « (peu probable) ».
_LIKELIHOOD_TAG = recache.compile(
    r"(?i)\((?:[^()]{0,25}\W)?(?:likely|unlikely|probable|improbable|possible|doubtful|speculative|"
    r"hypothetical|hypothétique|incertain|peu probable|vraisemblable)\b[^()]{0,25}\)\W*$"
)
# A hedge counts in the clause of the claim only. After a comma, a participle or relative clause
# ("..., indicating the exchange could be sued") or "in fact" opens a new one.
_CLAUSE_BREAK = recache.compile(
    r"(?i)[;:—–]|,\s*(?:but|mais|so|donc|and|et|while|alors que|tandis que|which|indicating|suggesting|meaning|"
    r"signall?ing|ce qui|indiquant|laissant|signifiant|in fact|actually|indeed|en fait|d['’]ailleurs|saying|adding|"
    r"citing|noting|arguing|affirmant|ajoutant|précisant|citant|arguant|"
    # A reason given after a comma is a claim of its own: "You may wonder why ..., as fraud is illegal".
    r"as|because|since|given that|car|puisque|parce que|étant donné que)\b"
    r"|\b(?:but|mais)\b"
)


def _clause_start(t: str, a: int, start: int) -> int:
    last = a
    for m in _CLAUSE_BREAK.finditer(t, a, start):
        last = m.end()
    return last


def _clause_end(t: str, pos: int, b: int) -> int:
    m = _CLAUSE_BREAK.search(t, pos, b)
    return m.start() if m else b


_LAW_SUBJECT = {
    "en": recache.compile(
        r"(?i)(?:the\s+)?(?:new\s+|federal\s+|current\s+)?(?:law|laws|rules?|regulations?|directive|act|bill|"
        r"statute|code|MiCA|MiFID|GDPR|tax code)\b"
        r"(?!\s+(?:enforcement|firms?|schools?|makers?|professors?|students?)\b)"
    ),
    "fr": recache.compile(
        r"(?i)(?:la\s+|le\s+|les\s+|l['’]\s*)?(?:nouvelle\s+)?(?:loi|lois|règle|règles|réglementation|règlement|"
        r"directive|code|décret|MiCA|MiFID|RGPD|texte)\b"
    ),
}
_NEW = recache.compile(r"(?i)\b(?:new|nouvelles?|nouveau)\b")
# A future, conditional or past outcome ("will ban", "supprimera", "a interdit") is a claim, not a
# description of how the law works.
_NOT_PRESENT = {
    "en": recache.compile(
        r"(?i)\b(?:will|would|won't|'ll|going to|set to|shall|cannot|can't|could not|couldn't|has|have|had|was|"
        r"were)\b|\w+ed$|\w+ed\s+(?:the|a|an|its|their|control|over)\b|(?<=\w\s+)\w{2,}ed\s+\w+$"
    ),
    "fr": recache.compile(
        r"(?i)(?:era|eront|erait|eraient|ira|iront|irait|ra|ront|rait|raient)$|\b(?:a|ont|avait|va|vont|allait)\s+"
        r"(?:\w+\s+)?\w+$|[ée]e?s?$"
    ),
}


_DEFINITION = recache.compile(
    r"(?i)\W*(?:un|une|a|an|any|tout|toute)\s+[\p{L}-]+(?:\s+[\p{L}'’-]+){0,4}\s+(?:est|is)\b"
)


# A rule stated in general ("an issuer must be licensed") describes how a law works.
_GENERAL_RULE = {
    "en": recache.compile(
        r"(?i)\b(?:must|have to|has to|are required to|is required to|need to|needs to)\b(?! (?:know|note|remember|"
        r"understand|realise|realize|say))"
    ),
    "fr": recache.compile(
        r"(?i)\b(?:doit|doivent|est tenue? de|sont tenue?s de|il faut(?! (?:savoir|noter|rappeler|dire|comprendre|"
        r"préciser|souligner|bien voir|reconnaître)))\b"
    ),
}


_HELP = (
    "name the source (the decision, a statement, a lawyer's analysis) or hedge the claim "
    "('could', 'is likely to', « pourrait », « selon moi »)"
)

RULES = [RegulatoryAssertion]
