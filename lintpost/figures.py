"""The figure grammar: amounts, percentages, multipliers, counts and spelled-out quantities.

`find(text, start, end, lang)` yields Figure spans in the masked text; exclusions (years, dates,
times, ordinals, numbers inside names) are applied here, sourcing is the rule's business.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from lintpost import packs, recache
from lintpost.sentences import NBSP_ENTITY

# A space, or the HTML entity of a no-break or narrow space left in the source ("45&nbsp;%").
_SP = rf"(?:[ \u00a0\u202f]|{NBSP_ENTITY})"
_ENTITY = recache.compile(r"&\#?\w{1,8};")
# Swiss grouping by apostrophes: « 30'000 € », "CHF 1’250’000".
_SWISS = r"\d{1,3}(?:['’]\d{3})+(?:[,.]\d+)?(?!\d)"
_NUM_FR = (
    # Grouped by spaces, with a decimal comma or (pasted from English) point: « 13 633 577 116.38 € ».
    rf"{_SWISS}|\d{{1,3}}(?:(?:[ \u00a0\u202f]|{NBSP_ENTITY})\d{{3}})+(?:[,.]\d+)?(?!\d)"
    rf"|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?(?!\d)|\d+\.\d+|\d+(?:,\d+)?|\.\d+"
)
_NUM_EN = (
    rf"{_SWISS}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)|\d{{1,3}}(?:(?:[\u00a0\u202f]|{NBSP_ENTITY})\d{{3}})+(?:\.\d+)?(?!\d)"
    r"|\d+(?:\.\d+)?|\.\d+"
)


class Figure(NamedTuple):
    start: int
    end: int
    kind: str  # money, percentage, multiplier, amount, count, number, share
    key: str  # normalised value, to spot repeats


def _alt(items: list[str], *, word: bool) -> str:
    alt = packs.phrases(items)
    return alt + r"(?![\p{L}\p{N}])" if word else alt


class Grammar(NamedTuple):
    figure: regex.Pattern[str]
    phrase: regex.Pattern[str]
    name_before: regex.Pattern[str]
    date_around: regex.Pattern[str]
    ordinal: regex.Pattern[str]
    # Without a digit, a figure needs a spelled number before one of these words: a sentence
    # with neither skips the (slow) figure pattern.
    spelled_unit: regex.Pattern[str]
    spelled_words: frozenset[str]  # the first words of the spelled numbers, for a capital opening a sentence
    opening: regex.Pattern[str]  # the figure pattern with the spelled numbers in any case


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
    dash = r"(?:-|‑|‒|–|—|à|to)"  # U+2011, the no-break hyphen, too
    rng = (
        rf"(?:{_SP}?(?:{dash}|/){_SP}?(?:{cur_before}){_SP}?{value}"
        rf"|{_SP}?(?:{dash}|{_SP}ou|{_SP}or){_SP}?{value})"
    )
    unit_tail = (
        rf"(?:{_SP}?(?P<scale>{scale}))?"
        rf"(?:{_SP}?(?P<pct>{pct})|{_SP}?(?P<cur>{cur_after})|{_SP}+{of}{_SP}?(?P<cur2>dollars|euros|livres|dollars'|USD|EUR))?"
    )
    figure = rf"""
        (?P<sign>[+\-−~≈±]{_SP}?)?
        (?:
            (?P<curpre>{cur_before}){_SP}?(?P<n1>{value})(?:\+(?![\d+]))?(?:{rng})?{unit_tail}
          | (?P<mpre>[x×X])(?P<n2>{value})(?![\p{{L}}\p{{N}}])
          | (?P<n3>{value})(?:\+(?![\d+]))?(?:{rng})?  # "15+ millions", "100 000+ victimes"
            (?:
                (?P<mult>{_SP}?(?:{times})(?=[\s\p{{P}}]|$|ed\b|ing\b)(?:ed|ing)?)
              | {unit_tail}
            )
          | (?P<sp>{spelled}){_SP}+(?P<spunit>
                (?:{scale})(?:{_SP}+{of}{_SP}?(?:dollars|euros|livres))?
              | fois{_SP}+(?:plus|moins) | times{_SP}+(?:more|less) | (?:dollars|euros)(?![\p{{L}}])
              | (?:percent|per{_SP}cent|pour{_SP}cent|pour-cent)(?![\p{{L}}])
            )
        )
    """
    figure_rx = recache.compile(r"(?<![\p{L}\p{N}_.,/:#@&\-‑‒–—])" + figure, regex.X | regex.V1)
    # The same grammar for a spelled number opening a sentence with a capital (« Vingt pour-cent … »).
    opening_figure = figure.replace(f"(?P<sp>{spelled})", f"(?P<sp>(?i:{spelled}))")
    opening = recache.compile(opening_figure, regex.X | regex.V1)
    phrase = packs.words(d.get("phrases", []))
    name_before = recache.compile(
        r"(?:^|[^\p{L}\p{N}])" + packs.phrases(d["name_before"]) + r"[\s\u00a0\u202f-]?$", regex.V1
    )
    months = packs.phrases(d["months"])
    date_around = recache.compile(
        rf"(?i)^(?:{_SP}?(?:er|st|nd|rd|th)?{_SP}+(?:{months})\b)|^(?:/|\.)\d{{1,2}}(?:[/.]\d{{2,4}})?(?!\d)|^{_SP}?[h:]{_SP}?\d{{2}}(?![\p{{N}}])|^{_SP}?(?:h|am|pm|a\.m\.|p\.m\.)(?![\p{{L}}])",
        regex.V1,
    )
    ordinal = recache.compile(r"^(?:" + packs.phrases(d["ordinal_suffix"]) + r")(?![\p{L}])|^°", regex.V1)
    spelled_unit = packs.words(
        [*d["scale"], "fois", "times", "dollars", "euros", "percent", "per cent", "pour cent", "pour-cent"]
    )
    # Articles ("A", « Une ») open countless sentences: only numerals are read with a capital.
    spelled_words = frozenset(w.split()[0].lower() for w in d["spelled"] if w.strip()) - _ARTICLES
    return Grammar(figure_rx, phrase, name_before, date_around, ordinal, spelled_unit, spelled_words, opening)


_MONTH_BEFORE = recache.compile(
    r"(?i)(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
    r"jun|jul|aug|sep|sept|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre)\.?[\s\u00a0]+$"
)
_ORDINAL_USE = recache.compile(
    r"(?i)[\s\u00a0]+(?:straight|consecutive|successive|year|time|quarter|month|week|day|session|round|term|"
    r"consécutive?s?|année|fois|trimestre|mois|semaine|séance|mandat)\b"
)
_MULTIPLIER_WORD = recache.compile(
    r"(?i)times|fois|fold|doubl|tripl|quadrupl|décupl|multipli|divis|twice|half|halved|moitié"
)
_LETTER_AFTER = recache.compile(r"^[\p{L}]")
_POINT_WORD = recache.compile(r"(?i)point")
_MAGNITUDE = recache.compile(r"(?i)millions|billions|trillions|milliards")
_NETWORK = recache.compile(r"[2-6]G")
_SPACED_ORDINAL = recache.compile(r"^[ \u00a0](?:i?[èe]me|ère)(?![\p{L}])")  # « le 50 ème centile »
_NUMBERING = recache.compile(r"(?:^|[\r\n])[\s*_>#(\[]*$")
_LINE_START = recache.compile(r"(?:^|[\r\n])[ \t#]*$")
_CAPITAL_AFTER = recache.compile(
    r"[ \t]+(?!(?i:millions?|billions?|trillions?|milliards?|thousands?|mille|percent)\b)\p{Lu}"
)
_SECTION_NUMBER = recache.compile(r"\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.")
_NUMBERING_AFTER = recache.compile(r"^[*_]*\s*(?:[.)/:\]]|\s-\s|\s–\s|\ufe0f?\u20e3|\*\*|$|\s*\r?\n)")
_LABEL_BEFORE = recache.compile(
    r"(?i)(?:^|[^\p{L}])(?:niveau|scenario|scénario|question|étape|step|block|bloc|option|cas|case|partie|"
    r"part|chapitre|chapter|épisode|episode|semaine|week|jour|day|mois|month|tier|round|phase|lesson|leçon|"
    r"exemple|example|figure|tableau|table|slide|point|numéro|number|no|matricule|id|réf|ref|code|dossier|"
    r"ticket|build|release)\.?[ \u00a0]$"
)
_MATH_AROUND = recache.compile(r"(?:[/^×÷]|(?<!\*)\*)\s?$")
_MATH_AFTER = recache.compile(r"^\s?(?:[\^×÷]|\*(?!\*)|/\s?[\d(])")
_YEAR_STRONG = recache.compile(
    r"(?i)(?:^|[^\p{L}])(?:en|in|since|depuis|dès|vers|until|jusqu['’]en|année|year|circa|anno|l['’]an|it['’]s|"
    r"fy|fiscal|exercice|[qtsh][1-4]|années|decade|décennie|"
    r"c['’]est|été|summer|hiver|winter|printemps|spring|automne|autumn)[\s\u00a0]+$"
    # The date closing a citation: '— Alexander Pope, "A Little Learning," 1709'.
    r"|(?:[\"”»'’],|,[\"”»'’])[\s\u00a0]+$"
)
_YEAR_BEFORE = recache.compile(
    r"(?i)(?:^|[^\p{L}])(?:en|in|since|depuis|de|du|from|to|à|dès|vers|until|jusqu['’]en|après|avant|before|after|"
    r"année|year|of|d['’]ici|by|for|pour|au|the|l['’]an|fin|end|début|early|late|mid|été|summer|hiver|winter|"
    r"printemps|spring|automne|fall|et|and|or|ou|through|a|an|un|une|le|la|this|that|ce|cette|les|their|its|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[\s\u00a0]+$"
)
_CAPITAL_LABEL = recache.compile(r"(?<=[^.!?\s] )\p{Lu}\p{Ll}+[ \u00a0]$")
_SHORT_YEAR_BEFORE = recache.compile(r"(?:^|[\s(])['’]$")
_BACK_DETERMINER = recache.compile(r"(?i)\b(?:the|these|those|both|ces|les|ses|leurs|nos|vos|mes)[\s\u00a0]+$")
_LEVEL_BEFORE = recache.compile(
    r"(?i)(?:[~≈]|\b(?:around|about|roughly|approximately|nearly|almost|over|under|above|below|at|to|from|of|than|"
    r"at least|at most|au moins|au plus|"
    r"environ|près de|presque|autour de|autour des|plus de|moins de|au-dessus de|sous|à|de|vers|"
    r"jusqu['’]à))[\s\u00a0]*$"
)
_IDENTIFIER = recache.compile(r"(\d+)[-–](\d+)")
_ISO_DATE = recache.compile(r"\d{4}-\d{2}-\d{2}\b|\d{1,2}/\d{1,2}/\d{2,4}\b|\d{1,2}\.\d{1,2}\.\d{4}\b")
_PAREN_LETTER = recache.compile(r"^\([a-zA-Z]\)")
_IDIOM_100 = recache.compile(
    r"(?i)^[\s\u00a0]*(?:sûre?s?|certaine?s?|sure|certain|agree|d['’]accord|legit|honnête|honest|serious|"
    r"sérieux|convaincue?s?|convinced|of the time|du temps|natural|naturel|bio|organic|free|gratuit)\b"
)
_POINTS = recache.compile(r"(?i)(?:points?|pts?|pips?)$")
# "1 Bitcoin coûte 10 886 $", "1 ETH = 3 000 $": the unit of a price, not a count.
_UNIT_OF_PRICE = recache.compile(
    r"(?i)^[\s\u00a0]+[\p{L}$€£-]+[\s\u00a0]+(?:coûte|coûtait|vaut|valait|costs?|cost|is worth|was worth|=|equals|"
    r"trades at|s['’]échange|se négocie)"
)
# "à 2 chiffres", "double-digit": an order of magnitude, not a figure.
_DIGITS_IDIOM = recache.compile(r"(?i)^[\s\u00a0]+(?:chiffres|digits?)\b")
_SURE_BEFORE = recache.compile(r"(?i)(?:sûre?s?|certaine?s?|sure|certain|d['’]accord)[\s\u00a0]+(?:à[\s\u00a0]+)?$")
_DECADE_AFTER = recache.compile(r"^['’]?s\b")
_DIGIT = recache.compile(r"\d")
_CLOCK_AFTER = recache.compile(
    r"(?i)^[ \u00a0]+(?:in the (?:morning|afternoon|evening)|at night|o['’]clock|du matin|du soir|de l['’]après-midi)\b"
)
_VERSION = recache.compile(r"\d{1,2}\.0")
_WORD_BEFORE = recache.compile(r"\p{L}{2,}[ \u00a0]$")
# « Comme 1 dollar réel circule », "each 1 euro": the unit as the subject of a clause.
_UNIT_SUBJECT_BEFORE = recache.compile(
    r"(?i)(?:^|[,;:(]\s*|\b(?:comme|et|ou|que|qu['’]|chaque|as|and|or|each|every|since|puisque)\s+)$"
)
_GROWTH_BASE = recache.compile(
    r"(?i)^[\s\u00a0]*(?:(?:dollar|euro|USD|EUR)s?[\s\u00a0]+)?(?:invested|placed|put|saved|would|at age|"
    r"in 19\d\d|in 20\d\d|back in|placé|investi|épargné|en 19\d\d|en 20\d\d|à \d+ ans)\b"
)
_ONE_UNIT = recache.compile(r"(?i)(?:dollar|euro|bitcoin|ether|franc|pound|livre)$")
_ERA_AFTER = recache.compile(r"(?i)^[ \u00a0]*(?:BCE|BC|CE|AD|av\.? J\.-C\.|apr\.? J\.-C\.|avant J\.-C\.)(?![\p{L}])")
# "2022 restera dans les mémoires", "2023 was a record year": a year as the subject of a verb.
_VERB_AFTER = recache.compile(
    r"(?i)^[ \u00a0]+(?:restera|sera|fut|était|a été|marque|marquera|s['’]annonce|s['’]achève|se termine|"
    r"commence|verra|a vu|was|is|will|has|had|saw|brought|ended|began|marked|remains|proved|looks|turned|"
    r"n['’]a|n['’]est|n['’]était|n['’]avait|est|a|avait|s['’]est|s['’]était)(?![\p{L}])"
)
_YEAR_AFTER = recache.compile(r"[ \u00a0]+(?:the[ \u00a0]+)?(?:19|20)\d{2}(?![\d])")
_LISTICLE_NOUNS = frozenset(
    [
        "questions", "raisons", "choses", "étapes", "conseils", "astuces", "erreurs", "leçons", "idées", "règles",
        "façons", "manières", "clés", "things", "reasons", "steps", "tips", "ways", "mistakes", "lessons", "ideas",
        "rules", "keys", "takeaways", "components", "parts", "categories", "composantes", "parties", "catégories",
        "critères", "criteria", "piliers", "pillars", "principes", "principles",
    ]
)
_GLUED_BEFORE = recache.compile(r"[\p{L}\p{N}]\Z")  # \Z: "$" would also match before a final newline
# The word after a figure, and the one after that when it is short ("13% to €13.2bn" and "13% to
# €10.9bn" are two claims; "27 % fall" twice is one).
_NEXT_WORD = recache.compile(
    r"[\s\u00a0\u202f*]*(?:(?:de|d['’]|of|du|des)\s+)?([\p{L}]+(?:(?<=\b\p{L}{1,3})[\s\u00a0\u202f]+[€$£]?[\p{L}\p{N}]+)?)"
)
_NOT_DIGIT = recache.compile(r"[^\d]")
# "1843.HK", "7203.T", "0700.HK": a ticker on an exchange, not a quantity.
_TICKER_SUFFIX = recache.compile(
    r"^\.(?:HK|T|L|PA|DE|F|SS|SZ|KS|KQ|TO|V|AX|SW|AS|MI|MC|ST|CO|HE|OL|BR|LS|VI|NS|BO|SI|TW|SA|MX|NZ)(?![\p{L}\p{N}])"
)
_RETIREMENT_PLAN = recache.compile(
    r"(?i)(?:401|403|457)[ \u00a0]?(?:\(?[kb]\)?)(?![\p{L}\p{N}])"
    r"|(?:529|457)[ \u00a0]+(?:college[ \u00a0]+)?(?:savings[ \u00a0]+)?(?:plans?|accounts?)\b"  # "529 plan assets"
)
_GROUPED_TAIL = recache.compile(r"(?<![\d.,])\d{1,3}[ \u00a0\u202f]$")
_THOUSANDS_GROUP = recache.compile(r"\d{3}(?!\d)")
_AGE_BEFORE = recache.compile(
    r"(?i)\b(?:turn|turns|turned|turning|aged?|ages|âgée?s?|à l['’]âge de|(?:are|is|be|being|were|was|êtes|es|est|"
    r"être|soyez|sont) (?:over|under|at least|older than|younger than|above|below)"
    # "everyone worked until they were 65"
    r"|until (?:they|you|we|I|he|she|people) (?:are|were|is|was|turn|turned|reach|reached))[ \u00a0]+$"
)
_NOT_QUANTITIES = recache.compile(
    # A law report citation: volume, reporter, first page and pinpoints.
    r"\b\d{1,4}[ \u00a0]+(?:U\.[ ]?S\.|S\.[ ]?Ct\.|F\.[ ]?Supp\.(?:[ ]?[23]d)?|F\.[ ]?[234](?:d|th)|F\.|"
    r"L\.[ ]?Ed\.(?:[ ]?2d)?|"
    r"B\.R\.|A\.[ ]?[23]d|P\.[ ]?[23]d|N\.E\.[ ]?[23]d|So\.[ ]?[23]d|Cal\.[ ]?Rptr\.)[ \u00a0]+\d{1,5}(?:,[ ]?\d{1,5})*"
    # A telephone number: "(212) 555-0175", "+33 1 23 45 67 89", "1-800-555-0199".
    r"|(?<![\d,.])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{1}[ .-]\d{3}[ .-]|\d{3}[.-])\d{3}[.-]\d{4}(?![\d%])"
    r"|(?<![\d,.])\+\d{2}(?:[ .]\d{1,2})(?:[ .]\d{2}){4}(?![\d%])"
    # A reading time: "5 min read", « 4 min de lecture ».
    r"|(?i:\b\d{1,3}[ \u00a0]?(?:min|mins|minutes?)[ \u00a0]+(?:read|de lecture)\b)"
)
# "Investing 101", "Risk management 101", "Economics 101"; not "has 101".
_COURSE_BEFORE = recache.compile(r"(?:\b\p{Lu}\p{L}+|\p{L}+(?:ing|ment|ics|nce))[ \u00a0]$")
_COMPOUND_AFTER = recache.compile(r"^-(?!fold)\p{L}")
# The post's own media and length: "insert the 2 images", « les 3 graphiques ci-dessous », "280 characters".
_MEDIA_AFTER = recache.compile(
    r"[\s\u00a0]+(?:images?|photos?|screenshots?|captures? d['’]écran|graphiques?|charts?|slides?|diapositives?|"
    r"vidéos?|videos?|illustrations?|infographi(?:cs?|es?)|visuels?|characters|caractères)\b"
    # A rating: "5-star reviews", « tous 5 étoiles ».
    r"|[\s\u00a0-]*(?:stars?|étoiles?)\b"
)


def find(text: str, start: int, end: int, lang: str, pack_dirs: tuple[Path, ...] = ()) -> list[Figure]:
    """Figures in text[start:end], in order, without overlaps (the longer span wins)."""
    g = grammar(lang if lang in ("fr", "en") else "en", pack_dirs)
    found: list[Figure] = []
    first = _FIRST_WORD.match(text, start, end)
    if first is not None and first.group(1).lower() in g.spelled_words:
        # "Vingt pour-cent des prêts …": a spelled number opening the sentence (a capital elsewhere is a
        # title: « j'ai lu 'Mille milliards de dollars' »).
        m = g.opening.match(text, first.start(1), end)
        fig = _classify(m, text, end, g) if m is not None and m.group("sp") else None
        if fig is not None:
            found.append(fig)
    # Overlapped: a rejected match ("2012 to $288", a year) must not hide the figure inside it.
    scan = _DIGIT.search(text, start, end) is not None or g.spelled_unit.search(text, start, end) is not None
    # Legal citations ("287 F. Supp. 3d 213, 218") and telephone numbers hold digits, not quantities.
    # The window is wider than the sentence: "F. Supp." may have ended a sentence for the splitter.
    near = (max(0, start - 40), min(len(text), end + 40))
    skip = [x.span() for x in _NOT_QUANTITIES.finditer(text, *near)] if scan else []
    for m in g.figure.finditer(text, start, end, overlapped=True) if scan else ():
        if skip and any(x <= m.start() < y for x, y in skip):
            continue
        fig = _classify(m, text, end, g)
        if fig is not None:
            found.append(fig)
    for m in g.phrase.finditer(text, start, end):
        if _ORDINAL_USE.match(text, m.end(), end) or _YEAR_AFTER.match(text, m.end(), end):
            continue  # "a fifth straight week", "a third year in a row", "the first half of 2023"
        if _POINT_WORD.search(m.group()) or "%" in m.group():
            kind = "percentage"  # "a half-point cut", « un demi-point », "the low-30% range": a rate
        elif _MAGNITUDE.search(m.group()) and not _MULTIPLIER_WORD.search(m.group()):
            kind = "amount"  # "lost billions", « des millions de personnes »
        else:
            kind = "multiplier" if _MULTIPLIER_WORD.search(m.group()) or ":" in m.group() else "share"
        found.append(Figure(m.start(), m.end(), kind, m.group().lower()))
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
    if text.startswith(".", a) and a > 0 and not text[a - 1].isspace() and text[a - 1] not in _BEFORE_A_POINT:
        return None  # "below the average of 8%.5 As …": a footnote glued to the full stop, not ".5"
    digits = m.group("n1") or m.group("n2") or m.group("n3")
    after = text[b : min(end, b + 24)]
    before = text[max(0, a - 24) : a]
    if m.group("sp"):
        kind = "multiplier" if "fois" in m.group("spunit") or "times" in m.group("spunit") else "amount"
        if kind == "multiplier" and m.group("sp").lower() in ("un", "une", "one", "a"):
            return None  # « encore une fois plus complexe »: an idiom, not a multiplier
        if m.group("spunit").strip().lower() in ("dollars", "euros"):
            kind = "money"
        elif "cent" in m.group("spunit").lower():
            kind = "percentage"
        return Figure(a, b, kind, m.group().lower())
    if _NETWORK.fullmatch(m.group()):
        return None  # « la 5G »: a network generation, not five billion
    has_unit = any(m.group(k) for k in ("curpre", "scale", "pct", "cur", "cur2", "mult", "mpre"))
    if _NUMBERING.search(before) and _NUMBERING_AFTER.match(after) and not has_unit:
        return None  # "1. ", "4/ ", "**2.**", "1 - " at the start of a block or line
    if not has_unit and _LINE_START.search(before) and _SECTION_NUMBER.fullmatch(m.group().strip()) and (
        _CAPITAL_AFTER.match(after)
    ):
        return None  # "### 3.1 Core holdings" (the hashes are masked): a section number
    if not has_unit and digits and len(digits) <= 2 and _CAPITAL_LABEL.search(before):
        return None  # "Batch 3", "Season 2": a label, not a quantity
    ident = _IDENTIFIER.fullmatch(m.group().strip())
    if not has_unit and ident and int(ident.group(2)) < int(ident.group(1)):
        return None  # "Rule 204-5", "61727-054": an identifier, not a range (ranges go up)
    if not has_unit and digits and len(digits) <= 2 and after.startswith(")") and not before.endswith("("):
        return None  # an inline list marker: "earnings from 1) Amazon, 2) Alphabet"
    if _LABEL_BEFORE.search(before) and not has_unit:
        return None  # "Niveau 2", "Scenario 1", "question 5"
    if _MATH_AROUND.search(before[-3:]) or _MATH_AFTER.match(after):  # three: "** 15" is bold, not a product
        return None  # formulas: "N = 1 / rendement", "0.2*4000"
    if _RETIREMENT_PLAN.match(text, a):
        return None  # "401k", "403(b)": the name of a US retirement plan
    if _GROUPED_TAIL.search(before) and _THOUSANDS_GROUP.match(text, a):
        return None  # the "000 €" of "1 000 €" when the whole number was set aside
    if not has_unit and _AGE_BEFORE.search(before):
        return None  # "once you turn 59", « à 62 ans » is a duration-like age
    if not has_unit and m.group().strip() == "101" and _COURSE_BEFORE.search(before):
        return None  # "Risk management 101": an introductory course, not a count
    if not has_unit and _MEDIA_AFTER.match(after):
        return None  # a count of the post's own images or characters, not a claim about the world
    if not has_unit and (_DECADE_AFTER.match(after) or _COMPOUND_AFTER.match(after) or _TICKER_SUFFIX.match(after)):
        return None  # "the 1990s", "30's", "30-Day MVRV", "10-year"
    if not has_unit:
        # A bare number glued to letters is part of a name or a unit we do not know ("5G", "3D").
        if _LETTER_AFTER.match(after) or g.ordinal.match(after) or _SPACED_ORDINAL.match(after):
            return None
        if g.date_around.match(after) or _MONTH_BEFORE.search(before):
            return None
        if digits is not None and len(digits) == 2 and _SHORT_YEAR_BEFORE.search(before):
            return None  # "a drop in '22 growth": the year 2022
        if digits and digits.isdigit() and _ERA_AFTER.match(after):
            return None  # "3000 BCE", « 600 av. J.-C. »: a year
        if _is_year(digits, m):
            early = int(digits) < 1900  # "plus de 1500 cryptos" is a count, "en 1673" a year
            if _YEAR_STRONG.search(before) or _ERA_AFTER.match(after) or (
                not early
                and (
                    _YEAR_BEFORE.search(before)
                    or _VERB_AFTER.match(after)
                    or not _noun_after(after, lower_only=True)
                    or _singular_noun_after(after)
                )
            ):
                return None
    if g.name_before.search(before) and not m.group("curpre") and not m.group("sign"):
        return None
    if m.group("sign") and _GLUED_BEFORE.search(before):
        return None  # "N+1", "GMT+8"
    if before.endswith(("/", "n°", "#")):
        return None
    if _ISO_DATE.match(text, a) or _ISO_DATE.search(before[-8:] + text[a:b]) or _PAREN_LETTER.match(after):
        return None  # "2024-05-14", "401(k)"
    if m.group("pct") and (digits or "").startswith("100") and (_IDIOM_100.match(after) or _SURE_BEFORE.search(before)):
        return None  # "100 % sûr", "100% agree": certainty, not a share
    kind = _kind(m)
    if not has_unit and digits and len(digits) <= 2 and _CLOCK_AFTER.match(after):
        return None  # "at 8 in the morning": a time
    if not has_unit and _VERSION.fullmatch(m.group().strip()) and _WORD_BEFORE.search(before) and not (
        _LEVEL_BEFORE.search(before)
    ):
        return None  # « la monnaie 3.0 », "Industry 4.0": a name, not a quantity
    if digits == "1" and m.group("cur") and not m.group("scale") and _ONE_UNIT.match(m.group("cur")) and (
        _UNIT_SUBJECT_BEFORE.search(before) and not m.group("sign")
    ):
        return None  # « 1 dollar réel circule… »: the unit itself, not an amount
    if not has_unit and before.endswith(("$", "€", "£", "¥")):
        return None  # the number of a sum of money set aside just above ("$1 invested")
    if digits == "1" and (m.group("curpre") or m.group("cur")) and not m.group("scale") and _GROWTH_BASE.match(after):
        return None  # "$1 invested in 1990 is worth $20 today": the unit a growth is measured on
    if digits == "1" and not has_unit and _UNIT_OF_PRICE.match(after):
        return None
    if not has_unit and _DIGITS_IDIOM.match(after):
        return None
    small = kind == "number" and digits is not None and digits.isdigit() and len(digits) <= 2
    if small and not _LEVEL_BEFORE.search(before) and not _noun_after(after):
        # A small bare integer ("step 3", "N = 1") is rarely a claim; with a noun it is a count,
        # with a level cue ("around 15", "~88") it stays a figure.
        return None
    if small and len(digits) == 1 and _BACK_DETERMINER.search(before):
        return None  # "between the 2 rates", « ces 3 critères »: things already named, not a count
    noun_end = b
    if kind in ("number", "amount"):
        noun = _NOUN.match(after)
        if noun and noun.group(1).lower() not in _NOT_NOUNS:
            if kind == "number" and noun.group(1).lower() in _LISTICLE_NOUNS:
                return None  # "4 questions sur FTX", "10 règles d'or": the post's own outline
            noun_end = b + noun.end()
            kind = "count" if kind == "number" else kind
    nxt = _NEXT_WORD.match(after)
    return Figure(a, noun_end if kind == "count" else b, kind, _key(m, nxt.group(1).lower() if nxt else ""))


_NOT_NOUNS = frozenset(
    [
        # A home's description: "a 3 bed 2 bath house".
        "bed",
        "beds",
        "bath",
        "baths",
        "here",
        "there",
        "ici",
        "and",
        "the",
        "for",
        "with",
        "from",
        "that",
        "this",
        "than",
        "then",
        "but",
        "are",
        "was",
        "were",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "with",
        "into",
        "over",
        "under",
        "about",
        "between",
        "from",
        "per",
        "each",
        "every",
        "more",
        "less",
        "most",
        "least",
        "only",
        "also",
        "just",
        "even",
        "after",
        "before",
        "since",
        "during",
        "while",
        "when",
        "where",
        "until",
        "till",
        "against",
        "within",
        "without",
        "across",
        "along",
        "around",
        "above",
        "below",
        "behind",
        "beyond",
        "near",
        "next",
        "last",
        "ago",
        "later",
        "earlier",
        "today",
        "yesterday",
        "now",
        "still",
        "yet",
        "again",
        "après",
        "avant",
        "depuis",
        "pendant",
        "lorsque",
        "quand",
        "alors",
        "selon",
        "contre",
        "vers",
        "sans",
        "sous",
        "chez",
        "dont",
        "même",
        "encore",
        "hier",
        "aujourd",
        "demain",
        "déjà",
        "toujours",
        "jamais",
        "ensuite",
        "puis",
        "enfin",
        "cette",
        "ces",
        "ses",
        "leurs",
        "leur",
        "son",
        "notre",
        "et",
        "les",
        "des",
        "une",
        "est",
        "sont",
        "pour",
        "avec",
        "dans",
        "sur",
        "par",
        "que",
        "qui",
        "mais",
        "donc",
        "car",
        "pas",
        "plus",
        "moins",
        "très",
        "aussi",
        "entre",
        "soit",
        "puis",
        "ont",
        "avait",
        "était",
        "sera",
        "serait",
        "peut",
        "doit",
        "fait",
    ]
)


def _kind(m: regex.Match[str]) -> str:
    if m.group("pct"):
        return "points" if _POINTS.match(m.group("pct")) else "percentage"
    if m.group("curpre") or m.group("cur") or m.group("cur2"):
        return "money"
    if m.group("mult") or m.group("mpre"):
        return "multiplier"
    if m.group("scale"):
        return "amount"
    return "number"


_ARTICLES = frozenset({"a", "an", "one", "un", "une", "au", "du"})
_FIRST_WORD = recache.compile(r"[\W_]*(\p{Lu}\p{Ll}+)\b")
_BEFORE_A_POINT = "([{\"'“‘«*_~≈<>=+-−–$€£¥"
_NOUN = recache.compile(
    r"(?:[*_]{1,3})?[ \u00a0\u202f]+(?:(?:of|de|des|du|d['’])[ \u00a0\u202f]*"
    r"(?:(?:the|same|these|those|ces|nos|vos|leurs)[ \u00a0]+)*)?"
    r"(\p{L}[\p{L}'-]{2,}|an(?![\p{L}'-]))"  # « 1,5 an plus tard »: the one short unit
)


def _noun_after(after: str, *, lower_only: bool = False) -> bool:
    noun = _NOUN.match(after)
    if noun is None or noun.group(1).lower() in _NOT_NOUNS:
        return False
    return not lower_only or noun.group(1)[0].islower()


def _singular_noun_after(after: str) -> bool:
    """A singular noun after a year-like number ("2018 form", « 2019 bilan »): the year as a modifier."""
    noun = _NOUN.match(after)
    return noun is not None and not noun.group(1).lower().endswith(("s", "x"))


def _is_year(digits: str | None, m: regex.Match[str]) -> bool:
    if digits is None or not digits.isdigit() or len(digits) != 4:
        return False
    return 1000 <= int(digits) <= 2100


def _key(m: regex.Match[str], next_word: str) -> str:
    digits = _NOT_DIGIT.sub("", _ENTITY.sub("", m.group("n1") or m.group("n2") or m.group("n3") or ""))
    # The same value with the same word after it ("27 % fall") is a repeat of the same figure.
    return f"{digits}:{_kind(m)}:{next_word}"


KIND_LABEL = {
    "money": "amount of money",
    "percentage": "percentage",
    "points": "level in points",
    "multiplier": "multiplier",
    "amount": "amount",
    "count": "count",
    "number": "figure",
    "share": "proportion",
}
