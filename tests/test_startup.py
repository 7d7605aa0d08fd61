"""Start-up caches: compiled patterns and the plug-in scan are kept between runs, and stay correct."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from lintpost import recache

PROBE = ("import sys; from lintpost.registry import all_rules; "
         "print(sorted(all_rules())[0], 'importlib.metadata' in sys.modules)")

PLUGIN = '''
from lintpost.rule import Rule

class Shouting(Rule):
    name = "aaa-shouting"
    description = "Capitals"
    explain = "Capitals."
    languages = None

    def check(self, doc, ctx):
        return iter(())

RULES = [Shouting]
'''


def _run(code: str, cache: Path, pythonpath: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("LINTPOST_NO_CACHE", "PYTHONPATH")}
    env["LINTPOST_CACHE_DIR"] = str(cache)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip()


def test_plugin_scan_is_skipped_only_while_nothing_is_installed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _run(PROBE, cache) == "duplicate-across-files True"  # first run scans
    assert _run(PROBE, cache) == "duplicate-across-files False"  # then trusts the cache
    site = tmp_path / "site"
    (site / "lintpost_shouting.py").parent.mkdir()
    (site / "lintpost_shouting.py").write_text(PLUGIN, encoding="utf-8")
    dist = site / "lintpost_shouting-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: lintpost-shouting\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[lintpost.rules]\nshouting = lintpost_shouting:RULES\n")
    assert _run(PROBE, cache, site) == "aaa-shouting True"  # a new folder on the path: scanned again


def test_cached_patterns_behave_like_compiled_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINTPOST_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_loaded", None)
    monkeypatch.setattr(recache, "_added", {})
    pattern = r"(?<![\p{L}\p{N}_])(?:ne\s+pas|Straße|d['’]accord)(?![\p{L}\p{N}_])"
    flags = regex.I | regex.V1
    first = recache.compile(pattern, flags)
    recache.save()
    assert recache.cache_file() is not None and recache.cache_file().is_file()
    monkeypatch.setattr(recache, "_loaded", None)
    again = recache.compile(pattern, flags)
    assert recache._added == {}  # rebuilt from the file, not compiled
    text = "Je ne  pas; STRASSE et strasse; d’accord, D'ACCORD, nd'accord"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)]
    plain = regex.compile(pattern, flags)
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in plain.finditer(text)]
    (tmp_path / recache.cache_file().name).write_bytes(b"not marshal data")
    monkeypatch.setattr(recache, "_loaded", None)
    assert recache.compile(pattern, flags).pattern == pattern


def test_cache_entries_that_are_not_plain_data_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    monkeypatch.setenv("LINTPOST_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_added", {})
    path = recache.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    code = compile("print('never run')", "x", "exec")
    path.write_bytes(marshal.dumps({("ab+", 0): (code,), (recache.code_stamp(), "memo", "k"): (code,)}))
    monkeypatch.setattr(recache, "_loaded", None)
    assert recache.compile("ab+", 0).fullmatch("abbb")
    assert recache.memo(("memo", "k"), lambda: "built") == "built"


def test_memoised_data_is_rebuilt_when_the_code_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINTPOST_NO_CACHE", "1")
    monkeypatch.setattr(recache, "_added", {})
    monkeypatch.setattr(recache, "_loaded", {})
    monkeypatch.setattr(recache, "_stamp", [1])
    assert recache.memo(("derived", "x"), lambda: "old code") == "old code"
    assert recache.memo(("derived", "x"), lambda: "never built") == "old code"
    monkeypatch.setattr(recache, "_stamp", [2])  # a module of the package was edited
    assert recache.memo(("derived", "x"), lambda: "new code") == "new code"


def test_a_save_drops_data_memoised_by_other_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINTPOST_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_added", {})
    monkeypatch.setattr(recache, "_used", set())
    monkeypatch.setattr(recache, "_stamp", [7])
    monkeypatch.setattr(recache, "_loaded", {(6, "old"): ("stale",), (7, "kept"): ("fresh",)})
    recache.compile("fresh-pattern", 0)
    recache.save()
    monkeypatch.setattr(recache, "_loaded", None)
    recache._load_cold()  # the hot and the cold file together
    keys = set(recache._load())
    assert (7, "kept") in keys and ("fresh-pattern", 0) in keys and (6, "old") not in keys


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The module's state as a new run finds it (the cache files stay on disk)."""
    monkeypatch.setattr(recache, "_loaded", None)
    monkeypatch.setattr(recache, "_added", {})
    monkeypatch.setattr(recache, "_used", set())
    monkeypatch.setattr(recache, "_cold_loaded", False)
    monkeypatch.setattr(recache, "_registered", True)  # save() is called by hand here


def test_a_hook_run_reads_the_hot_file_only_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINTPOST_CACHE_DIR", str(tmp_path))
    _new_process(monkeypatch)
    for p in ("alpha+", "beta+", "gamma+"):
        recache.compile(p, 0)
    recache.save()
    hot, cold = recache.cache_file(), recache.cold_file()
    assert hot is not None and cold is not None and hot.is_file()
    before = (hot.stat().st_mtime_ns, cold.stat().st_mtime_ns)
    _new_process(monkeypatch)
    assert recache.compile("beta+", 0).fullmatch("betaaa")
    assert recache._added == {} and not recache._cold_loaded  # rebuilt from the hot file alone
    recache.save()
    assert (hot.stat().st_mtime_ns, cold.stat().st_mtime_ns) == before  # nothing written


def test_what_a_run_did_not_use_goes_cold_and_comes_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINTPOST_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_HOT_MAX", 1)  # no two runs' entries fit together
    _new_process(monkeypatch)
    recache.compile("alpha+", 0)
    recache.compile("beta+", 0)
    recache.save()
    _new_process(monkeypatch)
    recache.compile("alpha+", 0)  # this run uses alpha only, and the hot file is over its size
    recache.save()
    assert set(recache._read(recache.cache_file())[0]) == {("alpha+", 0)}
    assert set(recache._read(recache.cold_file())[0]) == {("beta+", 0)}
    _new_process(monkeypatch)
    assert recache.compile("beta+", 0).fullmatch("betaa")
    assert recache._added == {} and recache._cold_loaded  # found in the cold file, not compiled


def test_the_code_stamp_follows_the_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recache, "_stamp", [])
    first = recache.code_stamp()
    assert recache.code_stamp() == first  # computed once per process
    monkeypatch.setattr(recache, "_stamp", [])
    assert recache.code_stamp() == first  # the same files give the same stamp


def test_a_large_cache_keeps_only_what_the_run_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINTPOST_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_MAX_ENTRIES", 5)
    monkeypatch.setattr(recache, "_added", {})
    monkeypatch.setattr(recache, "_used", set())
    monkeypatch.setattr(recache, "_loaded", {(f"stale{i}", 0): ("x",) for i in range(10)})
    recache.compile("fresh", 0)
    recache.save()
    monkeypatch.setattr(recache, "_loaded", None)
    assert list(recache._load()) == [("fresh", 0)]
