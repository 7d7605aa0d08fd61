from __future__ import annotations

from pathlib import Path

import pytest

from lintpost.config import ConfigError, ConfigFinder
from lintpost.diagnostic import Severity
from lintpost.registry import all_rules
from lintpost.runner import Options, Task, check_one

BAD = "Le marché pèse 20 milliards de dollars. L'AMF aurait immédiatement interdit la fusion.\n"


def _known() -> dict[str, dict[str, object]]:
    return {n: dict(r.options) for n, r in all_rules().items()}


def _rules_found(path: Path) -> list[tuple[str, str]]:
    finder = ConfigFinder(_known())
    result = check_one(Task(str(path), str(path), finder.for_path(path)), Options())
    return [(d.rule, d.severity.label) for d in result.diagnostics]


def test_pyproject_table_is_found_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lintpost]\nignore = ["unsourced-figure"]\n[tool.lintpost.rules.regulatory-assertion]\n'
        'severity = "error"\n', encoding="utf-8")
    (tmp_path / "posts" / "2025").mkdir(parents=True)
    draft = tmp_path / "posts" / "2025" / "a.md"
    draft.write_text(BAD, encoding="utf-8")
    assert _rules_found(draft) == [("regulatory-assertion", "error")]


def test_lintpost_toml_rules_off_and_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".lintpost.toml").write_text(
        '[rules]\nregulatory-assertion = false\n[per-file-ignores]\n"archive/*.md" = ["unsourced-figure"]\n',
        encoding="utf-8")
    (tmp_path / "archive").mkdir()
    old = tmp_path / "archive" / "old.md"
    old.write_text(BAD, encoding="utf-8")
    new = tmp_path / "new.md"
    new.write_text(BAD, encoding="utf-8")
    assert _rules_found(old) == []
    assert _rules_found(new) == [("unsourced-figure", "warning")]


def test_default_language_from_config(tmp_path: Path) -> None:
    (tmp_path / ".lintpost.toml").write_text('language = "en"\n', encoding="utf-8")
    draft = tmp_path / "a.md"
    draft.write_text("Short 12%.\n", encoding="utf-8")
    finder = ConfigFinder(_known())
    result = check_one(Task(str(draft), str(draft), finder.for_path(draft)), Options())
    assert result.language == "en"


def test_front_matter_language_wins_over_config(tmp_path: Path) -> None:
    (tmp_path / ".lintpost.toml").write_text('language = "en"\n', encoding="utf-8")
    draft = tmp_path / "a.md"
    draft.write_text("---\nlang: fr\n---\n\nCourt.\n", encoding="utf-8")
    finder = ConfigFinder(_known())
    assert check_one(Task(str(draft), str(draft), finder.for_path(draft)), Options()).language == "fr"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("colour = 1\n", "unknown key 'colour'"),
        ('fail-on = "loud"\n', "fail-on"),
        ('[rules.no-such-rule]\nenabled = true\n', "rules.no-such-rule"),
        ('[rules.duplicate-paragraph]\nthreshold = "high"\n', "rules.duplicate-paragraph.threshold"),
        ('[rules.duplicate-paragraph]\nsize = 3\n', "unknown key 'size'"),
        ('language = "de"\n', "language"),
        ("select = [1, 2]\n", "select"),
        ("not toml at all [\n", "not valid TOML"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, content: str, message: str) -> None:
    cfg = tmp_path / ".lintpost.toml"
    cfg.write_text(content, encoding="utf-8")
    draft = tmp_path / "a.md"
    draft.write_text(BAD, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        ConfigFinder(_known()).for_path(draft)
    assert str(cfg) in str(exc.value)
    assert message in str(exc.value)


def test_rule_options_reach_the_rule(tmp_path: Path) -> None:
    (tmp_path / ".lintpost.toml").write_text('[rules.duplicate-paragraph]\nmin-words = 3\n', encoding="utf-8")
    draft = tmp_path / "a.md"
    draft.write_text("Buy low, sell high.\n\nBuy low, sell high.\n", encoding="utf-8")
    assert ("duplicate-paragraph", "warning") in _rules_found(draft)


def test_extra_pack_folder_and_vocabulary(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    (pack / "fr").mkdir(parents=True)
    (pack / "fr" / "attribution.toml").write_text('outlets = ["La Gazette du Port"]\n', encoding="utf-8")
    (pack / "rules").mkdir()
    (pack / "rules" / "house-style.toml").write_text(
        'name = "house-style"\nkind = "substitution"\nseverity = "info"\nmessage = "écrivez \'{replacement}\'"\n'
        '[fr.swap]\n"impacter" = "toucher"\n', encoding="utf-8")
    (tmp_path / ".lintpost.toml").write_text(
        'packs = ["house"]\n[vocabulary.fr]\nhedges = ["à ce stade"]\n', encoding="utf-8")
    draft = tmp_path / "a.md"
    draft.write_text("La hausse va impacter les marges, soit 12 % de moins (La Gazette du Port).\n",
                     encoding="utf-8")
    found = _rules_found(draft)
    assert ("house-style", "info") in found
    assert not any(rule == "unsourced-figure" for rule, _ in found)


def test_fail_on_from_config(tmp_path: Path) -> None:
    (tmp_path / ".lintpost.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    finder = ConfigFinder(_known())
    assert finder.for_path(tmp_path / "x.md").fail_on is Severity.ERROR


def test_opt_in_rules_run_only_when_enabled_or_selected(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    draft.write_text("Le marché a montré une volatilitée inhabituelle cette semaine.\n", encoding="utf-8")
    assert not any(rule == "spelling" for rule, _ in _rules_found(draft))
    (tmp_path / ".lintpost.toml").write_text("[rules.spelling]\nenabled = true\n", encoding="utf-8")
    assert ("spelling", "info") in _rules_found(draft)
    finder = ConfigFinder(_known())
    (tmp_path / ".lintpost.toml").unlink()
    selected = check_one(Task(str(draft), str(draft), finder.for_path(draft)), Options(select=("spelling",)))
    assert [d.rule for d in selected.diagnostics] == ["spelling"]


def test_a_config_file_is_read_again_when_it_changes(tmp_path: Path) -> None:
    from lintpost.config import read_file

    path = tmp_path / "pyproject.toml"
    path.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert read_file(path) is None  # no [tool.lintpost], remembered as such
    assert read_file(path) is None
    path.write_text("[project]\nname = 'x'\n\n[tool.lintpost]\nlanguage = 'fr'\n", encoding="utf-8")
    cfg = read_file(path)
    assert cfg is not None and cfg.language == "fr"
    path.write_text("[tool.lintpost]\nlanguage = 'en'\nfail-on = 'error'\n", encoding="utf-8")
    cfg = read_file(path)
    assert cfg is not None and cfg.language == "en"
