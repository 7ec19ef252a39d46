"""Names that every language words its own way: places, demonyms, descriptive institutions and holidays.

    classify(text) -> "holiday" | "place" | "demonym" | "institution" | "common noun" | None
                                                                      (None: a proper name, kept)
    find_demonyms(text) -> list[tuple[int, int]]                       (demonyms standing on their own)
    target_forms(text, language) -> tuple[str, ...]                   (CLDR names of a place in `language`,
                                                                       or an acronym's established form there)

A desk translates "Ukraine", "Ukrainian" and "National Bank of Ukraine" and keeps "Axios", "Gazprom" and
"Sheffield Wednesday". Places come from CLDR through Babel (every country and region, and the exemplar
cities of the time zones, in each language), the name detector's lists (`places.txt`, `countries.txt`) and
`place_codes.txt` (short forms of CLDR territories, seas, regions); demonyms from the detector's list, CLDR's
English language names and `more_demonyms.txt` (two-word forms, political affiliations); institution words
from `institutions.txt` (which also names the heads of described events: "Korean War", "Paris Fashion Week",
classified with holidays); holidays and recurring events ("Ramadan", "the Olympics") from `holidays.txt`.
A plural acronym ("MPs", "TVs", "NGOs") is a common noun, which a language words as it words the plural
("депутати", "телевізори"), not a name to transcribe ("Емпіс"). Acronyms that a language writes in its own
letters ("FBI", "NATO", "LGBT": Ukrainian "ФБР", "НАТО", "ЛГБТ") are institutions too, with that form
(`acronym_forms.txt`). All are in `translation/lexicon/data/`; each data file says where its entries come from.

CLDR also gives the target-language name of a place, which lets the pipeline check that a translated place
came through in a recognisable form and mask it when it did not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babelwire.translation.lexicon import institutions, place_forms
from babelwire.translation.lexicon.wordlists import load, load_table

_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de"})
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"['’]s$")
_POSSESSIVE_MARK = re.compile(r"['’]s?$")  # "Magistrates' Court", "People's Bank"
_WORD = re.compile(r"[^\W\d_]+")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_SENTENCE_END = ".!?:\n"
_OPENING_MARKS = " \t\"“‘'«(["


@lru_cache(maxsize=16384)  # asked by typing, by the policy and by what a copy writes, for each mention of a name
def classify(text: str) -> str | None:
    """What kind of name `text` is, when a language has its own word for it; None for a proper name. A name in
    capitals ("FRANCE", "PHNOM PENH": a dateline, a headline) is what it is in ordinary case."""
    name = _normalise(text)
    kind = _kind(name)
    shouted = _shouted(name)
    return kind if kind is not None or shouted is None else _kind(shouted)


def _kind(name: str) -> str | None:
    # holidays and events before places: "Christmas" is also a CLDR city
    if _is_holiday(name) or _is_described_event(name) or _is_award_or_operation(name):
        return "holiday"
    if _is_place(name) or _is_natural_feature(name):
        return "place"
    if _is_demonym(name):
        return "demonym"
    if _PLURAL_ACRONYM.fullmatch(name):
        return "common noun"
    if _is_institution(name) or _is_of_description(name) or _is_named_establishment(name) or _is_law(name) or \
            name in _acronym_forms():
        return "institution"
    return None


def _is_natural_feature(name: str) -> bool:
    """"Lake Titicaca", "Silicon Valley": a feature's common noun opening or closing a longer name, as
    `place_features.txt` says it may, which a language translates ("Mountain Dew" is no place)."""
    words = name.split()
    if len(words) < 2:
        return False
    where = _feature_positions()
    return where.get(words[0].lower()) in ("opens", "both") or where.get(words[-1].lower()) in ("closes", "both")


@lru_cache(maxsize=1)
def _feature_positions() -> dict[str, str]:
    """Feature noun -> where it stands in a name: "opens" ("Mount"), "closes" ("Valley") or "both" ("Lake")."""
    return {noun: where for noun, where in load_table("babelwire.translation.lexicon", "place_features")}


def _is_named_establishment(name: str) -> bool:
    """"Carnegie Mellon University", "Etihad Stadium": a building's or establishment's common noun
    (`named_heads.txt`) closing a longer name, which a language words while keeping the proper part."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in load("babelwire.translation.lexicon", "named_heads").words


def _is_of_description(name: str) -> bool:
    """"University of Michigan", "Church of Scientology", "Lord of the Rings", "London School of Economics":
    capitalised common words (and a place that opens them) joined by a lower-case "of" to a name describe it; a desk
    words the description ("Університет Мічигану"), and a transcription of it ("Юніверсіті ав Мішіган") is
    published by none."""
    head, of, rest = name.partition(" of ")
    words = head.split()
    common = [word[:1].isupper() and word.lower() in _common_words() for word in words]
    return bool(of and words and rest.strip()) and all(common[1:]) and (common[0] or len(words) > 1 and
                                                                         _is_place(words[0]))


def find_demonyms(text: str) -> list[tuple[int, int]]:
    """(start, end) of each demonym or affiliation of `text`, a two-word form first ("North Korean"), a plural
    too ("Bolivians"). The name detector leaves "Ukrainian forces" out; a policy that keeps demonyms finds them
    here. At a sentence's start a word the dictionary has in lower case ("Fang", "Liberal") is taken for the
    word, unless the detector lists it as a demonym ("Polish")."""
    words = [word for word in _WORD.finditer(text) if word.group()[0].isupper()]
    is_demonym = lru_cache(maxsize=None)(_is_demonym)  # a text repeats its capitalised words: look each up once
    found, index = [], 0
    while index < len(words):
        first, second = words[index], words[index + 1] if index + 1 < len(words) else None
        if second and text[first.end() : second.start()] == " " and is_demonym(text[first.start() : second.end()]):
            found.append((first.start(), second.end()))
            index += 2
            continue
        if is_demonym(first.group()) and not _common_at_sentence_start(text, first):
            found.append(first.span())
        index += 1
    return found


def _common_at_sentence_start(text: str, word: re.Match) -> bool:
    position = word.start()
    while position > 0 and text[position - 1] in _OPENING_MARKS:  # a few characters: never the whole text
        position -= 1
    if position > 0 and text[position - 1] not in _SENTENCE_END:
        return False
    key = word.group().lower()
    demonyms = load("babelwire.translation.lexicon", "demonyms")
    return key in _common_words() and not demonyms.has_entry(key.removesuffix("s"))


def _is_holiday(name: str) -> bool:
    """A listed holiday or event, also after the place that holds it ("Paris Olympics", "Milan-Cortina Winter
    Olympics": the Games of that place, which a language words its own way)."""
    holidays = load("babelwire.translation.lexicon", "holidays")
    if holidays.has_entry(name):
        return True
    words = name.split()
    return any(holidays.has_entry(" ".join(words[-size:])) and _is_place(" ".join(words[:-size]).split("-")[0])
               for size in (1, 2) if len(words) > size)


def event_kind_length(text: str) -> int:
    """How many leading characters of a name are the kind of a named event ("Hurricane " of "Hurricane
    Rosa"), which a language translates while keeping the name; 0 when it opens with none, or is nothing else."""
    kinds = load("babelwire.translation.lexicon", "event_kinds")
    words = text.split()
    for size in (2, 1):
        opening = words[:size]
        known = opening[0].lower() in kinds.words if size == 1 else tuple(w.lower() for w in opening) in kinds.phrases
        if known and len(words) > size and all(word[:1].isupper() for word in opening):
            return len(text) - len(text.split(None, size)[size])
    return 0


def target_forms(text: str, language: str) -> tuple[str, ...]:
    """The names `language` gives the place `text`: `place_forms.txt`'s where it lists the place, else CLDR's (empty
    when neither knows it)."""
    name = _normalise(text)
    if name not in _acronym_forms() and name not in _places():
        name = _shouted(name) or name  # "KYIV" is Kyiv
    if name in _acronym_forms():
        return tuple(form for row_language, form in _acronym_forms()[name] if row_language == language)
    listed = tuple(form for row_language, form in place_forms().get(name.lower(), ()) if row_language == language)
    if listed:
        return listed
    key = None if _is_holiday(name) else _places().get(name)
    if key is None:
        return ()
    kind, code = key
    return _cldr_name(kind, code, language)


def is_territory(text: str) -> bool:
    """A country or territory CLDR names ("New Zealand", "Hong Kong"), not a city."""
    return _places().get(_normalise(text), ("", ""))[0] == "territory"


def _normalise(text: str) -> str:
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", " ".join(text.split())))


def _shouted(name: str) -> str | None:
    """A name (normalised) written in capitals, in ordinary case ("PHNOM PENH" -> "Phnom Penh"); None for any other
    name and for one of fewer than four letters, which is an acronym more often than not ("UK", "U.S.")."""
    letters = [char for char in name if char.isalpha()]
    return name.title() if len(letters) >= 4 and name.isupper() else None


def _is_institution(name: str) -> bool:
    known = institutions()
    if name in known.whole:
        return True
    tokens = name.split()
    if len(tokens) == 1:  # "Senate", "Navy": a head word standing for the institution
        return name[:1].isupper() and name.lower() in known.heads
    content = [_POSSESSIVE_MARK.sub("", token) for token in tokens if token.lower() not in _FUNCTION_WORDS]
    if any(_is_head(token, known.heads) for token in content):  # "Centers for Disease Control and Prevention"
        in_places = _in_place_phrases(tokens)  # "... Court for the District of Columbia": Columbia is the place's
        return all(_described(token, known.words) for token in content if token not in in_places)
    # "World Health Organization" is a description, "Trump Organization" a company: a narrow head admits no
    # merely common word beside it.
    return any(token.lower() in known.narrow_heads for token in content) and all(
        _institution_word(token, known.words) or _is_place(token) or _is_demonym(token) for token in content
    )


_LONGEST_PLACE_PHRASE = 4


def _in_place_phrases(tokens: list[str]) -> set[str]:
    """The words of `tokens` that stand in a place's name of several words ("District of Columbia"); a window of a
    few words at each start, so a long run costs linear time."""
    found: set[str] = set()
    for start in range(len(tokens)):
        for size in range(2, min(_LONGEST_PLACE_PHRASE, len(tokens) - start) + 1):
            if _is_place(" ".join(tokens[start : start + size])):
                found.update(tokens[start : start + size])
    return found


def _is_head(token: str, heads: frozenset[str]) -> bool:
    key = token.lower()
    return key in heads or key.endswith("s") and key[:-1] in heads


def _is_described_event(name: str) -> bool:
    """"Korean War", "World War II", "Paris Fashion Week": an event head closing words a description is made of
    (a numeral may follow it)."""
    known = institutions()
    content = [_POSSESSIVE_MARK.sub("", token) for token in name.split() if token.lower() not in _FUNCTION_WORDS]
    if content and content[-1] in ("I", "II", "III"):
        content = content[:-1]
    return len(content) > 1 and content[-1].lower() in known.event_heads and \
        all(_described(token, known.words) for token in content[:-1]) and not _a_persons_name(content)


def _a_persons_name(words: list[str]) -> bool:
    """"Bob Day", "Commissioner Mark Day": a given name right before a surname an event's head shares, not a day
    named after a common word (Earth Day, Labor Day, Boxing Day; a day named after a person is a listed holiday:
    Martin Luther King Jr. Day)."""
    return load("babelwire.translation.lexicon", "given_names").has_entry(words[-2])


def _is_award_or_operation(name: str) -> bool:
    """"Nobel Peace Prize", "Grammy Awards", "Operation Spiderweb": an award or an operation, by the word that closes
    or opens its name, whatever the other words are; an award's name may go on after "in" or "for" ("Nobel Prize in
    Physics", "Academy Award for Best Actress")."""
    words = name.lower().split()
    known = institutions()
    return len(words) > 1 and (words[-1] in known.award_heads or words[0] in known.event_openers or
                               any(word in known.award_heads and following in ("in", "for")
                                   for word, following in zip(words, words[1:])))


def _is_law(name: str) -> bool:
    """"Inflation Reduction Act", "Magnitsky Act": a law, by the word that closes its name, whatever the others are."""
    words = name.lower().split()
    return len(words) > 1 and words[-1] in institutions().law_heads


def _institution_word(token: str, words: frozenset[str]) -> bool:
    """"Security", and "States" of "Organization of American States"."""
    key = token.lower()
    return key in words or key.endswith("s") and key[:-1] in words


def _described(token: str, words: frozenset[str]) -> bool:
    """A word an institution's description is made of: an institution word, a common English word (the
    dictionary writes proper nouns capitalised, so "Gazprom" and "Wednesday" are not among them), a
    place or a demonym."""
    key = token.lower()
    return key in words or key in _common_words() or _is_place(token) or _is_demonym(token)


def _is_place(name: str) -> bool:
    return name in _places() or name.lower() in place_forms() or any(
        load("babelwire.translation.lexicon", listed).has_entry(name)
        for listed in ("places", "countries")) or _part_of_a_place(name)  # the detector's: "Bosnia", "Yugoslavia"


_COMPASS = frozenset("north south east west northern southern eastern western central".split())


def _part_of_a_place(name: str) -> bool:
    """"East Jerusalem", "Western Ukraine", "North London": a compass word before a place's name is a part of that
    place, which each language words its own way (Східний Єрусалим)."""
    first, _, rest = name.partition(" ")
    return first.lower() in _COMPASS and first[:1].isupper() and bool(rest) and _is_place(rest)


def _is_demonym(name: str) -> bool:
    """A demonym or affiliation, also in the plural ("Bolivians", "Methodists"), or several in a row
    ("Welsh Conservative", "Greek Cypriots"), or joined by hyphens ("British-Iranian", "Mexican-Americans")."""
    words = name.split()
    if len(words) > 1 and (all(_is_demonym(word) for word in words) or _of_a_place_of_words(name)):
        return True
    parts = name.split("-")
    if len(words) == 1 and len(parts) > 1 and all(part[:1].isupper() and _is_demonym(part) for part in parts):
        return True
    singular = name[:-1] if name.endswith("s") else None
    return any(form in _demonyms() or load("babelwire.translation.lexicon", "demonyms").has_entry(form)
               for form in (name, singular) if form)


# How English makes a demonym of a place's name: "South Africa" -> "South African", "Puerto Rico" -> "Puerto
# Rican", "Sierra Leone" -> "Sierra Leonean", "South Sudan" -> "South Sudanese", "New Zealand" -> "New Zealander"
# (the ending taken off, then the place's own last letter put back where the ending replaced it).
_DEMONYM_ENDINGS = (("n", ""), ("an", ""), ("an", "o"), ("an", "a"), ("ese", ""), ("er", ""), ("ian", ""),
                    ("ian", "a"), ("i", ""))


def _of_a_place_of_words(name: str) -> bool:
    """A demonym of a place whose name has several words ("South African", "Sri Lankan", "Costa Ricans"): each
    word capitalised, and the name less an ending is a place's."""
    singular = name[:-1] if name.endswith("ns") or name.endswith("rs") else name
    return all(word[:1].isupper() for word in name.split()) and any(
        singular.endswith(ending) and _is_place(singular[: len(singular) - len(ending)] + restored)
        for ending, restored in _DEMONYM_ENDINGS)


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, str]]:
    """English place name -> ("territory", CLDR code) / ("zone", time zone id) / ("listed", "-")."""
    from babel import Locale
    from babel.core import get_global

    places: dict[str, tuple[str, str]] = {}
    for zone in get_global("zone_territories"):
        city = zone.rsplit("/", 1)[-1].replace("_", " ")
        if "/" in zone and not city.startswith(("GMT", "UTC")) and not _research_station(zone):
            places[city] = ("zone", zone)
    for zone, names in Locale("en").time_zones.items():
        if names.get("city") and not _research_station(zone):
            places[names["city"]] = ("zone", zone)
    for code, name in Locale("en").territories.items():
        if code != "001" and "-alt-" not in code:  # "world" is a word, not a place
            places[name] = ("territory", code)
    for name, code in load_table("babelwire.translation.lexicon", "place_codes"):
        if code != "-":
            places[name] = ("territory", code)
        else:
            places.setdefault(name, ("listed", "-"))  # CLDR's entry, where it has one, can be verified
    for name in [name for name in places if name.startswith("St. ")]:  # British copy drops the dot: "St Petersburg"
        places.setdefault("St " + name[len("St. "):], places[name])
    return places


def _research_station(zone: str) -> bool:
    """Antarctic time zones are named after research stations, mostly after people ("Davis", "Casey",
    "Palmer"): as places they would make "Davis Cup" a description and "Casey" a place."""
    return zone.startswith("Antarctica/")


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    from babel import Locale

    languages = {name for name in Locale("en").languages.values() if " " not in name and name[:1].isupper()}
    return frozenset(languages | {row[0] for row in load_table("babelwire.translation.lexicon", "more_demonyms")})


@lru_cache(maxsize=1)
def _acronym_forms() -> dict[str, tuple[tuple[str, str], ...]]:
    """Acronym -> ((language, its established form there), ...) from `acronym_forms.txt` ("FBI": "ФБР")."""
    forms: dict[str, tuple[tuple[str, str], ...]] = {}
    for acronym, language, form, *_ in load_table("babelwire.translation.lexicon", "acronym_forms"):
        forms[acronym] = forms.get(acronym, ()) + ((language, form),)
    return forms


def _common_words() -> frozenset[str]:
    return load("babelwire.translation.lexicon", "common_words").words


@lru_cache(maxsize=4096)
def _cldr_name(kind: str, code: str, language: str) -> tuple[str, ...]:
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return ()
    if kind == "territory":
        name = locale.territories.get(code)
    elif kind == "zone":
        name = (locale.time_zones.get(code) or {}).get("city")
    else:
        name = None
    return (name,) if name else ()

