"""A runaway rule or pattern costs one rule on one file, or one file, never the run; packs and
config are data, never code."""

from __future__ import annotations

import ast
import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import invariants
import pytest

from lintpost import budget, runner
from lintpost.config import Config
from lintpost.diagnostic import Finding
from lintpost.document import Document
from lintpost.engine import RULE_FAILURE, FileTimeout, lint_text
from lintpost.registry import all_rules
from lintpost.rule import Context, Rule

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Bitcoin rose 45% this quarter, and the SEC will block the merger.\n\n" + "a" * 40 + "!\n"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "lintpost", "check", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def write_pack(root: Path, files: dict[str, str]) -> None:
    for rel, content in files.items():
        path = root / "pack" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    (root / ".lintpost.toml").write_text('packs = ["pack"]\n', encoding="utf-8")


GREEDY_RULE = """\
name = "greedy"
description = "A pattern that backtracks without end on a line of a's"
[en]
tokens = ["re:(a|a)+$"]
"""
NESTED_RULE = """\
name = "nested"
[en]
tokens = ["re:(a+)+$"]
"""


def test_catastrophic_data_rule_pattern_fails_its_rule_not_the_run(tmp_path: Path) -> None:
    write_pack(tmp_path, {"rules/greedy.toml": GREEDY_RULE, "rules/nested.toml": NESTED_RULE})
    (tmp_path / "post.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "other.md").write_text("The fund lost 8% in March.\n", encoding="utf-8")
    proc = run_cli("--format", "json", "post.md", "other.md", cwd=tmp_path)
    assert proc.returncode == 1
    rep = invariants.check_report_json(json.loads(proc.stdout))
    files = {f["path"]: f for f in rep["files"]}
    diags = files["post.md"]["diagnostics"]
    failures = [d for d in diags if d["rule"] == RULE_FAILURE]
    assert [d["message"] for d in failures] == ["rule greedy stopped: a pattern ran past its time limit"]
    assert failures[0]["severity"] == "error"
    # The other rules ran on the same file, and the next file was checked.
    assert {"unsourced-figure", "regulatory-assertion"} <= {d["rule"] for d in diags}
    assert files["other.md"]["diagnostics"]


def test_catastrophic_phrase_in_a_vocabulary_pack_fails_that_rule(tmp_path: Path) -> None:
    write_pack(tmp_path, {"en/finance.toml": 'cues = ["re:(a|a)+$"]\n'})
    (tmp_path / "post.md").write_text(TEXT, encoding="utf-8")
    proc = run_cli("--format", "json", "post.md", cwd=tmp_path)
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert [d["message"] for d in diags if d["rule"] == RULE_FAILURE] == [
        "rule missing-disclaimer stopped: a pattern ran past its time limit"]
    assert "unsourced-figure" in {d["rule"] for d in diags}


def test_a_broken_pack_is_one_line_per_file(tmp_path: Path) -> None:
    write_pack(tmp_path, {"rules/broken.toml": "name = \n"})
    (tmp_path / "post.md").write_text(TEXT, encoding="utf-8")
    proc = run_cli("--format", "json", "post.md", cwd=tmp_path)
    assert proc.returncode == 2
    entry = json.loads(proc.stdout)["files"][0]
    assert entry["error"].startswith("rule pack: ")
    assert len(proc.stderr.splitlines()) == 1


class Spinner(Rule):
    """A plug-in stuck in pure Python: only the timer can stop it."""

    name = "spinner"
    description = "spins"
    explain = "spins"
    languages = None

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        while True:
            pass
        yield  # pragma: no cover


class Dripper(Rule):
    """A plug-in that yields a finding now and then, for ever."""

    name = "dripper"
    description = "drips"
    explain = "drips"
    languages = None

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        while True:
            time.sleep(0.01)
            yield Finding(0, 1, "drip")


class Crasher(Rule):
    name = "crasher"
    description = "crashes"
    explain = "crashes"
    languages = None

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        raise ZeroDivisionError("plug-in bug")


def test_a_runaway_plugin_costs_its_file_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = {**all_rules(), "spinner": Spinner()}
    monkeypatch.setattr(runner, "rules_for", lambda cfg: rules)
    opts = runner.Options(timeout=0.5)
    stuck = runner.check_text(TEXT, "stuck.md", Config(), opts)
    assert stuck.error == "took longer than the 0.5-second limit per file (see --timeout)"
    # The timer is gone and the next file is checked in full.
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    monkeypatch.setattr(runner, "rules_for", lambda cfg: all_rules())
    fine = runner.check_text(TEXT, "fine.md", Config(), runner.Options())
    assert fine.error is None and fine.diagnostics


def test_a_crashing_plugin_is_a_rule_failure() -> None:
    result = lint_text(TEXT, "post.md", Config(), {**all_rules(), "crasher": Crasher()})
    failures = [d for d in result.diagnostics if d.rule == RULE_FAILURE]
    assert [d.message for d in failures] == [
        "rule crasher failed on this file: ZeroDivisionError: plug-in bug"]
    assert any(d.rule == "unsourced-figure" for d in result.diagnostics)


def _in_thread(fn: Any) -> Any:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = fn()
        except BaseException as exc:
            box["error"] = exc

    t = threading.Thread(target=target)
    t.start()
    t.join(60)
    assert not t.is_alive()
    return box


def test_off_the_main_thread_the_deadline_is_checked_between_findings() -> None:
    box = _in_thread(lambda: lint_text(TEXT, "post.md", Config(), {"dripper": Dripper()}, timeout=0.3))
    assert isinstance(box.get("error"), FileTimeout)


def test_off_the_main_thread_user_patterns_still_time_out(tmp_path: Path) -> None:
    write_pack(tmp_path, {"rules/greedy.toml": GREEDY_RULE})
    rules = all_rules((tmp_path / "pack",))
    cfg = Config(packs=(tmp_path / "pack",))
    box = _in_thread(lambda: lint_text(TEXT, "post.md", cfg, rules))
    result = box["result"]
    assert [d.message for d in result.diagnostics if d.rule == RULE_FAILURE] == [
        "rule greedy stopped: a pattern ran past its time limit"]


def test_the_budget_leaves_someone_elses_timer_alone() -> None:
    fired: list[int] = []
    old = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        lint_text("Bitcoin rose 45%.", "post.md", Config(), all_rules(), timeout=5)
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 0 < left <= 30
        assert signal.getsignal(signal.SIGALRM) is not budget._on_alarm
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert not fired


def test_budget_restores_the_previous_handler() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with budget.limit(5):
        assert signal.getsignal(signal.SIGALRM) is budget._on_alarm
        assert budget.remaining() is not None
    assert signal.getsignal(signal.SIGALRM) is before
    assert budget.remaining() is None
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


# --- data, never code -----------------------------------------------------------------------------

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "yaml", "jsonpickle"}


def test_no_module_evaluates_or_unpickles_anything() -> None:
    for path in sorted((ROOT / "lintpost").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{path}:{node.lineno}: {node.func.id}()"
            if isinstance(node, ast.Import):
                names = {a.name.split(".")[0] for a in node.names}
                if path.name == "recache.py":
                    # The compiled-pattern cache is lintpost's own file of plain data (checked on load).
                    names -= {"marshal"}
                assert not names & FORBIDDEN_MODULES, f"{path}:{node.lineno}: import {names}"
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in FORBIDDEN_MODULES, f"{path}:{node.lineno}"


def test_python_files_in_a_pack_are_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    payload = f"open({str(marker)!r}, 'w').write('x')\n"
    write_pack(tmp_path, {
        "rules/evil.py": payload, "en/finance.py": payload, "en/__init__.py": payload, "__init__.py": payload,
        # TOML that looks like code is only ever a string.
        "rules/odd.toml": 'name = "odd"\nmessage = "{match.__class__} __import__(\'os\')"\n'
                          '[en]\ntokens = ["quarter"]\n',
        "en/finance.toml": f'cues = ["__import__(\'os\').system(\'touch {marker}\')"]\n',
    })
    (tmp_path / "post.md").write_text(TEXT, encoding="utf-8")
    proc = run_cli("--format", "json", "post.md", cwd=tmp_path)
    assert not marker.exists()
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    assert [d["message"] for d in diags if d["rule"] == "odd"] == ["{match.__class__} __import__('os')"]


def test_a_config_that_is_not_toml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / ".lintpost.toml").write_text("import os\nos.system('true')\n", encoding="utf-8")
    (tmp_path / "post.md").write_text(TEXT, encoding="utf-8")
    proc = run_cli("post.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1 and "not valid TOML" in proc.stderr


def test_the_pattern_cache_refuses_anything_but_plain_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    from lintpost import recache

    bad = tmp_path / "cache.marshal"
    bad.write_bytes(marshal.dumps({("a+b", 0): (compile("1", "f", "eval"),)}))
    monkeypatch.setattr(recache, "cache_file", lambda: bad)
    monkeypatch.setattr(recache, "_loaded", None)
    monkeypatch.setattr(recache, "_added", {})
    # The entry is read but never used: the pattern is compiled from its source instead.
    assert recache.compile("a+b").match("aab")
    assert ("a+b", 0) in recache._added
