"""Finding rules: the built-in ones, third-party plug-ins (entry points) and data rules from packs."""

from __future__ import annotations

import importlib
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path

from lintpost.rule import Rule

ENTRY_POINT_GROUP = "lintpost.rules"

BUILTIN_MODULES = (
    "lintpost.checks.duplicate_paragraph",
    "lintpost.checks.unsourced_figure",
    "lintpost.checks.regulatory_assertion",
    "lintpost.checks.missing_disclaimer",
    "lintpost.checks.hype_language",
    "lintpost.checks.engagement_bait",
    "lintpost.checks.page_furniture",
    "lintpost.checks.french_typography",
    "lintpost.checks.unattributed_quote",
    "lintpost.checks.readability",
    "lintpost.checks.spelling",
)


class RegistryError(Exception):
    pass


def _rules_of(module_name: str) -> list[Rule]:
    module = importlib.import_module(module_name)
    return [cls() for cls in getattr(module, "RULES", ())]


@lru_cache(maxsize=1)
def _builtin_and_plugins() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for name in BUILTIN_MODULES:
        found.extend(_rules_of(name))
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:
            raise RegistryError(f"plug-in {ep.name!r} ({ep.value}) failed to load: {exc}") from None
        items = obj if isinstance(obj, (list, tuple)) else [obj]
        for item in items:
            rule = item() if isinstance(item, type) else item
            if not isinstance(rule, Rule):
                raise RegistryError(f"plug-in {ep.name!r} is not a lintpost Rule")
            found.append(rule)
    return tuple(found)


def all_rules(pack_dirs: tuple[Path, ...] = ()) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    from lintpost.datarules import load_data_rules

    for rule in (*_builtin_and_plugins(), *load_data_rules(pack_dirs)):
        if rule.name in rules:
            raise RegistryError(f"two rules are named {rule.name!r}")
        rules[rule.name] = rule
    return rules
