"""Korean names as English news romanises them, told apart and written syllable by syllable (Lee Jae-myung -> Лі
Чже Мьон, where English pronunciation rules wrote Лі Джей-мянг).

A name is Korean when it has three words (a given name's two syllables are joined by a hyphen or written apart:
Moon Jae-in, Kim Yo Jong), its first is a Korean family name of `data/<language>/korean.txt`, and each of the others
is one syllable of the table's initials, vowels and finals. English names with such a family name have other words
(Kim Kardashian, Lee Anderson); a Chinese name in pinyin is told before this (Kang Youwei). A syllable is its
initial's form, its vowel's (opening the syllable or after an initial: Yeol -> Йоль, Myung -> Мьон) and its final's;
"yu" before n and ng after an initial spells eo (Myung, Hyun, Kyung: Мьон, Хьон, Кьон), as the families' spellings do.
"""

from __future__ import annotations

from functools import cache

from babelwire.translation.lexicon.wordlists import load_table

_WORDS_IN_A_NAME = 3


@cache
def _table(language: str) -> dict[str, dict[str, tuple[str, ...]]]:
    kinds: dict[str, dict[str, tuple[str, ...]]] = {"surname": {}, "initial": {}, "vowel": {}, "final": {}}
    try:
        rows = load_table(__package__, f"{language}/korean")
    except FileNotFoundError:
        return kinds
    for kind, latin, *forms in rows:
        kinds[kind][latin] = tuple(forms)
    return kinds


@cache
def syllable(word: str, language: str) -> str | None:
    """`word` (lower case) as one Korean syllable in `language`; None when it is not one."""
    table = _table(language)
    for initial in sorted(table["initial"], key=len, reverse=True) + [""]:
        if not word.startswith(initial):
            continue
        rest = word[len(initial):]
        for final in sorted(table["final"], key=len, reverse=True) + [""]:
            vowel = rest[: len(rest) - len(final)] if rest.endswith(final) else None
            if vowel not in table["vowel"]:
                continue
            opening, after = table["vowel"][vowel]
            written = after if initial else opening
            if initial and vowel == "yu" and final in ("n", "ng"):
                written = table["vowel"]["yeo"][1]  # Myung, Hyun: the families' yu for eo
            return (table["initial"][initial][0] if initial else "") + written + \
                (table["final"][final][0] if final else "")
    return None


def is_korean_name(words: list[str], language: str) -> bool:
    """True when the name (its words lower case, a hyphen's parts as words) is a Korean family name and two
    syllables."""
    table = _table(language)
    return len(words) == _WORDS_IN_A_NAME and words[0] in table["surname"] and \
        all(syllable(word, language) is not None for word in words[1:])


def write(word: str, language: str, first: bool) -> str | None:
    """`word` (lower case) written in `language`: the family name's own form where `first`, else as a syllable."""
    if first:
        return _table(language)["surname"].get(word, (None,))[0]
    return syllable(word, language)
