"""--format sarif (validated against the SARIF 2.1.0 schema) and --format github."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_run import Ran, check

from lintpost.formats import github

FIGURE_LINE = "The token 🚀🚀 gained 45% in a single week."
DUP = "Bitcoin fell sharply this week as ETF outflows accelerated and miners sold reserves."
OTHER = "Something else happened in markets today, for reasons nobody explained."


def run(*args: str, cwd: Path, subprocess_: bool = False) -> Ran:
    return check(*args, cwd=cwd, subprocess_=subprocess_)


def _posts(tmp_path: Path) -> None:
    (tmp_path / "fig.md").write_text(f"{FIGURE_LINE}\n<!-- lintpost-disable-line no-such-rule -->\n",
                                     encoding="utf-8")
    (tmp_path / "dup.md").write_text(f"{DUP}\n\n{OTHER}\n\n🚀 {DUP}\n", encoding="utf-8")


def _sarif(tmp_path: Path, subprocess_: bool = False) -> dict[str, Any]:
    _posts(tmp_path)
    proc = run("--format", "sarif", "fig.md", "dup.md", "missing.md", cwd=tmp_path, subprocess_=subprocess_)
    assert proc.code == 1, proc.err
    return json.loads(proc.stdout)


def test_sarif_is_valid(tmp_path: Path, shared: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "contract" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(_sarif(tmp_path, subprocess_=True))


def test_sarif_content(tmp_path: Path) -> None:
    log = _sarif(tmp_path)
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "utf16CodeUnits"
    rules = sarif_run["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    dup_rule = by_id["duplicate-paragraph"]
    assert dup_rule["shortDescription"]["text"].startswith("A paragraph repeats")
    assert "Why:" in dup_rule["help"]["text"] and dup_rule["fullDescription"]["text"]
    assert dup_rule["defaultConfiguration"]["level"] == "warning"
    assert by_id["suppression-comment"]["defaultConfiguration"]["level"] == "warning"

    results = sarif_run["results"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    fig = next(r for r in results if r["ruleId"] == "unsourced-figure")
    loc = fig["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "fig.md"
    # "45%" starts at code point 20 but UTF-16 unit 22 (two emoji before it); columns count from 1.
    assert loc["region"] == {"startLine": 1, "startColumn": 23, "endLine": 1, "endColumn": 26}
    assert fig["level"] == "warning"

    dup = next(r for r in results if r["ruleId"] == "duplicate-paragraph")
    assert dup["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert dup["locations"][0]["physicalLocation"]["region"]["endColumn"] == 3 + len(DUP) + 1
    related = dup["relatedLocations"][0]
    assert related["physicalLocation"]["region"]["startLine"] == 1 and related["message"]["text"]
    (change,) = dup["fixes"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == ""
    assert replacement["deletedRegion"]["startLine"] == 4

    (invocation,) = sarif_run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "missing.md" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_github_escaping() -> None:
    assert github.escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    line = github.command("warning", "50%: up\ndown", file="dir,x/a:b.md", line=3, title="rule")
    assert line == "::warning file=dir%2Cx/a%3Ab.md,line=3,title=rule::50%25: up%0Adown"


def test_github_annotations(tmp_path: Path) -> None:
    _posts(tmp_path)
    proc = run("--format", "github", "fig.md", "dup.md", "missing.md", cwd=tmp_path)
    lines = proc.out.splitlines()
    fig = next(x for x in lines if "title=unsourced-figure" in x)
    # Columns here count code points, like the text and JSON output.
    head = "::warning file=fig.md,line=1,col=21,endLine=1,endColumn=24,title=unsourced-figure::"
    assert fig.startswith(head)
    assert "%0Ahelp: " in fig and "\n" not in fig
    assert any(x.startswith("::warning file=dup.md,line=5,col=1,") for x in lines)
    assert "::error file=missing.md,title=lintpost::no such file or directory" in lines
    assert all(x.startswith("::") for x in lines)
