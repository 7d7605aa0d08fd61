"""duplicate-across-files: paragraphs pasted between posts, found with --across-files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lintpost.across import _similarity, exact_hash, signature, words
from lintpost.cli import app

PASTED = ("The central bank kept its main rate unchanged at the March meeting, and the governor said "
          "that further cuts would depend on how quickly services inflation comes down this spring.")
OTHER_A = ("Our portfolio added a small position in a regional lender after its shares fell sharply, "
           "because the balance sheet looks sturdier than the market seems to believe right now.")
OTHER_B = ("Le marché immobilier reste calme dans les grandes villes, où les acheteurs attendent une "
           "nouvelle baisse des taux avant de signer, tandis que les vendeurs refusent de baisser "
           "leurs prix.")
SHORT = "Thanks for reading, see you next week."


def _write(path: Path, *paragraphs: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# A post\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _check(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["check", "--format", "json", "-j", "1", *args])
    return result.exit_code, json.loads(result.stdout)


def _across(report: dict) -> dict[str, list[dict]]:
    return {f["path"]: [d for d in f["diagnostics"] if d["rule"] == "duplicate-across-files"]
            for f in report["files"]}


def test_exact_copy_is_flagged_on_the_later_file_with_the_first_copy_related(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.md", OTHER_A, PASTED)
    b = _write(tmp_path / "b.md", OTHER_B, PASTED, SHORT)
    # Given in reverse order: the original is still the first file by path.
    _, report = _check("--across-files", str(b), str(a))
    found = _across(report)
    assert found[str(a)] == []
    [d] = found[str(b)]
    assert d["excerpt"] == PASTED
    assert (d["line"], d["column"]) == (5, 1)
    assert "word for word" in d["message"] and "nearly" not in d["message"]
    [rel] = d["related"]
    assert rel["path"] == str(a)
    assert (rel["line"], rel["column"], rel["end_line"], rel["end_column"]) == (5, 1, 5, len(PASTED) + 1)


def test_near_copy_and_runs_of_paragraphs(tmp_path: Path) -> None:
    near = PASTED.replace("unchanged", "steady")
    a = _write(tmp_path / "a.md", PASTED, OTHER_A, OTHER_B)
    b = _write(tmp_path / "b.md", near)
    c = _write(tmp_path / "c.md", SHORT, PASTED, OTHER_A)
    _, report = _check("--across-files", str(tmp_path))
    found = _across(report)
    [d] = found[str(b)]
    assert "nearly word for word" in d["message"]
    [run] = found[str(c)]
    assert run["message"].startswith("2 consecutive paragraphs repeat")
    assert run["excerpt"] == f"{PASTED}\n\n{OTHER_A}"
    assert run["related"][0]["path"] == str(a)
    assert (run["related"][0]["line"], run["related"][0]["end_line"]) == (3, 5)
    assert found[str(a)] == []


def test_not_run_without_the_flag_and_obeys_ignore_and_suppressions(tmp_path: Path) -> None:
    _write(tmp_path / "a.md", PASTED)
    b = _write(tmp_path / "b.md", OTHER_A, PASTED)
    _, plain = _check(str(tmp_path))
    assert _across(plain)[str(b)] == []
    _, ignored = _check("--across-files", "--ignore", "duplicate-across-files", str(tmp_path))
    assert _across(ignored)[str(b)] == []
    _, only_it = _check("--across-files", "--select", "duplicate-across-files", str(tmp_path))
    assert {d["rule"] for f in only_it["files"] for d in f["diagnostics"]} == {"duplicate-across-files"}
    comment = "<!-- lintpost-disable-next-line duplicate-across-files -->\n"
    _write(tmp_path / "b.md", OTHER_A, comment + PASTED)
    _, silenced = _check("--across-files", str(tmp_path))
    assert _across(silenced)[str(b)] == []


def test_short_paragraphs_code_and_boilerplate_are_not_copies(tmp_path: Path) -> None:
    code = "```\n" + PASTED + "\n```"
    footer = ("Subscribe to the weekly letter for more ideas on saving, investing and retiring early, "
              "delivered every Sunday morning to your inbox for free.")
    paths = [_write(tmp_path / f"{i}.md", SHORT, code, footer) for i in range(7)]
    _, report = _check("--across-files", str(tmp_path))
    assert all(_across(report)[str(p)] == [] for p in paths)
    # The same footer in only two posts is a copy.
    _, two = _check("--across-files", str(paths[0]), str(paths[1]))
    assert [d["excerpt"] for d in _across(two)[str(paths[1])]] == [footer]


def test_rule_is_listed_and_selectable() -> None:
    result = CliRunner().invoke(app, ["rules"])
    assert "duplicate-across-files" in result.stdout
    bad = CliRunner().invoke(app, ["check", "--select", "duplicate-across-filez", "."])
    assert bad.exit_code == 2


def test_fingerprints_are_stable_and_tolerate_small_edits() -> None:
    a, b = words(PASTED), words(PASTED.replace("unchanged", "steady"))
    assert exact_hash(a) == exact_hash(words(PASTED.upper()))
    assert exact_hash(a) != exact_hash(b)
    sa, sb, sc = signature(a), signature(b), signature(words(OTHER_A))
    assert sa == signature(list(a))
    same, different = _similarity(sa, sb), _similarity(sa, sc)
    assert same >= 0.6 > 0.2 >= different
