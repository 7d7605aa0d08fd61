from __future__ import annotations

from pathlib import Path

import pytest

from lintpost.config import Config, RuleSettings
from tests.helpers import found, lint

RULE = "spelling"


def test_english_typos_with_suggestions() -> None:
    text = "The company calcualted its margin and the results occured early."
    result = lint(text, lang="en", select=(RULE,))
    assert [d.excerpt for d in result.diagnostics] == ["calcualted", "occured"]
    assert "« calculated »" in (result.diagnostics[0].help or "")
    assert "« occurred »" in (result.diagnostics[1].help or "")


def test_french_typos_with_suggestions() -> None:
    text = "Les investiseurs ont vendu, la pérenité du modèle est en doute."
    result = lint(text, lang="fr", select=(RULE,))
    assert [d.excerpt for d in result.diagnostics] == ["investiseurs", "pérenité"]
    assert (result.diagnostics[1].help or "").startswith("did you mean « pérennité »")


def test_at_most_three_suggestions() -> None:
    result = lint("The tht of it.", lang="en", select=(RULE,))
    help_text = result.diagnostics[0].help or ""
    assert 1 <= help_text.count("«") <= 3


@pytest.mark.parametrize("text", [
    "Northjet and Kora Pay are chipmakers' rivals; $NVDA and #AI trended.",
    "@jane_roe wrote to ir@northjet.com about it.",
    "The stablecoin depegged while hyperscalers bought GPUs; staking and DeFi yields fell 3x in Q3 2024.",
    "Read the filing at https://example.com/filings/q3-reprot and run `pip instal lintpost`.",
    "The memecoin rally and the ETF inflows lifted the S&P 500 to a record; see [the chart](https://x.io/chrt).",
    "It's the company's best quarter, and investors don't expect a selloff.",
])
def test_english_negatives(text: str) -> None:
    assert found(text, RULE, lang="en") == []


@pytest.mark.parametrize("text", [
    "L'investisseur qu'on dit prudent n'a pas vendu d'actions aujourd'hui.",
    "Le PEA, l'assurance-vie et les SCPI restent des placements populaires ; les plus-values sont taxées.",
    "Les néobanques et les cryptomonnaies séduisent ; le staking de stablecoins aussi.",
    "Les dividendes sont fiscalement avantageux, artificiellement gonflés et difficilement comparables.",
    "Jusqu'à présent, c'est-à-dire depuis lundi, quelqu'un achète à chaque baisse.",
    "Un clin d’œil aux épargnants : les œufs dans plusieurs paniers.",
])
def test_french_negatives(text: str) -> None:
    assert found(text, RULE, lang="fr") == []


def test_vocabulary_accept_from_config() -> None:
    text = "The tokenholders voted."
    assert found(text, RULE, lang="en") == ["tokenholders"]
    cfg = Config(vocabulary={"accept": {"words": ["tokenholders"]}})
    assert found(text, RULE, lang="en", config=cfg) == []


def test_accept_files_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    vocab = tmp_path / "styles" / "vocab.txt"
    vocab.write_text("# house words\ntokenholders?\nnorthjetters\n", encoding="utf-8")
    cfg = Config(root=tmp_path, rules={RULE: RuleSettings(options={"accept-files": ["styles/vocab.txt"]})})
    assert found("The tokenholder and the northjetters voted.", RULE, lang="en", config=cfg) == []
    assert found("The tokenholders voted.", RULE, lang="en", config=cfg) == []


def test_each_distinct_word_reported_at_each_place() -> None:
    assert found("We recieve this and recieve that.", RULE, lang="en") == ["recieve", "recieve"]


def test_british_spellings_are_accepted() -> None:
    text = "The decentralised exchanges were analysed; the colours of the centre travelled well."
    assert found(text, RULE, lang="en") == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_dictionary_cached_as_plain_data_gives_the_same_answers(
    lang: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from spellchecker import SpellChecker

    from lintpost.checks import spelling

    monkeypatch.setenv("LINTPOST_CACHE_DIR", str(tmp_path))
    spelling.dictionary.cache_clear()
    try:
        built = spelling.dictionary(lang)  # builds, then writes the cache
        assert list(tmp_path.glob(f"spelling-{lang}-*.marshal"))
        spelling.dictionary.cache_clear()
        restored = spelling.dictionary(lang)  # read back from the cache
    finally:
        spelling.dictionary.cache_clear()
    reference = SpellChecker(language=lang, distance=2)
    words = ["house", "maison", "investisseurs", "calcualted", "pérenité", "xqzt", "occured"]
    for spell in (built, restored):
        assert spell.known(words) == reference.known(words)
        assert spell.candidates("calcualted") == reference.candidates("calcualted")
        assert spell.word_frequency.unique_words == reference.word_frequency.unique_words
        assert spell.word_frequency.letters == reference.word_frequency.letters


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\xe9\x00\x00\x00"])
def test_a_damaged_dictionary_cache_is_rebuilt(
    content: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from spellchecker import __version__

    from lintpost.checks import spelling

    monkeypatch.setenv("LINTPOST_CACHE_DIR", str(tmp_path))
    path = tmp_path / f"spelling-en-pyspellchecker{__version__}.marshal"
    path.write_bytes(content)
    spelling.dictionary.cache_clear()
    try:
        assert spelling.dictionary("en").known(["house"]) == {"house"}
    finally:
        spelling.dictionary.cache_clear()
    assert path.stat().st_size > 1000  # written anew


def test_no_dictionary_cache_when_caching_is_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from lintpost.checks import spelling

    monkeypatch.setenv("LINTPOST_NO_CACHE", "1")
    monkeypatch.setenv("LINTPOST_CACHE_DIR", str(tmp_path))
    spelling.dictionary.cache_clear()
    try:
        assert spelling.dictionary("en").known(["house"]) == {"house"}
    finally:
        spelling.dictionary.cache_clear()
    assert not list(tmp_path.iterdir())
