"""Accuracy of the four finance rules on the labelled development corpus (skipped without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintpost import evaluate as ev
from lintpost.config import ConfigFinder
from lintpost.registry import all_rules
from lintpost.runner import Options, Task, check_one


def test_precision_and_recall_of_the_finance_rules(shared: Path) -> None:
    corpus = shared / "corpus" / "dev"
    if not (corpus / "gold").is_dir():
        pytest.skip("no labelled corpus")
    finder = ConfigFinder({n: dict(r.options) for n, r in all_rules().items()})

    def diagnostics_of(path: Path) -> list:  # type: ignore[type-arg]
        return list(check_one(Task(str(path), str(path), finder.for_path(path)), Options()).diagnostics)

    report = ev.evaluate(ev.load_gold(corpus / "gold"), corpus, diagnostics_of)
    print(report.table())
    for rule, score in report.scores.items():
        assert score.precision >= 0.9, (rule, score)
        assert score.recall >= 0.9, (rule, score)
