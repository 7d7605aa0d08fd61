"""A clean, sourced, well-typeset post gets no finding from any of the editorial rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintpost.registry import all_rules
from tests.extra_helpers import NBSP, NNBSP
from tests.helpers import lint

EDITORIAL = ("spelling", "readability", "hype-language", "engagement-bait", "page-furniture",
             "french-typography", "unattributed-quote")

CLEAN_FR = f"""---
lang: fr
---
# Kora Pay relève ses prévisions

Selon le communiqué publié le 3 mars par Kora Pay, le chiffre d’affaires a progressé de 12{NBSP}% sur un an, \
à 48 millions d’euros. La directrice financière a déclaré lors de la conférence avec les analystes que \
l’entreprise «{NBSP}vise l’équilibre d’exploitation en 2026{NBSP}».

Ce scénario reste incertain{NBSP}: la concurrence des banques en ligne pourrait peser sur les marges, et le \
titre a perdu 30{NBSP}% l’an dernier, d’après les données d’Euronext. Faut-il pour autant s’en \
détourner{NNBSP}? Pas nécessairement{NNBSP}; tout dépend de l’horizon de placement.

Ceci n’est pas un conseil en investissement. Investir comporte un risque de perte en capital.
"""

CLEAN_EN = """---
lang: en
---
# Northjet raises its outlook

According to a statement Northjet published on 3 March, revenue rose 12% from a year earlier, to $48 \
million. The chief financial officer said on the earnings call that the company "aims to break even \
on an operating basis in 2026".

That outlook is uncertain: competition from online banks could weigh on margins, and the shares lost 30% \
last year, according to Nasdaq data. Should investors walk away? Not necessarily; it depends on their horizon.

This is not investment advice. Investing involves a risk of loss.
"""


def test_the_rules_are_registered() -> None:
    rules = all_rules()
    for name in EDITORIAL:
        assert name in rules
        rule = rules[name]
        assert rule.description and rule.explain and "Example" in rule.explain


@pytest.mark.parametrize(("text", "lang"), [(CLEAN_FR, "fr"), (CLEAN_EN, "en")])
def test_clean_posts_get_no_editorial_finding(text: str, lang: str) -> None:
    result = lint(text, lang=lang, select=EDITORIAL)
    assert [(d.rule, d.excerpt) for d in result.diagnostics] == []


@pytest.mark.parametrize(("text", "lang"), [(CLEAN_FR, "fr"), (CLEAN_EN, "en")])
def test_clean_posts_get_no_finding_at_all(text: str, lang: str) -> None:
    result = lint(text, lang=lang)
    assert [(d.rule, d.excerpt) for d in result.diagnostics] == []


@pytest.mark.parametrize(("seed", "lang", "expected"), [
    ("en/hype-and-furniture.md", "en", set(EDITORIAL) - {"french-typography"}),
    ("fr/typographie-et-hype.md", "fr", set(EDITORIAL)),
])
def test_seeds_show_each_rule_firing(seed: str, lang: str, expected: set[str]) -> None:
    path = Path(__file__).resolve().parent.parent / "seeds" / seed
    result = lint(path.read_text(encoding="utf-8"), lang=lang, select=EDITORIAL)
    assert {d.rule for d in result.diagnostics} == expected
