"""What a protected name names: a person, an organisation, a place, or other.

    name_type(text, guessed, own_kind) -> "person" | "organisation" | "place" | "other"

`guessed` is the name detector's guess ("PER", "ORG", "LOC", "MISC", "NAME" for unknown), `own_kind` what
`translation.protection.own_names.classify` says ("place", "demonym", "institution", "holiday", None). The policy reads
the type: a Ukrainian copy writes people in Cyrillic and keeps organisations' Latin names. An unknown name is
"other" unless it opens with a given name (`data/given_name_genders.txt`, US Census 1990) before a
capitalised word, or its last word has the shape of a surname (`data/surname_endings.txt`): a wrong "person"
would transcribe a brand, a wrong "other" only keeps a person's name in Latin letters.

    given_name_gender(word) -> "f" | "m" | None   (the sex a given name is given to, where the census says)
"""

from functools import lru_cache

from translation.lexicon.wordlists import load, load_table

PERSON, ORGANISATION, PLACE, OTHER = "person", "organisation", "place", "other"
NAME_TYPES = (PERSON, ORGANISATION, PLACE, OTHER)

_OF_GUESS = {"PER": PERSON, "ORG": ORGANISATION, "LOC": PLACE, "MISC": OTHER}
_OF_OWN_KIND = {"place": PLACE, "institution": ORGANISATION, "demonym": OTHER, "holiday": OTHER}


def name_type(text: str, guessed: str, own_kind: str | None) -> str:
    if guessed == "PER":
        return PERSON  # the detector's evidence (a given name, a title before it) outweighs a place's name
    if own_kind is not None:
        return _OF_OWN_KIND[own_kind]
    if guessed in _OF_GUESS:
        return _OF_GUESS[guessed]
    return PERSON if _opens_with_given_name(text) or _surname_shaped(text) else OTHER


def given_name_gender(word: str) -> str | None:
    return _given_names().get(word.lower())


def _opens_with_given_name(text: str) -> bool:
    """"Tiger Woods", "Payne Stewart": a census given name, then a capitalised word that is not in capitals."""
    words = text.split()
    return len(words) >= 2 and words[0].lower() in _given_names() and words[0][1:].islower() and \
        words[1][:1].isupper() and not words[1].isupper()


def _surname_shaped(text: str) -> bool:
    """"Umerov", "Kovalenko", "Shevchuk": a last word with an ending surnames of many languages have, and
    that is not a common English word's (the detector has already ruled out most of those)."""
    words = text.split()
    if not words or not words[-1][:1].isupper() or words[-1].isupper():
        return False
    last = words[-1].lower()
    return any(last.endswith(ending) and len(last) > len(ending) + 1 for ending in _surname_endings())


@lru_cache(maxsize=1)
def _surname_endings() -> tuple[str, ...]:
    return tuple(sorted(load("translation.lexicon", "surname_endings").words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    return {name: sex for name, sex in load_table("translation.lexicon", "given_name_genders")}
