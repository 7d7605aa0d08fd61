from __future__ import annotations

import pytest

from tests.helpers import found

RULE = "unattributed-quote"


@pytest.mark.parametrize("text", [
    'Northjet tells the market "we will double deliveries by 2026 and never need new capital".',
    'Jane Roe, the CFO, put it bluntly: "we are not raising money this year, full stop."',
    "“We will be profitable next year without raising a cent,” said Northjet's chief executive.",
    'The company insists "our margins will keep rising every single quarter".',
])
def test_english_positives(text: str) -> None:
    assert len(found(text, RULE, lang="en")) == 1


@pytest.mark.parametrize("text", [
    "Le PDG de Kora Pay affirme : « nous serons rentables dès l'an prochain, sans aucune levée ».",
    "La directrice financière est catégorique : « il n'y aura pas d'augmentation de capital cette année ».",
    "« Nous doublerons nos ventes d'ici 2026 », a déclaré le PDG de Kora Pay.",
])
def test_french_positives(text: str) -> None:
    assert len(found(text, RULE, lang="fr")) == 1


@pytest.mark.parametrize("text", [
    'Northjet said in a statement that it "expects deliveries to double by 2026".',
    'According to Reuters, Northjet\'s CEO said "we will double deliveries by 2026".',
    'The CEO insisted "we will never dilute shareholders again" (Bloomberg).',
    'The CEO told [analysts](https://example.com/call) "we will never dilute shareholders again".',
    'On the earnings call, the CEO said "we will never dilute shareholders again".',
    'The report titled "The Future of Regional Aviation in Europe" is long.',
    'Its so-called "asset-light" model is popular. Northjet calls it "disciplined growth".',
    '"Markets can stay irrational longer than you can stay solvent" is an old saying.',
])
def test_english_negatives(text: str) -> None:
    assert found(text, RULE, lang="en") == []


@pytest.mark.parametrize("text", [
    "« Nous serons rentables dès l'an prochain », a déclaré le PDG dans un communiqué publié lundi.",
    "Selon Les Échos, Kora Pay promet « une rentabilité dès l'an prochain sans levée ».",
    "Le fonds baptisé « Avenir Climat Europe Plus » attire les épargnants.",
    "Kora Pay parle de « croissance raisonnée ».",
    "Le PDG a déclaré au Figaro : « nous serons rentables dès l'an prochain ».",
    "Certaines célébrités affirment « travailler à 80 % pour l'État », ce qui est faux.",
])
def test_french_negatives(text: str) -> None:
    assert found(text, RULE, lang="fr") == []
