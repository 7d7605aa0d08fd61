from __future__ import annotations

import pytest

from lintpost.config import Config, RuleSettings
from tests.helpers import found

RULE = "engagement-bait"


@pytest.mark.parametrize(("text", "hit"), [
    ("Follow me for daily ORIN updates.", "Follow me"),
    ("Smash that like button if you agree.", "Smash that like"),
    ("Full model in the link in bio.", "link in bio"),
    ("Drop your guess below!", "Drop your guess"),
    ("Great quarter for Northjet. #Stocks #Investing", "#Stocks #Investing"),
])
def test_english_positives(text: str, hit: str) -> None:
    assert hit in found(text, RULE, lang="en")


@pytest.mark.parametrize(("text", "hit"), [
    ("Suivez-moi pour d'autres analyses.", "Suivez-moi"),
    ("Abonnez-vous à la chaîne pour ne rien rater.", "Abonnez-vous"),
    ("Partagez votre avis en commentaire.", "Partagez votre avis"),
    ("Bon trimestre pour Kora. #Bourse #PEA #Dividendes", "#Bourse #PEA #Dividendes"),
])
def test_french_positives(text: str, hit: str) -> None:
    assert any(f.startswith(hit) for f in found(text, RULE, lang="fr"))


@pytest.mark.parametrize(("text", "lang"), [
    ("The index followed the Nasdaq lower. Northjet is the #1 carrier on the route.", "en"),
    ("Shareholders will share the proceeds of the sale.", "en"),
    ("Les actionnaires ont partagé les gains ; le titre a suivi le CAC 40.", "fr"),
    ("Voir `#include` et https://example.com/#section pour le détail.", "fr"),
])
def test_negatives(text: str, lang: str) -> None:
    assert found(text, RULE, lang=lang) == []


def test_hashtags_can_be_turned_off() -> None:
    cfg = Config(rules={RULE: RuleSettings(options={"hashtags": False})})
    assert found("Bon trimestre. #Bourse #PEA", RULE, lang="fr", config=cfg) == []


def test_a_hash_glued_to_a_decomposed_accent_is_no_hashtag() -> None:
    import unicodedata

    from tests.helpers import found as _found

    text = unicodedata.normalize("NFD", "Plus de 60 % des épargnants dé#tiennent un livret A.")
    assert _found(text, "engagement-bait", lang="fr") == []
