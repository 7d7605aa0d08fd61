"""packs.words: the trie-shaped, `\\b`-anchored form of a vocabulary must match what the plain
longest-first alternation with look-arounds matches."""

from __future__ import annotations

import pickle

import pytest
import regex

from lintpost import packs

_EDGE = r"[\p{L}\p{M}\p{N}_]"


def _reference(items: list[str], flags: int = regex.I) -> list[tuple[int, int]]:
    """The slow, obvious form: one alternation, longest phrase first, look-arounds on both sides."""
    parts = []
    for item in sorted(set(items), key=lambda s: (-len(s), s)):
        if item.startswith("re:"):
            parts.append(packs._either_form(item[3:]))
        else:
            escaped = regex.escape(item.strip())
            escaped = regex.sub(r"(?:\\ )+", r"[\\s\\u00a0\\u202f]+", escaped)
            parts.append(packs._either_form(regex.sub("['’]", "['’]", escaped)))
    return [m.span() for m in regex.finditer(rf"(?<!{_EDGE})(?:{'|'.join(parts)})(?!{_EDGE})", TEXT, flags)]


TEXT = (
    "Guaranteed returns, guaranteed! A risk-free bet, risk free too. To the moon 🚀🚀 and moon🚀 not. "
    "Rendement garanti, l'argent facile, l’argent facile. C'est fou ! Les gains sont garantis. "
    "Profit guaranteed100 is not a word match; +100% sure; 10x gains; x100 now. "
    "Sans  risque\u00a0aucun. Ne\u0301gligeable. Fed funds, the Fed, FED."
)

CASES = [
    ["guaranteed", "guaranteed returns", "risk-free", "risk free"],
    ["to the moon", "re:🚀+", "moon"],
    ["argent facile", "l'argent facile", "c'est fou", "garanti", "garantis", "rendement garanti"],
    ["sans risque", "sans risque aucun", "négligeable"],
    ["re:\\d{2,4}x", "re:x\\d{2,4}", "+100%", "gains"],
    ["re:(?:more than |over )?the fed", "fed funds", "fed"],
]


@pytest.mark.parametrize("items", CASES)
def test_words_match_the_plain_alternation(items: list[str]) -> None:
    assert [m.span() for m in packs.words(items).finditer(TEXT)] == _reference(items)


def test_words_case_sensitive_flag() -> None:
    spans = [TEXT[a:b] for a, b in (m.span() for m in packs.words(["Fed", "FED"], 0).finditer(TEXT))]
    assert spans == ["Fed", "Fed", "FED"]


def test_search_and_match_take_the_leftmost_then_longest() -> None:
    w = packs.words(["moon", "re:🚀+", "to the moon"])
    m = w.search(TEXT)
    assert m is not None and m.group() == "To the moon"
    assert w.match(TEXT, TEXT.index("🚀")).group() == "🚀🚀"
    assert w.match(TEXT, 0) is None
    assert w.fullmatch("moon") is not None


def test_words_pickle() -> None:
    w = packs.words(["garanti", "re:🚀+"])
    again = pickle.loads(pickle.dumps(w))
    assert again.findall(TEXT) == w.findall(TEXT)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("guaranteed", True),
        ("\\bbuy (?:it|now)", True),
        ("(?:can(?:no|')t|cannot) touch", True),
        ("(?:more than |over )?half", True),
        ("(?:more than |over )?$", False),
        ("\\w+ times", True),
        ("\\d{2,4}x", True),
        ("🚀+", False),
        ("(?<![\\d.,\\s])x\\d{2,4}", True),
        ("(?<=\\d)x", False),
        ("(?!no )(?:a|b)c", True),
        ("(?<!the )", False),
        ("(?:\\G\\W*|[,;:]\\s+)(?:save|invest)", False),
        ("[a-z]+", False),
        ("s?avoir", False),
        ("(?:a|)b", False),
        ("", False),
    ],
)
def test_word_initial(pattern: str, expected: bool) -> None:
    assert packs._word_initial(pattern) is expected


def test_trie_shares_prefixes_and_keeps_the_longest() -> None:
    alt = packs.phrases(["abc", "abd", "ab"])
    assert alt.count("a") == 1
    assert regex.fullmatch(alt, "abd") and regex.match(alt, "abcx").group() == "abc"


def test_merging_a_user_pack_leaves_the_built_in_data_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "hype.toml").write_text('[promissory]\nphrases = ["zzz sure thing"]\n', encoding="utf-8")
    merged = packs.load("hype", "en", (tmp_path,))
    assert "zzz sure thing" in merged["promissory"]["phrases"]
    assert "zzz sure thing" not in packs.load("hype", "en")["promissory"]["phrases"]
    assert "zzz sure thing" in packs.load("hype", "en", (tmp_path,))["promissory"]["phrases"]
