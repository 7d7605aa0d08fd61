"""page-furniture: menus, buttons, counters and banners scraped from the page around a post."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from lintpost import packs, recache
from lintpost.diagnostic import Edit, Finding, Fix
from lintpost.document import Document
from lintpost.rule import Context, Rule

_ALNUM = recache.compile(r"[\p{L}\p{N}]")
_WORDS = recache.compile(r"[\p{L}\p{N}]+")
_NUMBER = recache.compile(r"(?<![\p{L}\p{N}])\d+(?:[.,]\d+)?\s?[kKM]?(?:\s?/\s?\d+)?(?![\p{L}\p{N}])")
_TICKER = recache.compile(
    r"(?<![\p{L}\p{N}])\$?(?:[A-Z][A-Z0-9.&]{1,9}(?:[ \u00a0]\d{2,3})?)[ \t\u00a0\u202f]+"
    r"(?:[\d.,\u00a0\u202f ]*\d[ \u00a0]?(?:€|\$|USD|EUR|pts)?[ \t\u00a0]*)?"
    r"[(]?[+\-−▲▼][ \u00a0]?\d+(?:[.,]\d+)?"
    r"[ \u00a0\u202f]?%[)]?", regex.V1
)
_SENTENCE_END = recache.compile(r"[.!?;:]\s*$")
_ELLIPSIS_END = recache.compile(r"(?:\.\.\.|…|»|›|→)\s*$")
_HEADING = recache.compile(r"[ ]{0,3}#{1,6}(?:[ \t]|$)")
_MAX_WORDS = 15
_MAX_GAP = 2  # blank lines allowed inside one run


@dataclass(frozen=True)
class _Vocab:
    strong: regex.Pattern[str]
    weak: regex.Pattern[str]
    counter: regex.Pattern[str]
    language: regex.Pattern[str]
    cookie: regex.Pattern[str]


def _vocab(ctx: Context) -> _Vocab:
    merged: dict[str, list[str]] = {}
    for lang in ("en", "fr"):
        data = ctx.pack("furniture", lang=lang)
        for key, value in data.items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(str(v) for v in value)
    counters = packs.phrases(merged.get("counters", []))
    return _Vocab(
        strong=packs.words(merged.get("strong", [])),
        weak=packs.words(merged.get("weak", [])),
        counter=packs.compile_words(r"\d+(?:[.,]\d+)?\s?[kKM]?\s*(?i:" + counters + ")", regex.V1),
        language=packs.words(merged.get("languages", []), 0),
        cookie=packs.words(merged.get("cookie_context", [])),
    )


@dataclass(frozen=True)
class _Score:
    strong: int = 0  # strong phrases, counters, ticker widgets, language menus
    weak: int = 0


def _score_line(line: str, heading: bool, v: _Vocab) -> _Score | None:
    """How much furniture a line holds, or None when it reads as content."""
    if not _ALNUM.search(line):
        return None
    if "cookie" in line.lower() and v.cookie.search(line) and len(_WORDS.findall(line)) <= 80:
        return _Score(strong=1)
    if len(_WORDS.findall(line)) > _MAX_WORDS:
        return None
    covered = [False] * len(line)
    strong = weak = langs = 0

    def take(pattern: regex.Pattern[str]) -> int:
        n = 0
        for m in pattern.finditer(line):
            if any(covered[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                covered[i] = True
            n += 1
        return n

    strong += take(v.strong)
    strong += take(v.counter)
    strong += take(_TICKER)
    langs = take(v.language)
    weak = take(v.weak)
    take(_NUMBER)
    total = sum(1 for c in line if c.isalnum())
    bare = sum(1 for i, c in enumerate(line) if c.isalnum() and not covered[i])
    if total == 0 or bare / total > 0.15:
        return None
    if langs >= 2:
        strong += 1
    elif langs == 1:
        weak += 1
    if _SENTENCE_END.search(line) and not _ELLIPSIS_END.search(line) and strong == 0:
        return None
    if heading:
        weak = 0
    if strong == 0 and weak == 0:
        # Only numbers: a counter like "0/400" is furniture, a lone "2024" is not.
        if regex.fullmatch(r"\W*\d+\s?/\s?\d+\W*", line):
            return _Score(strong=1)
        return None
    return _Score(strong=strong, weak=weak)


class PageFurniture(Rule):
    name = "page-furniture"
    description = "Menus, buttons, counters and banners scraped from the web page around the post"
    fixable = True
    options: ClassVar[dict[str, Any]] = {"min-weak-words": 3}
    explain = """\
Flags text that came from the web page around a post rather than from the post: language
menus ("English Français Deutsch"), share / like / comment buttons, counters ("0/400",
"12 commentaires", "3.4K views"), ticker widgets ("NVDA +2.3 %"), app-download prompts,
"see the original" / « voir l'original » links, "Lire la suite", cookie banners. Each run of
consecutive such lines is ONE finding, with a fix that deletes the lines.

A line counts only on strong evidence: it is short (at most 15 words), it is made almost
entirely of interface words, counters or language names, and it does not read as a sentence.
A run is reported when it holds a strong cue (a counter, "read more", a language menu, a
cookie banner...) or at least three interface words. Headings and list items of real content
("## Markets", "- Share buybacks") are left alone. Vocabulary: `rules/<lang>/furniture.toml`
(both languages are used for every post, since scraped pages mix them).

Why: pasted furniture makes a draft look unedited, and counters or tickers read as figures
with no source.

Example:

    Partager  J'aime  Commenter
    12 commentaires

Instead: delete the lines (`lintpost check --fix` does it).
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        v = _vocab(ctx)
        min_weak = int(ctx.option("min-weak-words", 3))
        index = doc.index
        run: list[tuple[int, _Score]] = []
        gap = 0
        for line in range(1, index.line_count + 1):
            a, b = index.line_start(line), index.line_end(line)
            raw, masked = doc.text[a:b], doc.masked[a:b]
            if not raw.strip():
                gap += 1
                if gap > _MAX_GAP:
                    yield from self._emit(doc, run, min_weak)
                    run = []
                continue
            heading = _HEADING.match(raw) is not None
            score = _score_line(masked, heading, v) if masked.strip() else None
            if score is None:
                yield from self._emit(doc, run, min_weak)
                run = []
            else:
                run.append((line, score))
            gap = 0
        yield from self._emit(doc, run, min_weak)

    @staticmethod
    def _emit(doc: Document, run: list[tuple[int, _Score]], min_weak: int) -> Iterator[Finding]:
        if not run:
            return
        strong = sum(s.strong for _, s in run)
        weak = sum(s.weak for _, s in run)
        if not (strong >= 1 or weak >= min_weak):
            return
        index = doc.index
        first, last = run[0][0], run[-1][0]
        start, end = index.line_start(first), index.line_end(last)
        cut_start, cut_end = _cut(doc, first, last)
        lines = "line" if first == last else f"{last - first + 1} lines"
        yield Finding(start, end, f"page furniture scraped with the post ({lines}: buttons, counters, menus)",
                      help="delete it: it belongs to the web page, not to the post",
                      fix=Fix("remove the scraped page furniture", (Edit(cut_start, cut_end, ""),)))


def _cut(doc: Document, first: int, last: int) -> tuple[int, int]:
    """Whole lines first..last, with the blank lines around them so no gap is left behind."""
    index = doc.index
    count = index.line_count
    start = index.line_start(first)
    after = last + 1
    while after <= count and not index.line_text(after).strip():
        after += 1
    if after > count:
        # At the end of the text: take the blank lines before the run, keep the last line break.
        before = first - 1
        while before >= 1 and not index.line_text(before).strip():
            before -= 1
        return (index.line_start(before + 1) if before >= 1 else 0), len(doc.text)
    prev_blank = first == 1 or not index.line_text(first - 1).strip()
    return start, index.line_start(after if prev_blank else last + 1)


RULES = [PageFurniture]
