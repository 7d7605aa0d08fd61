from __future__ import annotations

from tests.helpers import found, lint

RULE = "duplicate-paragraph"

P1 = "Bitcoin fell 12% this week as outflows from spot funds accelerated and miners sold reserves."
P2 = "The selling pressure eased on Friday, when the largest fund reported its first inflow in a month."
P3 = "Le marché obligataire a retrouvé son calme après une semaine agitée par les annonces budgétaires."


def _diags(text: str, path: str = "post.md", lang: str = "en") -> list:  # type: ignore[type-arg]
    return [d for d in lint(text, lang=lang, path=path, select=(RULE,)).diagnostics if d.rule == RULE]


def test_exact_copy_flags_the_later_one_with_related_first() -> None:
    text = f"{P1}\n\n{P2}\n\n{P1}\n"
    [d] = _diags(text)
    assert d.line == 5
    assert d.excerpt == P1
    assert d.related[0].line == 1
    assert "first at line 1" in d.message


def test_near_copy_with_a_few_words_changed() -> None:
    changed = P1.replace("accelerated", "sped up").replace("Bitcoin", "bitcoin")
    [d] = _diags(f"{P1}\n\n{P2}\n\n{changed}\n")
    assert "nearly" in d.message


def test_different_paragraphs_are_not_flagged() -> None:
    assert _diags(f"{P1}\n\n{P2}\n") == []


def test_short_blocks_headings_and_code_are_ignored() -> None:
    text = "## Sources\n\nRead more here.\n\n```\nsame code block in both places here\n```\n\n## Sources\n\n" \
           "Read more here.\n\n```\nsame code block in both places here\n```\n"
    assert _diags(text) == []


def test_whole_article_pasted_twice_is_one_finding() -> None:
    article = f"# Title\n\n{P1}\n\n## Part two\n\n{P2}\n\n{P3}\n"
    text = article + "\n" + article
    [d] = _diags(text)
    assert "3 consecutive paragraphs" in d.message
    assert d.excerpt.startswith(P1) and d.excerpt.endswith(P3)


def test_plain_text_one_paragraph_per_line() -> None:
    text = f"{P1}\n{P2}\n{P1}\n"
    [d] = _diags(text, path="post.txt")
    assert d.line == 3


def test_formulas_are_not_paragraphs() -> None:
    f1 = "*(1 - rate) * 25 = rate * [(1 + interest)^years - 1] / interest*"
    f2 = "*(1 + interest)^years = ((1 - rate) * 25 * interest / rate) + 1*"
    assert _diags(f"{f1}\n\n{f2}\n") == []


def test_fix_removes_the_copy() -> None:
    text = f"{P1}\n\n{P2}\n\n{P1}\n"
    [d] = _diags(text)
    assert d.fix is not None
    [edit] = d.fix.edits
    fixed = text[: edit.offset] + edit.replacement + text[edit.end_offset :]
    assert fixed == f"{P1}\n\n{P2}\n"


def test_french_and_other_languages_work() -> None:
    assert len(_diags(f"{P3}\n\n{P2}\n\n{P3}\n", lang="fr")) == 1


def test_parallel_short_lines_and_headings_restated_in_a_list_are_not_copies() -> None:
    text = (
        "Si vous retirez de l'argent de votre PEA **avant ses cinq ans** :\n\n"
        "Les gains sont imposés et le plan est clôturé dans la plupart des cas.\n\n"
        "Si vous retirez de l'argent de votre PEA **après ses cinq ans** :\n\n"
        "Les gains sont exonérés d'impôt sur le revenu et le plan reste ouvert.\n\n"
        "### Si vous n'avez pas de fonds d'urgence\n\n"
        "Gardez toujours un coussin de sécurité avant de rembourser vos dettes.\n\n"
        "Les exceptions :\n\n"
        "- Si vous n'avez pas de fonds d'urgence\n"
    )
    assert found(text, "duplicate-paragraph", lang="fr") == []


def test_a_short_paragraph_repeated_word_for_word_is_still_a_copy() -> None:
    line = "Les gains sont exonérés d'impôt sur le revenu."
    assert len(found(f"{line}\n\nAutre chose entre les deux paragraphes ici.\n\n{line}\n", "duplicate-paragraph",
                     lang="fr")) == 1


def test_short_parallel_sentences_with_other_numbers_are_not_copies() -> None:
    text = (
        "The max retirement contribution amount for IRA, HSA and 401(k) for 2022 is $30,150 in total.\n\n"
        "Some other paragraph that sits between the two sentences here.\n\n"
        "The max retirement contribution amount for IRA, HSA and 401(k) for 2023 is $32,850 in total.\n"
    )
    assert found(text, "duplicate-paragraph", lang="en") == []
