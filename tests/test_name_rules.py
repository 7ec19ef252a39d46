"""One test per rule of the name detector's rule table and passes: each example is decided by its rule.

Every example gives a text, a word of it, the rule expected to decide that word, and whether the word ends
up protected. A rule added to the table without an example here fails `test_every_rule_has_an_example`.
Likewise each join, cut and trim step of `runs.py` has an example whose run records that step.
"""

import pytest

from babelwire.translation.protection.names import explain, find_names
from babelwire.translation.protection.names import runs as name_runs
from babelwire.translation.protection.names.evidence import gather
from babelwire.translation.protection.names.passes import PASSES
from babelwire.translation.protection.names.roles import ATTACHED_PARTICLE, TOKEN_RULES
from babelwire.translation.protection.names.tokens import tokenize

DIGEST = "PRESS DIGEST - Tunisia\nLA PRESSE\n- Exports rose.\nTHE TIMES\n- Prices will rise."

# rule -> (text, word, protected). The passes' sentence openers are English words ("Pentagon", "Baker"): an
# opener that is no English word ("Hnatov") is already a name by "sentence start: not a dictionary word".
EXAMPLES = {
    "particle name": ("Egypt's President el-Sisi spoke.", "el-Sisi", True),
    "lower case": ("The talks went on.", "talks", False),
    "letter or code": ("Naftogaz reported Q3 results.", "Q3", False),
    "date abbreviation": ("Talks resume on Dec 6 in Kyiv.", "Dec", False),
    "date range": ("Profit for April-June rose.", "April-June", False),
    "party and state": ("Nancy Pelosi, D-Calif., agreed.", "D-Calif", False),
    "compound adjective": ("The Kyiv-born director spoke.", "Kyiv-born", False),
    "dateline": ("KYIV, Dec 6 (Reuters) - Prices rose.", "KYIV", True),
    "field label: confirmed name": ("Bids by city.\nKYIV : 12 bids", "KYIV", True),
    "field label": ("Bids were due.\nSELLER : Kyiv City Council", "SELLER", False),
    "topic slug: place or agency": ("UKRAINE - Talks resume on Monday.", "UKRAINE", True),
    "topic slug": ("FOOTBALL - Shakhtar won on Sunday.", "FOOTBALL", False),
    "source heading: common word": (DIGEST, "THE", False),
    "source heading": (DIGEST, "PRESSE", True),
    "table: common word": ("Standings after Sunday:\nTotal 4 2 1 1", "Total", False),
    "table label": ("Standings after Sunday:\nShakhtar 4 2 1 1 7 3 7", "Shakhtar", True),
    "headline: common word": ("SHARES FALL IN KYIV\nShares fell in Kyiv.", "SHARES", False),
    "headline: confirmed name": ("ZELENSKYY MEETS TRUMP\nHe met Trump on Friday.", "TRUMP", True),
    "headline: unconfirmed": ("TALKS DRAG ON\nThe talks went on.", "DRAG", False),
    "acronym: common word": ("He sent a FAX on Monday.", "FAX", False),
    "acronym": ("The OSCE met on Monday.", "OSCE", True),
    "title-case headline: confirmed name": (
        "Has Trump Done Anything for Ukraine?\nHe asked Trump what was done.", "Trump", True),
    "title-case headline: common word": (
        "Has Trump Done Anything for Ukraine?\nHe asked Trump what was done.", "Done", False),
    "title-case headline: surname after a given name": (
        "Has Donald Trump Done Anything for Ukraine?\nNothing was done.", "Trump", True),
    "title-case headline: unknown": ("Has Trump Done Anything for Zhvania?\nNothing was done.", "Zhvania", False),
    "portfolio before its title": ("Climate activist Greta Thunberg met the Climate Change panel.", "Climate", False),
    "mid-sentence: common word": ("He met the Police chief.", "Police", False),
    "pronoun I": ("He said I've gone to Kyiv.", "I've", False),
    "mid-sentence capital": ("He met Witkoff on Friday.", "Witkoff", True),
    "possessive": ("Witkoff's team arrived.", "Witkoff", True),
    "sentence start: the item's person": ("May said so. Theresa May met Tusk.", "May", True),
    "sentence start: given name Will": ("Will Hurd said so.", "Will", True),
    "sentence start: family name first": ("Do Hung Viet said the talks ended.", "Do", True),
    "sentence start: function word": ("The talks ended.", "The", False),
    "sentence start: name elsewhere": ("Witkoff arrived. He met Witkoff again.", "Witkoff", True),
    "sentence start: lower case elsewhere": ("Trade was quiet. Brokers said trade would pick up.", "Trade", False),
    "sentence start: common word": ("Police detained him.", "Police", False),
    "sentence start: gazetteer": ("Kyiv was quiet on Sunday.", "Kyiv", True),
    "sentence start: hyphenated name": ("Rolls-Royce reported a profit.", "Rolls-Royce", True),
    "sentence start: adverb or gerund": ("Speaking to reporters, he left.", "Speaking", False),
    "sentence start: given name before a surname": ("Dolly Menga scored twice.", "Dolly", True),
    "sentence start: not a dictionary word": ("Umerov flew to Geneva.", "Umerov", True),
    "sentence start: unknown": ("Plastic surgery gets a boost.", "Plastic", False),
    "place phrase": ("New York hosted the talks.", "New", True),
    "subject before a verb": ("Pentagon said it would respond.", "Pentagon", True),
    "outlet before a press noun": ("Mirror newspaper reported the blast.", "Mirror", True),
    "first of a list of names": ("Sterling, Andriy Yarmolenko, Ruslan Malinovskyi and others played.", "Sterling", True),
    "name before a bracketed name": ("Baker (Ukraine) won the race.", "Baker", True),
    "name before an apposition": ("Arsenal, the European champions, lost at home.", "Arsenal", True),
    "words spelling a bracketed acronym": (
        "He met the Organisation for Security and Cooperation in Europe (OSCE) today.", "and", True),
    "organisation before its head word": ("The National Bank of Poland\nThe bank cut its rate.", "National", True),
    "name elsewhere in the item": ("HNATOV WINS AGAIN\nHnatov took the lead on Sunday.", "HNATOV", True),
    "name phrase elsewhere in the item": (
        "NATIONAL SAVINGS RATES CUT\nBuyers of National Savings bonds gained.", "NATIONAL", True),
    "after a semicolon: common word": ("Prices: Oil up; Gold down.", "Gold", False),
    "acronym closing a company's name": ("Investors backed Scale AI on Monday.", "AI", True),
    "regnal numeral": ("Queen Elizabeth I ruled England.", "I", True),
    ATTACHED_PARTICLE: ("He met F.W. de Klerk on Monday.", "de", True),
}


def decision(text: str, word: str):
    return next(d for d in explain(text) if d.word == word)


def protected(text: str, word: str) -> bool:
    start = decision(text, word).start
    return any(span.start <= start < span.end for span in find_names(text))


@pytest.mark.parametrize("rule", list(EXAMPLES))
def test_rule_decides_its_example(rule):
    text, word, expected = EXAMPLES[rule]
    assert decision(text, word).rule == rule
    assert protected(text, word) is expected


def test_every_rule_has_an_example():
    rules = {rule.name for rule in TOKEN_RULES} | {name for name, _ in PASSES}
    assert rules == set(EXAMPLES)


def test_a_span_names_the_rule_of_its_first_name_word():
    [span] = find_names("He met F.W. de Klerk on Monday.")
    assert (span.text, span.rule) == ("F.W. de Klerk", "name: acronym")


@pytest.mark.parametrize("text", ["Organised crime rose.", "Colourful scenes followed.", "Centres closed early."])
def test_british_spellings_are_ordinary_words_at_a_sentence_start(text):
    word = text.split()[0]
    assert decision(text, word).rule != "sentence start: not a dictionary word"
    assert not protected(text, word)


@pytest.mark.parametrize("text, word, expected", [
    ("Worryingly, the talks stalled.", "Worryingly", False),  # an adverb made from a dictionary word
    ("Running late, he left.", "Running", False),
    ("Basically, he left.", "Basically", False),
    ("Erling Haaland scored twice.", "Erling", True),  # -ing of no word: a name (was left out: "Haaland" alone)
    ("Kipling wrote a poem.", "Kipling", True),
])
def test_a_sentence_opened_by_ing_or_ly_is_an_adverb_or_gerund_only_where_a_word_makes_it(text, word, expected):
    assert protected(text, word) is expected


TABLE = "Standings after Sunday:\n"

# run step -> (text, a name found in it whose run records the step, every name of the text)
STEP_EXAMPLES = {
    name_runs.ACRONYM_APART: (
        "He met the US Oksana Stefanyshyna today.", "Oksana Stefanyshyna", ["US", "Oksana Stefanyshyna"]),
    name_runs.JOIN_AMPERSAND: ("Shares of Marks & Spencer rose.", "Marks & Spencer", ["Marks & Spencer"]),
    name_runs.PLACES_APART: ("Talks between France & Germany ended.", "France", ["France", "Germany"]),
    name_runs.JOIN_PLURAL_POSSESSIVE: ("Shares of the Farmers' Union rose.", "Farmers' Union", ["Farmers' Union"]),
    name_runs.JOIN_PARTICLES: ("He met Juan de la Cruz today.", "Juan de la Cruz", ["Juan de la Cruz"]),
    name_runs.DATE_APART: ("He met the Council on Monday.", "Council", ["Council"]),
    name_runs.JOIN_AFTER_HEAD: ("He met the Bank of England today.", "Bank of England", ["Bank of England"]),
    name_runs.JOIN_BEFORE_ORGANISATION: (
        "Shares of Acme Mining of Canada Ltd rose.", "Acme Mining of Canada Ltd", ["Acme Mining of Canada Ltd"]),
    name_runs.JOIN_AND_ORGANISATION: (
        "Shares of Marks and Spencer Group Plc rose.", "Marks and Spencer Group Plc", ["Marks and Spencer Group Plc"]),
    name_runs.JOIN_AND_PORTFOLIO: (
        "He met the Ministry of Economy and Trade today.", "Ministry of Economy and Trade",
        ["Ministry of Economy and Trade"]),
    name_runs.CUT_ROLE: ("He met Energy Minister Svitlana Hrynchuk today.", "Svitlana Hrynchuk", ["Svitlana Hrynchuk"]),
    name_runs.TABLE_UNCUT: (TABLE + "General Caballero 4 2 1 1 7 3 7", "General Caballero", ["General Caballero"]),
    name_runs.TITLE_IN_ORGANISATION: (
        "He met the Council of Ministers today.", "Council of Ministers", ["Council of Ministers"]),
    name_runs.TITLE_AS_SURNAME: ("He met John Major today.", "John Major", ["John Major"]),
    name_runs.CUT_PORTFOLIO: (
        "He met the Secretary of State Warren Christopher today.", "Warren Christopher", ["Warren Christopher"]),
    name_runs.SURNAME_ALONE: ("The talks failed, said King.", "King", ["King"]),
    name_runs.TRIM_LEADING: ("He met The Beatles today.", "Beatles", ["Beatles"]),
    name_runs.TRIM_TRAILING: ("He arrived in Kyiv Monday.", "Kyiv", ["Kyiv"]),
    name_runs.DEMONYM_KEPT: ("He crossed the Indian Ocean today.", "Indian Ocean", ["Indian Ocean"]),
    name_runs.FULL_STOP_LEFT_OUT: ("He met Hun Sen.", "Hun Sen", ["Hun Sen"]),
    name_runs.TEAM_CODE: (TABLE + "Dynamo ( H ) 3 2 0 1", "Dynamo ( H )", ["Dynamo ( H )"]),
}


@pytest.mark.parametrize("step", list(STEP_EXAMPLES))
def test_run_step_shapes_its_example(step):
    text, name, names = STEP_EXAMPLES[step]
    tokens = tokenize(text)
    shaped = {text[run.start : run.end]: run.steps for run in name_runs.find_runs(text, tokens, gather(text, tokens))}
    assert step in shaped[name]
    assert [span.text for span in find_names(text)] == names


def test_every_run_step_has_an_example():
    assert set(name_runs.RUN_STEPS) == set(STEP_EXAMPLES)


@pytest.mark.parametrize("title", ["Adm.", "Brig. Gen.", "Cmdr.", "Det. Sgt.", "Insp.", "Lieut.", "Pvt.", "Supt."])
def test_an_abbreviated_title_is_cut_from_the_name_it_opens(title):
    assert [span.text for span in find_names(f"He met {title} Mike Mullen in Kyiv.")] == ["Mike Mullen", "Kyiv"]
