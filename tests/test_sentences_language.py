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


def test_a_no_break_space_entity_after_a_full_stop_ends_the_sentence() -> None:
    text = "You must take distributions.&nbsp; The new act raises the age to 73.&#160; Fin"
    assert _sentences(text) == ["You must take distributions.", "The new act raises the age to 73.", "Fin"]
    assert _sentences("It costs 45&nbsp;% more. Fin") == ["It costs 45&nbsp;% more.", "Fin"]


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


@pytest.mark.parametrize(
    "text",
    [
        "La acción ya no es tan cara como el año pasado. El precio subió un 20 por ciento en este mes, y los "
        "inversores están contentos con el resultado. La empresa también pagará un dividendo el próximo año.",
        "Il titolo non è più così caro come l'anno scorso. Il prezzo delle azioni è salito del 20 per cento in "
        "questo mese e gli investitori sono contenti del risultato.",
        "A ação não está mais tão cara como no ano passado. O preço da ação subiu 20 por cento neste mês e os "
        "investidores estão contentes com o resultado.",
        "Het aandeel is niet meer zo duur als vorig jaar. De koers van het aandeel is deze maand met 20 procent "
        "gestegen en de beleggers zijn tevreden met het resultaat.",
    ],
)
def test_neighbouring_languages_that_share_french_words_are_neither(text: str) -> None:
    assert detect(text) is None


def test_a_sparse_french_page_of_tables_and_short_bullets_is_french() -> None:
    rows = "".join(f"| Revenu {i} | {i * 1000} EUR | 30% | BNC | 2024 | oui |\n" for i in range(130))
    text = (
        "# Guide : déclaration des revenus\n\n## Statut\n\n- Abattement forfaitaire de 34 % pour les BNC\n"
        "- Plus-values sur les jetons : flat tax\n- Seuil : 305 EUR par an\n\n| Poste | Montant | Taux | Régime | "
        "Année | Éligible |\n|---|---|---|---|---|---|\n" + rows + "\nLe régime dépend du statut et de la résidence "
        "fiscale du contributeur. Les revenus sont déclarés dans la catégorie des BNC, avec un abattement "
        "pour les petits montants et une option pour le régime réel. Ce guide est une aide, pas un conseil.\n"
    )
    assert detect(text) == "fr"


@pytest.mark.parametrize(
    ("front", "lang"),
    [
        ('lang:\n  - "en"', "en"),
        ("lang: [fr, en]", "fr"),
        ("lang: 'fr'", "fr"),
    ],
)
def test_front_matter_language_as_a_list_or_quoted(front: str, lang: str) -> None:
    from lintpost.parse import front_matter

    assert front_matter(f"---\ntitle: x\n{front}\ntags:\n  - a\n---\nbody\n")["lang"] == lang


def test_a_front_matter_language_that_is_no_code_falls_back_to_the_text() -> None:
    from lintpost.api import lint_text

    text = "---\nlang: '{{ site.lang }}'\n---\n\nLe marché a reculé de 3 % et les investisseurs sont prudents.\n"
    assert any(d.rule == "unsourced-figure" for d in lint_text(text, path="post.md"))
