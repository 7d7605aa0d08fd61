"""Nothing lost: without --fix, checking never writes, creates or touches a file, in any format."""

from __future__ import annotations

import codecs
import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

FORMATS = {"text": "text", "json": "json_report", "sarif": "sarif", "github": "github"}
AVAILABLE = [f for f, module in FORMATS.items() if importlib.util.find_spec(f"lintpost.formats.{module}")]

POST = ("Bitcoin rose 45% this quarter. The SEC will block the merger.\n\n"
        "Revenue tripled to €450 million, analysts say, and the fund bought more shares.\n\n"
        "Bitcoin rose 45% this quarter. The SEC will block the merger.\n")


def snapshot(root: Path) -> dict[str, tuple[str, int, int, int]]:
    """(sha256, size, mtime_ns, mode) of every entry under root, without following links."""
    out: dict[str, tuple[str, int, int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            digest = ""
            if path.is_file() and not path.is_symlink():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(root))] = (digest, st.st_size, st.st_mtime_ns, st.st_mode)
    return out


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("repo")
    (root / ".lintpost.toml").write_text(
        '[disclaimer]\nen = "This is not investment advice."\n', encoding="utf-8")
    posts = root / "posts"
    posts.mkdir()
    (posts / "fixable.md").write_text(POST, encoding="utf-8")  # duplicate paragraph: has a fix
    (posts / "crlf.md").write_bytes(POST.replace("\n", "\r\n").encode())
    (posts / "bom16.md").write_bytes(codecs.BOM_UTF16_LE + POST.encode("utf-16-le"))
    (posts / "latin1.txt").write_bytes("Le marché a progressé de 12 %.\n".encode("cp1252"))
    (posts / "empty.md").write_bytes(b"")
    (posts / "link.md").symlink_to("fixable.md")
    return root


@pytest.mark.parametrize("fmt", AVAILABLE)
def test_checking_writes_nothing(repo: Path, fmt: str) -> None:
    before = snapshot(repo)
    proc = subprocess.run([sys.executable, "-m", "lintpost", "check", "--format", fmt, "posts"],
                          cwd=repo, capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert snapshot(repo) == before


def test_the_snapshot_sees_a_touch(repo: Path, tmp_path: Path) -> None:
    # Guards the test above from passing vacuously: a rewrite with the same bytes is noticed.
    target = tmp_path / "x.md"
    target.write_text(POST, encoding="utf-8")
    before = snapshot(tmp_path)
    os.utime(target, ns=(1, 1))
    assert snapshot(tmp_path) != before
