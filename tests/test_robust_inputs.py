"""Whatever sits in a repository, `lintpost check` runs to the end, says what it could not check
in one line, keeps positions exact and prints a valid report. Each test runs the real CLI in a
subprocess."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import invariants
import pytest

FR = "Le marché a progressé de 12 % cette année, et l'AMF a sanctionné la plateforme.\n"
EN = "Bitcoin rose 45% this quarter. The SEC will block the merger.\n"


# These tests are about reading files, not about rules: two rules keep each run quick.
SELECT = ("--select", "unsourced-figure,regulatory-assertion")


def run(*args: str, cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    select = () if "--select" in args else SELECT
    proc = subprocess.run([sys.executable, "-m", "lintpost", "check", *select, *args], cwd=cwd, input=stdin,
                          capture_output=True, env=full_env, timeout=120)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in proc.stdout
    return proc


def report(proc: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
    data = proc.stdout.decode("utf-8")  # JSON is UTF-8 whatever the locale
    return invariants.check_report_json(json.loads(data))


def by_path(rep: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["path"]: f for f in rep["files"]}


def assert_positions(entry: dict[str, Any], text: str) -> None:
    """Every diagnostic of a JSON file entry is exact against the decoded text."""
    for d in entry["diagnostics"]:
        assert text[d["offset"] : d["end_offset"]] == d["excerpt"]
        assert (d["line"], d["column"]) == invariants.position(text, d["offset"])
        assert (d["end_line"], d["end_column"]) == invariants.position(text, d["end_offset"])


def stderr_lines(proc: subprocess.CompletedProcess[bytes]) -> list[str]:
    return proc.stderr.decode("utf-8", "replace").splitlines()


def make_tree(root: Path) -> Path:
    """A folder with every kind of file a repository may hold."""
    d = root / "drafts"
    d.mkdir()
    (d / "good.md").write_text(FR, encoding="utf-8")
    (d / "latin1.md").write_bytes(FR.encode("cp1252"))
    (d / "invalid.md").write_bytes(b"Le march\x81\x8d est \xff fou.\n")  # neither UTF-8 nor cp1252
    (d / "utf16.md").write_bytes(codecs.BOM_UTF16_LE + EN.encode("utf-16-le"))
    (d / "utf8bom.md").write_bytes(codecs.BOM_UTF8 + EN.encode("utf-8"))
    (d / "utf32.md").write_bytes(codecs.BOM_UTF32_LE + EN.encode("utf-32-le"))
    (d / "crlf.md").write_bytes((FR + "\n" + EN).replace("\n", "\r\n").encode())
    (d / "cr.txt").write_bytes((EN + "\n" + FR).replace("\n", "\r").encode())
    (d / "nfd.md").write_text(unicodedata.normalize("NFD", FR), encoding="utf-8")
    mixed = unicodedata.normalize("NFD", FR) + "\n" + FR
    (d / "mixed-nfc-nfd.md").write_text(mixed, encoding="utf-8")
    (d / "odd.md").write_text("\u200b\u202eLe\u200d marché\u2066 a gagné 12 %\u2069 📈👨‍👩‍👧 中文 العربية.\n"
                              "\u2028Bitcoin rose 45%\u2029 this year 🚀.\n", encoding="utf-8")
    (d / "empty.md").write_bytes(b"")
    (d / "blank.md").write_text("  \n\t\n\r\n   ", encoding="utf-8")
    (d / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "with space é.md").write_text(EN, encoding="utf-8")
    (d / "dir.md").mkdir()  # a folder named like a draft is searched, not read
    (d / "dir.md" / "inner.md").write_text(EN, encoding="utf-8")
    (d / "loop.md").symlink_to("loop.md")  # a symlink to itself
    (d / "sub").mkdir()
    (d / "sub" / "back").symlink_to("..", target_is_directory=True)  # a folder loop
    return d


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return make_tree(tmp_path)


@pytest.fixture(scope="module")
def odd_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[bytes]]:
    """The tree, checked once with JSON output (several tests read the same run)."""
    d = make_tree(tmp_path_factory.mktemp("repo"))
    return d, run("--format", "json", "drafts", cwd=d.parent)


TEXTS = {
    "good.md": FR, "utf16.md": EN, "utf8bom.md": EN, "utf32.md": EN,
    "crlf.md": (FR + "\n" + EN).replace("\n", "\r\n"), "cr.txt": (EN + "\n" + FR).replace("\n", "\r"),
    "nfd.md": unicodedata.normalize("NFD", FR),
    "mixed-nfc-nfd.md": unicodedata.normalize("NFD", FR) + "\n" + FR,
    "empty.md": "", "blank.md": "  \n\t\n\r\n   ", "with space é.md": EN,
}
UNCHECKABLE = {"latin1.md": "--encoding cp1252", "invalid.md": "not valid UTF-8", "binary.md": "binary",
               "loop.md": "symbolic links"}


def test_a_repository_of_odd_files_is_checked_file_by_file(odd_repo: tuple[Path, Any]) -> None:
    _, proc = odd_repo
    assert proc.returncode == 1  # findings in the files that could be checked
    files = by_path(report(proc))
    for name, text in TEXTS.items():
        entry = files[f"drafts/{name}"]
        assert "error" not in entry, entry
        assert_positions(entry, text)
    for name, words in UNCHECKABLE.items():
        assert words in files[f"drafts/{name}"]["error"]
        assert files[f"drafts/{name}"]["diagnostics"] == []
    assert "drafts/dir.md/inner.md" in files and "drafts/dir.md" not in files
    # The folder loop is walked once: each real file appears once.
    assert not any("/back/" in p for p in files)
    # One line on stderr per file that could not be checked, naming it.
    errs = stderr_lines(proc)
    assert len(errs) == len(UNCHECKABLE)
    assert all(line.startswith("lintpost: drafts/") for line in errs)


def test_rules_fire_through_boms_line_endings_and_decomposed_accents(odd_repo: tuple[Path, Any]) -> None:
    files = by_path(report(odd_repo[1]))
    rules = {name: {d["rule"] for d in files[f"drafts/{name}"]["diagnostics"]} for name in TEXTS}
    assert rules["good.md"] == {"unsourced-figure", "regulatory-assertion"}
    for name in ("nfd.md", "mixed-nfc-nfd.md", "crlf.md"):
        assert rules[name] >= rules["good.md"], name
    for name in ("utf16.md", "utf8bom.md", "utf32.md", "cr.txt"):
        assert {"unsourced-figure", "regulatory-assertion"} <= rules[name], name
    # Positions exclude the byte-order mark: the first finding is where it is without one.
    first = files["drafts/utf8bom.md"]["diagnostics"][0]
    assert first["offset"] == EN.index("45%")
    odd = files["drafts/odd.md"]["diagnostics"]
    assert any(d["rule"] == "unsourced-figure" for d in odd)


def test_text_format_reports_the_same_files_without_a_traceback(tree: Path) -> None:
    proc = run("drafts", cwd=tree.parent)
    assert proc.returncode == 1
    out = proc.stdout.decode("utf-8")
    for name in UNCHECKABLE:
        assert sum(1 for line in out.splitlines() if line.startswith(f"drafts/{name}: error: ")) == 1
    assert "4 file(s) could not be checked" in out


def test_latin1_draft_is_decoded_with_encoding_option_and_a_notice(tree: Path) -> None:
    proc = run("--format", "json", "--encoding", "cp1252", "drafts/latin1.md", "drafts/good.md",
               cwd=tree.parent)
    files = by_path(report(proc))
    entry = files["drafts/latin1.md"]
    assert "error" not in entry and "cp1252" in entry["notice"]
    assert_positions(entry, FR)
    # A UTF-8 file stays UTF-8 under the fallback.
    assert "notice" not in files["drafts/good.md"]
    same = files["drafts/good.md"]["diagnostics"]
    assert [d["rule"] for d in entry["diagnostics"]] == [d["rule"] for d in same]
    bad = run("--encoding", "no-such-codec", "drafts/good.md", cwd=tree.parent)
    assert bad.returncode == 2 and "unknown encoding" in bad.stderr.decode()


def test_nothing_checkable_exits_2_with_a_valid_report(tree: Path) -> None:
    proc = run("--format", "json", "drafts/binary.md", "drafts/missing.md", "drafts/latin1.md",
               cwd=tree.parent)
    assert proc.returncode == 2
    files = by_path(report(proc))
    assert files["drafts/missing.md"]["error"] == "no such file or directory"
    assert len(stderr_lines(proc)) == 3
    empty = tree / "nothing-here"
    (empty / "img").mkdir(parents=True)
    (empty / "img" / "logo.png").write_bytes(b"\x89PNG")
    proc = run("nothing-here", cwd=tree)
    assert proc.returncode == 2
    assert "no drafts found" in proc.stdout.decode()


def test_a_missing_path_does_not_stop_the_others(tree: Path) -> None:
    proc = run("--format", "json", "drafts/missing.md", "drafts/good.md", cwd=tree.parent)
    assert proc.returncode == 1
    files = by_path(report(proc))
    assert files["drafts/good.md"]["diagnostics"]
    assert stderr_lines(proc) == ["lintpost: drafts/missing.md: no such file or directory"]


def test_a_directory_where_a_file_is_expected(tree: Path) -> None:
    proc = run("--config", "drafts", "drafts/good.md", cwd=tree.parent)
    assert proc.returncode == 2
    lines = stderr_lines(proc)
    assert len(lines) == 1 and lines[0].startswith("lintpost: error: drafts") and "cannot read" in lines[0]


def test_too_large_files_are_refused_without_being_read(tree: Path) -> None:
    huge = tree / "huge.md"
    with huge.open("wb") as fh:  # 100 MB, sparse: nothing is written to disk
        fh.truncate(100 * 1024 * 1024)
    proc = run("--format", "json", "drafts/huge.md", "drafts/good.md", cwd=tree.parent)
    files = by_path(report(proc))
    assert "over the 20971520-byte limit" in files["drafts/huge.md"]["error"]
    assert files["drafts/good.md"]["diagnostics"]
    proc = run("--format", "json", "--max-file-size", "40", "drafts/good.md", "drafts/empty.md",
               cwd=tree.parent)
    files = by_path(report(proc))
    assert "over the 40-byte limit" in files["drafts/good.md"]["error"]
    assert "error" not in files["drafts/empty.md"]
    (tree / ".lintpost.toml").write_text("max-file-size = 50\n", encoding="utf-8")
    files = by_path(report(run("--format", "json", "drafts/good.md", cwd=tree.parent)))
    assert "over the 50-byte limit" in files["drafts/good.md"]["error"]


def test_devices_and_pipes_are_not_read(tree: Path) -> None:
    fifo = tree / "pipe.md"
    os.mkfifo(fifo)
    proc = run("--format", "json", "pipe.md", "/dev/zero", cwd=tree)
    assert proc.returncode == 2
    files = by_path(report(proc))
    assert files["pipe.md"]["error"].startswith("not a regular file")
    assert files["/dev/zero"]["error"].startswith("not a regular file")


def test_a_one_megabyte_line(tmp_path: Path) -> None:
    line = "lorem ipsum dolor sit amet " * 38_000 + "Le marché a progressé de 12 % selon personne."
    assert len(line) > 1_000_000 and "\n" not in line
    (tmp_path / "long.md").write_text(line, encoding="utf-8")
    files = by_path(report(run("--format", "json", "long.md", cwd=tmp_path)))
    assert_positions(files["long.md"], line)
    assert "error" not in files["long.md"]


def test_two_thousand_tiny_files(tmp_path: Path) -> None:
    for i in range(2000):
        folder = tmp_path / f"d{i % 20}"
        folder.mkdir(exist_ok=True)
        (folder / f"p{i}.md").write_text(f"Note {i}: the fund rose {i % 50 + 1}% this year.\n",
                                         encoding="utf-8")
    # One rule: this is about finding, spreading and collecting many files, not about the rules.
    proc = run("--format", "json", "-j", "2", "--select", "unsourced-figure", ".", cwd=tmp_path)
    rep = report(proc)
    assert rep["summary"]["files"] == 2000 and rep["summary"]["file_errors"] == 0
    assert all(f["diagnostics"] for f in rep["files"])


def test_file_names_that_are_not_utf8_still_give_valid_json(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9 draft.md")
    (tmp_path / name).write_text(EN, encoding="utf-8")
    proc = run("--format", "json", ".", cwd=tmp_path)
    paths = [f["path"] for f in report(proc)["files"]]
    assert paths == ["./caf\\xe9 draft.md"] or paths == ["caf\\xe9 draft.md"]
    text = run(".", cwd=tmp_path).stdout.decode("utf-8")
    assert "caf\\xe9 draft.md:1:" in text


def test_a_terminal_that_cannot_print_accents(tree: Path) -> None:
    env = {"PYTHONIOENCODING": "ascii"}
    proc = run("drafts/good.md", cwd=tree.parent, env=env)
    assert proc.returncode == 1 and b"warning[unsourced-figure]" in proc.stdout
    files = by_path(report(run("--format", "json", "drafts/good.md", cwd=tree.parent, env=env)))
    assert_positions(files["drafts/good.md"], FR)


def test_standard_input_that_is_not_text(tmp_path: Path) -> None:
    proc = run("--format", "json", "-", cwd=tmp_path, stdin=b"\x00\x01\x02\x03binary")
    assert proc.returncode == 2
    assert "binary" in report(proc)["files"][0]["error"]
    proc = run("--format", "json", "--stdin-filename", "post.md", "-", cwd=tmp_path,
               stdin=codecs.BOM_UTF8 + FR.replace("\n", "\r\n").encode())
    entry = report(proc)["files"][0]
    assert entry["path"] == "post.md"
    assert_positions(entry, FR.replace("\n", "\r\n"))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tree: Path) -> None:
    secret = tree / "secret.md"
    secret.write_text(FR, encoding="utf-8")
    secret.chmod(0)
    try:
        proc = run("--format", "json", "drafts/secret.md", "drafts/good.md", cwd=tree.parent)
        files = by_path(report(proc))
    finally:
        secret.chmod(0o644)
    assert files["drafts/secret.md"]["error"] == "permission denied"
    assert files["drafts/good.md"]["diagnostics"]


def test_unreadable_file_in_process(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same, for any user: the read itself is refused."""
    from lintpost import source
    from lintpost.config import Config
    from lintpost.runner import Options, Task, check_one

    real_open = open

    def refusing_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).endswith("good.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(source, "open", refusing_open, raising=False)
    good = check_one(Task("good.md", str(tree / "good.md"), Config()), Options())
    other = check_one(Task("utf8bom.md", str(tree / "utf8bom.md"), Config()), Options())
    assert good.error == "permission denied"
    assert other.error is None and other.diagnostics


def test_fixing_keeps_the_byte_order_mark_and_reports_odd_names(tmp_path: Path) -> None:
    twice = "Bitcoin rose 45% this quarter as ETF inflows reached two billion.\n\n" * 2
    (tmp_path / os.fsdecode(b"caf\xe9.md")).write_text(twice, encoding="utf-8")
    (tmp_path / "u32.md").write_bytes(codecs.BOM_UTF32_LE + twice.encode("utf-32-le"))
    rep = report(run("--fix", "--select", "duplicate-paragraph", "--format", "json", ".", cwd=tmp_path))
    assert sorted(f["path"] for f in rep["files"]) == ["caf\\xe9.md", "u32.md"]
    data = (tmp_path / "u32.md").read_bytes()
    assert data.startswith(codecs.BOM_UTF32_LE)
    assert data[4:].decode("utf-32-le").count("Bitcoin") == 1


def test_folders_nested_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    folders = [tmp_path / "a"]
    for _ in range(1199):
        folders.append(folders[-1] / "a")
    try:
        for folder in folders:
            folder.mkdir()
        (folders[-1] / "deep.md").write_text(EN, encoding="utf-8")
        rep = report(run("--format", "json", ".", cwd=tmp_path))
        [entry] = rep["files"]
        assert entry["path"].endswith("/a/deep.md") and entry["diagnostics"]
    finally:
        # Bottom up, without recursion: pytest's own clean-up (shutil.rmtree) recurses.
        (folders[-1] / "deep.md").unlink(missing_ok=True)
        for folder in reversed(folders):
            if folder.exists():
                folder.rmdir()
