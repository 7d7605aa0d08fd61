"""Choosing a document's language between French and English, or neither."""

from __future__ import annotations

import unicodedata

from lintpost import recache

SUPPORTED = ("fr", "en")

_WORD = recache.compile(r"\p{L}+(?:['’]\p{L}+)?")

_STOPWORDS = {
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "un",
            "une",
            "des",
            "du",
            "de",
            "et",
            "est",
            "sont",
            "dans",
            "pour",
            "par",
            "sur",
            "avec",
            "pas",
            "plus",
            "que",
            "qui",
            "ce",
            "cette",
            "ces",
            "il",
            "elle",
            "ils",
            "elles",
            "nous",
            "vous",
            "je",
            "on",
            "au",
            "aux",
            "ou",
            "mais",
            "donc",
            "car",
            "ne",
            "se",
            "sa",
            "son",
            "ses",
            "leur",
            "leurs",
            "été",
            "être",
            "avoir",
            "fait",
            "très",
            "aussi",
            "comme",
            "tout",
            "tous",
            "entre",
            "sans",
            "sous",
            "même",
            "après",
            "avant",
            "chez",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "a",
            "an",
            "and",
            "is",
            "are",
            "was",
            "were",
            "of",
            "to",
            "in",
            "for",
            "on",
            "with",
            "that",
            "this",
            "these",
            "those",
            "it",
            "its",
            "be",
            "been",
            "have",
            "has",
            "had",
            "not",
            "but",
            "or",
            "by",
            "from",
            "at",
            "as",
            "will",
            "would",
            "can",
            "could",
            "they",
            "we",
            "you",
            "he",
            "she",
            "which",
            "what",
            "there",
            "their",
            "our",
            "your",
            "than",
            "then",
            "also",
            "more",
            "most",
            "about",
            "into",
            "over",
            "after",
            "before",
        ]
    ),
}


def detect(text: str, *, sample: int = 20000) -> str | None:
    """Return "fr" or "en", or None when the text is in neither (or too short to tell)."""
    # Only counting here, so a composed copy is safe (decomposed accents would split words).
    found = _WORD.findall(unicodedata.normalize("NFC", text[:sample]).lower())
    words = len(found)
    counts = {lang: sum(1 for w in found if w in stops) for lang, stops in _STOPWORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    if words == 0:
        return None
    if words < 8:
        return best if counts[best] else None
    # Function words make up a third or more of ordinary prose; far less means another language.
    if counts[best] / words < 0.08:
        return None
    return best


def normalise(value: str) -> str:
    """'fr-FR', 'French', 'FR' -> 'fr'."""
    v = value.strip().lower().replace("_", "-")
    aliases = {"french": "fr", "français": "fr", "francais": "fr", "english": "en", "anglais": "en"}
    v = aliases.get(v, v)
    return v.split("-")[0]
