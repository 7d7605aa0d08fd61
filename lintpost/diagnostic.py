"""Plain data for what rules report: diagnostics, related locations and fixes.

NamedTuples: immutable, picklable, compared field by field, and created at import several times
faster than frozen dataclasses (this module is imported by every run). `d._replace(line=3)` makes
a changed copy.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


class Edit(NamedTuple):
    """Replace text[offset:end_offset] with replacement (code-point offsets)."""

    offset: int
    end_offset: int
    replacement: str


class Fix(NamedTuple):
    description: str
    edits: tuple[Edit, ...]


class Related(NamedTuple):
    """Another location that explains a diagnostic (the first copy of a duplicate...)."""

    offset: int
    end_offset: int
    message: str
    path: str | None = None
    # Positions are filled in by whoever knows the other file's text.
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


class Diagnostic(NamedTuple):
    rule: str
    severity: Severity
    message: str
    offset: int
    end_offset: int
    help: str | None = None
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    # Derived from the offsets by the engine; lines and columns count from 1, ends exclusive.
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    excerpt: str = ""


class Finding(NamedTuple):
    """What a rule yields: a span and a message; the engine turns it into a Diagnostic."""

    offset: int
    end_offset: int
    message: str
    help: str | None = None
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
