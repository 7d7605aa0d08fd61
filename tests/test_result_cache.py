"""The results cache: unchanged drafts are not checked again, and nothing stale is ever shown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lintpost import command_check, resultcache, runner
from lintpost.config import Config
from lintpost.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from lintpost.engine import RULE_FAILURE, FileResult
from lintpost.rule import Rule
from tests.cli_run import check

POST = ("# Quarter\n\nRevenue rose 14% to $2.1 billion in the quarter, and the regulator will approve the "
        "merger next week.\n\nBuy the shares before the price doubles.\n")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache" / "results"
    monkeypatch.setattr(resultcache, "folder", lambda: folder)
    resultcache.reset()
    return folder


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths that were really checked (not answered from the cache)."""
    seen: list[str] = []
    real = runner.check_text

    def spy(text: str, path: str, *args: Any, **kwargs: Any) -> FileResult:
        seen.append(path)
        return real(text, path, *args, **kwargs)

    monkeypatch.setattr(runner, "check_text", spy)
    return seen


def _drafts(root: Path, n: int = 3) -> Path:
    d = root / "drafts"
    d.mkdir()
    for i in range(n):
        (d / f"{i:02d}.md").write_text(POST.replace("14%", f"{10 + i}%"), encoding="utf-8")
    return d


def _run(root: Path, *args: str) -> tuple[int, str]:
    ran = check("--jobs", "1", *args, cwd=root)
    return ran.code, ran.out


def test_a_second_run_answers_from_the_cache_with_the_same_report(
    tmp_path: Path, cache: Path, checked: list[str]
) -> None:
    _drafts(tmp_path)
    first = _run(tmp_path, "--format", "json", "drafts")
    assert len(checked) == 3 and cache.is_dir()
    resultcache.reset()  # a new run starts with nothing in memory
    second = _run(tmp_path, "--format", "json", "drafts")
    assert len(checked) == 3  # nothing checked again
    assert second == first
    text_first = _run(tmp_path, "drafts")
    assert text_first[0] == 1 and "unsourced-figure" in text_first[1]  # the text output quotes the source


def test_a_changed_draft_is_checked_again(tmp_path: Path, cache: Path, checked: list[str]) -> None:
    d = _drafts(tmp_path)
    _run(tmp_path, "--format", "json", "drafts")
    (d / "01.md").write_text(POST + "\nNot financial advice.\n", encoding="utf-8")
    resultcache.reset()
    _, out = _run(tmp_path, "--format", "json", "drafts")
    assert checked[3:] == [str(Path("drafts") / "01.md")]
    rules = {d["rule"] for f in json.loads(out)["files"] if f["path"].endswith("01.md") for d in f["diagnostics"]}
    assert "missing-disclaimer" not in rules


def test_a_changed_config_is_not_answered_from_the_cache(tmp_path: Path, cache: Path, checked: list[str]) -> None:
    _drafts(tmp_path, 1)
    _, before = _run(tmp_path, "--format", "json", "drafts")
    (tmp_path / ".lintpost.toml").write_text('ignore = ["unsourced-figure"]\n', encoding="utf-8")
    resultcache.reset()
    _, after = _run(tmp_path, "--format", "json", "drafts")
    assert len(checked) == 2
    assert "unsourced-figure" in before and "unsourced-figure" not in after
    _run(tmp_path, "--format", "json", "--select", "missing-disclaimer", "drafts")
    assert len(checked) == 3  # other options, other key


def test_no_cache_checks_everything_and_writes_nothing(tmp_path: Path, cache: Path, checked: list[str]) -> None:
    _drafts(tmp_path)
    _run(tmp_path, "--no-cache", "drafts")
    _run(tmp_path, "--no-cache", "drafts")
    assert len(checked) == 6
    assert not cache.exists()


def test_fix_and_diff_never_use_the_cache(tmp_path: Path, cache: Path, checked: list[str]) -> None:
    _drafts(tmp_path, 1)
    _run(tmp_path, "--diff", "drafts")
    assert not cache.exists()


def test_a_damaged_shard_is_ignored(tmp_path: Path, cache: Path, checked: list[str]) -> None:
    _drafts(tmp_path, 2)
    first = _run(tmp_path, "--format", "json", "drafts")
    for shard in cache.iterdir():
        shard.write_bytes(b"not a cache")
    resultcache.reset()
    assert _run(tmp_path, "--format", "json", "drafts") == first
    assert len(checked) == 4


def test_an_entry_that_is_not_plain_data_is_not_used(tmp_path: Path, cache: Path, checked: list[str]) -> None:
    from lintpost import recache

    _drafts(tmp_path, 1)
    first = _run(tmp_path, "--format", "json", "drafts")
    for shard in cache.iterdir():
        entries = resultcache._read_shard(shard.stem)[1]
        # Well-formed entries but for one value that plain data cannot hold (a complex number).
        bad = {k: (lang, tuple((d[0], d[1], 1j, *d[3:]) for d in diags)) for k, (lang, diags) in entries.items()}
        recache.dump_plain_file(shard, bad, compressed=True, validate=False)
    resultcache.reset()
    assert _run(tmp_path, "--format", "json", "drafts") == first
    assert len(checked) == 2


def test_workers_send_their_entries_to_the_parent(tmp_path: Path, cache: Path) -> None:
    _drafts(tmp_path, 12)  # enough files for the process pool
    first = check("--jobs", "2", "--format", "json", "drafts", cwd=tmp_path)
    assert sum(len(resultcache._read_shard(p.stem)[1]) for p in cache.iterdir()) == 12
    resultcache.reset()
    assert check("--jobs", "2", "--format", "json", "drafts", cwd=tmp_path).out == first.out


def test_a_failed_rule_is_not_kept(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lintpost.checks.hype_language import HypeLanguage

    _drafts(tmp_path, 1)

    def broken(self: Rule, doc: Any, ctx: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(HypeLanguage, "check", broken)
    _, out = _run(tmp_path, "--format", "json", "drafts")
    assert RULE_FAILURE in out
    monkeypatch.undo()
    monkeypatch.setattr(resultcache, "folder", lambda: cache)
    resultcache.reset()
    _, out = _run(tmp_path, "--format", "json", "drafts")
    assert RULE_FAILURE not in out


def test_runs_with_rules_that_read_other_files_are_not_cached() -> None:
    rules = runner.rules_for(Config())
    settings = (None, (), None, None, None, None)
    assert resultcache.fingerprint(Config(), rules, settings) is not None
    for name in ("spelling", "readability"):
        assert resultcache.fingerprint(Config(), rules, ((name,), (), None, None, None, None)) is None

    class Plugin(Rule):
        name = "plug-in-rule"
        description = explain = "x"

    assert resultcache.fingerprint(Config(), {**rules, "plug-in-rule": Plugin()}, settings) is None


def test_the_fingerprint_follows_options_config_and_packs(tmp_path: Path) -> None:
    rules = runner.rules_for(Config())
    settings = (None, (), None, None, None, None)
    base = resultcache.fingerprint(Config(), rules, settings)
    assert resultcache.fingerprint(Config(), rules, (None, (), "fr", None, None, None)) != base
    assert resultcache.fingerprint(Config(timeout=3.0), rules, settings) != base
    pack = tmp_path / "pack" / "en"
    pack.mkdir(parents=True)
    (pack / "hype.toml").write_text('words = ["stonks"]\n', encoding="utf-8")
    with_pack = resultcache.fingerprint(Config(packs=(tmp_path / "pack",)), rules, settings)
    (pack / "hype.toml").write_text('words = ["stonks", "moon"]\n', encoding="utf-8")
    resultcache.reset()
    assert resultcache.fingerprint(Config(packs=(tmp_path / "pack",)), rules, settings) not in (base, with_pack)


def test_the_key_holds_path_and_text() -> None:
    fp = b"f" * 16
    k = resultcache.key(fp, "a.md", "text")
    assert k == resultcache.key(fp, "a.md", "text")
    assert len({k, resultcache.key(fp, "b.md", "text"), resultcache.key(fp, "a.md", "text!"),
                resultcache.key(b"g" * 16, "a.md", "text")}) == 4


def test_plain_entries_give_back_the_same_result() -> None:
    d = Diagnostic("duplicate-paragraph", Severity.WARNING, "copy", 10, 20, help="remove it",
                   related=(Related(0, 5, "first copy", "x.md", 1, 1, 1, 6),),
                   fix=Fix("delete", (Edit(10, 20, ""),)), line=3, column=1, end_line=3, end_column=11,
                   excerpt="a line")
    result = FileResult("p.md", "en", (d, d._replace(fix=None, related=())), None, "decoded as latin-1", "t")
    entry = resultcache.to_plain(result)
    assert resultcache.from_plain(entry, "p.md", "t", "decoded as latin-1") == result
    assert resultcache.from_plain(("en", (("too", "short"),)), "p.md", "t", None) is None
    assert resultcache.to_plain(FileResult("p.md", error="cannot read")) is None


def test_command_check_turns_the_cache_on_for_plain_runs(tmp_path: Path, cache: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = runner.run

    def spy(tasks: Any, opts: runner.Options, **kw: Any) -> Any:
        seen.append(opts.cache)
        return real(tasks, opts, **kw)

    monkeypatch.setattr(runner, "run", spy)
    _drafts(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    command_check.run(["drafts"], quiet=True)
    command_check.run(["drafts"], quiet=True, no_cache=True)
    assert seen == [True, False]
