"""The library API: lint_text, lint_file, lint_paths, and mapping lint_file on a Dask cluster."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import lintpost
from lintpost.api import LintpostError, discover_files, lint_file, lint_paths
from lintpost.formats import json_report

EN_POST = """\
# Why the chipmaker rallied

Shares of the chipmaker jumped 14% on Tuesday after the company raised its revenue forecast to
$4.2 billion for the year. The stock has doubled since January and now trades at 45 times earnings.

Investors should buy the stock before the next earnings call. The company will certainly beat
estimates again and the shares will reach $300 by December.

Bitcoin and the Nasdaq also gained as traders bet on lower interest rates and a softer dollar.
"""

FR_POST = """\
# Le livret A et l'inflation

Le taux du livret A passera à 2,4 % en février, et l'encours atteint 440 milliards d'euros.
Les épargnants ont retiré 3 milliards d'euros en un mois, un record depuis dix ans.

Achetez des actions de la banque maintenant : le titre va doubler d'ici la fin de l'année,
c'est certain. Les dividendes et les plus-values compensent largement l'inflation et les impôts.
"""


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "posts"
    (root / "fr").mkdir(parents=True)
    (root / "en").mkdir()
    (root / "en" / "chips.md").write_text(EN_POST, encoding="utf-8")
    (root / "fr" / "livret.md").write_text(FR_POST, encoding="utf-8")
    (root / "fr" / "notes.txt").write_text(FR_POST.replace("# ", ""), encoding="utf-8")
    (root / ".lintpost.toml").write_text('ignore = ["missing-disclaimer"]\n', encoding="utf-8")
    return root


def test_lint_text_returns_positioned_diagnostics() -> None:
    diags = lintpost.lint_text(EN_POST, lang="en")
    assert diags, "the post has unsourced figures"
    assert all(isinstance(d, lintpost.api.Diagnostic) for d in diags)
    rules = {d.rule for d in diags}
    assert "unsourced-figure" in rules
    for d in diags:
        assert EN_POST[d.offset : d.end_offset] == d.excerpt
        assert d.line >= 1 and d.column >= 1
    assert diags == sorted(diags, key=lambda d: (d.offset, d.end_offset, d.rule))


def test_lint_text_select_ignore_and_errors() -> None:
    only = lintpost.lint_text(EN_POST, lang="en", select=["unsourced-figure"])
    assert only and {d.rule for d in only} == {"unsourced-figure"}
    without = lintpost.lint_text(EN_POST, lang="en", ignore=["unsourced-figure"])
    assert "unsourced-figure" not in {d.rule for d in without}
    with pytest.raises(LintpostError, match="unknown rule"):
        lintpost.lint_text(EN_POST, select=["no-such-rule"])
    with pytest.raises(LintpostError, match="expected fr or en"):
        lintpost.lint_text(EN_POST, lang="de")


def test_lint_text_uses_the_config_found_from_path(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    with_config = lintpost.lint_text(FR_POST, path=root / "fr" / "draft.md")
    bare = lintpost.lint_text(FR_POST, lang="fr")
    assert "missing-disclaimer" in {d.rule for d in bare}
    assert "missing-disclaimer" not in {d.rule for d in with_config}


def test_lint_paths_matches_lint_file_and_is_picklable(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    results = lint_paths([root, tmp_path / "missing"], jobs=1)
    assert [Path(r.path).name for r in results] == ["chips.md", "livret.md", "notes.txt", "missing"]
    assert results[-1].error == "no such file or directory"
    assert all(r.text == "" for r in results)
    files = discover_files([root])
    assert files == [r.path for r in results[:-1]]
    assert [lint_file(f) for f in files] == results[:-1]
    assert pickle.loads(pickle.dumps(results)) == results
    parallel = lint_paths([root], jobs=2)
    assert parallel == results[:-1]


def _cli_json(paths: list[str]) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "lintpost", "check", "--format", "json", *paths],
                         capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["files"]


def test_api_results_equal_the_cli_json(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    results = lint_paths([str(root)])
    assert [json_report.file_dict(r) for r in results] == _cli_json([str(root)])


def test_dask_local_cluster_gives_the_cli_diagnostics(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    root = _tree(tmp_path)
    files = discover_files([root])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        results = client.gather(client.map(lint_file, files))
    assert [json_report.file_dict(r) for r in results] == _cli_json([str(root)])


def test_dask_bag_maps_lint_file(tmp_path: Path) -> None:
    bag = pytest.importorskip("dask.bag")
    root = _tree(tmp_path)
    files = discover_files([root])
    results = bag.from_sequence(files, npartitions=2).map(lint_file).compute(scheduler="sync")
    assert results == [lint_file(f) for f in files]
