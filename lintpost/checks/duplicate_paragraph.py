"""duplicate-paragraph: a paragraph that repeats an earlier one, verbatim or nearly."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import ClassVar

from lintpost import recache
from lintpost.diagnostic import Edit, Finding, Fix, Related
from lintpost.document import Block, Document
from lintpost.parse import BARE_URL
from lintpost.rule import Context, Rule

_WORD = recache.compile(r"[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*")
_SKIPPED = frozenset({"code", "table_row", "front_matter"})


def words(text: str) -> list[str]:
    # Composed first, so that a copy pasted with decomposed accents still reads the same words.
    # A web address is no prose: a source cited twice in a list of references is not a pasted paragraph.
    text = BARE_URL.sub(" ", text) if "://" in text or "www." in text else text
    return [w.lower().replace("’", "'") for w in _WORD.findall(unicodedata.normalize("NFC", text))]


def similarity(a: list[str], b: list[str]) -> float:
    """Share of words in common, over the longer paragraph (1.0 for the same words)."""
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return common / max(len(a), len(b))


def _other_values(a: list[str], b: list[str]) -> bool:
    """Short paragraphs that differ in their numbers state other facts in the same mould ("the limit for
    2022 is $30,150" / "the limit for 2023 is $32,850"): not a copy. A long one with a number
    edited still is."""
    if max(len(a), len(b)) >= _SHORT_PARAGRAPH:
        return False
    return sorted(x for x in a if x[0].isdigit()) != sorted(x for x in b if x[0].isdigit())


_SHORT_PARAGRAPH = 30


class DuplicateParagraph(Rule):
    name = "duplicate-paragraph"
    description = "A paragraph repeats an earlier paragraph of the same post"
    languages = None
    fixable = True
    options: ClassVar[dict[str, object]] = {"min-words": 6, "threshold": 0.85, "near-min-words": 15}
    explain = """\
Flags a paragraph (or a run of consecutive paragraphs) that repeats an earlier one in the same
document, word for word or nearly so (by default 85 % or more of its words in common). The later
copy is flagged and points back at the first one. A whole article pasted twice is one finding.

Why: a post pasted twice, or a conclusion that restates an earlier paragraph with two words
changed, is the first thing readers notice and the last thing a writer sees.

Not flagged: blocks under 6 words (headings such as "Sources", short interface strings), code
blocks and table rows; near copies under 15 words (parallel lines such as "If you withdraw before
five years:" / "If you withdraw after five years:"); a heading repeated as a list item or a
sentence (a summary of the section). Options: `min-words` (6), `threshold` (0.85) and
`near-min-words` (15).

Example:

    Bitcoin fell 12% this week as ETF outflows accelerated and miners sold reserves.

    ...

    Bitcoin fell 12% this week as ETF outflows accelerated and miners sold reserves.

Instead: delete the second copy (`lintpost check --fix` does it), or rewrite it so it adds
something.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        min_words = int(ctx.option("min-words", 6))
        threshold = float(ctx.option("threshold", 0.85))
        # Short lines that differ by a word are parallel structure ("before five years:" / "after
        # five years:"), not a pasted copy: near copies need this many words, exact copies min_words.
        near_min = int(ctx.option("near-min-words", 15))
        blocks = [b for b in doc.blocks if b.kind not in _SKIPPED and b.kind != "code"]
        seen_exact: dict[str, int] = {}
        shingle_index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        toks: list[list[str]] = []
        # (index of copy, index of original) for each repeated block, in order.
        matches: list[tuple[int, int]] = []
        for i, block in enumerate(blocks):
            w = words(doc.masked[block.start : block.end])
            toks.append(w)
            # Formulas and lists of numbers repeat a handful of words; they are not paragraphs.
            if len(w) < min_words or len({x for x in w if x[0].isalpha()}) < min_words:
                continue
            # A heading repeated as a list item or a sentence is a summary, not a copy.
            key = ("#" if block.kind == "heading" else "") + " ".join(w)
            original = seen_exact.get(key)
            if original is None and len(w) >= near_min:
                original = self._near(w, toks, shingle_index, threshold)
            if original is not None:
                matches.append((i, original))
            else:
                seen_exact.setdefault(key, i)
            for sh in _shingles(w):
                postings = shingle_index[sh]
                if len(postings) < 50:
                    postings.append(i)
        yield from self._runs(doc, blocks, toks, matches, min_words)

    @staticmethod
    def _near(w: list[str], toks: list[list[str]], index: dict[tuple[str, ...], list[int]],
              threshold: float) -> int | None:
        counts: Counter[int] = Counter()
        for sh in set(_shingles(w)):
            for j in index.get(sh, ()):
                counts[j] += 1
        for j, _ in counts.most_common(5):
            other = toks[j]
            if min(len(w), len(other)) / max(len(w), len(other)) < threshold:
                continue
            if similarity(w, other) >= threshold and not _other_values(w, other):
                return j
        return None

    def _runs(self, doc: Document, blocks: list[Block], toks: list[list[str]],
              matches: list[tuple[int, int]], min_words: int) -> Iterator[Finding]:
        run: list[tuple[int, int]] = []
        for copy, original in matches:
            if run and self._continues(run[-1], copy, toks, min_words):
                run.append((copy, original))
                continue
            if run:
                yield self._finding(doc, blocks, run)
            run = [(copy, original)]
        if run:
            yield self._finding(doc, blocks, run)

    @staticmethod
    def _continues(prev: tuple[int, int], copy: int, toks: list[list[str]], min_words: int) -> bool:
        # Consecutive if only short blocks (headings, captions) stand between the two copies.
        return all(len(toks[k]) < min_words for k in range(prev[0] + 1, copy))

    def _finding(self, doc: Document, blocks: list[Block], run: list[tuple[int, int]]) -> Finding:
        first, last = blocks[run[0][0]], blocks[run[-1][0]]
        orig_first, orig_last = blocks[run[0][1]], blocks[run[-1][1]]
        if orig_last.end < orig_first.start:
            orig_last = orig_first
        n = len(run)
        line = doc.index.line_of(orig_first.start)
        what = "paragraph repeats" if n == 1 else f"{n} consecutive paragraphs repeat"
        exact = all(toks_equal(doc, blocks, c, o) for c, o in run)
        kind = "word for word" if exact else "nearly word for word"
        message = f"{what} an earlier passage {kind} (first at line {line})"
        related = (Related(orig_first.start, orig_last.end, "first copy here"),)
        return Finding(first.start, last.end, message,
                       help="delete the repeated text, or rewrite it so it adds something",
                       related=related, fix=Fix("remove the repeated text", (_removal(doc, first.start, last.end),)))


def toks_equal(doc: Document, blocks: list[Block], a: int, b: int) -> bool:
    return words(doc.masked[blocks[a].start : blocks[a].end]) == words(doc.masked[blocks[b].start : blocks[b].end])


def _shingles(w: list[str], k: int = 3) -> list[tuple[str, ...]]:
    if len(w) < k:
        return [tuple(w)]
    return [tuple(w[i : i + k]) for i in range(len(w) - k + 1)]


def _removal(doc: Document, start: int, end: int) -> Edit:
    """Remove whole lines start..end and the blank lines after them."""
    idx, text = doc.index, doc.text
    a = idx.line_start(idx.line_of(start))
    n = idx.line_of(max(start, end - 1)) + 1
    while n <= idx.line_count and not idx.line_text(n).strip():
        n += 1
    b = idx.line_start(n) if n <= idx.line_count else len(text)
    if b == len(text) and a > 0:
        # At the end of the file: drop the blank lines before the block too, keep one line break.
        p = a
        while p > 0 and text[p - 1] in "\r\n \t":
            p -= 1
        m = _BREAK.match(text, p)
        a = m.end() if m else p
    return Edit(a, b, "")


_BREAK = recache.compile(r"\r\n|\r|\n")


RULES = [DuplicateParagraph]
