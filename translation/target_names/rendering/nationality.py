"""A person's nationality as the copy states it right before the name, and the origin it tells for the name.

    nationality_origin(text, start, end) -> str | None   ("french" for "French striker Kylian Mbappe")

Wire copy introduces a foreign person by country: "French President Emmanuel Macron", "Spain's Rafael Nadal",
"Belgian star Eden Hazard", "the Argentine forward Lionel Messi". Ukrainian writes such a name as the person's
language says it, so the rendering reads it by that origin's letter rules where its spelling shows none of its own
(`words.py`; the countries and their origins: `data/nationality_origins.txt`). What stands between the nationality
and the name must be a role: lower-case words closed by a role noun ("tennis star", "government spokesman"), or a
title in capitals ("President", "Foreign Minister"); anything else says the nationality is another noun's ("French
Open champion Rafael Nadal": the tournament's; "the Spanish club's coach": the club's). Results and sports copy
state it after the name instead: "Rafael Nadal of Spain", "Johan Capiot (Belgium)", "Gianluigi Lentini ( Italy )"
(a country's possessive there is a company's: "Juan Perez of Spain's Telefonica").
"""

from __future__ import annotations

import re
from functools import cache

from babelwire.translation.lexicon.wordlists import load, load_table
from babelwire.translation.protection import translated_names

_MOST_WORDS_BETWEEN = 3
# The words before a name, back to the start of its sentence or clause: letters, hyphens and apostrophes only.
_WORDS_BEFORE = re.compile(r"((?:[^\W\d_][\w'’-]*\s+){1,5})$")
_POSSESSIVE = re.compile(r"['’]s$")
_ROLE_LISTS = ("titles", "role_modifiers", "person_nouns", "club_words")
_STAR = frozenset({"star", "stars", "ace", "great", "legend", "international"})  # "Belgian star", "Dutch ace"
_COUNTRY_AFTER = re.compile(r"\s+(?:of\s+([A-Z][a-z]+)(?![\w'’])|\(\s*([A-Z][a-z]+)\s*\))")


def nationality_origin(text: str, start: int, end: int | None = None) -> str | None:
    """The origin (a `spelling_<origin>` table's name) that the nationality stated right before the name at `start`
    (or right after it, where `end` is given) tells, or None where the copy states none."""
    origin = _stated_before(text, start)
    after = _COUNTRY_AFTER.match(text, end) if origin is None and end is not None else None
    return _origins().get((after.group(1) or after.group(2)).lower()) if after else origin


def _stated_before(text: str, start: int) -> str | None:
    before = _WORDS_BEFORE.search(text[max(0, start - 80) : start])
    if before is None:
        return None
    words = before.group(1).split()
    for index in range(len(words) - 1, -1, -1):
        origin = _origin_of(words[index], between=words[index + 1 :])
        if origin is not None:
            return origin
        if len(words) - index > _MOST_WORDS_BETWEEN or not _may_stand_between(words[index]):
            return None
    return None


def _origin_of(word: str, between: list[str]) -> str | None:
    """The origin `word` tells as a nationality before the name, with `between` the words between them: a demonym
    ("French") before a role or right before the name ("Spaniard Rafael Nadal", "the Brazilian Gabriel Jesus"), a
    country's possessive ("Spain's") before a role or right before the name."""
    possessive = _POSSESSIVE.search(word) is not None
    key = _POSSESSIVE.sub("", word).lower()
    origin = _origins().get(key)
    if origin is None or not word[:1].isupper():
        return None
    if not between:  # "Spain's Rafael Nadal", "Spaniard Rafael Nadal", "Brazilian Gabriel Jesus"; not "He met Spain"
        return origin if possessive or translated_names.classify(key.capitalize()) != "place" else None
    return origin if _is_role(between[-1]) else None


def _may_stand_between(word: str) -> bool:
    """A lower-case word (a role's modifier: "tennis", "former", "government") or a title in capitals; never a
    possessive ("club's") nor a capitalised word that is no title ("Open" of "French Open")."""
    if _POSSESSIVE.search(word):
        return False
    return word.islower() or _is_role(word)


def _is_role(word: str) -> bool:
    key = word.lower()
    return key in _STAR or any(load("babelwire.translation.lexicon", name).has_entry(key) for name in _ROLE_LISTS)


@cache
def _origins() -> dict[str, str]:
    return {country: origin for country, origin in load_table(__package__, "nationality_origins")}
