"""People's names declined in a target language, and a model's forms of them checked: pymorphy3 underneath.

    declines(language) -> bool                               (a dictionary for the language is installed)
    person_gender(source, rendering, language) -> "f" | "m"     ("m" for a name written surname first: "Kim Jong Un")
    club_gender(rendering, language) -> "f" | "m" | None     (a club's name: None where it does not decline)
    decline_name(rendering, case, gender, language, surname_first=False) -> str
                                                      ("Дональд Трамп", "ablt", "m" -> "Дональдом Трампом")
    find_name_form(text, rendering, gender, language) -> (start, end) | None   (a form of the name in the text)
    governed_case(before, language, person=True, agent=False, after="") -> str   (the case the words around a name
                                                                                   demand)

Ukrainian declines names: a nominative pasted into "зустрівся з [1]" is a grammar error. A man's names decline
(Дональда Трампа); a woman's given name or surname ending in a consonant or in -о does not (Елізабет Воррен,
Оксана Шевченко), one ending in -а/-я does (Оксани Стефанишиної). The analyser's first reading of a name is
often not a person ("Гнатов" an indeclinable abbreviation, "Кір" bark): the reading is chosen from what the
caller knows (a person, the gender), and where the dictionary has no person reading, a model name with the same
ending lends its paradigm (`data/<language>_models.txt`). The case comes from the word or two before the name
(`data/<language>_governing.txt`), else from a verb right before it whose object takes one case
(`data/<language>_verbs_governing.txt`, any form of the verb; a verb of giving past its object: "передав пас
назад Ковачичу") or an adjective agreeing with it, else from a common noun right before it (apposition to a
title, the genitive after any other noun;
`data/<language>_nouns_deciding_nothing.txt` lists the exceptions), else from the name it is joined to by "і"/"та"
(its form, or the words before it), else from an impersonal predicate right after the name ("Холту вдалося",
`data/<language>_predicates_after.txt`); the nominative where none decides.

The dictionary is an optional extra (`target_names/dictionary.py`): without it `declines()` is False and callers
keep the nominative.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from babelwire.translation.protection.name_order import surname_first
from babelwire.translation.protection.name_types import given_name_gender
from babelwire.translation.target_names.dictionary import analyzer as _analyzer, plain_apostrophe
from babelwire.translation.target_names.rendering.languages import has_data, language_data
from babelwire.translation.lexicon.wordlists import load_table

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NOMINATIVE = "nomn"
_LETTERS = r"[^\W\d_]"
_WORD = re.compile(rf"{_LETTERS}+(?:['’ʼ-]{_LETTERS}+)*")
_VOWEL_ENDINGS = {"uk": ("а", "я")}
_STEM_FINALS = {"uk": "аеєиіїоуюяйь"}  # letters a name's stem drops before a case ending
_VOWELS = {"uk": "аеєиіїоуюя"}  # a club's name ending in one but -а/-я is foreign and does not decline
# The last words before a name that can decide its case: "з боку [1]" needs two.
_LONGEST_GOVERNOR = 2


def declines(language: str) -> bool:
    return _analyzer(language) is not None


def person_gender(source: str, rendering: str, language: str) -> str:
    """"f" or "m": the census's word on the source given name, else the dictionary's on the rendered one, else
    its ending (-а/-я: a woman's name in Ukrainian), else the surname's feminine ending; "m" where nothing tells."""
    source_words, words = source.split(), rendering.split()
    if surname_first(source):  # "Kim Jong Un": no given name opens it
        return "m"
    if len(source_words) > 1 and (sex := given_name_gender(source_words[0])):
        return sex
    analyzer = _analyzer(language)
    if len(words) > 1 and analyzer is not None:
        given = words[0].lower()  # as the given name's own nominative: "Ево" is no vocative of the woman's Ева
        genders = {_gender_letter(p.tag.gender) for p in analyzer.parse(given)
                   if "Name" in p.tag and "nomn" in p.tag and p.normal_form == given}
        if len(genders) == 1 and None not in genders:
            return genders.pop()
    if len(words) > 1 and words[0].lower().endswith(_VOWEL_ENDINGS.get(language, ())):
        return "f"
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


def decline_name(rendering: str, case: str, gender: str, language: str, surname_first: bool = False) -> str:
    """`rendering` (nominative, words separated by spaces) in `case`; unchanged where the language's dictionary
    is not installed, the case is the nominative, or the name does not decline. A name written surname first
    declines its surname and the last word of its given name ("з Кімом Чен Ином", "Муна Чже Іна")."""
    if case == NOMINATIVE or not declines(language):
        return rendering
    words = rendering.split(" ")
    if surname_first and len(words) > 2:
        return " ".join([_decline_word(words[0], case, gender, language, True), *words[1:-1],
                         _decline_word(words[-1], case, gender, language, False)])
    spelt = _letters_spelt(words[:-1], language)
    return " ".join(word if i in spelt else _decline_word(word, case, gender, language, i == len(words) - 1 and
                                                          len(words) > 1) for i, word in enumerate(words))


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


def governed_case(before: str, language: str, person: bool = True, agent: bool = False, after: str = "") -> str:
    """The case the last words of `before` (the text right before a name) demand; the nominative if none.
    `person`: the name is a person's; a town's or a club's takes the table's case for a place where it has one
    ("у Трампа" but "у Кройдоні"), and after a title may be its complement ("голкіперу «Брайтона»"). `agent`: the
    source names the person as an agent ("replaced by Kane"), which a translation often puts after the verb as its
    subject ("його замінив Кейн"), so a verb does not make it an object. `after`: the text right after the name, whose
    predicate decides where the words before decide nothing ("Холту вдалося")."""
    words = [word.lower() for word in _WORD.findall(before[-60:])]
    table = _governing(language)
    for size in range(_LONGEST_GOVERNOR, 0, -1):
        key = " ".join(words[-size:])
        if len(words) >= size and key in table:
            for_person, for_place = table[key]
            return for_person if person else for_place
    one_person = person and not _AFTER_CONJUNCTION.search(before[-60:])
    return _by_the_word_before(before, language, agent, person) or _as_conjunct(before, language, person, agent) or \
        _after_a_title_and_its_complement(before, language) or _by_the_word_after(after, language, one_person, agent) \
        or NOMINATIVE


# what may stand between a name and the predicate after it ("Морелосу таки вдалося")
_PARTICLES = {"uk": frozenset({"таки", "не", "ж", "же", "вже", "теж", "також", "ще", "нарешті", "б", "би"})}


def _by_the_word_after(after: str, language: str, one_person: bool = True, agent: bool = False) -> str | None:
    """The case a predicate right after the name gives it (`data/<language>_predicates_after.txt`): the dative of
    an impersonal sentence's experiencer ("Холту вдалося", "Сімсу було 20 років"). `one_person`: a person's name
    joined to no other ("Галлахер і Робінсон задіяли" share a plural verb); one person before a verb that cannot
    agree with it is its object: before a plural of a verb of `data/<language>_verbs_governing.txt`
    in that verb's case ("Флейка частково переконали"), before an impersonal passive in the accusative ("Трампа
    обрано")."""
    table, particles, dictionary = _predicates_after(language), _PARTICLES.get(language, frozenset()), _analyzer(language)
    after = after[1:] if after[:1] in _QUOTE_CLOSERS else after  # "«Лівінгстону» вдалося"
    position = 0
    for word in _WORD.finditer(after[:60]):
        if not after[position : word.start()].isspace():
            return None  # a comma, a full stop: the predicate is no longer the name's
        lower, position = word.group().lower(), word.end()
        if lower in table:
            case, needs_number = table[lower]
            return case if not needs_number or re.match(r"\s+\d", after[position:]) else None
        if lower in particles:
            continue
        parses = dictionary.parse(plain_apostrophe(lower)) if dictionary is not None and lower == word.group() else []
        if parses and parses[0].tag.POS == "ADVB":
            continue  # "частково", "нарешті"
        return _object_before_its_verb(parses, language) if one_person and not agent else None
    return None


def _object_before_its_verb(parses: list, language: str) -> str | None:
    verb = next((parse for parse in parses if parse.tag.POS == "VERB"), None)
    if verb is None or parses[0].tag.POS not in _VERB_FORMS:
        return None
    if "Impe" in verb.tag:
        return "accs"
    return _after_a_verb([verb], language, agent=False) if "plur" in verb.tag else None


def _by_the_word_before(before: str, language: str, agent: bool, person: bool = True) -> str | None:
    """The case a verb, an adjective or a common noun right before the name gives it (the word read once)."""
    word = _common_word_before(before)
    dictionary = _analyzer(language)
    if word is None or dictionary is None:
        return None
    parses = dictionary.parse(plain_apostrophe(word))
    quoted = before.endswith(tuple(_QUOTE_OPENERS))  # "голкіперу «Брайтона»": a club's or a firm's name
    agent = agent or _object_pronoun_before(before[: -len(word) - 1].rstrip(), dictionary)
    return _after_a_verb(parses, language, agent) or _after_a_verbs_object(before, language, agent) or \
        _after_an_adjective(parses) or _after_a_noun(parses, language, person, quoted)


_PRONOUN_OBJECT_CASES = frozenset({"gent", "datv", "accs"})


def _object_pronoun_before(text: str, dictionary) -> bool:
    """`text` (what stands before the verb before the name) ends in a pronoun the verb takes as its object: the name
    after the verb is then its subject ("його звинуватив Трамп", "якого назвав Кім"), an agent, not an object ("що"
    is more often "that": "заявив, що звинуватив Трампа")."""
    match = re.search(rf"(?<![\w'’ʼ-])({_WORD.pattern})$", text)
    parses = dictionary.parse(plain_apostrophe(match.group(1).lower())) if match else []
    return not any(parse.tag.POS == "CONJ" for parse in parses) and \
        any(parse.tag.POS == "NPRO" and parse.tag.case in _PRONOUN_OBJECT_CASES for parse in parses)


_LONGEST_OBJECT = 3  # words between a verb and the name it gives something to ("передав пас назад Ковачичу")
_OBJECT_CASES = frozenset({"accs", "gent"})  # "передав пас", "завдала поразки"
_OBJECT_FORMS = frozenset({"NOUN", "ADJF", "NUMR"})


def _after_a_verbs_object(before: str, language: str, agent: bool) -> str | None:
    """A name after the direct object (and maybe an adverb) of a verb that gives something to someone is the
    recipient, in that verb's dative ("передав пас назад Ковачичу", "завдала другу поразку Джеррарду"); the
    words between are read as an object only where the dictionary reads each as one, or as an adverb."""
    dictionary = _analyzer(language)
    if agent or dictionary is None:
        return None
    for size in range(1, _LONGEST_OBJECT + 1):
        match = re.search(rf"(?<![\w'’ʼ-])((?:{_WORD.pattern}\s+){{{size + 1}}})$", before[-80:])
        words = match.group(1).split() if match else []
        if not words or not all(word.islower() for word in words):
            return None
        verb, *between = (dictionary.parse(plain_apostrophe(word)) for word in words)
        if _after_a_verb(verb, language, agent=False) == "datv" and all(map(_an_object_or_adverb, between)):
            return "datv"
    return None


def _an_object_or_adverb(parses: list) -> bool:
    return any(parse.tag.POS == "ADVB" or parse.tag.POS in _OBJECT_FORMS and parse.tag.case in _OBJECT_CASES
               for parse in parses)


def _after_an_adjective(parses: list) -> str | None:
    """An adjective right before a name agrees with it: the name takes its case ("лиховісного Джейсона Вольта",
    "колишньому Еліну Джонсу", "41-річного Уеста", "відомим Трампом" though "відомим" may also be a noun); after
    a passive participle the name is its agent, in the instrumental ("призначений Трампом")."""
    adjective = next((parse for parse in parses if parse.tag.POS == "ADJF"), None)
    if adjective is None or parses[0].tag.POS == "NPRO":
        return None  # "свого", "якого": a pronoun's case is its own noun's, not the name's
    if "pssv" in adjective.tag:
        return "ablt"  # a passive participle's agent: "призначений Трампом", "підписані Трампом"
    return adjective.tag.case if "plur" not in adjective.tag and adjective.tag.case in CASES else None


def _after_a_verb(parses: list, language: str, agent: bool) -> str | None:
    """A name right after a verb of `data/<language>_verbs_governing.txt`, in any of its forms, is its object
    ("застрелив Вейда", "допитавши Сімпсона", "дозволив Скотту Піттману"), unless the source names an `agent`;
    after an impersonal passive it is the agent, in the instrumental ("підписано Трампом")."""
    parses = [parse for parse in parses if parse.tag.POS in _VERB_FORMS]
    if parses and "Impe" in parses[0].tag:
        return "ablt"
    if agent:
        return None
    verbs = _verbs_governing(language)
    return next((verbs[lemma] for lemma in (_infinitive(parse.normal_form) for parse in parses) if lemma in verbs),
                None)


def _infinitive(lemma: str) -> str:
    """The dictionary gives a past gerund as its own lemma: "допитавши" -> "допитати"."""
    return lemma[: -len("вши")] + "ти" if lemma.endswith("вши") else lemma


# the word before a name, and the opening quote mark Ukrainian sets around a club's or a firm's name ("у складі
# «Лівінгстона»", "оборону «Брайтона»")
_QUOTE_OPENERS = "«\"“„"
_QUOTE_CLOSERS = "»\"”"
_LAST_WORD = re.compile(rf"({_WORD.pattern})\s+[{_QUOTE_OPENERS}]?$")
_OPENERS = ".!?:;«\"“„—–-"  # what may stand before a sentence's first word ("Удар Менги", "— Команда Холта")
_PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})  # a capitalised proper noun decides nothing
_VERB_FORMS = frozenset({"VERB", "INFN", "GRND"})
_AFTER_CONJUNCTION = re.compile(rf"(\w+)[»\"”]?\s+(?:і|й|та|чи|або)\s+[«\"“„]?$")


def _common_word_before(before: str) -> str | None:
    """The word right before the name (nothing but a space between them), lower case, where it may be a common
    word: written in lower case, or capitalised only because it opens the sentence ("Удар Менги")."""
    window = before[-60:]
    match = _LAST_WORD.search(window)
    if match is None:
        return None
    word = match.group(1)
    opens_sentence = not before[: len(before) - len(window) + match.start()].rstrip()[-1:].strip(_OPENERS)
    return word.lower() if word[:1].islower() or opens_sentence else None


# A role noun, then what it is the role of, in the genitive (the capitalised name of its place or club, maybe in quote
# marks, or common words), right before the name: "воротаря «Ліверпуля» Аліссона Беккера", "сенатором Аризони
# Джеффом Флейком", "з міністром енергетики США Ріком Перрі".
_COMPLEMENT_WORD = rf"[«\"“„]?{_WORD.pattern}[»\"”]?"
_TITLE_AND_COMPLEMENT = [re.compile(rf"(?<![\w«\"“„])({_WORD.pattern})((?:\s+{_COMPLEMENT_WORD}){{{size}}})\s+$")
                         for size in (1, 2, 3)]


def _after_a_title_and_its_complement(before: str, language: str) -> str | None:
    """The name stands in apposition to a person's title or role that its complement in the genitive (the title's
    town, country or club, its portfolio) separates from it, in the title's case; None where no title stands so close
    (the nearest is tried first: "прихильники президента США Дональда Трампа" is the president's apposition)."""
    dictionary = _analyzer(language)
    if dictionary is None:
        return None
    for pattern in _TITLE_AND_COMPLEMENT:
        match = pattern.search(before[-80:])
        if match is None or not match.group(1)[:1].islower() or not _genitive_complement(match.group(2), dictionary):
            continue
        parses = dictionary.parse(plain_apostrophe(match.group(1)))
        title = parses[0].tag
        # an apposition, not "gent"; a plural ("енергетики", read as engineers) is no title of one person
        case = _after_a_noun(parses, language) if "anim" in title and "plur" not in title else None
        if case is not None:
            return case
    return None


def _genitive_complement(words: str, dictionary) -> bool:
    """Capitalised words (a place's, a club's name: their case is not read) or common words in the genitive, ending in
    a capitalised one ("енергетики США", "«Ліверпуля»"; not "у понеділок")."""
    found = [word.strip("«»\"“„”") for word in words.split()]
    if not found[-1][:1].isupper():
        return False
    return all(word[:1].isupper() or any(parse.tag.case == "gent" for parse in dictionary.parse(plain_apostrophe(word)))
               for word in found)


def _as_conjunct(before: str, language: str, person: bool = True, agent: bool = False) -> str | None:
    """The case of the name joined to the one before it by "і", "та", "чи": "між Сімсом і Сімпсоном", "заяву Кіма
    та Дональда Трампа". The first name's form tells the case where the dictionary knows its word; else the words
    before the first name decide for both ("між" Сімсом і Сімпсоном, "заяву" Кіма Чен Ина та Дональда Трампа)."""
    match = _AFTER_CONJUNCTION.search(before[-60:])
    dictionary = _analyzer(language)
    if match is None or dictionary is None or not match.group(1)[:1].isupper():
        return None
    word = plain_apostrophe(match.group(1)).lower()
    if dictionary.word_is_known(word):
        parse = dictionary.parse(word)[0]
        return parse.tag.case if parse.tag.POS == "NOUN" and parse.tag.case in CASES else None
    # the dictionary's guess at an unknown name's case is a guess ("Сімсом" nominative)
    case = governed_case(_before_the_name(before[: len(before) - len(match.group(0))]), language, person, agent)
    return None if case == NOMINATIVE else case


_LONGEST_NAME = 4  # words of a name a conjunct's rule steps back over ("Кіма Чен Ина")


def _before_the_name(text: str) -> str:
    """`text` without the capitalised words (a name: "Кіма Чен Ина", "«Рейнджерс»", "Дж. Сміта") that end it."""
    for _ in range(_LONGEST_NAME):
        match = re.search(rf"[«\"“„]?({_WORD.pattern})\.?[»\"”]?\s*$", text)
        if match is None or not match.group(1)[:1].isupper():
            break
        text = text[: match.start()]
    return text


def _after_a_noun(parses: list, language: str, person: bool = True, quoted: bool = False) -> str | None:
    """A name right after a common noun (nothing between them but a space): after a person's title or role it
    stands in apposition, in that noun's case ("воротаря Аліссона Беккера", "сенатором Джеффом Флейком"); after
    another noun it is its owner or complement, in the genitive ("команда Гарі Холта", "Удар Менги"), and so is a
    name not a person's (`person` false) in quote marks after a title or after a plural ("голкіперу «Брайтона»",
    "захисниками «Брайтона»"; `quoted`: an opening quote mark stands between them). A word
    capitalised inside a sentence or a proper noun (a place, an organisation), a word of time ("у неділю Трамп
    заявив") or of naming ("ураган Роза", "ім'я Лав"), or a word the dictionary does not read as a noun decides
    nothing."""
    parse = parses[0]
    if parse.tag.POS != "NOUN" or parse.normal_form in _deciding_nothing(language) or \
            _PROPER_TAGS & set(parse.tag.grammemes):
        return None
    plural = "plur" in parse.tag
    owned = not person and (quoted or plural)
    if "anim" in parse.tag and not owned and not plural:
        return parse.tag.case if parse.tag.case in CASES else None  # apposition: one person after a singular title
    if "anim" in parse.tag and plural and not owned:
        # one person after several: their leader or owner ("хлопців Джеррарда", "прихильники Трампа"), but after an
        # instrumental, dative or locative rather a new clause's subject ("з кількома сенаторами Флейк заявив"),
        # and after a word also read as one thing ("міністр енергетики Олександр Новак") nothing is decided
        one_thing = any(other.tag.POS == "NOUN" and "plur" not in other.tag for other in parses)
        return "gent" if parse.tag.case in ("nomn", "gent", "accs") and not one_thing else None
    return "gent"


_LONGEST_ACRONYM = 4  # a word in capitals no longer than this is an acronym; a longer one a headline's ("ТРАМПА")


def _decline_word(word: str, case: str, gender: str, language: str, surname: bool) -> str:
    if case == NOMINATIVE:
        return word
    if word.split("-")[-1].lower() in _indeclinable(language):  # "на Волл-стріт"
        return word
    if word.isupper() and len(word) <= _LONGEST_ACRONYM:  # "проти ЦСКА", "з ПСВ": an acronym does not decline
        return word
    if "-" in word:  # "Римського-Корсакова": each part declines
        return "-".join(_decline_word(part, case, gender, language, surname) for part in word.split("-"))
    lower = word.lower()
    if gender == "f" and not lower.endswith(_VOWEL_ENDINGS.get(language, ())):
        return word  # "Елізабет Воррен", "Оксана Шевченко": a woman's name not ending in -а/-я stays as it is
    parse = _person_reading(plain_apostrophe(lower), gender, language, surname)  # the dictionary's apostrophe
    form = _inflected(parse, case) if parse is not None else None
    if form is not None:
        return _cased(form.word.replace("'", "ʼ") if "ʼ" in lower else form.word, word)
    return _cased(_by_model(lower, case, gender, language) or lower, word)


def _inflected(parse, case: str):
    """The parse in `case`; of a man's name's two datives the one in -у/-ю, as news writes it ("Трампу", not the
    equally correct "Трампові")."""
    form = parse.inflect({case})
    if form is None or case != "datv":
        return form
    datives = [other for other in parse.lexeme if other.tag.case == "datv" and other.tag.number == form.tag.number]
    return next((other for other in datives if other.word.endswith(("у", "ю"))), form)


def _person_reading(lower: str, gender: str, language: str, surname: bool):
    """The dictionary's reading of a word as a person's name of `gender`, nominative (a surname reading first for
    the last word, a given name's for the others; an adjective's for "-ський"); None where it has none."""
    analyzer = _analyzer(language)
    if analyzer is None:
        return None
    wanted = {"m": "masc", "f": "femn"}[gender]
    role = "Surn" if surname else "Name"
    readings = [p for p in analyzer.parse(lower) if "nomn" in p.tag and p.tag.gender == wanted
                and "Fixd" not in p.tag and "plur" not in p.tag and p.word == lower]
    people = [p for p in readings if p.tag.POS == "NOUN" and ("anim" in p.tag or role in p.tag)]
    ranked = sorted(people, key=lambda p: (role not in p.tag, "Surn" not in p.tag and "Name" not in p.tag))
    if ranked:
        return ranked[0]
    adjectives = [p for p in readings if p.tag.POS == "ADJF"]
    return adjectives[0] if surname and adjectives else None


def _by_model(lower: str, case: str, gender: str, language: str) -> str | None:
    """The form of a word the dictionary has no person reading of, by the paradigm of a model name with the
    same ending (the longest ending that matches)."""
    for ending, model in _models(language, gender):
        if lower.endswith(ending) and len(lower) > len(ending):
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
    return any(lower.endswith(ending) for ending, _ in _models(language, "f") if len(ending) > 1)


def _gender_letter(gender: str | None) -> str | None:
    return {"masc": "m", "femn": "f"}.get(gender or "")


def _cased(form: str, like: str) -> str:
    """`form` (lower case) written with the capitals of `like` (first letter, or all)."""
    if like.isupper() and len(like) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


def _rows(language: str, table: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `data/<language>_<table>.txt`; none for a language without that file."""
    try:
        return load_table(__name__, f"{language}_{table}")
    except FileNotFoundError:
        return ()


@lru_cache(maxsize=8)
def _deciding_nothing(language: str) -> frozenset[str]:
    return frozenset(row[0] for row in _rows(language, "nouns_deciding_nothing"))


@lru_cache(maxsize=8)
def _verbs_governing(language: str) -> dict[str, str]:
    return {verb: case for verb, case in _rows(language, "verbs_governing")}


@lru_cache(maxsize=8)
def _predicates_after(language: str) -> dict[str, tuple[str, bool]]:
    """word -> (the case it gives the name before it, whether only where a number follows it)."""
    return {word: (case, bool(number)) for word, case, *number in _rows(language, "predicates_after")}


@lru_cache(maxsize=8)
def _governing(language: str) -> dict[str, tuple[str, str]]:
    """word -> (the case it governs for a person, for a place or a club: the same unless a third column says)."""
    return {word: (case, place[0] if place else case) for word, case, *place in _rows(language, "governing")}


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
