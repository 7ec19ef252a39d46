"""People's names declined in a target language, and a model's forms of them checked: pymorphy3 underneath.

    declines(language) -> bool                               (a dictionary for the language is installed)
    person_gender(source, rendering, language) -> "f" | "m"     ("m" for a name written surname first: "Kim Jong Un")
    club_gender(rendering, language) -> "f" | "m" | None     (a club's name: None where it does not decline)
    decline_name(rendering, case, gender, language, surname_first=False) -> str
                                                      ("Дональд Трамп", "ablt", "m" -> "Дональдом Трампом")
    family_form(surname, case, language) -> str       (a family by its surname in the plural: "Обама", "ablt" ->
                                                      "Обамами", for "the Obamas")
    find_name_form(text, rendering, gender, language) -> (start, end) | None   (a form of the name in the text)
    governed_case(before, language, person=True, after="", role=NO_ROLE) -> str
                                                      (the case the words around a name demand, and what the source
                                                      says of its part: SourceRole(agent, recipient, object, from_or_of))
    a_noun_follows(after, language) -> bool           (a common noun right after a name: "Віткофф команда")
    a_noun_before(before, language) -> bool           (a common noun right before it: "адвокат Трампа")

Ukrainian declines names: a nominative pasted into "зустрівся з [1]" is a grammar error. A man's names decline
(Дональда Трампа); a woman's given name or surname ending in a consonant or in -о does not (Елізабет Воррен,
Оксана Шевченко), one ending in -а/-я does (Оксани Стефанишиної). The analyser's first reading of a name is
often not a person ("Гнатов" an indeclinable abbreviation, "Кір" bark): the reading is chosen from what the
caller knows (a person, the gender), and where the dictionary has no person reading, a model name with the same
ending lends its paradigm (`data/<language>_models.txt`). The case comes from the words around the name
(`government.py`).

The dictionary is an optional extra (`target_names/dictionary.py`): without it `declines()` is False and callers
keep the nominative.
"""

from __future__ import annotations

import os
from functools import lru_cache

from babelwire.translation.lexicon.wordlists import load
from babelwire.translation.protection.name_order import surname_first
from babelwire.translation.protection.name_types import given_name_gender
from babelwire.translation.target_names.dictionary import analyzer as _analyzer, plain_apostrophe
from babelwire.translation.target_names.rendering.languages import fold, has_data, language_data
from babelwire.translation.target_names.rendering.words import a_mans_given_name
from babelwire.translation.target_names.declension.government import (NO_ROLE, SourceRole, a_noun_before,
                                                                     a_noun_follows, governed_case)
from babelwire.translation.target_names.declension.tables import CASES, NOMINATIVE, WORD as _WORD, rows as _rows

__all__ = ["CASES", "NOMINATIVE", "NO_ROLE", "SourceRole", "a_noun_before", "a_noun_follows", "club_gender",
           "decline_name", "declines", "family_form", "find_name_form", "forms_of", "governed_case", "person_gender"]

_VOWEL_ENDINGS = {"uk": ("а", "я")}
_STEM_FINALS = {"uk": "аеєиіїоуюяйь"}  # letters a name's stem drops before a case ending
_VOWELS = {"uk": "аеєиіїоуюя"}  # a club's name ending in one but -а/-я is foreign and does not decline
_GENITIVE = "gent"
_FOREIGN_FINAL_O = {"uk": ("о",)}


def declines(language: str) -> bool:
    return _analyzer(language) is not None


def person_gender(source: str, rendering: str, language: str) -> str:
    """"f" or "m": the census's word on the source given name (a man's where the census's woman's name is a man's in
    the language the name is read in: `rendering.words.a_mans_given_name`), else the dictionary's on the rendered
    one, else its ending (-а/-я: a woman's name in Ukrainian), else the surname's feminine ending; "m" where nothing
    tells."""
    source_words, words = source.split(), rendering.split()
    if surname_first(source):  # "Kim Jong Un": no given name opens it
        return "m"
    if len(source_words) > 1 and (sex := given_name_gender(source_words[0])):
        return "m" if sex == "f" and a_mans_given_name(source, language) else sex  # Valery Gerasimov: Валерій
    analyzer = _analyzer(language)
    if len(words) > 1 and analyzer is not None:
        # as the given name's own nominative: "Ево" is no vocative of the woman's Ева; a compound given name by its
        # first part (Жан-Люк a man's, Марі-Агнес a woman's: the census has neither, and its Jean is a woman's)
        given = words[0].lower().split("-")[0]
        # a guess by analogy counts for a name ending in a vowel (Кемі, Аннемарі), as foreign women's do, not for one
        # ending in a consonant, which Ukrainian women's names hardly do (Аджит, Еган were guessed women's)
        vowel_final = given[-1:] in _VOWELS.get(language, "")
        genders = {_gender_letter(p.tag.gender) for p in analyzer.parse(given)
                   if "Name" in p.tag and "nomn" in p.tag and p.normal_form == given and (p.is_known or vowel_final)}
        if len(genders) == 1 and None not in genders:
            return genders.pop()
    first = words[0].lower() if len(words) > 1 else ""
    if first.endswith(_VOWEL_ENDINGS.get(language, ())) and not (first[-1:] == "а" and first[-2:-1] in
                                                                  _VOWELS.get(language, "")):
        return "f"  # -а/-я, a woman's name in Ukrainian (Ізкія); not a foreign -а after a vowel (Мутіа, Йошуа)
    return "f" if words and _feminine_surname(words[-1].lower(), language) else "m"


def club_gender(rendering: str, language: str) -> str | None:
    """The gender a club's established name declines by, as a noun: one word ending in -а/-я is feminine
    ("Баварії"), one ending in a consonant masculine ("Селтіка", "Ювентуса"); None for a name that does not
    decline: a foreign ending in another vowel ("Лаціо", "Наполі", "Порту"), an acronym ("ПСЖ"), or several
    words, which Ukrainian sports media mostly leave as they are ("з «Манчестер Юнайтед»") and a person's
    paradigm gets wrong ("Парі Сена-Жермена", "Динамо Київа")."""
    if " " in rendering or "-" in rendering or rendering.isupper():  # several words, or an acronym ("ПСЖ")
        return None
    lower = rendering.lower()
    if lower.endswith(_VOWEL_ENDINGS.get(language, ())):
        return "f"
    return None if lower[-1:] in _VOWELS.get(language, "") or not lower[-1:].isalpha() else "m"


def decline_name(rendering: str, case: str, gender: str, language: str, surname_first: bool = False,
                 source: str = "", slavic: bool | None = None) -> str:
    """`rendering` (nominative, words separated by spaces) in `case`; unchanged where the language's dictionary
    is not installed, the case is the nominative, or the name does not decline. A name written surname first
    declines its surname and the last word of its given name ("з Кімом Чен Ином", "Муна Чже Іна"). `source`: the
    Latin name, word for word, which tells a final vowel its spelling does not write (`_unwritten_final_vowels`).
    `slavic`: whether the person's name reads as Slavic (`rendering.words.read_as_slavic`); a surname of a name that
    does not, ending as Russian surnames do, declines as a noun ("з Ллойдом Остіном", "Шейх Хасіни"), not as Путін
    or Іванова (Путіним, Іванової) where the dictionary only guesses it."""
    if case == NOMINATIVE or not declines(language):
        return rendering
    words = rendering.split(" ")
    headline = len(words) > 1 and all(word.isupper() for word in words)  # "ДЖОН СМІТ": no acronyms, a headline's
    if surname_first and len(words) > 2:
        return " ".join([_decline_word(words[0], case, gender, language, True, headline), *words[1:-1],
                         _decline_word(words[-1], case, gender, language, False, headline, foreign=True)])
    kept = _letters_spelt(words[:-1], language) | _inner_particles(words, language) | \
        _foreign_surname_in_o(words, slavic, language) | \
        _unwritten_final_vowels(source.split(" "), words, language) | _foreign_given_names_in_o(words[:-1], gender,
                                                                                                language)
    last = len(words) - 1
    has_surname = last > 0 and not _opens_with_a_title(source)  # "Патріарх Кирило": no surname, Кирила
    # a given name takes no Russian surname's paradigm either (Анутіном, was Анутіним)
    return " ".join(word if i in kept else _decline_word(word, case, gender, language, i == last and has_surname,
                                                         headline, foreign=slavic is False or i < last)
                    for i, word in enumerate(words))


def family_form(surname: str, case: str, language: str) -> str:
    """A family named by its surname in the plural ("the Obamas", "the Clintons"), in `case`: Обами, з Обамами, у
    Клінтонів (`data/<language>_family_plurals.txt`, a table of endings: the dictionary has no plural of most
    foreign surnames); the surname as it is where no row fits its ending (Кеннеді, Кастро)."""
    for ending, *cells in _rows(language, "family_plurals"):
        stem = _stem_before(surname, ending, language)
        if stem is not None:
            cell = cells[CASES.index(case)]
            cell = "" if cell == "-" else cell
            return stem + (cell.upper() if surname.isupper() else cell)  # "ОБАМИ" in a headline in capitals
    return surname


def _stem_before(surname: str, ending: str, language: str) -> str | None:
    """What of `surname` stays before a family-plural row's `ending` (`*`: any final consonant letter, which stays);
    None where the surname does not end so."""
    last = surname[-1:].lower()
    if ending == "*":
        return surname if last.isalpha() and last not in _STEM_FINALS.get(language, "") else None
    return surname[: len(surname) - len(ending)] if surname.lower().endswith(ending) else None


def _foreign_surname_in_o(words: list[str], slavic: bool | None, language: str) -> set[int]:
    """The surname's index where it ends in -о and the name does not read as Slavic: a foreign surname in -о does not
    decline (Український правопис 2019, § 40: Гюго, Пікассо), "з Кастро", "з Усманом Сонко", "з Гельмутом Марко",
    where the paradigm of Петренко wrote Сонком, Марком; a Ukrainian one does (з Петром Порошенком)."""
    return {len(words) - 1} if slavic is False and words[-1].lower().endswith(_FOREIGN_FINAL_O.get(language, ())) \
        else set()


def _opens_with_a_title(source: str) -> bool:
    """The Latin name opens with a title ("Patriarch Kirill", "Sheikh Hasina": the lexicon's titles), after which
    the name is a given name, not a surname."""
    words = source.split()
    return len(words) > 1 and words[0].lower() in load("babelwire.translation.lexicon", "titles").words


def _unwritten_final_vowels(source: list[str], words: list[str], language: str) -> set[int]:
    """The indices of words ending in -а or -я where the Latin word ends in a consonant letter its language does not
    say: French's final stressed vowel, which never declines ("з Ніколя Саркозі", not Ніколею).
    An Arabic final -ah is said and declines as -а does (Абдалли II, Насралли)."""
    if len(source) != len(words):
        return set()
    endings = _VOWEL_ENDINGS.get(language, ())
    return {i for i, (latin, word) in enumerate(zip(source, words))  # an accented vowel is a vowel: Čaputová
            if word.lower().endswith(endings) and latin[-1:].isalpha() and fold(latin[-1:]) not in "aeiouyh"}


def _foreign_given_names_in_o(given: list[str], gender: str, language: str) -> set[int]:
    """The indices of given names in -о the dictionary does not know, foreign names that do not decline as Густаво,
    Бруно, Міло do not ("з Франческо Тотті", "Джоко Відодо"; not the surnames' Петренко paradigm: Франческа); Марко,
    Петро, Дмитро are Ukrainian names and decline."""
    return {i for i, word in enumerate(given) if word.lower().endswith("о") and
            _person_reading(plain_apostrophe(word.lower()), gender, language, False) is None}


def _inner_particles(words: list[str], language: str) -> set[int]:
    """The indices of particles inside a name, which never decline: "Мухаммеда бін Салмана", "Лули да Сілви",
    "Таміма бін Хамада Аль Тані" (a capitalised Аль inside the name is the ruling family's Āl; opening a name it is
    a given name: Al Pacino)."""
    particles = _particle_forms(language)
    return {i for i, word in enumerate(words[:-1]) if i > 0 and word.lower() in particles}


@lru_cache(maxsize=8)
def _particle_forms(language: str) -> frozenset[str]:
    """The target forms of the name particles the renderer writes (фон, да, бін, аль, and аш of "аш-Шараа")."""
    if not has_data(language):
        return frozenset()
    data = language_data(language)
    assimilated = {form for forms in data.particle_assimilation.values() for form in forms.values()}
    return frozenset(data.particles.values()) | assimilated


def _letters_spelt(given: list[str], language: str) -> set[int]:
    """The indices of given names that are letters said one by one, two or more together ("Джей Ді Венса", "Ей Джея
    Брауна" is no Ukrainian: a letter's name does not decline; a given name Jay alone does, Джея Гетсбі)."""
    names = _letter_names(language)
    return {i for i, word in enumerate(given) if word in names and
            (i > 0 and given[i - 1] in names or i + 1 < len(given) and given[i + 1] in names)}


@lru_cache(maxsize=None)
def _letter_names(language: str) -> frozenset[str]:
    """The language's names of the English letters (Джей, Ді), read once per language, not per declined name."""
    return frozenset(language_data(language).letter_names.values()) if has_data(language) else frozenset()


@lru_cache(maxsize=8192)
def forms_of(word: str, gender: str, language: str, surname: bool = False) -> frozenset[str]:
    """Every case form of one word of a name, lower case (the nominative included)."""
    return frozenset(_decline_word(word, case, gender, language, surname).lower() for case in CASES)


def find_name_form(text: str, rendering: str, gender: str, language: str) -> tuple[int, int] | None:
    """Where in `text` the name stands in some case form: its words in a row, each a form of the rendering's
    word (the man's or woman's paradigm, by `gender`, or the word's own dictionary lemma). None if nowhere."""
    words = rendering.split()
    wanted = [frozenset({word[:-1].lower()}) if _is_initial(word) else
              _accepted_forms(word, gender, language, i == len(words) - 1 and len(words) > 1)
              for i, word in enumerate(words)]
    found = list(_WORD.finditer(text))
    for i in range(len(found) - len(words) + 1):
        window = found[i : i + len(words)]
        if all(_is_form(match.group(), forms, language) for match, forms in zip(window, wanted)) and \
                all(_between_words(text[a.end() : b.start()], _is_initial(word))
                    for a, b, word in zip(window, window[1:], words)):
            return window[0].start(), window[-1].end()
    return None


def _is_initial(word: str) -> bool:
    """"Ф.", "Дж.": an initial, which never declines; the text writes its full stop outside the matched word."""
    return word.endswith(".") and len(word) <= 3 and word[:-1].isalpha()


def _between_words(gap: str, after_initial: bool) -> bool:
    return (gap[1:] if after_initial and gap.startswith(".") else gap).isspace()


_ADJECTIVE_ENDINGS = ("ий", "ій", "ой", "а", "я")
# Russian surnames' possessive endings, declined in part as adjectives (Путіним, Іванової); another language's
# surname ending so declines as a noun (Дарвіном, Хасіни): Український правопис 2019, § 40
_RUSSIAN_SURNAME_ENDINGS = {"m": ("ов", "ев", "єв", "ін", "ин", "їн"), "f": ("ова", "ева", "єва", "іна", "ина", "їна")}
_ADJECTIVE_SURNAME_SUFFIXES = ("ська", "цька", "зька", *_RUSSIAN_SURNAME_ENDINGS["f"])
_LONGEST_ACRONYM = 4  # a word in capitals no longer than this is an acronym; a longer one a headline's ("ТРАМПА")


def _decline_word(word: str, case: str, gender: str, language: str, surname: bool, headline: bool = False,
                  foreign: bool = False) -> str:
    """One word of a name in `case`; `headline`: the whole name is in capitals, so a short word is no acronym;
    `foreign`: a word that takes no Russian surname's paradigm the dictionary guesses: a given name, or a surname of
    a name not Slavic."""
    if case == NOMINATIVE:
        return word
    if word.split("-")[-1].lower() in _indeclinable(language):  # "на Волл-стріт"
        return word
    if word.isupper() and len(word) <= _LONGEST_ACRONYM and not headline:  # "проти ЦСКА", "з ПСВ": an acronym
        return word
    if "-" in word:  # "Римського-Корсакова": each part declines, but a particle ("Башара аль-Асада")
        return "-".join(part if part.islower() and part in _particle_forms(language) else
                        _decline_word(part, case, gender, language, surname, headline, foreign)
                        for part in word.split("-"))
    lower = word.lower()
    if lower[-1:] == "а" and lower[-2:-1] in _VOWELS.get(language, ""):  # "аш-Шараа", "Андреа": a foreign -а after
        return word  # a vowel is no case ending, and such a name is written as it is ("з Андреа Пірло")
    if gender == "f" and not lower.endswith(_VOWEL_ENDINGS.get(language, ())):
        return word  # "Елізабет Воррен", "Оксана Шевченко": a woman's name not ending in -а/-я stays as it is
    parse = _person_reading(plain_apostrophe(lower), gender, language, surname, foreign)  # the dictionary's apostrophe
    form = _inflected(parse, case) if parse is not None else None
    if form is not None:
        return _cased(form.word.replace("'", "ʼ") if "ʼ" in lower else form.word, word)
    return _cased(_by_model(lower, case, gender, language, foreign) or lower, word)


def _inflected(parse, case: str):
    """The parse in `case`; of a man's name's two datives the one in -у/-ю, as news writes it ("Трампу", not the
    equally correct "Трампові")."""
    form = parse.inflect({case})
    if form is None or case != "datv":
        return form
    datives = [other for other in parse.lexeme if other.tag.case == "datv" and other.tag.number == form.tag.number
               and other.tag.gender == form.tag.gender]  # an adjective's lexeme has every gender: Ціханоуській
    return next((other for other in datives if other.word.endswith(("у", "ю"))), form)


def _person_reading(lower: str, gender: str, language: str, surname: bool, foreign: bool = False):
    """The dictionary's reading of a word as a person's name of `gender`, nominative (a surname reading first for
    the last word, a given name's for the others; an adjective's for "-ський"); None where it has none. `foreign`:
    a guessed reading of a Russian surname's ending is none (Остін is no Путін: Остіним)."""
    analyzer = _analyzer(language)
    if analyzer is None:
        return None
    wanted = {"m": "masc", "f": "femn"}[gender]
    role = "Surn" if surname else "Name"
    readings = [p for p in analyzer.parse(lower) if "nomn" in p.tag and p.tag.gender == wanted
                and "Fixd" not in p.tag and "plur" not in p.tag and p.word == lower
                and (p.is_known or not foreign or not lower.endswith(_RUSSIAN_SURNAME_ENDINGS[gender]))]
    people = [p for p in readings if p.tag.POS == "NOUN" and ("anim" in p.tag or role in p.tag)]
    if not surname:  # a given name declines as a given name: Keith's Кіт is Кіта, not the cat's (or surname's) Кота,
        people = [p for p in people if "Name" in p.tag or _keeps_its_stem(p, lower) and not _adjectival(p)]  # nor
        # a guessed surname's adjective-like paradigm (Нірмалої, Анутіним, Міним were Nirmala's, Anutin's, Min's)
    elif lower.endswith("о"):  # a surname in -о declines as a surname (Франка) or not at all: Gustavo Petro's Петро
        people = [p for p in people if "Surn" in p.tag]  # is no Ukrainian given name (Густаво Петро, not Петра)
    if surname and foreign:  # a foreign surname keeps its vowels: Toby Keith's Кіт is Кіта, not the Ukrainian Кота
        people = [p for p in people if _keeps_its_stem(p, lower)]
    ranked = sorted(people, key=lambda p: (role not in p.tag, "Surn" not in p.tag and "Name" not in p.tag))
    if ranked:
        return ranked[0]
    # an adjective's reading for a surname with a full adjective's ending (Зеленський, Навальна), never for a short
    # one the analyser guesses ("Інгебрігтсен" was declined Інгебрігтсного, "Авен" Авного), nor for a woman's in -а
    # the dictionary does not know but by a surname's adjective suffix ("Кракога" was Кракогої; Тихановська)
    adjectives = [p for p in readings if p.tag.POS == "ADJF" and lower.endswith(_ADJECTIVE_ENDINGS)
                  and (p.is_known or not lower.endswith(("а", "я")) or lower.endswith(_ADJECTIVE_SURNAME_SUFFIXES))]
    return adjectives[0] if surname and adjectives else None


def _adjectival(parse) -> bool:
    """The reading declines as an adjective or a Russian possessive surname does (Малої, Путіним), which no given
    name does."""
    genitive, instrumental = parse.inflect({_GENITIVE}), parse.inflect({"ablt"})
    return genitive is not None and genitive.word.endswith(("ої", "ого", "ього")) or \
        instrumental is not None and instrumental.word.endswith(("им", "ім"))


def _keeps_its_stem(parse, lower: str) -> bool:
    """The reading's genitive keeps the word's letters but for a final vowel, й or ь (Тіма, Кіра), where a noun's
    vowel may change in the stem (кіт -> кота, лід -> льоду)."""
    form = parse.inflect({_GENITIVE})
    return form is not None and len(os.path.commonprefix([lower, form.word])) >= len(lower) - 1


def _by_model(lower: str, case: str, gender: str, language: str, foreign: bool = False) -> str | None:
    """The form of a word the dictionary has no person reading of, by the paradigm of a model name with the
    same ending (the longest ending that matches); `foreign`: by no Russian surname's model (Остін as Байден)."""
    for ending, model in _models(language, gender):
        if foreign and ending in _RUSSIAN_SURNAME_ENDINGS[gender]:
            continue
        # a word that is its ending whole takes the model's change where that is all vowels (Яя as Марія: Яї)
        if lower.endswith(ending) and (len(lower) > len(ending) or set(ending) <= set(_VOWELS.get(language, ""))):
            parse = _person_reading(model, gender, language, True) or _person_reading(model, gender, language, False)
            form = _inflected(parse, case) if parse is not None else None
            if form is None:
                return None
            kept = len(os.path.commonprefix([model, form.word]))  # what the case leaves of the model as it is
            if kept < len(model) - len(ending):
                return None  # the model's stem changes ("Кравець" -> "Кравця"): no safe analogy
            # The model's change, made to the word: the letters the case replaces at the model's end go, its new
            # ending comes (Трамп -> Трампа: Стріт -> Стріта; Іванова -> Іванової: Кудрєва -> Кудрєвої). A model
            # lends its paradigm to a related ending too (Соловйов for -ев), so the change is the model's own.
            return lower[: len(lower) - (len(model) - kept)] + form.word[kept:]
    return None


def _accepted_forms(word: str, gender: str, language: str, surname: bool) -> frozenset[str]:
    """The forms accepted for one word: both paradigms (a model may read the gender otherwise than we do), their
    apostrophe written as the dictionary and most keyboards write it (П'єра for Пʼєра)."""
    forms = forms_of(word, gender, language, surname) | forms_of(word, "m" if gender == "f" else "f", language, surname)
    return frozenset(plain_apostrophe(form) for form in forms)


def _is_form(candidate: str, forms: frozenset[str], language: str) -> bool:
    """A form we would write, a word whose dictionary lemma is one of the rendering's forms, or the rendering's
    stem with a case ending (`data/<language>_endings.txt`)."""
    lower = plain_apostrophe(candidate.lower())
    if lower in forms or _stem_and_ending(lower, forms, language):
        return True
    analyzer = _analyzer(language)
    return analyzer is not None and candidate[:1].isupper() and any(
        p.normal_form in forms and p.tag.POS in ("NOUN", "ADJF") for p in analyzer.parse(lower))


def _stem_and_ending(lower: str, forms: frozenset[str], language: str) -> bool:
    """Is `lower` the stem of the rendering's nominative (the shortest of `forms`' words that start it) followed by
    a case ending? The stem is the nominative less a final vowel, й or ь (less -ий/-ій of an adjective)."""
    endings = _endings(language)
    for form in forms:
        stem = _stem(form, language)
        if len(stem) >= 3 and lower.startswith(stem) and lower[len(stem):] in endings:
            return True
    return False


def _stem(word: str, language: str) -> str:
    if word.endswith(("ий", "ій", "ой")):
        return word[:-2]
    return word[:-1] if word[-1:] in _STEM_FINALS.get(language, "") else word


def _feminine_surname(lower: str, language: str) -> bool:
    """A surname only a woman bears (-ова, -іна, -ська), by the endings the women's models have and the men's do not
    (Шульга's -га, Ісая's -ая are either's)."""
    mens = {ending for ending, _ in _models(language, "m")}
    return any(lower.endswith(ending) for ending, _ in _models(language, "f") if len(ending) > 1 and ending not in mens)


def _gender_letter(gender: str | None) -> str | None:
    return {"masc": "m", "femn": "f"}.get(gender or "")


def _cased(form: str, like: str) -> str:
    """`form` (lower case) written with the capitals of `like`: all, or each letter the case leaves where it stands
    (the stem's: "ОʼБраєном", "МакГрегора", not "Оʼбраєном")."""
    if like.isupper() and len(like) > 1:
        return form.upper()
    return "".join(letter.upper() if index < len(like) and like[index].isupper() else letter
                   for index, letter in enumerate(form))


@lru_cache(maxsize=8)
def _indeclinable(language: str) -> frozenset[str]:
    return frozenset(row[0] for row in _rows(language, "indeclinable"))


@lru_cache(maxsize=8)
def _endings(language: str) -> frozenset[str]:
    return frozenset(row[0] for row in _rows(language, "endings")) | {""}


@lru_cache(maxsize=16)
def _models(language: str, gender: str) -> tuple[tuple[str, str], ...]:
    rows = _rows(language, "models")
    chosen = [(ending, model.lower()) for ending, sex, model in rows if sex == gender]
    return tuple(sorted(chosen, key=lambda row: len(row[0]), reverse=True))
