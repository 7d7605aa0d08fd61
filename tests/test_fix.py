"""--fix and --diff: safe fixes, atomic writes, encodings kept, idempotent, deterministic overlaps."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest
from cli_run import Ran, check

from lintpost import fix as fix_mod
from lintpost.config import ConfigFinder
from lintpost.diagnostic import Diagnostic, Edit, Fix, Severity
from lintpost.engine import FileResult
from lintpost.fix import FixSession, apply_fixes, fix_text, select_fixes
from lintpost.runner import Options, Task

DUP = "The garden club met again this week and the volunteers planted new roses along the path."
OTHER = "Something else happened in town today, for reasons nobody explained."
CLEAN = "A short note about the weather, with nothing to report at all."
HOUSE = "This is not investment advice. Investing involves a risk of loss."
FINANCE = ("# My portfolio\n\nI hold stocks, bonds and an index fund in my brokerage account.\n"
           "The dividend yield and the earnings of each investment matter for my retirement savings.\n"
           "I will buy more shares when the market dips.\n")


def run(*args: str, cwd: Path, stdin: bytes | None = None, subprocess_: bool = False) -> Ran:
    return check(*args, cwd=cwd, stdin=stdin, subprocess_=subprocess_)


def diag(rule: str, *edits: tuple[int, int, str]) -> Diagnostic:
    return Diagnostic(rule, Severity.WARNING, "m", edits[0][0], edits[0][1],
                      fix=Fix(f"fix {rule}", tuple(Edit(a, b, r) for a, b, r in edits)))


# --- choosing and applying fixes -------------------------------------------------------------------


def test_overlapping_fixes_resolve_by_offset_and_the_rest_waits() -> None:
    text = "abcdefghij"
    d1 = diag("one", (2, 5, "X"))
    d2 = diag("two", (4, 7, "Y"))  # overlaps d1: skipped this pass
    d3 = diag("three", (8, 9, "Z"))
    for order in ([d1, d2, d3], [d3, d2, d1], [d2, d3, d1]):
        chosen = select_fixes(order)
        assert [f.description for f in chosen] == ["fix one", "fix three"]
    assert apply_fixes(text, select_fixes([d2, d1, d3])) == "abXfghZj"


def test_insertions_at_the_same_point_conflict_but_adjacent_edits_do_not() -> None:
    ins_a, ins_b = diag("a", (3, 3, "1")), diag("b", (3, 3, "2"))
    assert [f.description for f in select_fixes([ins_b, ins_a])] == ["fix a"]
    left, right = diag("l", (0, 3, "L")), diag("r", (3, 6, "R"))
    assert apply_fixes("abcdefg", select_fixes([right, left])) == "LRg"


def test_a_fix_with_several_edits_is_all_or_nothing() -> None:
    multi = diag("multi", (0, 1, "A"), (5, 6, "F"))
    blocker = diag("block", (5, 7, "?"))
    chosen = select_fixes([multi, blocker])
    assert [f.description for f in chosen] == ["fix multi"]
    assert apply_fixes("abcdefgh", chosen) == "AbcdeFgh"


def test_fix_text_repeats_until_stable_and_is_bounded() -> None:
    # A fake rule: every "aa" becomes "a", one overlapping fix at a time.
    def lint(text: str) -> FileResult:
        ds = tuple(diag("squash", (i, i + 2, "a")) for i in range(len(text) - 1) if text[i : i + 2] == "aa")
        return FileResult("x", "en", ds, text=text)

    fixed, applied, result = fix_text("aaaa b", lint)
    assert fixed == "a b" and result.diagnostics == ()
    assert applied == 3

    def never_stable(text: str) -> FileResult:
        return FileResult("x", "en", (diag("grow", (0, 0, "+")),), text=text)

    fixed, applied, _ = fix_text("", never_stable)
    assert fixed == "+" * fix_mod.MAX_PASSES and applied == fix_mod.MAX_PASSES


# --- the command line ----------------------------------------------------------------------------


def _project(tmp_path: Path) -> Path:
    (tmp_path / ".lintpost.toml").write_text(f'[disclaimer]\nen = "{HOUSE}"\n', encoding="utf-8")
    return tmp_path


def test_fix_removes_the_copy_keeps_crlf_bom_and_mode(tmp_path: Path) -> None:
    root = _project(tmp_path)
    post = root / "post.md"
    text = f"{DUP}\r\n\r\n{OTHER}\r\n\r\n{DUP}\r\n"
    post.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    os.chmod(post, 0o640)
    proc = run("--fix", "post.md", cwd=root, subprocess_=True)
    data = post.read_bytes()
    assert data == codecs.BOM_UTF8 + f"{DUP}\r\n\r\n{OTHER}\r\n".encode()
    assert stat.S_IMODE(post.stat().st_mode) == 0o640
    assert b"Fixed 1 finding(s) in 1 file(s)." in proc.stdout
    assert b"duplicate-paragraph" not in proc.stdout
    assert not [p for p in root.iterdir() if p.name.endswith(".lintpost-tmp")]
    # A second run changes nothing.
    again = run("--fix", "post.md", cwd=root)
    assert post.read_bytes() == data
    assert b"Nothing to fix." in again.stdout


def test_fix_appends_the_house_disclaimer_once(tmp_path: Path) -> None:
    root = _project(tmp_path)
    post = root / "post.md"
    post.write_text(FINANCE, encoding="utf-8")
    first = run("--fix", "post.md", cwd=root)
    assert first.code == 0, first.out
    assert post.read_text(encoding="utf-8") == FINANCE + f"\n{HOUSE}\n"
    run("--fix", "post.md", cwd=root)
    assert post.read_text(encoding="utf-8").count(HOUSE) == 1


def test_fix_keeps_utf16_and_legacy_encodings(tmp_path: Path) -> None:
    root = _project(tmp_path)
    wide, legacy = root / "wide.md", root / "legacy.md"
    text = f"{DUP} Café ✓.\n\n{OTHER}\n\n{DUP} Café ✓.\n"
    wide.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    old = f"{DUP} Café.\n\n{OTHER}\n\n{DUP} Café.\n"
    legacy.write_bytes(old.encode("cp1252"))
    run("--fix", "--encoding", "cp1252", "wide.md", "legacy.md", cwd=root)
    assert wide.read_bytes() == codecs.BOM_UTF16_LE + f"{DUP} Café ✓.\n\n{OTHER}\n".encode("utf-16-le")
    assert legacy.read_bytes() == f"{DUP} Café.\n\n{OTHER}\n".encode("cp1252")


def test_files_without_a_fix_are_not_touched(tmp_path: Path) -> None:
    root = _project(tmp_path)
    clean = root / "clean.md"
    clean.write_text(f"{CLEAN}\n", encoding="utf-8")
    dup = root / "dup.md"
    dup.write_text(f"{DUP}\n\n{DUP}\n", encoding="utf-8")
    os.utime(clean, ns=(1_000_000_000, 1_000_000_000))
    before = clean.stat()
    run("--fix", ".", cwd=root)
    after = clean.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert dup.read_text(encoding="utf-8") == f"{DUP}\n"


def test_fix_writes_through_a_symlink(tmp_path: Path) -> None:
    root = _project(tmp_path)
    real = root / "real.md"
    real.write_text(f"{DUP}\n\n{DUP}\n", encoding="utf-8")
    link = root / "link.md"
    link.symlink_to(real)
    run("--fix", "link.md", cwd=root)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == f"{DUP}\n"


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    root = _project(tmp_path)
    post = root / "post.md"
    original = f"{DUP}\n\n{OTHER}\n\n{DUP}\n"
    post.write_text(original, encoding="utf-8")
    proc = run("--diff", "post.md", cwd=root)
    assert proc.code == 1
    out = proc.out
    assert out.startswith("--- a/post.md\n+++ b/post.md\n@@")
    assert f"-{DUP}\n" in out and "-\n" in out
    assert post.read_text(encoding="utf-8") == original
    post.write_text(f"{CLEAN}\n", encoding="utf-8")
    nothing = run("--diff", "post.md", cwd=root)
    assert nothing.code == 0 and nothing.stdout == b""


def test_fix_on_standard_input_prints_the_fixed_text(tmp_path: Path) -> None:
    root = _project(tmp_path)
    proc = run("--fix", "-", "--stdin-filename", "post.md", cwd=root, stdin=f"{DUP}\n\n{DUP}\n".encode())
    assert proc.out == f"{DUP}\n"
    assert b"Fixed 1 finding(s)" in proc.stderr


def test_json_summary_counts_fixes(tmp_path: Path) -> None:
    import json

    root = _project(tmp_path)
    (root / "post.md").write_text(f"{DUP}\n\n{DUP}\n", encoding="utf-8")
    proc = run("--fix", "--format", "json", "post.md", cwd=root)
    report = json.loads(proc.stdout)
    assert report["summary"]["fixed"] == 1 and report["summary"]["diagnostics"] == 0


# --- a failure in the middle of a run --------------------------------------------------------------


def test_a_failed_write_leaves_each_file_untouched_or_fully_fixed(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path)
    files = []
    for name in ("a.md", "b.md", "c.md"):
        p = root / name
        p.write_bytes(f"{DUP}\r\n\r\n{OTHER}\r\n\r\n{DUP}\r\n".encode())
        os.chmod(p, 0o600)
        files.append(p)
    original = files[1].read_bytes()
    real_replace = os.replace
    calls: list[str] = []

    def flaky_replace(src: str, dst: os.PathLike[str] | str) -> None:
        calls.append(str(dst))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky_replace)
    finder = ConfigFinder()
    tasks = [Task(str(p), str(p), finder.for_path(p)) for p in files]
    session = FixSession(active=True, write=True)
    results = session.files(tasks, Options(lang="en"))
    fixed = f"{DUP}\r\n\r\n{OTHER}\r\n".encode()
    assert files[0].read_bytes() == fixed
    assert files[1].read_bytes() == original
    assert files[2].read_bytes() == fixed
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    assert results[1].error is not None and "left unchanged" in results[1].error
    assert session.write_failed and session.applied == 2
    assert not [p for p in root.iterdir() if p.name.endswith(".lintpost-tmp")]


def test_overlapping_fixes_of_two_rules_converge(tmp_path: Path) -> None:
    # Removing the repeated last paragraph and appending the disclaimer both edit the end of the file.
    root = _project(tmp_path)
    last = "I will buy more shares when the market dips, and sell some bonds later in the year."
    body = FINANCE.replace("I will buy more shares when the market dips.\n", f"\n{last}\n")
    post = root / "post.md"
    post.write_text(f"{body}\n{last}\n", encoding="utf-8")
    proc = run("--fix", "post.md", cwd=root)
    assert post.read_text(encoding="utf-8") == f"{body}\n{HOUSE}\n"
    assert "Fixed 2 finding(s) in 1 file(s)." in proc.out and proc.code == 0
