"""The case the words around a name demand in a target language's sentence (Ukrainian now).

    governed_case(before, language, person=True, after="", role=NO_ROLE) -> str
    SourceRole(agent, recipient, object, from_or_of)    (what the source says of the name's part in its sentence)
    a_noun_follows(after, language) -> bool    (a common noun right after a name: an owner left in the English order)
    a_noun_before(before, language) -> bool    (a common noun right before it: "адвокат Трампа", an owner's title)

The case comes from the word or two before the name (`data/<language>_governing.txt`), else from a title its complement
in the genitive or after a preposition separates from the name ("сенатором Аризони", "лідер лейбористів", "радник з
національної безпеки"), else from a verb right before
it whose object takes one case (`data/<language>_verbs_governing.txt`, any form of the verb; a verb of giving past its
object: "передав пас назад Ковачичу"; not after a pronoun object before the verb: "його звинуватив Трамп", nor after
an accusative noun before a verb of the accusative: "Угоду підписали Віткофф і Кушнер") or an
adjective agreeing with it, else from a common noun right before it (apposition to a title, the genitive after any
other noun; `data/<language>_nouns_deciding_nothing.txt` lists the exceptions), else from the name it is joined to by
"і"/"та" (its form, or the words before it), else from the words after it (an impersonal predicate,
`data/<language>_predicates_after.txt`: "Холту вдалося"; a verb that cannot agree with one person: "Флейка
переконали"); the nominative where none decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babelwire.translation.target_names.declension.tables import CASES, NOMINATIVE, WORD as _WORD, rows as _rows
from babelwire.translation.target_names.dictionary import analyzer as _analyzer, plain_apostrophe

# The last words before a name that can decide its case: "з боку [1]" needs two.
_LONGEST_GOVERNOR = 2
# prepositions that mean "with" before the instrumental and "from" before the genitive ("з Трампом", "з Донггали")
_FROM_OR_WITH = {"uk": frozenset({"з", "із", "зі"})}


@dataclass(frozen=True, slots=True)
class SourceRole:
    """What the source's words right around a name say of its part in the sentence, which its case in a translation
    follows where the translation's own words leave it open (`protection.protect` reads them in the English)."""

    agent: bool = False  # "replaced by Kane": a translation often puts it after the verb as its subject ("його
    # замінив Кейн"), so a verb does not make it an object
    recipient: bool = False  # "a pass to Sterling", "told Trump", "an adviser to Trump": after a verb, an adjective
    # or a noun, the case of what is given or said to someone, or whose a title is
    object: bool = False  # "called Kim": a verb before it the verb table does not list takes it as its object
    from_or_of: bool = False  # "staff from Donggala", "the son of Smith": a preposition that also means "with" means
    # "from" ("з Донггали"), and after a noun the name is whose it is, even a person's title's ("син Сміта")


NO_ROLE = SourceRole()


def governed_case(before: str, language: str, person: bool = True, after: str = "", role: SourceRole = NO_ROLE
                  ) -> str:
    """The case the last words of `before` (the text right before a name) demand; the nominative if none.
    `person`: the name is a person's; a town's or a club's takes the table's case for a place where it has one
    ("у Трампа" but "у Кройдоні"), and after a title may be its complement ("голкіперу «Брайтона»"). `after`: the
    text right after the name, whose predicate decides where the words before decide nothing ("Холту вдалося"), and
    which tells a name that opens a list ("адвокати Рудольф Джуліані та Джей Секулов"). `role`: what the source says
    of the name's part (`SourceRole`)."""
    words = [word.lower() for word in _WORD.findall(before[-60:])]
    table = _governing(language)
    for size in range(_LONGEST_GOVERNOR, 0, -1):
        key = " ".join(words[-size:])
        if len(words) >= size and key in table:
            if role.from_or_of and key in _FROM_OR_WITH.get(language, ()):
                return "gent"
            for_person, for_place = table[key]
            return for_person if person else for_place
    listed = _OPENS_A_LIST.match(after) is not None
    one_person = person and not _AFTER_CONJUNCTION.search(before[-60:])
    return (_after_a_title_and_its_complement(before, language)
            or _by_the_word_before(before, language, role, person, listed, after)
            or _as_conjunct(before, language, person, role)
            or _by_the_word_after(after, language, one_person, role.agent)
            or NOMINATIVE)


def a_noun_before(before: str, language: str) -> bool:
    """A common noun that decides a case stands right before the name ("адвокат Трампа", "команда Віткоффа", "ДНК
    Сімпсона": one written as an acronym too): no word of time or naming
    (`data/<language>_nouns_deciding_nothing.txt`), no proper noun."""
    word, dictionary = _common_word_before(before, acronym=True), _analyzer(language)
    parse = dictionary.parse(plain_apostrophe(word))[0] if word is not None and dictionary is not None else None
    return parse is not None and _a_deciding_noun(parse, language)


def _a_deciding_noun(parse, language: str) -> bool:
    return parse.tag.POS == "NOUN" and parse.normal_form not in _deciding_nothing(language) and \
        not _PROPER_TAGS & set(parse.tag.grammemes)


def a_noun_follows(after: str, language: str) -> bool:
    """A common noun stands right after the name ("Віткофф команда", a possessive left in the English order)."""
    match = re.match(rf"\s+({_WORD.pattern})", after)
    dictionary = _analyzer(language)
    return match is not None and dictionary is not None and match.group(1).islower() and \
        dictionary.parse(plain_apostrophe(match.group(1)))[0].tag.POS == "NOUN"


# what may stand between a name and the predicate after it ("Морелосу таки вдалося")
_PARTICLES = {"uk": frozenset({"таки", "не", "ж", "же", "вже", "теж", "також", "ще", "нарешті", "б", "би"})}


def _by_the_word_after(after: str, language: str, one_person: bool = True, agent: bool = False) -> str | None:
    """The case a predicate right after the name gives it (`data/<language>_predicates_after.txt`): the dative of
    an impersonal sentence's experiencer ("Холту вдалося", "Сімсу було 20 років"). `one_person`: a person's name
    joined to no other ("Галлахер і Робінсон задіяли" share a plural verb); one person before a verb that cannot
    agree with it is its object: before a plural of a verb of `data/<language>_verbs_governing.txt`
    in that verb's case ("Флейка частково переконали"), before an impersonal passive in the accusative ("Трампа
    обрано")."""
    table, particles = _predicates_after(language), _PARTICLES.get(language, frozenset())
    dictionary = _analyzer(language)
    after = after[1:] if after[:1] in _QUOTE_CLOSERS else after  # "«Лівінгстону» вдалося"
    position = 0
    for word in _WORD.finditer(after[:60]):
        if not after[position : word.start()].isspace():
            return None  # a comma, a full stop: the predicate is no longer the name's
        lower, position = word.group().lower(), word.end()
        if lower in table:
            case, age_words = table[lower]
            age = rf"\s+\d+\s+(?:{'|'.join(age_words)})(?!\w)"
            return case if not age_words or re.match(age, after[position:]) else None
        if lower in particles:
            continue
        # a capitalised word is another name or a new sentence's first, no predicate of this one
        parses = dictionary.parse(plain_apostrophe(lower)) if dictionary is not None and lower == word.group() else []
        if parses and parses[0].tag.POS == "ADVB":
            continue  # "частково", "нарешті"
        return _object_before_its_verb(parses, language) if one_person and not agent else None
    return None


def _object_before_its_verb(parses: list, language: str) -> str | None:
    """The case of one person before a verb (`parses`, its readings) that cannot have that person as its subject."""
    verb = next((parse for parse in parses if parse.tag.POS == "VERB"), None)
    if verb is None or parses[0].tag.POS not in _VERB_FORMS:
        return None
    if "Impe" in verb.tag:
        return "accs"
    return _after_a_verb([verb], language, agent=False) if "plur" in verb.tag else None


def _by_the_word_before(before: str, language: str, role: SourceRole, person: bool = True, listed: bool = False,
                        after: str = "") -> str | None:
    """The case a verb, an adjective or a common noun right before the name gives it (the word read once).
    `listed`: the name opens a list ("адвокати Рудольф Джуліані та Джей Секулов"); `after`: the text after the name,
    whose verb may make it a new clause's subject ("Після матчу Сміт заявив")."""
    word = _common_word_before(before)
    dictionary = _analyzer(language)
    if word is None or dictionary is None:
        return None
    parses = dictionary.parse(plain_apostrophe(word))
    quoted = before.endswith(tuple(_QUOTE_OPENERS))  # "голкіперу «Брайтона»": a club's or a firm's name
    head = before.rstrip(_QUOTE_OPENERS).rstrip()  # ends in the word
    before_the_verb = head[: -len(word)].rstrip()
    agent = role.agent or _object_pronoun_before(before_the_verb, dictionary)
    verbs_case = _after_a_verb(parses, language, agent)
    if verbs_case == "accs" and _accusative_noun_before(before_the_verb, dictionary):
        return None  # "Угоду підписали Віткофф і Кушнер": the object stands before the verb, the name is its subject
    return (_a_recipients_case(parses, language) if role.recipient else None) \
        or verbs_case \
        or (_an_objects_case(parses) if role.object and not agent else None) \
        or _after_a_verbs_object(before, language, agent) \
        or _after_an_adjective(parses) \
        or (NOMINATIVE if _the_verbs_subject_after_a_noun(parses, after, dictionary) else None) \
        or ("gent" if role.from_or_of and _a_deciding_noun(parses[0], language) else None) \
        or _after_a_noun(parses, language, person, quoted, listed)


def _the_verbs_subject_after_a_noun(parses: list, after: str, dictionary) -> bool:
    """A finite verb of one subject right after the name, which the noun right before it (`parses`) cannot be the
    subject of: no nominative of its number and gender, so the name is ("Після матчу Сміт заявив", "Тренер команди
    Сміт заявив"; but "Команда Сміта виграла": the team won, and the name is its owner)."""
    match = re.match(rf"\s+({_WORD.pattern})", after)
    if match is None or not match.group(1).islower() or parses[0].tag.POS != "NOUN":
        return False
    verb = dictionary.parse(plain_apostrophe(match.group(1)))[0].tag
    if verb.POS != "VERB" or "plur" in verb or not (verb.tense == "past" and verb.gender in ("masc", "femn")
                                                     or verb.person == "3per"):
        return False
    return not any(parse.tag.POS == "NOUN" and parse.tag.case == NOMINATIVE and "plur" not in parse.tag and
                   (verb.tense != "past" or parse.tag.gender == verb.gender) for parse in parses)


def _an_objects_case(parses: list) -> str | None:
    """The accusative of a verb's object, where the word before the name is a verb the verb table does not list
    ("назвав Кіма" for "called Kim"; "як назвав Трамп", as Trump called it, has no object after the verb)."""
    first = parses[0]
    return "accs" if first.tag.POS in _VERB_FORMS and "Impe" not in first.tag else None


def _a_recipients_case(parses: list, language: str) -> str | None:
    """The case of a name the source puts after "to": after a verb, an adjective or a thing, the recipient's dative
    ("пас Стерлінгу", "сказав Трампу", "відданий Трампу", for a pass, said, loyal to); after a person's title, whose
    the title is, in the genitive ("радник Трампа", an adviser to Trump), unless the title is in the dative itself
    ("партнеру Сміту")."""
    first = parses[0]
    if any(parse.tag.POS == "NPRO" for parse in parses):
        return None  # "його": a pronoun before the name is no word it is given to
    if first.tag.POS in _VERB_FORMS:
        return None if "Impe" in first.tag else "datv"  # "підписано Трампом": the passive's agent
    if first.tag.POS == "ADJF":
        return "datv"
    if not _a_deciding_noun(first, language):
        return None
    return "gent" if "anim" in first.tag and first.tag.case != "datv" else "datv"


_PRONOUN_OBJECT_CASES = frozenset({"gent", "datv", "accs"})


def _object_pronoun_before(text: str, dictionary) -> bool:
    """`text` (what stands before the verb before the name) ends in a pronoun the verb takes as its object: the name
    after the verb is then its subject ("його звинуватив Трамп", "якого звинуватив Кім"), an agent, not an object ("що"
    is more often "that": "заявив, що звинуватив Трампа")."""
    match = re.search(rf"(?<![\w'’ʼ-])({_WORD.pattern})$", text)
    parses = dictionary.parse(plain_apostrophe(match.group(1).lower())) if match else []
    return not any(parse.tag.POS == "CONJ" for parse in parses) and \
        any(parse.tag.POS == "NPRO" and parse.tag.case in _PRONOUN_OBJECT_CASES for parse in parses)


def _accusative_noun_before(text: str, dictionary) -> bool:
    """`text` (what stands before the verb before the name) ends in a noun the dictionary reads only as an
    accusative ("Угоду", "заяву"; not "суд" or "документ", which may be the verb's subject)."""
    match = re.search(rf"(?<![\w'’ʼ-])({_WORD.pattern})$", text)
    parses = dictionary.parse(plain_apostrophe(match.group(1).lower())) if match else []
    return bool(parses) and all(parse.tag.POS == "NOUN" and parse.tag.case == "accs" for parse in parses)


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
    if _several_people(parses) is not None:
        return None  # "хлопців", "братів": several people, whose owner the name is, more than a possessive
    if "pssv" in adjective.tag:
        return "ablt"  # a passive participle's agent: "призначений Трампом", "підписані Трампом"
    return adjective.tag.case if "plur" not in adjective.tag and adjective.tag.case in CASES else None


def _several_people(parses: list):
    """The word's reading as a plural of people ("хлопців", also a possessive adjective), if it has one."""
    return next((parse for parse in parses if parse.tag.POS == "NOUN" and {"anim", "plur"} <= parse.tag.grammemes),
                None)


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
_AFTER_CONJUNCTION = re.compile(r"(\w+)[»\"”]?\s+(?:і|й|та|чи|або)\s+[«\"“„]?$")
_OPENS_A_LIST = re.compile(r"[»\"”]?(?:,|\s+(?:і|й|та|чи|або))(?:\s|$)")  # what follows a name another follows


def _common_word_before(before: str, acronym: bool = False) -> str | None:
    """The word right before the name (nothing but a space between them), lower case, where it may be a common
    word: written in lower case, or capitalised only because it opens the sentence ("Удар Менги"); with `acronym`,
    also written in capitals ("ДНК", "ФБР": a common noun where the dictionary reads it as one, an institution's
    is no proper noun in its tags)."""
    window = before[-60:]
    match = _LAST_WORD.search(window)
    if match is None:
        return None
    word = match.group(1)
    capitals = acronym and len(word) > 1 and word.isupper()
    return word.lower() if word[:1].islower() or _opens_a_sentence(before, window, match.start()) or capitals \
        else None


def _opens_a_sentence(before: str, window: str, start: int) -> bool:
    """The word at `start` of `window` (the end of `before`) opens a sentence: nothing but an opener before it."""
    return not before[: len(before) - len(window) + start].rstrip()[-1:].strip(_OPENERS)


# A role noun, then what it is the role of, in the genitive (the capitalised name of its place or club, maybe in quote
# marks, or common words, or the people it leads) or after a preposition, right before the name: "воротаря «Ліверпуля»
# Аліссона Беккера", "сенатором Аризони Джеффом Флейком", "з міністром енергетики США Ріком Перрі", "лідер лейбористів
# Джеремі Корбін", "радник з національної безпеки Джон Болтон", "міністра у справах Брекзиту Домініка Рааба".
_COMPLEMENT_WORD = rf"[«\"“„]?{_WORD.pattern}[»\"”]?"
_TITLE_AND_COMPLEMENT = [re.compile(rf"(?<![\w«\"“„])({_WORD.pattern})((?:\s+{_COMPLEMENT_WORD}){{{size}}})\s+$")
                         for size in (1, 2, 3, 4)]
_LONGEST_GENITIVE_COMPLEMENT = 3  # four words only with a preposition among them: "посол США в Україні"
# what opens a title's complement of another case than the genitive ("радник з питань торгівлі", "посол в Україні")
_COMPLEMENT_PREPOSITIONS = {"uk": frozenset({"з", "із", "зі", "у", "в", "по"})}


def _after_a_title_and_its_complement(before: str, language: str) -> str | None:
    """The name stands in apposition to a person's title or role that its complement in the genitive (the title's
    town, country or club, its portfolio) separates from it, in the title's case; None where no title stands so close
    (the nearest is tried first: "прихильники президента США Дональда Трампа" is the president's apposition)."""
    dictionary = _analyzer(language)
    if dictionary is None:
        return None
    window = before[-80:]
    for pattern in _TITLE_AND_COMPLEMENT:
        match = pattern.search(window)
        # a title in lower case, or capitalised as a sentence's first word ("Прес-секретар Білого дому Керолайн Лівітт")
        if match is None or not (match.group(1)[:1].islower() or _opens_a_sentence(before, window, match.start(1))) \
                or not _a_titles_complement(match.group(2).split(), language, dictionary):
            continue
        parses = dictionary.parse(plain_apostrophe(match.group(1)))
        title = parses[0].tag
        # an apposition, not "gent"; a plural ("енергетики", read as engineers) is no title of one person
        case = _after_a_noun(parses, language) if "anim" in title and "plur" not in title else None
        if case is not None:
            return case
    return None


def _a_titles_complement(words: list[str], language: str, dictionary) -> bool:
    """`words` (between a title and the name) say what the title is of: in the genitive ("енергетики США"), or after
    a preposition ("з національної безпеки", "у справах Брекзиту", "США в Україні"), its words nouns or adjectives
    and the last no word of time ("сказав міністр у понеділок": the name opens what he said)."""
    found = [word.strip("«»\"“„”") for word in words]
    preposition = next((index for index, word in enumerate(found)
                        if word in _COMPLEMENT_PREPOSITIONS.get(language, ())), None)
    if preposition is None:
        return len(found) <= _LONGEST_GENITIVE_COMPLEMENT and _genitive_complement(found, dictionary)
    of_the_title, after = found[:preposition], found[preposition + 1 :]
    last = dictionary.parse(plain_apostrophe(after[-1].lower()))[0] if after else None
    return last is not None and (after[-1][:1].isupper() or last.tag.POS == "NOUN"
                                 and last.normal_form not in _deciding_nothing(language)) and \
        all(word[:1].isupper() or _a_noun_or_adjective(word, dictionary) for word in after) and \
        (not of_the_title or _genitive_complement(of_the_title, dictionary, closed=False))


def _a_noun_or_adjective(word: str, dictionary) -> bool:
    return any(parse.tag.POS in ("NOUN", "ADJF") for parse in dictionary.parse(plain_apostrophe(word)))


def _genitive_complement(found: list[str], dictionary, closed: bool = True) -> bool:
    """Capitalised words (a place's, a club's name: their case is not read) or common words in the genitive, ending in
    a capitalised one or in people in the genitive plural, or opening with a capitalised one ("енергетики США",
    "«Ліверпуля»", "лідер лейбористів", "Білого дому"; not "у понеділок", "прихильник політики Трампа"); `closed`
    false: the words need not end so (a preposition's complement follows them)."""
    people = _several_people(dictionary.parse(plain_apostrophe(found[-1].lower())))
    # a proper name Ukrainian writes with one capital opens it: "прес-секретар Білого дому", "голова Верховної ради"
    if closed and not found[-1][:1].isupper() and not found[0][:1].isupper() and \
            (people is None or people.tag.case != "gent"):
        return False
    return all(word[:1].isupper() or any(parse.tag.case == "gent" for parse in dictionary.parse(plain_apostrophe(word)))
               for word in found)


def _as_conjunct(before: str, language: str, person: bool = True, role: SourceRole = NO_ROLE) -> str | None:
    """The case of the name joined to the one before it by "і", "та", "чи": "між Сімсом і Сімпсоном", "заяву Кіма
    та Дональда Трампа". The first name's form tells the case where the dictionary knows its word as a name and the
    word declines; else the words before the first name decide for both ("між" Сімсом і Сімпсоном, "заяву" Кіма Чен Ина
    та Дональда Трампа, "запитав сенаторів" Джона Кеннеді й Ліндсі Греема)."""
    match = _AFTER_CONJUNCTION.search(before[-60:])
    dictionary = _analyzer(language)
    if match is None or dictionary is None or not match.group(1)[:1].isupper():
        return None
    word = plain_apostrophe(match.group(1)).lower()
    parse = next((parse for parse in dictionary.parse(word) if _PROPER_TAGS & parse.tag.grammemes), None)
    if dictionary.word_is_known(word) and parse is not None and "Fixd" not in parse.tag:
        return parse.tag.case if parse.tag.POS == "NOUN" and parse.tag.case in CASES else None
    # the dictionary's guess at an unknown name's case is a guess ("Сімсом" nominative), an indeclinable word
    # ("Кеннеді") has every case, and a common noun's reading is another word's ("Лав" as the benches' "лав")
    first_name_end = len(before) - len(match.group(0)) + len(match.group(1))
    words_before = _before_the_name(before[:first_name_end])
    case = governed_case(words_before, language, person, after=before[first_name_end:], role=role)
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


def _after_a_noun(parses: list, language: str, person: bool = True, quoted: bool = False, listed: bool = False
                  ) -> str | None:
    """A name right after a common noun (nothing between them but a space): after a person's title or role it
    stands in apposition, in that noun's case ("воротаря Аліссона Беккера", "сенатором Джеффом Флейком"); after
    another noun it is its owner or complement, in the genitive ("команда Гарі Холта", "Удар Менги"), and so is a
    name not a person's (`person` false) in quote marks after a title or after a plural ("голкіперу «Брайтона»",
    "захисниками «Брайтона»"; `quoted`: an opening quote mark stands between them). A word
    capitalised inside a sentence or a proper noun (a place, an organisation), a word of time ("у неділю Трамп
    заявив") or of naming ("ураган Роза", "ім'я Лав"), or a word the dictionary does not read as a noun decides
    nothing."""
    parse = parses[0] if parses[0].tag.POS == "NOUN" else _several_people(parses) or parses[0]
    if person and parse.tag.POS == "NOUN" and "anim" not in parse.tag:  # "з дружиною Меланією": дружина is a squad
        parse = next((other for other in parses if other.tag.POS == "NOUN" and "anim" in other.tag and  # first, and
                      other.tag.case == parse.tag.case and other.tag.number == parse.tag.number), parse)  # a wife
    parse = _the_discipline(parse, parses)
    if parse.tag.POS != "NOUN" or parse.normal_form in _deciding_nothing(language) or \
            _PROPER_TAGS & set(parse.tag.grammemes):
        return None
    plural = "plur" in parse.tag
    owned = not person and (quoted or plural)
    if "anim" in parse.tag and not owned and (not plural or listed):
        # apposition: one person after a singular title, several after a plural ("адвокати Рудольф Джуліані та ...")
        return parse.tag.case if parse.tag.case in CASES else None
    if "anim" in parse.tag and plural and not owned:
        # one person after several: their leader or owner ("хлопців Джеррарда", "прихильники Трампа"), but after an
        # instrumental, dative or locative rather a new clause's subject ("з кількома сенаторами Флейк заявив"),
        # and after a word also read as one thing ("міністр енергетики Олександр Новак") nothing is decided
        one_thing = any(other.tag.POS == "NOUN" and "plur" not in other.tag for other in parses)
        return "gent" if parse.tag.case in ("nomn", "gent", "accs") and not one_thing else None
    return "gent"


def _the_discipline(parse, parses: list):
    """"критику Трампа", "політику Путіна": a form of a person in -ик (the critic's, the politician's dative) that
    is also the accusative of the discipline in -ика is the discipline, whose complement a name is: news writes of
    Trump's policy far more often than to a politician named Trump."""
    if "anim" not in parse.tag or not parse.normal_form.endswith("ик") or parse.tag.case not in ("datv", "loct"):
        return parse  # "міністр енергетики Олександр Новак": the power engineers' plural is no discipline's form
    return next((other for other in parses if other.tag.POS == "NOUN" and "inan" in other.tag
                 and "plur" not in other.tag and other.normal_form == parse.normal_form + "а"
                 and other.tag.case == "accs"), parse)


@lru_cache(maxsize=8)
def _deciding_nothing(language: str) -> frozenset[str]:
    return frozenset(row[0] for row in _rows(language, "nouns_deciding_nothing"))


@lru_cache(maxsize=8)
def _verbs_governing(language: str) -> dict[str, str]:
    return {verb: case for verb, case in _rows(language, "verbs_governing")}


@lru_cache(maxsize=8)
def _predicates_after(language: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """word -> (the case it gives the name before it, the words of an age that must follow it, if any)."""
    rows = _rows(language, "predicates_after")
    return {word: (case, tuple(age[0].split()) if age else ()) for word, case, *age in rows}


@lru_cache(maxsize=8)
def _governing(language: str) -> dict[str, tuple[str, str]]:
    """word -> (the case it governs for a person, for a place or a club: the same unless a third column says)."""
    return {word: (case, place[0] if place else case) for word, case, *place in _rows(language, "governing")}
