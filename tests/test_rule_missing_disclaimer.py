from __future__ import annotations

from lintpost.config import Config
from tests.helpers import found, lint

RULE = "missing-disclaimer"

FINANCE_EN = """# Three stocks for a volatile market

Investors have sold growth stocks and bought bonds as interest rates rose. The market now trades at
a discount to its average valuation, and dividend payers have held up. Our portfolio holds a broad
ETF, a bank with a strong balance sheet and a gold miner with low costs.
"""

FINANCE_FR = """# Trois actions pour un marché nerveux

Les investisseurs ont vendu les valeurs de croissance et acheté des obligations avec la hausse des
taux. La bourse se paie désormais sous sa valorisation moyenne et les dividendes ont tenu. Notre
portefeuille contient un ETF, une banque solide et une minière d'or.
"""


def _diags(text: str, lang: str, config: Config | None = None) -> list:  # type: ignore[type-arg]
    return [d for d in lint(text, lang=lang, select=(RULE,), config=config).diagnostics if d.rule == RULE]


def test_finance_post_without_disclaimer_is_flagged_in_both_languages() -> None:
    assert len(_diags(FINANCE_EN, "en")) == 1
    assert len(_diags(FINANCE_FR, "fr")) == 1


def test_disclaimers_in_many_wordings() -> None:
    for tail in ("This is not financial advice.", "NFA, DYOR.", "Past performance is not a reliable indicator "
                 "of future results.", "Your capital is at risk."):
        assert _diags(FINANCE_EN + "\n" + tail + "\n", "en") == [], tail
    for tail in ("Ceci n'est pas un conseil en investissement.", "Pas un conseil financier (DYOR).",
                 "Investir comporte un risque de perte en capital.", "Article à titre informatif uniquement."):
        assert _diags(FINANCE_FR + "\n" + tail + "\n", "fr") == [], tail


def test_a_position_disclosure_alone_is_not_a_disclaimer() -> None:
    assert _diags(FINANCE_EN + "\n*Disclosure: the author owns shares of the bank.*\n", "en")


def test_not_a_finance_post() -> None:
    recipe = ("# Clafoutis aux cerises\n\nBeurrez le moule, disposez les cerises, versez la pâte et enfournez "
              "pendant quarante minutes. Les cerises coûtent cher cette année au marché du village.\n")
    assert _diags(recipe, "fr") == []
    review = ("# A week with a new note-taking app\n\nThe app syncs quickly, the search is good and the editor "
              "never lost a word. The Pro plan costs a few dollars a month.\n")
    assert _diags(review, "en") == []


def test_explicit_call_is_named() -> None:
    d = _diags(FINANCE_EN + "\nI'm buying more of the miner this week.\n", "en")
    assert "explicit call" in d[0].message and "buying" in d[0].message


def test_house_disclaimer_is_offered_as_a_fix() -> None:
    cfg = Config(disclaimers={"en": "Not investment advice."})
    d = _diags(FINANCE_EN, "en", cfg)
    assert d[0].fix is not None
    edit = d[0].fix.edits[0]
    fixed = FINANCE_EN[: edit.offset] + edit.replacement + FINANCE_EN[edit.end_offset :]
    assert fixed.endswith("gold miner with low costs.\n\nNot investment advice.\n")
    assert _diags(fixed, "en", cfg) == []


def test_house_disclaimer_text_counts_as_a_disclaimer() -> None:
    cfg = Config(disclaimers={"fr": "Les opinions exprimées n'engagent que la rédaction de Zeta."})
    assert _diags(FINANCE_FR + "\nLes opinions exprimées n'engagent que la rédaction de Zeta.\n", "fr", cfg) == []


def test_a_securities_market_post_is_a_finance_post() -> None:
    text = (
        "# Who watches the dealers?\n\n"
        "Broker-dealers enjoy an exemption from the short selling rules. Dark pools hide the short interest, "
        "13F reports arrive months later, and securities lawyers call the whole thing a two-tier system "
        "that nobody outside the industry understands.\n"
    )
    assert found(text, "missing-disclaimer", lang="en")


_FINANCE_BODY = (
    "Bitcoin rallied this week as ETF inflows returned and traders bought the dip in altcoins. Stocks and bonds "
    "moved together, the dollar fell, and investors rotated into crypto tokens after the rate decision.\n\n"
)


def test_a_research_prompt_in_running_text_is_advice_not_a_disclaimer() -> None:
    middle = (
        "We often talk about DYOR in crypto circles, but in practice few investors read a whitepaper before "
        "buying a token, and most copy what the loudest traders on social media are buying this week.\n\n"
    )
    text = _FINANCE_BODY * 3 + middle + _FINANCE_BODY * 4
    assert found(text, "missing-disclaimer", lang="en")


def test_a_research_prompt_where_a_notice_stands_is_a_disclaimer() -> None:
    assert not found(_FINANCE_BODY * 4 + "DYOR.\n", "missing-disclaimer", lang="en")
    notice = (
        "## About this analysis\n\nUse this analysis as a starting point for your own research, and think "
        "about your own situation and goals before you act on anything you read in this article or elsewhere.\n\n"
    )
    assert not found(_FINANCE_BODY + notice + _FINANCE_BODY * 4, "missing-disclaimer", lang="en")


def test_tax_retirement_and_estate_planning_are_personal_finance() -> None:
    roth = ("# The backdoor Roth, step by step\n\nIf your income is above the limit, you make a non-deductible "
            "contribution to a traditional IRA, then a Roth conversion. Report the contribution on your tax "
            "return and the conversion as taxable income where the account held pre-tax money. Mind the "
            "rollover rules and the tax bracket you are in when you convert.\n")
    assert len(_diags(roth, "en")) == 1
    donation = ("# Donner de son vivant\n\nLa donation permet de transmettre une partie de son patrimoine. "
                "Chaque enfant bénéficie d'un abattement sur les droits de donation, renouvelable. Au-delà, "
                "le barème des droits de succession s'applique. La quotité disponible limite ce que l'on "
                "peut donner, et l'usufruit peut être conservé grâce à la nue-propriété.\n")
    assert len(_diags(donation, "fr")) == 1


def test_a_first_person_notice_and_tax_wordings_are_disclaimers() -> None:
    for tail in ("You should not take any financial advice from me.", "I am not a CPA; consult a tax professional."):
        assert _diags(FINANCE_EN + "\n" + tail + "\n", "en") == [], tail
    assert _diags(FINANCE_FR + "\nCeci n'est pas un conseil fiscal.\n", "fr") == []


def test_a_call_quoted_from_someone_else_is_not_the_authors() -> None:
    d = _diags(FINANCE_EN + "\n> Time to accumulate, says one trader on social media.\n", "en")
    assert len(d) == 1 and "explicit call" not in d[0].message


def test_a_negated_risk_warning_is_no_disclaimer_and_construed_wordings_are() -> None:
    assert _diags(FINANCE_EN + "\nThere is no risk of loss with this strategy.\n", "en")
    assert _diags(FINANCE_EN + "\nThis post is not to be construed as investment advice.\n", "en") == []
    assert _diags(FINANCE_FR + "\nCet article ne doit pas être considéré comme un conseil.\n", "fr") == []


def test_dont_take_this_as_advice_is_a_disclaimer() -> None:
    assert _diags(FINANCE_EN + "\nDon't take anything I say here as advice!\n", "en") == []
    assert _diags(FINANCE_FR + "\nNe prenez rien de ce que je dis pour un conseil.\n", "fr") == []
