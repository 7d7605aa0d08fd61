"""unattributed-quote: words put in the mouth of a company or a person, with no source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import regex

from lintpost import packs, recache
from lintpost.attribution import Attribution
from lintpost.diagnostic import Finding
from lintpost.document import Document
from lintpost.rule import Context, Rule

_QUOTE = recache.compile(
    r"«([^«»]{1,1500})»|“([^“”]{1,1500})”|(?<![\p{L}\p{N}])\"((?:[^\"\n]|\n(?![ \t]*\n)){1,1500})\""
)
_WORD = recache.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
_BOUNDARY = recache.compile(r"[.!?…]+[\"»”’)]*\s|\n\s*\n")
# A capitalised word that is not the first word of its clause: "Northjet", "Jane Roe".
_NAME = recache.compile(
    r"(?:(?<=[\p{L}\p{N},;:'’)]\s+|\()|^\W*)(\p{Lu}[\p{Ll}\p{Lu}&.'’-]*\p{L}|\p{Lu}{2,})", regex.V1
)
# Capitalised words that open a clause without naming anyone.
_FUNCTION_WORDS = """le la les l un une des ce cet cette ces son sa ses leur leurs il elle ils elles
on nous vous je tu mais et ou donc or ni car pour par dans en avec sans sur selon après avant quand si comme
the a an this that these those it its he she they we you i his her their our but and or so for in on
at with without by after before when if as there here what who"""
_FUNCTION = frozenset(_FUNCTION_WORDS.split())


@lru_cache(maxsize=8)
def _outlet_names(lang: str, pack_dirs: tuple[Path, ...]) -> regex.Pattern[str]:
    """Outlet names without their article, so "told Le Figaro" and « a déclaré au Figaro » both count."""
    names = set()
    for name in packs.load("attribution", lang, pack_dirs).get("outlets", []):
        bare = regex.sub(r"^(?:Le|La|Les|L['’]|The)\s*", "", str(name))
        if len(bare) >= 3:
            names.add(bare)
    return packs.words(sorted(names), 0)


@dataclass(frozen=True)
class _Cues:
    speech: regex.Pattern[str]
    speakers: regex.Pattern[str]
    sources: regex.Pattern[str]
    titles: regex.Pattern[str]


def _cues(data: dict[str, Any]) -> _Cues:
    return _Cues(
        speech=packs.words(data.get("speech_verbs", [])),
        speakers=packs.words(data.get("speakers", [])),
        sources=packs.words(data.get("sources", [])),
        titles=packs.words(data.get("titles", [])),
    )


class UnattributedQuote(Rule):
    name = "unattributed-quote"
    description = "A quotation put in the mouth of a company or a person, with no source"
    options: ClassVar[dict[str, Any]] = {"min-words": 4}
    explain = """\
Flags a quotation that the post attributes to someone (a company "says", "tells the market",
« affirme », « a déclaré le PDG », or "Northjet's CEO is categorical: « ... »") when nothing says
where the words come from: no link, no footnote, no outlet ("told Reuters", "(AFP)"), no
"according to" / « selon », no occasion that can be checked (a statement, an earnings call, an
interview, « un communiqué », « une conférence de presse »). A paraphrase put between quotation
marks is the usual culprit.

Not flagged: quotations of one to three words (scare quotes, terms), titles of books, reports
or products (« le rapport intitulé "..." »), quotations with no speaker, and sourced ones.
Vocabulary: `rules/<lang>/quotes.toml`.

Why: a direct quotation claims that someone said exactly these words. MAR Delegated Regulation
2016/958 art. 3 asks that material sources be clearly indicated, and FINRA Rule 2210(d)(1)
that statements be fair and substantiated; a made-up or reshaped quote is neither.

Example:

    Northjet tells the market "we will double deliveries by 2026 and never need new capital".

Instead:

    In its third-quarter results statement (link), Northjet said it "expects deliveries to
    double by 2026".
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        cues = _cues(ctx.pack("quotes"))
        attribution = Attribution(doc, ctx.lang, ctx.pack_dirs)
        outlets = _outlet_names(ctx.lang, ctx.pack_dirs)
        min_words = int(ctx.option("min-words", 4))
        t = doc.masked
        for block in doc.prose_blocks():
            if block.kind == "heading":
                continue
            for m in _QUOTE.finditer(t, block.start, block.end):
                inner = next(g for g in m.groups() if g is not None)
                if len(_WORD.findall(inner)) < min_words:
                    continue
                a, b = _clause_start(t, block.start, m.start()), _clause_end(t, m.end(), block.end)
                before, after = t[a : m.start()], t[m.end() : b]
                if _is_title(before, cues):
                    continue
                if not _has_speaker(before, after, cues):
                    continue
                if self._sourced(doc, attribution, cues, outlets, a, b, block.end):
                    continue
                yield Finding(m.start(), m.end(), "quotation put in someone's mouth with no source",
                              help=_HELP)

    @staticmethod
    def _sourced(doc: Document, attribution: Attribution, cues: _Cues, outlets: regex.Pattern[str],
                 a: int, b: int, block_end: int) -> bool:
        # The source may follow in the next sentence: "It said so in its annual letter."
        nxt = _clause_end(doc.masked, b, block_end)
        t = doc.masked
        if doc.has_link_between(a, nxt) or doc.has_citation_between(a, nxt):
            return True
        c = attribution.c
        if c.outlet_paren.search(t, a, nxt) or c.outlet.search(t, a, nxt) or cues.sources.search(t, a, nxt):
            return True
        if outlets.search(t, a, nxt):
            return True
        return any(not attribution.vague(m.start(), m.end() + 40) for m in c.lead.finditer(t, a, nxt))


_HELP = ("say where and when it was said (a link, a statement, an interview, « selon ... », "
         "\"according to ...\"), or paraphrase without quotation marks")


def _clause_start(t: str, floor: int, at: int) -> int:
    start = floor
    for m in _BOUNDARY.finditer(t, floor, at):
        start = m.end()
    return start


def _clause_end(t: str, at: int, ceiling: int) -> int:
    m = _BOUNDARY.search(t, at, ceiling)
    return m.end() if m else ceiling


def _is_title(before: str, cues: _Cues) -> bool:
    tail = before[-40:]
    found = list(cues.titles.finditer(tail))
    return bool(found) and len(_WORD.findall(tail[found[-1].end() :])) <= 2


def _named(text: str, speech: regex.Pattern[str]) -> bool:
    for m in _NAME.finditer(text):
        word = m.group(1)
        if word.lower().strip("'’") in _FUNCTION:
            continue
        if not text[: m.start()].strip(" \t*_([\"«“'") and not word.isupper():
            # First word of the clause: a name only if a possessive, a name or a speech verb follows
            # ("Northjet's CEO", "Kora Pay", "Northjet tells"), not "Chaque personne".
            rest = text[m.end() :]
            if not (regex.match(r"['’]s\b|\s+\p{Lu}", rest) or speech.match(rest.lstrip())):
                continue
        return True
    return False


def _has_speaker(before: str, after: str, cues: _Cues) -> bool:
    around = before + " " + after
    someone = (_named(before, cues.speech) or _named(after, cues.speech)
               or bool(cues.speakers.search(around)))
    if not someone:
        return False
    if cues.speech.search(around):
        return True
    # "Le PDG de Kora est formel : « ... »": a named subject then a colon just before the quote.
    named = _named(before, cues.speech) or bool(cues.speakers.search(before))
    return before.rstrip().endswith((":", "：")) and named


RULES = [UnattributedQuote]
