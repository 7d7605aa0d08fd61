"""pre-commit end to end: a throwaway drafts repository using this checkout as its hook repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

BAD = "# Rachat\n\nLe marché pèse 20 milliards de dollars. L'AMF aurait immédiatement interdit la fusion.\n"
CLEAN = "# Prix\n\nSelon l'Insee, les prix ont augmenté de 1,2 % sur un an.\n"


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def drafts_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        rev = _git("rev-parse", "HEAD", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip("not a git checkout")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed")
    repo = tmp_path_factory.mktemp("drafts")
    _git("init", "-q", cwd=repo)
    _git("config", "user.email", "editor@example.com", cwd=repo)
    _git("config", "user.name", "Editor", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: lintpost\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    return repo, env


def _run(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--files", *files], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)


def test_bad_draft_fails_with_annotated_findings(drafts_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = drafts_repo
    (repo / "rachat.md").write_text(BAD, encoding="utf-8")
    _git("add", "rachat.md", ".pre-commit-config.yaml", cwd=repo)
    proc = _run(repo, env, "rachat.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "rachat.md:3:16: warning[unsourced-figure]" in proc.stdout
    assert "^^^^" in proc.stdout
    assert "regulatory-assertion" in proc.stdout


def test_clean_draft_passes(drafts_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = drafts_repo
    (repo / "prix.md").write_text(CLEAN, encoding="utf-8")
    (repo / "notes.py").write_text("x = 20  # not a draft\n", encoding="utf-8")
    _git("add", "prix.md", "notes.py", ".pre-commit-config.yaml", cwd=repo)
    proc = _run(repo, env, "prix.md", "notes.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
