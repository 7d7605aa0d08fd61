"""Hypothesis strategies for drafts: arbitrary Unicode and generated finance Markdown.

Shared by the property tests and the long fuzz campaign (fuzz/run.py). The Markdown pieces are
written for these tests (no text from real posts) and hold what the rules look for, so the
properties are checked on real diagnostics and fixes, not only on silence.
"""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# The default test run stays fast; fuzz/run.py (or LINTPOST_HYPOTHESIS_PROFILE=fuzz) runs many more.
settings.register_profile("lintpost-default", max_examples=150, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("lintpost-fuzz", max_examples=20_000, deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
PROFILE = settings.get_profile("lintpost-" + os.environ.get("LINTPOST_HYPOTHESIS_PROFILE", "default"))


def scaled(share: float) -> settings:
    """The active profile with a share of its examples (for the slower properties)."""
    return settings(PROFILE, max_examples=max(10, int(PROFILE.max_examples * share)))

SENTENCES = (
    "Le CAC 40 a gagné 12 % en 2024.",
    "Selon l'Insee, l'inflation atteint 2,3 % sur un an.",
    "L'AMF a sanctionné la plateforme d'une amende de 3 millions d'euros.",
    "La réglementation européenne interdit désormais ces produits.",
    "Bitcoin rose 45% this quarter as ETF inflows reached $2.1 billion.",
    "The SEC will block the merger.",
    "According to Reuters, the fund lost 8% in March.",
    "Revenue tripled to €450 million, analysts say.",
    "I'm buying more shares of this stock, it will double.",
    "This is not investment advice. Investing involves a risk of loss.",
    "Ceci n'est pas un conseil en investissement.",
    "Les marchés financiers ont été très volatils après l'annonce.",
    "The company said revenue grew 20% year over year.",
    "Investir comporte un risque de perte en capital.",
    "Plus de 60 % des épargnants détiennent un livret A.",
    "Nvidia's market cap hit $3 trillion, up 3x in two years.",
    "Le taux du livret A passe à 3 % le 1er février.",
    "The DOJ would have blocked any full acquisition immediately.",
)

WORDS = ("dividende", "action", "ETF", "crypto", "obligation", "bourse", "stock", "bond", "yield",
         "marché", "investissement", "épargne", "portfolio", "SEC", "AMF", "FCA", "BCE", "Fed")

# Characters that break naive code: line and paragraph separators, BOMs, zero-width and bidi
# controls, combining marks, astral emoji, NUL and other controls, surrogates-adjacent ranges.
ODD = ("\r", "\n", "\r\n", "\t", "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",
       "\ufeff", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
       "\u202d", "\u202e", "\u2066", "\u2067", "\u2069", "\u0301", "\u0300", "\u0327", "\u00a0",
       "\u202f", "\U0001f680", "\U0001f4c8", "\U0001f1eb\U0001f1f7", "👍🏽", "👨‍👩‍👧", "€", "$", "%",
       "«", "»", "“", "”", "’", "…", "中文", "العربية", "עברית", "русский", "\ufffd", "`", "*", "_",
       "[", "]", "(", ")", "<", ">", "#", "|", "-", "+", "~", "\\", "!", "?", ".", ",", ":", ";",
       "{", "}", "{{", "}}", "{%", "%}", "<!--", "-->", "[^1]", "](", "```", "---", "\\[")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    s = draw(st.sampled_from(SENTENCES))
    if draw(st.integers(0, 4)) == 0:
        s = nfd(s)
    if draw(st.integers(0, 6)) == 0:
        # Insert an odd character somewhere.
        i = draw(st.integers(0, len(s)))
        s = s[:i] + draw(st.sampled_from(ODD)) + s[i:]
    return s


def paragraph() -> st.SearchStrategy[str]:
    return st.lists(sentence(), min_size=1, max_size=4).map(" ".join)


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(("para", "para", "para", "heading", "list", "olist", "quote", "table",
                                 "fence", "link", "html", "footnote", "odd", "setext", "refdef")))
    p = draw(paragraph())
    word = draw(st.sampled_from(WORDS))
    if kind == "heading":
        return "#" * draw(st.integers(1, 7)) + " " + p
    if kind == "setext":
        return p + "\n" + draw(st.sampled_from(("===", "---", "-")))
    if kind == "list":
        items = draw(st.lists(paragraph(), min_size=1, max_size=4))
        bullet = draw(st.sampled_from(("-", "*", "+", "•", "- [ ]", "- [x]")))
        return "\n".join(f"{bullet} {i}" for i in items)
    if kind == "olist":
        items = draw(st.lists(paragraph(), min_size=1, max_size=4))
        return "\n".join(f"{n + 1}. {i}" for n, i in enumerate(items))
    if kind == "quote":
        return "> " + p.replace(". ", ".\n> ")
    if kind == "table":
        cells = st.tuples(st.sampled_from(WORDS), st.sampled_from(("12 %", "$3bn", "45%", "3x", "n/a")))
        rows = draw(st.lists(cells, min_size=1, max_size=4))
        body = "\n".join(f"| {a} | {b} |" for a, b in rows)
        caption = draw(st.sampled_from(("", "\n\nSource : Banque de France", "\nSource: Bloomberg")))
        return "| Actif | Variation |\n|---|---|\n" + body + caption
    if kind == "fence":
        return "```" + draw(st.sampled_from(("", "python", "text"))) + "\n" + p + "\n```"
    if kind == "link":
        return f"{p} [{word}](https://example.com/{word}?q=12%25) <https://example.org> www.example.net."
    if kind == "html":
        return f"<div class=\"note\">{p}</div>\n<!-- {word} -->"
    if kind == "footnote":
        return f"{p}[^1]\n\n[^1]: {word}, rapport annuel 2024."
    if kind == "refdef":
        return f"{p} [{word}][1]\n\n[1]: https://example.com/{word}"
    # "odd": a paragraph with several odd characters anywhere.
    chars = list(p)
    for _ in range(draw(st.integers(1, 6))):
        chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(ODD)))
    return "".join(chars)


@st.composite
def markdown(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block(), min_size=0, max_size=8))
    if blocks and draw(st.booleans()):
        # Repeat a block, so that duplicate-paragraph (and its fix) has something to do.
        blocks.append(draw(st.sampled_from(blocks)))
    sep = draw(st.sampled_from(("\n\n", "\n\n\n", "\n", "\r\n\r\n", "\r\r", "\n \n")))
    text = sep.join(blocks)
    if draw(st.booleans()):
        lang = draw(st.sampled_from(("fr", "en", "de", "")))
        fence = draw(st.sampled_from(("---", "+++")))
        text = f"{fence}\ntitle: Test\nlang: {lang}\n{fence}\n\n" + text
    eol = draw(st.sampled_from(("\n", "\n", "\r\n", "\r", "mixed")))
    if eol == "mixed":
        parts = text.split("\n")
        text = "".join(p + draw(st.sampled_from(("\n", "\r\n", "\r"))) for p in parts[:-1]) + parts[-1]
    elif eol != "\n":
        text = text.replace("\n", eol)
    if draw(st.integers(0, 5)) == 0:
        text = "\ufeff" + text
    return text


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary Unicode (no surrogates: a decoded file never holds one)."""
    return st.text(st.characters(exclude_categories=("Cs",)), max_size=400)


def mixed_text() -> st.SearchStrategy[str]:
    """Generated Markdown with arbitrary Unicode spliced in."""
    return st.tuples(markdown(), any_text(), st.integers(0, 2000)).map(
        lambda t: t[0][: t[2]] + t[1] + t[0][t[2]:])


def drafts() -> st.SearchStrategy[str]:
    return st.one_of(markdown(), any_text(), mixed_text())
