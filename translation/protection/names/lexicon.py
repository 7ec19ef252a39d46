"""The detector's word lists, read once from `data/*.txt` (each file's header says where it comes from).

Read through `babelwire.translation.lexicon.wordlists.load`: an entry with a space is a phrase, matched on consecutive words,
and never counts as its single words ("new york" does not make "new" a place word).
"""

from babelwire.translation.lexicon import (AMBIGUOUS_ABBREVIATIONS, DOTTED_ABBREVIATIONS, NUMBER_ABBREVIATIONS,  # noqa: F401
                                 TITLE_ABBREVIATIONS, institutions, place_forms)
from babelwire.translation.lexicon.wordlists import WordList, load as _load


def load(name: str) -> WordList:
    return _load("babelwire.translation.lexicon", name)


def words(*names: str) -> frozenset[str]:
    """The one-word entries of the named lists together."""
    return frozenset().union(*(load(name).words for name in names))


def with_plurals(nouns: frozenset[str]) -> frozenset[str]:
    """The nouns and their regular plurals ("university" -> "universities", "union" -> "unions")."""
    plurals = {noun[:-1] + "ies" if noun.endswith("y") else noun + "s" for noun in nouns if noun[-1].isalpha()}
    return nouns | {plural for plural in plurals if not plural.endswith("ss")}


FUNCTION_WORDS = words("function_words")
WEEKDAYS_MONTHS = words("weekdays_months")
DATE_ABBREVIATIONS = words("date_abbreviations")
US_STATE_ABBREVIATIONS = words("us_state_abbreviations")
REPORTING_VERBS = words("reporting_verbs")
CLUB_WORDS = words("club_words")
TITLES = words("titles")
ROLE_MODIFIERS = words("titles", "role_modifiers")
PRE_NAME_TITLES = words("pre_name_titles")
MONARCH_TITLES = words("monarch_titles")
SURNAME_TITLES = words("surname_titles")
DEMONYMS = words("demonyms")
COMMON_CAPITALISED = words("common_capitalised")
SUBJECT_VERBS = words("subject_verbs")
RECIPIENT_VERBS = words("recipient_verbs")  # "told Trump": the name after it a recipient (`protect._english_cues`)
OBJECT_VERBS = words("object_verbs")  # "called Kim": the name after it the verb's object
NEVER_ALONE = FUNCTION_WORDS | WEEKDAYS_MONTHS | TITLES | DEMONYMS

COUNTRIES = words("countries")
CITIES = words("places") | frozenset(name for name in place_forms() if " " not in name)
PLACES = COUNTRIES | CITIES
PLACE_PHRASES = load("countries").phrases | load("places").phrases | \
    frozenset(tuple(name.split()) for name in place_forms() if " " in name)
WELL_KNOWN_ORGS = words("well_known_orgs")
# "Marks & Spencer", "Procter & Gamble": the well-known names written with an ampersand, which wire copy also writes
# with "and", as word tuples with "&" between their parts
AMPERSAND_NAMES = frozenset(phrase for name in ("well_known_brands", "well_known_orgs") for phrase in load(name).phrases
                            if "&" in phrase)
ORG_HEADS = with_plurals(words("org_heads"))
ORG_FORMS = words("org_forms")
OF_HEADS = with_plurals(words("org_heads", "of_heads"))  # "Centers for Disease Control"
NAME_PARTICLES = words("name_particles")
# Particles that may open a surname ("de Silva", "van Gaal"); not the articles "la", "le", "el" nor "y".
LEADING_PARTICLES = NAME_PARTICLES - {"la", "le", "el", "y", "do", "ten", "op", "af", "av"}
GIVEN_NAMES = words("given_names")
COMPOUND_HEADS = words("compound_heads")
HYPHEN_PREFIXES = words("hyphen_prefixes")
PRESS_NOUNS = words("press_nouns")
BUSINESS_WORDS = words("business_words")
# Any English word (SCOWL size 70, lower-case entries): the common ones (size 35, which the protection policy
# reads as words a description is made of) and the rarer ones only the detector needs ("regulators").
COMMON_WORDS = _load("babelwire.translation.lexicon", "common_words").words
ENGLISH_WORDS = COMMON_WORDS | words("english_words")
# The words descriptive institution names are built from (the protection policy's list, heads and modifiers):
# "Ministry of Finance and Economy" is one name, "University of Michigan and Apple" two.
INSTITUTION_WORDS = institutions().words | institutions().event_heads  # "Institute for the Study of War"
