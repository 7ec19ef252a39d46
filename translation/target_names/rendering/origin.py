"""Telling a name's origin from its Latin spelling, where the spelling shows it (`data/origin.txt`)."""

from __future__ import annotations

import re
from functools import cache

from babelwire.translation.lexicon.wordlists import load_table
from babelwire.translation.protection.name_types import given_name_gender
from babelwire.translation.protection.translated_names import classify
from babelwire.translation.protection.names.lexicon import ENGLISH_WORDS
from babelwire.translation.target_names.rendering.languages import fold

SLAVIC, ROMANCE = "slavic", "romance"
UKRAINIAN, RUSSIAN = "ukrainian", "russian"  # what a Slavic name was romanised from (data/romanisation_signs.txt)
# Letters the romanisations of Ukrainian and Russian (KMU 2010, BGN/PCGN, passport spellings) never write: a word
# with one of them, in a name told Slavic by another word, is not romanised ("Ophelia" in "Ophelia Petrova", "Joe"
# in "Joe Alleva").
_NEVER_ROMANISED = ("ph", "th", "q", "x", "j")
# c only ever stands in ch (ч, Russian х) in a romanisation of Ukrainian or Russian, ц is ts: the ya- of Yannick
# Carrasco is no Slavic sign (was Янніцк Царрасцо)
_LONE_C = re.compile(r"c(?!h)")


@cache
def _signs() -> tuple[tuple[str, str, str], ...]:
    return tuple((origin, where, letters) for origin, where, letters in load_table(__package__, "origin"))


def first_listed(origins: set[str]) -> str | None:
    """Of several origins, the one data/origin.txt lists first (so the choice never depends on set order)."""
    order = [origin for origin, _, _ in _signs()]
    return min(origins, key=order.index) if origins else None


# Endings Russian surnames share with other languages' (Martin, Medina, Nordic Sky...): a sign only together with a
# given name Russian or Ukrainian shares with other languages (words.py: Alexander Ovechkin, Boris Berezovsky).
_SHARED_SLAVIC_ENDINGS = ("in", "ina", "yn", "yna", "sky", "skaya", "ik", "uk", "ak")


def may_be_slavic_surname(word: str) -> bool:
    """`word` (lower case) ends as Russian surnames do, though other languages' surnames may end so too."""
    return word.endswith(_SHARED_SLAVIC_ENDINGS) and may_be_romanised(word)


def may_be_romanised(word: str) -> bool:
    """False where `word` (lower case) has letters no romanisation of Ukrainian or Russian writes."""
    return not any(letters in word for letters in _NEVER_ROMANISED)


def origin_of(word: str, given: bool = False) -> str | None:
    """The origin the spelling of `word` (lower case, accents kept) shows, as data/origin.txt names it ("slavic",
    "polish", "balkan", "hungarian", "german", "french", "italian", "spanish", "romanian", "romance"...); None where
    it shows none (read as English). `given`: the word stands before the surname, where a surname's ending tells
    nothing (Aymeric Laporte is French, though Modric's -ic is Croatian)."""
    folded = fold(word)  # a pattern row (a given name) matches with or without accents: Tamás, Frédéric
    return next((origin for origin, where, letters in _signs()
                 if not (given and where == "surname_end") and not (origin == SLAVIC and _LONE_C.search(folded))
                 and _shows(word, where, letters, folded)), None)


def particle_origin(word: str) -> str | None:
    """The origin a name's particle tells where it is written in lower case, as written ("van" of "Louis van Gaal" is
    Dutch, "von" German); None for any other word, a capitalised one too ("Van Morrison", "Dick Van Dyke")."""
    return _particles().get(word)


@cache
def _particles() -> dict[str, str]:
    """Particle (as written) -> the origin it tells; the first row listed wins, as with every sign."""
    particles: dict[str, str] = {}
    for origin, where, letters in _signs():
        if where == "particle":
            particles.setdefault(letters, origin)
    return particles


def slavic_by_its_start_only(word: str) -> bool:
    """`word` (lower case) shows the Slavic origin only by how it starts (Ye-, Ya-, Yu-, the iotated vowels the
    romanisations write there), a start other languages' names share (Yerlikaya is Turkish, Yasmin Arabic)."""
    folded = fold(word)
    places = [where for origin, where, letters in _signs() if origin == SLAVIC and _shows(word, where, letters, folded)]
    return bool(places) and all(where == "start" for where in places)


@cache
def _romanisation_signs() -> tuple[tuple[str, str, str], ...]:
    rows = load_table(__package__, "romanisation_signs")
    return tuple((language, where, letters) for language, where, letters in rows)


def romanised_from(word: str) -> str | None:
    """UKRAINIAN or RUSSIAN where the spelling of `word` (folded, in a name told Slavic) shows which language it was
    romanised from ("hnatov": Ukrainian h for г; "gerasimov": Russian g); None where it shows neither. A word with
    signs of both is Ukrainian (the file lists Ukrainian's first)."""
    return next((language for language, where, letters in _romanisation_signs() if _shows(word, where, letters)), None)


def _shows(word: str, where: str, letters: str, folded: str | None = None) -> bool:
    """`word` has the sign; a pattern also holds where it matches `folded`, the word without its accents."""
    if where == "pattern":  # the whole word matches a regular expression
        return any(re.fullmatch(letters, spelling) is not None for spelling in (word, folded) if spelling is not None)
    if where == "end":
        return word.endswith(letters) and len(word) > len(letters) + 1
    if where == "surname_end":  # an ending English words, given names and adjectives have too: Modric, not Dominic,
        key = folded or word  # Celtic or Olympic
        return word.endswith(letters) and len(word) > len(letters) + 2 and key not in ENGLISH_WORDS and \
            given_name_gender(key) is None and classify(key.capitalize()) is None
    if where == "start":
        return word.startswith(letters)
    if where == "particle":  # read by `particle_origin` alone, where the word's case is known
        return False
    return letters in word
