"""Code-point offsets to the UTF-16 / UTF-8 / UTF-32 positions LSP clients and SARIF viewers count."""

from __future__ import annotations

import pytest

from lintpost import units
from lintpost.positions import LineIndex

TEXT = "ab\r\n🚀é x\n\n€🚀\rlast"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_round_trip_at_every_offset(encoding: str) -> None:
    index = LineIndex(TEXT)
    for offset in range(len(TEXT) + 1):
        line, char = units.position(index, offset, encoding)
        back = units.offset(index, line, char, encoding)
        if TEXT[offset - 1 : offset + 1] == "\r\n":  # inside a CRLF: the end of the line's content
            assert back == offset - 1
        else:
            assert back == offset


def test_units_per_encoding() -> None:
    index = LineIndex(TEXT)
    x = TEXT.index("x")  # after "🚀é " on line 2
    assert units.position(index, x, "utf-16") == (1, 4)
    assert units.position(index, x, "utf-8") == (1, 7)
    assert units.position(index, x, "utf-32") == (1, 3)
    last = TEXT.index("last")  # lines end at \r too
    assert units.position(index, last) == (4, 0)


def test_positions_beyond_the_text_are_clamped() -> None:
    index = LineIndex(TEXT)
    assert units.offset(index, 1, 99) == index.line_end(2)
    assert units.offset(index, 99, 0) == len(TEXT)
    assert units.offset(index, -1, 0) == 0
    # The middle of a surrogate pair maps to the character after it.
    assert units.offset(index, 1, 1) == TEXT.index("é")
