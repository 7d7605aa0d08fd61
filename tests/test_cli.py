"""The command line in a real subprocess: exit codes, formats, standard input, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

BAD = "Le marché pèse 20 milliards de dollars. L'AMF aurait immédiatement interdit la fusion.\n"
CLEAN = "Selon l'Insee, les prix ont augmenté de 1,2 % sur un an.\n"


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lintpost", *args],
        cwd=cwd or ROOT, input=stdin, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
    )


def test_annotated_text_output(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(BAD, encoding="utf-8")
    proc = run("check", str(draft))
    assert proc.returncode == 1
    out = proc.stdout
    assert f"{draft}:1:16: warning[unsourced-figure] amount of money with no source" in out
    assert "1 | Le marché pèse 20 milliards de dollars." in out
    assert "  |                ^^^^^^^^^^^^^^^^^^^^^^^" in out
    assert "= help: say where the figure comes from" in out
    assert "warning[regulatory-assertion]" in out
    assert "\x1b[" not in out
    assert out.rstrip().splitlines()[-1].startswith("Found 2 finding(s)")


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    draft = tmp_path / "ok.md"
    draft.write_text(CLEAN, encoding="utf-8")
    proc = run("check", str(draft))
    assert proc.returncode == 0, proc.stdout
    assert "All clear" in proc.stdout


def test_fail_on_error_and_never(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(BAD, encoding="utf-8")
    assert run("check", "--fail-on", "error", str(draft)).returncode == 0
    assert run("check", "--fail-on", "never", str(draft)).returncode == 0
    assert run("check", "--fail-on", "info", str(draft)).returncode == 1


def test_select_and_ignore(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(BAD, encoding="utf-8")
    data = json.loads(run("check", "-f", "json", "--select", "unsourced-figure", str(draft)).stdout)
    assert {d["rule"] for d in data["files"][0]["diagnostics"]} == {"unsourced-figure"}
    data = json.loads(run("check", "-f", "json", "--ignore", "unsourced-figure", str(draft)).stdout)
    assert "unsourced-figure" not in {d["rule"] for d in data["files"][0]["diagnostics"]}
    bad = run("check", "--select", "no-such-rule", str(draft))
    assert bad.returncode == 2 and "unknown rule" in bad.stderr


def test_stdin_with_filename_and_language() -> None:
    proc = run("check", "-", "--stdin-filename", "drafts/post.md", "--format", "json", stdin=BAD)
    data = json.loads(proc.stdout)
    assert data["files"][0]["path"] == "drafts/post.md"
    assert data["files"][0]["language"] == "fr"
    assert proc.returncode == 1


def test_lang_option_overrides_detection(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(BAD, encoding="utf-8")
    data = json.loads(run("check", "-f", "json", "--lang", "en", str(draft)).stdout)
    assert data["files"][0]["language"] == "en"
    assert run("check", "--lang", "de", str(draft)).returncode == 2


def test_directories_are_searched_and_excludes_apply(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "a" / "two.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "a" / "skip.py").write_text("x = 20\n", encoding="utf-8")
    (tmp_path / "drafts-old").mkdir()
    (tmp_path / "drafts-old" / "old.md").write_text(BAD, encoding="utf-8")
    data = json.loads(run("check", "-f", "json", "--exclude", "drafts-old", ".", cwd=tmp_path).stdout)
    paths = [f["path"] for f in data["files"]]
    assert paths == ["a/one.md", "a/two.txt"]


def test_bad_inputs_get_one_line_each_and_others_are_checked(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(CLEAN, encoding="utf-8")
    latin = tmp_path / "latin.md"
    latin.write_bytes("Le marché a pris 3 % à l'été.\n".encode("cp1252"))
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    proc = run("check", "-f", "json", str(good), str(latin), str(binary), str(empty), str(tmp_path / "missing.md"))
    assert proc.returncode == 1, proc.stderr  # files that could not be read fail the run like errors
    assert "Traceback" not in proc.stderr
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert "not valid UTF-8" in files["latin.md"]["error"]
    assert "cp1252" in files["latin.md"]["error"]
    assert "binary" in files["image.md"]["error"]
    assert "no such file" in files["missing.md"]["error"]
    assert "error" not in files["good.md"] and "error" not in files["empty.md"]
    assert len(proc.stderr.strip().splitlines()) == 3


def test_nothing_checkable_exits_two(tmp_path: Path) -> None:
    proc = run("check", str(tmp_path / "missing.md"))
    assert proc.returncode == 2
    assert "no such file" in proc.stdout
    (tmp_path / "empty-dir").mkdir()
    proc = run("check", str(tmp_path / "empty-dir"))
    assert proc.returncode == 2 and "no drafts found" in proc.stdout


def test_rules_and_explain() -> None:
    proc = run("rules")
    assert proc.returncode == 0
    for name in ("duplicate-paragraph", "unsourced-figure", "regulatory-assertion", "missing-disclaimer"):
        assert name in proc.stdout
    listed = json.loads(run("rules", "--format", "json").stdout)
    assert {"name", "severity", "description"} <= set(listed[0])
    proc = run("explain", "regulatory-assertion")
    assert proc.returncode == 0
    assert "Example" in proc.stdout and "Instead" in proc.stdout
    assert run("explain", "nope").returncode == 2


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("lintpost ")
    assert "check" in run("--help").stdout


@pytest.mark.parametrize("seed", sorted(p.name for p in (SEEDS / "en").iterdir()))
def test_seeds_are_checked_without_errors(seed: str) -> None:
    proc = run("check", "-f", "json", str(SEEDS / "en" / seed))
    assert proc.returncode in (0, 1)
    assert "error" not in json.loads(proc.stdout)["files"][0]
