"""missing-disclaimer: a finance post with no "not investment advice" or risk statement."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, NamedTuple

import regex

from lintpost import packs, recache
from lintpost.diagnostic import Edit, Finding, Fix
from lintpost.document import Document
from lintpost.rule import Context, Rule

_WORD = recache.compile(r"[\p{L}\p{N}]+")
_NEGATED = recache.compile(r"(?i)(?:\bn['’]|\bne\s+|\bnot\s+|\bnever\s+|\bdon['’]t\s+|\bdo not\s+|\bjamais\s+)\s*$")


class _Phrases(NamedTuple):
    """Phrases matched on word boundaries: plain ones as normalised substrings, 're:' ones as a regex."""

    plain: tuple[str, ...]
    pattern: regex.Pattern[str] | None

    @classmethod
    def of(cls, items: list[str]) -> _Phrases:
        plain = tuple(sorted({f" {_normalise(i)} " for i in items if not i.startswith("re:")}))
        regexes = [i for i in items if i.startswith("re:")]
        return cls(plain, packs.words(regexes) if regexes else None)

    def found(self, norm: str, text: str) -> bool:
        return any(_affirmed(p, norm) for p in self.plain) or (
            self.pattern is not None and bool(self.pattern.search(text))
        )

    def counts(self, norm: str, text: str) -> tuple[int, int]:
        """(distinct phrases present, total occurrences)."""
        hits = [norm.count(p) for p in self.plain]
        found = [h for h in hits if h]
        extra = [m.group().lower() for m in self.pattern.finditer(text)] if self.pattern is not None else []
        return len(found) + len(set(extra)), sum(found) + len(extra)


def _affirmed(phrase: str, norm: str) -> bool:
    """The phrase occurs, once at least not negated: "there is no risk of loss" warns of nothing."""
    start = norm.find(phrase)
    while start >= 0:
        if not norm[max(0, start - 12) : start].endswith(_NEGATIONS):
            return True
        start = norm.find(phrase, start + 1)
    return False


_NEGATIONS = (" no", " without", " zero", " sans", " aucun", " aucune", " zéro", " pas de", " never")


def _normalise(text: str) -> str:
    """Lower-case, composed accents, every run of non-word characters as one space."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFC", text).lower()).strip()


_NON_WORD = recache.compile(r"[^\w]+")


class _Patterns(NamedTuple):
    disclaimer: _Phrases
    research: _Phrases  # "DYOR", « faites vos propres recherches »: a notice only where notices stand
    cues: _Phrases
    calls: regex.Pattern[str]


@lru_cache(maxsize=8)
def _patterns(lang: str, pack_dirs: tuple[Path, ...], extra: tuple[str, ...]) -> _Patterns:
    # A disclaimer may be written in either language (platform notices often are in English).
    phrases: list[str] = list(extra)
    research: list[str] = []
    for other in ("fr", "en"):
        pack = packs.load("disclaimer", other, pack_dirs)
        phrases += pack.get("phrases", [])
        research += pack.get("research", [])
    data = packs.load("finance", lang, pack_dirs)
    # Existence and counts need no positions: substring tests on a normalised copy are far faster
    # than a case-insensitive alternation of a few hundred phrases.
    return _Patterns(
        disclaimer=_Phrases.of(phrases),
        research=_Phrases.of(research),
        cues=_Phrases.of(list(data.get("cues", []))),
        calls=packs.words(data.get("calls", [])),
    )


def finance_score(doc: Document, cues: _Phrases) -> tuple[int, int]:
    """(distinct finance cues, total cue hits) in the document's prose."""
    return cues.counts(f" {_normalise(doc.masked)} ", doc.masked)


class MissingDisclaimer(Rule):
    name = "missing-disclaimer"
    description = "A finance post has no disclaimer (not investment advice, risk of loss)"
    fixable = True
    options: ClassVar[dict[str, object]] = {"min-cues": 4, "min-density": 0.01}
    explain = """\
Flags a finance post (it discusses investments, securities, crypto-assets, markets, companies'
financial moves or personal-finance decisions) that carries no disclaimer: a statement that it is
not investment advice, is for information only, or warns of the risk of loss. Short forms count
("NFA", "DYOR", « pas un conseil en investissement »), and so does a platform's standard notice,
or a title alone on its line above the notice ("Disclaimer", « ## Avertissement »). A disclosure
of the author's own positions alone ("Disclaimer: I hold BTC") is not a disclaimer. When the post
holds explicit buy or sell calls or price targets, the message says so.

Why: the FCA (COBS 4.2, FG24/1), the AMF and ESMA expect risks to be shown next to benefits, and
a post read as advice without one exposes its author. A disclaimer does not cure misleading content
(ESMA, January 2026), so lintpost never lets one silence its other findings.

Example: a post analysing a stock's valuation that ends with "I'm buying more" and no notice.

Instead, end with a line such as:

    This is not investment advice. Investing involves a risk of loss.
    Ceci n'est pas un conseil en investissement. Investir comporte un risque de perte en capital.

With a house disclaimer in config (`[tool.lintpost.disclaimer] fr = "..."`), `--fix` appends it.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        house = tuple(v for v in ctx.disclaimers.values() if v)
        pats = _patterns(ctx.lang, ctx.pack_dirs, house)
        norm = f" {_normalise(doc.text)} "
        if pats.disclaimer.found(norm, doc.text) or _research_notice(doc, pats.research, norm):
            return
        distinct, hits = finance_score(doc, pats.cues)
        words = max(1, sum(1 for _ in _WORD.finditer(doc.masked)))
        if distinct < int(ctx.option("min-cues", 4)) or hits / words < float(ctx.option("min-density", 0.01)):
            return
        prose = [b for b in doc.prose_blocks() if doc.masked[b.start : b.end].strip()]
        if not prose:
            return
        last = prose[-1]
        # A call quoted from someone else (a tweet in a blockquote) is not the author's.
        quoted = [(blk.start, blk.end) for blk in doc.blocks if blk.kind == "quote"]
        call = next(
            (
                m
                for m in pats.calls.finditer(doc.masked)
                if not _NEGATED.search(doc.masked, max(0, m.start() - 20), m.start())
                and not any(x <= m.start() < y for x, y in quoted)
            ),
            None,
        )
        message = "finance post without a disclaimer (not investment advice, risk of loss)"
        if call:
            line = doc.index.line_of(call.start())
            message = f"finance post with an explicit call ('{call.group()}', line {line}) but no disclaimer"
        fix = None
        text = ctx.disclaimers.get(ctx.lang)
        if text:
            eol = _line_break(doc.text)
            end = len(doc.text)
            tail = doc.text.rstrip("\r\n \t")
            fix = Fix("append the house disclaimer", (Edit(len(tail), end, f"{eol}{eol}{text.strip()}{eol}"),))
        yield Finding(
            last.start,
            last.end,
            message,
            help="end the post with a disclaimer, e.g. 'This is not investment advice. "
            "Investing involves a risk of loss.' / « Ceci n'est pas un conseil en "
            "investissement. »",
            fix=fix,
        )


def _research_notice(doc: Document, research: _Phrases, norm: str) -> bool:
    """A research prompt ("DYOR") where a notice stands: the first two or last three blocks of prose,
    or a short block of its own; in running text ("on parle souvent de DYOR, mais…") it is advice."""
    if not research.found(norm, doc.text):
        return False  # the common case, decided on the whole text at once
    blocks = [b for b in doc.prose_blocks() if doc.masked[b.start : b.end].strip()]
    in_notice_section = False
    for i, block in enumerate(blocks):
        text = doc.text[block.start : block.end]
        if block.kind == "heading":
            in_notice_section = _NOTICE_HEADING.search(text) is not None
        notice = (
            in_notice_section or i < 2 or i >= len(blocks) - 3 or len(_WORD.findall(text)) <= _SHORT_NOTICE_WORDS
        )
        if notice and research.found(f" {_normalise(text)} ", text):
            return True
    return False


_SHORT_NOTICE_WORDS = 25
_NOTICE_HEADING = recache.compile(
    r"(?i)disclaimer|disclosure|about this|important|avertissement|mentions? légales|à propos de (?:cet|cette)|"
    r"\bnote\b|\brisques?\b|\brisks?\b"
)


def _line_break(text: str) -> str:
    m = regex.search(r"\r\n|\r|\n", text)
    return m.group() if m else "\n"


RULES = [MissingDisclaimer]
