"""A reproducible synthetic corpus of French and English finance posts, with the usual defects.

Every word here is written for this generator: invented companies and tokens, template sentences
with slots. Defects placed on purpose: paragraphs repeated inside a post, paragraphs pasted from
an earlier post (exact or with a word changed), unsourced figures, regulatory outcomes stated as
fact, missing disclaimers, page furniture (share buttons, newsletter boxes), code blocks, tables.

    python bench/corpus.py --posts 1000 --out bench/corpus/1000
"""


from __future__ import annotations

import argparse
import random
from pathlib import Path

COMPANIES = [
    "Norrvik Bank",
    "Acrelis",
    "Tessaline",
    "Brume Energy",
    "Ostrava Chips",
    "Kelpie Pay",
    "Vantor Motors",
    "Lumen Foods",
    "Quaylor",
    "Haldane Retail",
    "Pivot Cloud",
    "Serac Mining",
]
TOKENS = ["ORIN", "KAV", "Zephcoin", "NULA", "Brisk", "MOTTE"]

EN = {
    "title": [
        "Why {co} rallied this week",
        "What the {co} results tell us",
        "{tok}: a second look",
        "Three lessons from the {co} sell-off",
        "Is {co} still cheap?",
        "Markets in brief: {co} and {tok}",
    ],
    "open": ["Shares of {co}", "The stock of {co}", "{co}", "Our favourite name, {co},", "The {tok} token"],
    "move": [
        "rose {pct}% on {day}",
        "fell {pct}% over the week",
        "gained {pct}% after the results",
        "lost {pct}% in early trading",
        "climbed {pct}% since {month}",
    ],
    "why": [
        "as investors priced in lower rates",
        "after a stronger quarter than expected",
        "while the sector stayed under pressure",
        "on talk of a buyback",
        "as volumes dried up",
        "after management raised its outlook",
        "as short sellers covered their positions",
    ],
    "fact": [
        "Revenue reached ${amt} billion for the quarter",
        "The company holds ${amt} billion in cash",
        "Margins improved to {pct}% from {pct2}%",
        "The market is worth ${amt} billion",
        "Debt fell to ${amt} billion",
        "The group now employs {count} people",
        "Customer deposits grew by {pct}% in a year",
        "The dividend yield stands at {small}%",
    ],
    "sourced": [
        "According to the annual report, revenue grew {pct}% last year",
        "The company said in a statement that orders rose {pct}%",
        "Data from the exchange shows volumes up {pct}% in {month}",
    ],
    "opinion": [
        "We think the valuation leaves room for upside",
        "The balance sheet looks solid to us",
        "Patience usually pays with names like this one",
        "The next quarter will be the real test",
        "Nobody should expect a straight line",
        "The chart looks constructive",
        "Competition is the main risk we see",
        "Management has delivered so far",
    ],
    "regulatory": [
        "The SEC will approve the {tok} fund next month",
        "The FCA would have blocked the deal on day one",
        "This structure is perfectly legal",
        "The DOJ is going to sue {co}",
    ],
    "hedged": [
        "The SEC could approve the {tok} fund next month, according to Reuters",
        "Regulators may look at the deal, but nothing has been filed",
    ],
    "call": [
        "Buy {co} before the next earnings call",
        "I'm buying more {tok} this week",
        "Sell {co} now while you can",
    ],
    "disclaimer": [
        "This is not investment advice. Investing involves a risk of loss.",
        "Not financial advice. Do your own research; you may lose money.",
    ],
    "furniture": [
        "Share this article: Twitter | LinkedIn | Email",
        "Subscribe to our newsletter for weekly ideas",
        "Related posts",
        "Accept cookies to continue reading",
        "Leave a comment below",
    ],
    "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "months": ["January", "March", "May", "July", "September", "November"],
}

FR = {
    "title": [
        "Pourquoi {co} a bondi cette semaine",
        "Ce que disent les résultats de {co}",
        "{tok} : second regard",
        "Trois leçons de la chute de {co}",
        "{co} est-elle encore bon marché ?",
        "Marchés en bref : {co} et {tok}",
    ],
    "open": ["L'action {co}", "Le titre {co}", "{co}", "Notre valeur préférée, {co},", "Le jeton {tok}"],
    "move": [
        "a gagné {pct} % {day}",
        "a perdu {pct} % sur la semaine",
        "a progressé de {pct} % après les résultats",
        "a reculé de {pct} % en début de séance",
        "a grimpé de {pct} % depuis {month}",
    ],
    "why": [
        "car les investisseurs anticipent une baisse des taux",
        "après un trimestre meilleur que prévu",
        "alors que le secteur reste sous pression",
        "sur des rumeurs de rachat d'actions",
        "dans des volumes très faibles",
        "après le relèvement des objectifs de la direction",
        "pendant que les vendeurs à découvert rachetaient leurs positions",
    ],
    "fact": [
        "Le chiffre d'affaires atteint {amt} milliards d'euros sur le trimestre",
        "Le groupe dispose de {amt} milliards d'euros de trésorerie",
        "La marge passe à {pct} % contre {pct2} % un an plus tôt",
        "Le marché pèse {amt} milliards d'euros",
        "La dette recule à {amt} milliards d'euros",
        "Le groupe emploie désormais {count} salariés",
        "Les dépôts ont progressé de {pct} % en un an",
        "Le rendement du dividende atteint {small} %",
    ],
    "sourced": [
        "Selon le rapport annuel, le chiffre d'affaires a progressé de {pct} % l'an dernier",
        "D'après le communiqué de la société, les commandes ont augmenté de {pct} %",
        "Selon les données de la Bourse, les volumes ont crû de {pct} % en {month}",
    ],
    "opinion": [
        "Nous pensons que la valorisation laisse du potentiel",
        "Le bilan nous semble solide",
        "La patience paie souvent avec ce genre de valeur",
        "Le prochain trimestre sera le vrai test",
        "Personne ne doit s'attendre à une ligne droite",
        "Le graphique reste encourageant",
        "La concurrence est le principal risque que nous voyons",
        "La direction a tenu ses promesses",
    ],
    "regulatory": [
        "L'AMF va autoriser le fonds {tok} le mois prochain",
        "L'Autorité de la concurrence aurait immédiatement interdit la fusion",
        "Ce montage est parfaitement légal",
        "Le parquet va poursuivre {co}",
    ],
    "hedged": [
        "Selon Les Échos, l'AMF pourrait autoriser le fonds {tok} le mois prochain",
        "Les régulateurs pourraient examiner l'opération, mais rien n'a été déposé",
    ],
    "call": [
        "Achetez {co} avant la publication des résultats",
        "Je renforce ma position sur {tok} cette semaine",
        "Vendez {co} tant qu'il est encore temps",
    ],
    "disclaimer": [
        "Ceci n'est pas un conseil en investissement. Investir comporte un risque de perte en capital.",
        "Pas un conseil financier : faites vos propres recherches, vous pouvez perdre votre mise.",
    ],
    "furniture": [
        "Partager cet article : Twitter | LinkedIn | E-mail",
        "Abonnez-vous à notre lettre d'information",
        "Articles similaires",
        "Acceptez les cookies pour continuer la lecture",
        "Laissez un commentaire",
    ],
    "days": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
    "months": ["janvier", "mars", "mai", "juillet", "septembre", "novembre"],
}


class Writer:
    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng = rng
        self.lang = lang
        self.v = FR if lang == "fr" else EN

    def pick(self, key: str) -> str:
        return self.rng.choice(self.v[key])

    def fill(self, template: str) -> str:
        r = self.rng
        sep = "," if self.lang == "fr" else "."
        return template.format(
            co=r.choice(COMPANIES),
            tok=r.choice(TOKENS),
            pct=r.randint(2, 48),
            pct2=r.randint(2, 30),
            amt=f"{r.randint(1, 90)}{sep}{r.randint(1, 9)}",
            count=f"{r.randint(2, 80)}{',' if self.lang == 'en' else ' '}000",
            small=f"{r.randint(1, 7)}{sep}{r.randint(0, 9)}",
            day=r.choice(self.v["days"]),
            month=r.choice(self.v["months"]),
        )

    def sentence(self) -> str:
        r = self.rng.random()
        if r < 0.30:
            s = f"{self.pick('open')} {self.pick('move')} {self.pick('why')}"
        elif r < 0.50:
            s = self.pick("fact")
        elif r < 0.58:
            s = self.pick("sourced")
        elif r < 0.62:
            s = self.pick("regulatory")
        elif r < 0.65:
            s = self.pick("hedged")
        else:
            s = f"{self.pick('opinion')}, {self.pick('why')}"
        return self.fill(s) + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 6)))


def post(rng: random.Random, lang: str, words: int, earlier: list[str]) -> tuple[str, list[str]]:
    """One post of about `words` words; returns its text and its paragraphs (for later pastes)."""
    w = Writer(rng, lang)
    parts: list[str] = []
    if rng.random() < 0.5:
        parts.append(f'---\ntitle: "{w.fill(w.pick("title"))}"\nlang: {lang}\n---')
    parts.append("# " + w.fill(w.pick("title")))
    paragraphs: list[str] = []
    count = 0
    while count < words:
        roll = rng.random()
        if roll < 0.04 and earlier:
            para = rng.choice(earlier)
            if rng.random() < 0.5:  # a near copy: one word changed
                tokens = para.split(" ")
                tokens[rng.randrange(len(tokens))] = rng.choice(["vraiment", "really", "also", "aussi"])
                para = " ".join(tokens)
        elif roll < 0.07 and paragraphs:
            para = rng.choice(paragraphs)  # repeated inside the post
        elif roll < 0.12:
            para = "\n".join(f"- {w.sentence()}" for _ in range(rng.randint(2, 4)))
        elif roll < 0.14:
            para = "```python\nreturns = [p / q - 1 for p, q in zip(prices[1:], prices)]\nprint(sum(returns))\n```"
        elif roll < 0.16:
            head = "| Société | Variation |" if lang == "fr" else "| Company | Change |"
            rows = "\n".join(f"| {rng.choice(COMPANIES)} | {rng.randint(1, 30)} % |" for _ in range(3))
            para = f"{head}\n|---|---|\n{rows}"
        elif roll < 0.20:
            para = "## " + w.fill(w.pick("title"))
        elif roll < 0.25:
            para = w.fill(w.pick("call")) + ". " + w.paragraph()
        else:
            para = w.paragraph()
            paragraphs.append(para)
        parts.append(para)
        count += len(para.split())
    if rng.random() < 0.6:
        parts.append(w.pick("disclaimer"))
    if rng.random() < 0.5:
        parts.extend(rng.sample(w.v["furniture"], 2))
    return "\n\n".join(parts) + "\n", paragraphs


def generate(out: Path, posts: int, *, seed: int = 20260101, words: int = 650) -> list[Path]:
    """Write `posts` posts under out/ (100 per folder); same seed, same files."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    pool: list[str] = []
    written: list[Path] = []
    for i in range(posts):
        lang = "fr" if rng.random() < 0.5 else "en"
        size = max(120, int(rng.gauss(words, words * 0.35)))
        text, paragraphs = post(rng, lang, size, [p for p in pool if p])
        if paragraphs:
            pool.append(rng.choice(paragraphs))
            if len(pool) > 200:
                pool.pop(rng.randrange(len(pool)))
        folder = out / f"{i // 100:03d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"{i:05d}-{lang}.md"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def one_post(path: Path, *, seed: int = 7, lang: str = "en", words: int = 1000) -> Path:
    """A single post of about `words` words, for start-to-exit timing."""
    rng = random.Random(seed)
    text, _ = post(rng, lang, words, [])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--words", type=int, default=650)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus" / "posts")
    args = ap.parse_args()
    files = generate(args.out, args.posts, seed=args.seed, words=args.words)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} posts, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
