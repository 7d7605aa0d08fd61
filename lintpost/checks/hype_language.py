"""hype-language: promissory, sensational, urgent or over-certain wording."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from lintpost import packs, recache
from lintpost.diagnostic import Finding
from lintpost.document import Block, Document
from lintpost.rule import Context, Rule

CATEGORIES = ("promissory", "exaggerated", "urgency", "certainty")
_WORD = recache.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
_OPEN_QUOTES = "«“\""
_CLOSE_QUOTES = "»”\""
_CLAUSE = recache.compile(
    r"[,;:()–—]|(?<![\p{L}])(?:et|and|mais|but|or|ou|puis|then|car|because)(?![\p{L}])", regex.I
)
_AFTER_NEGATORS = frozenset({"not", "never", "pas", "jamais", "nowhere"})


@dataclass(frozen=True)
class Category:
    name: str
    pattern: regex.Pattern[str]
    message: str
    regulation: str
    help: str


@dataclass(frozen=True)
class HypePack:
    categories: tuple[Category, ...]
    negators: frozenset[str]
    mentions: regex.Pattern[str]
    exempt: regex.Pattern[str]
    neutral: regex.Pattern[str]


def _freeze(data: dict[str, Any]) -> str:
    return repr(sorted((k, repr(v)) for k, v in data.items()))


_cache: dict[str, HypePack] = {}


def load(data: dict[str, Any]) -> HypePack:
    key = _freeze(data)
    if key not in _cache:
        _cache[key] = _build(data)
    return _cache[key]


def _build(data: dict[str, Any]) -> HypePack:
    cats = []
    for name in CATEGORIES:
        table = data.get(name)
        if not isinstance(table, dict) or not table.get("phrases"):
            continue
        cats.append(Category(
            name=name,
            pattern=packs.words(table["phrases"]),
            message=str(table.get("message", name)),
            regulation=str(table.get("regulation", "")),
            help=str(table.get("help", "")),
        ))
    return HypePack(
        categories=tuple(cats),
        negators=frozenset(w.lower().replace("’", "'") for w in data.get("negators", [])),
        mentions=packs.words(data.get("mentions", [])),
        exempt=packs.words(data.get("exempt", [])),
        neutral=packs.words(data.get("neutral", [])),
    )


class HypeLanguage(Rule):
    name = "hype-language"
    description = "Promissory, sensational, urgent or over-certain wording (guaranteed, to the moon)"
    options: ClassVar[dict[str, Any]] = {"negation-window": 8}
    explain = """\
Flags wording that promises a gain or the absence of risk, that sells a dramatic rise, that
pressures the reader to act now, or that presents an opinion as certain. Four categories, each
with its own message and the rule behind it, live in `rules/<lang>/hype.toml`:

- promissory: "guaranteed returns", "risk-free", "can't lose", « rendement garanti »,
  « sans risque », « ça ne peut que monter ». FINRA Rule 2210(d)(1)(B) prohibits promissory
  statements; the AMF warns that promises of « gains rapides, sans effort et sans risque » mark
  fraudulent offers; MiFID II Delegated Regulation 2017/565 art. 44(2) forbids stressing
  benefits without the risks.
- exaggerated: "to the moon", rockets, "10x", "next Bitcoin", « c'est fou », « pépite ». The
  SEC's 2023 order against Paul Pierce cited "to the moon" and rocket emojis as signalling an
  expected dramatic price increase.
- urgency: "act now", "last chance", « dernière chance », « foncez ». ESMA names pressure and
  urgency among the marks of misleading finfluencer content.
- certainty: "mark my words", « il ne fait aucun doute ». MAR Delegated Regulation 2016/958
  art. 3 asks that opinions and projections be labelled as such.

Not flagged: negated wording ("returns are not guaranteed", « ce placement n'est pas sans
risque »), quoted wording (« méfiez-vous des promesses de "rendement garanti" »), sentences that
discuss scams or promises, and real guarantees (deposit insurance, fonds euros, livret A).

Example:

    Avec Kora Yield, le rendement est garanti : ça ne peut que monter 🚀

Instead:

    Kora Yield a servi 4 % en 2024 ; ce rendement n'est pas garanti et le capital peut baisser.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        data = dict(ctx.pack("hype"))
        # User phrases per category: [tool.lintpost.vocabulary.en] promissory = ["..."].
        for name, words in ctx.vocabulary.get(ctx.lang, {}).items():
            if isinstance(data.get(name), dict):
                data[name] = {**data[name], "phrases": [*data[name].get("phrases", []), *words]}
        pack = load(data)
        window = int(ctx.option("negation-window", 8))
        t = doc.masked
        # One pass over the whole text per category, then only the sentences holding a hit are read.
        found = sorted(
            ((m.start(), m.end(), cat) for cat in pack.categories for m in cat.pattern.finditer(t)),
            key=lambda h: (h[0], -h[1]),
        )
        if not found:
            return
        starts = [h[0] for h in found]
        for block in doc.prose_blocks():
            lo, hi = bisect_left(starts, block.start), bisect_left(starts, block.end)
            if lo == hi:
                continue
            for a, b in doc.sentences(block):
                hits = [h for h in found[lo:hi] if a <= h[0] < b]
                if not hits:
                    continue
                if any(end > b for _, end, _ in hits):  # a phrase running past the sentence's end
                    hits = [(m.start(), m.end(), cat) for cat in pack.categories for m in cat.pattern.finditer(t, a, b)]
                lead = _list_lead(doc, block)
                # Talk about hype (a scam warning) is judged by sentence; real guarantees (a livret A,
                # deposit insurance) by paragraph, since the product is often named a sentence earlier.
                if pack.mentions.search(t[a:b] + "\n" + lead):
                    continue
                if pack.exempt.search(t[block.start : block.end] + "\n" + lead):
                    continue
                taken = [(m.start(), m.end()) for m in pack.neutral.finditer(t, a, b)]
                for start, end, cat in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
                    if any(s <= start < e for s, e in taken):
                        continue
                    if _negated(t, a, b, start, end, pack.negators, window) or _quoted(t, a, b, start, end):
                        continue
                    taken.append((start, end))
                    yield Finding(start, end, f"{cat.message}: « {t[start:end]} » ({cat.regulation})",
                                  help=cat.help or None)


def _list_lead(doc: Document, block: Block) -> str:
    """The paragraph that introduces a list item's list ("Les objectifs sont :")."""
    prev = doc.list_lead(block)
    if prev is None:
        return ""
    text = doc.masked[prev.start : prev.end]
    return text if text.rstrip().endswith((":", "：")) else ""


def _negated(t: str, sentence_start: int, sentence_end: int, at: int, end: int,
             negators: frozenset[str], window: int) -> bool:
    before = t[max(sentence_start, at - 80) : at]
    # A negation does not reach across a clause: "sans risque et ça ne peut que monter".
    clauses = list(_CLAUSE.finditer(before))
    if clauses:
        before = before[clauses[-1].end() :]
    words = [w.lower().replace("’", "'") for w in _WORD.findall(before)][-window:]
    for w in words:
        if w in negators:
            return True
        # French elided negation and English contractions: n'est, n'a, isn't.
        if w.startswith("n'") or w.endswith("n't"):
            return True
    # Denied right after: "guaranteed returns don't exist", « l'argent facile n'existe pas ».
    after = t[end : min(end + 40, sentence_end)]
    for w in [w.lower().replace("’", "'") for w in _WORD.findall(after)][:3]:
        if w in _AFTER_NEGATORS or w.startswith("n'") or w.endswith("n't"):
            return True
    return False


def _quoted(t: str, a: int, b: int, start: int, end: int) -> bool:
    """The phrase sits inside quotation marks: it is mentioned, not used."""
    before, after = t[a:start], t[end:b]
    for o, c in zip(_OPEN_QUOTES, _CLOSE_QUOTES, strict=True):
        if o == c:
            if before.count(o) % 2 == 1 and o in after:
                return True
        elif before.rfind(o) > before.rfind(c) and c in after:
            return True
    return False


RULES = [HypeLanguage]
