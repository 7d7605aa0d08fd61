"""Golden output on seeds/: the annotated text and the JSON report, byte for byte.

After an intended change of output, regenerate with `LINTPOST_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`
and review the diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def _run(fmt: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "lintpost", "check", "--format", fmt, "--no-color", "seeds"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    if fmt == "json":
        data = json.loads(proc.stdout)
        data["tool"]["version"] = "<version>"
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return proc.stdout


@pytest.mark.parametrize(("fmt", "name"), [("text", "seeds.txt"), ("json", "seeds.json")])
def test_golden(fmt: str, name: str) -> None:
    actual = _run(fmt)
    path = GOLDEN / name
    if os.environ.get("LINTPOST_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_every_rule_fires_on_the_seeds_and_clean_posts_stay_clean() -> None:
    data = json.loads((GOLDEN / "seeds.json").read_text(encoding="utf-8"))
    fired = {d["rule"] for f in data["files"] for d in f["diagnostics"]}
    listed = subprocess.run([sys.executable, "-m", "lintpost", "rules", "--format", "json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    rules = {r["name"] for r in json.loads(listed.stdout)} - {"duplicate-across-files"}
    assert rules <= fired, rules - fired
    clean = [f for f in data["files"] if f["path"].endswith(("clean-post.md", "article-propre.md"))]
    assert len(clean) == 2 and all(f["diagnostics"] == [] for f in clean)
