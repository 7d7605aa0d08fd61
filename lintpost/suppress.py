"""Inline suppression comments, in Markdown and plain text alike.

    <!-- lintpost-disable RULE[, RULE] -->   ...   <!-- lintpost-enable [RULE] -->
    <!-- lintpost-disable-next-line RULE -->
    <!-- lintpost-disable-line RULE -->       (on the line it silences)
    <!-- lintpost-disable-file [RULE] -->

Without rule names a comment applies to every rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from lintpost.positions import LineIndex

_COMMENT = regex.compile(
    r"<!--\s*lintpost-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->",
    regex.I,
)
ALL = "*"


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


def parse(text: str, index: LineIndex, known_rules: set[str] | None = None) -> Suppressions:
    sup = Suppressions()
    if "lintpost-" not in text:
        return sup
    open_blocks: dict[str, int] = {}
    last_line = index.line_count
    for m in _COMMENT.finditer(text):
        kind = m.group(1).lower()
        names = _names(m, known_rules, sup)
        line = index.line_of(m.start())
        if kind == "disable-file":
            sup.file_rules.update(names or [ALL])
        elif kind == "disable-line":
            for n in names or [ALL]:
                sup.ranges.append((n, line, line))
        elif kind == "disable-next-line":
            target = _next_content_line(index, index.line_of(m.end()))
            for n in names or [ALL]:
                sup.ranges.append((n, target, target))
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


def _names(m: regex.Match[str], known: set[str] | None, sup: Suppressions) -> list[str]:
    names = []
    base = m.start(2)
    for nm in regex.finditer(r"[A-Za-z0-9_-]+", m.group(2)):
        name = nm.group().lower()
        if known is not None and name not in known:
            sup.unknown.append((base + nm.start(), base + nm.end(), name))
            continue
        names.append(name)
    return names


def _next_content_line(index: LineIndex, line: int) -> int:
    """The line after `line`, skipping blank lines (the comment usually sits alone on its line)."""
    n = line + 1
    while n <= index.line_count and not index.line_text(n).strip():
        n += 1
    return min(n, index.line_count)
