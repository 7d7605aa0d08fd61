from __future__ import annotations

import pytest

from lintpost.config import Config, RuleSettings
from tests.extra_helpers import NBSP, NNBSP, fixed
from tests.helpers import found, lint

RULE = "french-typography"
STRICT = Config(rules={RULE: RuleSettings(options={"spaces": "strict"})})


@pytest.mark.parametrize(("text", "expected"), [
    ("Faut-il acheter ?", f"Faut-il acheter{NNBSP}?"),
    ("Faut-il acheter?", f"Faut-il acheter{NNBSP}?"),
    ("Attention ! Le titre recule ; la séance est volatile.",
     f"Attention{NNBSP}! Le titre recule{NNBSP}; la séance est volatile."),
    ("Le bilan : positif.", f"Le bilan{NBSP}: positif."),
    ("Le titre gagne 4,5%.", f"Le titre gagne 4,5{NBSP}%."),
    ("Le titre gagne 4,5 %.", f"Le titre gagne 4,5{NBSP}%."),
    ("Il parle de «transition».", f"Il parle de «{NBSP}transition{NBSP}»."),
    ('Le fonds vise "une croissance durable".', f"Le fonds vise «{NBSP}une croissance durable{NBSP}»."),
    ("Le fonds vise “une croissance durable”.", f"Le fonds vise «{NBSP}une croissance durable{NBSP}»."),
    ("Une levée de 4-5 millions d'euros.", "Une levée de 4 à 5 millions d'euros."),
    ("Un rendement entre 4-5 % par an.", f"Un rendement entre 4 et 5{NBSP}% par an."),
    ("Le ticket d'entrée est de 10000 €.", f"Le ticket d'entrée est de 10{NNBSP}000 €."),
    ("Le bitcoin vaut $95000 ce matin.", f"Le bitcoin vaut $95{NNBSP}000 ce matin."),
    ("Un encours de 1250000 euros.", f"Un encours de 1{NNBSP}250{NNBSP}000 euros."),
])
def test_every_finding_is_fixed(text: str, expected: str) -> None:
    assert found(text, RULE, lang="fr", config=STRICT)
    out = fixed(text, RULE, lang="fr", config=STRICT)
    assert out == expected
    assert found(out, RULE, lang="fr", config=STRICT) == []


def test_ordinary_spaces_follow_the_post_in_auto_mode() -> None:
    plain = "Le bilan : positif, à 4,5 % par an ; vraiment ? Il parle de « transition »."
    assert found(plain, RULE, lang="fr") == []
    assert len(found(plain, RULE, lang="fr", config=STRICT)) == 6
    # Once the post uses no-break spaces, the ordinary ones are inconsistent and reported.
    mixed = f"Le bilan{NBSP}: positif. Le second bilan : négatif."
    assert found(mixed, RULE, lang="fr") == [" :"]
    lenient = Config(rules={RULE: RuleSettings(options={"spaces": "lenient"})})
    assert found(mixed, RULE, lang="fr", config=lenient) == []


def test_missing_spaces_are_always_reported() -> None:
    lenient = Config(rules={RULE: RuleSettings(options={"spaces": "lenient"})})
    text = "Faut-il acheter? Le bilan: positif, à 4,5%, un «pari»."
    assert found(text, RULE, lang="fr", config=lenient) == ["?", ":", "%", "«", "»"]


@pytest.mark.parametrize("text", [
    f"Faut-il acheter{NNBSP}? Le bilan{NBSP}: positif, à 4,5{NBSP}% par an, soit 10{NNBSP}000 €.",
    f"Il parle de «{NBSP}transition{NBSP}» et de «{NNBSP}résilience{NNBSP}».",
    "Rendez-vous à 10:30, avec un ratio de 1:2.",
    "Super nouvelle ;) et :) et ;-)",
    "Voir [la note](https://example.com/a?b=c;d) et `a ; b : c` dans le code.",
    "```\nx = a ? b : c; print(\"x\")\n```",
    "| Col | Val |\n|:----|----:|\n| a | b |",
    "Code postal 75008 Paris, exercice 2024-2025 et 2023 : année record.".replace(" :", f"{NBSP}:"),
    "Les entités &amp; les liens <https://example.com/?a=1;b=2>.",
])
def test_negatives(text: str) -> None:
    assert found(text, RULE, lang="fr") == []


def test_english_documents_are_not_checked() -> None:
    assert found('The "fund" gained 4% this year: why?', RULE, lang="en") == []


def test_every_finding_carries_a_fix() -> None:
    result = lint('Le bilan: "positif"; 4-5% de 10000 €?', lang="fr", select=(RULE,), config=STRICT)
    assert len(result.diagnostics) >= 5
    assert all(d.fix is not None and d.fix.edits for d in result.diagnostics)


def test_checks_can_be_turned_off() -> None:
    cfg = Config(rules={RULE: RuleSettings(options={"quotes": False, "ranges": False, "thousands": False})})
    assert found('Le fonds vise "une croissance durable", 4-5 millions, 10000 €.', RULE, lang="fr",
                 config=cfg) == []


def test_raw_html_and_scripts_are_left_alone() -> None:
    text = "Un paragraphe.\n\n<script>\n$(\"a\").attr('rel', 'x'); var a = b ? c : d;\n</script>\n"
    assert found(text, RULE, lang="fr") == []
