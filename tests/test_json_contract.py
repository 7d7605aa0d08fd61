"""The JSON report against the contract schema, and excerpts against the files on disk."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import regex

ROOT = Path(__file__).resolve().parent.parent


def _report(*paths: str) -> dict:  # type: ignore[type-arg]
    proc = subprocess.run([sys.executable, "-m", "lintpost", "check", "--format", "json", *paths],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def _check_positions(report: dict, base: Path) -> int:  # type: ignore[type-arg]
    count = 0
    for f in report["files"]:
        text = (base / f["path"]).read_bytes().decode("utf-8-sig")
        lines = regex.split(r"\r\n|\r|\n", text)
        starts = [0]
        for m in regex.finditer(r"\r\n|\r|\n", text):
            starts.append(m.end())
        for d in f["diagnostics"]:
            assert d["excerpt"] == text[d["offset"] : d["end_offset"]]
            assert starts[d["line"] - 1] + d["column"] - 1 == d["offset"]
            assert starts[d["end_line"] - 1] + d["end_column"] - 1 == d["end_offset"]
            assert d["line"] <= len(lines)
            count += 1
    return count


def test_seeds_report_matches_the_schema(shared: Path) -> None:
    schema = json.loads((shared / "contract" / "report.schema.json").read_text(encoding="utf-8"))
    report = _report("seeds")
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["summary"]["files"] == len(report["files"]) >= 6
    assert _check_positions(report, ROOT) == report["summary"]["diagnostics"] > 0


def test_crlf_and_bom_positions(tmp_path: Path) -> None:
    text = "\ufeff# Titre\r\n\r\nLe titre a pris 12 % en un jour.\rIl vaut 3 milliards d'euros.\r\n"
    path = tmp_path / "crlf.md"
    path.write_bytes(text.encode("utf-8"))
    report = _report(str(path))
    diags = report["files"][0]["diagnostics"]
    assert {d["excerpt"] for d in diags} >= {"12 %", "3 milliards d'euros"}
    decoded = text[1:]
    for d in diags:
        assert decoded[d["offset"] : d["end_offset"]] == d["excerpt"]
    by_excerpt = {d["excerpt"]: d for d in diags}
    assert (by_excerpt["12 %"]["line"], by_excerpt["12 %"]["column"]) == (3, 17)
    assert by_excerpt["3 milliards d'euros"]["line"] == 4


@pytest.mark.parametrize("rule", ["duplicate-paragraph", "missing-disclaimer"])
def test_fixes_are_in_the_report(rule: str) -> None:
    report = _report("seeds/en/orbital-chips-deal.md")
    diags = [d for d in report["files"][0]["diagnostics"] if d["rule"] == rule]
    assert diags
    if rule == "duplicate-paragraph":
        assert diags[0]["fix"]["edits"][0]["replacement"] == ""
        assert diags[0]["related"][0]["line"] == 11
