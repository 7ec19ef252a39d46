"""The word lists every stage reads: one data tree, `data/`, each file citing its source and licence in its header.

`wordlists` reads a file as a list or a table. The lists more than one module reads are parsed once, here:

    TITLE_ABBREVIATIONS, NUMBER_ABBREVIATIONS, AMBIGUOUS_ABBREVIATIONS, DOTTED_ABBREVIATIONS
        (`abbreviations.txt`, marked inside the list: the sentence segmenter and the name tokenizer agree)
    institutions() -> Institutions   (`institutions.txt`: the desk policy and the name detector)
    place_forms() -> {place: ((language, form), ...)}   (`place_forms.txt`: the detector's places too)

Who reads the rest: the name detector (`protection/names/lexicon.py`) most lists; the desk policy
(`protection/translated_names.py`) `place_codes`, `more_demonyms`, `holidays`, `event_kinds`, `common_words` and the
detector's `places` and `demonyms`; `quotes` `reporting_verbs`; `patterns` `unit_words` and `scale_words`;
`name_types` `given_name_genders`, `surname_endings` and, for an appositive's role, `titles`, `person_nouns` and
`gendered_titles`; `protect` `recipient_verbs` and `object_verbs` (through the
detector's lexicon: what the English verb before a name tells the case a Ukrainian copy restores it in). A target
language's own tables stay beside their code (`target_names/rendering/data/<language>/`,
`target_names/declension/data/`): only that package reads them.
"""

from dataclasses import dataclass
from functools import cache

from babelwire.translation.lexicon.wordlists import load_table

PACKAGE = __name__
_ABBREVIATION_MARKS = frozenset({"title", "number", "ambiguous", "keeps-dot"})


def abbreviations(mark: str) -> frozenset[str]:
    """The abbreviations of `data/abbreviations.txt` carrying `mark`; a row with an unknown mark is an error."""
    marked = set()
    for abbreviation, marks in load_table(PACKAGE, "abbreviations"):
        if not set(marks.split()) <= _ABBREVIATION_MARKS:
            raise ValueError(f"abbreviations.txt: {abbreviation!r} has an unknown mark in {marks!r}")
        if mark in marks.split():
            marked.add(abbreviation.lower())
    return frozenset(marked)


TITLE_ABBREVIATIONS = abbreviations("title")  # "Mr.", "Adm.": no sentence ends after them
NUMBER_ABBREVIATIONS = abbreviations("number")  # "No. 10", "Dec. 6": no sentence ends before a number
AMBIGUOUS_ABBREVIATIONS = abbreviations("ambiguous")  # "Inc.": a sentence ends only before a sentence opener
# Words that own their full stop in the name tokenizer ("Mr.", "Corp.", "St."): every title, and the others marked so.
DOTTED_ABBREVIATIONS = TITLE_ABBREVIATIONS | abbreviations("keeps-dot")


@dataclass(frozen=True)
class Institutions:
    """The words descriptive institution names are built from (`data/institutions.txt`)."""

    words: frozenset[str]  # every head and modifier, lower case
    heads: frozenset[str]
    narrow_heads: frozenset[str]  # heads only among institution words, places and demonyms
    event_heads: frozenset[str]  # heads of events described the same way ("Korean War", "Paris Fashion Week")
    award_heads: frozenset[str]  # the last word of an award's name, whatever precedes it ("Nobel Peace Prize")
    law_heads: frozenset[str]  # the last word of a law's name, whatever precedes it ("Magnitsky Act")
    event_openers: frozenset[str]  # the first word of an event's name, whatever follows it ("Operation Spiderweb")
    whole: frozenset[str]  # whole names, case as written


@cache
def institutions() -> Institutions:
    rows = load_table(PACKAGE, "institutions")

    def of_kind(*kinds: str) -> frozenset[str]:
        return frozenset(word.lower() for word, kind in rows if kind in kinds)

    return Institutions(
        words=of_kind("head", "narrow-head", "modifier"), heads=of_kind("head"),
        narrow_heads=of_kind("narrow-head"), event_heads=of_kind("event-head"), award_heads=of_kind("award-head"),
        law_heads=of_kind("law-head"),
        event_openers=of_kind("event-opener"),
        whole=frozenset(word for word, kind in rows if kind == "name"),
    )


@cache
def place_forms() -> dict[str, tuple[tuple[str, str], ...]]:
    """The places of `data/place_forms.txt` (English name, lower case) and the form each language writes."""
    forms: dict[str, list[tuple[str, str]]] = {}
    for name, language, form in load_table(PACKAGE, "place_forms"):
        forms.setdefault(name.lower(), []).append((language, form))
    return {name: tuple(rows) for name, rows in forms.items()}
