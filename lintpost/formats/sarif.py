"""SARIF 2.1.0, for code scanning in CI. Columns count UTF-16 code units (the SARIF default)."""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

from lintpost import __version__, units
from lintpost.baseline import fingerprint
from lintpost.diagnostic import Diagnostic, Related, Severity
from lintpost.engine import FileResult
from lintpost.positions import LineIndex

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
COLUMN_KIND = "utf16CodeUnits"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Diagnostics the engine itself reports, with no Rule object behind them.
_ENGINE_RULES = {
    "language": (Severity.INFO, "The draft's language is neither French nor English"),
    "suppression-comment": (Severity.WARNING, "A suppression comment names a rule that does not exist"),
    "rule-failure": (Severity.ERROR, "A rule failed on this file"),
}


def artifact_uri(path: str) -> str:
    if os.path.isabs(path):
        return "file://" + quote(path.replace(os.sep, "/"))
    return quote(path.replace(os.sep, "/").removeprefix("./"))


def _region(index: LineIndex, a: int, b: int) -> dict[str, int]:
    line, col = units.position(index, a)
    end_line, end_col = units.position(index, b)
    return {"startLine": line + 1, "startColumn": col + 1, "endLine": end_line + 1, "endColumn": end_col + 1}


def _rule_meta(name: str, rule: Any) -> dict[str, Any]:
    if rule is None:
        severity, description = _ENGINE_RULES.get(name, (Severity.WARNING, name))
        return {"id": name, "shortDescription": {"text": description},
                "defaultConfiguration": {"level": _LEVELS[severity]}}
    explain = rule.explain.strip()
    return {
        "id": name,
        "name": "".join(p.capitalize() for p in name.split("-")),
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": explain.split("\n\n", 1)[0].replace("\n", " ")},
        "help": {"text": explain, "markdown": explain},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"fixable": bool(rule.fixable)},
    }


def _location(uri: str, index: LineIndex | None, a: int, b: int, line: int, col: int,
              end_line: int, end_col: int) -> dict[str, Any]:
    region = _region(index, a, b) if index is not None else {
        "startLine": max(line, 1), "startColumn": max(col, 1),
        "endLine": max(end_line, line, 1), "endColumn": max(end_col, 1)}
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def _related(i: int, r: Related, uri: str, index: LineIndex) -> dict[str, Any]:
    if r.path is not None:
        loc = _location(artifact_uri(r.path), None, 0, 0, r.line, r.column, r.end_line, r.end_column)
    else:
        loc = _location(uri, index, r.offset, r.end_offset, 0, 0, 0, 0)
    return {"id": i, **loc, "message": {"text": r.message}}


def _result(d: Diagnostic, uri: str, index: LineIndex, rule_index: int) -> dict[str, Any]:
    message = d.message + (f"\nhelp: {d.help}" if d.help else "")
    out: dict[str, Any] = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[d.severity],
        "message": {"text": message},
        "locations": [_location(uri, index, d.offset, d.end_offset, 0, 0, 0, 0)],
        "partialFingerprints": {"lintpostExcerpt/v1": fingerprint(d)},
    }
    if d.related:
        out["relatedLocations"] = [_related(i, r, uri, index) for i, r in enumerate(d.related, 1)]
    if d.fix is not None:
        out["fixes"] = [{
            "description": {"text": d.fix.description},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{"deletedRegion": _region(index, e.offset, e.end_offset),
                                  "insertedContent": {"text": e.replacement}} for e in d.fix.edits],
            }],
        }]
    return out


def report(results: list[FileResult], known_rules: dict[str, Any]) -> dict[str, Any]:
    used = sorted({d.rule for r in results for d in r.diagnostics} - set(known_rules))
    names = [*known_rules, *used]
    order = {n: i for i, n in enumerate(names)}
    sarif_results = []
    notifications = []
    for r in results:
        uri = artifact_uri(r.path)
        if r.error is not None:
            notifications.append({"level": "error", "message": {"text": f"{r.path}: {r.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
            continue
        index = LineIndex(r.text)
        sarif_results.extend(_result(d, uri, index, order[d.rule]) for d in r.diagnostics)
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {
            "name": "lintpost",
            "version": __version__,
            "informationUri": "https://pypi.org/project/lintpost/",
            "rules": [_rule_meta(n, known_rules.get(n)) for n in names],
        }},
        "columnKind": COLUMN_KIND,
        "invocations": [invocation],
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results: list[FileResult], known_rules: dict[str, Any]) -> str:
    return json.dumps(report(results, known_rules), ensure_ascii=False, indent=2) + "\n"
