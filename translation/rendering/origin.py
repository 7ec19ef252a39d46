"""Telling a name's origin from its Latin spelling, where the spelling shows it (`data/origin.txt`)."""

from __future__ import annotations

from functools import cache

from translation.wordlists import load_table

SLAVIC, SPANISH, ROMANCE = "slavic", "spanish", "romance"


@cache
def _signs() -> tuple[tuple[str, str, str], ...]:
    return tuple((origin, where, letters) for origin, where, letters in load_table(__package__, "origin"))


def origin_of(word: str) -> str | None:
    """"slavic", "spanish", "romance" or None (no sign: read as English) for `word` (lower case, accents kept)."""
    return next((origin for origin, where, letters in _signs() if _shows(word, where, letters)), None)


def _shows(word: str, where: str, letters: str) -> bool:
    if where == "end":
        return word.endswith(letters) and len(word) > len(letters) + 1
    if where == "start":
        return word.startswith(letters)
    return letters in word
