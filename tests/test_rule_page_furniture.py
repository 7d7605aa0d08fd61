from __future__ import annotations

import pytest

from tests.extra_helpers import fixed
from tests.helpers import found, lint

RULE = "page-furniture"

POST_EN = """# Northjet beats estimates

Northjet reported revenue of $4.2bn, according to its quarterly statement.

Share  Like  Comment
12 comments

The shares rose 3% in early trading, according to Nasdaq data.
"""

POST_FR = """English Français Deutsch

# Kora Pay dépasse les attentes

Le chiffre d'affaires de Kora Pay a progressé de 12 %, selon son communiqué.

Lire la suite
Voir l'original
Télécharger l'application
"""


def test_english_run_is_one_finding_with_a_fix() -> None:
    assert found(POST_EN, RULE, lang="en") == ["Share  Like  Comment\n12 comments"]
    out = fixed(POST_EN, RULE, lang="en")
    assert "Share" not in out and "12 comments" not in out
    assert "according to its quarterly statement.\n\nThe shares rose" in out


def test_french_language_menu_and_links() -> None:
    hits = found(POST_FR, RULE, lang="fr")
    assert hits == ["English Français Deutsch", "Lire la suite\nVoir l'original\nTélécharger l'application"]
    out = fixed(POST_FR, RULE, lang="fr")
    assert out == ("# Kora Pay dépasse les attentes\n\n"
                   "Le chiffre d'affaires de Kora Pay a progressé de 12 %, selon son communiqué.\n")


@pytest.mark.parametrize(("text", "lang"), [
    ("0/400", "en"),
    ("NVDA +2.3%  AAPL −0.4%", "en"),
    ("We use cookies to improve your experience. By continuing to browse, you accept them. Accept all", "en"),
    ("Partager sur LinkedIn", "fr"),
    ("34 commentaires", "fr"),
])
def test_single_strong_lines(text: str, lang: str) -> None:
    assert found(f"Un paragraphe de contenu réel.\n\n{text}\n", RULE, lang=lang) == [text]


@pytest.mark.parametrize(("text", "lang"), [
    ("## Markets\n\nStocks fell on Monday.\n\n## News\n\nNorthjet hired a new chief executive.\n", "en"),
    ("- Share buybacks\n- Dividends\n- Debt reduction\n", "en"),
    ("## Commentaires\n\nLes commentaires de la direction étaient prudents.\n", "fr"),
    ("Publicité\n\nKora Pay finance cet article.\n", "fr"),
    ("- Partager\n- Épargner\n", "fr"),
    ("```\nShare Like Comment\n12 comments\n```\n", "en"),
    ("Lire la suite de l'analyse dans la deuxième partie, publiée demain.\n", "fr"),
])
def test_content_lines_are_left_alone(text: str, lang: str) -> None:
    assert found(text, RULE, lang=lang) == []


def test_fix_is_reported_as_fixable() -> None:
    result = lint(POST_EN, lang="en", select=(RULE,))
    assert all(d.fix is not None for d in result.diagnostics)
