"""Columns in the code units other tools count: UTF-16 (LSP, SARIF viewers) or UTF-8 bytes.

The engine's columns count code points; an emoji is one code point but two UTF-16 code units.
"""

from __future__ import annotations

from lintpost.positions import LineIndex


def char_units(ch: str, encoding: str = "utf-16") -> int:
    cp = ord(ch)
    if encoding == "utf-16":
        return 2 if cp > 0xFFFF else 1
    if encoding == "utf-8":
        return 1 if cp < 0x80 else 2 if cp < 0x800 else 3 if cp < 0x10000 else 4
    return 1


def units(s: str, encoding: str = "utf-16") -> int:
    if encoding == "utf-32":
        return len(s)
    if encoding == "utf-16":
        return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)
    return len(s.encode("utf-8", "surrogatepass"))


def position(index: LineIndex, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
    """0-based (line, character) of a code-point offset, the character counted in `encoding` units."""
    line = index.line_of(offset)
    start = index.line_start(line)
    # An offset inside a CRLF counts as the end of the line's content.
    offset = min(offset, max(start, index.line_end(line)))
    return line - 1, units(index.text[start:offset], encoding)


def offset(index: LineIndex, line: int, character: int, encoding: str = "utf-16") -> int:
    """Code-point offset of a 0-based (line, character in `encoding` units); clamped to the text."""
    if line < 0:
        return 0
    if line >= index.line_count:
        return len(index.text)
    start, end = index.line_start(line + 1), index.line_end(line + 1)
    if encoding == "utf-32":
        return min(start + max(character, 0), end)
    seen = 0
    for i in range(start, end):
        if seen >= character:
            return i
        seen += char_units(index.text[i], encoding)
    return end
