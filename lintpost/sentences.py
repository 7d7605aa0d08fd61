"""Splitting a block of prose into sentences, in French and English."""

from __future__ import annotations

from lintpost import recache

# Abbreviations after which a period does not end a sentence (lower-cased, without the period).
_ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "pr",
        "me",
        "st",
        "ste",
        "etc",
        "cf",
        "ex",
        "env",
        "vol",
        "p",
        "pp",
        "n",
        "no",
        "nº",
        "art",
        "al",
        "éd",
        "chap",
        "fig",
        "mr",
        "mrs",
        "ms",
        "prof",
        "sr",
        "jr",
        "vs",
        "inc",
        "ltd",
        "corp",
        "co",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "janv",
        "févr",
        "avr",
        "juil",
        "déc",
        "approx",
        "dept",
        "est",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.s.a",
        "e.u",
        "fig",
        "eq",
        "min",
        "max",
    ]
)

# A candidate end: terminal punctuation (possibly repeated, or an ellipsis), closing quotes or
# brackets, then white space.
# A no-break or thin space written as an HTML entity ("… accounts.&nbsp; The act …") is white
# space too. ("\#" so that verbose patterns can use it.)
NBSP_ENTITY = r"&(?:nbsp|\#160|\#x[aA]0|\#8239|\#x202[fF]|thinsp|\#8201|nnbsp);"
_END = recache.compile(
    r"""(?:[.!?]+|…)["»”’)\]]*(?=(?:\s|""" + NBSP_ENTITY + r""")+)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d+[.)])\s)"""
)
_WORD_BEFORE = recache.compile(r"(\p{L}[\p{L}.]*)\.$")
_INITIALISM = recache.compile(r"(?:\p{L}\.)+\p{L}")
_NEXT_START = recache.compile(
    r"(?:\s|" + NBSP_ENTITY + r")+([\p{Lu}\p{N}«\"“'‘(\[*_#@$€£👉\p{So}\p{Sk}]|\p{Emoji_Presentation})"
)
_LEADING_NBSP = recache.compile(r"(?:\s|" + NBSP_ENTITY + r")+")


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of text[start:end], trimmed of surrounding white space."""
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        punct = m.group()
        if punct.startswith("."):
            w = _WORD_BEFORE.search(text, max(start, m.start() - 20), m.start() + 1)
            # "$14.55M." or "2,400K." ends a sentence: a scale letter glued to its number is no initial.
            glued = w is not None and w.start(1) > start and text[w.start(1) - 1].isdigit()
            if w and not glued and _is_abbreviation(w.group(1)):
                continue
        if not punct.startswith("\n"):
            nxt = _NEXT_START.match(text, stop, end)
            if nxt is None:
                # Lower-case after a period: "4,5 m. de", "etc. et": not a sentence end.
                continue
        _append(text, cur, stop, spans)
        cur = stop
    _append(text, cur, end, spans)
    return spans


def _is_abbreviation(word: str) -> bool:
    w = word.lower()
    if w in _ABBREVIATIONS:
        return True
    # Initials: "J." in "J. Powell", "U.S." and "S.A." style dotted capitals.
    if len(word) == 1 and word.isupper():
        return True
    return bool(_INITIALISM.fullmatch(word))


def _append(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    lead = _LEADING_NBSP.match(text, a, b)
    if lead is not None:
        a = lead.end()
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append((a, b))
