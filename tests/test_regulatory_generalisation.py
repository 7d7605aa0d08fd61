"""regulatory-assertion: patterns rather than words.

Every sentence here is invented; each group shows one pattern the rule should generalise to (or one
trap it must not fall into), in English and in French.
"""

from __future__ import annotations

import pytest

from lintpost.api import lint_text
from tests.helpers import found

RULE = "regulatory-assertion"


def _flags(text: str, lang: str) -> list[str]:
    return found(text, RULE, lang=lang)


# --- Enforcement in the passive voice, with no agent: the authority is implied by the verb. ---
AGENTLESS_PASSIVE = [
    ("The founder was arrested in Lisbon on Tuesday and extradited a month later.", "en"),
    ("Two of the developers were charged in Zurich over the token sale.", "en"),
    ("About $9m in stablecoins has been seized from the mixer's wallets.", "en"),
    ("The fund's manager was found liable for misleading clients.", "en"),
    ("The founder was arrested when he landed in Lisbon.", "en"),
    ("Its chief executive was placed under investigation for market abuse.", "en"),
    ("The lender was placed into receivership in the spring.", "en"),
    ("Le fondateur a été interpellé à Nice lundi matin.", "fr"),
    ("Les fonds de la plateforme ont été saisis début mars.", "fr"),
    ("Trois dirigeants sont poursuivis en Belgique pour abus de confiance.", "fr"),
    ("Le gérant a été condamné à quatre ans de prison.", "fr"),
    ("La banque a été sanctionnée pour des contrôles défaillants.", "fr"),
    ("Le réseau de faux courtiers a été démantelé l'an dernier.", "fr"),
    ("Le gérant a été placé en garde à vue jeudi.", "fr"),
    ("La société est désormais placée en liquidation judiciaire à Lyon.", "fr"),
    ("Le courtier a été mis en demeure de cesser son activité.", "fr"),
    ("Les avoirs du fonds ont été gelés en octobre.", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), AGENTLESS_PASSIVE)
def test_agentless_passive_of_enforcement_verbs(text: str, lang: str) -> None:
    assert _flags(text, lang), text


# --- Police, prosecutors, investigators, ministries and states as the actor. ---
ENFORCEMENT_ACTORS = [
    ("Dutch investigators raided the offices of the broker in June.", "en"),
    ("The Paris prosecutor's office opened a criminal case against the app.", "en"),
    ("Customs officers confiscated the mining rigs at the border.", "en"),
    ("El Salvador made the token legal tender in 2021.", "en"),
    ("Nigeria banned banks from serving crypto exchanges.", "en"),
    ("The finance ministry blacklisted the trading app.", "en"),
    ("La police néerlandaise a saisi les serveurs du service.", "fr"),
    ("Le parquet de Paris a ouvert une information judiciaire contre le courtier.", "fr"),
    ("La juge a classé l'affaire en quelques minutes.", "fr"),
    ("Les douanes ont confisqué deux cents machines de minage.", "fr"),
    ("Le Maroc a interdit les paiements en cryptomonnaie.", "fr"),
    ("Les enquêteurs ont perquisitionné le siège de la société.", "fr"),
    ("Le procureur a requis deux ans de prison avec sursis contre le gérant.", "fr"),
    ("Les enquêteurs ont découvert qu'il payait les anciens clients avec l'argent des nouveaux.", "fr"),
    ("Prosecutors uncovered that the desk had faked its trading volumes for two years.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), ENFORCEMENT_ACTORS)
def test_law_enforcement_and_states_as_actors(text: str, lang: str) -> None:
    assert _flags(text, lang), text


# --- The legal status of an asset or a firm, stated as fact. ---
LEGAL_STATUS = [
    ("The coin is legal tender in two countries.", "en"),
    ("Several countries restrict its use to licensed brokers.", "en"),
    ("Le jeton a cours légal dans deux pays d'Amérique centrale.", "fr"),
    ("Ce jeton est une monnaie légale au Paraguay depuis l'an dernier.", "fr"),
    ("Plusieurs pays restreignent son usage dans les paiements.", "fr"),
    ("La plateforme est maintenant placée sous la protection de la loi sur les faillites.", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), LEGAL_STATUS)
def test_legal_status_claims(text: str, lang: str) -> None:
    assert _flags(text, lang), text


# --- Nominalised enforcement: "the seizure of", "la condamnation de". ---
NOUN_FORMS = [
    ("The arrest of the two founders sent the token down 40 percent.", "en"),
    ("After the seizure of the exchange's domain, withdrawals stopped.", "en"),
    ("La condamnation du fondateur a mis fin au projet.", "fr"),
    ("Depuis l'interdiction du minage en Chine, le hashrate s'est déplacé.", "fr"),
    ("La mise en examen du dirigeant a fait chuter l'action.", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), NOUN_FORMS)
def test_nominalised_enforcement(text: str, lang: str) -> None:
    assert _flags(text, lang), text


# --- Sentencing, penalties, settlements, licences lost, laws passed. ---
PENALTIES = [
    ("The broker agreed to pay a $3m penalty to settle the case.", "en"),
    ("The charges against the two traders were dropped in May.", "en"),
    ("The lender had its banking licence revoked last year.", "en"),
    ("The exchange was hit with a $40m fine.", "en"),
    ("Lawmakers passed a bill that caps card fees.", "en"),
    ("Le courtier s'est vu infliger une amende de deux millions d'euros.", "fr"),
    ("La plateforme a perdu son agrément en mars.", "fr"),
    ("Les ICO sont interdites en Chine depuis 2017.", "fr"),
    ("Le Parlement a adopté une loi qui plafonne les frais bancaires.", "fr"),
    ("Les poursuites contre le gérant ont été abandonnées.", "fr"),
    ("The SEC fined the broker $2m in May.", "en"),  # the month is no hedge
    ("The exchange is now under federal investigation.", "en"),
    ("Its founder faces seven criminal charges.", "en"),
    ("Congress raised the contribution limit for retirement accounts.", "en"),
    ("La plateforme fait l'objet d'une enquête pour exercice illégal.", "fr"),
    ("Le dirigeant est visé par un mandat d'arrêt international.", "fr"),
    ("Le gouvernement a relevé le plafond du livret l'an dernier.", "fr"),
    ("A jury in Manhattan convicted the founder of seven counts.", "en"),
    ("The lender paid $80m to resolve the bribery investigation.", "en"),
    ("The defendant pleaded not guilty and was released on bail.", "en"),
    ("The agency classified the coin as a security.", "en"),
    ("Un tribunal a reconnu les trois associés coupables d'escroquerie.", "fr"),
    ("La banque a payé 50 millions d'euros pour clore l'enquête.", "fr"),
    ("Le régulateur a retiré sa licence à la plateforme.", "fr"),
    ("L'AMF a placé le site sur sa liste noire.", "fr"),
    ("The trader got six years in prison for the pump-and-dump.", "en"),
    ("She was handed a two-year sentence in March.", "en"),
    ("Le trader a écopé de trois ans de prison ferme.", "fr"),
    ("La banque a écopé d'une amende record.", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), PENALTIES)
def test_sentencing(text: str, lang: str) -> None:
    assert _flags(text, lang), text


# --- A post's title (its first heading, level 1) is read on its own, so its claim is a claim. A section
# heading labels the section whose sentences state (and get flagged for) the claim. ---
def test_title_with_an_enforcement_verb() -> None:
    assert _flags("# Swiss police seize $4m from a crypto mixer\n\nThe rest of the story.\n", "en")
    assert _flags("# La police saisit les serveurs d'un exchange\n\nLa suite.\n", "fr")
    assert _flags("---\ntitle: x\n---\n\n# Le Maroc interdit les paiements en bitcoin\n\nLa suite.\n", "fr")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("## Halden Bank gets fined\n\nSome text.\n", "en"),
        ("# Weekly digest\n\n## Police seize a mixer\n\nSome text.\n", "en"),
        ("# How the SEC approves an ETF\n\nSome text.\n", "en"),
        ("# Will regulators ban staking?\n\nSome text.\n", "en"),
        ("# SEC lawsuit\n\nSome text.\n", "en"),
        ("# Comment l'AMF agrée un prestataire\n\nDu texte.\n", "fr"),
        ("# L'amende de l'AMF\n\nDu texte.\n", "fr"),
    ],
)
def test_headings_that_are_no_claim(text: str, lang: str) -> None:
    assert _flags(text, lang) == [], text


# --- Markdown emphasis inside a claim, a parenthesis after the authority, a hedge in another clause. ---
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le gérant a été **condamné** à deux ans de prison.", "fr"),
        ("Le site est **reconnu par l'AMF** (le gendarme de la Bourse) comme une **escroquerie**.", "fr"),
        ("The broker was **charged with** fraud last year.", "en"),
        ("The SEC sued the exchange in June, indicating that other platforms could be next.", "en"),
        ("Ces contrats pourraient arriver en Europe, en fait, les régulateurs américains les ont autorisés.", "fr"),
    ],
)
def test_emphasis_parentheses_and_clauses(text: str, lang: str) -> None:
    assert _flags(text, lang), text


def test_hedge_in_the_same_clause_still_counts() -> None:
    assert _flags("The SEC could sue the exchange, indicating a tougher stance.", "en") == []


# --- Traps: trading vocabulary, fees, loans, sport, ordinary verbs. ---
NEGATIVES = [
    ("After the Fed meeting I placed a limit order at $410 and a stop order below it.", "en"),
    ("The SEC filing is long; in order to read it quickly, start with the risk factors.", "en"),
    ("Regulators aside, the bank approved my mortgage in two days.", "en"),
    ("My credit card was approved after the bank checked my income.", "en"),
    ("The fund charges a 1% fee, and the Treasury bills it holds pay 5%.", "en"),
    ("He was charged a $35 overdraft fee by his bank.", "en"),
    ("The striker was banned for three matches after the final.", "en"),
    ("I think the SEC will approve the ETF next month.", "en"),
    ("The SEC said on Monday that it had charged the founder.", "en"),
    ("Police say the founder was arrested in Lisbon.", "en"),
    ("The founder was arrested in Lisbon, police said.", "en"),
    ("According to the indictment, the two traders were charged with fraud.", "en"),
    ("The broker's servers were seized, per a statement from the agency.", "en"),
    ("Selon le parquet, le fondateur a été interpellé à Nice.", "fr"),
    ("Le fondateur a été interpellé à Nice, a indiqué le parquet.", "fr"),
    ("D'après l'acte d'accusation, les deux associés ont été inculpés pour escroquerie.", "fr"),
    ("If the founder is arrested, the token will crash.", "en"),
    ("Was the founder ever arrested?", "en"),
    ("Capital gains are taxed at 15% for most households.", "en"),
    ("Seize the opportunity while prices are low.", "en"),
    ("My account was frozen for a day while the exchange checked my ID.", "en"),
    ("La Fed poursuit sa hausse des taux et la BCE poursuit son resserrement.", "fr"),
    ("Saisissez le montant puis validez l'ordre d'achat.", "fr"),
    ("Les informations saisies dans le formulaire de l'AMF restent confidentielles.", "fr"),
    ("Le marché a fermé en hausse malgré la décision de la BCE.", "fr"),
    ("Ma banque a accepté mon crédit immobilier en une semaine.", "fr"),
    ("Selon Le Monde, le fondateur aurait été interpellé à Nice.", "fr"),
    ("Le fondateur pourrait être mis en examen dans les prochains jours.", "fr"),
    ("Le fondateur a-t-il été condamné ?", "fr"),
    ("Les plus-values sont imposées à 30 % au titre de la flat tax.", "fr"),
    ("Le joueur a été suspendu trois matchs.", "fr"),
    ("J'ai saisi l'occasion pour renforcer ma position.", "fr"),
    ("Le procureur devra montrer qu'ils ont violé les règles de prudence.", "fr"),
    ("Le stablecoin est adossé à une monnaie ayant cours légal, l'euro.", "fr"),
    ("The transfer of the exchange's Dubai licence was part of the deal.", "en"),
    ("The Fed is charged with keeping prices stable and employment high.", "en"),
    ("A study by the Fed found that inflation expectations were anchored.", "en"),
    ("The decline was arrested at the 200-day moving average.", "en"),
    ("Credit markets in Japan seized up for a week.", "en"),
    ("China produced most of the blocks in 2020, and its miners earned the block rewards.", "en"),
    ("Ce projet est condamné à disparaître, comme tant d'autres.", "fr"),
    ("Le titre a été sanctionné en Bourse après des résultats décevants.", "fr"),
    ("La BCE a constaté que l'inflation ralentissait.", "fr"),
    ("La France taxe les plus-values mobilières au prélèvement forfaitaire.", "fr"),
    ("Mon compte a été gelé par la plateforme pendant deux jours.", "fr"),
    ("The auditor settled the invoice with the client in May.", "en"),
    ("Withdrawals are restricted to verified users.", "en"),
    ("The SEC requires listed companies to have their accounts audited every year.", "en"),
    ("Customers are charged in USD, and fees are charged in January.", "en"),
    ("The seizure of the repo market in 2019 forced the Fed to inject cash.", "en"),
    ("Le lecteur a été interpellé par ce graphique sur les frais.", "fr"),
    ("The Fed raised rates by a quarter point.", "en"),
    ("I raised my savings rate and cut my spending.", "en"),
    ("The SEC filing shows lower tax expenses this year.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NEGATIVES)
def test_not_regulatory_assertions(text: str, lang: str) -> None:
    assert _flags(text, lang) == [], text


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # The firm faces a penalty: the authority is implied.
        ("The exchange, one of the largest in the world, faces a hefty fine and a leadership shake-up.", "en", True),
        ("The founder faces trial in New York next spring.", "en", True),
        ("The company faces a fine line between growth and profit.", "en", False),
        ("Le fondateur encourt jusqu'à 20 ans de prison.", "fr", True),
        # An order received, a ban maintained, a licence regime stated as fact.
        ("The platform received an order to stop its self-preferencing practices.", "en", True),
        ("En conséquence, le moteur de recherche a reçu l'ordre de cesser ces pratiques.", "fr", True),
        ("The mainland maintains its ban on crypto trading and mining.", "en", True),
        ("La Chine continentale maintient son interdiction du minage.", "fr", True),
        ("La banque maintient son objectif de rentabilité.", "fr", False),
        ("À Hong Kong, la détention de crypto est autorisée sous licence.", "fr", True),
        ("Trading is allowed only under a licence in Hong Kong.", "en", True),
    ],
)
def test_fourth_sample_implied_acts(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("The SEC has quietly restricted access to its filings.", "en", True),
        ("Analysts restricted their forecasts to the next quarter.", "en", False),
        ("On appeal, the settlement upheld the court's original ruling.", "en", True),
        ("La cour d'appel a confirmé la condamnation du fondateur.", "fr", True),
        ("Dans certains pays, la cryptomonnaie n'est pas reconnue comme étant illégale.", "fr", True),
    ],
)
def test_fifth_sample_acts_and_legality(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


def test_each_clause_holds_its_own_claim() -> None:
    text = "La Chine maintient son interdiction du minage, mais la détention de bitcoins n'est pas illégale."
    assert len(_flags(text, "fr")) == 2
    assert len(_flags("The SEC fined the exchange and banned its founder from the industry.", "en")) == 1
    attributed = "Selon Reuters, la Chine maintient son interdiction du minage, mais la détention n'est pas illégale."
    assert _flags(attributed, "fr") == []


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # A legal instrument acts like an authority.
        ("The exemption allowed option market makers to ignore the close-out requirement entirely.", "en", True),
        ("The exception proves the rule in this market.", "en", False),
        ("La dérogation autorisait les teneurs de marché à vendre à découvert sans limite.", "fr", True),
        ("Le courtier autorisait un levier de 100.", "fr", False),
    ],
)
def test_legal_instruments_as_actors(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Cryptocurrencies are, broadly, securities.", "en", True),
        ("The OCC granted a national trust charter to the firm.", "en", True),
        ("The company issued new shares to investors.", "en", False),
        ("L'AMF délivre les premiers enregistrements aux plateformes.", "fr", True),
    ],
)
def test_classifications_and_grants(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("In crypto, regulation is nigh on nonexistent.", "en", True),
        ("Dans ce secteur, la réglementation reste quasi inexistante.", "fr", True),
        ("Une enquête a été ouverte par la Securities Exchange Commission.", "fr", True),
        ("Depuis le vote du règlement MiCA par le Parlement européen, les plateformes s'adaptent.", "fr", True),
        ("The passage of the stablecoin bill by Congress changed the market.", "en", True),
        ("The passage of time heals most portfolios.", "en", False),
        ("Supervision of the interns was lax that summer.", "en", False),
    ],
)
def test_sixth_sample_status_and_adoption(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # What an authority means to do is a claim about it.
        ("Dans ce contexte, la BCE veut éviter un bank run numérique.", "fr", True),
        ("Partout, les banquiers centraux s'empressent de réglementer ces monnaies numériques.", "fr", True),
        ("Ces plateformes seront étroitement surveillées par les gouvernements.", "fr", True),
        ("The ECB wants to prevent a digital bank run.", "en", True),
        ("Regulators are rushing to regulate stablecoins.", "en", True),
        ("The SEC closely monitors crypto promotions.", "en", True),
        # Not a legal act.
        ("La Fed surveille l'inflation.", "fr", False),
        ("Les banques centrales ont relevé leurs taux.", "fr", False),
        ("The bank wants to grow its loan book.", "en", False),
    ],
)
def test_intents_and_close_scrutiny(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Jamie Roe, the bank's CEO, believes bitcoin is a fraud.", "en", False),
        ("Bitcoin is a fraud.", "en", True),
        ("Le patron de la banque estime que le bitcoin est une escroquerie.", "fr", False),
        ("Le juge a condamné le fondateur à deux ans de prison.", "fr", True),
        ("L'AMMC surveille de très près la promotion des actifs virtuels.", "fr", True),
        ("The FATF blacklisted the country in June.", "en", True),
    ],
)
def test_opinions_of_named_people_and_more_regulators(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


def test_the_earliest_claim_of_a_clause_is_reported() -> None:
    text = "The exchange pleaded guilty and was ordered to pay $4bn after a US investigation found it broke sanctions."
    flags = [d for d in lint_text(text, lang="en") if d.rule == RULE]
    spans = [text[d.offset : d.end_offset] for d in flags]
    assert len(spans) == 1 and spans[0].startswith("pleaded guilty") and "was ordered to pay" in spans[0]


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        # The span runs from the claim to the end of its clause, so a second act in it is covered...
        (
            "However, the regulators denied the allegations and even filed a criminal complaint against the paper.",
            "en",
            "regulators denied the allegations and even filed a criminal complaint against the paper",
        ),
        # ...but not a participle clause that reports words, nor the next clause.
        ("The SEC fined the broker, saying it misled clients.", "en", "SEC fined the broker"),
        ("L'AMF a sanctionné le courtier, mais il a fait appel.", "fr", "AMF a sanctionné le courtier"),
    ],
)
def test_the_span_is_the_clause_of_the_claim(text: str, lang: str, span: str) -> None:
    assert _flags(text, lang) == [span]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # Pardons and clemency are legal acts; the executive acting on a case is an authority.
        ("President Roe has also pardoned the founders of two other exchanges.", "en", True),
        ("The exchange's founder was pardoned last month.", "en", True),
        ("He received a full pardon in October.", "en", True),
        ("The pardon lifts restrictions on his ability to run a company.", "en", True),
        ("The administration halted a fraud case against the firm in March.", "en", True),
        ("Le président a gracié le fondateur de la plateforme en octobre.", "fr", True),
        ("Le fondateur a été gracié le mois dernier.", "fr", True),
        ("La grâce lève les restrictions qui pesaient sur lui.", "fr", True),
        ("L'administration a suspendu l'enquête sur la plateforme.", "fr", True),
        # Not a legal act.
        ("Pardon my French, the market is crazy.", "en", False),
        ("The company lifted the restrictions on withdrawals after the hack.", "en", False),
        ("The fund administration costs rose sharply.", "en", False),
    ],
)
def test_pardons_and_the_executive(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # After ", saying" the words are the speaker's; before it, the author's.
        ("The president, later saying he had granted the pardon at the request of friends, left.", "en", False),
        ("Le ministre a répondu, ajoutant que l'AMF avait sanctionné la plateforme.", "fr", False),
        ("The SEC fined the broker, saying it misled clients.", "en", True),
        ("The Trump administration previously halted a fraud case against the entrepreneur.", "en", True),
    ],
)
def test_words_reported_by_a_participle(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # A pronoun right after a sentence naming an authority stands for it.
        ("The SEC has been silent for months. They have quietly restricted access to information.", "en", True),
        ("The SEC has been silent for months. It fined three brokers in May.", "en", True),
        ("L'AMF est restée discrète. Elle a pourtant sanctionné trois courtiers en mai.", "fr", True),
        # Not after a company or a country, and not when hedged.
        ("Apple reported earnings. They approved a buyback.", "en", False),
        ("China is a big market. They banned mining in 2021.", "en", False),
        ("The SEC has been silent for months. They might restrict access soon.", "en", False),
        ("L'AMF est restée discrète. Il faut dire que les marchés ont chuté.", "fr", False),
        # A court's finding in the passive voice.
        ("Institutional sales were ruled to be unregistered securities offerings.", "en", True),
        ("The token was deemed a security in 2023.", "en", True),
        ("Ces ventes ont été jugées illégales par le passé.", "fr", True),
        ("Le jeton a été qualifié de valeur mobilière.", "fr", True),
        ("The company was found to be profitable.", "en", False),
        ("Le projet a été jugé prometteur.", "fr", False),
        # "must" after the claim, in a relative clause, does not make it a general rule.
        ("The SEC has restricted access to filings it must make public.", "en", True),
        ("Brokers must be licensed by the FCA.", "en", False),
    ],
)
def test_pronouns_court_findings_and_later_modals(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # Public bodies named by their kind, and closures of banks.
        ("The DFPI (Department of Financial Protection and Innovation) seized and collapsed the bank.", "en", True),
        ("The Monetary Authority of Singapore fined the bank in May.", "en", True),
        ("The FDIC shuttered the bank on March 12, 2023, and brokered its sale to a rival.", "en", True),
        ("Le régulateur a fermé la banque en mars.", "fr", True),
        ("The Fed seized the opportunity to cut rates.", "en", False),
        ("The board approved a $2bn buyback.", "en", False),
        # Breaking the law, and "nothing illegal", are legal conclusions.
        ("The shareholder refused to lend more money as it would break regulations.", "en", True),
        ("There is nothing wrong nor illegal about this strategy.", "en", True),
        ("Cette stratégie n'a rien d'illégal.", "fr", True),
        # A verdict with no court named; serving a sentence.
        ("La fondatrice de la start-up a été jugée coupable de fraude.", "fr", True),
        ("Elle est partie pour purger une peine de onze ans.", "fr", True),
        # "claims" as a noun is no hedge; as a speaker's verb it is.
        ("As claims of malpractice mounted, BaFin, the German regulator, during its probe ignored them.", "en", True),
        ("He claimed the SEC approved it.", "en", False),
    ],
)
def test_public_bodies_closures_and_broken_laws(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # Orders and demands of an authority.
        ("The EU has demanded that Meta, along with two rivals, explain its measures.", "en", True),
        ("Regulators ordered the exchange to halt withdrawals.", "en", True),
        ("The company demanded that its suppliers cut prices.", "en", False),
        ("The EU’s stern demand comes at a time when scrutiny of platforms is at an all-time high.", "en", False),
        # "legal challenges" is a noun; a place ("in the EU") is no actor.
        ("The EU’s proactive stance, alongside the legal challenges in the US, signals a shift.", "en", False),
        ("The Meta ruling in the EU, coupled with the lawsuit in the US, is a warning.", "en", False),
        ("The SEC challenged the listing in court.", "en", True),
    ],
)
def test_demands_places_and_legal_challenges(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("An investigation was launched into the exchange last week.", "en", True),
        ("Criminal proceedings have been opened against the broker.", "en", True),
        ("A lawsuit was filed by a patent alliance to stop him.", "en", False),
        ("Une enquête a été lancée par la fédération américaine de l'aviation.", "fr", True),
        ("Des poursuites ont été engagées contre la plateforme.", "fr", True),
        ("The product was launched in May.", "en", False),
        ("Le produit a été lancé en mai.", "fr", False),
    ],
)
def test_a_proceeding_opened_in_the_passive(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # Making or declaring something illegal is a legal act, whoever the actor.
        ("The states can declare possession illegal.", "en", True),
        ("They made the product illegal overnight.", "en", True),
        ("Les États peuvent déclarer la possession illégale.", "fr", True),
        ("La loi a rendu ces paris illégaux.", "fr", True),
        ("Regulators could declare it illegal next year.", "en", False),
        ("Les régulateurs pourraient déclarer ce jeton illégal.", "fr", False),
    ],
)
def test_declaring_or_making_something_illegal(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Même si vous gardez vos BTC sur une clé, les États peuvent déclarer leur possession illégale.", "fr", True),
        ("Even if you hold the keys, regulators can declare possession illegal.", "en", True),
        ("Si vous gardez vos BTC sur une clé, les États pourraient déclarer leur possession illégale.", "fr", False),
    ],
)
def test_a_concession_is_no_condition(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Market makers are still exempt from locate requirements.", "en", True),
        ("Les teneurs de marché restent exemptés des obligations de localisation.", "fr", True),
        # How a tax works is no regulatory assertion.
        ("Roth withdrawals are exempt from tax after 59.", "en", False),
        ("Les plus-values sont exonérées d'impôt après cinq ans.", "fr", False),
    ],
)
def test_an_exemption_from_rules_is_a_legal_status(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("But the SEC approved the exchange's listing in 2021, why question its model now?", "en", True),
        ("Will the SEC approve the ETF this year?", "en", False),
        ("Did the SEC approve the ETF, or not?", "en", False),
        ("Four tokens were named as securities across the two complaints.", "en", True),
        ("The charges are operating an unregistered exchange and offering unregistered securities.", "en", True),
        ("By pointing to one exchange, the SEC wants to force a decision on many other tokens.", "en", True),
        ("The company wants to end its partnership with the bank.", "en", False),
    ],
)
def test_statements_before_a_question_classifications_and_charges(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


def test_relief_issued_by_a_regulator_is_an_act() -> None:
    text = "The SEC's Division of Investment Management issued no-action relief that lets advisers use trust banks."
    assert _flags(text, "en")


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Under pressure from the SEC, the exchange delisted three tokens.", "en", True),
        ("Sous la pression de la Banque de France et de l'ACPR, aucune banque n'ouvre de compte crypto.", "fr", True),
        ("Under pressure from investors, the company cut its dividend.", "en", False),
        ("Sous la pression des actionnaires, le groupe a réduit son dividende.", "fr", False),
    ],
)
def test_an_act_done_at_an_authoritys_behest(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # A court's declaration of insolvency; the court named by its place.
        ("A Delaware court declared the lender bankrupt last week.", "en", True),
        ("The company declared itself insolvent after the run.", "en", False),
        ("Le 3 mars, le tribunal de Rotterdam déclare la faillite de la plateforme.", "fr", True),
        ("Le directeur financier déclare que les ventes ont progressé de 12 %.", "fr", False),
        # Campaigns against a firm, in plain words and in slang.
        ("The Commission has launched a legal offensive against the platform.", "en", True),
        ("Washington regulators have been gunning for both Kraken and Gemini.", "en", True),
        ("The FTC took aim at the merger in its first week.", "en", True),
        ("Short sellers have been gunning for Tesla for years.", "en", False),
        ("L'AMF s'attaque aux influenceurs qui vantent des produits à effet de levier.", "fr", True),
        ("La SEC a lancé une offensive judiciaire contre l'émetteur du jeton.", "fr", True),
        ("Le fonds s'attaque au marché asiatique.", "fr", False),
        # Central banks named in full or by acronym.
        ("PBOC Halts Withdrawals", "en", True),
        ("The People's Bank of China stopped withdrawals from the two exchanges.", "en", True),
        ("La Banque populaire de Chine a suspendu les retraits des deux plateformes.", "fr", True),
    ],
)
def test_courts_by_place_slang_campaigns_and_central_banks(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # What an authority has power over is a legal claim.
        ("The CFTC has no authority over spot markets for tokens.", "en", True),
        ("The FCA has jurisdiction over the promotion of crypto-assets.", "en", True),
        ("Spot tokens fall outside the SEC's jurisdiction.", "en", True),
        ("The chief executive has full authority over hiring.", "en", False),
        ("L'ACPR n'a aucune compétence sur les jetons non fongibles.", "fr", True),
        ("Ces jetons échappent à la supervision de l'AMF.", "fr", True),
        ("Le président a toute autorité sur les recrutements.", "fr", False),
        # A conduct called a crime.
        ("Running an unlicensed money transmitter is a federal crime.", "en", True),
        # A court's outcome for a party.
        ("The exchange lost its appeal against the fine.", "en", True),
        ("The issuer won its case against the regulator last year.", "en", True),
        ("La plateforme a perdu son procès en appel.", "fr", True),
        ("Gold lost its appeal after the rate hike.", "en", False),
        ("The fund lost its appeal to younger investors.", "en", False),
        ("Le fondateur a gagné son pari.", "fr", False),
        # A classification with its condition.
        ("The ruling means the token is not a security when sold on exchanges.", "en", True),
    ],
)
def test_jurisdiction_crimes_and_court_outcomes(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # What a named Act or a legislature changed is a claim, not a description of how a rule works.
        ("The RETIRE Act eliminates the old rules that kept part-time staff out of workplace plans.", "en", True),
        ("With the RETIRE Act these age limits have been eliminated.", "en", True),
        ("The Clean Energy Reform Act raised the corporate minimum tax to 15%.", "en", True),
        ("The Energy Act changes the law to guarantee plan eligibility for part-timers.", "en", True),
        ("The company eliminated 500 jobs and the fees have been eliminated.", "en", False),
        ("Our new app eliminates the usual paperwork limits.", "en", False),
        ("La loi Avenir a supprimé le forfait social sur l'intéressement.", "fr", True),
        ("Le Parlement a criminalisé l'usage des mixeurs de cryptomonnaies.", "fr", True),
        # Judges by title and name.
        ("Judge Maria Olsen threw out the regulator's motion to exclude the speech.", "en", True),
        # What authorities cannot do, in French.
        ("Par conséquent, aucun gouvernement au monde ne peut s'y immiscer.", "fr", True),
        ("Le gouvernement ne pourra jamais arrêter ce réseau.", "fr", True),
        ("Personne ne peut arrêter ce train.", "fr", False),
    ],
)
def test_changes_made_by_named_acts_judges_by_name_and_what_states_cannot_do(
    text: str, lang: str, flagged: bool
) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("**CA Lyon, 15 mars 2023** : confirmation de l'interdiction pour les passoires thermiques.", "fr", True),
        ("Le rejet du recours a surpris les avocats de la plateforme.", "fr", True),
        ("La confirmation de la commande est arrivée par courriel.", "fr", False),
        ("Second Circuit, March 2023: dismissal of the appeal against the fine.", "en", True),
        ("The dismissal of the chief executive surprised investors.", "en", False),
    ],
)
def test_court_decisions_written_as_noun_phrases(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # A new law's effect is a change, not how a law works; a condition on the reader is no hedge.
        ("If you have a retirement account, the new law lets you withdraw up to $5,000 without penalty.", "en", True),
        ("If you were born after 1960, the RETIRE Act pushes the age that triggers withdrawals up to 75.", "en", True),
        ("If the token is a security, the SEC will sue.", "en", False),
        ("A Roth IRA lets you withdraw contributions at any time.", "en", False),
        ("The app lets you trade for free.", "en", False),
        # What lawmakers mean a law to do, and what it makes possible.
        ("Lawmakers hope this new option will encourage younger workers to save.", "en", True),
        ("More lax regulations by the new law make it easier for small plans to join.", "en", True),
        ("We hope this guide will help you.", "en", False),
        ("This app makes it easier for you to save.", "en", False),
        # The legal status of an asset, and a political class that criminalises.
        ("Actif numérique (jeton utilitaire), pas de statut de monnaie légale.", "fr", True),
        ("C'est cette classe politique qui criminalise les mouvements sociaux.", "fr", True),
    ],
)
def test_new_laws_reader_conditions_intents_and_legal_status(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # A disclaimer is no legal conclusion.
        ("This is not legal advice.", "en", False),
        ("This is not legal advice, and staking is legal in the US.", "en", True),
        # Court decisions in French and English.
        ("Le Conseil d'État vient de rendre une décision sur la fiscalité du bitcoin.", "fr", True),
        ("Le Conseil d'État annule partiellement ces instructions fiscales.", "fr", True),
        ("Le comité dispose d'un délai de 120 jours pour rendre sa décision.", "fr", False),
        ("The appeals court handed down a ruling against the exchange.", "en", True),
        # A sanction or a government that prevents something; a purpose is no act.
        ("The sanction against the mixer prevents law-abiding citizens from using it.", "en", True),
        ("In effect, the government is preventing all citizens from protecting their privacy.", "en", True),
        ("It required a lifeline from the central bank to prevent it from folding.", "en", False),
        # Open questions, what a suit asks for, and an idiom.
        ("This lack of clarity regarding who and what is being sanctioned makes it hard to follow.", "en", False),
        ("On ne sait pas qui sera poursuivi par le parquet.", "fr", False),
        ("The lawsuit against the Treasury aims for a judgment that the sanctions are unconstitutional.", "en", False),
        ("The G7 countries pledged support, but they stopped short of announcing new measures.", "en", False),
    ],
)
def test_eighth_round_of_unseen_posts(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


def test_a_title_under_a_dateline_heading_is_read() -> None:
    text = "### [2016-05-10](/news/2016/05/10/)\n\n# A federal judge blocks the merger of two office suppliers\n"
    assert _flags(text, "en")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("FinCEN had issued guidance on virtual currencies in 2013.", True),
        ("The FBI had handcuffed the founder of the marketplace.", True),
        ("The company issued new shares.", False),
    ],
)
def test_guidance_issued_and_arrests_in_other_words(text: str, flagged: bool) -> None:
    assert bool(_flags(text, "en")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A look-ahead sees past the actor's window: "stopped short of" is no act.
        ("Earlier in the day, the seven main industrialised countries pledged support for the world economy, "
         "but they stopped short of announcing any new measures.", False),
        ("A coalition of 33 US states has launched a legal assault against the company.", True),
    ],
)
def test_idioms_at_the_edge_of_the_window_and_states_as_plaintiffs(text: str, flagged: bool) -> None:
    assert bool(_flags(text, "en")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The founder pleaded not guilty to eight counts of defrauding customers.", False),
        ("He also faces civil complaints from the Securities and Exchange Commission.", True),
        ("The firm faces complaints about slow withdrawals.", False),
        ("The regulation forced exchanges to delist the stablecoin.", True),
    ],
)
def test_pleas_complaints_and_regulations_that_force(text: str, flagged: bool) -> None:
    assert bool(_flags(text, "en")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [("The token faces outright bans in several countries.", True), ("The stock faces headwinds.", False)],
)
def test_a_thing_that_faces_bans(text: str, flagged: bool) -> None:
    assert bool(_flags(text, "en")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Congress should enact a framework that bans stablecoin yield.", False),
        ("There is legal ambiguity around staking.", False),
        ("Staking is legal in the US.", True),
    ],
)
def test_advocacy_and_legal_as_an_adjective(text: str, flagged: bool) -> None:
    assert bool(_flags(text, "en")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Insider trading has been banned since 1934.", True),
        ("The next SEC chair can rescind the token taxonomy.", True),
        ("The Commission's ruling accused the tech giant of rigging the market.", True),
        ("The regulator ended the case by levying a $110 million fine.", True),
        ("Analysts accused the company of hiding losses.", False),
    ],
)
def test_twelfth_round_of_unseen_posts(text: str, flagged: bool) -> None:
    assert bool(_flags(text, "en")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The SEC fined the exchange for allegedly misleading investors.", True),
        ("The SEC allegedly fined the exchange.", False),
    ],
)
def test_an_alleged_misconduct_does_not_hedge_the_fine(text: str, flagged: bool) -> None:
    assert bool(_flags(text, "en")) is flagged


def test_the_tools_to_go_after_are_no_act() -> None:
    assert not _flags("It worked while giving regulators the tools to go after bad actors.", "en")
    assert _flags("The SEC goes after unregistered exchanges.", "en")


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Les gouvernements pourraient rendre le bitcoin illégal. La Chine l'a déjà fait à plusieurs reprises.",
         "fr", True),
        ("Regulators could ban staking. The SEC did so in 2023.", "en", True),
        ("Apple has already done it.", "en", False),
        ("Apple l'a déjà fait.", "fr", False),
    ],
)
def test_a_pro_verb_for_the_act_before(text: str, lang: str, flagged: bool) -> None:
    assert bool(_flags(text, lang)) is flagged


def test_a_court_that_takes_possession_and_appoints_a_receiver() -> None:
    text = "For the victims, a court has taken possession of the exchange's assets and appointed a receiver."
    assert _flags(text, "en")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The Supreme Court ruled 6-3 that the agency overstepped.", True),
        ("The SEC filed a civil complaint against the issuer in December 2020.", True),
        ("Both the issuer and the SEC withdrew their appeals.", True),
        ("The token itself does not constitute a security.", True),
        ("This raises the question of how digital assets are regulated.", False),
        ("When the exchange sought guidance on how to register, the SEC's response was to sue the company.", True),
    ],
)
def test_thirteenth_round_of_unseen_posts(text: str, flagged: bool) -> None:
    assert bool(_flags(text, "en")) is flagged


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        # What a court held is its decision, stated as fact.
        ("The appeals court held that the coins were securities.", "en", True),
        ("The Supreme Court held 5-4 that the agency had overstepped.", "en", True),
        ("La cour d'appel a jugé que le contrat était nul.", "fr", True),
        ("Le tribunal a retenu que la banque avait manqué à son devoir de conseil.", "fr", True),
        # Not a holding: a meeting held, a view held, a board's decision, the author's own view.
        ("The regulator held that meeting in Paris.", "en", False),
        ("J'ai considéré que le prix était trop élevé.", "fr", False),
    ],
)
def test_what_a_court_held(text: str, lang: str, flagged: bool) -> None:
    assert bool(found(text, "regulatory-assertion", lang=lang)) is flagged
