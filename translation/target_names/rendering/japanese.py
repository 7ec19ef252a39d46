"""Japanese names in Hepburn romanisation, told apart and written syllable by syllable (Shigeru Ishiba -> Сігеру
Ісіба, where English pronunciation rules wrote Шігейру Ішіба).

A name is Japanese when it has two words or more, every word splits into the units of `data/<language>/
hepburn.txt` (syllables, a syllabic n, doubled consonants; and the h of "oh" before a consonant, a long o written
as English news writes it: Ohtani), and a sign of `data/japanese_signs.txt` holds: a syllable other languages'
names rarely write (shi, tsu, ryo) or a common ending of Japanese names (-moto, -yama, -hiro). The caller rules out
words that are census given names or show another origin ("Jose Moreno": jo-se mo-re-no), which syllables cannot
tell. An i after another vowel is a diphthong's (Kohei -> Кохей, Ishii -> Ісії), as the system writes it.
"""

from __future__ import annotations

from functools import cache, lru_cache

from babelwire.translation.lexicon.wordlists import load_table

_VOWELS = "aiueo"
_LONG_O = "h"  # "oh" before a consonant
_AFTER_A_VOWEL, _AFTER_I = "i:after-vowel", "i:after-i"  # the table's rows for an i after another vowel, after an i


@cache
def units(language: str) -> dict[str, str]:
    try:
        return {latin: form for latin, form in load_table(__package__, f"{language}/hepburn")}
    except FileNotFoundError:
        return {}


@cache
def _signs() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = load_table(__package__, "japanese_signs")
    return (frozenset(letters for kind, letters in rows if kind == "syllable"),
            tuple(letters for kind, letters in rows if kind == "ending"))


@lru_cache(maxsize=4096)  # asked for each word by the origin check, the sign check and the writing
def split(word: str, language: str) -> tuple[str, ...] | None:
    """`word` (lower case) as Hepburn units, the longest first; None when it is not made of them."""
    table, found, at = units(language), [], 0
    while at < len(word):
        unit = next((word[at : at + size] for size in (3, 2, 1) if word[at : at + size] in table), None)
        if unit is None and word[at] == _LONG_O and found and found[-1].endswith("o") and \
                word[at + 1 : at + 2] not in ("", *_VOWELS, "y"):
            unit = _LONG_O
        if unit is None:
            return None
        found.append(unit)
        at += len(unit)
    return tuple(found)


def is_japanese_name(words: list[str], language: str) -> bool:
    """True when the name (its words lower case) has two words or more, all Hepburn, and a sign says Japanese."""
    if len(words) < 2 or any(split(word, language) is None for word in words):
        return False
    return any(signed(word, language) for word in words)


def signed(word: str, language: str) -> bool:
    """`word` (lower case) has a syllable or an ending of `data/japanese_signs.txt`."""
    syllable_signs, endings = _signs()
    return word.endswith(endings) and len(word) > 4 or \
        any(unit in syllable_signs for unit in split(word, language) or ())


def write(word: str, language: str) -> str | None:
    """`word` (lower case) written unit by unit; None when it is not Hepburn."""
    found = split(word, language)
    if found is None:
        return None
    table, written = units(language), []
    for before, unit in zip(["", *found], found):
        if unit == _LONG_O:
            continue
        if unit == "i" and before[-1:] in ("a", "u", "e", "o"):
            written.append(table.get(_AFTER_A_VOWEL, table[unit]))
        elif unit == "i" and before[-1:] == "i":
            written.append(table.get(_AFTER_I, table[unit]))
        else:
            written.append(table[unit])
    return "".join(written)
