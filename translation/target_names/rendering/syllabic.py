"""Names of languages written in syllables, romanised as English news writes them, told apart and written syllable by
syllable: Korean (Lee Jae-myung -> Лі Чже Мьон, where English pronunciation rules wrote Лі Джей-мянг) and Vietnamese
(Pham Minh Chinh -> Фам Мінь Тінь).

Each system is a table of `data/<language>/<system>.txt`: family names, initials, vowels, finals, and how many words
a name has. A name is of that system when its first word is one of the table's family names, each other word is one
syllable of the table's initials, vowels and finals, and the words number what the table allows (a family name
marked `short` may stand with one syllable: Luong Cuong). English names with such a family name have other words
(Kim Kardashian, Lee Anderson); a Chinese name in pinyin has fewer words, and is told after this (Kang Youwei); a
Taiwanese one in Wade-Giles has syllables the table marks as never the system's (Lee Teng-hui: -eng). A
syllable is its initial's form, its vowel's (opening the syllable, after an initial, or after an initial and before
a final n or ng, where Korean families write yu for eo: Myung -> Мьон) and its final's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from babelwire.translation.lexicon.wordlists import load_table


@dataclass(frozen=True)
class _System:
    surnames: dict[str, str]
    short_surnames: frozenset[str]  # may stand with a given name of one syllable
    initials: dict[str, str]  # longest first, as a syllable is read
    vowels: dict[str, tuple[str, str, str]]  # opening a syllable, after an initial, after one before n or ng
    finals: dict[str, str]  # longest first
    whole: dict[str, str]  # syllables written otherwise than their parts (Vietnamese Dinh: Đình, Дінь)
    never: tuple[str, ...]  # endings no syllable of the system has (Korean -eng: Lee Teng-hui is Chinese)
    fewest_words: int
    most_words: int


@cache
def _system(language: str, name: str) -> _System | None:
    try:
        rows = load_table(__package__, f"{language}/{name}")
    except FileNotFoundError:
        return None
    by_kind: dict[str, list[tuple[str, ...]]] = {}
    for kind, *rest in rows:
        by_kind.setdefault(kind, []).append(tuple(rest))
    (fewest, most), = by_kind["words"]
    return _System(
        surnames={row[0]: row[1] for row in by_kind["surname"]},
        short_surnames=frozenset(row[0] for row in by_kind["surname"] if row[2:] == ("short",)),
        initials=_longest_first({row[0]: row[1] for row in by_kind["initial"]}),
        vowels={row[0]: (row[1], row[2], row[3] if len(row) > 3 else row[2]) for row in by_kind["vowel"]},
        finals=_longest_first({row[0]: row[1] for row in by_kind["final"]}),
        whole={row[0]: row[1] for row in by_kind.get("syllable", [])},
        never=tuple(row[0] for row in by_kind.get("never", [])),
        fewest_words=int(fewest), most_words=int(most))


def _longest_first(table: dict[str, str]) -> dict[str, str]:
    return dict(sorted(table.items(), key=lambda row: -len(row[0])))


@lru_cache(maxsize=8192)  # bounded: a worker reads the words of every story it is sent
def syllable(word: str, language: str, name: str) -> str | None:
    """`word` (lower case) as one syllable of the system `name` in `language`; None when it is not one."""
    system = _system(language, name)
    if system is None:
        return None
    if word in system.whole:
        return system.whole[word]
    if word.endswith(system.never):
        return None
    for initial in [*system.initials, ""]:
        if not word.startswith(initial):
            continue
        rest = word[len(initial):]
        for final in [*system.finals, ""]:
            vowel = rest[: len(rest) - len(final)] if rest.endswith(final) else None
            if vowel not in system.vowels:
                continue
            opening, after, before_nasal = system.vowels[vowel]
            written = before_nasal if initial and final in ("n", "ng") else after if initial else opening
            return system.initials.get(initial, "") + written + system.finals.get(final, "")
    return None


def is_name(words: list[str], language: str, name: str) -> bool:
    """True when the name (its words lower case, a hyphen's parts as words) is a family name of the system `name`
    and syllables, as many as the system allows."""
    system = _system(language, name)
    if system is None or not words or words[0] not in system.surnames:
        return False
    count_fits = system.fewest_words <= len(words) <= system.most_words or \
        len(words) == 2 and words[0] in system.short_surnames
    return count_fits and all(syllable(word, language, name) is not None for word in words[1:])


def write(word: str, language: str, name: str, first: bool) -> str | None:
    """`word` (lower case) in `language`: the family name's own form where `first`, else as a syllable."""
    system = _system(language, name)
    if system is None:
        return None
    return system.surnames.get(word) if first else syllable(word, language, name)
