"""Parallel runs: every core by default, same results in the same order as --jobs 1."""

from __future__ import annotations

from pathlib import Path

from lintpost import runner
from lintpost.api import lint_paths

PARA = ("Revenue rose 14% to $2.1 billion in the quarter, and the regulator will approve the merger "
        "next week. ")


def test_parallel_results_equal_serial_in_order_with_a_big_file(tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"{i:02d}.md").write_text(f"# Post {i}\n\n{PARA * (1 + i % 3)}\n", encoding="utf-8")
    big = tmp_path / "15-big.md"
    code = "\n".join(f"x{n} = {n} * 2" for n in range(30000))  # big but cheap: code is not checked
    big.write_text(f"# Big\n\n{PARA}\n\n```python\n{code}\n```\n", encoding="utf-8")
    assert big.stat().st_size > runner.BIG_FILE
    serial = lint_paths([tmp_path], jobs=1)
    parallel = lint_paths([tmp_path], jobs=2)
    assert [r.path for r in parallel] == sorted(r.path for r in parallel)
    assert parallel == serial
    assert any(r.path == str(big) and r.diagnostics for r in parallel)


def test_batches_put_big_files_first_and_cover_every_task(tmp_path: Path) -> None:
    tasks = []
    for i in range(100):
        p = tmp_path / f"{i}.md"
        p.write_text("x" * (runner.BIG_FILE + 1 if i in (40, 70) else 10), encoding="utf-8")
        tasks.append(runner.Task(str(p), str(p), None))  # type: ignore[arg-type]
    batches = runner._batches(tasks, 2)
    assert batches[:2] == [[40], [70]]
    assert sorted(i for b in batches for i in b) == list(range(100))
    assert max(len(b) for b in batches) <= 64
