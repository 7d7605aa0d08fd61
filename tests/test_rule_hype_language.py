from __future__ import annotations

import pytest

from tests.extra_helpers import messages
from tests.helpers import found

RULE = "hype-language"


@pytest.mark.parametrize(("text", "hit"), [
    ("With Kora Yield your returns are guaranteed, whatever the market does.", "are guaranteed"),
    ("This is a risk-free way to earn 12% a year.", "risk-free"),
    ("Buy now and you can't lose.", "can't lose"),
    ("ORIN is going to the moon.", "to the moon"),
    ("ORIN broke out today 🚀🚀", "🚀🚀"),
    ("Last chance to get in before the listing.", "Last chance"),
    ("Mark my words, the stock will double.", "Mark my words"),
    ("This token could do a 100x this year.", "could do a 100x"),
])
def test_english_positives(text: str, hit: str) -> None:
    assert hit in found(text, RULE, lang="en")


@pytest.mark.parametrize(("text", "hit"), [
    ("Avec Kora Yield, le rendement est garanti.", "est garanti"),
    ("C'est un placement sans risque pour votre épargne.", "sans risque"),
    ("Avec ce fonds, ça ne peut que monter.", "ça ne peut que monter"),
    ("Le rendement assuré de 8 % attire les épargnants.", "rendement assuré"),
    ("C'est fou ! Le titre a pris 40 % en une séance.", "C'est fou"),
    ("Il ne fait aucun doute que le titre va doubler.", "Il ne fait aucun doute"),
    ("Dernière chance pour entrer avant l'annonce.", "Dernière chance"),
])
def test_french_positives(text: str, hit: str) -> None:
    assert hit in found(text, RULE, lang="fr")


@pytest.mark.parametrize("text", [
    "Returns are not guaranteed and you could lose money.",
    "There is no guarantee that the fund will meet its objective.",
    "Guaranteed returns don't exist in equity markets.",
    "Beware of anyone who promises guaranteed returns.",
    "The fund compares its yield with the risk-free rate.",
    "Shares rose 9% after the results, according to Reuters.",
    "Prices rose from $20 in 2012 to $288 in 2021, a 14x return.",
    "Deposits are insured by the FDIC and are guaranteed up to $250,000.",
])
def test_english_negatives(text: str) -> None:
    assert found(text, RULE, lang="en") == []


@pytest.mark.parametrize("text", [
    "Le rendement n'est pas garanti et le capital peut baisser.",
    "Ce placement n'est pas sans risque.",
    "Méfiez-vous des promesses de « rendement garanti ».",
    "Le capital est garanti sur le fonds euros de l'assurance-vie.",
    "L'actif sans risque sert de référence : le taux sans risque a monté.",
    "Les comptes à terme offrent un risque quasi nul et un rendement fixe.",
    "Le titre a progressé de 4 % sur la séance, selon Euronext.",
])
def test_french_negatives(text: str) -> None:
    assert found(text, RULE, lang="fr") == []


def test_message_names_the_rule_behind_it() -> None:
    (msg,) = messages("Your returns are guaranteed.", RULE, lang="en")
    assert "FINRA Rule 2210(d)(1)(B)" in msg
    (msg,) = messages("ORIN is headed to the moon.", RULE, lang="en")
    assert "Pierce" in msg
    (msg,) = messages("C'est un placement sans risque.", RULE, lang="fr")
    assert "AMF" in msg


def test_list_items_under_an_objectives_lead_are_not_promises() -> None:
    text = "Les objectifs prioritaires à ce niveau sont :\n\n- liquidité maximale\n- risque nul\n"
    assert found(text, RULE, lang="fr") == []
    offer = "Notre offre :\n\n- risque nul\n- gains rapides\n"
    assert found(offer, RULE, lang="fr") == ["risque nul", "gains rapides"]


def test_user_phrases_extend_a_category() -> None:
    from lintpost.config import Config

    cfg = Config(vocabulary={"fr": {"promissory": ["rendement plancher"]}})
    text = "Un rendement plancher de 7 % par an."
    assert found(text, RULE, lang="fr", config=cfg) == ["rendement plancher"]
    assert found(text, RULE, lang="fr") == []
