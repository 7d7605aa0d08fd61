"""Helpers for the tests of the editorial rules: apply fixes, and typeset French text."""

from __future__ import annotations

from lintpost.config import Config
from lintpost.engine import FileResult
from tests.helpers import lint

NNBSP = "\u202f"
NBSP = "\u00a0"


def apply_fixes(result: FileResult, text: str) -> str:
    edits = sorted((e for d in result.diagnostics if d.fix for e in d.fix.edits), key=lambda e: -e.offset)
    for e in edits:
        text = text[: e.offset] + e.replacement + text[e.end_offset :]
    return text


def fixed(text: str, rule: str, *, lang: str, config: Config | None = None) -> str:
    return apply_fixes(lint(text, lang=lang, select=(rule,), config=config), text)


def messages(text: str, rule: str, *, lang: str, config: Config | None = None) -> list[str]:
    result = lint(text, lang=lang, select=(rule,), config=config)
    return [d.message for d in result.diagnostics if d.rule == rule]
