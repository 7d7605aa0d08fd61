"""Rules written as data, like Vale's: `existence` and `substitution` patterns per language.

A pack folder may hold `rules/*.toml`, each file one rule:

    name = "house-style"
    kind = "existence"            # or "substitution"
    severity = "warning"
    description = "Words the house style bans"
    message = "Avoid '{match}'"
    help = "Say it plainly."
    [fr]
    tokens = ["incontournable"]
    [en]
    tokens = ["game changer"]
    # substitution: [en.swap] "utilise" = "use"
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import regex

from lintpost import budget, packs, recache
from lintpost.diagnostic import Edit, Finding, Fix, Severity
from lintpost.document import Document
from lintpost.rule import Context, Rule

_NAME = recache.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DataRuleError(Exception):
    pass


class DataRule(Rule):
    languages: ClassVar[frozenset[str] | None] = None

    def __init__(self, spec: dict[str, Any], origin: Path) -> None:
        name = spec.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            raise DataRuleError(f"{origin}: 'name' must be a kebab-case string")
        kind = spec.get("kind", "existence")
        if kind not in ("existence", "substitution"):
            raise DataRuleError(f"{origin}: unknown kind {kind!r} (existence or substitution)")
        self.name = name  # type: ignore[misc]
        self.kind = kind
        try:
            self.severity = Severity.parse(spec.get("severity", "warning"))  # type: ignore[misc]
        except ValueError as exc:
            raise DataRuleError(f"{origin}: {exc}") from None
        self.description = str(spec.get("description", f"{kind} rule from {origin.name}"))  # type: ignore[misc]
        self.message = str(spec.get("message", "'{match}'"))
        self.help = spec.get("help")
        self.explain = str(spec.get("explain", self.description))  # type: ignore[misc]
        self.fixable = kind == "substitution"  # type: ignore[misc]
        self.patterns: dict[str, list[tuple[regex.Pattern[str], str | None]]] = {}
        for lang in ("fr", "en", "any"):
            block = spec.get(lang)
            if not isinstance(block, dict):
                continue
            compiled: list[tuple[regex.Pattern[str], str | None]] = []
            try:
                if kind == "existence":
                    tokens = [str(t) for t in block.get("tokens", [])]
                    if tokens:
                        compiled.append((packs.words(tokens), None))
                else:
                    for src, dst in dict(block.get("swap", {})).items():
                        compiled.append((packs.words([src]), str(dst)))
            except regex.error as exc:
                raise DataRuleError(f"{origin}: bad pattern: {exc}") from None
            self.patterns[lang] = compiled
        langs = {k for k in self.patterns if k != "any"}
        self.languages = None if "any" in self.patterns else frozenset(langs)  # type: ignore[misc]

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for pattern, replacement in [*self.patterns.get(ctx.lang, []), *self.patterns.get("any", [])]:
            for block in doc.prose_blocks():
                limit = budget.pattern_timeout(block.end - block.start)
                for m in pattern.finditer(doc.masked, block.start, block.end, timeout=limit):
                    fix = None
                    if replacement is not None:
                        fix = Fix(f"replace with '{replacement}'", (Edit(m.start(), m.end(), replacement),))
                    yield Finding(m.start(), m.end(), self._message(m.group(), replacement),
                                  help=self.help, fix=fix)

    def _message(self, match: str, replacement: str | None) -> str:
        # Plain substitution, not str.format: a message is data and must not reach attributes.
        return self.message.replace("{match}", match).replace("{replacement}", replacement or "")


def load_data_rules(pack_dirs: tuple[Path, ...]) -> list[Rule]:
    out: list[Rule] = []
    for folder in (packs.builtin_dir(), *pack_dirs):
        rules_dir = folder / "rules"
        if not rules_dir.is_dir():
            continue
        for path in sorted(rules_dir.glob("*.toml")):
            import tomllib  # only when a pack holds data rules

            try:
                with path.open("rb") as fh:
                    spec = tomllib.load(fh)
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise DataRuleError(f"{path}: {exc}") from None
            out.append(DataRule(spec, path))
    return out
