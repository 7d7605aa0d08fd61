"""The fast path for `lintpost check` gives exactly what Typer gives, or steps aside."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lintpost import fastcli
from lintpost.cli import FailOn, Format, app, check

POST = """\
# Rates

The bank raised its rate to 4.5% and deposits fell 12% in a month, the sharpest drop in a decade.
The regulator will certainly approve the merger next week, and shares will double by December.
"""


@pytest.fixture
def post(tmp_path: Path) -> Path:
    p = tmp_path / "post.md"
    p.write_text(POST, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(POST, encoding="utf-8")
    return p


def test_parse_reads_the_check_signature(post: Path) -> None:
    kw = fastcli.parse(check, ["-f", "json", "--select", "a,b", "--select=c", str(post), "--jobs", "1",
                               "--no-color", "-q", "--fail-on", "never", "--timeout", "2.5",
                               "--config", "x.toml", "--", "-dash.md"])
    assert kw is not None
    assert kw["output_format"] is Format.json and kw["fail_on"] is FailOn.never
    assert kw["select"] == ["a,b", "c"] and kw["ignore"] is None
    assert kw["paths"] == [str(post), "-dash.md"]
    assert kw["jobs"] == 1 and kw["timeout"] == 2.5 and kw["quiet"] is True and kw["color"] is False
    assert kw["config"] == Path("x.toml")
    defaults = fastcli.parse(check, [])
    assert defaults is not None and defaults["paths"] is None and defaults["output_format"] is Format.text


@pytest.mark.parametrize("argv", [
    ["--help"], ["--format", "xml"], ["--jobs", "two"], ["--jobs", "1_0"], ["-fjson"], ["-qj", "2"],
    ["--quiet=yes"], ["--lang"], ["--no-such-option"], ["--timeout", "-1"], ["--config", ""],
])
def test_parse_steps_aside_when_unsure(argv: list[str]) -> None:
    assert fastcli.parse(check, argv) is None


@pytest.mark.parametrize("argv", [
    [],
    ["-f", "json"],
    ["--format=json", "--select", "unsourced-figure"],
    ["--ignore", "unsourced-figure,regulatory-assertion", "-q"],
    ["--fail-on", "never", "--no-color"],
    ["--lang", "de"],
    ["--select", "no-such-rule"],
    ["-f", "json", "--across-files", "-j", "1"],
])
def test_fast_path_output_equals_typer(post: Path, argv: list[str]) -> None:
    folder = str(post.parent)
    full = [*argv, folder]
    fast = subprocess.run([sys.executable, "-m", "lintpost", "check", *full], capture_output=True, text=True,
                          check=False)
    slow = CliRunner().invoke(app, ["check", *full])
    assert fast.returncode == slow.exit_code
    assert fast.stdout == slow.stdout


@pytest.mark.parametrize("argv", [
    [], ["-f", "json", "--select", "a,b", "x.md"], ["--fail-on", "never", "--no-color", "-q"], ["--format", "xml"],
    ["--help"], ["--config", "c.toml", "-j", "2", "--", "-x.md"],
])
def test_cached_check_table_parses_like_the_signature(argv: list[str]) -> None:
    assert fastcli.parse_check(argv) == fastcli.parse(check, argv)
    assert fastcli.parse_check(argv) == fastcli.parse(check, argv)  # the second read comes from the cache


def test_check_and_version_start_without_typer(post: Path) -> None:
    probe = (
        "import atexit, sys; atexit.register(lambda: sys.stderr.write('typer loaded: %s' % ('typer' in sys.modules)))\n"
        "from lintpost.entry import main; sys.argv[1:] = sys.argv[2:]; main()"
    )
    for argv in (["check", "-f", "json", str(post)], ["--version"]):
        run = subprocess.run([sys.executable, "-c", probe, "lintpost", *argv], capture_output=True, text=True,
                             check=False)
        assert run.stderr.endswith("typer loaded: False"), run.stderr
    version = subprocess.run([sys.executable, "-m", "lintpost", "--version"], capture_output=True, text=True,
                             check=False)
    assert version.stdout == CliRunner().invoke(app, ["--version"]).stdout
