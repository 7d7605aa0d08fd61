"""readability: a document-level reading-ease score, and sentences and paragraphs that run long."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

from lintpost import recache
from lintpost.diagnostic import Finding, Severity
from lintpost.document import Document
from lintpost.rule import Context, Rule

_WORD = recache.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*")  # \p{M}: NFD accents
_BODY_KINDS = frozenset({"paragraph", "list_item", "quote"})
# Flesch (1948) for English, Kandel & Moles (1958) for French: base, per word/sentence, per syllable/word.
_FORMULA = {"en": (206.835, 1.015, 84.6), "fr": (207.0, 1.015, 73.6)}
_FORMULA_NAME = {"en": "Flesch reading ease", "fr": "Kandel-Moles reading ease"}


@lru_cache(maxsize=4)
def _textstat(lang: str) -> Any:
    """A textstat instance of its own per language, so set_lang never leaks between documents."""
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang(lang)
    return ts


def nltk_data_dirs() -> list[str]:
    """Where NLTK looks for its data on Unix (nltk.data.path), without importing NLTK (~0.2 s)."""
    dirs = [os.path.expanduser(d) for d in os.environ.get("NLTK_DATA", "").split(os.pathsep) if d]
    if os.path.expanduser("~/") != "~/":
        dirs.append(os.path.expanduser("~/nltk_data"))
    prefix = sys.prefix
    dirs += [os.path.join(prefix, "nltk_data"), os.path.join(prefix, "share", "nltk_data"),
             os.path.join(prefix, "lib", "nltk_data")]
    dirs += ["/usr/share/nltk_data", "/usr/local/share/nltk_data", "/usr/lib/nltk_data", "/usr/local/lib/nltk_data"]
    return dirs


def cmudict_in(dirs: list[str]) -> bool:
    """True when one of dirs holds NLTK's cmudict corpus, unpacked or zipped."""
    return any(
        os.path.exists(os.path.join(d, "corpora", name)) for d in dirs for name in ("cmudict", "cmudict.zip")
    )


@lru_cache(maxsize=1)
def _has_cmudict() -> bool:
    """textstat counts English syllables with NLTK's cmudict and would download it when missing.

    Looked up on disk: importing NLTK only to learn that the corpus is absent costs more than the rule.
    """
    if sys.platform == "win32":  # NLTK's own list there depends on the drive letters and APPDATA
        try:
            import nltk

            nltk.data.find("corpora/cmudict")
        except (ImportError, LookupError):
            return False
        return True
    return cmudict_in(nltk_data_dirs())


@lru_cache(maxsize=4)
def _hyphenator(lang: str) -> Any:
    import pyphen

    return pyphen.Pyphen(lang={"en": "en_US", "fr": "fr_FR"}[lang])


def reading_ease(text: str, lang: str, words: list[str], sentences: int) -> float:
    """The language's reading-ease score of text (higher is easier; 0-100 for most prose)."""
    if lang == "fr" or _has_cmudict():
        return float(_textstat(lang).flesch_reading_ease(text))
    # Same formula as textstat's, with syllables from pyphen (which textstat itself falls back on).
    base, per_sentence, per_syllable = _FORMULA[lang]
    hyph = _hyphenator(lang)
    syllables = sum(len(hyph.positions(w.lower())) + 1 for w in words)
    n = max(1, len(words))
    return base - per_sentence * len(words) / max(1, sentences) - per_syllable * syllables / n


class Readability(Rule):
    name = "readability"
    default_enabled = False
    severity = Severity.INFO
    description = "Hard-to-read post: low reading-ease score, sentences or paragraphs that run long"
    options: ClassVar[dict[str, Any]] = {
        "min-reading-ease": 40.0,
        "min-words": 150,
        "max-sentence-words": 40,
        "max-paragraph-words": 150,
    }
    explain = """\
Three checks, each with its threshold in config:

- the whole post's reading-ease score (Flesch for English, the Kandel-Moles adaptation for
  French, computed with textstat) is below `min-reading-ease` (default 40: "difficult", the
  level of academic prose). Only posts of at least `min-words` words (default 150) are scored.
- a sentence has more than `max-sentence-words` words (default 40);
- a paragraph has more than `max-paragraph-words` words (default 150).

Why: MiFID II Delegated Regulation 2017/565 art. 44(2)(d) asks that information be
"sufficient for, and presented in a way that is likely to be understood by, the average member
of the group to whom it is directed"; the FCA's consumer-understanding outcome says the same.
A 60-word sentence hides its caveats.

Example (a 45-word sentence):

    The fund, which invests in listed European infrastructure companies that have signed
    long-term contracts with public authorities in at least three countries, aims to pay a
    growing dividend while keeping volatility below that of the broad market over a full cycle.

Instead: split it, one idea per sentence, and put the caveat in a sentence of its own.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        lang = ctx.lang if ctx.lang in _FORMULA else "en"
        max_sentence = int(ctx.option("max-sentence-words", 40))
        max_paragraph = int(ctx.option("max-paragraph-words", 150))
        t = doc.masked
        body = [b for b in doc.prose_blocks() if b.kind in _BODY_KINDS]
        all_words: list[str] = []
        sentence_count = 0
        for block in body:
            block_words = _WORD.findall(t, block.start, block.end)
            all_words.extend(block_words)
            if block.kind == "paragraph" and len(block_words) > max_paragraph:
                first = doc.sentences(block)[0] if doc.sentences(block) else (block.start, block.end)
                yield Finding(first[0], first[1], f"paragraph of {len(block_words)} words "
                              f"(more than {max_paragraph})",
                              help="split it where the topic shifts; one idea per paragraph")
            for a, b in doc.sentences(block):
                sentence_count += 1
                n = len(_WORD.findall(t, a, b))
                if n > max_sentence:
                    yield Finding(a, b, f"sentence of {n} words (more than {max_sentence})",
                                  help="split it in two or three; put each caveat in its own sentence")
        if len(all_words) < int(ctx.option("min-words", 150)):
            return
        # Composed copies (offsets are not needed here): syllables of "é" and "e" + U+0301 alike.
        text = unicodedata.normalize("NFC", "\n".join(t[b.start : b.end].strip() for b in body))
        all_words = [unicodedata.normalize("NFC", w) for w in all_words]
        score = reading_ease(text, lang, all_words, sentence_count)
        floor = float(ctx.option("min-reading-ease", 40.0))
        if score < floor:
            first = body[0]
            a, b = doc.sentences(first)[0] if doc.sentences(first) else (first.start, first.end)
            yield Finding(a, b, f"hard to read: {_FORMULA_NAME[lang]} {score:.0f} (below {floor:.0f})",
                          help="use shorter sentences and everyday words; define jargon once")


RULES = [Readability]
