"""The document model: text as on disk, its blocks and sentences, and a same-length masked copy.

`masked` has exactly the length of `text`; code, URLs, link targets, HTML tags, front matter and
block markers are blanked with spaces, so rules can run patterns over prose only while every
offset they find is an offset into the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from lintpost import sentences
from lintpost.positions import LineIndex

PROSE_KINDS = frozenset({"paragraph", "heading", "list_item", "quote", "table_row", "html", "footnote"})


@dataclass(slots=True)
class Block:
    kind: str
    start: int
    end: int
    # Blocks of one table or one list share a group number (for "Source:" captions).
    group: int = 0
    _sentences: list[tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS


class Link(NamedTuple):
    start: int
    end: int
    target: str


@dataclass
class Document:
    path: str | None
    text: str
    masked: str
    lang: str | None
    syntax: str  # "markdown" or "text"
    blocks: list[Block]
    links: list[Link] = field(default_factory=list)
    citations: list[tuple[int, int]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    @cached_property
    def index(self) -> LineIndex:
        return LineIndex(self.text)

    def block_number(self, block: Block) -> int:
        """Where block is in self.blocks, by identity and in constant time (ValueError if absent).

        `blocks.index(block)` compares dataclasses field by field: quadratic over a long post.
        """
        numbers: dict[int, int] | None = self.__dict__.get("_block_numbers")
        for _ in range(2):  # a second time with a fresh map, should the list have changed
            if numbers is None:
                numbers = {id(b): i for i, b in enumerate(self.blocks)}
                self.__dict__["_block_numbers"] = numbers
            i = numbers.get(id(block))
            if i is not None and i < len(self.blocks) and self.blocks[i] is block:
                return i
            numbers = None
        raise ValueError("block is not in this document")

    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.is_prose]

    def sentences(self, block: Block) -> list[tuple[int, int]]:
        if block._sentences is None:
            block._sentences = sentences.split(self.masked, block.start, block.end)
        return block._sentences

    def block_text(self, block: Block) -> str:
        return self.masked[block.start : block.end]

    def has_link_between(self, start: int, end: int) -> bool:
        # Any overlap: a sentence may sit wholly inside a link's text ("[Oil tumbles 10%](https://...)").
        return any(link.start < end and link.end > start for link in self.links)

    def has_citation_between(self, start: int, end: int) -> bool:
        return any(start <= a < end for a, _ in self.citations)

    def list_lead(self, block: Block) -> Block | None:
        """The block just before the list that holds this list item (the sentence introducing it)."""
        if block.kind != "list_item" or not block.group:
            return None
        j = self.block_number(block) - 1
        while j >= 0 and self.blocks[j].group == block.group:
            j -= 1
        return self.blocks[j] if j >= 0 else None

    def block_at(self, offset: int) -> Block | None:
        for b in self.blocks:
            if b.start <= offset < b.end:
                return b
        return None
