from __future__ import annotations

from lintpost.parse import parse


def test_masked_text_keeps_length_and_blanks_code_and_links() -> None:
    text = "# Title\n\nSee [the report](https://example.com/a?x=1) and `code 42 %`.\n\n```\n100 %\n```\n"
    doc = parse(text, "post.md")
    assert len(doc.masked) == len(text)
    assert "https" not in doc.masked
    assert "42" not in doc.masked
    assert "100" not in doc.masked
    assert "the report" in doc.masked
    assert [link.target for link in doc.links] == ["https://example.com/a?x=1"]
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "paragraph", "code"]


def test_front_matter_is_masked_and_read() -> None:
    text = "---\ntitle: Prix 49 %\nlang: fr\n---\n\nCorps du texte.\n"
    doc = parse(text, "post.md")
    assert doc.meta["lang"] == "fr"
    assert "49" not in doc.masked
    assert doc.blocks[0].kind == "front_matter"


def test_list_items_tables_and_quotes_are_blocks() -> None:
    text = "- un\n- deux\n\n> cité\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    doc = parse(text, "post.md")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["list_item", "list_item", "quote", "table_row", "table_row"]
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert items[0].group == items[1].group != 0
    assert doc.masked[items[0].start : items[0].end].strip() == "un"


def test_plain_text_paragraphs_by_blank_lines() -> None:
    text = "First line\nstill first paragraph\n\nSecond paragraph.\n"
    doc = parse(text, "post.txt")
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "First line\nstill first paragraph",
        "Second paragraph.",
    ]


def test_scraped_one_paragraph_per_line() -> None:
    lines = [
        "The first paragraph of a scraped post is a single long line that ends with a full stop, as they do.",
        "The second paragraph of the scraped post is also one long line, with no blank line before it.",
        "And a third one follows the same way, because the page was copied without its markup at all.",
    ]
    doc = parse("\n".join(lines) + "\n", "post.txt")
    assert [doc.text[b.start : b.end] for b in doc.blocks] == lines


def test_footnote_markers_are_citations() -> None:
    doc = parse("Revenue rose 12% [1] last year.\n\n[1]: https://example.com\n", "post.md")
    assert doc.citations
    assert "[1]" not in doc.masked


def test_crlf_positions_are_kept() -> None:
    text = "# T\r\n\r\nLine with 12 %.\r\n"
    doc = parse(text, "post.md")
    para = doc.blocks[1]
    assert doc.text[para.start : para.end] == "Line with 12 %."
