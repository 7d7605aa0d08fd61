"""Small helpers for rule tests: lint a string and get (rule, excerpt) pairs."""

from __future__ import annotations

from lintpost.config import Config
from lintpost.engine import FileResult, lint_text
from lintpost.registry import all_rules


def lint(text: str, *, lang: str | None = None, path: str = "post.md", select: tuple[str, ...] | None = None,
         config: Config | None = None) -> FileResult:
    return lint_text(text, path, config or Config(), all_rules(), lang=lang, select=select)


def found(text: str, rule: str, *, lang: str | None = None, path: str = "post.md",
          config: Config | None = None) -> list[str]:
    """Excerpts of the diagnostics of one rule."""
    result = lint(text, lang=lang, path=path, select=(rule,), config=config)
    return [d.excerpt for d in result.diagnostics if d.rule == rule]
