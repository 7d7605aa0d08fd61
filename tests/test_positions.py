from __future__ import annotations

import regex

from lintpost.positions import LineIndex


def _independent(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    parts = regex.split(r"\r\n|\r|\n", before)
    return len(parts), len(parts[-1]) + 1


def test_lf_crlf_and_lone_cr_count_as_line_breaks() -> None:
    text = "one\ntwo\r\nthree\rfour"
    index = LineIndex(text)
    assert index.line_count == 4
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # between \r and \n: inside the break
        assert index.position(offset) == _independent(text, offset), offset
    assert index.line_text(2) == "two"
    assert index.line_text(3) == "three"
    assert index.offset(4, 1) == text.index("four")


def test_empty_text_has_one_line() -> None:
    index = LineIndex("")
    assert index.line_count == 1
    assert index.position(0) == (1, 1)


def test_line_end_excludes_the_break() -> None:
    index = LineIndex("ab\r\ncd")
    assert index.line_end(1) == 2
    assert index.line_start(2) == 4
