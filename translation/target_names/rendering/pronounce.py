"""Names pronounced by the CMU Pronouncing Dictionary (`data/cmudict.txt.gz`, compiled by scripts/compile-cmudict)
and written in a target's practical transcription (`data/<language>/phonemes.txt`).

Each phoneme is read with the letters that spell it (`align.py`), so the table can follow the spelling where the
target's practice does: a consonant spelt double is written double (Bennett -> Беннетт), an unstressed vowel as
it is spelt (Warren -> Воррен).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from babelwire.translation.target_names.rendering.align import VOWEL_PHONEMES, align, base
from babelwire.translation.lexicon.wordlists import load_table
from babelwire.translation.protection.names.lexicon import ENGLISH_WORDS

_VOWEL_LETTERS = "aeiouy"


@cache
def pronunciations() -> dict[str, str]:
    """Word (lower case) -> its ARPAbet phonemes, space-separated (kept as one string: a third of the memory)."""
    path = resources.files(__package__).joinpath("data", "cmudict.txt.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        rows = (line.rstrip("\n").split("\t") for line in text if not line.startswith("#"))
        return {word: phonemes for word, phonemes in rows if not _loses_a_nasal(word, phonemes)}


@dataclass(frozen=True, slots=True)
class PhonemeRule:
    phonemes: tuple[str, ...]  # with a stress digit only where the rule needs it
    target: str
    conditions: tuple[str, ...]

    def matches(self, phonemes: tuple[str, ...], groups: list[str], at: int) -> bool:
        window = phonemes[at : at + len(self.phonemes)]
        if len(window) < len(self.phonemes):
            return False
        if any(want != (have if want[-1].isdigit() else base(have)) for want, have in zip(self.phonemes, window)):
            return False
        return all(_holds(condition, phonemes, groups, at, len(self.phonemes)) for condition in self.conditions)


def _holds(condition: str, phonemes: tuple[str, ...], groups: list[str], at: int, length: int) -> bool:
    after = at + length
    if condition.startswith("spelt="):
        return _first_letter(groups[at], base(phonemes[at])) in condition[len("spelt="):].split("|")
    if condition.startswith(("spelt2=", "spelt3=")):
        other = at + int(condition[5]) - 1  # the second or third phoneme of the rule
        return other < at + length and _first_letter(groups[other], base(phonemes[other])) in condition[7:].split("|")
    if condition.startswith("letters2="):
        return length > 1 and groups[at + 1] in condition[len("letters2="):].split("|")
    if condition.startswith("letters="):
        return groups[at] in condition[len("letters="):].split("|")
    if condition.startswith("after="):
        return at > 0 and base(phonemes[at - 1]) in condition[len("after="):].split("|")
    if condition.startswith("noletter="):  # the word has none of these letters
        return not set(condition[len("noletter="):].split("|")) & set("".join(groups))
    if condition.startswith("before="):
        return after < len(phonemes) and base(phonemes[after]) in condition[len("before="):].split("|")
    if condition == "C_":
        return at > 0 and base(phonemes[at - 1]) not in VOWEL_PHONEMES
    if condition == "_Ce$":  # one consonant, then a silent final e: the o of "Stone", "Cole"
        return after == len(phonemes) - 1 and base(phonemes[after]) not in VOWEL_PHONEMES and groups[after][-1:] == "e"
    if condition == "_Ca$":  # one consonant, then a final vowel spelt a or ia: the e of "Serena", "Amelia"
        return _one_consonant_then_final_a(phonemes, groups, after)
    if condition == "^":
        return at == 0
    if condition == "$":
        return after == len(phonemes)
    if condition == "V_":  # ER ends in an r: "Hillary" (ER0 IY0) is Хілларі, not Хілларї
        return at > 0 and base(phonemes[at - 1]) in VOWEL_PHONEMES - {"ER"}
    return after < len(phonemes) and (base(phonemes[after]) in VOWEL_PHONEMES) == (condition == "_V")  # _V, _C


def _one_consonant_then_final_a(phonemes: tuple[str, ...], groups: list[str], after: int) -> bool:
    """From `after` on: one consonant, then the final a ("Serena", "Helena"), or the final ia, whose i the
    dictionary gives as Y ("Amelia", "Cornelia": AH0 M IY1 L Y AH0)."""
    if after >= len(phonemes) or base(phonemes[after]) in VOWEL_PHONEMES:
        return False
    rest = after + 1
    if rest < len(phonemes) - 1 and base(phonemes[rest]) == "Y" and groups[rest] == "i":
        rest += 1
    return rest == len(phonemes) - 1 and base(phonemes[rest]) in VOWEL_PHONEMES and groups[rest] == "a"


def _first_letter(group: str, sound: str) -> str:
    """The letter that spells a phoneme: a vowel's first vowel letter, a consonant's first letter."""
    if sound in VOWEL_PHONEMES:
        return next((letter for letter in group if letter in _VOWEL_LETTERS), "")
    return group[:1]


@cache
def _vowel_letters(language: str) -> dict[str, str]:
    """The "@letter" rows: how an "@" target writes the vowel letter that spells a phoneme."""
    return {row[0][1:]: row[1] for row in load_table(__package__, f"{language}/phonemes") if row[0].startswith("@")}


@cache
def _silent_written(language: str) -> dict[str, str]:
    """The "~letter" rows: a letter the dictionary does not pronounce after a vowel letter, written all the same."""
    return {row[0][1:]: row[1] for row in load_table(__package__, f"{language}/phonemes") if row[0].startswith("~")}


@cache
def _rules(language: str) -> tuple[PhonemeRule, ...]:
    rows = [row for row in load_table(__package__, f"{language}/phonemes") if not row[0].startswith(("@", "~"))]
    rules = [PhonemeRule(tuple(row[0].split()), row[1], _conditions(row)) for row in rows]
    return tuple(sorted(rules, key=lambda rule: -len(rule.phonemes)))


_KEYED_CONDITIONS = ("spelt=", "spelt2=", "spelt3=", "letters=", "letters2=", "after=", "before=", "noletter=")
_MARKS = frozenset({"^", "$", "V_", "C_", "_V", "_C", "_Ce$", "_Ca$"})


def _conditions(row: tuple[str, ...]) -> tuple[str, ...]:
    """"spelt=s,$" -> ("spelt=s", "$"); the letters of one spelt= are separated by "|" or given as one word."""
    parts = [part.strip() for part in row[2].split(",") if part.strip()] if len(row) > 2 else []
    unknown = [part for part in parts if part not in _MARKS and not part.startswith(_KEYED_CONDITIONS)]
    if unknown:
        raise ValueError(f"phoneme rule {row[0]!r}: unknown condition(s) {unknown}")
    return tuple(_spelt_letters(part) for part in parts)


def _spelt_letters(part: str) -> str:
    key, _, letters = part.partition("=")
    if key in ("spelt", "spelt2", "spelt3") and "|" not in letters:
        return f"{key}=" + "|".join(letters)
    return part


# A compound's parts: a first the pronouncing dictionary knows and an English word after it, long enough not to
# match a foreign name's syllables by chance (Donggala is no "dong" and "gala", Sinsheim no "sins" and "heim")
_SHORTEST_FIRST, _SHORTEST_HEAD = 4, 5


def transcribe(word: str, language: str) -> str | None:
    """`word` (lower case) by its CMU pronunciation in `language`, or by those of the two words it is compounded
    of ("Tynecastle": Tyne and castle, Тайнкасл); None when the dictionary has neither."""
    spoken = _spoken(word)
    if spoken is None:
        return None
    phonemes, groups = spoken
    rules = _rules(language)
    out, at = [], 0
    while at < len(phonemes):
        rule, target = _first_applicable(rules, phonemes, groups, at, _vowel_letters(language))
        if len(rule.phonemes) == 1:
            target = _doubled(target, phonemes[at], groups[at])
            target += _silent_letter(groups, at, _silent_written(language))
        out.append(target)
        at += len(rule.phonemes)
    return _no_triple_letters("".join(out))


def _spoken(word: str) -> tuple[tuple[str, ...], list[str]] | None:
    """(the phonemes of `word`, the letters that spell each), from the dictionary's entry or its parts'."""
    known = pronunciations()
    if word in known and not _spelt_out(word, known[word]):
        phonemes = tuple(known[word].split())
        return phonemes, align(word, list(phonemes))
    for cut in range(_SHORTEST_FIRST, len(word) - _SHORTEST_HEAD + 1):
        first, second = word[:cut], word[cut:]
        if first in known and second in known and second in ENGLISH_WORDS:
            head, tail = tuple(known[first].split()), tuple(known[second].split())
            return head + tail, align(first, list(head)) + align(second, list(tail))
    return None


# The English letters' names in ARPAbet, without stress: the dictionary lists some words as spelt out, letter by
# letter ("suu" as S, U, U), which a name written in lower-case letters never is (Aung San Suu Kyi: not Есьюю)
_LETTER_NAMES = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    "EY", "B IY", "S IY", "D IY", "IY", "EH F", "JH IY", "EY CH", "AY", "JH EY", "K EY", "EH L", "EH M", "EH N", "OW",
    "P IY", "K Y UW", "AA R", "EH S", "T IY", "Y UW", "V IY", "D AH B AH L Y UW", "EH K S", "W AY", "Z IY")))


def _spelt_out(word: str, phonemes: str) -> bool:
    """The dictionary's pronunciation of `word` is its letters said one by one."""
    unstressed = re.sub(r"\d", "", phonemes)
    return len(word) > 1 and all(letter in _LETTER_NAMES for letter in word) and \
        unstressed == " ".join(_LETTER_NAMES[letter] for letter in word)


# A spelling's n or m is said, but after m (hymn, columns) or before g (the ng of Vietnamese names): an entry without
# that nasal is a slip of the dictionary's (Arantxa as AA1 R AE2 T S AA0, Аратса; Ubuntu, Wyden, Evandro)
_SILENT_NASAL = re.compile(r"mn|ng|gn")


def _loses_a_nasal(word: str, phonemes: str) -> bool:
    """The dictionary's pronunciation of `word` has no N, NG or M where its spelling has an n or m said (no other
    ARPAbet symbol has those capitals: a plain test of each letter first, as the whole dictionary is read so)."""
    unsaid = "n" in word and "N" not in phonemes or "m" in word and "M" not in phonemes
    return unsaid and any(letter in _SILENT_NASAL.sub("", word) and letter.upper() not in phonemes for letter in "nm")


def _first_applicable(rules, phonemes, groups, at, vowel_letters) -> tuple[PhonemeRule, str]:
    for rule in rules:
        if not rule.matches(phonemes, groups, at):
            continue
        if "@" not in rule.target:
            return rule, rule.target
        if not groups[at]:  # a vowel no letter spells: the syllabic l of "Middleton" (Міддлтон)
            return rule, rule.target.replace("@", "")
        letter = _first_letter(groups[at], base(phonemes[at]))
        vowel = vowel_letters.get(letter)
        if vowel:
            return rule, rule.target.replace("@", vowel)
    raise ValueError(f"no rule for phoneme {phonemes[at]} in the phoneme table")


def _silent_letter(groups: list[str], at: int, written: dict[str, str]) -> str:
    """The form of a silent letter that ends a vowel's letters, where the table writes it: the l of "Salman",
    "Palmer", "Holmes" (Салман, Палмер, Холмс); not before a k ("Walker": Вокер)."""
    group = groups[at]
    if len(group) < 2 or group[-2] not in _VOWEL_LETTERS or group[-1] not in written:
        return ""
    following = groups[at + 1] if at + 1 < len(groups) else ""
    return "" if following.startswith("k") else written[group[-1]]


def _no_triple_letters(text: str) -> str:
    """No letter three times running: "Worrall" (ER over "o", then R over "rr") is Ворралл, not Воррралл."""
    return re.sub(r"(.)\1\1+", r"\1\1", text)


_OWN_SOUNDS = {"s": "S Z", "z": "Z S", "c": "K S", "g": "G", "t": "T TH DH", "d": "D", "x": "K S"}


def _doubled(target: str, phoneme: str, group: str) -> str:
    """A consonant spelt with a doubled letter ("tt", "ll") written double, as the spelling has it; not where the
    letters spell another sound than their own ("Mission": ss as one ш)."""
    letter = group[:1]
    doubled = len(group) >= 2 and letter == group[1] and letter not in _VOWEL_LETTERS
    own = base(phoneme) in _OWN_SOUNDS.get(letter, base(phoneme)).split()
    return target + target[-1] if doubled and own and len(target) == 1 else target
