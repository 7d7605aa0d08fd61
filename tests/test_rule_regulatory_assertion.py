from __future__ import annotations

import pytest

from tests.helpers import found

RULE = "regulatory-assertion"


@pytest.mark.parametrize(
    "text",
    [
        "The DOJ would have blocked any full acquisition immediately.",
        "The FTC is going to sue the lender before the end of the year.",
        "Regulators can't touch DeFi, whatever they say on television.",
        "This structure is perfectly legal, and that is the whole point.",
        "The SEC will approve the spot ETF next month.",
        "BaFin fined the bank €12m last week over weak controls.",
        "Telling holders it was backed one-to-one is securities fraud, plain and simple.",
        "It could try, but the FCA will bring these products under its rules next year.",
        "Its late-fee practices are an unfair practice under federal law.",
    ],
)
def test_english_positives(text: str) -> None:
    assert found(text, RULE, lang="en"), text


@pytest.mark.parametrize(
    "text",
    [
        "L'Autorité de la concurrence aurait immédiatement interdit une fusion complète.",
        "C'est parfaitement légal, et c'est tout l'intérêt du montage.",
        "L'Autorité classera le dossier sans suite d'ici l'été, et les deux groupes pourront signer.",
        "L'AMF ne peut rien contre un protocole décentralisé.",
        "La Commission européenne ne s'y opposera pas.",
        "Un montage juridique qui échappe totalement aux tribunaux français.",
        "La prochaine loi de finances supprimera l'avantage fiscal, c'est acté.",
        "Ce domaine n'est pas encore régulé.",
        "Si la fusion avait été totale, l'AMF aurait bloqué l'opération.",
    ],
)
def test_french_positives(text: str) -> None:
    assert found(text, RULE, lang="fr"), text


@pytest.mark.parametrize(
    "text",
    [
        "According to Reuters, the DOJ has opened an inquiry into the bank.",
        "The CFTC said in a statement that it had opened an investigation.",
        "The SEC could approve the ETF as early as next month.",
        "The SEC may well come after the issuer, in my view.",
        "Will regulators allow a stablecoin issuer to hold commercial paper?",
        "The SEC was created in 1934 and sits in Washington.",
        "A Roth IRA is funded with after-tax money.",
        "Under the new rules an issuer must be licensed before it offers tokens.",
        "The FTC [blocked the deal](https://www.ftc.gov/news) in 2023.",
    ],
)
def test_english_negatives(text: str) -> None:
    assert found(text, RULE, lang="en") == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Selon Les Échos, l'Autorité de la concurrence aurait demandé des précisions.",
        "D'après l'AFP, le parquet aurait ouvert une enquête préliminaire.",
        "Il est possible que Bruxelles s'intéresse aussi au dossier.",
        "Les régulateurs accepteront-ils longtemps ce montage ?",
        "L'AMF pourrait durcir les règles d'évaluation des immeubles.",
        "Les plus-values sont imposées à 30 % au titre de la flat tax.",
        "Avec MiCA, un émetteur doit être agréé pour proposer un jeton au public.",
        "Les gens pensent que c'est une arnaque, mais rien n'est prouvé.",
    ],
)
def test_french_negatives(text: str) -> None:
    assert found(text, RULE, lang="fr") == [], text


def test_span_covers_the_assertion() -> None:
    text = "La raison : l'Autorité de la concurrence aurait immédiatement interdit une fusion complète."
    # From the actor to the end of its clause: the act and its object.
    expected = "l'Autorité de la concurrence aurait immédiatement interdit une fusion complète"
    assert found(text, RULE, lang="fr") == [expected]


def test_counterfactual_is_named_in_the_message() -> None:
    from tests.helpers import lint

    result = lint("The DOJ would have blocked it.", lang="en", select=(RULE,))
    assert result.diagnostics[0].message.startswith("counterfactual about a regulator")
