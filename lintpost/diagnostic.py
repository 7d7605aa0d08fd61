"""Plain data for what rules report: diagnostics, related locations and fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


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


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[offset:end_offset] with replacement (code-point offsets)."""

    offset: int
    end_offset: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Related:
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


@dataclass(frozen=True, slots=True)
class Diagnostic:
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


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: a span and a message; the engine turns it into a Diagnostic."""

    offset: int
    end_offset: int
    message: str
    help: str | None = None
    related: tuple[Related, ...] = field(default=())
    fix: Fix | None = None
