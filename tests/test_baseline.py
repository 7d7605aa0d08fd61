"""Baselines: findings keyed by file, rule and excerpt, so edits elsewhere do not invalidate them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import Ran, check
from helpers import lint

from lintpost import baseline
from lintpost.engine import FileResult

FIG = "The token gained 45% in a single week."
FIG2 = "Its rival lost 30% over the same week."
NEW = "Ether climbed 12% during the session."


def run(*args: str, cwd: Path, subprocess_: bool = False) -> Ran:
    return check(*args, cwd=cwd, subprocess_=subprocess_)


def result(text: str, path: str = "post.md") -> FileResult:
    return lint(text, lang="en", path=path)


def test_moved_findings_stay_baselined(tmp_path: Path) -> None:
    before = result(f"{FIG}\n\n{FIG2}\n")
    keys = {k for k, _ in baseline.keyed(before, tmp_path)}
    after = result(f"# A new title\n\nA new introduction paragraph.\n\n{FIG2}\n\n{FIG}\n")
    kept, hidden = baseline.apply([after], keys, tmp_path)
    assert hidden == 2 and kept[0].diagnostics == ()


def test_only_new_findings_are_reported(tmp_path: Path) -> None:
    keys = {k for k, _ in baseline.keyed(result(f"{FIG}\n"), tmp_path)}
    kept, hidden = baseline.apply([result(f"{NEW}\n\n{FIG}\n")], keys, tmp_path)
    assert hidden == 1
    assert [d.excerpt for d in kept[0].diagnostics] == ["12%"]


def test_a_second_copy_of_a_baselined_finding_is_new(tmp_path: Path) -> None:
    dup = "Bitcoin fell sharply this week as ETF outflows accelerated and miners sold reserves."
    other = "Something else happened in markets today, for reasons nobody explained."
    other2 = "Meanwhile the bond desk spent the afternoon on an entirely different question."
    only = ("duplicate-paragraph",)
    keys = {k for k, _ in baseline.keyed(lint(f"{dup}\n\n{other}\n\n{dup}\n", lang="en", select=only), tmp_path)}
    twice = lint(f"{dup}\n\n{other}\n\n{dup}\n\n{other2}\n\n{dup}\n", lang="en", select=only)
    assert [d.line for d in twice.diagnostics if d.rule == "duplicate-paragraph"] == [5, 9]
    kept, hidden = baseline.apply([twice], keys, tmp_path)
    assert hidden == 1
    assert [(d.rule, d.line) for d in kept[0].diagnostics] == [("duplicate-paragraph", 9)]


def test_keys_depend_on_the_file_and_ignore_whitespace(tmp_path: Path) -> None:
    keys = {k for k, _ in baseline.keyed(result(f"{FIG}\n", "a.md"), tmp_path)}
    _, hidden = baseline.apply([result(f"{FIG}\n", "b.md")], keys, tmp_path)
    assert hidden == 0
    d = result(f"{FIG}\n").diagnostics[0]

    assert baseline.fingerprint(d) == baseline.fingerprint(d._replace(excerpt=" 45%\n"))


def test_bad_baseline_files(tmp_path: Path) -> None:
    with pytest.raises(baseline.BaselineError, match="no such baseline"):
        baseline.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 7}', encoding="utf-8")
    with pytest.raises(baseline.BaselineError, match="not a lintpost baseline"):
        baseline.load(bad)


def test_end_to_end(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    post = docs / "post.md"
    post.write_text(f"{FIG}\n\n{FIG2}\n", encoding="utf-8")
    wrote = run("--write-baseline", "lintpost-baseline.json", "docs", cwd=tmp_path, subprocess_=True)
    assert wrote.code == 0
    assert "Wrote 2 finding(s)" in wrote.err
    data = json.loads((tmp_path / "lintpost-baseline.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in data["findings"]} == {"docs/post.md"}
    assert all("line" in f and "fingerprint" in f for f in data["findings"])

    clean = run("--baseline", "lintpost-baseline.json", "docs", cwd=tmp_path)
    assert clean.code == 0, clean.out
    assert "2 baselined finding(s) hidden" in clean.out

    # Lines move, one finding is new; the baseline is used from another folder, with another path form.
    post.write_text(f"# Title\n\nIntro.\n\n{NEW}\n\n{FIG2}\n\n{FIG}\n", encoding="utf-8")
    proc = run("--baseline", "../lintpost-baseline.json", "--format", "json", "post.md", cwd=docs,
               subprocess_=True)
    report = json.loads(proc.stdout)
    assert proc.code == 1
    assert [d["excerpt"] for d in report["files"][0]["diagnostics"]] == ["12%"]
    assert report["summary"]["baselined"] == 2 and report["summary"]["diagnostics"] == 1


def test_missing_baseline_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(f"{FIG}\n", encoding="utf-8")
    proc = run("--baseline", "nope.json", "post.md", cwd=tmp_path)
    assert proc.code == 2 and "no such baseline" in proc.err
