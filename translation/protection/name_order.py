"""Names written surname first, as English news writes Korean, Chinese and Vietnamese names ("Kim Jong Un",
"Moon Jae-in", "Xi Jinping", "Nguyen Xuan Phuc"): the first word is a family name, so it says nothing of the
person's sex (the census's Kim is a woman's given name), and in Ukrainian the given name's inner words do not
decline: "Кіма Чен Ина", "Муна Чже Іна", not "Кім Чен Ин" left whole as a woman's name nor "Рі Йоном Хо".

    surname_first(name) -> bool

A name is surname first when its first word is a family name of `data/surname_first.txt` and the given name is
written as such romanisations write it: two more words of one syllable each ("Kim Jong Un", "Nguyen Xuan Phuc") or
one word of two syllables joined by a hyphen ("Moon Jae-in"). "Kim Kardashian", "Lee Harvey Oswald" and "Lee
Dixon" are English names; so, left as they are, are Chinese names in two words ("Xi Jinping"), whose first word
declines no differently.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babelwire.translation.lexicon.wordlists import load

_SYLLABLE = r"[bcdfghjklmnpqrstvwxz]{0,3}[aeiouy]{1,3}(?:ng|nh|ch|ck|n|m|k|l|p|t|c|h)?"  # "Duck-soo": ck as k
_ONE_SYLLABLE = re.compile(_SYLLABLE, re.IGNORECASE)
_HYPHENATED_SYLLABLES = re.compile(rf"{_SYLLABLE}-{_SYLLABLE}", re.IGNORECASE)


def family_name_and_syllable(name: str) -> bool:
    """"To Lam": a family name of the list and one syllable, which may be a name written surname first and may not
    ("Lee Dixon"): only what the sentence around it says tells (`names.roles`: "To Lam said")."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in load("babelwire.translation.lexicon", "surname_first").words and \
        _ONE_SYLLABLE.fullmatch(words[1]) is not None


@lru_cache(maxsize=4096)
def surname_first(name: str) -> bool:
    words = name.split()
    if words[:1] and words[0].lower() not in load("babelwire.translation.lexicon", "surname_first").words:
        return False
    if len(words) == 3:
        return all(_ONE_SYLLABLE.fullmatch(word) for word in words[1:])
    return len(words) == 2 and _HYPHENATED_SYLLABLES.fullmatch(words[1]) is not None
