"""french-typography: no-break spaces, guillemets, ranges and thousands separators in French."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from lintpost import recache
from lintpost.diagnostic import Edit, Finding, Fix, Severity
from lintpost.document import Document
from lintpost.rule import Context, Rule

NNBSP = "\u202f"  # espace fine insécable
NBSP = "\u00a0"  # espace insécable

# The character before the punctuation must be part of a word or close one (letter, digit, », ), *).
_BEFORE = r"[\p{L}\p{N}»)*_%€$”\"']"
_TALL = recache.compile(r"(?<=" + _BEFORE + r")([ \t]?)([;!?]+)(?=[\s»”\"*_)\]]|$)", regex.V1)
_COLON = recache.compile(r"(?<=[\p{L}\p{N}»)*_%€$”\"])([ \t]?)(:)(?=[ \t]|$)", regex.V1 | regex.M)
_PERCENT = recache.compile(r"(?<=\d)([ \t]?)(%)")
_OPEN_GUILLEMET = recache.compile(r"«([ \t]?)(?=[^\s\u00a0\u202f])")
_CLOSE_GUILLEMET = recache.compile(r"(?<=[^\s\u00a0\u202f])([ \t]?)»")
_STRAIGHT = recache.compile(
    r"(?<![\p{L}\p{N}])([\"“])((?:[^\"“”\n]|\n(?![ \t]*\n)){1,400}?)([\"”])(?![\p{L}\p{N}])"
)
_UNITS = (r"%|€|\$|£|k€|M€|Md€|Mds?\s?€|millions?|milliards?|ans|années|mois|jours|semaines|heures|"
          r"fois|points|euros?|dollars?|pour\s?cent")
_RANGE = recache.compile(
    r"(?<![\p{N}.,/\-–\p{L}])(\d{1,3}(?:,\d+)?)(\s?[-–]\s?)(\d{1,3}(?:,\d+)?)(?=[\s\u00a0\u202f]*(?:"
    + _UNITS + r")(?![\p{L}]))", regex.V1
)
_BIG_NUMBER = recache.compile(
    r"(?<![\p{N}.,\p{L}_\-/#])(?:(?<=[$€£][ \u00a0\u202f]?)(\d{5,})(?![\p{N}]|[.,]\d)"
    r"|(\d{5,})(?![\p{N}]|[.,]\d)(?=[ \u00a0\u202f]?(?:€|\$|£|euros?|dollars?|habitants|personnes|salariés|"
    r"clients|utilisateurs|abonnés|actions|titres|emplois|points|bitcoins?|BTC|ETH|jetons?|tokens?)"
    r"(?![\p{L}])))", regex.V1
)
_ENTITY = recache.compile(r"&#?\w+$")


_NO_BREAK_USE = recache.compile(r"[\u00a0\u202f](?:[;:!?%»])|«[\u00a0\u202f]")


def _strict(mode: str, text: str) -> bool:
    """Whether an ordinary (breakable) space before ; : ! ? % or inside « » is reported.

    "strict": always; "lenient": never (only a missing space is); "auto": when the post already
    uses no-break spaces there, so it is typeset consistently.
    """
    if mode == "strict":
        return True
    if mode == "lenient":
        return False
    return _NO_BREAK_USE.search(text) is not None


def _space_fix(start: int, end: int, char: str, what: str) -> Fix:
    return Fix(f"put a {what} there", (Edit(start, end, char),))


def _group_thousands(digits: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    return NNBSP.join(parts)


class FrenchTypography(Rule):
    name = "french-typography"
    severity = Severity.INFO
    description = "French typography: no-break spaces before ; ! ? : %, « » guillemets, ranges, thousands"
    languages: ClassVar[frozenset[str] | None] = frozenset({"fr"})
    fixable = True
    options: ClassVar[dict[str, Any]] = {"spaces": "auto", "quotes": True, "ranges": True, "thousands": True}
    explain = """\
Checks the French typographic conventions (Lexique des règles typographiques en usage à
l'Imprimerie nationale) that word processors and social networks lose, and fixes each one:

- a narrow no-break space (U+202F, espace fine insécable) before ; ! ? — "Vraiment ?"
- a no-break space (U+00A0, espace insécable) before : and %, and inside « guillemets »
  (either no-break space is accepted where one is present). A missing space ("acheter?",
  "4,5%", «marché») is always reported. An ordinary, breakable space, which lets the sign start
  the next line, is reported when the option `spaces` is "strict", or, with the default "auto",
  when the post already uses no-break spaces elsewhere (so it is typeset one way throughout);
  "lenient" never reports it;
- "straight" or “English” quotes in French prose become « guillemets »;
- "4-5 millions" becomes « 4 à 5 millions » (« entre 4 et 5 % » after « entre »);
- a number of five digits or more before a currency or a unit gets thousands separators:
  « 10000 € » becomes « 10 000 € » (U+202F).

Never touched: code, URLs, link targets, times (10:30), ratios (1:2), emoticons (;) :-)), table
delimiter rows and other Markdown syntax. Options `quotes`, `ranges`, `thousands` turn the
last three checks off.

Why: a breakable space before a colon or a question mark lets the sign start the next line,
and English quotes or "4-5" in a French post look like an unedited translation.

Example:

    Faut-il acheter? Le fonds vise "une croissance durable" et 4-5% par an, soit 10000 €.

Instead:

    Faut-il acheter ? Le fonds vise « une croissance durable » et 4 à 5 % par an, soit 10 000 €.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        t = doc.masked
        quotes = bool(ctx.option("quotes", True))
        ranges = bool(ctx.option("ranges", True))
        thousands = bool(ctx.option("thousands", True))
        strict = _strict(str(ctx.option("spaces", "auto")), doc.text)
        for block in doc.prose_blocks():
            if block.kind == "html":
                continue  # raw HTML (and the scripts it may hold) is not prose to retypeset
            a, b = block.start, block.end
            yield from self._spaces(t, a, b, strict)
            if quotes:
                yield from self._quotes(t, a, b)
            if ranges:
                for m in _RANGE.finditer(t, a, b):
                    entre = regex.search(r"(?i)\bentre\s+$", t[max(a, m.start() - 8) : m.start()])
                    word = " et " if entre else " à "
                    yield Finding(m.start(), m.end(), f"range written with a dash: write « {m.group(1)}{word}"
                                  f"{m.group(3)} » in French",
                                  fix=Fix(f"replace the dash with «{word.strip()}»",
                                          (Edit(m.start(2), m.end(2), word),)))
            if thousands:
                for m in _BIG_NUMBER.finditer(t, a, b):
                    g = 1 if m.group(1) else 2
                    grouped = _group_thousands(m.group(g))
                    yield Finding(m.start(g), m.end(g), "thousands not separated: write « "
                                  f"{grouped.replace(NNBSP, ' ')} » with narrow no-break spaces",
                                  fix=Fix("separate the thousands", (Edit(m.start(g), m.end(g), grouped),)))

    @staticmethod
    def _spaces(t: str, a: int, b: int, strict: bool) -> Iterator[Finding]:
        for m in _TALL.finditer(t, a, b):
            sign = m.group(2)
            if m.group(1) and not strict:
                continue
            if sign.startswith(";") and (_ENTITY.search(t, max(a, m.start() - 12), m.start(2))
                                         or regex.match(r";-?[)(DP]", t[m.start(2) : m.start(2) + 3])):
                continue
            yield Finding(m.start(1), m.end(2),
                          f"a narrow no-break space goes before « {sign[0]} » in French",
                          help="U+202F (espace fine insécable)",
                          fix=_space_fix(m.start(1), m.end(1), NNBSP, "narrow no-break space"))
        for m in _COLON.finditer(t, a, b):
            if m.group(1) and not strict:
                continue
            yield Finding(m.start(1), m.end(2), "a no-break space goes before « : » in French",
                          help="U+00A0 (espace insécable)",
                          fix=_space_fix(m.start(1), m.end(1), NBSP, "no-break space"))
        for m in _PERCENT.finditer(t, a, b):
            if m.group(1) and not strict:
                continue
            yield Finding(m.start(1), m.end(2), "a no-break space goes before « % » in French",
                          help="U+00A0 (espace insécable)",
                          fix=_space_fix(m.start(1), m.end(1), NBSP, "no-break space"))
        for m in _OPEN_GUILLEMET.finditer(t, a, b):
            if m.group(1) and not strict:
                continue
            yield Finding(m.start(), m.end(), "a no-break space goes after « in French",
                          fix=_space_fix(m.start(1), m.end(1), NBSP, "no-break space"))
        for m in _CLOSE_GUILLEMET.finditer(t, a, b):
            if m.group(1) and not strict:
                continue
            yield Finding(m.start(), m.end(), "a no-break space goes before » in French",
                          fix=_space_fix(m.start(1), m.end(1), NBSP, "no-break space"))

    @staticmethod
    def _quotes(t: str, a: int, b: int) -> Iterator[Finding]:
        for m in _STRAIGHT.finditer(t, a, b):
            inner = m.group(2)
            if not regex.search(r"\p{L}", inner):
                continue
            lead = len(inner) - len(inner.lstrip(" "))
            trail = len(inner) - len(inner.rstrip(" "))
            edits = (Edit(m.start(1), m.start(2) + lead, "«" + NBSP),
                     Edit(m.end(2) - trail, m.end(3), NBSP + "»"))
            yield Finding(m.start(), m.end(), "English quotation marks in French prose: use « guillemets »",
                          fix=Fix("use « guillemets »", edits))


RULES = [FrenchTypography]
