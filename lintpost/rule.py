"""What a rule is: a small object with a stable name, metadata and a check function."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from lintpost import packs
from lintpost.diagnostic import Finding, Severity

if TYPE_CHECKING:
    from lintpost.document import Document


@dataclass(frozen=True)
class Context:
    """What a rule may read besides the document: its options and the vocabulary packs."""

    lang: str
    options: dict[str, Any] = field(default_factory=dict)
    pack_dirs: tuple[Path, ...] = ()
    vocabulary: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    disclaimers: dict[str, str] = field(default_factory=dict)
    # Folder of the config file in force (relative paths in rule options start there).
    root: Path | None = None

    def pack(self, name: str, lang: str | None = None) -> dict[str, Any]:
        """Pack data for the document's language, plus the user's extra vocabulary for it."""
        data = packs.load(name, lang or self.lang, self.pack_dirs)
        extra = self.vocabulary.get(lang or self.lang, {})
        if extra:
            data = dict(data)
            for key, words in extra.items():
                if key in data and isinstance(data[key], list):
                    data[key] = [*data[key], *words]
        return data

    def option(self, key: str, default: Any) -> Any:
        return self.options.get(key, default)


class Rule:
    """Subclass and set the class attributes; `check` yields findings for one document."""

    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    description: ClassVar[str]
    explain: ClassVar[str]
    # Languages the rule runs in; None means any language, including undetected ones.
    languages: ClassVar[frozenset[str] | None] = frozenset({"fr", "en"})
    # Rule-specific config keys and their defaults (validated in config files).
    options: ClassVar[dict[str, Any]] = {}
    fixable: ClassVar[bool] = False

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def applies_to(self, lang: str | None) -> bool:
        return self.languages is None or (lang is not None and lang in self.languages)


def iter_findings(rule: Rule, doc: Document, ctx: Context) -> Iterator[Finding]:
    yield from rule.check(doc, ctx)
