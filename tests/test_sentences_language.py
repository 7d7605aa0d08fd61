from __future__ import annotations

import pytest

from lintpost.language import detect, normalise
from lintpost.sentences import split


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split(text)]


def test_abbreviations_and_decimals_do_not_split() -> None:
    text = "M. Dupont dit que le U.S. market a pris 32.48 points. Le taux est de 4,5 %. Fin"
    assert _sentences(text) == [
        "M. Dupont dit que le U.S. market a pris 32.48 points.",
        "Le taux est de 4,5 %.",
        "Fin",
    ]


def test_question_exclamation_and_ellipsis() -> None:
    assert _sentences("Vraiment ? Oui ! Et puis… Non.") == ["Vraiment ?", "Oui !", "Et puis…", "Non."]
    assert _sentences("Mr. Smith left. Dr. Who stayed.") == ["Mr. Smith left.", "Dr. Who stayed."]


def test_lower_case_after_period_is_not_a_new_sentence() -> None:
    assert _sentences("Il a pris 3 m. de plus etc. et puis. Fin") == ["Il a pris 3 m. de plus etc. et puis.", "Fin"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le marché a reculé de 3 % et les investisseurs sont prudents avant la réunion de la BCE.", "fr"),
        ("The market fell 3% and investors are cautious before the Fed meeting on Wednesday.", "en"),
        ("Der Markt ist heute stark gefallen und die Anleger sind nervös wegen der Zinsen.", None),
        ("", None),
    ],
)
def test_detect(text: str, lang: str | None) -> None:
    assert detect(text) == lang


def test_normalise() -> None:
    assert normalise("fr-FR") == "fr"
    assert normalise("English") == "en"


def test_a_scale_letter_glued_to_a_number_ends_the_sentence() -> None:
    text = "Fund A lost $14.55M. Fund B gained 2,400K. J. Powell spoke. The U.S. Fed met."
    assert [text[a:b] for a, b in split(text)] == [
        "Fund A lost $14.55M.", "Fund B gained 2,400K.", "J. Powell spoke.", "The U.S. Fed met.",
    ]
