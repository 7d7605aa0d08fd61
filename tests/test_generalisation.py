"""Cases met on real posts outside the development corpus, rewritten in our own words."""

from __future__ import annotations

import pytest

from lintpost.api import lint_text
from tests.helpers import found, lint


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Let's consider a simple case:\n\n- You earn $60,000 a year.\n- Your tax rate is 22%, or $13,200.\n", "en"),
        ("Prenons l'exemple suivant :\n\n- Vous gagnez 3 000 € par mois.\n- Vous épargnez 15 %.\n", "fr"),
        ("For example, you make $50,000 a year and save 10% of it.", "en"),
        ("You invest 15% of your salary into the plan every month.", "en"),
        ("Your take-home pay is then $32,500 after taxes.", "en"),
        ("On peut obtenir 243 000 euros en 5 ans en investissant 100 euros par mois.", "fr"),
        ("The index rose for a fifth straight week and a third year in a row.", "en"),
        ("Earnings are due from 1) Amazon, 2) Alphabet and 3) Apple.", "en"),
        ("1 Bitcoin coûte désormais plus cher qu'une maison.", "fr"),
        ("Une croissance à 2 chiffres reste rare.", "fr"),
        ("+++\ntitle = \"Mes 10 règles d'or\"\n+++\n\nUn texte court.\n", "fr"),
        ("I am 100% sure of it.", "en"),
    ],
)
def test_illustrations_and_non_quantities_are_not_figures(text: str, lang: str) -> None:
    assert found(text, "unsourced-figure", lang=lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Intel guided to about $11 billion in sales for the quarter.", "en"),
        ("> Le titre prend 300 % en un an.\n\n— Un député, sur X\n", "fr"),
    ],
)
def test_company_guidance_and_bylined_quotes_are_sourced(text: str, lang: str) -> None:
    assert found(text, "unsourced-figure", lang=lang) == []


def test_index_points_are_not_called_percentages() -> None:
    from tests.helpers import lint

    result = lint("Le CAC a fini à 7.743,75 points.", lang="fr", select=("unsourced-figure",))
    assert [d.message for d in result.diagnostics] == ["level in points with no source"]


def test_spelled_amount_after_an_elision() -> None:
    assert found("Une valorisation d'un milliard de dollars.", "unsourced-figure", lang="fr") == [
        "un milliard de dollars"
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The SEC sent a Wells notice to the exchange in March.", "en"),
        ("The SEC has initiated legal action against the miner.", "en"),
        ("The platform failed to comply with regulatory requirements.", "en"),
        ("These contracts violate securities laws.", "en"),
        ("Regulators are now allowing Americans to trade spot bitcoin.", "en"),
        ("Certains pays ont même interdit le bitcoin.", "fr"),
        ("Les régulateurs américains ont donné le feu vert aux ETF.", "fr"),
        ("La plateforme a été reconnue par l'AMF comme une escroquerie.", "fr"),
        ("Les NFT n'ont pas de cadre légal.", "fr"),
        ("Ces investissements ne sont pas réglementés, et si vous êtes escroqué, personne ne vous aidera.", "fr"),
    ],
)
def test_regulatory_vocabulary_met_on_real_posts(text: str, lang: str) -> None:
    assert found(text, "regulatory-assertion", lang=lang), text


def test_self_attributed_announcement_with_acronym() -> None:
    text = "The Commodity Futures Trading Commission (CFTC) announced that it now permits spot trading."
    assert found(text, "regulatory-assertion", lang="en") == []


@pytest.mark.parametrize(
    ("tail", "lang"),
    [
        ("Only invest money you can afford to lose.", "en"),
        ("Don't invest more than you can afford to lose.", "en"),
        ("Vous pouvez perdre tout votre capital.", "fr"),
        ("Vous devez effectuer vos propres recherches.", "fr"),
        ("Ne pas investir un montant que vous ne pouvez pas vous permettre de perdre.", "fr"),
    ],
)
def test_more_disclaimer_wordings(tail: str, lang: str) -> None:
    body = {
        "en": "Investors bought stocks and bonds; the market rallied, the ETF gained and dividend yields fell.\n",
        "fr": "Les investisseurs ont acheté des actions et des obligations ; la bourse a monté, "
        "le rendement a baissé.\n",
    }[lang]
    assert found(body + "\n" + tail + "\n", "missing-disclaimer", lang=lang) == []


def test_image_blocks_with_site_templates_are_not_duplicates() -> None:
    block = '{:refdef: style="text-align: center;"}\n![]({{ site.baseurl }}/assets/img/%s.jpg)\n{:refdef}\n'
    text = "\n".join(block % n for n in ("one", "two", "three"))
    assert found(text, "duplicate-paragraph", lang="fr") == []


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("He was arrested, convicted of fraud, and sentenced to 25 years in prison.", "en", True),
        ("Il a déjà été condamné à cent cinquante ans de prison.", "fr", True),
        ("Plus de 540 millions d'euros d'amendes avaient déjà été infligées en Europe.", "fr", True),
        ("The approval of spot ETFs by the SEC changed the market.", "en", True),
        ("L'objectif poursuivi par le fonds est la croissance.", "fr", False),
        ("L'ESMA publie chaque mois la liste complète et détaillée de tous les prestataires autorisés.", "fr", False),
    ],
)
def test_court_outcomes_and_distance_between_actor_and_act(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang=lang)) is flagged, text


@pytest.mark.parametrize(
    ("text", "lang", "rule", "flagged"),
    [
        ("The Federal police in Germany (BKA) seized the server infrastructure.", "en", "regulatory-assertion", True),
        ("German law enforcement has seized the exchange.", "en", "regulatory-assertion", True),
        ("- [Oil tumbles as much as 10%, breaks below $100](https://example.com/oil)\n", "en", "unsourced-figure",
         False),
        ("Pour un prêt de 200 000 € sur 20 ans à 2 %, le coût total reste élevé.", "fr", "unsourced-figure", False),
        ("Rules 204-1 and 204-5 apply to every broker.", "en", "unsourced-figure", False),
    ],
)
def test_third_sample_patterns(text: str, lang: str, rule: str, flagged: bool) -> None:
    assert bool(found(text, rule, lang=lang)) is flagged, text


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # Inverted credits after a quotation or a clause.
        ("“We sold 40% of the position this week,” says the fund's manager Ana Lind.", "en", False),
        ("Yields could slide to 3% by spring, said Okafor, who runs the rates desk.", "en", False),
        ("« Nous avons cédé 40 % du portefeuille », a-t-elle précisé.", "fr", False),
        # A person named just before, taken up by a pronoun.
        ("Ana Lind runs the desk. Each cut takes $4 off the monthly bill, she said.", "en", False),
        ("Selon lui, le marché pèse 40 milliards d'euros.", "fr", False),
        ("Okafor notes that a quarter-point cut saves $35 a month.", "en", False),
        # Not persons: "they", French « elle » for a thing, nouns that look like verbs.
        ("The index fell 12%, they said.", "en", True),
        ("La bourse est un bon placement : elle rapporte 7 % par an.", "fr", True),
        ("Treasury notes yield 4.2% this week.", "en", True),
        ("Le dividende ajoute 3 % au rendement du titre.", "fr", True),
        # Names with numbers: index families, exchange codes, "web 3.0".
        ("The stock joined the S&P Small Cap 600 last week.", "en", False),
        ("Le titre (HKG: 1843) a été introduit à Hong Kong.", "fr", False),
        ("Un article sur le web 3.0 et ses promesses.", "fr", False),
        ("Position au moment de l'analyse : acheteur sur 1843.HK et 7203.T.", "fr", False),
        ("The stock gained 1843.5 points over the decade.", "en", True),
    ],
)
def test_fourth_sample_patterns(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # Instructions to the reader, as infinitives or imperatives, are the author's advice.
        ("Maintenir 12 % de liquidités tant que la volatilité reste forte.", "fr", False),
        ("Hold 12% of the portfolio in cash until the summer.", "en", False),
        ("Consider this: the maker sold 1.8 million cars last year.", "en", True),
        # A list introduced by a statement the post quotes is attributed to it.
        ("On pouvait lire un communiqué sur le site de la plateforme :\n\n- 640K BTC ont disparu.\n", "fr", False),
        ("The statement reads as follows:\n\n- 640,000 coins are missing.\n", "en", False),
        ("On pouvait lire sur un forum :\n\n- 640K BTC ont disparu.\n", "fr", True),
    ],
)
def test_advice_and_quoted_statements(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Police seized the exchange's servers in Frankfurt, per a new press release.", False),
        ("The bank settled for $40 million, per the court filing.", False),
        ("Police seized the exchange's servers in Frankfurt, per a source familiar with the matter.", True),
    ],
)
def test_per_a_named_document_is_a_source(text: str, flagged: bool) -> None:
    rules = {d.rule for d in lint_text(text, lang="en")}
    assert bool(rules & {"regulatory-assertion", "unsourced-figure"}) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # Conditions and personas: the figures illustrate.
        ("If your salary is $90,000 and your employer offers a 3% match, you could add $20,000.", "en", False),
        ("Si la Suisse achetait seulement 0,7 % de son PIB en bitcoin, le prix doublerait.", "fr", False),
        ("Quand vous voyez 2 000 € sur votre compte, ce ne sont pas 2 000 € que vous possédez.", "fr", False),
        ("Le système est lent car pour 200 € envoyés, les banques déplacent 200 € de monnaie centrale.", "fr", False),
        ("Par exemple, pour un couple sans enfant gagnant 3500 € par mois, 15 k€ d'épargne suffisent.", "fr", False),
        ("For a household earning $70,000, the credit is worth $2,000.", "en", False),
        # A condition that states a rule's threshold, or a fact, is still a claim.
        ("Si vos revenus de placement sont inférieurs à 2 000 €, vous pouvez opter pour un taux de 24 %.", "fr", True),
        ("Even if the index fell 18% last year, flows stayed positive.", "en", True),
        ("Quand on vous montre que le net vaut 78 % du brut, vous ne protestez pas.", "fr", True),
        # Names and idioms that look like figures.
        ("Max out your 401k and your 403(b) before anything else.", "en", False),
        ("Once you turn 59 you can withdraw without penalty.", "en", False),
        ("C'est encore une fois plus complexe que prévu.", "fr", False),
        ("Le volume est trois fois plus élevé qu'en mars.", "fr", True),
    ],
)
def test_fifth_sample_patterns(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


def test_an_if_clause_ends_at_a_dash_or_a_parenthesis() -> None:
    text = "If the fund isn't offered to you that's fine -- look for a low fee (the index fund charges 0.03%)."
    assert found(text, "unsourced-figure", lang="en")


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("La monnaie 3.0 voyage plus vite que les banques.", "fr", False),
        ("Industry 4.0 changes how factories work.", "en", False),
        ("Inflation slowed to 3.0 in March.", "en", True),
        ("Comme 1 dollar réel circule, 1 dollar numérique est créé.", "fr", False),
        ("Il a perdu 1 euro par action.", "fr", True),
        ("I woke up at 8 in the morning and called the bank.", "en", False),
    ],
)
def test_versions_units_and_clock_times(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("70 € x 31,4 % = 22 €.", "fr", False),
        ("Il récupère donc : 1070 – 22 = 1 048 €.", "fr", False),
        ("$100 × 1.07 = $107 after a year.", "en", False),
        ("Revenue rose 12% to $4 billion.", "en", True),
        ("Le taux effectif passe à 15,5 + 30 % = 45,5 %.", "fr", True),
    ],
)
def test_a_computation_shows_its_working(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


def test_the_computation_pattern_stays_linear() -> None:
    from lintpost.checks.unsourced_figure import _ARITHMETIC

    for text in ("1 000 € x 2 - " * 400 + "=", "9" * 20000 + " x 3 =", "9 " * 10000 + "x 3 ="):
        _ARITHMETIC.search(text, timeout=5.0)  # a backtracking pattern raises TimeoutError here


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Gold was first mined around ~3000 BCE in Egypt.", "en", False),
        ("L'année 2022 restera dans les mémoires des investisseurs.", "fr", False),
        ("Stocks rose in the first half of 2023.", "en", False),
        ("About half of investors lost money.", "en", True),
        ("FTX : 4 questions sur la faillite de la plateforme.", "fr", False),
        ("Here are the 6 things I have done to cut costs.", "en", False),
        ("The bank cut 4,000 jobs and closed 30 branches.", "en", True),
    ],
)
def test_eras_years_as_subjects_and_outlines(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


def test_a_quoted_box_that_works_out_a_sum_is_one_example() -> None:
    text = (
        "Le PEA a des avantages fiscaux.\n\n"
        "> Léa ouvre un PEA et y place 2 000 €, sur un fonds qui lui rapporte 6 % en un an.\n>\n"
        "> Un an après, son PEA vaut donc 2 120 €.\n>\n"
        "> 120 € x 31,4 % = 38 €.\n\n"
        "> Le marché des PEA pèse 14 milliards d'euros.\n\n"
        "Le marché pèse 20 milliards d'euros.\n"
    )
    flagged = [text[d.offset : d.end_offset] for d in lint_text(text, lang="fr") if d.rule == "unsourced-figure"]
    assert flagged == ["14 milliards d'euros", "20 milliards d'euros"]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("**Your action step:** Set price targets. Sell 25% at 2x, 25% at 3x, 25% at 5x.", "en", False),
        ("Mon conseil : gardez 20 % en liquidités.", "fr", False),
        ("Tips from the Fed show rates rose 2%.", "en", True),
    ],
)
def test_a_paragraph_announced_as_advice(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("One report said that the maker was valued at over $600k per car sold.", "en", True),
        ("Une étude affirme que 40 % des épargnants ont perdu de l'argent.", "fr", True),
        ("A Goldman report said revenue rose 12%.", "en", False),
    ],
)
def test_an_unnamed_report_is_a_vague_source(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


def test_only_a_three_digit_group_is_the_tail_of_a_grouped_number() -> None:
    assert found("Au chapitre 3 12 entreprises ont fait faillite.", "unsourced-figure", lang="fr")


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # A threshold the reader is told to watch for is advice, not a claim.
        ("Question every yield opportunity above 20% APY.", "en", False),
        ("Any APY above 20% should make you suspicious.", "en", False),
        ("Never put more than 5% of your savings in a single coin.", "en", False),
        ("Méfiez-vous de tout rendement supérieur à 15 % par an.", "fr", False),
        ("Si on vous promet plus de 10 % par mois, fuyez.", "fr", False),
        # A threshold crossed in the world stays a claim, even when the reader is mentioned.
        ("Inflation rose above 5% in May, the highest in a decade.", "en", True),
        ("Bitcoin fell below $20,000 and your portfolio probably did too.", "en", True),
        ("L'inflation a dépassé 6 % en 2022 en France.", "fr", True),
    ],
)
def test_a_threshold_the_reader_is_advised_about(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("The CEO spoke on Monday, adding that sales fell 12% in May.", "en", False),
        ("Shares rose 5%, adding $3bn to the group's value.", "en", True),
        ("Le titre a bondi de 12 %, ajoutant 3 milliards à sa capitalisation.", "fr", True),
    ],
)
def test_figures_reported_by_a_participle(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # A rule over a whole class of things, and the reader's own planned trades, are no claims.
        ("Any APY above 20% gets automatic skepticism.", "en", False),
        ("Tout rendement supérieur à 15 % doit éveiller les soupçons.", "fr", False),
        ("Write down the share of your portfolio you'll sell at 2x, 3x, 5x and 10x returns.", "en", False),
        ("Notez le prix auquel vous vendrez à 30 € et à 40 €.", "fr", False),
        ("Shares of every bank above $10bn in assets fell 5% on Monday.", "en", True),
        # Spelled-out halves and multiples.
        ("Tesla took almost a half-million preorders in a week.", "en", True),
        ("The company booked a half-billion dollars in deposits.", "en", True),
        ("La plateforme revendique un demi-million d'utilisateurs.", "fr", True),
        ("Le cours a quintuplé en deux ans.", "fr", True),
    ],
)
def test_class_thresholds_planned_trades_and_halves(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # The reader's own money in a scenario.
        ("Like you went to buy your baguette yesterday at 1$ and today the baker asks 1.5$.", "en", False),
        ("Unless the USA disappears, you will indeed get your 103$ in one year.", "en", False),
        ("You never know how calm you are until you see your investment having 50% less value.", "en", False),
        ("On your 2018 form 1040, you report a deduction between $0 and $5,500.", "en", False),
        ("You have $10,000 in a savings account paying 4%.", "en", False),
        ("Vous avez 30 ans et 20 000 € d'épargne.", "fr", False),
        # The reader addressed, the figure about the world.
        ("You have probably heard that inflation hit 9% last year.", "en", True),
        ("Vous avez sûrement entendu que l'inflation a atteint 6 % en 2022.", "fr", True),
        ("Off-peak, you could get it cheaper at $2.30 a transaction.", "en", True),
        ("Withdrawing money from your 401k before you turn 59 comes with a hefty 10% penalty.", "en", True),
        # Years as modifiers or subjects, law report citations and telephone numbers.
        ("The 2018 form changed the deduction rules.", "en", False),
        ("2011 n'a pas été une bonne année pour la banque.", "fr", False),
        ("The company has 2000 employees in France.", "en", True),
        ("See Trading Comm'n v. Roe, 287 F. Supp. 3d 213, 218 (E.D.N.Y. 2018).", "en", False),
        ("See SEC v. Howey Co., 328 U.S. 293 (1946) for the test.", "en", False),
        ("Call (212) 555-0175 or 1-800-555-0199 for help.", "en", False),
        ("Appelez le +33 1 23 45 67 89 pour plus d'informations.", "fr", False),
    ],
)
def test_the_readers_money_years_citations_and_phones(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # A named agent of a reporting participle is a source; a vague one is not.
        ("He was listed as the third richest man, worth over 120 billion USD, by Forbes.", "en", False),
        ("The bank was ranked first with $3tn in assets by S&P Global.", "en", False),
        ("Sa fortune, estimée à 120 milliards de dollars par Forbes, a fondu.", "fr", False),
        ("The stock was valued at $20 by analysts.", "en", True),
        ("Sa fortune, estimée à 120 milliards de dollars par des experts, a fondu.", "fr", True),
        ("The fund was founded by John Roe in 2010 with $5m.", "en", True),
        # A named report "claims that"; "some claim" stays vague.
        ("The Hindenburg report also claims that the group created entities worth $4.5 billion.", "en", False),
        ("Some claim that revenue rose 40%.", "en", True),
        # The base of a growth statistic.
        ("$1 invested in an index fund for ten years equals $2.59.", "en", True),
        ("Over 20 years, $1 would have equated to $6.7.", "en", True),
        ("The token trades at $1 today.", "en", True),
        # Ratios and fractions.
        ("Brokers offer leverage of 50:1 on majors.", "en", True),
        ("About 1/3 of the float is held by insiders.", "en", True),
        ("Le conjoint reçoit 1/2 de la succession.", "fr", True),
        ("Rendez-vous à 10:15 pour la réunion.", "fr", False),
        ("It's 24/7 trading.", "en", False),
    ],
)
def test_named_agents_growth_bases_ratios_and_fractions(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


def test_the_base_of_a_growth_statistic_is_not_flagged_but_its_result_is() -> None:
    text = "$1 invested in an index fund for ten years equals $2.59."
    assert found(text, "unsourced-figure", lang="en") == ["$2.59"]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("His net worth has now been cut down to almost half.", "en", True),
        ("It's about half past ten.", "en", False),
        ("The group lost Rs.20000 crore in market value.", "en", True),
        ("The index dipped by only one percent.", "en", True),
        ("Le taux a baissé de deux pour cent.", "fr", True),
        ("Au total, 7 de ces clients ont porté plainte.", "fr", True),
    ],
)
def test_halves_rupees_spelled_percents_and_counts_of_these(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


def test_a_quoted_box_telling_an_invented_savers_story_is_one_example() -> None:
    text = (
        "> Véro est une épargnante prévoyante. Elle a investi 150 € par mois depuis 1995.\n>\n"
        "> En ayant épargné 150 € par mois, elle n’a versé que 55 650 €.\n\n"
        "Le PEA est plafonné à 150 000 euros.\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == ["150 000 euros"]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Sign up with an attestation that you are over 18 and verify your email.", "en", False),
        ("Inflation is over 5% this year.", "en", True),
    ],
)
def test_an_age_limit_is_no_figure(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("The SMA 100 is still safely above the SMA 200.", "en", False),
        ("That's only half the story.", "en", False),
        ("Mais ce n'est que la moitié de l'histoire.", "fr", False),
        ("La moitié des épargnants n'a pas de PEA.", "fr", True),
    ],
)
def test_indicator_periods_and_half_the_story(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


def test_a_list_after_a_short_lead_under_a_scenario_is_an_example() -> None:
    text = (
        "Supposons que vous avez 10 000 $ à investir.\n\nDans ce cas :\n\n"
        "* Si vous investissez, vous aurez fait 40 000 $ sur la période. EV = 24 000 $\n"
        "* Sinon vous gardez 10 000 $.\n\nLe bitcoin a pris 40 % en 2024.\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == ["40 %"]


def test_a_number_the_paragraph_has_sourced_is_not_flagged_when_referred_back_to() -> None:
    text = (
        "Selon cette étude, 147 multinationales contrôlent 40 % du chiffre d'affaires. "
        "Parmi ces 147 sociétés, beaucoup sont des banques.\n\n"
        "Parmi ces 200 sociétés, beaucoup sont des banques.\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == ["200 sociétés"]


def test_a_worked_example_carries_on_through_its_paragraphs_and_table() -> None:
    text = (
        "## Compound interest\n\n"
        "Let’s say you save $10,000 at a 5% interest rate. After the first year, you earn $500.\n\n"
        "In your second year, the rate applies to your new balance of $10,500, so you earn $525.\n\n"
        "| Year | Compound |\n|---|---|\n| 1 | 10500 |\n| 2 | 11025 |\n\n"
        "The average saver in France keeps 4,500 € on a current account.\n\n"
        "## Next\n\nThe index rose 12% in 2023.\n"
    )
    assert found(text, "unsourced-figure", lang="en") == ["4,500 €", "12%"]


def test_a_lead_with_a_condition_and_a_colon_opens_an_example() -> None:
    text = (
        "If I run this for 5 years with no house appreciation, I get:\n\n"
        "$33,043 on investing the difference\n\n"
        "$30,609 on paying the mortgage\n\n"
        "Mortgage rates rose to 7% last year.\n"
    )
    assert found(text, "unsourced-figure", lang="en") == ["7%"]


def test_an_example_label_in_html_opens_an_example_and_a_real_one_does_not() -> None:
    html = (
        '<p><strong>Exemple :</strong></p>\n<p>En N, un contribuable achète des bitcoins à 300 € '
        "l'unité et réalise un gain de 2 490 €.</p>\n"
    )
    assert found(html, "unsourced-figure", lang="fr") == []
    real = "Exemple avec le dépôt GitHub du projet :\n\nLe nombre de commits s'élève à presque 17 000.\n"
    assert found(real, "unsourced-figure", lang="fr") == ["17 000"]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("That's because 20% of $1,000 is $200, not a large gain.", "en", False),
        ("Even a 100% gain meant turning $1,000 into $2,000.", "en", False),
        ("Le titre a pris 20 % et vaut 1 000 €.", "fr", True),
    ],
)
def test_sums_worked_out_in_words(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("See the Rule of 72 for a shortcut.", "en", False),
        ("Voir le BOI-BIC-CHAMP-60-50 au XXIX § 730 et suivants.", "fr", False),
    ],
)
def test_sections_and_named_rules_are_names(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # An imperative after a comma is advice; a capitalised name there is not a verb.
        ("If rates fall, save 10% of your income.", "en", False),
        ("Si les taux baissent, épargnez 10 % de vos revenus.", "fr", False),
        ("Apple yields 2%, Target 3%, GE 3.5%.", "en", True),
    ],
)
def test_imperatives_after_a_comma(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


def test_two_figures_with_the_same_value_and_other_amounts_after_are_two_claims() -> None:
    text = (
        "Net profit fell 13% to €10.9 billion.\n\n"
        "Profit from recurring operations fell 13% to €13.2 billion.\n\n"
        "Net profit fell 13% to €10.9 billion, as said.\n"
    )
    assert found(text, "unsourced-figure", lang="en") == ["13%", "€10.9 billion", "13%", "€13.2 billion"]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Bank fees rose 4% last year (source: AFB).", "en", False),
        ("Les frais bancaires ont augmenté de 4 % l'an dernier (source : AFB).", "fr", False),
        ("Bank fees rose 4% last year (a source of anger).", "en", True),
    ],
)
def test_a_source_in_parentheses_closing_the_sentence(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


def test_an_example_worked_out_with_we_carries_on() -> None:
    text = (
        "Assuming you invest $500 a month at 7%, after 30 years you have about $600,000.\n\n"
        "However, we must subtract inflation, so in today's money that would be $250,000.\n\n"
        "## Markets\n\nThe S&P 500 rose 24% in 2023.\n"
    )
    assert found(text, "unsourced-figure", lang="en") == ["24%"]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Une centaine de pays échangent ces données.", "fr", True),
        ("Un millier d'épargnants ont perdu de l'argent.", "fr", True),
        ("Il y a une dizaine d'années, le marché a chuté.", "fr", False),
        # A legal threshold inside a « si » clause states the rule, and a tax return is no source.
        ("Le délai court si le solde n'a pas excédé 50 000 € sur l'année.", "fr", True),
        ("Compte tenu des délais de dépôt des déclarations de revenus, l'amende de 1 500 € s'applique.", "fr", True),
    ],
)
def test_approximate_counts_legal_thresholds_and_tax_returns(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "unsourced-figure", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The condition makes what follows an illustration, and a hedged result before it; a plain
        # statement before it stays a claim.
        ("Bitcoin rose 50% this year, so if you had invested $1,000 you would have $1,500.", ["50%"]),
        ("Historically, the index returned 9.6% a year, whereas if you pay your house in full you save 8%.",
         ["9.6%"]),
        ("If you invest $1,000 at 5%, you get $1,050 after a year.", []),
        ("You'd have $1,500 today if you had invested $1,000 in 2020.", []),
    ],
)
def test_figures_before_a_condition(text: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang="en") == expected


def test_scripts_and_style_sheets_in_html_are_code() -> None:
    text = (
        "Le simulateur ci-dessous est simplifié.\n\n"
        "<script>\n  const plafonds = { A: [37000, 51800, 62200], B1: [30000, 42000] };\n</script>\n\n"
        "<div class=\"box\">\n<style>.x { width: 480px }</style>\n"
        "<p>Le plafond atteint 72 600 € en zone A.</p>\n</div>\n"
    )
    assert found(text, "unsourced-figure", lang="fr", path="post.md") == ["72 600 €"]


def test_a_lead_whose_condition_is_in_an_earlier_sentence_opens_no_example() -> None:
    text = (
        "Un billet ne vaut que si tout le monde l'accepte. C'est pareil pour le bitcoin, pour ces raisons :\n\n"
        "- il est rare\n- son offre est plafonnée à 21M d'unités\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == ["21M"]


def test_a_scenarios_details_carry_through_its_list_leads_and_lists() -> None:
    text = (
        "# Partie 4\n\nDétail du scénario « Report fort » 1/2\n\nLes écologistes :\n- 25% Centre | 18% Gauche\n"
        "- 40% Droite | 0% Centre\n\nLa droite :\n- 60% Centre | 10% Gauche\n\n"
        "# Partie 5\n\nLe parti a obtenu 31% des voix au premier tour.\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == ["31%"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("*insérer les 2 images du sondage*", "fr", []),
        ("The three charts below show the rally; the fund sold 3 million shares.", "en", ["3 million"]),
        ("Character count: 270 characters, under the platform's limit.", "en", []),
        ("Par exemple, un achat de 1,10 € entraînera un investissement automatique de 0,90 € en BTC.", "fr", []),
        ("For instance, a $500 deposit earns $20 a year at 4%.", "en", []),
        ("For example, Apple's revenue grew 12% last year.", "en", ["12%"]),
        ("Par exemple, le CAC 40 a gagné 12 % l'an dernier.", "fr", ["12 %"]),
    ],
)
def test_media_counts_and_examples_on_any_operation(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("The mixer, which the authorities classified as an unlicensed money-transmitting business, closed.",
         "en", True),
        ("The token was deemed a security by the court.", "en", True),
        ("Analysts classified the stock as a buy.", "en", False),
        ("Le mixeur, que les autorités ont classé comme entreprise non enregistrée, a fermé.", "fr", True),
        ("You may wonder why the order has such a clause, as fraud is already illegal.", "en", True),
        ("The SEC may sue, as the token could be a security.", "en", False),
    ],
)
def test_legal_classifications_and_a_reason_after_a_hedged_clause(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("<h1>Le prêt à taux zéro</h1>\n<p>Le PTZ aide les primo-accédants à financer leur résidence principale. "
         "Le montant du prêt dépend du revenu fiscal et du plafond de ressources de la zone; les mensualités "
         "restent fixes et le taux d'endettement est plafonné.</p>\n", "fr"),
        ("First-time buyers often ask whether to refinance. A bigger down payment lowers the mortgage, the closing "
         "costs and the debt-to-income ratio lenders look at; borrowers with a primary residence get better "
         "terms.\n", "en"),
    ],
)
def test_home_loans_are_personal_finance(text: str, lang: str) -> None:
    assert found(text, "missing-disclaimer", lang=lang)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An incise inside the quotation covers all of it.
        ("« Entre 2000 et 2010, les groupes versaient 30 % de leurs profits, explique Paul Roux, analyste. "
         "Depuis, ce taux fluctue entre 45 % et 60 %. »", []),
        # A quotation chained to it by the same speaker.
        ("« Les salaires ont doublé, souligne le rapport de l'ONG. Ils gagnent 119 fois plus. » Surtout, "
         "« la part variable atteint 54,5 % ».", []),
        # The speaker before a colon, or named after the quotation.
        ("En conclusion, Jeanne Dumas fait un constat sévère : « un rendement de 13 % quand l'argent coûte 2 % "
         "n'est pas tenable ».", []),
        ("« Un rendement de 13 % quand l'argent coûte 2 % n'est pas tenable », écrit-il.", []),
        # A quotation nobody is credited with stays unsourced.
        ("Le marché se répète : « la hausse atteint 13 % cette année ».", ["13 %"]),
        ("« La hausse atteint 13 % cette année. » Et le reste suit.", ["13 %"]),
    ],
)
def test_figures_inside_a_credited_quotation(text: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang="fr") == expected


def test_figures_inside_a_credited_english_quotation() -> None:
    text = ("“Margins rose to 38% last year,” said Mary Hale, the chief financial officer. “We expect 40% next "
            "year.” Elsewhere, the index fell 3%.")
    assert found(text, "unsourced-figure", lang="en") == ["3%"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The power of a unit is no footnote marker.
        ("Les logements consomment 450 kWh/m² par an en moyenne.", "fr", ["450 kWh"]),
        ("Le marché a progressé de 12 %².", "fr", []),
        # « selon » before a bare common noun means "depending on".
        ("MaPrimeRénov' (jusqu'à 20 000 € selon revenus)", "fr", ["20 000 €"]),
        ("Selon l'Insee, l'inflation atteint 2,3 %.", "fr", []),
        # "according to that": the source just named.
        ("The SEC named a list of coins. According to that, only 13 tokens are securities.", "en", []),
        # A threshold written with a sign inside a condition is the rule's.
        ("- Exonération de TVA si CA < 25 000 € par an", "fr", ["25 000 €"]),
        # A threshold in a rule that speaks to the reader is the rule's, not the reader's money.
        ("If you earn more than $145,000 a year, catch-up contributions must be made as Roth contributions.",
         "en", ["$145,000"]),
        ("If you earn more than $100,000 a year, you should save more.", "en", []),
        # The author's own dealings are optional: left alone, opinions are not.
        ("I bought 10,000 shares at $4.10 and sold them at $5.", "en", []),
        ("Je visite un autre appartement de 49 m², 2 pièces, à Antibes.", "fr", []),
        ("I think the market will rise 20% this year.", "en", ["20%"]),
        ("J'ai acheté 100 actions à 45 €, mais le titre a perdu 30 % depuis.", "fr", ["30 %"]),
    ],
)
def test_units_depending_on_thresholds_and_the_authors_own(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


def test_529_plans_are_names() -> None:
    text = "529 Plans can be rolled into a Roth IRA. After 15 years, 529 plan assets can move."
    assert found(text, "unsourced-figure", lang="en") == []


def test_regulators_in_meme_spelling() -> None:
    assert found("The regulatooors have been gunning for Kraken for months.", "regulatory-assertion", lang="en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("According to recent reports, the regulator fined the exchange $4 million.", "en"),
        ("According to new developments, the exchange lost 12% of its users.", "en"),
        ("Selon les rumeurs, la plateforme a perdu 12 % de ses clients.", "fr"),
    ],
)
def test_unnamed_reports_and_rumours_are_no_source(text: str, lang: str) -> None:
    assert found(text, "unsourced-figure", lang=lang)


def test_a_statement_that_reads_as_follows_sources_its_list() -> None:
    assert not found("The statement reads as follows:\n\n- 640,000 coins are missing.\n", "unsourced-figure",
                     lang="en")


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # Crypto-asset services news is finance.
        ("The regulator registered the exchange as a digital asset service provider. One hundred million euros has "
         "been invested in its activities, and anti-money laundering rules apply to its financial market "
         "operations.\n", "en", True),
        # An information-only notice under a "legal disclaimer" heading.
        ("## Avertissement légal\n\nCe guide est informatif uniquement. Consultez un expert-comptable.\n\n"
         "Les plus-values sur crypto-actifs sont imposées au prélèvement forfaitaire; les jetons reçus sont des "
         "revenus, la fiscalité dépend du statut et les impôts se paient chaque année sur la plus-value.\n",
         "fr", False),
    ],
)
def test_crypto_services_news_and_information_only_notices(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "missing-disclaimer", lang=lang)) is flagged


def test_a_rate_of_the_rule_in_a_sentence_to_the_reader_is_the_rules() -> None:
    text = "If you have an IRA, the new law lets you withdraw up to $5,000 without paying the usual 10% penalty."
    assert found(text, "unsourced-figure", lang="en") == ["$5,000", "10%"]


def test_a_scenario_opened_after_an_introduction_carries_on_and_resumes() -> None:
    text = (
        "Pour vulgariser, on remplace les actions par des pommes. Disons que vous observez le marché et que la "
        "pomme vous semble trop chère.\n\n"
        "Vous partez avec la pomme pour la vendre au prix du marché, soit 10 $.\n\n"
        "Une semaine plus tard, vous voyez que la pomme se vend 5 $.\n\n"
        "C'est génial, non ?\n\n"
        "## Le squeeze\n\n"
        "Reprenons notre histoire de pomme. Cette fois, la pomme monte à 15 $ et vous perdez 5 $.\n\n"
        "## Les faits\n\n"
        "Le titre a bondi de 1 500 % en janvier.\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == ["1 500 %"]


def test_an_announced_example_told_as_a_role_is_an_illustration() -> None:
    text = (
        "Voici un exemple concret de produit dérivé pour bien comprendre.\n\n"
        "Je suis un producteur de pétrole et je vends mes barils au prix du marché. Je demande à un acteur "
        "financier de m'acheter mon pétrole 50 euros le baril dans 6 mois, à raison de 1000 barils.\n\n"
        "Aussi bête que lorsque je parie 2 euros que l'action va baisser.\n\n"
        "## En 2008\n\n"
        "Les banques ont perdu 400 milliards de dollars.\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == ["400 milliards de dollars"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Hale wrote a memo about it. She goes through the filings of the 11 funds and found that 563 firms "
         "own $3.5 billion of them.", []),
        ("Bitwise went through the filings and found that 563 firms own $3.5 billion.", []),
        ("The market rallied and found that 20% was too much.", ["20%"]),
    ],
)
def test_a_reporting_verb_coordinated_with_a_named_subject(text: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang="en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Jim Roe recommends spending 1 hour of homework per stock per week.", "en", []),
        ("Jean Roux recommande de garder 5 % en or.", "fr", []),
        ("Analysts recommend holding 5% in gold.", "en", ["5%"]),
    ],
)
def test_a_named_persons_recommendation_is_theirs(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # HTML entities for spaces and currencies.
        ("Le taux atteint 45&nbsp;% et le plafond 5&nbsp;000&nbsp;&euro;.", "fr",
         ["45&nbsp;%", "5&nbsp;000&nbsp;&euro;"]),
        # « selon » in the middle of the sentence, before the figures.
        ("L'opération donnera naissance, selon les deux entreprises, à un groupe de 17 milliards d'euros.", "fr", []),
        # Spaced ordinals, network generations, rooms and model versions are no figures.
        ("Le revenu du 50 ème centile et du 99 ème centile.", "fr", []),
        ("La 5G arrive en France.", "fr", []),
        ("The hearing took place in Room 216 of the Hart building.", "en", []),
        ("We tested Claude Sonnet 4.5 on the data.", "en", []),
        ("ECB meeting 23.07.2021Dmitri wrote a note.", "en", []),
        # Spelled and nominal quantities.
        ("Le marché a vu une multiplication par 45 des volumes.", "fr", ["multiplication par 45"]),
        ("The central bank cut rates by a half-point on Tuesday.", "en", ["a half-point"]),
        ("The number of countries hit by the virus has reached no lower than 70.", "en", ["70"]),
        # "via" needs a source after it.
        ("Via it all, stocks have tumbled 11% in two weeks.", "en", ["11%"]),
        ("Via Bloomberg, stocks have tumbled 11% in two weeks.", "en", []),
        # The reader's case of a rule states the rule.
        ("If you're 50 or older, you can contribute up to $6,500 more per year, for a total of $28,500.", "en",
         ["$6,500", "$28,500"]),
        ("You can save $500 a month by cooking at home.", "en", []),
    ],
)
def test_eighth_round_of_unseen_posts(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stocks have averaged about 8% growth over time and that graph is assuming 6% average growth.", ["8%"]),
        ("Assuming 6% growth, your $10,000 becomes $18,000.", []),
    ],
)
def test_an_assumption_in_a_later_clause_leaves_the_statement_before_it(text: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang="en") == expected


def test_a_signed_figure_on_the_line_after_a_year() -> None:
    text = "Q2 FY2026\nAug 27, 2025\n-1.2%\n-3.8%\n"
    assert found(text, "unsourced-figure", lang="en") == ["-1.2%", "-3.8%"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A section headed as an example, or by its scenario, is one worked example.
        ("## Exemple de calcul\n\nBénéfice imposable : 100 000 €\n\n- Partie fixe : 37 094 €\n\n## Règle\n\n"
         "Le plafond atteint 85 780 € en 2024.\n", "fr", ["85 780 €"]),
        ("## 📉 Simulation avec prix ajusté\n\n### Si le bien coûtait 150 000 € :\n\n- Frais de notaire : ~11 766 €\n"
         "- Prêt principal : 59 266 €\n\n## Le marché\n\nLes prix ont baissé de 4 % en un an.\n", "fr", ["4 %"]),
        # A condition that introduces what a rule says is no example.
        ("Si vous partez à l'âge légal sans avoir tous vos trimestres :\n\n- Réduction de 1,25 % par trimestre "
         "manquant\n", "fr", ["1,25 %"]),
        # A verb after a comma that goes on a list of infinitives is no advice.
        ("MiCA requires stablecoin issuers to hold 60% of reserves in banks, maintain full backing, and obtain a "
         "licence.", "en", ["60%"]),
        ("In a bear market, keep 10% in cash.", "en", []),
        ("- **Trigger-based**: Rebalance when any asset class deviates by more than 5% from target.", "en", []),
        # Quotations credited after they close, straight quotes too.
        ("“Fee revenue remains low, with $19 million last week,” Thielen added. “Gas fees are at just 1 Gwei.”",
         "en", []),
        ('"DeFi TVL represents about 30% of the market cap," Harz points out.', "en", []),
        # Names and section numbers.
        ("At the same time, a recent analysis by 10x Research shows the RSI dropping to 36%.", "en", []),
        ("The SEC rescinded Staff Accounting Bulletin (SAB) 121 in January.", "en", []),
        ("### 3.1 Core holdings\n\nText.\n\n2.5 Million people lost their jobs.\n", "en", ["2.5 Million"]),
        # A range with a no-break hyphen is one figure.
        ("Bonds returned 15‑20 % last year.", "en", ["15‑20 %"]),
        # A scenario in emphasis.
        ("**Comment ça marche** _Supposons que 1 jeton (STB) = 1 SOL_", "fr", []),
    ],
)
def test_ninth_round_of_unseen_posts(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


def test_a_table_of_the_authors_recommended_allocation_is_advice() -> None:
    text = ("| Asset class | Recommended Allocation |\n|---|---|\n| US large caps | 35 % |\n| Bonds | 20 % |\n\n"
            "| Index | Return in 2024 |\n|---|---|\n| S&P 500 | 23 % |\n")
    assert found(text, "unsourced-figure", lang="en") == ["23 % |"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Increase your emergency fund to 6-12 months of expenses.", "en", []),
        ("Avoid it unless the yield is ~3% or less.", "en", []),
        ("Inflation will increase 5% next year.", "en", ["5%"]),
        ("The fund raised $1 Million in its seed round. 5 min read", "en", ["$1 Million"]),
        ("4 min de lecture. La levée atteint 3 Milliards d'euros.", "fr", ["3 Milliards d'euros"]),
    ],
)
def test_tenth_round_of_unseen_posts(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


def test_not_a_wealth_manager_and_the_risk_of_losing_everything_is_a_notice() -> None:
    text = ("Le bitcoin peut monter ou baisser. Je ne suis ni gestionnaire de patrimoine, ni conseiller : "
            "investir en crypto comporte un risque de tout perdre. Les marchés, la bourse et l'épargne "
            "évoluent; le portefeuille, les actions et les placements aussi.\n")
    assert not found(text, "missing-disclaimer", lang="fr")


def test_a_list_of_allocations_by_profile_is_advice() -> None:
    text = ("**Allocation optimale selon profil :**\n- **Conservateur** : 2-5% en bitcoin\n"
            "- **Dynamique** : 10-15% en bitcoin\n\nLe bitcoin a pris 120 % en 2024.\n")
    assert found(text, "unsourced-figure", lang="fr") == ["120 %"]


def test_a_source_line_above_a_table_sources_it() -> None:
    text = ("Source : Banque de France, 2024.\n\n| Année | Taux |\n|---|---|\n| 2023 | 3,0 % |\n\n"
            "Sans source :\n\n| Année | Taux |\n|---|---|\n| 2023 | 5,0 % |\n")
    assert len(found(text, "unsourced-figure", lang="fr")) == 1


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Breadth is limited to 12% of stocks.[1][2][3] Next sentence.", "en", []),
        ("Officials issued stark warnings about the 40% drop.", "en", ["40%"]),
    ],
)
def test_a_run_of_citation_markers_after_the_full_stop(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


def test_warnings_issued_are_no_enforcement() -> None:
    assert not found("Officials issued stark warnings about the exchange.", "regulatory-assertion", lang="en")


def test_funds_they_can_afford_to_lose_in_french_is_a_notice() -> None:
    text = ("Le bitcoin et les cryptomonnaies sont volatils; le marché, la bourse et les placements aussi. Les "
            "investisseurs ne devraient engager que les fonds qu'ils peuvent se permettre de perdre.\n")
    assert not found(text, "missing-disclaimer", lang="fr")


def test_not_investment_or_trading_advice_is_a_notice() -> None:
    text = ("Bitcoin rose 5%. The market, stocks, crypto and the portfolio matter to investors and traders.\n\n"
            "This is not investment or trading advice.\n")
    assert not found(text, "missing-disclaimer", lang="en")


def test_a_doubling_told_with_a_present_participle() -> None:
    assert found("Les dépôts ont progressé en un an, doublant presque.", "unsourced-figure", lang="fr") == [
        "doublant presque"
    ]


def test_almost_double() -> None:
    assert found("Bitcoin is up this week, and almost double since January.", "unsourced-figure", lang="en") == [
        "almost double"
    ]


def test_a_calculation_example_carried_through_its_working() -> None:
    text = ("Exemple pour une date donnée :\n\n- capital investi = 31000 €\n- valeur de l'ETF = 103077 €\n\n"
            "103077 - 31000 = 72077\nsoit le gain net 59679.756\n\net on applique l'inflation en %, soit 2 % de "
            "90679.756\n\n## Règles\n\nLe PEA est plafonné à 150 000 €.\n")
    assert found(text, "unsourced-figure", lang="fr") == ["150 000 €"]


def test_an_example_of_a_real_case_is_not_a_worked_example() -> None:
    text = ("Exemple avec le dépôt Bitcoin :\n\nLe nombre de commits atteint à ce jour presque 17 000. En cliquant "
            "dessus, vous pouvez voir l'historique.\n")
    assert found(text, "unsourced-figure", lang="fr") == ["17 000"]


# --- samples 26 and 27: patterns generalised, sentences written for these tests ----------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A bold label before the figure is emphasis, not a multiplication sign.
        ("**Montant détourné :** 12 millions de dollars", "fr", ["12 millions de dollars"]),
        ("**Total raised:** $40 million", "en", ["$40 million"]),
        # "15+ millions", "80 000+ clients": the plus sign belongs to the figure.
        ("Les pertes dépassent 15+ millions d'euros.", "fr", ["15+ millions d'euros"]),
        ("The exchange now serves 80,000+ customers.", "en", ["80,000+ customers"]),
        # Thousands grouped by spaces with a decimal point pasted from English.
        ("Son portefeuille vaudrait 2 145 800.50 € aujourd'hui.", "fr", ["2 145 800.50 €"]),
        # A glued Swiss-franc prefix, multipliers against an acronym or a possessive.
        ("The bank booked a SFr3bn loss.", "en", ["SFr3bn"]),
        ("Public debt reached eight times GDP.", "en", ["eight times GDP"]),
        ("Its liabilities grew to five times its equity.", "en", ["five times its"]),
        ("La dette publique atteint six fois le PIB.", "fr", ["six fois le"]),
        # « du double » after a comparison verb is a multiplier; « le double » before a noun is not.
        ("Le taux pratiqué dépasse du double le plafond légal.", "fr", ["du double"]),
        ("La réforme consacre le double plafond des dépôts.", "fr", []),
        # Ratings and introductory courses are not quantities.
        ("Méfiez-vous des avis tous notés 5 étoiles.", "fr", []),
        ("The app only shows 5-star reviews.", "en", []),
        ("Budgeting 101 starts with a list of expenses.", "en", []),
        ("The startup has 101 employees.", "en", ["101 employees"]),
    ],
)
def test_round_26_27_figure_forms(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A company announcing its own figure is the source, with an adverb before the verb too.
        ("Northjet recently announced a 12% dividend increase.", "en", []),
        ("Le groupe a récemment annoncé une hausse de 8 % de son dividende.", "fr", []),
        # A vague subject stays vague with an adverb.
        ("Analysts recently said margins fell 3%.", "en", ["3%"]),
        # A bare URL ending the line sources its sentence.
        ("Le récit des 2 millions de comptes gelés : https://example.org/recit", "fr", []),
        # Stated assumptions, the inputs of a projection and counterfactual results are not claims.
        ("Monthly expenses: assumed to be $3,500.", "en", []),
        ("Using an initial balance of $50,000 and a 6% return, the plan grows as follows:", "en", []),
        ("If the coupons were spent, the final value would be lower: $90,000.", "en", []),
        ("Si les coupons étaient dépensés, la valeur finale serait de 90 000 €.", "fr", []),
        ("Gold rose 12% this year, so if you had bought $500 you would have $560.", "en", ["12%"]),
        # Imperatives give the author's advice.
        ("Stops: use a 5% trailing stop on each position.", "en", []),
        ("Implement 3-5% position sizes.", "en", []),
        ("- Soyez prudent face aux rendements de 2 % par jour", "fr", []),
    ],
)
def test_round_26_27_figure_context(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


def test_a_section_of_concrete_examples_reports_real_cases() -> None:
    text = ("# Fraudes\n\n## Exemples concrets\n\n### Le fonds Orbitex\n\nLa fraude a coûté 900 millions de "
            "dollars aux épargnants.\n\n## Exemple de calcul\n\nVous placez 2 000 € à 3 %, vous obtenez 2 060 €.\n")
    assert found(text, "unsourced-figure", lang="fr") == ["900 millions de dollars"]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("The FCA imposed limits on the sale of crypto derivatives.", "en", True),
        ("L'AMF a imposé des restrictions aux ventes à découvert.", "fr", True),
        ("The Treasury pushed through a change to the tax rules.", "en", True),
        ("The regulator failed to enforce its own rules.", "en", True),
        # The reader's own lawful action is no legal conclusion; a platform's is.
        ("Voici comment réduire votre impôt en toute légalité.", "fr", False),
        ("Cette plateforme opère en toute légalité en France.", "fr", True),
    ],
)
def test_round_26_27_regulatory(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("notice", "lang", "notice_found"),
    [
        ("Je n'invite personne à investir : je ne saurais être tenu pour responsable de vos pertes.", "fr", True),
        ("## Avertissement\n\nCe texte reflète mon avis.", "fr", True),
        ("Disclaimer\n\nThese are my views.", "en", True),
        ("Disclaimer: I hold bitcoin.", "en", False),  # a disclosure of positions is no disclaimer
    ],
)
def test_round_26_27_disclaimer_wordings(notice: str, lang: str, notice_found: bool) -> None:
    body = {
        "fr": "Le bitcoin, les actions et la bourse : achetez des ETF, le marché, les investisseurs, le portefeuille.",
        "en": "Bitcoin, stocks and the market: buy ETFs, investors, the portfolio and shares for traders.",
    }[lang]
    text = f"# Marchés\n\n{body}\n\n{notice}\n"
    assert (not found(text, "missing-disclaimer", lang=lang)) is notice_found


@pytest.mark.parametrize(
    ("text", "lang", "call"),
    [
        # A third party's plan told with an infinitive, and a valuation judgement, are no calls.
        ("The state took over the lender and hoped to sell it to private buyers. Stocks, shares, bonds, "
         "the market and investors fell, and the bank looks overvalued.", "en", None),
        ("Bitcoin, stocks, the market, shares and investors: sell it now.", "en", "sell it"),
        ("Il faut renforcer la protection des épargnants : la bourse, les actions, le marché, les "
         "investisseurs et les obligations.", "fr", None),
        ("La bourse, les actions, le marché, les investisseurs : renforcez vos positions.", "fr", "renforcez"),
    ],
)
def test_explicit_calls_named_in_the_disclaimer_message(text: str, lang: str, call: str | None) -> None:
    messages = [d.message for d in lint(f"# Post\n\n{text}\n", lang=lang, select=("missing-disclaimer",)).diagnostics]
    assert len(messages) == 1
    assert ("explicit call" in messages[0]) is (call is not None)
    if call:
        assert f"'{call}'" in messages[0].lower()


@pytest.mark.parametrize(
    ("text", "lang", "rule", "expected"),
    [
        # The speaker of a quotation sources the quoted words, not the writer's clause after them.
        ('Rivals warned "this is bad news" after the regulator fined Orbitex $2 billion.', "en",
         "unsourced-figure", ["$2 billion"]),
        ('Rivals warned "this is bad news" after the regulator fined Orbitex.', "en",
         "regulatory-assertion", ["the regulator fined Orbitex"]),
        ("Le patron a déclaré « c'est une erreur » après que l'AMF a sanctionné la société.", "fr",
         "regulatory-assertion", ["AMF a sanctionné la société"]),
        # Unless the clause has a source of its own, or the quotation holds the figure.
        ('Analysts at Orbit said "margins are 20%" as sales reached $4 billion, according to Bloomberg.', "en",
         "unsourced-figure", []),
        ('"Revenue rose 12%," the CEO said, after the results.', "en", "unsourced-figure", []),
    ],
)
def test_a_quotation_does_not_source_the_clause_after_it(text: str, lang: str, rule: str,
                                                          expected: list[str]) -> None:
    assert found(text, rule, lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # « an » is the one short unit: « 1,5 an plus tard » is a time anchor, not a bare « 1,5 ».
        ("Nous voilà 1,5 an plus tard au même point.", "fr", []),
        ("Le chantier a duré 1,5 an et coûté 3 millions d'euros.", "fr", ["3 millions d'euros"]),
        # A footnote number glued to the full stop after a figure is no decimal.
        ("Rates stay below the long-run average of 8%.5 Prices keep rising.", "en", ["8%"]),
        ("The yield rose by .5% last week.", "en", [".5%"]),
        # Emphasis between a number and its noun.
        ("Le régulateur a reçu **350** plaintes.", "fr", ["350** plaintes"]),
    ],
)
def test_round_28_29_figure_forms(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A named subject in the progressive reports: "is projecting that"; "is expected" names nobody.
        ("Northjet is projecting that 40,000 customers could switch.", "en", []),
        ("Bitcoin is expected to reach $90k this year.", "en", ["$90k"]),
        ("Analysts are projecting 15% growth.", "en", ["15%"]),
        # The author's proposals and advice.
        ("E.g., raise the deposit guarantee to $2,000,000.", "en", []),
        ("I would advise keeping $800 or less in cash at home.", "en", []),
        ("The fund raised $2,000,000 last week.", "en", ["$2,000,000"]),
        ("Je vous suggère de garder 3 mois de dépenses de côté.", "fr", []),
        # A byline after a quotation credits it: a dash and a name, or a handle.
        ('"Ce token a pris 400% en une nuit, du jamais vu" Sénateur @jdupont', "fr", []),
        ('"This token gained 400% overnight" — Jane Roe, analyst', "en", []),
        ('"This token gained 400% overnight" — and nobody noticed.', "en", ["400%"]),
        # The imperfect of a report: « la banque indiquait une hausse de 20 % ».
        ("Dans son rapport, la banque indiquait une hausse de 20 % des fraudes.", "fr", []),
    ],
)
def test_round_28_29_figure_context(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


def test_an_advice_lead_with_a_question_mark_over_a_list() -> None:
    text = "<strong>My advice?</strong><br />\n* 4 months of cash at a local bank\n* 20 days of water\n"
    assert found(text, "unsourced-figure", lang="en") == []
    text = "My advice? Markets fell 20% in a week.\n"
    assert found(text, "unsourced-figure", lang="en") == ["20%"]


def test_a_list_under_a_linked_report_ending_in_its_verb() -> None:
    text = (
        "Récemment, [le régulateur annonçait](https://example.org/rapport)\n\n"
        "- avoir reçu 1 800 signalements en un an, soit 25 % de plus.\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == []
    text = "Récemment, le régulateur a fait le point.\n\n- avoir reçu 1 800 signalements en un an.\n"
    assert found(text, "unsourced-figure", lang="fr") == ["1 800 signalements"]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # What an authority means to do, how it classes an asset, what it is coming after.
        ("The SEC would like to regulate every crypto exchange.", "en", True),
        ("The SEC clearly views most tokens as securities.", "en", True),
        ("The CFTC isn't coming after the large exchanges yet.", "en", True),
        ("He sees the SEC as an obstacle.", "en", False),
        # Outside an authority's or a law's reach; not outside the scope of a post.
        ("These offshore venues are outside the scope of the SEC.", "en", True),
        ("That question is outside the scope of this post.", "en", False),
        # "clear" as an adjective is no clearance; the verb still is.
        ("The Fed is clear that its target is unchanged.", "en", False),
        ("The ECB has made it clear that it will act.", "en", False),
        ("The FTC cleared the merger last week.", "en", True),
        # Doubt stated by the writer, and a likelihood in brackets that ends a scenario.
        ("It's hard to see how the SEC would approve the fund now.", "en", False),
        ("On voit mal comment l'AMF autoriserait ce produit.", "fr", False),
        ("- The SEC approves the fund after all, and trading starts (not likely)", "en", False),
        ("- L'AMF interdit ces produits dès l'an prochain (peu probable).", "fr", False),
        ("- The SEC approved the fund (see the filing) and trading started.", "en", True),
    ],
)
def test_round_28_29_regulatory(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The author's plans for retiring are the author's own figures.
        ("Here is how I plan to be able to retire at 40, step by step.", "en", []),
        ("Je compte partir à la retraite à 55 ans.", "fr", []),
        ("Most people retire at 67 in this country.", "en", ["67"]),
        # An earnings call named before the figure is its source.
        ("On the Northjet earnings call, managers mentioned 8% currency headwinds.", "en", []),
        # A value given as an example.
        ("For example a daily loss limit could be 4%.", "en", []),
        ("For example, losses reached 4% in March.", "en", ["4%"]),
        # The post's own outline.
        ("Une bonne épargne de précaution respecte 3 critères :", "fr", []),
        ("The plan rests on 4 pillars:", "en", []),
    ],
)
def test_round_28_29_own_plans_calls_and_examples(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


def test_a_display_formula_is_not_a_figure() -> None:
    text = "Savings matter.\n\n$$ y = 25 * (1 - r)^{2.5} $$\n\nThe index fell 12% in $$ terms.\n"
    assert found(text, "unsourced-figure", lang="en") == ["12%"]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # A case made up to reason with hedges what comes after it, not what comes before.
        ("Imagine a country, let's say Ruritania, that allowed a fake dollar coin.", "en", False),
        ("The SEC banned the product, let's say for good reasons.", "en", True),
        ("Imaginez un pays, disons la Ruritanie, qui autoriserait un faux dollar.", "fr", False),
        ("L'AMF a interdit ce produit, disons pour de bonnes raisons.", "fr", True),
        # That the law offers no remedy is a legal conclusion.
        ("Once the coins are sent, there is no legal recourse.", "en", True),
        ("Une fois les fonds envoyés, aucun recours n'est possible.", "fr", True),
        ("Il existe plusieurs recours possibles.", "fr", False),
    ],
)
def test_round_28_29_made_up_cases_and_remedies(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang=lang)) is flagged


def test_a_source_cited_twice_in_a_reference_list_is_no_pasted_paragraph() -> None:
    url = "https://news.example.org/2022/03/29/1089174630/housing-shortage-new-home-construction-supply-chain"
    text = f"# Sources\n\n1. Radio - [{url}]({url})\n2. Other - [https://example.org/a](https://example.org/a)\n"
    text += f"3. Radio - [{url}]({url})\n"
    assert found(text, "duplicate-paragraph", lang="en") == []
    prose = "The housing shortage keeps prices high because builders cannot find workers or land near cities."
    text = f"{prose} See [{url}]({url}).\n\nOther words here.\n\n{prose} See [{url}]({url}).\n"
    assert len(found(text, "duplicate-paragraph", lang="en")) == 1


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        # A body stating its own position is the source of the figure in it.
        ("The Fed is clear that its inflation target is 2.0%, so there is work to do.", "unsourced-figure", []),
        # Others' suspicion is no outcome.
        ("ETH, which many have suspected the SEC of coming after, is absent.", "regulatory-assertion", []),
    ],
)
def test_round_28_29_stated_positions_and_suspicions(text: str, rule: str, expected: list[str]) -> None:
    assert found(text, rule, lang="en") == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A link in a relative clause after the claim sources that clause, not the claim.
        ("The sanction makes it illegal to use the addresses, which [hold $437M](https://example.org/x).", True),
        # Unless the relative clause reports the claim, or a source follows it.
        ("The SEC fined the exchange, which [Reuters reported](https://example.org/y).", False),
        ("The SEC fined the exchange, which hurt its shares, according to [Reuters](https://example.org/y).", False),
        ("The SEC [fined the exchange](https://example.org/z), which hurt its shares.", False),
    ],
)
def test_a_link_in_a_relative_clause_sources_that_clause(text: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang="en")) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Magnitudes without a number are figures; « des milliers » and "billions of years" are not.
        ("Short sellers have lost billions on the stock.", "en", ["billions"]),
        ("The app brought millions of new traders to options.", "en", ["millions"]),
        ("The universe is billions of years old.", "en", []),
        ("Des millions de personnes détiennent du bitcoin.", "fr", ["Des millions"]),
        ("Des milliers de personnes étaient présentes.", "fr", []),
        # Things already named are referred to, not counted: "the 2 rates", « ces 3 critères ».
        ("The spread between the 2 rates is narrow.", "en", []),
        ("The analysis has 2 components:", "en", []),
        ("Nine banks failed and 3 sectors shrank.", "en", ["3 sectors"]),
        # The author's own balance.
        ("The plan meant that I had a $0 balance to pay every month.", "en", []),
        ("I have seen prices fall 20% in a day.", "en", ["20%"]),
        # The result of a made-up case goes on in the next sentence.
        ("If I put $1 in at 150% a minute and left for lunch. On my return the account would hold "
         "8 quadrillion dollars.", "en", []),
        ("Exemple : vous versez 50 000 euros puis retirez 40 000 euros. Vous pourrez ensuite y verser "
         "encore 100 000 euros.", "fr", []),
        ("If I had bought $100 of bitcoin in 2013, I would be rich. Bitcoin rose 50% last year.", "en", ["50%"]),
    ],
)
def test_round_30_31_figures(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # Clearing houses' rules bind their members.
        ("The DTCC can now require members to report their positions daily.", "en", True),
        ("Our club rules require members to pay dues.", "en", False),
        # What an authority wants others to do.
        ("The Fed wanted banks to turn to it for securities.", "en", True),
        ("This may very well be what the Fed wanted them to do.", "en", False),
        # Exposed as a fraud; an obligation imposed, in a gerund.
        ("Its founders were revealed as intellectual and legal frauds.", "en", True),
        ("L'AMF avait déjà avancé en imposant aux fonds un prospectus simplifié.", "fr", True),
    ],
)
def test_round_30_31_regulatory(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang=lang)) is flagged


def test_a_post_on_clearing_and_forced_selling_is_a_finance_post() -> None:
    text = (
        "# The new clearing rule, explained\n\n"
        "The clearing agency published a rule filing this week. Once a clearing member cannot post "
        "collateral, the agency may liquidate its short positions the same day.\n\n"
        "Why it matters: hedgefunds that sold too much will face a margin call, and a short squeeze "
        "could follow when their positions are closed. The liquidation happens through the clearing house, "
        "not through the hedgefunds themselves.\n\n"
        "I will follow the next filing closely and write about the settlement changes it brings.\n"
    )
    assert len(found(text, "missing-disclaimer", lang="en")) == 1
    assert found(text + "\nThis is not financial advice.\n", "missing-disclaimer", lang="en") == []


def test_a_value_met_in_a_made_up_case_is_no_repeat_of_a_later_fact() -> None:
    text = (
        "For example, if the fixed rate is 2% and inflation is 4%, then the bond will pay 6%.\n\n"
        "Bank deposits are only paying around 4%, and corporate bonds are in the 2-5% range.\n"
    )
    assert found(text, "unsourced-figure", lang="en") == ["4%", "2-5%"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Whether a text binds is a legal conclusion.
        ("Keep in mind the regulator's guidelines are suggestions, not law.", True),
        ("The guidance is not legally binding.", True),
        ("Not law, but a good habit: save first.", False),
    ],
)
def test_whether_a_text_binds(text: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang="en")) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # An authority's head named with the title acts for it later in the post, by surname.
        ("Under SEC Chair Gary Roe, the agency changed course. Roe clearly views most tokens as securities.",
         "en", True),
        ("The SEC's chair, Gary Roe, spoke on Monday. Roe wants to regulate every exchange.", "en", True),
        ("La présidente de l'AMF, Marie Roe, s'est exprimée hier. Roe veut interdire ces produits.", "fr", True),
        # Not a company's head, nor a surname never introduced as an authority's.
        ("Northjet's chairman Tim Roe spoke. Roe wants to ban every rival.", "en", False),
        ("Roe clearly views most tokens as securities.", "en", False),
    ],
)
def test_an_authoritys_head_acts_for_it(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang=lang)) is flagged


def test_sentences_split_at_a_no_break_space_entity() -> None:
    text = ("* Under current law, you need to start taking distributions from your accounts.&nbsp; "
            "The new act proposes to raise the age limit to 73, while another bill would raise it to 75.\n")
    assert found(text, "unsourced-figure", lang="en") == ["73", "75"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Swiss grouping by apostrophes is one number.
        ("Le fonds gère CHF 1’250’000 aujourd'hui.", "fr", ["CHF 1’250’000"]),
        ("The fund manages CHF 1'250'000 today.", "en", ["CHF 1'250'000"]),
        # Times with "am"/"pm" glued, a year written '22, the date closing a citation.
        ("The meeting runs from 3:30pm to 3:45pm, and the stock fell 4% after it.", "en", ["4%"]),
        ("That sums to a painful drop in '22 growth.", "en", []),
        ('— Jane Roe, "On Markets," 1709', "en", []),
        ("A town of 1709 people voted.", "en", ["1709 people"]),
        # A band of a rate; an infinitive multiplier; a spelled percentage; a capital opening the sentence.
        ("Growth should slow to the low-30% range.", "en", ["low-30%"]),
        ("Le protocole va tripler ses actifs.", "fr", ["tripler"]),
        ("Vingt pour-cent des prêts étaient à risque.", "fr", ["Vingt pour-cent"]),
        ("J'ai lu 'Mille milliards de dollars' enfant.", "fr", []),
        # A home's description and an age.
        ("We bought a 3 bed 2 bath house.", "en", []),
        ("Everyone worked until they were 65 back then.", "en", []),
        # A condition that sets figures or opens a "then" illustrates; a reader's real tip does not.
        ("Si votre épargne progresse de 6 % et l'inflation de 1 %, vous pourrez consommer 5 % par an.", "fr", []),
        ("Si vous avez besoin pour vivre, de 30 000 € par an, alors il vous faut 750 000 euros.", "fr", []),
        ("If you trade on weekends, you could get it cheaper at $2.30.", "en", ["$2.30"]),
    ],
)
def test_round_32_33_figures(text: str, lang: str, expected: list[str]) -> None:
    assert found(text, "unsourced-figure", lang=lang) == expected


def test_a_bold_line_can_head_an_example_and_a_considered_case_leads_a_list() -> None:
    text = (
        "## Épargner\n\n**Exemple 1 - Combien épargner pour accumuler 500 000 € ?**\n\n"
        "Au bout de cinq ans, les intérêts s'élèvent à 7 464 €.\n\n## Marchés\n\n"
        "Le CAC 40 a perdu 8 % cette année.\n\n**Le marché en bref**\n\nLe Nasdaq a perdu 5 %.\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == ["8 %", "5 %"]
    text = (
        "Considérons un capital de 10 000 € placé à 10 % :\n\n"
        "- Année 1 : 1 000 € d'intérêts\n- Année 2 : 1 100 € d'intérêts\n"
    )
    assert found(text, "unsourced-figure", lang="fr") == []


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Another ETF attempt has been killed this week.", "en", True),
        ("The case dragged on, finally concluding in 2012 with a $14M settlement.", "en", True),
        ("Governments are racing to regulate these coins.", "en", True),
        ("Cette mesure a été abandonnée lors du vote final.", "fr", True),
        ("Pour des raisons techniques, cette mesure et sa mise en œuvre sont suspendues.", "fr", True),
        ("La réunion a été suspendue pour le déjeuner.", "fr", False),
    ],
)
def test_round_32_33_regulatory(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang=lang)) is flagged


@pytest.mark.parametrize(
    ("notice", "lang"),
    [("I'm not giving financial advice.", "en"), ("Je ne donne pas de conseils financiers.", "fr")],
)
def test_round_32_33_disclaimer_wordings(notice: str, lang: str) -> None:
    body = {
        "en": "Stocks, bonds, ETFs and dividends: my portfolio and the market this year, for investors.",
        "fr": "Actions, obligations, ETF et dividendes : mon portefeuille et la bourse cette année, "
        "pour les investisseurs.",
    }[lang]
    text = f"{body}\n\n{body}\n\n{notice}\n"
    assert found(text, "missing-disclaimer", lang=lang) == []
    assert len(found(f"{body}\n\n{body}\n", "missing-disclaimer", lang=lang)) == 1


def test_a_rental_property_post_is_a_finance_post() -> None:
    text = (
        "# My first rental property\n\nBuying an investment property taught me a lot about real estate. "
        "The tenant moved in after two weeks, and the landlord duties started at once.\n\n"
        "Finding a good property manager matters more than the cap rate, and the mortgage comes first.\n"
    )
    assert len(found(text, "missing-disclaimer", lang="en")) == 1


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Long acronyms written as names.
        ("Bafin filed criminal charges against the journalists.", True),
        ("Finma fined the bank last year.", True),
        ("The gems were set in mica and banned from export.", False),
        # The initials of a name in brackets cite nothing; an outlet in brackets does.
        ("The regulator filed charges against reporters of the Financial Times (FT).", True),
        ("The SEC fined the exchange last week (Reuters).", False),
    ],
)
def test_round_34_35_regulatory(text: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang="en")) is flagged


def test_a_claims_span_keeps_the_bracket_it_opened() -> None:
    text = "The regulator filed charges against reporters of the Financial Times (FT)."
    assert found(text, "regulatory-assertion", lang="en") == [
        "The regulator filed charges against reporters of the Financial Times (FT)"
    ]


@pytest.mark.parametrize(
    ("notice", "lang"),
    [
        ("This opinion piece is in no way meant to serve as investment advice.", "en"),
        ("Of course, do your own research first, it's your money.", "en"),
        ("Je vous invite à faire vos propres recherches.", "fr"),
    ],
)
def test_round_34_35_disclaimer_wordings(notice: str, lang: str) -> None:
    body = {
        "en": "Stocks, bonds, ETFs and dividends: my portfolio and the market this year, for investors.",
        "fr": "Actions, obligations, ETF et dividendes : mon portefeuille et la bourse cette année, "
        "pour les investisseurs.",
    }[lang]
    text = f"{body}\n\n{body} {notice} {body}\n\n{body}\n\n{body}\n\n{body}\n"
    assert found(text, "missing-disclaimer", lang=lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "rule", "expected"),
    [
        # What the writer learnt from a named party, and a party's own admission, are sources.
        ("On apprend aussi grâce à Finance Watch que le bilan des banques pèse 400 % du PIB.", "fr",
         "unsourced-figure", []),
        ("De l'aveu même de Jean Roe, le projet ne concernera qu'1 % des activités.", "fr", "unsourced-figure", []),
        ("Grâce à la hausse des taux, la banque a gagné 20 %.", "fr", "unsourced-figure", ["20 %"]),
        # What an authority is able to do.
        ("The Securities Commission has the ability to create and enforce the law.", "en",
         "regulatory-assertion", ["The Securities Commission has the ability to create and enforce the law"]),
        ("The company has the ability to create new products.", "en", "regulatory-assertion", []),
    ],
)
def test_round_34_35_sources_and_powers(text: str, lang: str, rule: str, expected: list[str]) -> None:
    assert found(text, rule, lang=lang) == expected
