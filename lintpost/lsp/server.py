"""`lintpost server`: a language server over stdio, built on pygls 2.

Publishes diagnostics on open, change and save, offers the rules' fixes as quick fixes, and shows a
rule's explanation on hover. Positions go out in the units the client counts (UTF-16 by default).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from lintpost import __version__, units
from lintpost.diagnostic import Diagnostic, Fix, Severity
from lintpost.engine import FileResult
from lintpost.positions import LineIndex

log = logging.getLogger("lintpost.lsp")

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
FIX_ALL_KIND = "source.fixAll.lintpost"


@dataclass(frozen=True)
class Linted:
    """The last result published for a document, kept for code actions and hover."""

    version: int | None
    text: str
    index: LineIndex
    result: FileResult


class LintpostServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("lintpost", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.linted: dict[str, Linted] = {}
        self._lock = threading.Lock()

    @property
    def encoding(self) -> str:
        enc = str(self.workspace.position_encoding or "utf-16")
        return enc if enc in ("utf-8", "utf-16", "utf-32") else "utf-16"

    def range_of(self, index: LineIndex, a: int, b: int) -> lsp.Range:
        sl, sc = units.position(index, a, self.encoding)
        el, ec = units.position(index, b, self.encoding)
        return lsp.Range(lsp.Position(sl, sc), lsp.Position(el, ec))

    def lint(self, uri: str, text: str) -> FileResult:
        from lintpost import config as config_mod
        from lintpost.registry import all_rules
        from lintpost.runner import Options, check_text

        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        path = fs_path or uri.rsplit("/", 1)[-1] or "untitled.md"
        defaults = {n: dict(r.options) for n, r in all_rules().items()}
        cfg = config_mod.ConfigFinder(defaults).for_path(Path(path))
        return check_text(text, path, cfg, Options())

    def validate(self, uri: str, version: int | None) -> None:
        doc = self.workspace.get_text_document(uri)
        text = doc.source
        try:
            result = self.lint(uri, text)
        except Exception as exc:  # a half-typed buffer or a bad config must not take the server down
            log.exception("linting %s failed", uri)
            self.forget(uri)
            self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Error,
                                                         f"lintpost: could not check {uri}: {exc}"))
            return
        if result.error is not None:
            self.forget(uri)
            self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Warning,
                                                         f"lintpost: {uri}: {result.error}"))
            return
        index = LineIndex(text)
        with self._lock:
            self.linted[uri] = Linted(version, text, index, result)
        diagnostics = [self.to_lsp(uri, index, d) for d in result.diagnostics]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def forget(self, uri: str) -> None:
        """Drop what was linted: fixes computed on an older text must never be offered for a newer one."""
        with self._lock:
            self.linted.pop(uri, None)

    def to_lsp(self, uri: str, index: LineIndex, d: Diagnostic) -> lsp.Diagnostic:
        related = []
        for r in d.related:
            if r.path is None:
                loc = lsp.Location(uri, self.range_of(index, r.offset, r.end_offset))
            else:  # another file: its code-point columns are the best we have
                loc = lsp.Location(from_fs_path(str(Path(r.path).resolve())) or r.path, lsp.Range(
                    lsp.Position(max(r.line - 1, 0), max(r.column - 1, 0)),
                    lsp.Position(max(r.end_line - 1, 0), max(r.end_column - 1, 0))))
            related.append(lsp.DiagnosticRelatedInformation(loc, r.message))
        message = d.message + (f"\nhelp: {d.help}" if d.help else "")
        return lsp.Diagnostic(
            range=self.range_of(index, d.offset, d.end_offset),
            message=message,
            severity=_SEVERITY[d.severity],
            code=d.rule,
            source="lintpost",
            related_information=related or None,
        )

    def edits(self, linted: Linted, fix: Fix) -> list[lsp.TextEdit]:
        return [lsp.TextEdit(self.range_of(linted.index, e.offset, e.end_offset), e.replacement)
                for e in fix.edits]


server = LintpostServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: LintpostServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.validate(params.text_document.uri, params.text_document.version)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: LintpostServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.validate(params.text_document.uri, params.text_document.version)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: LintpostServer, params: lsp.DidSaveTextDocumentParams) -> None:
    ls.validate(params.text_document.uri, None)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: LintpostServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.forget(uri)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def _overlaps(r: lsp.Range, s: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(r.start) <= key(s.end) and key(s.start) <= key(r.end)


@server.feature(
    lsp.TEXT_DOCUMENT_CODE_ACTION,
    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND]),
)
def code_action(ls: LintpostServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    linted = ls.linted.get(uri)
    if linted is None:
        return []
    actions: list[lsp.CodeAction] = []
    fixable = [d for d in linted.result.diagnostics if d.fix is not None]
    for d in fixable:
        rng = ls.range_of(linted.index, d.offset, d.end_offset)
        if not _overlaps(rng, params.range):
            continue
        assert d.fix is not None
        actions.append(lsp.CodeAction(
            title=f"lintpost: {d.fix.description} ({d.rule})",
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[ls.to_lsp(uri, linted.index, d)],
            is_preferred=True,
            edit=lsp.WorkspaceEdit(changes={uri: ls.edits(linted, d.fix)}),
        ))
    if fixable:
        from lintpost.fix import select_fixes

        chosen = select_fixes(fixable)
        edits = [e for f in chosen for e in ls.edits(linted, f)]
        actions.append(lsp.CodeAction(title="lintpost: apply every safe fix", kind=FIX_ALL_KIND,
                                      edit=lsp.WorkspaceEdit(changes={uri: edits})))
    return actions


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: LintpostServer, params: lsp.HoverParams) -> lsp.Hover | None:
    linted = ls.linted.get(params.text_document.uri)
    if linted is None:
        return None
    at = units.offset(linted.index, params.position.line, params.position.character, ls.encoding)
    hits = [d for d in linted.result.diagnostics if d.offset <= at < max(d.end_offset, d.offset + 1)]
    if not hits:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(lsp.MarkupKind.Markdown, explain_markdown(hits)),
                     range=ls.range_of(linted.index, hits[0].offset, hits[0].end_offset))


def explain_markdown(diagnostics: list[Diagnostic]) -> str:
    from lintpost.registry import all_rules

    rules: dict[str, Any] = all_rules()
    parts = []
    for name in dict.fromkeys(d.rule for d in diagnostics):
        rule = rules.get(name)
        body = rule.explain.strip() if rule is not None else "Reported by lintpost itself."
        title = f"**{name}**" + (f": {rule.description}" if rule is not None else "")
        parts.append(f"{title}\n\n{body}")
    return "\n\n---\n\n".join(parts)


def serve() -> None:
    logging.basicConfig(level=logging.WARNING, format="lintpost-lsp: %(levelname)s %(message)s")
    server.start_io()
