from __future__ import annotations

import pytest

from lintpost.config import Config, RuleSettings
from tests.extra_helpers import messages
from tests.helpers import found

RULE = "readability"

LONG_EN = ("The fund, which invests in listed European infrastructure companies that have signed long-term "
           "contracts with public authorities in at least three countries, aims to pay a growing dividend "
           "while keeping its volatility below that of the broad market over a full economic cycle.")
LONG_FR = ("Le fonds, qui investit dans des sociétés européennes d'infrastructures cotées ayant signé des "
           "contrats de long terme avec des autorités publiques dans au moins trois pays, cherche à verser "
           "un dividende croissant tout en gardant une volatilité inférieure à celle du marché sur un cycle.")
DENSE_EN = ("Notwithstanding considerable macroeconomic uncertainty, institutional investors "
            "increasingly characterise infrastructure securitisation as an indispensable "
            "diversification instrument. ") * 12
DENSE_FR = ("Nonobstant d'importantes incertitudes macroéconomiques, les investisseurs institutionnels "
            "considèrent systématiquement la titrisation d'infrastructures comme indispensable. ") * 12
EASY_EN = "The shares fell. Sales were weak. The firm cut its costs. We will see what comes next. " * 10
EASY_FR = "Le titre a baissé. Les ventes ont reculé. La société réduit ses coûts. On verra la suite. " * 10


@pytest.mark.parametrize(("text", "lang"), [(LONG_EN, "en"), (LONG_FR, "fr")])
def test_long_sentence(text: str, lang: str) -> None:
    (msg,) = messages(text, RULE, lang=lang)
    assert msg.startswith("sentence of 4") and "more than 40" in msg


@pytest.mark.parametrize(("text", "lang", "formula"), [
    (DENSE_EN, "en", "Flesch"), (DENSE_FR, "fr", "Kandel-Moles"),
])
def test_low_reading_ease(text: str, lang: str, formula: str) -> None:
    msgs = messages(text, RULE, lang=lang)
    assert any(m.startswith("hard to read") and formula in m for m in msgs)
    assert any(m.startswith("paragraph of") for m in msgs)


@pytest.mark.parametrize(("text", "lang"), [(EASY_EN, "en"), (EASY_FR, "fr")])
def test_plain_prose_passes(text: str, lang: str) -> None:
    # A 160-word paragraph of short sentences: only the paragraph length is over its limit.
    assert [m for m in messages(text, RULE, lang=lang) if not m.startswith("paragraph of")] == []


def test_thresholds_come_from_config() -> None:
    cfg = Config(rules={RULE: RuleSettings(options={"max-sentence-words": 60, "max-paragraph-words": 400})})
    assert found(LONG_EN, RULE, lang="en", config=cfg) == []
    assert found(EASY_FR, RULE, lang="fr", config=cfg) == []
    cfg = Config(rules={RULE: RuleSettings(options={"min-reading-ease": 200.0, "max-paragraph-words": 400})})
    assert any(m.startswith("hard to read") for m in messages(EASY_EN, RULE, lang="en", config=cfg))


def test_short_posts_get_no_score() -> None:
    assert found(DENSE_EN[:300], RULE, lang="en") == []
