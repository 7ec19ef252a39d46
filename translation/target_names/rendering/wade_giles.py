"""Chinese names in Wade-Giles, as Taiwanese passports and English news write them: read as pinyin, written by the
target's table for pinyin (Lee Teng-hui -> Лі Денхуей, where English pronunciation rules wrote Лі Тенг-хуї).

A name is Wade-Giles when it is a family name of `data/wade_giles.txt` and a given name of two syllables joined by
a hyphen, each a syllable of the system (or, as Taiwanese spellings mix systems, of pinyin: Chen Shui-bian). Korean
names have the same shape and are told before this (`syllabic.py`: Kim Jong-un). The given name is written as one
word, as pinyin writes it (Tsai Ing-wen -> Цай Інвень).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babelwire.translation.lexicon.wordlists import load_table
from babelwire.translation.target_names.rendering import pinyin
from babelwire.translation.target_names.rendering.languages import fold

# W-G writes both pinyin's zh and j as ch, and both ch and q as ch': before i and ü the pinyin is j or q
_BEFORE_I = {"zh": "j", "ch": "q"}


@dataclass(frozen=True)
class _Table:
    surnames: dict[str, str]
    initials: tuple[tuple[str, str], ...]  # longest first, as a syllable is read
    finals: dict[str, str]
    whole: dict[str, str]


@cache
def _table() -> _Table:
    rows: dict[str, dict[str, str]] = {"surname": {}, "initial": {}, "final": {}, "syllable": {}}
    for kind, wade_giles, pinyin_syllable in load_table(__package__, "wade_giles"):
        rows[kind][wade_giles] = pinyin_syllable
    initials = tuple(sorted(rows["initial"].items(), key=lambda row: -len(row[0])))
    return _Table(rows["surname"], initials, rows["final"], rows["syllable"])


def to_pinyin(syllable: str, language: str) -> str | None:
    """`syllable` (lower case, Wade-Giles or pinyin) as a pinyin syllable; None when it is neither's."""
    table, valid = _table(), pinyin.syllables(language)
    if syllable in table.whole:
        return table.whole[syllable]
    for initial, initial_pinyin in (*table.initials, ("", "")):
        if not syllable.startswith(initial):
            continue
        final = table.finals.get(syllable[len(initial):], syllable[len(initial):])
        candidates = [initial_pinyin + final]
        if initial_pinyin in _BEFORE_I:
            candidates.append(_BEFORE_I[initial_pinyin] + final)
        if initial_pinyin:
            candidates.append(initial_pinyin + "u" + final)  # W-G's to, lo, so are duo, luo, suo
        return next((candidate for candidate in candidates if candidate in valid), None)
    return None


def write_name(parts: list[str], language: str) -> str | None:
    """The name split as `words.render_words` splits it (words and the spaces or hyphens between them) in
    `language`, where it is a Wade-Giles family name and hyphenated given name; None otherwise."""
    if len(parts) != 5 or not parts[1].isspace() or parts[3] != "-":
        return None
    surname, first, second = (fold(parts[index]).replace("’", "'") for index in (0, 2, 4))
    family = _table().surnames.get(surname)
    given = [to_pinyin(first, language), to_pinyin(second, language)]
    if family is None or None in given:
        return None
    written = pinyin.syllables(language)
    name = written[family].capitalize() + " " + "".join(written[syllable] for syllable in given).capitalize()
    return name.upper() if all(parts[index].isupper() for index in (0, 2, 4)) else name  # a headline's capitals
