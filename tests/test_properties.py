"""Properties over arbitrary Unicode and generated Markdown: no rule raises, every position is
exact, the JSON report follows the schema, and fixes are idempotent and stay inside their edits.

Run many more examples with LINTPOST_HYPOTHESIS_PROFILE=fuzz, or fuzz/run.py.
"""

from __future__ import annotations

import unicodedata

import invariants
import pytest
import strategies
from hypothesis import example, given
from hypothesis import strategies as st

from lintpost.config import Config
from lintpost.diagnostic import Edit
from lintpost.engine import FileResult

HOUSE_RULE = """\
name = "house-style"
kind = "substitution"
message = "write '{replacement}' rather than '{match}'"
[fr.swap]
"très volatils" = "volatils"
"réglementation" = "règlementation"
[en.swap]
"tripled" = "grew threefold"
"""


@pytest.fixture(scope="module")
def fixing_config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """Every kind of fix: duplicate removal, a house disclaimer, a substitution data rule."""
    pack = tmp_path_factory.mktemp("pack")
    (pack / "rules").mkdir()
    (pack / "rules" / "house.toml").write_text(HOUSE_RULE, encoding="utf-8")
    return Config(packs=(pack,), disclaimers={"fr": "Ceci n'est pas un conseil en investissement.",
                                             "en": "This is not investment advice."})


@strategies.scaled(0.7)
@given(text=strategies.drafts(), path=st.sampled_from(("post.md", "post.txt", "notes.markdown")),
       lang=st.sampled_from((None, "fr", "en")))
@example(text="", path="post.md", lang=None)
@example(text="a\r\n\r\nb 12 %\r", path="post.txt", lang="fr")
@example(text="[" * 300 + "]" * 300, path="post.md", lang=None)
@example(text="<!--" * 200, path="post.md", lang="en")
@example(text="{{ {% " * 200, path="post.md", lang="fr")
@example(text="---\nlang: fr\n---", path="post.md", lang=None)
def test_any_draft_keeps_every_invariant(text: str, path: str, lang: str | None) -> None:
    invariants.check_text(text, path=path, lang=lang, fixes=False)


@strategies.scaled(0.3)
@given(text=strategies.markdown())
def test_fixes_are_idempotent_and_local(fixing_config: Config, text: str) -> None:
    invariants.check_text(text, fixing_config)


def test_the_fixing_strategy_really_produces_fixes(fixing_config: Config) -> None:
    # Guards the property above from passing vacuously.
    text = ("Revenue tripled to €450 million, analysts say. The SEC will block the merger.\n\n"
            "Bitcoin rose 45% this quarter as ETF inflows reached $2.1 billion, said Reuters.\n\n"
            "Bitcoin rose 45% this quarter as ETF inflows reached $2.1 billion, said Reuters.\n")
    result = invariants.check_text(text, fixing_config)
    fixed = {d.rule for d in result.diagnostics if d.fix is not None}
    assert {"house-style", "duplicate-paragraph"} <= fixed


@strategies.scaled(0.3)
@given(text=strategies.markdown())
def test_decomposed_accents_find_what_composed_accents_find(text: str) -> None:
    composed = unicodedata.normalize("NFC", text)
    decomposed = unicodedata.normalize("NFD", text)
    a = invariants.check_text(composed, fixes=False)
    b = invariants.check_text(decomposed, fixes=False)
    assert a.language == b.language
    # Vocabulary and word matching see both forms alike. The figure rule's context heuristics
    # ("is the letter before this number part of a name?") still read code points: excluded.
    assert _rules(a) == _rules(b)


def _rules(result: FileResult) -> list[str]:
    return sorted(d.rule for d in result.diagnostics if d.rule != "unsourced-figure")


def test_position_helper_counts_every_line_ending() -> None:
    text = "ab\r\ncd\ref\ngh"
    assert invariants.position(text, 0) == (1, 1)
    assert invariants.position(text, 4) == (2, 1)
    assert invariants.position(text, 7) == (3, 1)
    assert invariants.position(text, 10) == (4, 1)
    assert invariants.position(text, 12) == (4, 3)


def test_the_invariants_catch_a_wrong_excerpt() -> None:
    from lintpost.diagnostic import Diagnostic, Severity

    good = Diagnostic("x-rule", Severity.INFO, "m", 4, 6, line=2, column=1, end_line=2, end_column=3,
                      excerpt="cd")
    invariants.check_diagnostic("ab\r\ncd", good)
    with pytest.raises(invariants.Broken):
        invariants.check_diagnostic("ab\r\ncd", Diagnostic("x-rule", Severity.INFO, "m", 4, 6, line=1,
                                                          column=5, end_line=2, end_column=3, excerpt="cd"))
    with pytest.raises(invariants.Broken):
        invariants.check_span("ab\r\ncd", 3, 4, "split CRLF")


def test_apply_edits_reference() -> None:
    edits = [Edit(4, 6, "XY"), Edit(0, 1, "")]
    assert invariants.apply_edits("ab\r\ncd!", edits) == "b\r\nXY!"

