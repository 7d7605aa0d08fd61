from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lintpost.checks import readability
from lintpost.config import Config, RuleSettings
from tests.extra_helpers import messages
from tests.helpers import found

RULE = "readability"

LONG_EN = ("The fund, which invests in listed European infrastructure companies that have signed long-term "
           "contracts with public authorities in at least three countries, aims to pay a growing dividend "
           "while keeping its volatility below that of the broad market over a full economic cycle.")
LONG_FR = ("Le fonds, qui investit dans des sociétés européennes d'infrastructures cotées ayant signé des "
           "contrats de long terme avec des autorités publiques dans au moins trois pays, cherche à verser "
           "un dividende croissant tout en gardant une volatilité inférieure à celle du marché sur un cycle.")
DENSE_EN = ("Notwithstanding considerable macroeconomic uncertainty, institutional investors "
            "increasingly characterise infrastructure securitisation as an indispensable "
            "diversification instrument. ") * 12
DENSE_FR = ("Nonobstant d'importantes incertitudes macroéconomiques, les investisseurs institutionnels "
            "considèrent systématiquement la titrisation d'infrastructures comme indispensable. ") * 12
EASY_EN = "The shares fell. Sales were weak. The firm cut its costs. We will see what comes next. " * 10
EASY_FR = "Le titre a baissé. Les ventes ont reculé. La société réduit ses coûts. On verra la suite. " * 10


@pytest.mark.parametrize(("text", "lang"), [(LONG_EN, "en"), (LONG_FR, "fr")])
def test_long_sentence(text: str, lang: str) -> None:
    (msg,) = messages(text, RULE, lang=lang)
    assert msg.startswith("sentence of 4") and "more than 40" in msg


@pytest.mark.parametrize(("text", "lang", "formula"), [
    (DENSE_EN, "en", "Flesch"), (DENSE_FR, "fr", "Kandel-Moles"),
])
def test_low_reading_ease(text: str, lang: str, formula: str) -> None:
    msgs = messages(text, RULE, lang=lang)
    assert any(m.startswith("hard to read") and formula in m for m in msgs)
    assert any(m.startswith("paragraph of") for m in msgs)


@pytest.mark.parametrize(("text", "lang"), [(EASY_EN, "en"), (EASY_FR, "fr")])
def test_plain_prose_passes(text: str, lang: str) -> None:
    # A 160-word paragraph of short sentences: only the paragraph length is over its limit.
    assert [m for m in messages(text, RULE, lang=lang) if not m.startswith("paragraph of")] == []


def test_thresholds_come_from_config() -> None:
    cfg = Config(rules={RULE: RuleSettings(options={"max-sentence-words": 60, "max-paragraph-words": 400})})
    assert found(LONG_EN, RULE, lang="en", config=cfg) == []
    assert found(EASY_FR, RULE, lang="fr", config=cfg) == []
    cfg = Config(rules={RULE: RuleSettings(options={"min-reading-ease": 200.0, "max-paragraph-words": 400})})
    assert any(m.startswith("hard to read") for m in messages(EASY_EN, RULE, lang="en", config=cfg))


def test_short_posts_get_no_score() -> None:
    assert found(DENSE_EN[:300], RULE, lang="en") == []


def test_nltk_data_dirs_follow_nltk_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NLTK_DATA", f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}")
    dirs = readability.nltk_data_dirs()
    assert dirs[:2] == [str(tmp_path / "a"), str(tmp_path / "b")]
    assert os.path.join(sys.prefix, "share", "nltk_data") in dirs


@pytest.mark.parametrize("name", ["cmudict", "cmudict.zip"])
def test_cmudict_found_on_disk_unpacked_or_zipped(tmp_path: Path, name: str) -> None:
    assert not readability.cmudict_in([str(tmp_path)])
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora" / name).touch()
    assert readability.cmudict_in([str(tmp_path / "missing"), str(tmp_path)])


def test_nltk_is_imported_only_when_its_cmudict_is_there() -> None:
    code = (
        "import sys\n"
        "from lintpost.checks import readability\n"
        "readability.reading_ease('The fund pays a dividend. It grows.', 'en', ['The', 'fund'], 2)\n"
        "print('nltk' in sys.modules, readability._has_cmudict())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == out[1]
