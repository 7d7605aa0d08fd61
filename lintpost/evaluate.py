"""Measuring lintpost against hand-labelled gold files (the format of the labelling guide).

Each gold file names a document and lists what a checker must report (`expect`), what it may
report (`optional`) and document-level expectations (`doc`). A diagnostic matches an item when the
rule is the same, its span covers the item's line and, when the item gives a `text`, overlaps that
text on the line; an item with `end_line` matches any diagnostic of its rule starting in its lines.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lintpost import recache
from lintpost.diagnostic import Diagnostic

MISSION_RULES = ("duplicate-paragraph", "unsourced-figure", "regulatory-assertion", "missing-disclaimer")
DOC_RULES = frozenset({"missing-disclaimer"})
_BREAK = recache.compile(r"\r\n|\r|\n")


class GoldError(Exception):
    pass


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    scores: dict[str, Score]
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    documents: int = 0

    def table(self) -> str:
        lines = [f"{'rule':<22} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"]
        for rule, s in self.scores.items():
            lines.append(f"{rule:<22} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>9.2f} {s.recall:>7.2f}")
        return "\n".join(lines)


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    golds = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise GoldError(f"{path}: {exc}") from None
        if "file" not in gold:
            raise GoldError(f"{path}: no 'file' key")
        gold["_gold_file"] = path.name
        golds.append(gold)
    if not golds:
        raise GoldError(f"no gold files (*.json) in {gold_dir}")
    return golds


def _span(lines: list[str], item: dict[str, Any], where: str) -> tuple[int, int] | None:
    text = item.get("text")
    if not text:
        return None
    line = int(item["line"])
    if not 1 <= line <= len(lines):
        raise GoldError(f"{where}: line {line} is outside the document")
    col = lines[line - 1].find(text)
    if col < 0:
        raise GoldError(f"{where}: text {text!r} is not on line {line}")
    return col + 1, col + 1 + len(text)


def _covers(d: Diagnostic, item: dict[str, Any], span: tuple[int, int] | None) -> bool:
    line = int(item["line"])
    if "end_line" in item:
        return line <= d.line <= int(item["end_line"])
    if not d.line <= line <= d.end_line:
        return False
    if span is None:
        return True
    d0 = d.column if d.line == line else 1
    d1 = d.end_column if d.end_line == line else 10**9
    if d1 <= d0:
        return span[0] <= d0 < span[1]
    return d0 < span[1] and span[0] < d1


def evaluate(golds: list[dict[str, Any]], root: Path, diagnostics_of: Callable[[Path], list[Diagnostic]],
             rules: tuple[str, ...] = MISSION_RULES) -> Report:
    """Score the diagnostics that `diagnostics_of(path)` returns for each gold document."""
    scores = {r: Score() for r in rules}
    report = Report(scores, documents=len(golds))
    for gold in golds:
        rel = gold["file"]
        path = root / rel
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(f"{gold['_gold_file']}: cannot read {rel}: {exc}") from None
        lines = _BREAK.split(text)
        found = defaultdict(list)
        for d in diagnostics_of(path):
            found[d.rule].append(d)
        for rule in rules:
            diags = found.get(rule, [])
            if rule in DOC_RULES:
                want = gold.get("doc", {}).get(rule)
                if want is None:
                    continue
                if want and diags:
                    scores[rule].tp += 1
                elif want:
                    scores[rule].fn += 1
                    report.misses.append(f"FN {rule} {rel}")
                elif diags:
                    scores[rule].fp += 1
                    report.extras.append(f"FP {rule} {rel}:{diags[0].line} {diags[0].message}")
                continue
            where = gold["_gold_file"]
            expected = [(i, _span(lines, i, where)) for i in gold.get("expect", []) if i["rule"] == rule]
            optional = [(i, _span(lines, i, where)) for i in gold.get("optional", []) if i["rule"] == rule]
            for item, span in expected:
                if any(_covers(d, item, span) for d in diags):
                    scores[rule].tp += 1
                else:
                    scores[rule].fn += 1
                    report.misses.append(f"FN {rule} {rel}:{item['line']} {item.get('text', '')!r}")
            for d in diags:
                if not any(_covers(d, item, span) for item, span in expected + optional):
                    scores[rule].fp += 1
                    report.extras.append(f"FP {rule} {rel}:{d.line}:{d.column} {d.excerpt[:60]!r} {d.message}")
    return report
