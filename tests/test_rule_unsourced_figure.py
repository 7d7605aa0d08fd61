from __future__ import annotations

import pytest

from tests.helpers import found, lint

RULE = "unsourced-figure"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le marché pèse 20 milliards de dollars cette année.", ["20 milliards de dollars"]),
        ("La société a levé 20 Md$ puis 20 Mds € auprès de fonds.", ["20 Md$", "20 Mds €"]),
        ("Le ticket d'entrée est de 1\u00a0000\u00a0€ pour les particuliers.", ["1\u00a0000\u00a0€"]),
        ("Le titre a pris 4,5\u202f% dans la journée.", ["4,5\u202f%"]),
        ("Ces puces sont dix fois plus rapides que la génération précédente.", ["dix fois plus"]),
        ("Le groupe vise 4-5 millions de clients en Europe.", ["4-5 millions"]),
        ("Le groupe vise 4 à 5 millions de clients en Europe.", ["4 à 5 millions"]),
        ("L'entreprise emploie 5\u00a0000 salariés dans le monde.", ["5\u00a0000 salariés"]),
        ("Le chiffre d'affaires a été multiplié par 6 en trois ans.", ["multiplié par 6"]),
        ("Ils contrôlent plus de la moitié des surfaces de vente.", ["plus de la moitié des"]),
        ("Le marché est estimé à 255 milliards de dollars d'ici 2030.", ["255 milliards de dollars"]),
    ],
)
def test_french_figures(text: str, expected: list[str]) -> None:
    assert found(text, RULE, lang="fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company is worth $20bn after the round.", ["$20bn"]),
        ("Revenue reached $20 billion, up 18% on the year.", ["$20 billion", "18%"]),
        ("Its new chip is 10x faster and three times cheaper to run.", ["10x", "three times cheaper"]),
        ("The lender has 2,300 employees and 900,000 customers.", ["2,300 employees", "900,000 customers"]),
        ("Bitcoin traded between $65K and $70K all week.", ["$65K", "$70K"]),
        ("Sales tripled and a third of the buyers were new.", ["tripled", "a third of"]),
        ("The index closed at 6768 after touching 6900 in the morning.", ["6768", "6900"]),
    ],
)
def test_english_figures(text: str, expected: list[str]) -> None:
    assert found(text, RULE, lang="en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The S&P 500 and the CAC 40 both closed higher, while GPT-4 and the H100 made headlines.",
        "In 2024 the firm moved its headquarters, on 14 May 2025 at 10:30 it said so again.",
        "It was the 3rd time this year, and the 21st century has only started.",
        "Boeing 737 and Airbus A320 orders are a theme of the 10-year plan in the 1990s.",
        "Say you put $100 in a fund every month for a decade.",
        "If you invest $1,000 today, you will have about $1,100 next year at that rate.",
        "Save 10% of your income every month before you spend anything.",
        "Step 3: open an account. Then go to question 5 of the form.",
        "According to Reuters, the company lost 12% of its customers in 2024.",
        "Revenue grew 14% last year, Northjet said in a statement.",
        "Revenue grew 14% last year [1].",
        "Revenue grew 14% last year ([source](https://example.com/report)).",
    ],
)
def test_english_non_figures_and_sourced(text: str) -> None:
    assert found(text, RULE, lang="en") == []


@pytest.mark.parametrize(
    "text",
    [
        "Selon l'Insee, les prix ont augmenté de 1,2 % sur un an.",
        "D'après Morningstar, la moyenne du secteur ressort à 15 fois les bénéfices.",
        "Le groupe Vallorne a annoncé un dividende de 1,40 € par action.",
        "Si vous investissez 1 000 € aujourd'hui, vous toucherez environ 32 € par an.",
        "Épargnez 10 % de vos revenus chaque mois.",
        "Le SBF 120 et le CAC 40 ont fini en hausse en 2024.",
        "Tout démarre en 1673 avec la caisse des invalides de la marine.",
        "Il a vécu à l'étranger pendant 10 ans avant de revenir.",
    ],
)
def test_french_non_figures_and_sourced(text: str) -> None:
    assert found(text, RULE, lang="fr") == []


def test_vague_attribution_is_not_a_source() -> None:
    result = lint("Selon des experts, le titre pourrait gagner 30 % d'ici l'été.", lang="fr", select=(RULE,))
    assert [d.excerpt for d in result.diagnostics] == ["30 %"]
    assert "vague" in result.diagnostics[0].message
    assert found("Analysts say the stock could reach $12 next year.", RULE, lang="en") == ["$12"]


def test_selon_meaning_depending_on_is_not_a_source() -> None:
    assert found("Un studio vaut 20 à 30 ans de loyer selon le lieu.", RULE, lang="fr") == ["20 à 30 ans"]


def test_paragraph_lead_attribution_covers_the_paragraph() -> None:
    text = "D'après le rapport annuel de Kora : le groupe compte 40 agences. Il emploie 900 personnes."
    assert found(text, RULE, lang="fr") == []


def test_source_caption_under_a_table_covers_it() -> None:
    table = "| Fonds | Flux |\n|---|---|\n| Alpha | +2,1 Md€ |\n| Beta | +640 M€ |\n\nSource : émetteurs.\n"
    assert found(table, RULE, lang="fr") == []
    assert found(table.replace("Source : émetteurs.\n", ""), RULE, lang="fr") == [
        "+2,1 Md€ |\n| Beta | +640 M€ |"
    ]


def test_a_repeated_figure_is_flagged_once() -> None:
    text = "Le titre a pris 12 % lundi.\n\nAvec 12 % lundi, c'est un record."
    assert found(text, RULE, lang="fr") == ["12 %"]


def test_headings_come_after_the_body_for_repeats() -> None:
    text = "# Une participation de 49 %\n\nVoltéo a annoncé le rachat de 49 % de Brisant.\n"
    assert found(text, RULE, lang="fr") == []


def test_small_labels_and_thread_numbering_are_not_figures() -> None:
    text = "1/ Everyone is talking about it.\n2/ Batch 3 holders sold, and Season 2 starts."
    assert found(text, RULE, lang="en", path="thread.txt") == []


def test_code_and_urls_are_never_checked() -> None:
    text = "Run `buy 100 shares` or see https://example.com/50-percent-off today.\n"
    assert found(text, RULE, lang="en") == []


def test_message_names_the_kind_of_figure() -> None:
    result = lint("Prices fell 9% and the firm has 2,300 employees.", lang="en", select=(RULE,))
    assert [d.message for d in result.diagnostics] == ["percentage with no source", "count with no source"]


def test_a_source_column_sources_the_table() -> None:
    table = "| Fonds | Flux | Source |\n|---|---|---|\n| Alpha | +2,1 Md€ | émetteur |\n| Beta | +640 M€ | AMF |\n"
    assert found(table, RULE, lang="fr") == []
