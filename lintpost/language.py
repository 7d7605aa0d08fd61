"""Choosing a document's language between French and English, or neither."""

from __future__ import annotations

import unicodedata
from collections import Counter

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


# Function words of neighbouring languages, to tell a sparse French or English page (tables, short
# bullets) from a page in another language. Words shared with French or English are left out below.
_OTHER_LANGUAGES = {
    "de": "der die das und ist nicht mit von zu den dem ein eine einen auch auf für sich werden wird sind oder aber "
          "wie bei nach aus noch nur",
    "es": "el los las y es en del por con una para como pero más sus lo al está son muy también",
    "it": "il lo gli della delle per con una non sono come anche alla dei nel è più questo",
    "nl": "het een en van is dat niet met voor op zijn er te aan ook als maar bij wordt",
    "pt": "o os as e do da não com uma para por mais como são ao dos das também",
}
_OTHER_STOPWORDS = {
    lang: frozenset(words.split()) - _STOPWORDS["fr"] - _STOPWORDS["en"] for lang, words in _OTHER_LANGUAGES.items()
}


def detect(text: str, *, sample: int = 20000) -> str | None:
    """Return "fr" or "en", or None when the text is in neither (or too short to tell)."""
    # Only counting here, so a composed copy is safe (decomposed accents would split words).
    found = Counter(_WORD.findall(unicodedata.normalize("NFC", text[:sample]).lower()))
    words = found.total()
    counts = {lang: sum(found[w] for w in stops) for lang, stops in _STOPWORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    if words == 0:
        return None
    if words < 8:
        return best if counts[best] else None
    # A neighbour's own function words ("el", "und", "het") as frequent: Spanish shares "la", "de", "que".
    neighbours = max(sum(found[w] for w in stops) for stops in _OTHER_STOPWORDS.values())
    if neighbours * 2 >= counts[best]:
        return None
    # Function words make up a third or more of ordinary prose; far less means another language...
    if counts[best] / words >= 0.08:
        return best
    # ... or a page of tables, figures and short bullets in French or English: its function words are
    # rarer but still clearly of one of the two.
    if counts[best] < 10 or counts[best] / words < 0.03 or counts[best] < 2 * min(counts.values()):
        return None
    return best


def normalise(value: str) -> str:
    """'fr-FR', 'French', 'FR' -> 'fr'."""
    v = value.strip().lower().replace("_", "-")
    aliases = {"french": "fr", "français": "fr", "francais": "fr", "english": "en", "anglais": "en"}
    v = aliases.get(v, v)
    return v.split("-")[0]
