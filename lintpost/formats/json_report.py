"""The JSON report, version 1 (see the report schema): what editors and CI read."""

from __future__ import annotations

import json
from typing import Any

from lintpost import __version__
from lintpost.diagnostic import Diagnostic, Related, Severity
from lintpost.engine import FileResult


def diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": d.rule,
        "severity": d.severity.label,
        "message": d.message,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "offset": d.offset,
        "end_offset": d.end_offset,
        "excerpt": d.excerpt,
    }
    if d.help:
        out["help"] = d.help
    if d.related:
        out["related"] = [_related(r) for r in d.related]
    if d.fix is not None:
        out["fix"] = {
            "description": d.fix.description,
            "edits": [{"offset": e.offset, "end_offset": e.end_offset, "replacement": e.replacement}
                      for e in d.fix.edits],
        }
    return out


def _related(r: Related) -> dict[str, Any]:
    out: dict[str, Any] = {
        "message": r.message, "line": r.line, "column": r.column,
        "end_line": r.end_line, "end_column": r.end_column,
        "offset": r.offset, "end_offset": r.end_offset,
    }
    if r.path is not None:
        out["path"] = r.path
    return out


def file_dict(r: FileResult) -> dict[str, Any]:
    out: dict[str, Any] = {"path": r.path}
    if r.language:
        out["language"] = r.language
    if r.error is not None:
        out["error"] = r.error
    if r.notice:
        out["notice"] = r.notice
    out["diagnostics"] = [diagnostic_dict(d) for d in r.diagnostics]
    return out


def summary(results: list[FileResult]) -> dict[str, int]:
    diags = [d for r in results for d in r.diagnostics]
    return {
        "files": len(results),
        "diagnostics": len(diags),
        "errors": sum(1 for d in diags if d.severity is Severity.ERROR),
        "warnings": sum(1 for d in diags if d.severity is Severity.WARNING),
        "infos": sum(1 for d in diags if d.severity is Severity.INFO),
        "file_errors": sum(1 for r in results if r.error is not None),
    }


def report(results: list[FileResult], *, summary_extra: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    out = {
        "version": 1,
        "tool": {"name": "lintpost", "version": __version__},
        "files": [file_dict(r) for r in results],
        "summary": {**summary(results), **(summary_extra or {})},
    }
    out.update(extra)
    return out


def render(results: list[FileResult], *, summary_extra: dict[str, Any] | None = None, **extra: Any) -> str:
    return json.dumps(report(results, summary_extra=summary_extra, **extra), ensure_ascii=False, indent=2) + "\n"


_FILES = "\x00files\x00"


def write(results: list[FileResult], stream: Any, *, summary_extra: dict[str, Any] | None = None,
          **extra: Any) -> None:
    """Write render(results) to stream one file at a time (same bytes, without the whole report in memory)."""
    if not results:
        stream.write(render(results, summary_extra=summary_extra, **extra))
        return
    head = report([], **extra)
    head["files"] = [_FILES]
    head["summary"] = {**summary(results), **(summary_extra or {})}
    marker = "    " + json.dumps(_FILES)
    before, after = json.dumps(head, ensure_ascii=False, indent=2).split(marker)
    stream.write(before)
    for i, r in enumerate(results):
        item = json.dumps(file_dict(r), ensure_ascii=False, indent=2)
        stream.write(("    " if i == 0 else ",\n    ") + item.replace("\n", "\n    "))
    stream.write(after + "\n")
