"""Chinese names written in Hanyu Pinyin, told apart and written syllable by syllable (Xi Jinping -> Сі Цзіньпін).

A name is pinyin when every word splits into pinyin syllables (the target's table of initials, finals and whole
syllables, `data/<language>/pinyin.txt`) and a sign of `data/pinyin_signs.txt` holds; "Tina" and "Linda" split
into syllables too, which is why a sign is needed. A syllable after the first never starts with a vowel (pinyin
writes an apostrophe there: Xi'an), which keeps "Sean" out, and an initial takes only the finals pinyin joins to it
(no "xa", "ki"), which keeps "Alexa" and "Miyazaki" out.
"""

from __future__ import annotations

from functools import cache

from babelwire.translation.lexicon.wordlists import load, load_table

_VOWELS = "aeiouü"
_PALATAL = frozenset({"j", "q", "x"})
_BEFORE_I_FINALS = frozenset({"b", "p", "m", "d", "t", "n", "l"})  # bian, tie, niu, liang (nüe, lüe: -ue too)
_LONGEST_WORD = 40  # no pinyin name word is longer (and the split recurses once per syllable)


@cache
def syllables(language: str) -> dict[str, str]:
    """Pinyin syllable -> its form in `language`: every initial with every final pinyin joins to it
    (`data/pinyin_syllables.txt`), then the table's own syllables."""
    rows = load_table(__package__, f"{language}/pinyin")
    initials = {pinyin: form for kind, pinyin, form in rows if kind == "initial"}
    finals = {pinyin: form for kind, pinyin, form in rows if kind == "final"}
    pinyin_syllables = load(__package__, "pinyin_syllables")
    composed = {initial + final: initials[initial] + finals[final] for initial in initials for final in finals
                if _may_join(initial, final) and initial + final in pinyin_syllables}
    return composed | {pinyin: form for kind, pinyin, form in rows if kind == "syllable"}


def _may_join(initial: str, final: str) -> bool:
    """Pinyin's own rule of which initial takes which final: j, q and x only an i-final or ü's -ue (ju, jun,
    juan are syllable rows); g, k, h, the sibilants and f never an i-final ("zhi", "si" are syllable rows).
    Without it "Alexa" split into a-le-xa, and a word alone with an x is told Chinese."""
    front = final.startswith("i") or final == "ue"
    if initial in _PALATAL:
        return front
    return not front or initial in _BEFORE_I_FINALS


@cache
def _signs() -> dict[str, frozenset[str]]:
    signs: dict[str, set[str]] = {"letters": set(), "final": set(), "surname": set()}
    for kind, pinyin in load_table(__package__, "pinyin_signs"):
        signs[kind].add(pinyin)
    return {kind: frozenset(values) for kind, values in signs.items()}


def split(word: str, language: str) -> list[str] | None:
    """`word` (lower case) as pinyin syllables, the longest first; None when it is not made of them.

    Memoised by position, so a long word that almost splits costs linear time, not exponential."""
    if len(word) > _LONGEST_WORD:
        return None
    table = syllables(language)

    @cache
    def from_(start: int) -> tuple[str, ...] | None:
        if start == len(word):
            return ()
        for end in range(min(len(word), start + 6), start, -1):
            rest = from_(end) if word[start:end] in table else None
            if rest is not None and (not rest or rest[0][0] not in _VOWELS):
                return (word[start:end], *rest)
        return None

    parts = from_(0)
    return None if parts is None else list(parts)


def is_pinyin_name(words: list[str], language: str) -> bool:
    """True when every word (lower case) is pinyin and a sign says the name is Chinese."""
    parts = [split(word, language) for word in words]
    if not words or any(part is None for part in parts):
        return False
    signs = _signs()
    if any(letters in word.replace("qu", "") for word in words for letters in signs["letters"]):
        return True  # "qu" is English too (Boutique); a pinyin q before another vowel is not
    if 2 <= len(words) <= 3 and words[0] in signs["surname"]:
        return True
    return len(words) > 1 and any(len(part) > 1 and any(syllable.endswith(tuple(signs["final"])) for syllable in part)
                                  for part in parts)  # one word alone ("Paolo") needs a letter sign


def write(word: str, language: str) -> str | None:
    """`word` (lower case) written syllable by syllable; None when it is not pinyin."""
    parts = split(word, language)
    return None if parts is None else "".join(syllables(language)[syllable] for syllable in parts)
