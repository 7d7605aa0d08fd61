"""spelling: words neither the language's dictionary nor the vocabularies know."""

from __future__ import annotations

import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

import regex

from lintpost import recache
from lintpost.diagnostic import Finding, Severity
from lintpost.document import Document
from lintpost.rule import Context, Rule

# Runs of letters with the characters that can sit inside or around a token we must skip.
_CHUNK = recache.compile(r"[\p{L}\p{M}\p{N}_$#@&'’.\-/]+(?:\*{1,3}[\p{L}\p{M}]+)*")
# Template shortcodes the parser leaves in place: {{< figure src="..." >}}, {% include %}.
_SHORTCODE = recache.compile(r"\{\{.{0,1000}?\}\}|\{%.{0,1000}?%\}|\{:[^}\n]{0,1000}+\}")  # bounded: linear
_SCRIPT = recache.compile(r"(?i)<(?:script|style)\b")
_EDGE = "'’.-/"
_SKIP_CHARS = frozenset("$#@&/_")
_ELISION = {
    "fr": recache.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)'", regex.I),
    "en": recache.compile(r"(?:'s|s')$", regex.I),
}
_REGEX_CHARS = frozenset("[]()*+?\\|^$")


@lru_cache(maxsize=2)
def dictionary(lang: str) -> Any:
    """The pyspellchecker dictionary for one language, loaded once per process.

    pyspellchecker reads its word list from gzipped JSON (~0.2 s); the list is kept in the cache as
    plain data (marshal, nothing executed on load), which loads in about a quarter of that.
    """
    from spellchecker import SpellChecker, __version__

    name = f"spelling-{lang}-pyspellchecker{__version__}.marshal"
    spell = SpellChecker(language=None, distance=2)
    if _restore(spell.word_frequency, recache.read_plain(name)):
        return spell
    spell = SpellChecker(language=lang, distance=2)
    _store(spell.word_frequency, name)
    return spell


# WordFrequency's state: a counter of words and what pyspellchecker derives from it when it loads one.
_STATE = ("_dictionary", "_letters", "_total_words", "_unique_words", "_longest_word_length")


def _store(frequencies: Any, name: str) -> None:
    if not all(hasattr(frequencies, attr) for attr in _STATE):
        return  # another pyspellchecker: keep loading it its own way
    counts = frequencies._dictionary
    data = ("\n".join(counts), array("q", counts.values()).tobytes(), "".join(sorted(frequencies._letters)),
            frequencies._total_words, frequencies._longest_word_length)
    recache.write_plain(name, data)


def _restore(frequencies: Any, data: Any) -> bool:
    """Fill an empty WordFrequency from the cached data; False (and nothing changed) when it cannot."""
    if data is None or not all(hasattr(frequencies, attr) for attr in _STATE):
        return False
    try:
        words, raw, letters, total, longest = data
        counts = array("q")
        counts.frombytes(raw)
        keys = words.split("\n")
    except (ValueError, TypeError, AttributeError):
        return False
    if not (isinstance(letters, str) and isinstance(total, int) and isinstance(longest, int)):
        return False
    if len(keys) != len(counts):
        return False
    table = Counter()
    dict.update(table, zip(keys, counts, strict=True))
    frequencies._dictionary = table
    frequencies._letters = set(letters)
    frequencies._total_words = total
    frequencies._unique_words = len(table)
    frequencies._longest_word_length = longest
    return True


class Vocabulary(NamedTuple):
    words: frozenset[str]
    patterns: tuple[regex.Pattern[str], ...]

    def accepts(self, word: str) -> bool:
        return word in self.words or any(p.fullmatch(word) for p in self.patterns)


def _entries(items: Iterable[str]) -> tuple[set[str], list[regex.Pattern[str]]]:
    words: set[str] = set()
    patterns: list[regex.Pattern[str]] = []
    for raw in items:
        item = raw.strip()
        if not item or item.startswith("#"):
            continue
        if _REGEX_CHARS & set(item):
            # A Vale-style accept entry may be a regular expression ("[Nn]orthjet", "Kora(Pay)?").
            try:
                patterns.append(regex.compile(item, regex.I | regex.V1))
                continue
            except regex.error:
                pass
        words.add(item.lower().replace("’", "'"))
    return words, patterns


@lru_cache(maxsize=32)
def _read_word_file(path: Path) -> tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except OSError:
        return ()


def vocabulary(ctx: Context) -> Vocabulary:
    items: list[str] = [str(w) for w in ctx.pack("spelling").get("words", [])]
    items += ctx.vocabulary.get("accept", {}).get("words", [])
    base = ctx.root or Path.cwd()
    for name in ctx.option("accept-files", []):
        path = Path(name)
        items += _read_word_file((path if path.is_absolute() else base / path).resolve())
    words, patterns = _entries(items)
    return Vocabulary(frozenset(words), tuple(patterns))


class _Token(NamedTuple):
    start: int
    end: int
    word: str  # lower case, typographic apostrophes made straight


def tokens(doc: Document, min_length: int) -> Iterator[_Token]:
    t = doc.masked
    shortcodes = [(m.start(), m.end()) for m in _SHORTCODE.finditer(t)]
    for block in doc.prose_blocks():
        if block.kind == "html" and _SCRIPT.search(doc.text, block.start, block.end):
            continue
        for m in _CHUNK.finditer(t, block.start, block.end):
            if any(s <= m.start() < e for s, e in shortcodes):
                continue
            a, b = m.start(), m.end()
            while a < b and t[a] in _EDGE:
                a += 1
            while b > a and t[b - 1] in _EDGE:
                b -= 1
            word = unicodedata.normalize("NFC", t[a:b])  # decomposed accents: the same word
            if len(word) < min_length or _SKIP_CHARS & set(word) or "." in word:
                continue
            if t.startswith("=", b):
                continue  # an attribute name in a shortcode or template: src="..."
            if any(c.isdigit() or c.isupper() for c in word):
                continue  # numbers, proper nouns, acronyms, tickers
            yield _Token(a, b, word.replace("*", "").replace("’", "'").lower())


def _stem(word: str, lang: str) -> str:
    elision = _ELISION.get(lang)
    return elision.sub("", word) if elision else word


def _pieces(stem: str, lang: str) -> list[str]:
    """Hyphenated parts ("plus-value"), and in French the parts around an apostrophe."""
    seps = "-'" if lang == "fr" else "-"
    if not any(c in stem for c in seps):
        return []
    return [p for p in regex.split("[" + regex.escape(seps) + "]", stem) if p]


def _forms(word: str, lang: str) -> set[str]:
    stem = _stem(word, lang)
    out = {word, stem, *_pieces(stem, lang)}
    # The French dictionary spells the ligature out: "oeil" for « œil ».
    return out | {f.replace("œ", "oe").replace("æ", "ae") for f in out if "œ" in f or "æ" in f}


def _accepted(word: str, lang: str, ok: Any) -> bool:
    if ok(word):
        return True
    stem = _stem(word, lang)
    if stem != word and ok(stem):
        return True
    pieces = _pieces(stem, lang)
    return bool(pieces) and all(ok(p) or len(p) < 3 for p in pieces)


class Spelling(Rule):
    name = "spelling"
    default_enabled = False
    severity = Severity.INFO
    description = "Words that neither the dictionary nor the finance and tech vocabulary know"
    options: ClassVar[dict[str, Any]] = {"accept-files": [], "min-length": 3, "max-suggested": 50}
    explain = """\
Checks each word against the French or English dictionary of pyspellchecker (only the post's
language is loaded, once per process) and a finance and technology vocabulary shipped in
`rules/<lang>/spelling.toml` (ETF, PEA, stablecoin, hyperscaler, staking, SCPI,
assurance-vie...). Up to three suggestions, best first, are given in the help line.

Never checked: capitalised words (proper nouns, acronyms, tickers), cashtags ($NVDA), hashtags,
@mentions, URLs, e-mail addresses, numbers and words with digits, code and link targets. French
elisions (l', d', qu', jusqu'...) and hyphenated words are checked part by part.

Your own words: `[tool.lintpost.vocabulary] accept = ["Northjet", "tokenholder"]`, or word-list
files, one word (or regular expression, as in Vale's accept.txt) per line:

    [tool.lintpost.rules.spelling]
    accept-files = ["styles/vocab.txt"]   # relative to the config file

Why: a typo in a figure's label or a company's claim reads as carelessness, and readers
discount the analysis around it.

Example:

    Les investiseurs ont vendu leurs actions.

Instead:

    Les investisseurs ont vendu leurs actions.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lang = ctx.lang if ctx.lang in _ELISION else "en"
        found = list(tokens(doc, int(ctx.option("min-length", 3))))
        if not found:
            return
        vocab = vocabulary(ctx)
        prefixes = frozenset(str(p).lower() for p in ctx.pack("spelling").get("prefixes", []))
        distinct = {tok.word for tok in found}
        spell = dictionary(lang)
        # One bulk look-up for every distinct word and its parts.
        known = spell.known({f for w in distinct for f in _forms(w, lang)})

        def ok(w: str) -> bool:
            return (w in known or vocab.accepts(w) or w in prefixes
                    or w.replace("œ", "oe").replace("æ", "ae") in known)

        unknown = {w for w in distinct if not _accepted(w, lang, ok)}
        if unknown and lang == "en":
            american = {w: _american(w) for w in unknown}
            known |= spell.known({a for forms in american.values() for a in forms})
            unknown = {w for w in unknown if not american[w] & known}
        if unknown:
            # Inflected and derived forms the frequency dictionary lacks: "fiscalement", "benchmarked".
            bases = {w: _bases(_stem(w, lang), lang, prefixes) for w in unknown}
            known |= spell.known({b for bs in bases.values() for b in bs})
            derived = {w for w in unknown if any(ok(b) for b in bases[w])}
            # A derived form one typo away from a real word is the typo: "occured" (occurred).
            unknown -= {w for w in derived if not spell.known(spell.edit_distance_1(w))}
        budget = int(ctx.option("max-suggested", 50))
        suggestions: dict[str, list[str]] = {}
        for tok in found:
            if tok.word not in unknown:
                continue
            if tok.word not in suggestions:
                suggestions[tok.word] = _suggest(spell, tok.word) if budget > 0 else []
                budget -= 1
            best = suggestions[tok.word]
            help_text = ("did you mean " + ", ".join(f"« {s} »" for s in best) + "?") if best else None
            extra = "if the word is right, add it to `vocabulary.accept` in the config"
            yield Finding(tok.start, tok.end, f"unknown word « {doc.text[tok.start:tok.end]} »",
                          help=f"{help_text} ({extra})" if help_text else extra)


_FR_SUFFIXES = (
    ("amment", "ant"), ("emment", "ent"), ("ement", "e"), ("ment", ""), ("ées", "er"), ("és", "er"),
    ("ée", "er"), ("é", "er"), ("erait", "er"), ("eraient", "er"), ("era", "er"), ("eront", "er"),
    ("erons", "er"), ("erez", "er"), ("erai", "er"), ("ez", "er"), ("ise", "iser"), ("ant", "er"),
    ("ante", "er"), ("ants", "er"), ("ables", "able"), ("euse", "eur"), ("ienne", "ien"),
    ("ives", "if"), ("ive", "if"), ("aux", "al"),
    ("es", "e"), ("es", ""), ("s", ""), ("e", ""), ("x", ""),
)
_EN_SUFFIXES = (
    ("ally", "al"), ("ily", "y"), ("ly", ""), ("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"),
    ("ing", ""), ("ing", "e"), ("ers", ""), ("er", ""), ("es", ""), ("s", ""), ("'s", ""), ("ness", ""),
    ("ment", ""), ("able", ""), ("ation", "ate"), ("ations", "ate"),
)


_UK_TO_US = (
    (r"is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1"), (r"ys(e|ed|es|ing)$", r"yz\1"),
    (r"our(s|ed|ing|able|ite|ites)?$", r"or\1"), (r"tre(s)?$", r"ter\1"), (r"ence(s)?$", r"ense\1"),
    (r"ll(ed|ing|er|ers)$", r"l\1"), (r"ogue(s)?$", r"og\1"),
)


def _american(word: str) -> set[str]:
    """American forms of a British spelling the dictionary lacks: decentralised, colour, centre."""
    out = {regex.sub(pattern, repl, word) for pattern, repl in _UK_TO_US}
    out.discard(word)
    return out


def _bases(word: str, lang: str, prefixes: frozenset[str]) -> set[str]:
    """Candidate base forms of a word: suffixes undone, a known prefix removed."""
    out: set[str] = set()
    for suffix, repl in _FR_SUFFIXES if lang == "fr" else _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: len(word) - len(suffix)] + repl
            out.add(base)
            if lang == "fr":
                out.update({base.replace("è", "e"), base.replace("è", "é")})
            elif len(base) > 3 and base[-1] == base[-2] and suffix in ("ed", "ing", "er", "ers"):
                out.add(base[:-1])  # gapped -> gap
    for prefix in prefixes:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4:
            out.add(rest)
    return out


def _suggest(spell: Any, word: str) -> list[str]:
    # Distance 1 only (typos, transpositions): distance 2 costs about a second per long word.
    candidates = spell.known(spell.edit_distance_1(word)) if len(word) <= 30 else set()
    ranked = sorted((c for c in candidates if c != word), key=lambda c: (-spell.word_usage_frequency(c), c))
    return ranked[:3]


RULES = [Spelling]
