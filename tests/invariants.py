"""What must hold for any text lintpost checks: used by the property tests and by fuzz/run.py.

Positions are recomputed here independently of lintpost.positions, from a plain split of the
text on \\r\\n, \\r and \\n.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from lintpost.config import Config
from lintpost.diagnostic import Diagnostic, Edit, Fix
from lintpost.engine import FileResult, lint_text
from lintpost.formats import json_report
from lintpost.formats import text as text_format
from lintpost.registry import all_rules
from lintpost.rule import Rule

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "contract" / "report.schema.json"
_BREAK = re.compile(r"\r\n|\r|\n")
_RULE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Broken(AssertionError):
    pass


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of offset, counting \\r\\n, \\r and \\n as line ends."""
    lines = _BREAK.split(text[:offset])
    return len(lines), len(lines[-1]) + 1


def splits_crlf(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


@lru_cache(maxsize=1)
def _validator() -> Any:
    if not SCHEMA.is_file():
        return None
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def check_report(results: list[FileResult]) -> dict[str, Any]:
    """The JSON report of results parses and follows the schema (when the contract is at hand)."""
    return check_report_json(json.loads(json_report.render(results)))


def check_report_json(report: dict[str, Any]) -> dict[str, Any]:
    validator = _validator()
    if validator is not None:
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
        if errors:
            raise Broken(f"report does not follow the schema: {errors[0].message} at {list(errors[0].path)}")
    else:
        assert {"version", "tool", "files", "summary"} <= set(report)
    return report


def check_span(text: str, a: int, b: int, what: str) -> None:
    if not 0 <= a <= b <= len(text):
        raise Broken(f"{what}: span {a}..{b} outside the text (length {len(text)})")
    for off in (a, b):
        if splits_crlf(text, off):
            raise Broken(f"{what}: offset {off} falls between the \\r and \\n of a line break")


def check_diagnostic(text: str, d: Diagnostic) -> None:
    what = f"{d.rule} at {d.offset}"
    if not _RULE_NAME.match(d.rule):
        raise Broken(f"{what}: rule name {d.rule!r} is not kebab-case")
    if not d.message:
        raise Broken(f"{what}: empty message")
    check_span(text, d.offset, d.end_offset, what)
    if d.excerpt != text[d.offset : d.end_offset]:
        raise Broken(f"{what}: excerpt {d.excerpt!r} is not text[offset:end_offset]")
    if (d.line, d.column) != position(text, d.offset):
        raise Broken(f"{what}: start at {d.line}:{d.column}, expected {position(text, d.offset)}")
    if (d.end_line, d.end_column) != position(text, d.end_offset):
        raise Broken(f"{what}: end at {d.end_line}:{d.end_column}, expected {position(text, d.end_offset)}")
    for r in d.related:
        if r.path is None:
            check_span(text, r.offset, r.end_offset, f"{what} related")
            if (r.line, r.column) != position(text, r.offset):
                raise Broken(f"{what}: related at {r.line}:{r.column}, expected {position(text, r.offset)}")
    if d.fix is not None:
        check_fix(text, d.fix, what)


def check_fix(text: str, fix: Fix, what: str) -> None:
    edits = sorted(fix.edits, key=lambda e: (e.offset, e.end_offset))
    if not edits:
        raise Broken(f"{what}: a fix with no edits")
    for e in edits:
        check_span(text, e.offset, e.end_offset, f"{what} fix edit")
    for x, y in itertools.pairwise(edits):
        if y.offset < x.end_offset:
            raise Broken(f"{what}: the edits of one fix overlap")
    # A fix changes nothing outside its edits.
    fixed = apply_edits(text, list(edits))
    first, last = edits[0].offset, edits[-1].end_offset
    if fixed[:first] != text[:first] or fixed[len(fixed) - (len(text) - last):] != text[last:]:
        raise Broken(f"{what}: the fix changed text outside its edits")


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (offsets into text); the reference the fixer is checked against."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.offset, e.end_offset)):
        out.append(text[pos : e.offset])
        out.append(e.replacement)
        pos = e.end_offset
    out.append(text[pos:])
    return "".join(out)


def _select(result: FileResult) -> list[Edit]:
    """Edits of the fixes that do not overlap an earlier chosen one, in offset order."""
    chosen: list[Edit] = []
    fixes = sorted((d.fix for d in result.diagnostics if d.fix is not None),
                   key=lambda f: min(e.offset for e in f.edits))
    for f in fixes:
        if all(e.end_offset <= c.offset or e.offset >= c.end_offset for e in f.edits for c in chosen) and \
                all(e.offset != c.offset for e in f.edits for c in chosen):
            chosen.extend(f.edits)
    return chosen


def fix_until_stable(text: str, lint: Any, passes: int = 5) -> str:
    """Apply fixes and re-lint until nothing changes (like `--fix`)."""
    for _ in range(passes):
        edits = _select(lint(text))
        if not edits:
            break
        new = apply_edits(text, edits)
        if new == text:
            break
        text = new
    return text


def rules(pack_dirs: tuple[Path, ...] = ()) -> dict[str, Rule]:
    return all_rules(pack_dirs)


def lint(text: str, cfg: Config, path: str = "post.md", lang: str | None = None) -> FileResult:
    # A generous budget: the properties are about correctness; timeouts have their own tests.
    return lint_text(text, path, cfg, rules(cfg.packs), lang=lang, timeout=60)


def check_text(text: str, cfg: Config | None = None, *, path: str = "post.md", lang: str | None = None,
               fixes: bool = True) -> FileResult:
    """Lint text and check every invariant; returns the result."""
    cfg = cfg or Config()
    result = lint(text, cfg, path, lang)
    if result.error is not None:
        raise Broken(f"lint_text returned an error: {result.error}")
    for d in result.diagnostics:
        check_diagnostic(text, d)
    check_report([result])
    text_format.render([result], colour=True)
    if fixes and any(d.fix for d in result.diagnostics):
        once = fix_until_stable(text, lambda t: lint(t, cfg, path, lang))
        twice = fix_until_stable(once, lambda t: lint(t, cfg, path, lang))
        if twice != once:
            raise Broken("fixing the fixed text changed it again (fixes are not idempotent)")
        # The fixer lintpost ships, when there is one, must agree with the reference above.
        try:
            from lintpost import fix as fixer
        except ImportError:
            fixer = None
        if fixer is not None and hasattr(fixer, "apply_fixes") and hasattr(fixer, "select_fixes"):
            chosen = fixer.select_fixes(result.diagnostics)
            if fixer.apply_fixes(text, chosen) != apply_edits(text, [e for f in chosen for e in f.edits]):
                raise Broken("lintpost.fix.apply_fixes disagrees with the reference apply_edits")
    return result
