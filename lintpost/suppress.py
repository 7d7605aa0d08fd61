"""Inline suppression comments, in Markdown and plain text alike.

    <!-- lintpost-disable RULE[, RULE] -->   ...   <!-- lintpost-enable [RULE] -->
    <!-- lintpost-disable-next-line RULE -->
    <!-- lintpost-disable-line RULE -->       (on the line it silences)
    <!-- lintpost-disable-file [RULE] -->

Without rule names a comment applies to every rule; a comment whose names are all unknown applies
to none (and each unknown name is reported). Anything after ` -- ` is a free-text reason. Comments
inside code (fenced or indented blocks, `inline code`) are examples, not directives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from lintpost.positions import LineIndex

if TYPE_CHECKING:
    from lintpost.document import Document

_COMMENT = regex.compile(
    r"<!--\s*lintpost-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->",
    regex.I,
)
ALL = "*"
_INLINE_CODE = regex.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)


@dataclass
class Suppressions:
    file_rules: set[str] = field(default_factory=set)
    # (rule, first line, last line) inclusive ranges.
    ranges: list[tuple[str, int, int]] = field(default_factory=list)
    # (offset, end_offset, name) of rule names that no rule has.
    unknown: list[tuple[int, int, str]] = field(default_factory=list)

    def silences(self, rule: str, line: int) -> bool:
        if ALL in self.file_rules or rule in self.file_rules:
            return True
        return any(r in (ALL, rule) and a <= line <= b for r, a, b in self.ranges)


def code_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of code blocks and inline code, where a suppression comment is only an example."""
    spans = [(b.start, b.end) for b in doc.blocks if b.kind in ("code", "front_matter")]
    if "`" in doc.text:
        for b in doc.blocks:
            if b.is_prose:
                spans.extend(m.span() for m in _INLINE_CODE.finditer(doc.text, b.start, b.end))
    return spans


def parse(text: str, index: LineIndex, known_rules: set[str] | None = None,
          code: Sequence[tuple[int, int]] = ()) -> Suppressions:
    sup = Suppressions()
    if "lintpost-" not in text:
        return sup
    open_blocks: dict[str, int] = {}
    last_line = index.line_count
    for m in _COMMENT.finditer(text):
        if any(a <= m.start() < b for a, b in code):
            continue
        kind = m.group(1).lower()
        written, names = _names(m, known_rules, sup)
        if written and not names:  # only unknown names: silence nothing
            continue
        line = index.line_of(m.start())
        if kind == "disable-file":
            sup.file_rules.update(names or [ALL])
        elif kind == "disable-line":
            for n in names or [ALL]:
                sup.ranges.append((n, line, line))
        elif kind == "disable-next-line":
            target = _next_content_line(index, index.line_of(m.end()))
            # A comment alone on its line(s) may open the block below it (plain text has no HTML
            # blocks), so findings starting on the comment's own lines go too.
            alone = not text[index.line_start(line) : m.start()].strip()
            first = line if alone else target
            for n in names or [ALL]:
                sup.ranges.append((n, first, target))
        elif kind == "disable":
            for n in names or [ALL]:
                open_blocks.setdefault(n, line)
        else:  # enable
            for n in names or list(open_blocks):
                if n in open_blocks:
                    sup.ranges.append((n, open_blocks.pop(n), line))
    for n, start in open_blocks.items():
        sup.ranges.append((n, start, last_line))
    return sup


def _names(m: regex.Match[str], known: set[str] | None, sup: Suppressions) -> tuple[bool, list[str]]:
    """(whether any rule name was written, the known ones); the text after `--` is a reason."""
    names = []
    written = False
    base = m.start(2)
    listed = m.group(2).split("--", 1)[0]
    for nm in regex.finditer(r"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*", listed):
        written = True
        name = nm.group().lower()
        if known is not None and name not in known:
            sup.unknown.append((base + nm.start(), base + nm.end(), name))
            continue
        names.append(name)
    return written, names


def _next_content_line(index: LineIndex, line: int) -> int:
    """The line after `line`, skipping blank lines (past the last line when there is none)."""
    n = line + 1
    while n <= index.line_count and not index.line_text(n).strip():
        n += 1
    return n
