"""Suppression comments: every form, in Markdown and plain text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import lint

FIG = "The token gained 45% in a single week."
FIG2 = "Its rival lost 30% over the same week."
FIG3 = "Ether climbed 12% during the session."
DUP = "The garden club met again this week and the volunteers planted new roses along the path."
PATHS = ["post.md", "post.txt"]


def figures(text: str, path: str) -> list[int]:
    """Lines of the unsourced-figure findings."""
    return [d.line for d in lint(text, lang="en", path=path).diagnostics if d.rule == "unsourced-figure"]


def rules(text: str, path: str) -> list[tuple[str, int]]:
    return [(d.rule, d.line) for d in lint(text, lang="en", path=path).diagnostics]


@pytest.mark.parametrize("path", PATHS)
def test_baseline_without_comments(path: str) -> None:
    assert figures(f"{FIG}\n\n{FIG2}\n", path) == [1, 3]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("names", ["unsourced-figure", "", "duplicate-paragraph, unsourced-figure"])
def test_disable_enable_block(path: str, names: str) -> None:
    text = f"{FIG}\n\n<!-- lintpost-disable {names} -->\n\n{FIG2}\n\n<!-- lintpost-enable -->\n\n{FIG3}\n"
    assert figures(text, path) == [1, 9]


@pytest.mark.parametrize("path", PATHS)
def test_disable_without_enable_runs_to_the_end(path: str) -> None:
    text = f"{FIG}\n\n<!-- lintpost-disable unsourced-figure -->\n\n{FIG2}\n\n{FIG3}\n"
    assert figures(text, path) == [1]


@pytest.mark.parametrize("path", PATHS)
def test_enable_with_a_name_closes_only_that_rule(path: str) -> None:
    text = (f"<!-- lintpost-disable unsourced-figure, duplicate-paragraph -->\n\n{DUP}\n\n"
            f"<!-- lintpost-enable duplicate-paragraph -->\n\n{FIG}\n\n{DUP}\n")
    found = rules(text, path)
    assert ("duplicate-paragraph", 9) in found
    assert not [r for r in found if r[0] == "unsourced-figure"]


@pytest.mark.parametrize("path", PATHS)
def test_a_named_rule_leaves_the_others(path: str) -> None:
    text = f"<!-- lintpost-disable duplicate-paragraph -->\n\n{FIG}\n\n{DUP}\n\n{DUP}\n"
    assert [r for r in rules(text, path) if r[0] != "language"] == [("unsourced-figure", 3)]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("names", ["unsourced-figure", ""])
def test_disable_next_line(path: str, names: str) -> None:
    text = f"<!-- lintpost-disable-next-line {names} -->\n{FIG}\n\n{FIG2}\n"
    assert figures(text, path) == [4]


@pytest.mark.parametrize("path", PATHS)
def test_disable_next_line_skips_blank_lines(path: str) -> None:
    text = f"<!-- lintpost-disable-next-line unsourced-figure -->\n\n\n{FIG}\n\n{FIG2}\n"
    assert figures(text, path) == [6]


@pytest.mark.parametrize("path", PATHS)
def test_disable_next_line_at_the_end_silences_nothing(path: str) -> None:
    assert figures(f"{FIG} <!-- lintpost-disable-next-line -->", path) == [1]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("names", ["unsourced-figure", ""])
def test_disable_line(path: str, names: str) -> None:
    text = f"{FIG} <!-- lintpost-disable-line {names} -->\n\n{FIG2}\n"
    assert figures(text, path) == [3]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("names", ["unsourced-figure", ""])
def test_disable_file_anywhere(path: str, names: str) -> None:
    text = f"{FIG}\n\n{FIG2}\n\n<!-- lintpost-disable-file {names} -->\n"
    assert figures(text, path) == []


@pytest.mark.parametrize("path", PATHS)
def test_disable_file_for_one_rule_keeps_the_others(path: str) -> None:
    text = f"<!-- lintpost-disable-file unsourced-figure -->\n\n{FIG}\n\n{DUP}\n\n{DUP}\n"
    assert [r for r in rules(text, path) if r[0] != "language"] == [("duplicate-paragraph", 7)]


@pytest.mark.parametrize("path", PATHS)
def test_a_multi_line_finding_is_silenced_by_its_first_line(path: str) -> None:
    para = DUP.replace(" and ", "\nand ")
    first, second = para.split("\n")
    assert ("duplicate-paragraph", 4) in rules(f"{para}\n\n{para}\n", path)
    silenced = f"{para}\n\n{first} <!-- lintpost-disable-line duplicate-paragraph -->\n{second}\n"
    assert not [r for r in rules(silenced, path) if r[0] == "duplicate-paragraph"]
    too_late = f"{para}\n\n{first}\n{second} <!-- lintpost-disable-line duplicate-paragraph -->\n"
    assert [r for r in rules(too_late, path) if r[0] == "duplicate-paragraph"]


@pytest.mark.parametrize("path", PATHS)
def test_disable_next_line_right_above_a_paragraph(path: str) -> None:
    # In plain text the comment line belongs to the paragraph below it; the finding still goes.
    text = f"{DUP}\n\n<!-- lintpost-disable-next-line duplicate-paragraph -->\n{DUP}\n"
    assert not [r for r in rules(text, path) if r[0] == "duplicate-paragraph"]


@pytest.mark.parametrize("path", PATHS)
def test_unknown_names_are_reported_where_they_are(path: str) -> None:
    text = f"{FIG}\n<!-- lintpost-disable-line unsourced-figur -->\n"
    result = lint(text, lang="en", path=path)
    (d,) = [d for d in result.diagnostics if d.rule == "suppression-comment"]
    assert d.excerpt == "unsourced-figur"
    assert (d.line, d.column) == (2, text.split("\n")[1].index("unsourced-figur") + 1)
    assert "unknown rule 'unsourced-figur'" in d.message


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("kind", ["disable-file", "disable-line", "disable", "disable-next-line"])
def test_only_unknown_names_silence_nothing(path: str, kind: str) -> None:
    # A typo must not turn into "silence every rule".
    text = f"<!-- lintpost-{kind} no-such-rule -->\n{FIG}\n"
    found = rules(text, path)
    assert ("unsourced-figure", 2) in found
    assert ("suppression-comment", 1) in found


@pytest.mark.parametrize("path", PATHS)
def test_known_names_next_to_an_unknown_one_still_apply(path: str) -> None:
    text = f"<!-- lintpost-disable-file no-such-rule, unsourced-figure -->\n{FIG}\n"
    assert rules(text, path) == [("suppression-comment", 1)]


@pytest.mark.parametrize("path", PATHS)
def test_a_reason_after_two_dashes(path: str) -> None:
    reason = "figure checked with the desk, 2026-01"
    text = f"<!-- lintpost-disable-next-line unsourced-figure -- {reason} -->\n{FIG}\n"
    assert rules(text, path) == []


@pytest.mark.parametrize("path", PATHS)
def test_case_spacing_and_line_breaks_inside_the_comment(path: str) -> None:
    text = (f"<!--LINTPOST-DISABLE-NEXT-LINE Unsourced-Figure-->\n{FIG}\n\n"
            f"<!--\n  lintpost-disable-file\n  unsourced-figure\n-->\n{FIG2}\n")
    assert figures(text, path) == []


@pytest.mark.parametrize("path", PATHS)
def test_crlf_lines(path: str) -> None:
    text = f"{FIG}\r\n\r\n<!-- lintpost-disable-next-line -->\r\n{FIG2}\r\n\r\n{FIG3}\r\n"
    assert figures(text, path) == [1, 6]


def test_the_suppression_rule_itself_cannot_be_silenced() -> None:
    text = "<!-- lintpost-disable-file -->\n<!-- lintpost-disable-line nope -->\n"
    assert rules(text, "post.md") == [("suppression-comment", 2)]


def test_comments_in_code_are_examples_not_directives() -> None:
    fenced = f"```html\n<!-- lintpost-disable-file -->\n```\n\n{FIG}\n"
    assert figures(fenced, "post.md") == [5]
    indented = f"Example:\n\n    <!-- lintpost-disable -->\n\n{FIG}\n"
    assert figures(indented, "post.md") == [5]
    inline = f"Write `<!-- lintpost-disable-file -->` to silence a file.\n\n{FIG}\n"
    assert figures(inline, "post.md") == [3]
    # ...and an unknown name in an example is not reported either.
    assert rules("```\n<!-- lintpost-disable-file my-rule -->\n```\n", "post.md") == []


def test_end_to_end(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(f"{FIG} <!-- lintpost-disable-line unsourced-figure -->\n\n{FIG2}\n\n"
                    "<!-- lintpost-disable-file typo -->\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "lintpost", "check", "--lang", "en", "--no-color", str(post)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert f"{post}:3:" in proc.stdout and "unsourced-figure" in proc.stdout
    assert f"{post}:1:" not in proc.stdout
    assert "suppression-comment] suppression comment names an unknown rule 'typo'" in proc.stdout
