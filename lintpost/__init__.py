"""lintpost: an editorial quality linter for finance posts in French and English."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_paths", "lint_text"]


def __getattr__(name: str):
    if name in ("lint_text", "lint_paths"):
        from lintpost import api

        return getattr(api, name)
    raise AttributeError(name)
