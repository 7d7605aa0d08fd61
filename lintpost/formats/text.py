"""Annotated text output, like rustc and ruff: location, message, source line, underline, help."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from lintpost.diagnostic import Diagnostic, Severity
from lintpost.engine import FileResult
from lintpost.positions import LineIndex

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


class Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text


def _width(s: str) -> int:
    """Display width of s in a terminal (wide East Asian characters and emoji take two cells)."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufe0f":
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def _visible(line: str) -> str:
    return "".join(
        " " if ch == "\t" else ("\ufffd" if unicodedata.category(ch) in ("Cc", "Cf") and ch != "\u200d" else ch)
        for ch in line
    )


def render_diagnostic(path: str, d: Diagnostic, index: LineIndex, style: Style) -> str:
    sev = style(d.severity.label, "1;" + _COLOURS[d.severity])
    head = f"{style(path, '1')}:{d.line}:{d.column}: {sev}[{d.rule}] {d.message}"
    lines = [head]
    if d.line <= index.line_count:
        src = index.line_text(d.line)
        gutter = str(d.line)
        pad = " " * len(gutter)
        start_col = d.column - 1
        end_col = d.end_column - 1 if d.end_line == d.line else len(src)
        end_col = max(end_col, start_col + 1)
        shown = _visible(src)
        lo, prefix = 0, ""
        if len(shown) > 200:
            lo = max(0, start_col - 60)
            prefix = "…" if lo else ""
        shown_part = prefix + shown[lo : lo + 200]
        under_start = _width(prefix) + _width(shown[lo:start_col])
        under_len = max(1, _width(shown[start_col : min(end_col, lo + 200)]))
        more = f" (to line {d.end_line})" if d.end_line > d.line else ""
        lines.append(f"{style(pad + ' |', '34')}")
        lines.append(f"{style(gutter + ' |', '34')} {shown_part}")
        lines.append(
            f"{style(pad + ' |', '34')} {' ' * under_start}{style('^' * under_len + more, _COLOURS[d.severity])}"
        )
        if d.help:
            lines.append(f"{style(pad + ' =', '34')} {style('help', '1')}: {d.help}")
        for r in d.related:
            where = f"{r.path}:" if r.path else ""
            lines.append(f"{style(pad + ' =', '34')} note: {r.message} ({where}{r.line}:{r.column})")
        if d.fix is not None:
            lines.append(f"{style(pad + ' =', '34')} fix: {d.fix.description} (--fix)")
    return "\n".join(lines) + "\n"


def render(results: list[FileResult], *, colour: bool = False, summary: bool = True,
           baselined: int = 0) -> str:
    return "".join(iter_render(results, colour=colour, summary=summary, baselined=baselined))


def iter_render(results: list[FileResult], *, colour: bool = False, summary: bool = True,
                baselined: int = 0) -> Iterator[str]:
    """The text report in pieces, one file at a time (for writing as it is made)."""
    style = Style(colour)
    for r in results:
        if r.error is not None:
            yield f"{style(r.path, '1')}: {style('error', '1;31')}: {r.error}\n"
            continue
        if r.notice:
            yield f"{style(r.path, '1')}: note: {r.notice}\n"
        if not r.diagnostics:
            continue
        index = LineIndex(r.text)
        yield "".join(f"{render_diagnostic(r.path, d, index, style)}\n" for d in r.diagnostics)
    if summary:
        yield summary_line(results, style, baselined) + "\n"


def summary_line(results: list[FileResult], style: Style, baselined: int = 0) -> str:
    diags = [d for r in results for d in r.diagnostics]
    counts = {s: sum(1 for d in diags if d.severity is s) for s in Severity}
    failed = sum(1 for r in results if r.error is not None)
    checked = len(results) - failed
    parts = [
        f"{counts[Severity.ERROR]} error(s)",
        f"{counts[Severity.WARNING]} warning(s)",
        f"{counts[Severity.INFO]} info",
    ]
    tail = f", {failed} file(s) could not be checked" if failed else ""
    base = f", {baselined} baselined finding(s) hidden" if baselined else ""
    fixable = sum(1 for d in diags if d.fix is not None)
    fx = f"; {fixable} fixable with --fix" if fixable else ""
    if not checked and failed:
        return style(f"Nothing checked: {failed} file(s) could not be checked{base}.", "1;31")
    if not diags:
        return style(f"All clear: {checked} file(s) checked, no findings{tail}{base}.", "1;32")
    return style(f"Found {len(diags)} finding(s): {', '.join(parts)} in {checked} file(s){tail}{base}{fx}.", "1")
