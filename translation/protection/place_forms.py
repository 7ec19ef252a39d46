"""Whether a place came through a translation in a recognisable form, beside the place data (`translated_names`, whose
`target_forms` gives the target-language names compared here).

    recognisable(translated, name, forms) -> bool
"""

import re
import unicodedata

_WORD = re.compile(r"\w+")
_SHORT_WORD = re.compile(r"\b\w{2,6}\b")
_ACRONYM = re.compile(r"(?<!\w)(?:[^\W\d_]\.?){2,5}(?!\w)")  # "US", "U.S.", "ÛŠ"


def recognisable(translated: str, name: str, forms: tuple[str, ...]) -> bool:
    """Does a form of the place `name` stand in `translated`? Its target-language names (`forms`, CLDR) or its
    source name, compared without accents on a stem (the longest word less two letters, one letter
    may differ), so inflected and spelling variants count: "Україна" -> "в Україні", "Singapura" ->
    "Cingapura", "America" -> "América"; an acronym also by its target-language initials ("U.S." ->
    "EUA", "UN" -> "ONU", "EU" -> "UE") or by its own letters, accented or dotted or not ("US" -> "U.S.",
    a dry run's "ÛŠ"): too short for a stem, it came through all the same."""
    folded = _folded(translated)
    words = _WORD.findall(folded)
    spellings = [spelling for form in forms for spelling in (_folded(form), *_alternated(_folded(form)))]
    target_stems = [stem for stem in (_stem(spelling) for spelling in spellings) if len(stem) >= 3]
    if any(stem in folded for stem in target_stems):
        return True
    source_stem = _stem(_folded(name))
    if any(_starts_a_word(stem, words) for stem in (*target_stems, source_stem) if len(stem) >= 3):
        return True
    if not _is_acronym(name):
        return False
    acronyms = [word for word in _SHORT_WORD.findall(translated) if word.isupper()]
    initials = [_initials(form) for form in forms]
    if any(len(letters) >= 2 and letters in word for letters in initials for word in acronyms):
        return True
    own = _letters(name)
    return any(_letters(found) == own for found in _ACRONYM.findall(translated) if found.isupper())


def _alternated(form: str) -> tuple[str, ...]:
    """Ukrainian writes і in a name's closed last syllable and о, е or є where a case ending opens it: Київ, у Києві;
    Тернопіль, у Тернополі (folded, ї is і). The form with each of them in place of its last і."""
    position = form.rfind("і")
    if position <= 0 or position == len(form) - 1:
        return ()
    return tuple(form[:position] + vowel + form[position + 1 :] for vowel in "оеє")


def _letters(acronym: str) -> str:
    """"U.S." and "ÛŠ" -> "us": an acronym's letters, folded, without its dots."""
    return _folded(acronym).replace(".", "")


# Letters Ukrainian writes either way in a foreign place's name: ґ or г (CLDR's Чікаґо, Лаґос; the press's Чикаго,
# Лагос), і or и ("the rule of nine" is applied to some names and not to others: Чікаґо, Чикаго).
_EITHER_WAY = str.maketrans({"ґ": "г", "и": "і"})


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(_EITHER_WAY)


def _stem(name: str) -> str:
    word = max(_WORD.findall(name) or [""], key=len)
    return word[: max(3, len(word) - 2)] if len(word) > 4 else word[:3]


def _starts_a_word(stem: str, words: list[str]) -> bool:
    """A word that starts with `stem`, or (a stem of five letters or more) with it but one letter."""
    for word in words:
        head = word[: len(stem)]
        if head == stem or (len(stem) >= 5 and len(head) == len(stem) and sum(a != b for a, b in zip(head, stem)) == 1):
            return True
    return False


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _initials(form: str) -> str:
    """"Estados Unidos" -> "EU", "União Europeia" -> "UE": the initials of the capitalised words."""
    return "".join(word[0] for word in form.split() if word[:1].isupper())
