"""Streaming output writes exactly what the one-piece renderers return."""

from __future__ import annotations

import io
from pathlib import Path

from lintpost.api import lint_paths
from lintpost.engine import FileResult
from lintpost.formats import json_report, text

POST = """\
# Rates

The bank raised its rate to 4.5% and deposits fell 12% in a month, « du jamais vu » en dix ans.
The regulator will certainly approve the merger next week, and shares will double by December.
"""


def _results(tmp_path: Path) -> list[FileResult]:
    for name in ("a.md", "b.txt"):
        (tmp_path / name).write_text(POST, encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    return [*lint_paths([tmp_path], keep_text=True), FileResult("gone.md", error="no such file or directory")]


def test_json_write_equals_render(tmp_path: Path) -> None:
    results = _results(tmp_path)
    assert sum(len(r.diagnostics) for r in results) > 2
    for subset in (results, results[:1], []):
        out = io.StringIO()
        json_report.write(subset, out, baseline={"hidden": 3})
        assert out.getvalue() == json_report.render(subset, baseline={"hidden": 3})
        out = io.StringIO()
        json_report.write(subset, out)
        assert out.getvalue() == json_report.render(subset)


def test_text_pieces_join_to_render(tmp_path: Path) -> None:
    results = _results(tmp_path)
    for colour in (False, True):
        pieces = list(text.iter_render(results, colour=colour))
        assert len(pieces) > 2
        assert "".join(pieces) == text.render(results, colour=colour)
