"""Offsets to lines and columns, with lines ending at \\n, \\r\\n or \\r (as LSP counts them)."""

from __future__ import annotations

import bisect

from lintpost import recache

_LINE_BREAK = recache.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps code-point offsets of a text to 1-based (line, column) and back."""

    __slots__ = ("_ends", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        ends = []
        for m in _LINE_BREAK.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self._starts = starts
        self._ends = ends

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """1-based line holding offset (an offset inside a CRLF belongs to its line)."""
        return bisect.bisect_right(self._starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        line = self.line_of(offset)
        return line, offset - self._starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset of the end of the line's content, before its line break."""
        return self._ends[line - 1]

    def line_text(self, line: int) -> str:
        return self.text[self._starts[line - 1] : self._ends[line - 1]]

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1

    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of each line's content."""
        return list(zip(self._starts, self._ends, strict=True))
