"""unsourced-figure: a number that states a quantity about the world, with no source."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import regex

from lintpost import figures, packs, recache
from lintpost.attribution import Attribution
from lintpost.diagnostic import Finding
from lintpost.document import Block, Document
from lintpost.rule import Context, Rule


@lru_cache(maxsize=8)
def _sentence_skips(lang: str, pack_dirs: tuple[Path, ...]) -> tuple[regex.Pattern[str], ...]:
    d = packs.load("figures", lang, pack_dirs)
    hypothetical = packs.words(d.get("hypothetical", []))
    advice = packs.words(d.get("advice", []))
    conditional = packs.words(d.get("conditional", []))
    time_unit = recache.compile(r"(?i)[\s\u00a0\u202f]" + packs.phrases(d.get("time_units", [])) + r"$", regex.V1)
    age = packs.words(d.get("age_cues", []))
    return hypothetical, advice, conditional, time_unit, age


class UnsourcedFigure(Rule):
    name = "unsourced-figure"
    description = "A figure (amount, percentage, multiplier, count) has no source in its sentence"
    explain = """\
Flags a number that states a quantity about the world — an amount of money, a percentage or
rate, a multiplier, a count with its noun, a price, a valuation or a forecast — when nothing in its
sentence says where it comes from: no attribution ("selon X", "according to X", "X said"), no link,
no footnote or citation marker, no "Source:" caption under or above its table or list, and no
attribution opening its paragraph. A quotation whose speaker the text names (an incise « …,
explique X, … », a credit after it, a speaker before its colon) sources every figure inside it.
Vague attribution ("selon des experts", "analysts say", "estimé à", "recent reports") is not a
source. Years, dates, times, ordinals, numbers inside names (CAC 40, S&P 500, GPT-4, H100),
hypothetical examples ("si vous investissez 1 000 €"), stated assumptions and counterfactual
results ("Assumed to be $4,000 a month", "if dividends were not reinvested, it would be $145,000"),
worked examples (a scenario and what carries it on: its lists, tables, sums, or a section headed
« Exemple de calcul »; « Exemples concrets » of real cases stay claims), ratings ("5 étoiles"),
the author's own advice (allocation tables and lists by profile included) and the author's own
dealings ("I bought 100 shares at $45") are not flagged; a figure repeated later in the post is flagged once.
A rule's own thresholds and rates stay claims even when the sentence speaks to the reader ("if you
are 50 or older, you can contribute up to $6,500").

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
        hypothetical, advice, conditional, time_unit, age = _sentence_skips(ctx.lang, ctx.pack_dirs)
        hypothetical_block = _HYPOTHETICAL_BLOCK
        seen: set[str] = set()
        values: set[str] = set()  # value and kind only, for titles restating the body
        t = doc.masked
        reported_groups: set[int] = set()
        boxes: dict[int, bool] = {}  # first block of a run of quotes -> whether it works out a sum
        # Headings last: a title usually restates a figure that the body gives with its source.
        ordered = sorted(doc.prose_blocks(), key=lambda blk: blk.kind == "heading")
        examples = _example_runs(doc, hypothetical_block)
        for block in ordered:
            if block.kind == "heading" and _numbered_heading(t, block):
                continue
            if id(block) in examples:
                # The blocks that carry on a worked example (its results, its table, its sums); their
                # values, mentioned again later, are the example's.
                seen.update(
                    f.key for a, b in doc.sentences(block) for f in figures.find(t, a, b, ctx.lang, ctx.pack_dirs)
                )
                continue
            lead = attribution.paragraph_lead(block) or attribution.list_lead(block) or self._quoted(doc, block)
            if self._in_example(doc, block, hypothetical_block):
                continue  # the items of a list introduced as an example ("Let's consider an example:")
            list_head = doc.list_lead(block)
            if list_head is not None and (
                _ADVICE_COLUMN.search(t, list_head.start, list_head.end)
                or _ADVICE_LEAD.match(t, list_head.start, list_head.end)
            ):
                continue  # « Allocation optimale selon profil : - Conservateur : 2-5 % », "My advice?": the author's
            if block.kind == "quote" and self._worked_box(doc, block, boxes):
                continue  # a quoted box that works out a sum of money is one worked example
            caption = attribution.caption_after(block) or attribution.caption_before(block)
            sents = doc.sentences(block)
            if sents and hypothetical_block.match(t, sents[0][0], sents[0][1]):
                continue  # a worked example or scenario: its figures illustrate, they do not claim
            if _ADVICE_LEAD.match(t, block.start, block.end):
                continue  # "Your action step: ... 25% at 2x", « Mon conseil : … »: the author's advice
            if _display_math(t[block.start : block.end]):
                continue  # "$$ x = 50 * (1 - s)^{1.5} $$": a formula, not a claim
            sourced_here: set[str] = set()  # numbers the paragraph has already given with a source
            example_open = False  # the sentence before, in this paragraph, told a made-up case
            for a, b in sents:
                figs = figures.find(t, a, b, ctx.lang, ctx.pack_dirs)
                if not figs:
                    continue
                sourced = lead or caption or attribution.strong(a, b) or attribution.named_agent(a, b)
                # The speaker of a quotation does not source a clause of the writer's after it.
                own_from = attribution.after_closed_quote(a, b) if sourced and not (lead or caption) else a
                if own_from > a and (attribution.strong(own_from, b) or attribution.named_agent(own_from, b)):
                    own_from = a
                if sourced:
                    sourced_here.update(f.key.split(":", 1)[0] for f in figs)
                hyp = _search_plain(hypothetical, t, a, b)
                # "have averaged about 8%, and that graph is assuming 6%": a cue in a later clause of
                # its own leaves the statement before it alone.
                hyp_from = a if hyp is None or not _JOINED_CLAUSE.search(t, a, hyp) else hyp
                skip = (not sourced) and bool(
                    (hyp is not None and hyp_from == a)
                    or _advised(advice, t, a, b)
                    or (_EXAMPLE_CUE.search(t, a, b) and _SECOND_PERSON.search(t, a, b))
                    # "you can contribute up to $6,500": the reader's case of a rule states the rule
                    or (_READER_AMOUNT.search(t, a, b) and not _RULE_CONTEXT.search(t, a, b))
                    or _computes_money(t, a, b)
                )
                if_clauses = [(m.start(), _clause_end(t, m.end(), b)) for m in conditional.finditer(t, a, b)]
                # "si vous investissez 1 000 €, ... 32 €": an illustration from the condition on, and
                # before it where the result is hedged (« On peut obtenir 243 000 € en investissant… »);
                # a plain statement before the condition stays a claim ("Historically the index returned
                # 9.6%, whereas if you…"). Not a rule's threshold: « si vos revenus sont inférieurs à
                # 2 000 € » states what the law says.
                illustrated_from = min(
                    (
                        x
                        for x, y in if_clauses
                        for f in figs
                        if x <= f.start < y and not _THRESHOLD.search(t, x, f.start)
                    ),
                    default=b,
                )
                before_if = max(a, illustrated_from - 30)
                if illustrated_from < b and not (
                    _NEW_CLAUSE_BEFORE.search(t, before_if, illustrated_from)
                    or _JOINED_CLAUSE.search(t, a, illustrated_from)
                ):
                    illustrated_from = a  # "$1,256 per paycheck if semi-monthly": the condition is the figure's own
                # « Si vous avez besoin de 30 000 € par an, alors il vous faut 750 000 € », « si votre épargne
                # progresse de 6 %, vous pourrez consommer 5 % »: a condition opened by "then", or one that
                # sets figures and gives the reader the result, illustrates from the condition on.
                for x, y in if_clauses:
                    if y >= b or x >= illustrated_from:
                        continue
                    result = _READER_RESULT.search(t, y, b)
                    if result is not None and (
                        result.group("then") or any(x <= f.start < y for f in figs)
                    ):
                        illustrated_from = x
                # "If I invested $1 at 150% a minute ... . By the time I got back, my account would hold
                # 8 quadrillion dollars.": the result of a made-up case goes on in the next sentence.
                if example_open and not sourced and _CASE_GOES_ON.search(t, a, b):
                    skip = True
                example_open = skip or illustrated_from == a or (hyp is not None and hyp_from == a)

                scenario: _Scenario | None = None  # built when a figure is left to flag
                for fig in figs:
                    if fig.kind == "count" and time_unit.search(t, fig.start, fig.end) and not (
                        _QUANTITY_OF.match(t, fig.end, b) or age.search(t, a, fig.start)
                    ):
                        continue  # a duration ("pendant 10 ans"), unless an age or "30 ans de service"
                    value = fig.key.rsplit(":", 1)[0]
                    repeat = fig.key in seen or (block.kind == "heading" and value in values)
                    fig_sourced = sourced and not fig.start >= own_from > a
                    illustrative = skip or fig.start >= illustrated_from or fig.start >= hyp_from > a
                    if not illustrative:
                        # A value met in a made-up case ("if inflation is 4%") does not make the same value
                        # stated later as a fact ("CDs pay around 4%") a repeat.
                        seen.add(fig.key)
                        values.add(value)
                    if fig_sourced or repeat or illustrative:
                        continue
                    if attribution.in_attributed_quote(block, fig.start):
                        continue  # « …, explique X, … » : the speaker's words, all of them
                    if illustrated_from < b and _hedged_result(t, a, b, fig.start):
                        continue
                    if fig.key.split(":", 1)[0] in sourced_here and _BACK_REFERENCE.search(t, a, fig.start):
                        continue  # « Selon l'étude, 147 multinationales … Parmi ces 147 sociétés »: the same number
                    scenario = scenario or _Scenario(t, a, b, attribution)
                    if scenario.covers(fig.start):
                        continue
                    if block.kind == "table_row":
                        if (
                            block.group in reported_groups
                            or self._has_source_column(doc, block)
                            or self._advice_table(doc, block)
                        ):
                            continue
                        reported_groups.add(block.group)
                        yield self._table_finding(doc, block, fig)
                        continue
                    label = figures.KIND_LABEL[fig.kind]
                    vague = attribution.vague(a, b)
                    why = " (vague attribution is not a source)" if vague else ""
                    yield Finding(fig.start, fig.end, f"{label} with no source{why}", help=_HELP)

    @staticmethod
    def _quoted(doc: Document, block: Block) -> bool:
        """A quotation introduced by "Je cite :" or followed by its author ("— X", "@x") is attributed."""
        if block.kind != "quote":
            return False
        i = doc.block_number(block)
        j = i - 1
        while j >= 0 and doc.blocks[j].kind == "quote":
            j -= 1
        if j >= 0 and doc.masked[doc.blocks[j].start : doc.blocks[j].end].rstrip().endswith((":", "：")):
            return True
        k = i + 1
        while k < len(doc.blocks) and doc.blocks[k].kind == "quote":
            k += 1
        return k < len(doc.blocks) and _BYLINE.match(doc.masked, doc.blocks[k].start, doc.blocks[k].end) is not None

    @staticmethod
    def _worked_box(doc: Document, block: Block, boxes: dict[int, bool]) -> bool:
        """The run of quoted blocks holding this one computes a sum of money ("70 € x 31,4 % = 22 €") or
        tells the story of an invented saver (« Véro est une épargnante prévoyante… »)."""
        blocks, t = doc.blocks, doc.text

        def same_box(k: int) -> bool:  # blocks k and k + 1 are quotes with only ">" lines between them
            if blocks[k].kind != "quote" or blocks[k + 1].kind != "quote":
                return False
            between = t[blocks[k].end : blocks[k + 1].start].splitlines()[1:]
            return all(line.lstrip().startswith(">") for line in between)

        i = doc.block_number(block)
        first = i
        while first > 0 and same_box(first - 1):
            first -= 1
        if first not in boxes:
            last = i
            while last + 1 < len(blocks) and same_box(last):
                last += 1
            boxes[first] = _PERSONA.match(doc.masked, blocks[first].start, blocks[first].end) is not None or any(
                _computes_money(doc.masked, blocks[k].start, blocks[k].end) for k in range(first, last + 1)
            )
        return boxes[first]

    @staticmethod
    def _in_example(doc: Document, block: Block, cue: regex.Pattern[str]) -> bool:
        """A list item under a paragraph that announces an example ("Let's consider a case:")."""
        prev = doc.list_lead(block)
        if prev is None:
            return False
        sents = doc.sentences(prev)
        if not sents:
            return False
        last = doc.masked[sents[-1][0] : sents[-1][1]]
        first = doc.masked[sents[0][0] : sents[0][1]]
        if _EXAMPLE_CUE.search(last) is not None or cue.match(first) is not None:
            return True
        # A short lead ("Dans ce cas :") after a paragraph that sets up a scenario ("Supposons que…").
        i = doc.block_number(prev)
        if len(sents) == 1 and len(first.split()) <= 8 and first.rstrip().endswith(":") and i > 0:
            setup = doc.blocks[i - 1]
            setup_sents = doc.sentences(setup) if setup.kind == "paragraph" else []
            return bool(setup_sents) and cue.match(doc.masked, *setup_sents[0]) is not None
        return False

    @staticmethod
    def _has_source_column(doc: Document, block: Block) -> bool:
        """A table whose header names a 'Source' column sources its own rows."""
        return _header_matches(doc, block, _SOURCE_COLUMN)

    @staticmethod
    def _advice_table(doc: Document, block: Block) -> bool:
        """A table whose header gives the author's recommendation ("Recommended Allocation", « Répartition
        conseillée », "Target weight"): its figures are advice, not claims about the world."""
        return _header_matches(doc, block, _ADVICE_COLUMN)

    @staticmethod
    def _table_finding(doc: Document, block: Block, fig: figures.Figure) -> Finding:
        rows = [b for b in doc.blocks if b.kind == "table_row" and b.group == block.group]
        end = rows[-1].end
        return Finding(fig.start, end, "table of figures with no source",
                       help="add a 'Source: ...' line directly under the table")


_SOURCE_COLUMN = recache.compile(r"(?i)\|\s*(?:sources?|données|data from|références?|references?)\s*(?:\||$)")
_ADVICE_COLUMN = recache.compile(
    r"(?i)\b(?:recommended|suggested|target|ideal|optimal|model|my|our) (?:allocation|weight|weighting|split|mix|"
    r"share)s?\b"
    r"|\b(?:allocation|répartition|pondération) (?:recommandée|conseillée|cible|idéale|suggérée|optimale)\b"
    r"|\b(?:ma|notre) (?:allocation|répartition)\b"
    r"|\b(?:allocation|répartition)s? (?:\w+ )?(?:selon (?:le |votre |son )?profil|by (?:risk )?profile)\b"
)


def _header_matches(doc: Document, block: Block, pattern: regex.Pattern[str]) -> bool:
    """Whether the first row of the table that holds this row matches pattern."""
    header = next(b for b in doc.blocks if b.kind == "table_row" and b.group == block.group)
    return pattern.search(doc.masked, header.start, header.end) is not None

_QUANTITY_OF = recache.compile(r"[\s\u00a0]+(?:de|d['’]|of)[\s\u00a0]*(?!l['’]|la\b|le\b|les\b|the\b)\p{L}")


# "70 € x 31,4 % = 22 €", "1 070 – 22 = 1 048 €": a computation that shows its working.
_ARITHMETIC = recache.compile(
    r"(?<![\d.,])\d[\d \u00a0\u202f.,]{0,12}(?:[€$£%]|k€|euros?|dollars?)?\s{1,3}[x×*/+−–-]\s{1,3}[$€£]?\d"
    r"[\d \u00a0\u202f.,]{0,12}(?:[€$£%]|euros?|dollars?)?"
    r"(?:\s{1,3}[x×*/+−–-]\s{1,3}[$€£]?\d[\d \u00a0\u202f.,]{0,12}(?:[€$£%])?){0,3}\s{0,3}=\s{0,3}[$€£]?\s?\d"
    r"[\d \u00a0\u202f.,]{0,12}(?:[€$£%]|euros?|dollars?)?"
)
_MONEY = recache.compile(r"(?i)[€$£]|euro|dollar")


def _computes_money(t: str, a: int, b: int) -> bool:
    """A worked sum of money ("70 € x 31,4 % = 22 €", "20% of $1,000 is $200", "turning $1,000 into
    $2,000"); « 15,5 + 30 % = 45,5 % » derives a real rate."""
    m = _ARITHMETIC.search(t, a, b)
    return (m is not None and _MONEY.search(m.group()) is not None) or _SUM_IN_WORDS.search(t, a, b) is not None


_SUM_IN_WORDS = recache.compile(
    r"(?i)\d[\d.,]*[\s\u00a0]?%[\s\u00a0]+(?:of|de)[\s\u00a0]+[$€£]?[\s\u00a0]?\d[\d.,\s\u00a0]*[$€£]?[\s\u00a0]*"
    r"(?:is|=|equals|makes|gives|comes to|fait|font|donne|donnent|soit|revient à)[\s\u00a0]+[$€£]?[\s\u00a0]?\d"
    r"|\b(?:turn|turns|turned|turning|transform\w*|transformer|transforme\w*)[\s\u00a0]+[$€£]?[\s\u00a0]?\d[\d.,\s\u00a0]*"
    r"(?:[$€£]|dollars?|euros?)?[\s\u00a0]+(?:into|en)[\s\u00a0]+[$€£]?[\s\u00a0]?\d"
)


def _example_runs(doc: Document, opener: regex.Pattern[str]) -> set[int]:
    """The blocks that carry on a worked example after the block that opens it.

    An example opens with a scenario ("Let's say you save $10,000…", « Supposons que… », « Exemple : »)
    or a lead that ends with a colon after a condition ("If I run this for 5 years I get:"). It goes
    on through tables, lists, quotes, short lines of results and paragraphs that work out a sum or
    (before any table or list) talk to the reader; it stops at a heading or any other paragraph.
    A section headed as an example (« ### Exemple de calcul », "## Worked example") is one whole.
    """
    t = doc.masked
    out: set[int] = set()
    blocks = doc.blocks
    section = 0  # the level of the heading of the example section we are in, 0 outside one
    for block in blocks:
        if block.kind == "heading":
            hashes = _HASHES.match(doc.text, block.start, block.end)
            level = len(hashes.group(1)) if hashes else 2
            if section and level > section:
                continue  # a sub-heading of the example: « ### Si le bien coûtait 150 000 € : »
            section = level if _EXAMPLE_HEADING.match(t, block.start, block.end) else 0
        elif block.kind == "paragraph" and _PSEUDO_HEADING.fullmatch(doc.text, block.start, block.end):
            # A line all in bold stands for a heading under the last real one: "**Exemple 1 - …**".
            if section in (0, _PSEUDO_LEVEL):
                section = _PSEUDO_LEVEL if _EXAMPLE_HEADING.match(t, block.start, block.end) else 0
            if section:
                out.add(id(block))
        elif section:
            out.add(id(block))
    i = 0
    while i < len(blocks):
        if not _opens_example(doc, blocks[i], opener):
            i += 1
            continue
        j = i + 1
        after_table = False  # past its table or list, the example's prose is over
        while j < len(blocks) and j - i <= _MAX_EXAMPLE_BLOCKS:
            block = blocks[j]
            if block.kind == "heading":
                break
            a, b = block.start, block.end
            if _opens_example(doc, block, opener):
                after_table = False
            elif block.kind in ("table_row", "list_item", "quote", "code"):
                after_table = block.kind != "quote"
            else:
                words = _WORDS.findall(t, a, b)
                numbers = sum(1 for w in words if w[0].isdigit())
                short = len(words) <= 12
                if short and t[a:b].rstrip(" \t\r\n*_\u00a0").endswith((":", "：")):
                    after_table = False  # the lead of the example's next list: « LR : »
                elif not (
                    not words
                    or (short and _STARTS_WITH_FIGURE.match(_TAG.sub("", t[a:b])))  # "$33,043 on …"
                    or numbers * 2 >= len(words)  # a table of results the parser did not see as one
                    or _computes_money(t, a, b)
                    or _EQUATION.search(t, a, b)  # "103077 - 31000 = 72077": the example's working
                    or (not after_table and _SECOND_PERSON.search(t, a, b))
                    or (numbers and _WORKING_IT_OUT.search(t, a, b))  # « on applique …, soit 2 % de … »
                    or _ROLE.match(t, a, b)  # « Je suis un producteur de pétrole… »: the example told as a role
                ):
                    break
            out.add(id(block))
            j += 1
        i = j
    return out


# A clause joined to the one before: "…, and that graph is assuming 6%", « …, mais en supposant … ».
_JOINED_CLAUSE = recache.compile(
    r"(?i)(?:[;,]\s*|\s)(?:and|but|while|whereas|though|although|et|mais|alors que|tandis que|bien que)\s+"
    r"(?:that|this|the|it|ce|cela|le|la|les|on|we|nous|I|je)\b"
)
_EXAMPLE_HEADING = recache.compile(
    r"(?i)[\W_]*(?:(?:un |an |a |notre |our |mon |my )?(?:exemples?|examples?|cas pratiques?|worked examples?|"
    r"illustrations?|simulations?)\b"
    # « Exemples concrets », "Examples from history": real cases, told as facts.
    r"(?!\s+(?:concrets|réels?|récents?|historiques?|célèbres?|notables?|connus?|from history|from the news)\b)"
    # A heading that states the scenario: « Si le bien coûtait 150 000 € : », "If you invest $500 a month".
    r"|(?:si|if|suppose|supposons|imaginons|imagine|let['’]s say)\b)"
)
_HASHES = recache.compile(r"[ \t]*(#{1,6})")
_PSEUDO_HEADING = recache.compile(r"[ \t]*(\*\*|__)(?:(?!\1)[^\n]){1,150}\1[ \t]*")
_PSEUDO_LEVEL = 7  # deeper than any heading: the next real heading ends its section
def _search_plain(pattern: regex.Pattern[str], t: str, a: int, b: int) -> int | None:
    """Where pattern first matches in t[a:b] read without Markdown emphasis (« _Supposons que …_ »)."""
    seg = t[a:b]
    if "_" in seg or "*" in seg:
        m = pattern.search(_EMPHASIS.sub(lambda e: " " * len(e.group()), seg))
        return None if m is None else a + m.start()
    m = pattern.search(t, a, b)
    return None if m is None else m.start()


_EMPHASIS = recache.compile(r"(?<![\w*])[*_]{1,3}(?=\w)|(?<=\w)[*_]{1,3}(?![\w*])")


def _advised(advice: regex.Pattern[str], t: str, a: int, b: int) -> bool:
    first = advice.search(t, a, b)
    if first is None:
        return False  # most sentences: one search, not a merge of every match
    return _advises(t, a, first) or any(_advises(t, a, m) for m in advice.finditer(t, first.end(), b))


def _advises(t: str, a: int, m: regex.Match[str]) -> bool:
    """An advice cue, unless a verb after a comma goes on a list of infinitives: "requires issuers to
    hold 60% of reserves in banks, maintain 1:1 backing" (not "In a bear market, keep 10% in cash")."""
    if m.start() <= a or not t[m.start() - 1].isspace():
        return True
    before = t[a : m.start()]
    return not (before.rstrip().endswith((",", ";")) and _INFINITIVE.search(before))


_INFINITIVE = recache.compile(r"(?i)\b(?:to|de|d['’]|à)\s+\p{L}+")


_EQUATION = recache.compile(r"\d[\d.,]*\s?[-+×x*/]\s?\d[\d.,]*\s?=\s?\d")
_MAX_EXAMPLE_BLOCKS = 40
_ROLE = recache.compile(r"(?i)[\W_]*(?:je suis (?:un|une)|I am an?|I['’]m an?|imagine I['’]m an?)\s")
# The author and reader working an example out together: "we must subtract", « on obtient ».
_WORKING_IT_OUT = recache.compile(
    r"(?i)\b(?:we|we['’]ll|we['’]d|let['’]s|nous|on obtient|on arrive|on retire|on ajoute|on applique|would be|"
    r"serait|ferait|soit|dans l['’]exemple|in the example|in this example)\b"
)
_WORDS = recache.compile(r"[\p{L}\p{N}]+")
_CONDITION = recache.compile(r"(?i)\b(?:if|si|assume|assuming|suppose|supposons|imagine|imaginons)\b")


def _opens_example(doc: Document, block: Block, opener: regex.Pattern[str]) -> bool:
    if not block.is_prose or block.kind == "heading":
        return False
    t = doc.masked
    sents = doc.sentences(block)
    # The scenario may start after a sentence of introduction: « Pour vulgariser, prenons des pommes.
    # Disons que vous observez le marché… »; what follows the block carries it on.
    if any(opener.match(t, x, y) for x, y in sents):
        return True
    text = t[block.start : block.end]
    if "<" in text:  # HTML paragraphs ("<p><strong>Exemple :</strong></p>") are read without their tags
        text = _TAG.sub("", text)
        if opener.match(text):
            return True
    text = text.rstrip(" \t\r\n*_>\u00a0")
    if not text.endswith((":", "：")):
        return False
    # The condition belongs to the lead itself ("If I run this for 5 years I get:"), not to an earlier
    # sentence of the paragraph (« … que si tout le monde s'accorde. C'est pareil pour Bitcoin, car : »).
    last = sents[-1] if sents else (block.start, block.end)
    # « Si vous partez à l'âge légal sans tous vos trimestres : » introduces what a rule says.
    return _CONDITION.search(t, last[0], last[1]) is not None and not _RULE_CONTEXT.search(t, last[0], last[1])


_TAG = recache.compile(r"<[^<>]{0,300}>")
_STARTS_WITH_FIGURE = recache.compile(r"[\W_]*(?:[$€£]\s?)?\d")


# The main clause after a condition: the reader's result or a "then": « , alors … », ", you can …".
_READER_RESULT = recache.compile(
    r"(?i)(?:^|[,;]\s*|\s)(?P<then>alors|then)\b|(?:^|,)\s*(?:vous|you)\s+(?:pourrez|pourriez|aurez|auriez|devrez|devriez|"
    r"obtiendrez|can|could|will|would|'ll|should|need|must|get|have)\b"
)
# The next sentence of a made-up case: its result in the conditional, or the reader's next step.
_CASE_GOES_ON = recache.compile(
    r"(?i)\b(?:would(?:n['’]t| not)?|you['’]d|you would|you(?:['’]ll| will) (?:have|get|earn|pay|owe)|"
    r"serait|seraient|aurait|auraient|vaudrait|rapporterait|coûterait|auriez|obtiendriez|pourriez|vous pourrez|"
    r"vous aurez|vous obtiendrez)\b"
)


def _display_math(text: str) -> bool:
    """A LaTeX formula on its own: "$$ … $$" holding an operator or a brace."""
    body = text.strip()
    inner = body[2:-2]
    return len(body) > 4 and body.startswith("$$") and body.endswith("$$") and "$" not in inner and any(
        ch in inner for ch in "=^\\{}"
    )


_ADVICE_LEAD = recache.compile(
    r"(?i)[\W_]*(?:your action steps?|action steps?|pro tips?|tips?|my rules?|rules? of thumb|my advice|"
    r"mon conseil|nos conseils|mes conseils|conseil|astuce|règle d['’]or|ma règle|my recommendations?|"
    r"mes recommandations)[*_\s]*(?:[:：]|\?(?=[*_\s]*(?:<[^>\n]*>[*_\s]*)*$))"
)
_THRESHOLD = recache.compile(
    r"(?i)\b(?:inférieure?s? (?:ou égale?s? )?à|supérieure?s? (?:ou égale?s? )?à|moins de|plus de|au-delà de|"
    r"au-dessus de|en dessous de|en deçà de|jusqu['’]à|dépasse\w*|exc[èé]d\w*|above|below|over|under|more than|"
    r"less than|up to|exceeds?|exceeding|at least|at most|au moins|au plus)[\s\u00a0]*(?:\S+[\s\u00a0]*)?$"
    r"|[<>≤≥⩽⩾][\s\u00a0]*(?:[$€£][\s\u00a0]*)?$"  # « si CA < 25 000 € »
)
_CLAUSE_BREAK = recache.compile(r"[,;:()—–]|\s--?\s|\b(?:then|alors)\b")


def _clause_end(t: str, pos: int, b: int, breaks: regex.Pattern[str] = _CLAUSE_BREAK) -> int:
    m = breaks.search(t, pos, b)
    return m.start() if m else b


def _numbered_heading(t: str, block: Block) -> bool:
    return regex.match(r"\s*\d+(?:\.\d+)*[.)]?\s", t[block.start : block.end]) is not None and not regex.search(
        r"\d\s?%|[$€£]", t[block.start : block.end])


_EXAMPLE_CUE = recache.compile(
    r"(?i)\b(?:for example|for instance|e\.g\.|example|exemple|par exemple|illustrat\w*|let['’]s (?:say|consider|take)|"
    r"considérons|consider (?:a|an)|"
    r"say you|suppose|supposons|imaginons|imagine|prenons|hypothetical|hypothétique|scenario|scénario)\b"
)
# "You make $50,000 a year", "Votre salaire est de 2 000 €": the reader's situation, an illustration.
_READER_AMOUNT = recache.compile(
    r"(?i)(?:^|(?<=[.!?:;,]\s)|\G\W*)(?:(?:you|vous|tu)\s+(?:\w+\s+)?(?:make|earn|invest|save|pay|put|contribute|"
    r"spend|buy|deposit|receive|withdraw|gagnez|touchez|investissez|placez|épargnez|payez|mettez|achetez|"
    r"versez|percevez|retirez|gagnes|investis|places)\b|(?:your|votre|ton)\s+(?:[\w-]+\s+){0,2}(?:pay|salary|"
    r"income|portfolio|balance|savings|account|contribution|contributions|budget|salaire|revenu|revenus|épargne|"
    r"portefeuille|capital|apport|budget)\b)"
)
class _Scenario:
    """What of a sentence is the reader's or someone's, not the author's claim about the world."""

    def __init__(self, t: str, a: int, b: int, attribution: Attribution) -> None:
        self.t, self.a = t, a
        spoken = attribution.c.speaking.search(t, a, b)
        # "…, adding that sales fell 12%": the speaker's words from there on.
        self.spoken_from = spoken.end() if spoken else b
        # "you went to buy a baguette at 1$", "you report between $0 and $5,500": the reader's own
        # money in a scenario, up to the end of that clause.
        self.yours = [(m.end(), _clause_end(t, m.end(), b, _SCENARIO_BREAK)) for m in _READER_MONEY.finditer(t, a, b)]
        if _FIRST_PERSON.search(t, a, b):  # cheap: most sentences have no "I", « je »
            self.yours += [(m.end(), _clause_end(t, m.end(), b, _OWN_BREAK)) for m in _AUTHOR_OWN.finditer(t, a, b)]
        trade = _READER_TRADE.search(t, a, b)
        self.trade_from = trade.end() if trade else b  # "the share you'll sell at 2x, 3x and 5x"
        self.to_reader = bool(_SECOND_PERSON.search(t, a, b) and _ADVISORY.search(t, a, b))
        # "If you earn more than $145,000, catch-up contributions must be Roth": the rule's threshold.
        self.rule = bool((self.yours or self.to_reader) and _RULE_CONTEXT.search(t, a, b))
        self.any_word = _ANY_WORD.search(t, a, b) is not None

    def _rules(self, x: int, pos: int) -> bool:
        """The figure at pos is the rule's own: a threshold ("more than $145,000") or a rate of the rule
        ("the usual 10% early-withdrawal penalty")."""
        return _THRESHOLD.search(self.t, x, pos) is not None or _RULE_FIGURE.match(self.t, pos) is not None

    def covers(self, pos: int) -> bool:
        t, a = self.t, self.a
        return (
            pos >= self.spoken_from
            or pos >= self.trade_from
            or any(x <= pos < y and not (self.rule and self._rules(x, pos)) for x, y in self.yours)
            # "any yield above 20% gets skepticism": a rule of the author's, not a fact.
            or (self.any_word and _ANY_THRESHOLD.search(t, a, pos) is not None)
            # "any yield above 20% should make you wary": a threshold the author advises.
            or (self.to_reader and not self.rule and _THRESHOLD.search(t, a, pos) is not None)
        )


_RULE_FIGURE = recache.compile(
    r"(?i)[$€£]?[\d.,\u00a0\u202f ]+(?:%|[$€£]|percent|pour cent)?[\s\u00a0]*(?:[\w-]+[\s\u00a0]+){0,2}?"
    r"(?:penalty|penalties|tax|taxes|surtax|limit|cap|deduction|credit|pénalité|taxe|impôt|plafond|abattement|"
    r"décote|majoration)\b"
)
_RULE_CONTEXT = recache.compile(
    r"(?i)\b(?:must|required|law|laws|rules?|allowed|allows?|lets you|penalty|penalties|eligible|eligibility|"
    r"contribute|contributions?|can contribute|deductible|statutory|légale?s?|réglementaire|trimestres?|"
    r"IRS|taxed|taxable|exempt|catch-up|la loi|le fisc|imposables?|exonérée?s?|abattement|éligibles?|"
    r"autorisée?s?|obligatoire|doit|doivent|plafonnée?s?)\b"
)
_CLASS_WORDS = r"(?:any|every|each|tout|toute|tous|toutes|chaque)"
_ANY_WORD = recache.compile(rf"(?i)\b{_CLASS_WORDS}\b")
# The reader as the one who pays, buys or holds the money of a scenario.
_READER_MONEY = recache.compile(
    r"(?i)\b(?:you|vous|tu)\s+(?:[\w'’-]+\s+){0,3}?(?:buy|bought|pay|paid|get back|got back|spend|spent|invest|"
    r"invested|"
    r"put|report|receive|received|earn|earned|sell|sold|lend|lent|borrow|borrowed|owe|save|saved|deposit|withdraw|"
    r"achetez|achetiez|payez|recevez|touchez|dépensez|investissez|vendez|empruntez|prêtez|récupérez|déclarez|"
    r"économisez|retirez)\b"
    r"|\b(?:you|vous)\s+(?:have|had|avez|aviez)\s+(?:a\s+|an\s+|only\s+|just\s+|about\s+|some\s+|un\s+|une\s+)?(?=[$€£\d])"
    r"|\b(?:your|votre|vos|ton|tes)\s+(?=[$€£]|\d[\d.,\u00a0\u202f ]*(?:[$€£]|(?:dollars?|euros?|USD|EUR)\b))"
    r"|\b(?:your|votre|ton)\s+(?:investment|portfolio|savings|money|capital|placement|portefeuille|épargne|argent)\b"
)
# The author's own dealings, optional in the specification: "I bought 10,000 shares at $4",
# « je visite un appartement de 49 m², 2 pièces ». Not an opinion: "I think it will rise 20%".
_AUTHOR_OWN = recache.compile(
    r"(?i)(?:\bI|\bje|\bj['’])\s*(?:(?:also|then|just|finally|first|had|have|ai|aussi|ensuite|enfin|alors|"
    r"finalement|d['’]abord)\s+){0,2}(?:bought|sold|invested|paid|purchased|spent|deposited|withdrew|borrowed|lent|"
    r"visited|visit|own|hold|held|earned|received|lost|made|added|trimmed|opened|closed|bet|give|gave|lend|"
    r"acheté|achète|vendu|vends|parie|parié|donne|donné|prête|prêté|"
    r"investi|investis|payé|paie|dépensé|visite|visité|possède|détiens|gagné|perdu|reçu|emprunté|renforcé|"
    r"allégé|ouvert|fermé|"
    # What the author has: "I had a $0 balance", « j'ai 10 000 € de côté ».
    r"(?:had|have|ai|avais)(?=\s+(?:(?:a|an|about|around|only|just|roughly|un|une|environ|seulement)\s+)?[$€£\d])|"
    # The author's plans for retiring: "I plan to be able to retire at 35", « je compte partir à 50 ans ».
    r"(?:(?:plan|planned|aim|aimed|want|wanted|hope|hoped|intend|intended|expect)\s+to\s+(?:be\s+able\s+to\s+)?)?"
    r"(?:retire|retired|quit)|(?:compte|veux|voudrais|souhaite|espère|vise\s+à)\s+(?:partir|prendre ma retraite|"
    r"arrêter de travailler))\b"
)
_FIRST_PERSON = recache.compile(r"(?i)(?<![\p{L}'’])(?:(?:I|je)(?![\p{L}])|j['’])")
# A scenario's clause ends at punctuation, not at the comma of "$5,500".
_SCENARIO_BREAK = recache.compile(r"[;:()—–!?]|\.(?!\d)|,(?!\d)|\s--?\s")
# The author's own thing runs on through its description: « un appartement de 49 m², 2 pièces, à Antibes ».
_OWN_BREAK = recache.compile(r"[;:()—–!?]|\.(?!\d)|\s--?\s|,\s+(?:but|mais|and|et|which|qui|while|alors que)\b")


# The reader's own trades: "you'll sell at 2x", « vous vendrez à 30 € ».
_READER_TRADE = recache.compile(
    r"(?i)\b(?:you|you['’]ll|you will|you['’]d|you would|you should|vous)\s+(?:\w+\s+)?(?:sell|buy|take profits?|exit|"
    r"vendrez|vendez|achèterez|achetez|prendrez vos bénéfices)\b(?:\s+[\w'’-]+){0,3}?\s+(?:at|à)\b"
)
# A threshold over a whole class: "any APY above 20%", « tout rendement supérieur à 15 % ».
_ANY_THRESHOLD = recache.compile(
    rf"(?i)\b{_CLASS_WORDS}\s+(?:[\w'’-]+\s+){{1,3}}(?:above|over|below|under|beyond|"
    r"more than|less than|exceeding|supérieure?s? à|inférieure?s? à|au-delà de|au-dessus de|de plus de|de moins de)\s*$"
)
# What the reader should or should not do ("should make you wary", « fuyez »).
_ADVISORY = recache.compile(
    r"(?i)\b(?:should|shouldn['’]t|must|need to|have to|ought to|don['’]t|do not|avoid|beware|be wary|"
    r"devriez|devez|doit|faut|fuyez|méfiez|évitez)\b"
)
_SECOND_PERSON = recache.compile(r"(?i)\b(?:you|your|you['’]re|vous|votre|vos|tu|ton|ta|tes)\b")
_BYLINE = recache.compile(r"\s*(?:[—–-]\s*\S|@\w|\(?(?:source|via)\s*:?\s)", regex.I)
def _hedged_result(t: str, a: int, b: int, pos: int) -> bool:
    """Whether the clause holding pos tells a possible result ("you'd have $1,500", « on peut obtenir »)."""
    start = a
    for m in _CLAUSE_BREAK.finditer(t, a, pos):
        start = m.end()
    return _RESULT_MODAL.search(t, start, _clause_end(t, pos, b)) is not None


# A condition that opens a new clause: "…, so if you had invested", "…, whereas if you", « …, alors que si ».
_NEW_CLAUSE_BEFORE = recache.compile(
    r"(?i)(?:[,;]\s*|\s)(?:so|whereas|while|but|yet|and|donc|alors que|tandis que|mais|et)\s+$"
)
# A result told as possible or conditional: "you'd have", « on peut obtenir », "would be".
_RESULT_MODAL = recache.compile(
    r"(?i)\b(?:would|could|can|might|may|will|['’]d|['’]ll|peut|peuvent|pourrait|pourraient|pourrez|pouvez|"
    r"aurait|auriez|aurez|serait|seriez|obtiendrez|obtiendriez|gagneriez|gagnerez)\b"
)
_BACK_REFERENCE = recache.compile(r"(?i)\b(?:ces|cette|ce|cet|these|those|this|that)[\s\u00a0]+$")
# An invented character introduced by a first name: « Véro est une épargnante », "Meet Tom, a saver".
_PERSONA = recache.compile(
    r"[>\s*_]*(?:(?i:meet|voici)\s+)?\p{Lu}\p{Ll}+,?\s+(?:(?i:est|is|was|était|a|has)\s+)?(?i:un|une|a|an)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?i:épargnante?|investisseu(?:r|se)|salariée?|retraitée?|couple|famille|cadre|"
    r"saver|investor|retiree|employee|worker|family|\d+-year-old|trentenaire|quadragénaire|quinquagénaire)\b"
)
_HYPOTHETICAL_BLOCK = recache.compile(
    r"(?i)[\W_]*(?:(?:example|exemple)\s*:"
    # « Exemple pour une date donnée : » (not « Exemple avec le dépôt Bitcoin : », a real case)
    r"|(?:example|exemple)s? (?:pour|for|de calcul|of (?:a )?calculation|chiffrée?|numérique|concret)\b[^.!?\n]{0,80}"
    r"[:：]\s*$"
    r"|(?:scenario|scénario|imagine|imaginons|supposons|suppose|hypothèse|"
    r"hypothetical|hypothetically|cas pratique|illustration|let['’]s say|let['’]s assume|let['’]s imagine|disons|"
    r"prenons|assuming|assume|en supposant|(?:pour|dans|in|for) (?:cet|this|notre|our) (?:exemple|example))\b"
    # A scenario's details or assumptions: « Détail du scénario "Bon barrage" », "Details of our scenario".
    r"|(?:[\w'’]+\s+){1,2}(?:du|de|de notre|des|of|of the|of our)\s+(?:scénarios?|scenarios?|hypothèses|assumptions)\b"
    r"|(?:nous avons|on a) (?:considéré|supposé|retenu comme hypothèse) que\b|we (?:have )?assumed\b"
    # An example announced: « Voici un exemple concret », « Un autre exemple de produit dérivé : ».
    r"|(?:voici|voilà|here is|here['’]s|prenons) (?:un|an) (?:\w+ )?(?:exemple|example)\b"
    r"|(?:un autre|another) (?:exemple|example)\b"
    # Back to a scenario told earlier: « Reprenons notre histoire de pomme », "Back to our example".
    r"|reprenons (?:notre|l['’]|cet|cette|le|la) ?(?:exemple|histoire|cas|scénario)\b"
    r"|(?:back|going back|returning) to (?:our|the|this) (?:example|story|scenario)\b)"
)

_HELP = "say where the figure comes from: 'according to X', « selon X », a link, or a footnote"

RULES = [UnsourcedFigure]
