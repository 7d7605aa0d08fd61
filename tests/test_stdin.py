"""Editors pipe the buffer: `check - --stdin-filename PATH` uses the config that applies to PATH."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cli_run import check

FIG = "The token gained 45% in a single week."


def lint_stdin(name: str, text: str, cwd: Path, subprocess_: bool = False) -> tuple[int, dict[str, Any]]:
    ran = check("-", "--stdin-filename", name, "--format", "json", cwd=cwd, stdin=text.encode("utf-8"),
                subprocess_=subprocess_)
    return ran.code, json.loads(ran.stdout)


def rules_of(report: dict[str, Any]) -> list[str]:
    return [d["rule"] for f in report["files"] for d in f["diagnostics"]]


def test_the_config_of_the_named_file_applies(tmp_path: Path) -> None:
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / ".lintpost.toml").write_text('ignore = ["unsourced-figure"]\n', encoding="utf-8")
    (tmp_path / "loud").mkdir()
    code, report = lint_stdin("quiet/post.md", f"{FIG}\n", tmp_path, subprocess_=True)
    assert code == 0 and rules_of(report) == []
    assert report["files"][0]["path"] == "quiet/post.md"
    code, report = lint_stdin("loud/post.md", f"{FIG}\n", tmp_path, subprocess_=True)
    assert code == 1 and rules_of(report) == ["unsourced-figure"]
    # An absolute name works from any folder, and a file that does not exist yet is fine.
    code, report = lint_stdin(str(quiet / "new-draft.md"), f"{FIG}\n", tmp_path / "loud")
    assert code == 0 and rules_of(report) == []


def test_per_file_ignores_and_fail_on_follow_the_name(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lintpost]\nfail-on = "error"\n'
        '[tool.lintpost.per-file-ignores]\n"drafts/*" = ["unsourced-figure"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    code, report = lint_stdin("drafts/post.md", f"{FIG}\n", tmp_path)
    assert rules_of(report) == [] and code == 0
    code, report = lint_stdin("post.md", f"{FIG}\n", tmp_path)
    assert rules_of(report) == ["unsourced-figure"]
    assert code == 0  # a warning does not fail under fail-on = "error"


def test_the_name_chooses_markdown_or_plain_text(tmp_path: Path) -> None:
    # In Markdown an indented line is a code block, not prose; in plain text it is prose.
    text = f"A short introduction.\n\n    {FIG}\n"
    assert rules_of(lint_stdin("post.md", text, tmp_path)[1]) == []
    assert rules_of(lint_stdin("post.txt", text, tmp_path)[1]) == ["unsourced-figure"]


def test_the_report_matches_the_contract(tmp_path: Path, shared: Path) -> None:
    import jsonschema

    schema = json.loads((shared / "contract" / "report.schema.json").read_text(encoding="utf-8"))
    _, report = lint_stdin("post.md", f"🚀 {FIG}\n", tmp_path)
    jsonschema.validate(report, schema)
    assert report["summary"]["baselined"] == 0
