"""Telling a name's origin from its Latin spelling, where the spelling shows it (`data/slavic_origin.txt`)."""

from __future__ import annotations

from functools import cache

from translation.wordlists import load_table


@cache
def _signs() -> dict[str, tuple[str, ...]]:
    signs: dict[str, list[str]] = {"end": [], "start": [], "contains": []}
    for where, letters in load_table(__package__, "slavic_origin"):
        signs[where].append(letters)
    return {where: tuple(letters) for where, letters in signs.items()}


def looks_slavic(word: str) -> bool:
    """True when `word` (lower case) carries a sign of romanisation from Ukrainian or Russian."""
    signs = _signs()
    return (word.endswith(signs["end"]) and len(word) > 3 or word.startswith(signs["start"])
            or any(letters in word for letters in signs["contains"]))
