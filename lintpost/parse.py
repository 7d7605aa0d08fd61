"""From text to Document: Markdown through markdown-it-py, plain text by blank lines."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from lintpost import recache
from lintpost.document import Block, Document, Link
from lintpost.positions import LineIndex

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

_FRONT_MATTER = recache.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?(?:\r\n|\r|\n)(?:---|\+\+\+|\.\.\.)[ \t]*(?=\r|\n|\Z)", regex.S
)
_META_LINE = recache.compile(r"([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*")
# A YAML block list under a key: "lang:\n  - \"en\"" (the first item is the value).
_META_ITEM = recache.compile(r"[ \t]+-[ \t]*(.*?)[ \t]*")
_INLINE_CODE = recache.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)
# Bounded, possessive repeats keep these linear on hostile lines ("[[[[...", "![a](![a](...").
_IMAGE = recache.compile(r"!\[[^\]\n]{0,1000}+\]\([^)\n]{0,2048}+\)")
_LINK = recache.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,500}+\]){0,1000}+)\]\(\s*<?([^)\s>]{0,2048}+)>?(?:\s+\"[^\"\n]{0,500}+\")?\s*\)"
)
_REF_LINK = recache.compile(r"\[([^\[\]\n]{1,1000}+)\]\[([^\[\]\n]{0,1000}+)\]")
_REF_DEF = recache.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*<?(\S+?)>?(?:[ \t].*)?$", regex.M)
_AUTOLINK = recache.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
BARE_URL = recache.compile(r"(?:https?://|www\.)[^\s<>\"'»)\]]+[^\s<>\"'»)\].,;:!?]")
_EMAIL = recache.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_HTML_TAG = recache.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_HTML_HREF = recache.compile(r"""<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)""", regex.I)
# Template and attribute syntax of static-site generators: {{ site.url }}, {% include x %}, {: .class }.
# Bounded: an unclosed "{{" must not make every later "{{" scan to the end of the block.
_TEMPLATE = recache.compile(r"\{\{.{0,1000}?\}\}|\{%.{0,1000}?%\}|\{:[^}\n]{0,1000}+\}", regex.S)
_CITATION_RUN = recache.compile(r"(?:\[\d{1,3}\]){2,}(?![(:\[])")
_ONE_CITATION = recache.compile(r"\[\d{1,3}\]")
_FOOTNOTE_REF = recache.compile(
    r"<sup>\s*\[?\d{1,3}\]?\s*</sup>|\[\^[^\]\s]+\](?!:)|\[\d{1,3}\](?![(:\[])"
    # Superscript digits, but not the power of a unit: "m²", "km²", "cm³" (a unit, not a footnote).
    r"|(?<!(?<![\p{L}])(?:m|km|cm|mm|dm|ft|in|mi)|/(?:m|km|cm|ft))[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
)
_MARKER = recache.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+•]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?")
_HEADING_MARK = recache.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)|[ \t]+#+[ \t]*$")
_SETEXT = recache.compile(r"^[ \t]*(?:=+|-+)[ \t]*$")
_TERMINAL = recache.compile(r"[.!?:…»\"”)]\s*$")


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.index = LineIndex(text)
        self.masks: list[tuple[int, int]] = []
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.citations: list[tuple[int, int]] = []
        self._group = 0

    def new_group(self) -> int:
        self._group += 1
        return self._group

    def line_span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets of 0-based lines [first, last)."""
        last = max(first + 1, min(last, self.index.line_count))
        return self.index.line_start(first + 1), self.index.line_end(last)

    def mask(self, a: int, b: int) -> None:
        if a < b:
            self.masks.append((a, b))

    def add(self, kind: str, a: int, b: int, group: int = 0) -> None:
        if a < b:
            self.blocks.append(Block(kind, a, b, group))

    def mask_markers(self, a: int, b: int, heading: bool = False) -> None:
        """Blank list bullets, quote markers and heading hashes at the start of each line."""
        for line in range(self.index.line_of(a), self.index.line_of(max(a, b - 1)) + 1):
            s, e = self.index.line_start(line), self.index.line_end(line)
            s = max(s, a)
            m = (_HEADING_MARK if heading else _MARKER).match(self.text, s, e)
            if m:
                self.mask(m.start(), m.end())
            if heading:
                m2 = _HEADING_MARK.search(self.text, s, e)
                if m2 and m2.start() > s:
                    self.mask(m2.start(), m2.end())
                if _SETEXT.match(self.text, s, e) and line > self.index.line_of(a):
                    self.mask(s, e)

    def inline(self, a: int, b: int) -> None:
        """Mask inline code, link targets, URLs and tags in text[a:b]; record links and citations."""
        t = self.text
        taken = _Spans()
        free = taken.free

        for m in _INLINE_CODE.finditer(t, a, b):
            taken.add(*m.span())
            self.mask(*m.span())
        for m in _IMAGE.finditer(t, a, b):
            if free(*m.span()):
                taken.add(*m.span())
                self.mask(*m.span())
        for m in _TEMPLATE.finditer(t, a, b):
            if free(*m.span()):
                taken.add(*m.span())
                self.mask(*m.span())
        # A run of numbered citation markers ("…breadth.[1][2][3]") is no reference link "[1][2]".
        for m in _CITATION_RUN.finditer(t, a, b):
            if free(*m.span()):
                taken.add(*m.span())
                for one in _ONE_CITATION.finditer(t, *m.span()):
                    self.citations.append(one.span())
                self.mask(*m.span())
        for m in _LINK.finditer(t, a, b):
            if free(*m.span()):
                taken.add(*m.span())
                self.links.append(Link(m.start(), m.end(), m.group(2)))
                self.mask(m.end(1), m.end())  # "](target)"
                self.mask(m.start(), m.start() + 1)
        for m in _REF_LINK.finditer(t, a, b):
            if free(*m.span()):
                taken.add(*m.span())
                self.links.append(Link(m.start(), m.end(), m.group(2) or m.group(1)))
                self.mask(m.end(1), m.end())
                self.mask(m.start(), m.start() + 1)
        for m in _HTML_HREF.finditer(t, a, b):
            self.links.append(Link(m.start(), m.end(), m.group(1)))
        for pattern in (_AUTOLINK, None, _HTML_TAG, BARE_URL, _EMAIL):
            if pattern is None:
                for s, e in _comments(t, a, b):
                    if free(s, e):
                        taken.add(s, e)
                        self.mask(s, e)
                continue
            for m in pattern.finditer(t, a, b):
                if free(*m.span()):
                    taken.add(*m.span())
                    if pattern is _AUTOLINK or pattern is BARE_URL:
                        self.links.append(Link(m.start(), m.end(), m.group()))
                    self.mask(*m.span())
        for m in _FOOTNOTE_REF.finditer(t, a, b):
            if free(*m.span()):
                self.citations.append(m.span())
                self.mask(*m.span())

    def masked_text(self) -> str:
        if not self.masks:
            return self.text
        out: list[str] = []
        pos = 0
        t = self.text
        for a, b in sorted(self.masks):
            if b <= pos:
                continue
            a = max(a, pos)
            out.append(t[pos:a])
            # Keep line breaks so line structure survives masking.
            out.append("".join(c if c in "\r\n" else " " for c in t[a:b]))
            pos = b
        out.append(t[pos:])
        return "".join(out)

    def split_lines_if_scraped(self, kind: str, a: int, b: int, group: int = 0) -> None:
        """Add a block, or one block per line when its lines are each a paragraph (scraped posts)."""
        first, last = self.index.line_of(a), self.index.line_of(max(a, b - 1))
        if last > first:
            lines = [(max(a, self.index.line_start(n)), min(b, self.index.line_end(n))) for n in range(first, last + 1)]
            lines = [(s, e) for s, e in lines if self.text[s:e].strip()]
            if _one_paragraph_per_line(self.text, lines):
                for s, e in lines:
                    self.add(kind, s, e, group)
                return
        self.add(kind, a, b, group)


class _Spans:
    """Disjoint spans claimed so far in a block; overlap tests in logarithmic time."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, s: int, e: int) -> bool:
        # Spans are disjoint and sorted, so of those starting before e the last ends last.
        i = bisect.bisect_left(self.starts, e)
        return i == 0 or self.ends[i - 1] <= s

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


def _comments(t: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """HTML comments in t[a:b] (a scan, not a lazy regex: that is quadratic on "<!--<!--<!--...")."""
    pos = a
    while True:
        s = t.find("<!--", pos, b)
        if s < 0:
            return
        e = t.find("-->", s + 4, b)
        if e < 0:
            return  # unclosed: no later comment can be closed either
        yield s, e + 3
        pos = e + 3


def _one_paragraph_per_line(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 2:
        return False
    # Lengths in characters as read (decomposed accents count once).
    lengths = [len(unicodedata.normalize("NFC", text[s:e])) for s, e in lines]
    if sum(lengths) / len(lengths) >= 160:
        return True
    ended = sum(1 for s, e in lines[:-1] if _TERMINAL.search(text, s, e))
    return ended / (len(lines) - 1) >= 0.6 and sum(lengths) / len(lengths) >= 60


# Bounded: an unclosed <script> runs to the end of its HTML block, never past it.
_SCRIPT_OR_STYLE = recache.compile(r"(?is)<(script|style)\b[^>]{0,2000}>.*?(?:</\1\s*>|\Z)")


def parse_markdown(text: str) -> _Builder:
    b = _Builder(text)
    tokens = _markdown().parse(text)
    # TOML front matter (+++ ... +++) is not known to the front-matter plug-in.
    toml = _FRONT_MATTER.match(text) if text.startswith("+++") else None
    skip_lines = 0
    if toml:
        b.mask(*toml.span())
        b.add("front_matter", *toml.span())
        skip_lines = b.index.line_of(toml.end())
    stack: list[str] = []
    table_group = 0
    list_groups: list[int] = []
    for tok in tokens:
        if tok.nesting == 1 and tok.type in ("bullet_list_open", "ordered_list_open"):
            list_groups.append(b.new_group())
        elif tok.nesting == -1 and tok.type in ("bullet_list_close", "ordered_list_close"):
            list_groups.pop()
        if tok.type == "table_open":
            table_group = b.new_group()
        if tok.nesting == 1:
            stack.append(tok.type)
        elif tok.nesting == -1 and stack:
            stack.pop()
        if tok.map is None or tok.map[0] < skip_lines:
            continue
        a, z = b.line_span(tok.map[0], tok.map[1])
        if tok.type == "front_matter":
            b.mask(a, z)
            b.add("front_matter", a, z)
        elif tok.type in ("fence", "code_block"):
            b.mask(a, z)
            b.add("code", a, z)
        elif tok.type == "html_block":
            b.inline(a, z)
            if b.text[a:z].lstrip().startswith("<!--"):
                b.mask(a, z)
                continue
            # Scripts and style sheets are code, not prose: « const plafonds = [37000, …] ».
            rest = b.text[a:z]
            for m in _SCRIPT_OR_STYLE.finditer(b.text, a, z):
                b.mask(*m.span())
                rest = rest.replace(m.group(), "", 1)
            b.add("code" if not rest.strip() else "html", a, z)
        elif tok.type == "heading_open":
            b.mask_markers(a, z, heading=True)
            b.inline(a, z)
            b.add("heading", a, z)
        elif tok.type == "tr_open":
            b.inline(a, z)
            b.add("table_row", a, z, table_group)
        elif tok.type == "paragraph_open":
            if "footnote_open" in stack:
                kind = "footnote"
            elif "list_item_open" in stack:
                kind = "list_item"
            elif "blockquote_open" in stack:
                kind = "quote"
            else:
                kind = "paragraph"
            b.mask_markers(a, z)
            b.inline(a, z)
            group = list_groups[-1] if kind == "list_item" and list_groups else 0
            b.split_lines_if_scraped(kind, a, z, group)
        elif tok.type == "footnote_reference_open" or tok.type == "footnote_open":
            continue
    # Reference definitions ("[1]: https://...") are not tokens: mask them, they are sources.
    for m in _REF_DEF.finditer(text):
        if not any(blk.start <= m.start() < blk.end and blk.kind == "code" for blk in b.blocks):
            b.links.append(Link(m.start(), m.end(), m.group(2)))
            b.mask(*m.span())
    # Footnote definitions ("[^1]: text"): mask the label.
    for m in regex.finditer(r"^[ ]{0,3}\[\^[^\]\s]+\]:", text, regex.M):
        b.mask(*m.span())
    b.blocks.sort(key=lambda blk: blk.start)
    return b


def parse_plain(text: str) -> _Builder:
    b = _Builder(text)
    fm = _FRONT_MATTER.match(text)
    pos = 0
    if fm:
        b.mask(*fm.span())
        b.add("front_matter", *fm.span())
        pos = fm.end()
    # Paragraphs are runs of non-blank lines.
    for m in regex.finditer(r"(?:^[^\S\r\n]*\S.*(?:\r\n|\r|\n|\Z))+", text[pos:], regex.M):
        a, z = pos + m.start(), pos + m.end()
        while z > a and text[z - 1] in "\r\n":
            z -= 1
        b.inline(a, z)
        b.split_lines_if_scraped("paragraph", a, z)
    return b


def front_matter(text: str) -> dict[str, str]:
    """Top-level keys of the front matter and their values as text; a list gives its first item
    (`lang: [en]`, or `lang:` over `  - "en"`)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}
    out: dict[str, str] = {}
    key = None
    for line in m.group().splitlines()[1:-1]:
        pair = _META_LINE.fullmatch(line)
        if pair is not None:
            key = pair.group(1).lower()
            out[key] = _meta_value(pair.group(2))
            continue
        item = _META_ITEM.fullmatch(line)
        if item is not None and key is not None and not out[key]:
            out[key] = _meta_value(item.group(1))
    return out


def _meta_value(raw: str) -> str:
    value = raw.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1].split(",")[0].strip()
    return value.strip("\"'")


def parse(text: str, path: str | None = None, *, syntax: str | None = None, lang: str | None = None) -> Document:
    """Parse text into a Document. syntax is "markdown" or "text" (default: by the path's suffix)."""
    global _last
    if syntax is None:
        syntax = "text" if path and path.lower().endswith(".txt") else "markdown"
    last = _last
    if last is not None and last[0] is text and last[1] == (path, syntax, lang):
        return last[2]  # the same string again (`--across-files` fingerprints what was just linted)
    builder = parse_markdown(text) if syntax == "markdown" else parse_plain(text)
    builder.links.sort(key=lambda link: link.start)
    builder.citations.sort()
    doc = Document(
        path=path,
        text=text,
        masked=builder.masked_text(),
        lang=lang,
        syntax=syntax,
        blocks=builder.blocks,
        links=builder.links,
        citations=builder.citations,
        meta=front_matter(text),
    )
    _last = (text, (path, syntax, lang), doc)
    return doc


# The last document parsed, kept for a second parse of the very same string object.
_last: tuple[str, tuple[str | None, str, str | None], Document] | None = None
