"""The figure grammar: amounts, percentages, multipliers, counts and spelled-out quantities.

`find(text, start, end, lang)` yields Figure spans in the masked text; exclusions (years, dates,
times, ordinals, numbers inside names) are applied here, sourcing is the rule's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from lintpost import packs, recache

_SP = r"[ \u00a0\u202f]"
_NUM_FR = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?|\d*\.\d+|\d+\.\d+"
_NUM_EN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|\.\d+"


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    kind: str  # money, percentage, multiplier, amount, count, number, share
    key: str  # normalised value, to spot repeats


def _alt(items: list[str], *, word: bool) -> str:
    alt = packs.phrases(items)
    return alt + r"(?![\p{L}\p{N}])" if word else alt


@dataclass(frozen=True)
class Grammar:
    figure: regex.Pattern[str]
    phrase: regex.Pattern[str]
    name_before: regex.Pattern[str]
    date_around: regex.Pattern[str]
    ordinal: regex.Pattern[str]


@lru_cache(maxsize=8)
def grammar(lang: str, pack_dirs: tuple[Path, ...] = ()) -> Grammar:
    d = packs.load("figures", lang, pack_dirs)
    num = _NUM_FR if lang == "fr" else _NUM_EN
    scale = _alt(d["scale"], word=True)
    cur_after = _alt(d["currency_after"], word=False)
    cur_before = packs.phrases(d["currency_before"])
    pct = _alt(d["percent"], word=True)
    times = packs.phrases(d["times"])
    spelled = packs.phrases(d["spelled"])
    of = r"(?:de|des|d['’]|of)"
    value = rf"(?:{num})"
    rng = rf"(?:{_SP}?(?:-|–|—|à|to|/){_SP}?(?:{cur_before}){_SP}?{value}|{_SP}?(?:-|–|—|à|to){_SP}?{value})"
    unit_tail = (
        rf"(?:{_SP}?(?P<scale>{scale}))?"
        rf"(?:{_SP}?(?P<pct>{pct})|{_SP}?(?P<cur>{cur_after})|{_SP}+{of}{_SP}?(?P<cur2>dollars|euros|livres|dollars'|USD|EUR))?"
    )
    figure = rf"""
        (?P<sign>[+\-−~≈±]{_SP}?)?
        (?:
            (?P<curpre>{cur_before}){_SP}?(?P<n1>{value})(?:{rng})?{unit_tail}
          | (?P<mpre>[x×X])(?P<n2>{value})(?![\p{{L}}\p{{N}}])
          | (?P<n3>{value})(?:{rng})?
            (?:
                (?P<mult>{_SP}?(?:{times})(?=[\s\p{{P}}]|$|ed\b|ing\b)(?:ed|ing)?)
              | {unit_tail}
            )
          | (?P<sp>{spelled}){_SP}+(?P<spunit>(?:{scale})(?:{_SP}+{of}{_SP}?(?:dollars|euros|livres))?|fois{_SP}+(?:plus|moins)|times{_SP}+(?:more|less)|(?:dollars|euros)(?![\p{{L}}]))
        )
    """
    figure_rx = recache.compile(r"(?<![\p{L}\p{N}_.,/:#@&'’-])" + figure, regex.X | regex.V1)
    phrase = packs.compile_words(packs.phrases(d.get("phrases", [])))
    name_before = recache.compile(r"(?:^|[^\p{L}\p{N}])" + packs.phrases(d["name_before"]) + r"[\s\u00a0\u202f-]?$", regex.V1)
    months = packs.phrases(d["months"])
    date_around = recache.compile(
        rf"(?i)^(?:{_SP}?(?:er|st|nd|rd|th)?{_SP}+(?:{months})\b)|^(?:/|\.)\d{{1,2}}(?:[/.]\d{{2,4}})?\b|^[h:]\d{{2}}\b|^{_SP}?(?:h|am|pm|a\.m\.|p\.m\.)(?![\p{{L}}])",
        regex.V1,
    )
    ordinal = recache.compile(r"^(?:" + packs.phrases(d["ordinal_suffix"]) + r")(?![\p{L}])|^°", regex.V1)
    return Grammar(figure_rx, phrase, name_before, date_around, ordinal)


_MONTH_BEFORE = regex.compile(
    r"(?i)(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
    r"jun|jul|aug|sep|sept|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre)\.?[\s\u00a0]+$"
)
_LETTER_AFTER = regex.compile(r"^[\p{L}]")


def find(text: str, start: int, end: int, lang: str, pack_dirs: tuple[Path, ...] = ()) -> list[Figure]:
    """Figures in text[start:end], in order, without overlaps (the longer span wins)."""
    g = grammar(lang if lang in ("fr", "en") else "en", pack_dirs)
    found: list[Figure] = []
    for m in g.figure.finditer(text, start, end):
        fig = _classify(m, text, end, g)
        if fig is not None:
            found.append(fig)
    for m in g.phrase.finditer(text, start, end):
        found.append(Figure(m.start(), m.end(), "share", m.group().lower()))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Figure] = []
    for f in found:
        if out and f.start < out[-1].end:
            if f.end - f.start > out[-1].end - out[-1].start and f.start == out[-1].start:
                out[-1] = f
            continue
        out.append(f)
    return out


def _classify(m: regex.Match[str], text: str, end: int, g: Grammar) -> Figure | None:
    a, b = m.span()
    digits = m.group("n1") or m.group("n2") or m.group("n3")
    after = text[b : min(end, b + 24)]
    before = text[max(0, a - 24) : a]
    if m.group("sp"):
        kind = "multiplier" if "fois" in m.group("spunit") or "times" in m.group("spunit") else "amount"
        if m.group("spunit").strip().lower() in ("dollars", "euros"):
            kind = "money"
        return Figure(a, b, kind, m.group().lower())
    has_unit = any(m.group(k) for k in ("curpre", "scale", "pct", "cur", "cur2", "mult", "mpre"))
    if not has_unit:
        # A bare number glued to letters is part of a name or a unit we do not know ("5G", "3D").
        if _LETTER_AFTER.match(after) or g.ordinal.match(after):
            return None
        if g.date_around.match(after) or _MONTH_BEFORE.search(before):
            return None
        if _is_year(digits, m):
            return None
    if g.name_before.search(before) and not m.group("curpre") and not m.group("sign"):
        return None
    if before.endswith(("/", "n°", "#")):
        return None
    kind = _kind(m)
    noun_end = b
    if kind in ("number", "amount"):
        noun = regex.match(r"[ \u00a0\u202f]+(?:(?:de|d['’]|of)[ \u00a0\u202f]?)?(\p{Ll}[\p{L}'-]{2,})", after)
        if noun and noun.group(1).lower() not in _NOT_NOUNS:
            noun_end = b + noun.end()
            kind = "count" if kind == "number" else kind
    return Figure(a, noun_end if kind == "count" else b, kind, _key(m))


_NOT_NOUNS = frozenset(
    """and the for with from that this than then but are was were has had will would can could may
    with into over under about between from per each every more less most least only also just even
    et les des une est sont pour avec dans sur par que qui mais donc car pas plus moins très aussi
    entre soit puis ont avait était sera serait peut doit fait""".split()
)


def _kind(m: regex.Match[str]) -> str:
    if m.group("pct"):
        return "percentage"
    if m.group("curpre") or m.group("cur") or m.group("cur2"):
        return "money"
    if m.group("mult") or m.group("mpre"):
        return "multiplier"
    if m.group("scale"):
        return "amount"
    return "number"


def _is_year(digits: str | None, m: regex.Match[str]) -> bool:
    if digits is None or not digits.isdigit() or len(digits) != 4:
        return False
    return 1800 <= int(digits) <= 2100


def _key(m: regex.Match[str]) -> str:
    digits = regex.sub(r"[^\d]", "", m.group("n1") or m.group("n2") or m.group("n3") or "")
    return f"{digits}:{_kind(m)}"


KIND_LABEL = {
    "money": "amount of money",
    "percentage": "percentage",
    "multiplier": "multiplier",
    "amount": "amount",
    "count": "count",
    "number": "figure",
    "share": "proportion",
}
