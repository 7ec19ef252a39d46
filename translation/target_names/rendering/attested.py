"""A rule-made transcription settled by the target language's dictionary, where one is installed.

    attested_form(form, spelling, language, readings=(), person=True) -> str

The letter and sound rules pick one of the ways Ukrainian writes a sound (h as х, g as г); usage has settled many
names the other way (Генрі, Джеррард, Серхіо). The Ukrainian dictionary (pymorphy3-dicts-uk, the `names` extra)
lists given names and surnames as Ukrainian writes them. A transcription it knows as such a name stays; one it
does not know is tried with each change of `data/<language>/alternations.txt` at one place (a change the Latin
spelling allows: h for г, a for е), and a variant the dictionary knows as a given name or surname wins (the
earlier row first); then the word as another origin's spelling rules read it (`readings`: Tusk read as Polish is
Туск, Thunberg as German Тунберг, Francesco as Italian Франческо). In a person's name only given names and
surnames count: a variant that is a common word ("боа" for Bough) is no evidence; in a name of no known type (a
club, a town, a thing) an inanimate noun counts too (Гарлем, Стемфорд Бридж), which is how the dictionary lists
places. Without the dictionary the rules' form stands.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from babelwire.translation.lexicon.wordlists import load_table
from babelwire.translation.target_names.dictionary import analyzer, plain_apostrophe
from babelwire.translation.target_names.rendering.languages import primary

_SHORTEST_CHECKED = 4  # a three-letter transcription has too many known neighbours to choose between
_NAME_TAGS = ("Name", "Surn")
_SEX_OF = {"femn": "f", "masc": "m"}  # the dictionary's gender tag -> the census's sex
_EITHER_SEX = "either"  # a given name of either sex: `attested_given_name` where the census tells none


@lru_cache(maxsize=8192)
def attested_form(form: str, spelling: str, language: str, readings: tuple[str, ...] = (),
                  person: bool = True, given_sex: str | None = None, romanised: bool = False,
                  english: bool = True, pronounced: bool = False) -> str:
    """`form` (lower case, one word, transcribed from `spelling`, its Latin letters folded to lower case), or the
    variant or other reading (lower case) the language's dictionary attests as a name (`person`: as a given name
    or surname; otherwise as a name or an inanimate noun). `given_sex` ("f" or "m"): the word is a given name of
    that sex where it stands, and only a given name of that sex settles it (Eva is Ева, not the chess player's
    surname Ейве one changed letter away). `romanised`: the form was read back from a romanisation of Ukrainian or
    Russian, whose e may stand for є (Пєсков); an English name's e does not (Lena is not the Russian Лєна).
    `english`: the form reads an English spelling or pronunciation, whose vowels may be written two ways (Старрідж,
    Метью); another language's letters say theirs (Radu is Раду, never Рада). `pronounced`: the form is the
    word's pronunciation, whose consonants the rows for letter rules only do not change."""
    code = primary(language)
    dictionary = analyzer(code)
    if dictionary is None or len(form) < _SHORTEST_CHECKED or _is_name(form, dictionary, person):
        return form
    if romanised and dictionary.word_is_known(plain_apostrophe(form)):
        readings = ()  # read back as a Ukrainian word (Качка, a duck): no other origin's reading (the French Кашка)
    for variant in [*_variants(form, spelling, code, romanised, english, pronounced), *readings]:
        if _is_name(variant, dictionary, person, given_sex):
            return variant
    return form


def attested_given_name(form: str, language: str, given_sex: str | None = None) -> bool:
    """The language's dictionary knows `form` (lower case) as a given name (of `given_sex`, "f" or "m", where
    given); False without the dictionary."""
    dictionary = analyzer(primary(language))
    return dictionary is not None and _is_name(form, dictionary, True, given_sex or _EITHER_SEX)


def _is_name(word: str, dictionary, person: bool = True, given_sex: str | None = None) -> bool:
    """The dictionary knows `word` as the nominative of a given name or surname (or, not `person`, of an
    inanimate noun: a place or a thing; with `given_sex`, only of a given name of that sex, or of either)."""
    word = plain_apostrophe(word)  # renderings write ʼ (U+02BC)
    wanted = (lambda parse: "Name" in parse.tag and given_sex in (_EITHER_SEX, _SEX_OF.get(parse.tag.gender))) \
        if given_sex else (lambda parse: _names_one(parse) or not person and _is_a_thing(parse))
    return dictionary.word_is_known(word) and any(
        parse.normal_form == word and "nomn" in parse.tag and wanted(parse) for parse in dictionary.parse(word))


def _names_one(parse) -> bool:
    return any(tag in parse.tag for tag in _NAME_TAGS)


def _is_a_thing(parse) -> bool:
    """An inanimate noun, not an abbreviation the dictionary lists ("єц", which made Jets "Єц")."""
    return parse.tag.POS == "NOUN" and "inan" in parse.tag and "Abbr" not in parse.tag


def _variants(form: str, spelling: str, code: str, romanised: bool, english: bool, pronounced: bool) -> list[str]:
    """`form` with one change of the table at one place: every place for the first row, then the next row's; only
    the rows whose Latin letters `spelling` has, those marked for romanised names only where `romanised`, those
    marked for English readings only where `english`, those marked for other languages' readings only where not
    `english`, and those marked for letter rules only where not `pronounced`."""
    variants: list[str] = []
    for letters, other, latin, not_before, only_for in _alternations(code):
        if not any(letter in spelling for letter in latin) or only_for == "romanised" and not romanised or \
                only_for == "english" and not english or only_for == "foreign" and english or \
                only_for == "spelt" and pronounced:
            continue
        start = form.find(letters)
        while start != -1:
            if not not_before or not re.match(not_before, form[start + len(letters):]):
                variants.append(form[:start] + other + form[start + len(letters):])
            start = form.find(letters, start + 1)
    return list(dict.fromkeys(variant for variant in variants if variant != form))


@cache
def _alternations(code: str) -> tuple[tuple[str, str, str, str, str], ...]:
    """(letters, other letters, Latin letters, not before, the readings the row is for: "romanised", "english",
    "foreign", "spelt", or "" for every reading)."""
    try:
        return tuple((row[0], row[1], row[2], row[3] if len(row) > 3 else "", row[4] if len(row) > 4 else "")
                     for row in load_table(__package__, f"{code}/alternations"))
    except FileNotFoundError:
        return ()
