"""Third-party rules plug in through the `lintpost.rules` entry-point group."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLUGIN = '''
from lintpost.diagnostic import Finding, Severity
from lintpost.rule import Rule


class NoShouting(Rule):
    name = "no-shouting"
    severity = Severity.INFO
    description = "Words in capitals shout at the reader"
    explain = "Flags words written in capitals.\\n\\nExample: BUY NOW\\n\\nInstead: buy now"
    languages = None

    def check(self, doc, ctx):
        import regex

        for m in regex.finditer(r"\\b[A-Z]{4,}\\b", doc.masked):
            yield Finding(m.start(), m.end(), f"'{m.group()}' shouts")
'''


def test_an_installed_plugin_is_listed_and_runs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    dist = site / "noshout-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: noshout\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[lintpost.rules]\nno-shouting = noshout:NoShouting\n", encoding="utf-8")
    (site / "noshout.py").write_text(PLUGIN, encoding="utf-8")
    draft = tmp_path / "post.md"
    draft.write_text("The market will MOON tomorrow, trust me.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]),
           "LINTPOST_CACHE_DIR": str(tmp_path / "cache")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "lintpost", *args], capture_output=True, text=True,
                              timeout=120, env=env, cwd=tmp_path)

    listed = json.loads(run("rules", "--format", "json").stdout)
    assert "no-shouting" in {r["name"] for r in listed}
    report = json.loads(run("check", "--format", "json", "--select", "no-shouting", str(draft)).stdout)
    assert [d["excerpt"] for d in report["files"][0]["diagnostics"]] == ["MOON"]
    assert "Example" in run("explain", "no-shouting").stdout
