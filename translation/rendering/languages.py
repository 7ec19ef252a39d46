"""The data a target language's renderer reads, from `data/<language>/`: a new language is a new folder.

    established.txt         whole names with an attested form (each word of them renders that word alone)
    slavic_given_names.txt  given names in a name romanised from Ukrainian or Russian, in this language's form
    language.txt            the name of the reverse romanisation (reported as a rendering's source)
    romanised.txt           reverse romanisation rules for names romanised from Ukrainian
    spelling.txt            letter rules for an English spelling the dictionary does not know
    phonemes.txt            the CMU dictionary's phonemes in this language's practical transcription
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from translation.rendering.rules import RuleTable
from translation.wordlists import load_table


@dataclass(frozen=True)
class LanguageData:
    established: dict[str, str]  # lower-case Latin name or word -> target form
    given_names: dict[str, str]  # lower-case Latin given name -> target form
    slavic_given_names: frozenset[str]  # the given names that alone tell a name is Ukrainian or Russian
    romanisation_name: str
    romanised: RuleTable
    spelling: RuleTable


def primary(language: str) -> str:
    """"uk-UA" -> "uk"."""
    return language.replace("_", "-").split("-", 1)[0].lower()


def has_data(language: str) -> bool:
    code = primary(language)
    return code.isalpha() and resources.files(__package__).joinpath("data", code, "language.txt").is_file()


@cache
def language_data(language: str) -> LanguageData:
    code = primary(language)
    about = dict(load_table(__package__, f"{code}/language"))
    given = load_table(__package__, f"{code}/slavic_given_names")
    return LanguageData(
        established=_established(code),
        given_names={row[0].lower(): row[1] for row in given},
        slavic_given_names=frozenset(row[0].lower() for row in given if row[2:] == ("sign",)),
        romanisation_name=about["romanisation"],
        romanised=RuleTable.load(__package__, f"{code}/romanised"),
        spelling=RuleTable.load(__package__, f"{code}/spelling"),
    )


def _established(code: str) -> dict[str, str]:
    """Whole names, and each word of a name whose form has as many words (the whole names win)."""
    rows = [(latin, form) for latin, form, *_ in load_table(__package__, f"{code}/established")]
    words = {}
    for latin, form in rows:
        latin_words, form_words = latin.split(), form.split()
        if len(latin_words) == len(form_words):
            words.update(zip((word.lower() for word in latin_words), form_words))
    return words | {latin.lower(): form for latin, form in rows}
