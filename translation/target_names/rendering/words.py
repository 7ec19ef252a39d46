"""A whole name rendered word by word, each word by the first method that knows it (see the package's doc).

The origin a word's spelling shows (`origin.py`) holds for the whole name where it can: a name with a word
romanised from Ukrainian is Ukrainian throughout ("Andriy Hnatov"), one whose given name or spelling shows it was
romanised from Russian is read back by the table for Russian ("Yevgeny Prigozhin": Пригожин, not Прігожін; a
given name the table of given names lacks keeps the Ukrainian reading: Kamila, not Камила), a name in pinyin
Chinese throughout ("Li Qiang", see `pinyin.py`); another origin's sign on one word (accents, -ez, -wski, sch,
-o) also holds for the surname and for words the pronouncing dictionary does not know ("Evo Morales"), never for
an English given name the dictionary knows ("Jennifer Lopez" keeps Дженніфер). A nationality the copy states beside
the name (`nationality.py`) is read as such an origin where the spelling shows none, and it, or a first given name
of the name's origin, also reads a given name English shares where the language's dictionary knows that reading as a
given name (a Frenchman's Paul is Поль, a German's Peter Петер).
"""

from __future__ import annotations

import re
from functools import lru_cache

from babelwire.translation.protection.name_types import given_name_gender
from babelwire.translation.protection.translated_names import classify
from babelwire.translation.target_names.rendering.attested import attested_form, attested_given_name
from babelwire.translation.target_names.rendering.languages import LanguageData, fold, has_data, language_data, \
    name_key
from babelwire.translation.target_names.rendering.origin import ROMANCE, RUSSIAN, SLAVIC, UKRAINIAN, first_listed, \
    may_be_romanised, may_be_slavic_surname, origin_of, particle_origin, romanised_from, slavic_by_its_start_only
from babelwire.translation.target_names.rendering.japanese import is_japanese_name, signed, write as write_japanese
from babelwire.translation.target_names.rendering import syllabic
from babelwire.translation.target_names.rendering.pinyin import is_pinyin_name, write as write_pinyin
from babelwire.translation.target_names.rendering.wade_giles import write_name as write_wade_giles
from babelwire.translation.protection.names.lexicon import ENGLISH_WORDS
from babelwire.translation.target_names.rendering.pronounce import pronunciations, transcribe

ESTABLISHED, ATTESTED, PINYIN, WADE_GILES, HEPBURN, KONTSEVYCH, QUOC_NGU, CMUDICT, SPELLING = \
    "established", "attested", "pinyin", "wade_giles", "hepburn", "kontsevych", "quoc_ngu", "cmudict", "spelling"
CHINESE, JAPANESE, KOREAN, VIETNAMESE = "chinese", "japanese", "korean", "vietnamese"
_SYLLABIC = {KOREAN: KONTSEVYCH, VIETNAMESE: QUOC_NGU}  # the systems of syllabic.py, by their table, and the source
_WORD_PARTS = re.compile(r"([\s\-‐‑–]+)")  # spaces and hyphens separate words and stay as written
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")  # "J.", or several written together: "J.D.", "H.W."
_ELIDED_PARTICLE = re.compile(r"^([dDlL])['’](\w.*)$")  # French and Italian d', l': "d'Estaing", "D'Alema"
_ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")  # "Elizabeth II", "Charles III": written as they are
_SLAVIC = (SLAVIC, RUSSIAN)  # romanised from Ukrainian or Russian; RUSSIAN: the spelling shows Russian
# Czech and Slovak share given names with Russian and Ukrainian (Pavel, Ivan, Igor), and Latin America and France
# give them too; each says them as its spelling does: Pavel Nedvěd is Павел, Vladimir Padrino López Владімір, Valery
# Giscard d'Estaing Валері, not the Ukrainian form of the Russian name (a German spelling does not tell so much:
# Vitali Klitschko is Віталій)
_READS_SLAVIC_GIVEN_NAMES = frozenset({"czech", "spanish", "portuguese", "french"})


@lru_cache(maxsize=8192)  # a story names the same people again and again
def render_words(name: str, language: str, kind: str = "person", nationality: str | None = None
                 ) -> tuple[str, str] | None:
    """(the rendering, its source) of the whole name; None when some word has a letter no table covers. `kind`:
    "person", or "other" (a name of no known type, which may be a place's or a thing's); `nationality`: the origin
    the copy states for the person ("french"), read where the name's spelling shows none of its own."""
    data = language_data(language)
    name = " ".join(name.split())
    whole = established_form(name, language) or _with_regnal_numeral(name, language)
    if whole is not None:
        return whole, ESTABLISHED
    closer = _closer(name, data)
    if closer is not None:  # "Donald Trump Jr." -> "Дональд Трамп-молодший": the rest, then the closer's form
        rendered = render_words(name.rsplit(" ", 1)[0], language, kind, nationality)
        return None if rendered is None else (rendered[0] + closer[1] + closer[0], rendered[1])
    parts = _WORD_PARTS.split(name)
    opener = data.openers.get(fold(parts[0])) if len(parts) > 2 else None
    rendered, sources = [], []
    if opener is not None:  # "St Johnstone" -> "Сент-Джонстон": the opener's form and joiner, then the rest
        rendered, sources, parts = list(opener), [ESTABLISHED], parts[2:]
    words = [part for index, part in enumerate(parts)
             if index % 2 == 0 and part and not _INITIALS.match(part) and not _ROMAN_NUMERAL.match(part)]
    origin = _name_origin(words, data)
    taiwanese = None if origin in _SYLLABIC else write_wade_giles(parts, data.code)  # Kim Jong-un is Korean
    if taiwanese is not None:
        return _fixed(taiwanese, data), WADE_GILES
    stated = nationality is not None and origin in (None, ROMANCE) and nationality in data.origin_spelling
    origin = nationality if stated else origin
    # "Hans Peter Mueller", "Jean Paul Gaultier": a first given name of the name's origin tells the given names
    # after it, as a stated nationality does (Петер, Поль)
    stated = stated or len(words) > 2 and origin in data.origin_spelling and \
        origin_of(words[0].lower(), given=True) == origin
    # "AJ Brown": two capitals opening a person's name are letters said one by one, unless the whole name is in
    # capitals, as a headline writes "AL GORE"
    spelt_given_name = kind == "person" and len(words) > 1 and not all(word.isupper() for word in words)
    for index, part in enumerate(parts):
        if index % 2 or not part:  # a separator, or nothing before or after one
            between_words = index % 2 and parts[index - 1] and index + 1 < len(parts) and parts[index + 1]
            # Ukrainian writes a Korean or Vietnamese given name's syllables apart: "Jae-in" is "Чже Ін"
            rendered.append(" " if origin in _SYLLABIC and between_words else part)
            continue
        last = index == len(parts) - 1
        opens_a_compound = not last and parts[index + 1] == "-" and fold(part) in data.openers
        if spelt_given_name and not last and _letters_said_one_by_one(part, data):
            word = _letter_names(part, data), SPELLING
        elif opens_a_compound:  # "Allan Saint-Maximin": the opener's form inside a name too (Сент-, not Сейнт-)
            word = data.openers[fold(part)][0], ESTABLISHED
        else:
            word = _render_word(part, data, origin, kind, first=index == 0, last=last, stated=stated)
        if word is None:
            return None
        rendered.append(word[0][:1].upper() + word[0][1:] if origin in _SYLLABIC else word[0])
        sources.append(word[1])
        if index >= 2 and parts[index - 1] == "-" and parts[index - 2].islower():  # "al-Sisi": ас-Сісі
            rendered[-3] = _assimilated(parts[index - 2], part, data) or rendered[-3]
    if kind == "person" and len(words) > 1 and given_name_gender(words[0]) == "f" and \
            not _a_mans_given_name_there(words[0], origin, data):
        rendered[-1] = _as_a_woman_bears_it(words[-1], rendered[-1], data)
    return "".join(rendered), least_certain(sources, data.code)


def a_mans_given_name(name: str, language: str) -> bool:
    """The census gives the name's given name to women, but the language its surname is read in gives it to men:
    Valery Gerasimov's Valery, read as Russian, is Валерій; Karol Nawrocki's Karol, read as Polish, is Кароль. The
    surname's origin, not the given name's own (Michele Bachmann's Michele looks Italian, and she is a woman), but
    for a given name Ukrainian or Russian shares, which makes the whole name Slavic (Yuri Gagarin, Nikita Mazepin),
    or one only another language has beside a surname that shows nothing and English does not say (Jean Castex's
    French Jean, Жан; Jean Carnahan, whose surname the pronouncing dictionary says, stays the census's woman)."""
    words = [word for word in name.split() if not _INITIALS.match(word)]
    if len(words) < 2 or given_name_gender(words[0]) != "f" or not has_data(language):
        return False
    data = language_data(language)
    origin = _name_origin(words[1:], data)
    if origin is None:  # the whole name is read only where the surname alone shows nothing
        whole = _name_origin(words, data)
        origin = whole if whole in (SLAVIC, RUSSIAN, UKRAINIAN) or whole in data.origin_spelling and \
            not _english_said(words[-1], data) else None
    return origin is not None and _a_mans_given_name_there(words[0], origin, data) and \
        not _written_as_a_womans(name, language)


def _written_as_a_womans(name: str, language: str) -> bool:
    """The copy writes the name's given name as the dictionary's woman's name: Isabel Schnabel's Ізабель, though
    German letter rules read Isabel as Ісабель, a man's name there."""
    given = _given_name_written(name, language)
    return given is not None and attested_given_name(given.lower(), language, "f")


def _given_name_written(name: str, language: str) -> str | None:
    """The name's first word as the copy writes it; None where the name is not rendered."""
    rendered = render_words(name, language)
    return None if rendered is None else rendered[0].split()[0]


def read_as_slavic(name: str, language: str) -> bool | None:
    """Whether the name reads as Slavic (Vladimir Putin, Ivan Ivanov), which tells how a surname ending as Russian
    ones do declines: Путіним, but Ллойдом Остіном, Шейх Хасіни. False for a name another language's spelling shows
    (Sheikh Hasina), or one of several words read as English whose surname the pronouncing dictionary says (Lloyd
    Austin, Bruce Springsteen); None where nothing tells (Elvira Nabiullina, "Putin" alone). A name the copy writes
    with a given name only Ukrainian or Russian has is Slavic whatever its spelling (Wladimir Klitschko, spelt as
    German writes it, is Володимир Кличко: "з Володимиром Кличком")."""
    words = [word for word in name.split() if not _INITIALS.match(word)]
    if not words or not has_data(language):
        return None
    data = language_data(language)
    origin = _name_origin(words, data)
    if origin in _SLAVIC_LANGUAGES or len(words) > 1 and _slavic_given_name_written(name, data):
        return True
    if origin is not None:
        return False
    return False if len(words) > 1 and _english_said(words[-1], data) else None


def _slavic_given_name_written(name: str, data: LanguageData) -> bool:
    """The copy writes the name's first word as a given name that alone tells a Ukrainian or Russian name."""
    return _given_name_written(name, data.code) in _slavic_given_name_forms(data.code)


@lru_cache(maxsize=None)
def _slavic_given_name_forms(language: str) -> frozenset[str]:
    """The language's forms of the given names that alone tell a Ukrainian or Russian name (Володимир, Олександр)."""
    data = language_data(language)
    return frozenset(data.given_names[key] for key in data.slavic_given_names if key in data.given_names)


def _a_mans_given_name_there(given: str, origin: str | None, data: LanguageData) -> bool:
    """The census's woman's name is a man's in the language the name is read in: Karol Nawrocki's Karol, read as
    Polish, is Кароль, whose -cki is a man's (Carol is a woman's in English). An origin with no letter rules of its
    own (Russian, Ukrainian) reads the given name as the whole renderer does (Valery: Валерій)."""
    read = _read_by(given.lower(), origin, data)
    if read is None and origin is not None:
        rendered = _render_word(given, data, origin, "person", first=True, last=False)
        read = rendered[0].lower() if rendered is not None else None
    return read is not None and attested_given_name(read, data.code, "m") and \
        not attested_given_name(read, data.code, "f")


def _as_a_woman_bears_it(surname: str, form: str, data: LanguageData) -> str:
    """A woman's surname spelt with the Polish masculine -ski, -cki or -sky (Lisa Murkowski, Emily Ratajkowski:
    a Polish woman's is spelt -ska) is a foreign surname written as spelt, Мурковскі, never the masculine adjective
    Мурковський, which no woman bears (the language's `womans_foreign_surname`)."""
    if not sex_marked(surname, data.code):
        return form
    masculine, womans = data.womans_foreign_surname
    return form.removesuffix(masculine) + womans if form.endswith(masculine) else form


def closed_by_a_fixed_form(name: str, language: str) -> bool:
    """"Wall Street", "Donald Trump Jr.": a name of several words whose last the language writes as a fixed form
    joined to the word before (`closers.txt`: Волл-стріт, Дональд Трамп-молодший), as `render_words` writes it."""
    return has_data(language) and _closer(" ".join(name.split()), language_data(language)) is not None


def _closer(name: str, data: LanguageData) -> tuple[str, str] | None:
    """(form, joiner) of the closer ending `name` (words one space apart), after words that are no acronym; None."""
    *rest, last = name.split(" ")
    return data.closers.get(fold(last)) if rest and not _acronym(rest) else None


def established_form(name: str, language: str) -> str | None:
    """The established form of the whole name (a person's, a surname's or, failing those, a club's), or None; a name
    hyphenated where its row is not takes that row ("Kim Jong-un": Kim Jong Un's Кім Чен Ин)."""
    data, key = language_data(language), name_key(name)
    return data.established.get(key) or data.established.get(key.replace("-", " ")) or data.clubs.get(key)


def regnal_form(name: str, language: str) -> str | None:
    """A monarch's or pope's name as the language writes it by tradition ("Francis" -> "Франциск"), or None: for a
    name after such a title ("Pope Francis"), which the caller sees and this function does not."""
    return language_data(language).regnal.get(name_key(name))


def royal_form(name: str, language: str) -> str | None:
    """A prince's or princess's given name as the language's media write it ("Harry" -> "Гаррі"), or None: for a
    name after "Prince" or "Princess", which the caller sees."""
    return language_data(language).royal.get(name_key(name))


def _with_regnal_numeral(name: str, language: str) -> str | None:
    """"Henry VIII" -> "Генріх VIII", "John Paul II" -> "Іоанн Павло II": a regnal numeral says the name is a
    monarch's or pope's."""
    *words, last = name.split()
    regnal = regnal_form(" ".join(words), language) if words and _ROMAN_NUMERAL.match(last) else None
    return None if regnal is None else f"{regnal} {last}"


def club_form(name: str, language: str) -> str | None:
    """The established form of a sports club's whole name, or None: the only form an organisation takes (a company
    named like a listed person keeps its name: Ford is no Форд)."""
    return language_data(language).clubs.get(name_key(name))


def is_established_club(name: str, language: str) -> bool:
    """The whole name is a sports club's with an established form (and no person's)."""
    data, key = language_data(language), name_key(name)
    return key in data.clubs and key not in data.established


def _acronym(words: list[str]) -> bool:
    """"RFK" of "RFK Jr.": letters said one by one, which no rule writes as a word (Рфк); such a name stays as written,
    as an acronym alone does."""
    return len(words) == 1 and len(words[0]) > 1 and words[0].isupper()


def _name_origin(words: list[str], data: LanguageData) -> str | None:
    keys = [fold(word) for word in words]
    for system in _SYLLABIC:  # before pinyin: its family names and syllables are theirs, not pinyin's (Kang Youwei)
        if syllabic.is_name(keys, data.code, system):
            return system
    if is_pinyin_name(keys, data.code) and not (len(words) == 1 and given_name_gender(words[0])):
        return CHINESE  # but a given name alone is the census's ("Alexia", "Lexi": a-le-xia, le-xi)
    if _japanese(words, data):
        return JAPANESE
    # "Mathieu van der Poel": a particle in lower case tells the surname's language, whatever the given name's
    particles = {particle_origin(word) for word in words} - {None}
    if particles:
        return first_listed(particles)
    by_word = [_origin_in_a_name(word.lower(), given=index < len(words) - 1) if len(words) > 1 else
               _origin_alone(word.lower()) for index, word in enumerate(words)]
    # "Ali Yerlikaya": beside another language's sign (Arabic's Ali), an initial Ye- alone is no Slavic one, nor
    # beside a word of no origin the pronouncing dictionary says ("Khloe Kardashian", "Lamine Yamal"), unless a given
    # name Ukrainian or Russian shares ("Boris Yeltsin")
    if any(origin not in (None, ROMANCE, SLAVIC) or origin is None and _english_said(word, data)
           for origin, word in zip(by_word, words)):
        by_word = [None if origin == SLAVIC and slavic_by_its_start_only(word.lower()) else origin
                   for origin, word in zip(by_word, words)]
    origins = set(by_word)
    named = {origin for origin in origins if origin not in (None, ROMANCE)}  # a named language before "romance"
    if SLAVIC in origins or not named & _READS_SLAVIC_GIVEN_NAMES and \
            any(key in data.slavic_given_names for key in keys) or not named and _slavic_by_both(keys, data):
        return RUSSIAN if _romanised_from_russian(keys, data) else SLAVIC
    return first_listed(named) or (ROMANCE if ROMANCE in origins else None)


_SLAVIC_LANGUAGES = (SLAVIC, RUSSIAN, UKRAINIAN, "polish", "czech", "balkan")  # data/origin.txt's names


def _english_said(word: str, data: LanguageData) -> bool:
    """The pronouncing dictionary says `word`, which is no given name Ukrainian or Russian shares."""
    key = fold(word)
    return key in pronunciations() and key not in data.given_names


def _slavic_by_both(keys: list[str], data: LanguageData) -> bool:
    """A given name Ukrainian or Russian shares with other languages (Alexander, Boris, Denis: no sign alone) before a
    surname the pronouncing dictionary does not know that ends as Russian surnames do ("Alexander Ovechkin", "Boris
    Berezovsky"; not "Alexander Hamilton", "Boris Pistorius", "Natalia Lafourcade")."""
    if len(keys) < 2:  # a name of one word, or of an opener alone ("Saint-"): no given name before a surname
        return False
    *given, surname = keys
    return given[0] in data.given_names and surname not in pronunciations() and \
        may_be_slavic_surname(surname)


def _origin_alone(word: str) -> str | None:
    """The origin a name of one word shows; an initial Ya-, Ye- or Yu- is no Slavic sign in a word the pronouncing
    dictionary knows ("Yankees" is no romanised Янкеес), unless it is short enough to be a romanised syllable (Ye,
    Kanye West's new name, is Є)."""
    origin = origin_of(word)
    english = len(word) > 3 and fold(word) in pronunciations()
    return None if origin == SLAVIC and english and slavic_by_its_start_only(word) else origin


def _origin_in_a_name(word: str, given: bool) -> str | None:
    """The origin a word shows for the whole name it stands in (`given`: before the last word); a romanisation's sign
    in an English word proves nothing there ("Yard" of "Scotland Yard" is no romanised я: not Сцотланд Ярд)."""
    origin = origin_of(word, given)
    return None if origin == SLAVIC and fold(word) in ENGLISH_WORDS else origin


def _japanese(words: list[str], data: LanguageData) -> bool:
    """A name of Hepburn syllables with a Japanese sign (`japanese.py`), none of whose words shows another origin's
    spelling ("Jose Moreno"), and where no word has a sign of its own, none a census given name (the census has
    Fumio, but also Naomi and Nina, which English names share; Shinzo's shi makes Abe Japanese)."""
    keys = [fold(word) for word in words]
    any_signed = any(signed(key, data.code) for key in keys)
    return not any(_another_origin_than_hepburns(word.lower()) or given_name_gender(key) and not any_signed
                   for key, word in zip(keys, words)) and is_japanese_name(keys, data.code)


def _another_origin_than_hepburns(word: str) -> bool:
    """`word` (lower case) shows an origin whose signs Hepburn's syllables do not write too: the ya, yu and iy that
    tell a romanised Slavic name are Hepburn's (Takeshi Miyazaki was read back as Ukrainian, Такеші; Yukio Hatoyama
    Гатояма), and so is the a-o that ends Portuguese names (Hayao was Хеяу); a Romance -o too."""
    origin = origin_of(word)
    return origin not in (None, ROMANCE, SLAVIC) and not (origin == "portuguese" and word.endswith("ao"))


def _romanised_from_russian(keys: list[str], data: LanguageData) -> bool:
    """A Slavic name is read as romanised from Russian where a given name's spelling says so (Sergei, not Serhiy),
    else where a word's spelling does (Gerasimov's g, Zhirinovsky's -sky, Abramovich's -vich); a sign of Ukrainian
    at the same level wins (Pavlo Klimkin, Oleksandr Syrsky), and so does no sign at all: Ukrainian names come
    first."""
    for evidence in ([data.given_romanised_from.get(key) for key in keys], [romanised_from(key) for key in keys]):
        if UKRAINIAN in evidence:
            return False
        if RUSSIAN in evidence:
            return True
    return False


# The origins a word's accented letters may seem to show where the rest of the name shows another language that
# writes them too: ö and ü are Turkish and Hungarian letters as well as German ones, á a Hungarian one as well as a
# Spanish one ("Çağlar Söyüncü" is Чаглар Сойюнджю, not a German Зейюнкю; "Zoltán Kovács" Золтан Ковач, not Ковакс),
# and Portuguese shares Spanish's accents and given names ("Jose Mourinho" is Жозе Моурінью, not Хосе).
_LETTERS_SHARED_WITH = {"turkish": ("german",), "hungarian": ("german", "spanish"), "portuguese": ("spanish",)}


def _render_word(word: str, data: LanguageData, name_origin: str | None, kind: str, first: bool,
                 last: bool, stated: bool = False) -> tuple[str, str] | None:
    if _INITIALS.match(word):  # "J.D." -> "Дж. Д.", initials apart as Ukrainian writes them
        if classify(word) is not None:
            return None  # "U.S." of "U.S. Tomahawk": a place's acronym, no person's initials; the name stays as written
        letters = [data.spelling.rewrite(letter.lower()) for letter in word if letter != "."]
        return None if None in letters else (" ".join(_cased(each, word) + "." for each in letters), SPELLING)
    key = fold(word)
    if not any("a" <= char <= "z" for char in key) or _ROMAN_NUMERAL.match(word):
        return word, ESTABLISHED  # already in another script, or no letters: as written
    elided = _ELIDED_PARTICLE.match(word)
    if elided and fold(elided[1]) + "'" in data.particles:  # "d'Estaing" -> "дʼЕстен": particle, then the name
        rest = _render_word(elided[2], data, name_origin, kind, first=False, last=last, stated=stated)
        particle = _cased(data.particles[fold(elided[1]) + "'"], word)
        return None if rest is None else (particle + rest[0][:1].upper() + rest[0][1:], rest[1])
    if key in data.particles and (word.islower() or not first and not last):  # "De Niro"; "Van Morrison" is a name
        return _cased(data.particles[key], word), ESTABLISHED
    form, source, read_as = _form(key, word.lower(), data, name_origin, last, surname=last and not first,
                                  given=first and not last, stated=stated and kind == "person")
    if form is None:
        return None
    if source in (CMUDICT, SPELLING, data.romanisation_name, data.russian_romanisation_name):  # rule-made: the
        # dictionary may know it otherwise (Гіркін, Міллер: usage keeps і in many Russian names)
        given_sex = given_name_gender(key) if kind == "person" and (first or not last) else None
        romanised = source in (data.romanisation_name, data.russian_romanisation_name)
        # a reading by the origin the copy states is final, as some origins' readings are: "Brazilian Gabriel Jesus" is
        # Жезус, not the Spanish Хесус the dictionary also knows
        final = read_as in data.final_readings or stated and kind == "person" and read_as == name_origin
        # a surname that is an English word the dictionary pronounces, in a name that shows no other origin, is said
        # as English says it, whatever another language's reading of its letters the Ukrainian dictionary knows:
        # Glenn Close is Клоус, not the German Клозе (a given name may be another language's: Angel Di Maria's Анхель)
        english = source == CMUDICT and last and name_origin is None and _english_word(key, data)
        readings = () if final or english else _other_readings(word.lower(), form, data, pronounced=source == CMUDICT)
        settled = attested_form(form, key, data.code, readings, kind == "person", given_sex, romanised,
                                english=read_as is None, pronounced=source == CMUDICT)
        form, source = (form, source) if settled == form else (settled, ATTESTED)
    return _cased(form, word), source


def _assimilated(particle: str, word: str, data: LanguageData) -> str | None:
    """The form of `particle` (lower case) before `word` where the word's start changes it
    (`data/<language>/particle_assimilation.txt`: Arabic's al- before s is ас-); None where nothing does."""
    forms, key = data.particle_assimilation.get(particle, {}), fold(word)
    start = max((start for start in forms if key.startswith(start)), key=len, default=None)
    return None if start is None else forms[start]


def _letters_said_one_by_one(word: str, data: LanguageData) -> bool:
    """Two capitals without points, "AJ", "TJ", "JD": no word the letter rules could read (was АДЖ Браун)."""
    return len(word) == 2 and word.isupper() and all(letter in data.letter_names for letter in word.lower())


def _letter_names(word: str, data: LanguageData) -> str:
    return " ".join(data.letter_names[letter] for letter in word.lower())


def _form(key: str, accented: str, data: LanguageData, name_origin: str | None,
          last: bool, surname: bool = False, given: bool = False, stated: bool = False
          ) -> tuple[str | None, str, str | None]:
    """The form of one word, its source, and the origin whose letter rules read it (None: English, or no letter
    rules); `key` folded (lower case, no accents), `accented` lower case as written; `surname`: the last word of
    several, never taken for a given name (Czech president Petr Pavel is Павел, not Павло); `given`: the first word
    of several; `stated`: `name_origin` is the person's nationality as the copy states it, which also reads a given
    name English shares where the language's dictionary knows that reading as a given name (Paul Pogba: Поль)."""
    if name_origin in _SLAVIC and key in data.given_names and not surname:  # Lukashenko's Олександр, not Александер
        return data.given_names[key], ESTABLISHED, None
    if name_origin == CHINESE:  # before another person's surname: Lucy Liu's Лью is not Liu He's Лю
        written = write_pinyin(key, data.code)
        return (written and _fixed(written, data)), PINYIN, CHINESE  # Чуньїн, not Чуньін
    if name_origin == JAPANESE:
        return write_japanese(key, data.code), HEPBURN, JAPANESE
    if name_origin in _SYLLABIC:
        return syllabic.write(key, data.code, name_origin, first=given), _SYLLABIC[name_origin], name_origin
    # a given name English shares is read by the origin the copy states, or by one whose reading is final (Hungarian:
    # Peter Szijjarto's Петер), where the language's dictionary knows that reading as a given name
    stated_given_name = (stated or name_origin in data.final_readings) and not last and \
        _a_given_name_there(accented, data, name_origin, key)
    if key in data.established and not stated_given_name:  # a given name's row is its English form: Richard
        return data.established[key], ESTABLISHED, None  # Річард, but a Frenchman's is Рішар
    prefixed = _prefixed(key, data)  # Mc- and O'- names are Irish or Scottish whatever the rest of the name
    if prefixed is not None:
        return *prefixed, None
    origin = origin_of(accented, given)
    if origin == SLAVIC and name_origin not in _SLAVIC:
        origin = None  # its Ye- is no sign beside another language's (`_name_origin`): "Ali Yerlikaya"
    # an English word in a name told Slavic is English's ("Yardeni Research": not a romanised Ресеарч), and so is a
    # given name of the census the pronouncing dictionary says, which the Slavic table does not list (Louis
    # Farrakhan, whose kh is Arabic's: Луїс, was the romanised Лоуйс; Diana of Diana Vishneva is listed: Діана)
    romanised = name_origin in _SLAVIC and may_be_romanised(key) and not _english_word(key, data) and \
        not (given and given_name_gender(key) and key in pronunciations())
    if romanised and (origin == ROMANCE or origin not in data.origin_spelling):  # Boyko's -o is Ukrainian
        if name_origin == RUSSIAN and not given:  # a given name not listed is Ukrainian's: Каміла, Мілла
            return data.romanised_russian.rewrite(key), data.russian_romanisation_name, RUSSIAN
        return data.romanised.rewrite(key), data.romanisation_name, SLAVIC  # ... but "Ivan Rakitić": the ć is Croatian
    if origin == ROMANCE and name_origin not in (None, ROMANCE) or origin in _LETTERS_SHARED_WITH.get(name_origin, ()):
        origin = name_origin  # "Giorgio" in "Giorgio Chiellini" is Italian, not just Romance; Söyüncü is Turkish
    elif origin is None and (last or key not in pronunciations() or stated_given_name):
        origin = name_origin
    read = data.origin_spelling[origin].rewrite(accented) if origin in data.origin_spelling else None
    if read is not None:  # romance among them: a word ending in -o, read as spelt
        return _fixed(read, data), SPELLING, origin
    return *_pronounced_or_spelt(key, data), None


def _english_word(key: str, data: LanguageData) -> bool:
    """An English word of five letters or more the pronouncing dictionary says, no given name of the census or of
    the Slavic table (a short one may be a romanised syllable: Ye, Kanye West's new name, is Є)."""
    return len(key) >= 5 and key in ENGLISH_WORDS and key in pronunciations() and key not in data.given_names and \
        given_name_gender(key) is None


def _a_given_name_there(accented: str, data: LanguageData, origin: str | None, key: str) -> bool:
    """The word read by `origin`'s letter rules is a given name the language's dictionary knows (of the sex the
    census gives the word): "Lionel" read as Spanish is Ліонель; "Jon" read as Spanish is no known Хон."""
    read = _read_by(accented, origin, data)
    return read is not None and attested_given_name(read, data.code, given_name_gender(key))


def _read_by(word: str, origin: str | None, data: LanguageData) -> str | None:
    """`word` (lower case) as `origin`'s letter rules read it, the language's spelling fixes made; None where the
    origin has no rules or they cover not every letter."""
    table = data.origin_spelling.get(origin)
    read = table.rewrite(word) if table is not None else None
    return None if read is None else _fixed(read, data)


def _fixed(form: str, data: LanguageData) -> str:
    """A letter rules' form with the language's `spelling_fixes` made (Муньіс -> Муньїс), apostrophised."""
    for wrong, right in data.spelling_fixes:
        form = form.replace(wrong, right)
    return _apostrophised(form, data)


def _apostrophised(form: str, data: LanguageData) -> str:
    """A soft sign before я, ю, є or ї after a consonant the language writes none after, written as the language
    writes the y-sound there (`no_soft_sign_after`: Марьям -> Марʼям, Меркьєрі -> Меркʼєрі)."""
    if not data.no_soft_sign_after:
        return form
    return re.sub(f"(?<=[{data.no_soft_sign_after}])ь(?=[яюєї])", "ʼ", form)


def _other_readings(accented: str, form: str, data: LanguageData, pronounced: bool) -> tuple[str, ...]:
    """The word as each origin of `data.dictionary_readings` spells it out, where that differs from `form`; where
    `form` is the word's pronunciation (the pronouncing dictionary's), not a reading that drops an h it pronounces
    (Rahul, said with its h, is no Spanish Рауль; Hirving, which that dictionary lacks, may be the Spanish Ірвінг)."""
    readings = (data.origin_spelling[origin].rewrite(accented) for origin in data.dictionary_readings
                if origin in data.origin_spelling)
    least_h = _h_sounds(form, data) if pronounced else 0
    return tuple(dict.fromkeys(reading for reading in readings if reading and reading != form
                               and _h_sounds(reading, data) >= least_h))


def _h_sounds(form: str, data: LanguageData) -> int:
    return sum(char in data.h_letters for char in form.lower())


def _prefixed(key: str, data: LanguageData) -> tuple[str | None, str] | None:
    """McConnell -> мак + коннелл: a listed surname prefix, then the rest on its own; None without one."""
    for prefix, form, capital in data.prefixes:
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            rest, source = _pronounced_or_spelt(key[len(prefix):], data)
            if rest is None:
                return None, source
            return form + (rest[:1].upper() + rest[1:] if capital else rest), source
    return None


def _pronounced_or_spelt(key: str, data: LanguageData) -> tuple[str | None, str]:
    pronounced = transcribe(key, data.code)
    if pronounced is not None:
        return _apostrophised(pronounced, data), CMUDICT  # its own ай before a vowel stays: Брайан
    spelt = data.spelling.rewrite(key)
    return (None if spelt is None else _fixed(spelt, data)), SPELLING


def _cased(form: str, word: str) -> str:
    """The form with the word's initial capital ("von" stays lower case, "Trump" -> "Трамп"), or all in capitals
    where the word is (an acronym, "PSV" -> "ПСВ", "CSKA" -> "ЦСКА"; a headline's "TRUMP" -> "ТРАМП")."""
    if word.isupper() and word.isalpha() and len(word) > 1:  # not initials: "J.D." is "Дж. Д."
        return form.upper()
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


def certainty_order(language: str) -> list[str]:
    """The sources of a rendering, the most certain first."""
    data = language_data(language)
    return list(dict.fromkeys([ESTABLISHED, data.romanisation_name, data.russian_romanisation_name, ATTESTED, PINYIN,
                               WADE_GILES, HEPBURN, KONTSEVYCH, QUOC_NGU, CMUDICT, SPELLING]))


def least_certain(sources: list[str], language: str) -> str:
    """Of the sources of a name's words, the one that makes the name's rendering least certain."""
    order = certainty_order(language)
    return max(sources, key=lambda source: order.index(source) if source in order else len(order)) if sources \
        else ESTABLISHED


def sex_marked(surname: str, language: str) -> bool:
    """The surname's form depends on its bearer's sex (`_as_a_woman_bears_it`: a man's Мурковський, a woman's
    Мурковскі), so two people's forms of it may rightly differ."""
    return language_data(language).womans_foreign_surname is not None and \
        fold(surname).endswith(("ski", "cki", "sky", "zki"))
