"""unsourced-figure: a number that states a quantity about the world, with no source."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import regex

from lintpost import figures, packs
from lintpost.attribution import Attribution
from lintpost.diagnostic import Finding
from lintpost.document import Block, Document
from lintpost.rule import Context, Rule


@lru_cache(maxsize=8)
def _sentence_skips(lang: str, pack_dirs: tuple[Path, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    d = packs.load("figures", lang, pack_dirs)
    hypothetical = packs.compile_words(packs.phrases(d.get("hypothetical", [])))
    advice = packs.compile_words(packs.phrases(d.get("advice", [])))
    return hypothetical, advice


class UnsourcedFigure(Rule):
    name = "unsourced-figure"
    description = "A figure (amount, percentage, multiplier, count) has no source in its sentence"
    explain = """\
Flags a number that states a quantity about the world — an amount of money, a percentage or
rate, a multiplier, a count with its noun, a price, a valuation or a forecast — when nothing in its
sentence says where it comes from: no attribution ("selon X", "according to X", "X said"), no link,
no footnote or citation marker, no "Source:" caption under its table or list, and no attribution
opening its paragraph. Vague attribution ("selon des experts", "analysts say", "estimé à") is not
a source. Years, dates, times, ordinals, numbers inside names (CAC 40, S&P 500, GPT-4, H100),
hypothetical examples ("si vous investissez 1 000 €") and the author's own advice are not flagged;
a figure repeated later in the post is flagged once.

Why: the SEC Marketing Rule 206(4)-1(a)(2) forbids material statements of fact that cannot be
substantiated; MAR Delegated Regulation 2016/958 art. 3(1)(b) requires material sources to be
clearly indicated; MiFID II Delegated Regulation 2017/565 art. 44(3) asks comparisons to name their
sources. Readers check numbers first.

Example:

    Le marché de l'IA est estimé à 255 milliards de dollars d'ici 2030.

Instead:

    Selon Statista (rapport de mars 2025), le marché de l'IA atteindrait 255 milliards de dollars
    d'ici 2030.
"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        attribution = Attribution(doc, ctx.lang, ctx.pack_dirs)
        hypothetical, advice = _sentence_skips(ctx.lang, ctx.pack_dirs)
        seen: set[str] = set()
        t = doc.masked
        reported_groups: set[int] = set()
        for block in doc.prose_blocks():
            if block.kind == "heading" and _numbered_heading(t, block):
                continue
            lead = attribution.paragraph_lead(block) or attribution.list_lead(block)
            caption = attribution.caption_after(block)
            for a, b in doc.sentences(block):
                figs = figures.find(t, a, b, ctx.lang, ctx.pack_dirs)
                if not figs:
                    continue
                sourced = lead or caption or attribution.strong(a, b)
                skip = (not sourced) and (hypothetical.search(t, a, b) or advice.search(t, a, b))
                for fig in figs:
                    repeat = fig.key in seen
                    seen.add(fig.key)
                    if sourced or skip or repeat:
                        continue
                    if block.kind == "table_row":
                        if block.group in reported_groups:
                            continue
                        reported_groups.add(block.group)
                        yield self._table_finding(doc, block, fig)
                        continue
                    label = figures.KIND_LABEL[fig.kind]
                    vague = attribution.vague(a, b)
                    why = " (vague attribution is not a source)" if vague else ""
                    yield Finding(fig.start, fig.end, f"{label} with no source{why}", help=_HELP)

    @staticmethod
    def _table_finding(doc: Document, block: Block, fig: figures.Figure) -> Finding:
        rows = [b for b in doc.blocks if b.kind == "table_row" and b.group == block.group]
        end = rows[-1].end
        return Finding(fig.start, end, "table of figures with no source",
                       help="add a 'Source: ...' line directly under the table")


def _numbered_heading(t: str, block: Block) -> bool:
    return regex.match(r"\s*\d+(?:\.\d+)*[.)]?\s", t[block.start : block.end]) is not None and not regex.search(
        r"\d\s?%|[$€£]", t[block.start : block.end])


_HELP = "say where the figure comes from: 'according to X', « selon X », a link, or a footnote"

RULES = [UnsourcedFigure]
