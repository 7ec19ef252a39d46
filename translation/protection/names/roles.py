"""Each word's role in name detection, decided by an ordered table of rules: the first rule that applies wins.

Roles: NAME (a capital that means something), MAYBE (a capital that may only open a sentence: a name only
next to a NAME), NO. After the table, the passes of `passes.py` revise roles with what the neighbours say.
Every rule records its name, so a protected span can say which rule made it. Each rule looks at a token
and its immediate surroundings only: linear time.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from babelwire.translation.protection.names.evidence import Evidence
from babelwire.translation.protection.names.lexicon import (
    COMMON_CAPITALISED,
    COMPOUND_HEADS,
    DATE_ABBREVIATIONS,
    DOTTED_ABBREVIATIONS,
    ENGLISH_WORDS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    HYPHEN_PREFIXES,
    NAME_PARTICLES,
    NEVER_ALONE,
    PLACES,
    REPORTING_VERBS,
    ROLE_MODIFIERS,
    TITLES,
    US_STATE_ABBREVIATIONS,
    WEEKDAYS_MONTHS,
    WELL_KNOWN_ORGS,
)
from babelwire.translation.protection.names.tokens import Token
from babelwire.translation.protection.name_order import family_name_and_syllable, surname_first
from babelwire.translation.protection.name_types import given_name_gender

NAME, MAYBE, NO = "name", "maybe", "no"
ATTACHED_PARTICLE = "particle before a name"  # a word that only joins the name after it

_DIGIT_NEXT = re.compile(r"\.?\s*\d")
_FULL_STOP_NEXT = re.compile(r" ?\.")
_POSSESSIVE_NEXT = re.compile(r" ?['’]s\b")
_DATELINE = re.compile(
    r"^([A-Z][A-Z.'&-]+(?: [A-Z][A-Z.'&-]+){0,3})"
    r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d|\d{4}-\d\d-\d\d)|,? ?\((?:Reuters|AP|AFP|UNN)\))",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    evidence: Evidence
    datelines: dict[int, int]  # line number -> end of the dateline's place


@dataclass(frozen=True, slots=True)
class Rule:
    """A row of the rule table. Other modules refer to a rule through its constant (`DATELINE`), never by its name
    as a string, so that renaming a rule cannot silently change what they do."""

    name: str
    role: str
    applies: Callable[[Context, Token], bool]
    settled: bool = False  # decided by layout or word form: what the rest of the item says does not overturn it


def _lower_case(ctx: Context, token: Token) -> bool:
    return not token.text[0].isupper()


_ELIDED_PARTICLE = re.compile(r"[dl]['’][A-Z]")  # French and Italian d', l' before a name: "d'Ivoire", "l'Aquila"


def _particle_name(ctx: Context, token: Token) -> bool:
    """"al-Saadani", "el-Sisi": a lower-case particle glued to a capitalised name; "Palme d'Or", "Cote d'Ivoire",
    "Valery Giscard d'Estaing": an elided one."""
    head, sep, rest = token.text.partition("-")
    return bool(sep and rest[:1].isupper() and head in NAME_PARTICLES) or bool(_ELIDED_PARTICLE.match(token.text))


def _letter_or_code(ctx: Context, token: Token) -> bool:
    """"I", "N / A", "R40-05926", "Q3", "AK-74", "U21": a letter alone, or a word with digits in it."""
    return len(token.text) == 1 or any(c.isdigit() for c in token.text)


def _date_abbreviation(ctx: Context, token: Token) -> bool:
    """"Dec 6", "Sun 12": a month or weekday abbreviation before a number; "Sept." also before a full stop
    unless it is a given name too ("Jan.")."""
    if token.key not in DATE_ABBREVIATIONS:
        return False
    if _DIGIT_NEXT.match(ctx.text, token.end):
        return True
    return _FULL_STOP_NEXT.match(ctx.text, token.end) is not None and token.key not in GIVEN_NAMES


_FOLLOWING_WORD = re.compile(r"\s+([a-z]+)")
_CAPITALISED_NEXT = re.compile(r" ([A-Z][a-z]+)\b")
_PARTY_AND_STATE = re.compile(r"[DRI]-([A-Z][A-Za-z.]*)$")  # "D-Calif", "R-S.C", "R-Texas", "I-VT"
_OPENS_AN_APPOSITION = re.compile(r"[,(]\s*$")


def _party_and_state(ctx: Context, token: Token) -> bool:
    """"Nancy Pelosi, D-Calif., said": a lawmaker's party and state, after a comma or in brackets, is no name."""
    match = _PARTY_AND_STATE.match(token.text)
    if match is None or _OPENS_AN_APPOSITION.search(ctx.text, max(0, token.start - 3), token.start) is None:
        return False
    state = match.group(1).replace(".", "")
    return state.lower() in US_STATE_ABBREVIATIONS or len(state) == 2 and state.isupper() or state.lower() in PLACES


def _month_range(ctx: Context, token: Token) -> bool:
    """"April-June", "Mon-Fri": a span of dates."""
    parts = token.key.split("-")
    return len(parts) > 1 and all(p in WEEKDAYS_MONTHS or p in DATE_ABBREVIATIONS for p in parts)


def _compound_adjective(ctx: Context, token: Token) -> bool:
    """"Kyiv-born", "Kremlin-controlled", "Oscar-winning", "T-notes": a hyphenated word ending in a participle or a
    known head word (not in any lower-case syllable: "Chen Shui-bian", "Ban Ki-moon", "Li Ka-shing")."""
    head, dash, last = token.text.rpartition("-")
    if not dash or not head or not last.islower():
        return False
    return (len(last) > 3 and last.endswith("ed")) or (len(last) > 5 and last.endswith("ing")) or last in COMPOUND_HEADS


def _in_dateline(ctx: Context, token: Token) -> bool:
    """"KYIV, Dec 6 (Reuters) -", "LVIV 2025-12-06": the place that opens a dateline."""
    return token.end <= ctx.datelines.get(token.line, -1)


def _known(key: str) -> bool:
    """In a gazetteer of places and agencies: a name wherever it is written."""
    return key in PLACES or key in WELL_KNOWN_ORGS


def _field_label_confirmed(ctx: Context, token: Token) -> bool:
    return token.index in ctx.evidence.labels and _known(token.key)


def _field_label(ctx: Context, token: Token) -> bool:
    """"SELLER :", "CLOSING DATE :": capitals before a colon name a field of a form or table (only a place or
    an agency there is a name; the body's "Bank of Montreal" does not make "BANK RATE :" one)."""
    return token.index in ctx.evidence.labels


def _topic_slug_confirmed(ctx: Context, token: Token) -> bool:
    return token.index in ctx.evidence.slugs and _known(token.key)


def _topic_slug(ctx: Context, token: Token) -> bool:
    """"FOOTBALL - ...", "CORRECTED -- ...": capitals opening a line before a dash say what the item is about.
    Only a place or an agency there is a name ("UKRAINE - Bond yields rose ..."): the body naming "Football
    Club Barcelona" does not make "FOOTBALL" one."""
    return token.index in ctx.evidence.slugs


def _source_heading_common_word(ctx: Context, token: Token) -> bool:
    return token.line in ctx.evidence.sources and common(token)


def _source_heading(ctx: Context, token: Token) -> bool:
    """"LA PRESSE" over "- Tunisia 's exports rose ...": a press digest names each newspaper on a line of its own
    above the bullets it reports (its small words, "THE TIMES", are trimmed from the name)."""
    return token.line in ctx.evidence.sources


def common(token: Token) -> bool:
    return token.key in FUNCTION_WORDS or token.key in COMMON_CAPITALISED


def _table_common_word(ctx: Context, token: Token) -> bool:
    return token.line in ctx.evidence.tables and common(token)


def _table_label(ctx: Context, token: Token) -> bool:
    """"Shakhtar 4 2 1 1 7 3 7": the labels of a results table are teams, horses and places."""
    return token.line in ctx.evidence.tables


def _in_capitals_headline(ctx: Context, token: Token) -> bool:
    return token.line in ctx.evidence.headlines and token.is_upper


def _headline_common_word(ctx: Context, token: Token) -> bool:
    return _in_capitals_headline(ctx, token) and common(token)


def _headline_confirmed(ctx: Context, token: Token) -> bool:
    """In capitals a word is a name only if the body or a gazetteer says so."""
    return _in_capitals_headline(ctx, token) and (ctx.evidence.is_name(token.key) or _known(token.key))


def _in_title_case_line(ctx: Context, token: Token) -> bool:
    return token.line in ctx.evidence.titles


def _title_case_confirmed(ctx: Context, token: Token) -> bool:
    """In a title-case headline a word is a name if the body or a gazetteer says so."""
    return _in_title_case_line(ctx, token) and (ctx.evidence.is_name(token.key) or _known(token.key))


def _title_case_surname(ctx: Context, token: Token) -> bool:
    """"Donald Trump Meets Putin": right after a given name, a capitalised word is the surname, even an English one."""
    return _in_title_case_line(ctx, token) and not token.sentence_start and token.index in ctx.evidence.after_given_name


def _title_case_common_word(ctx: Context, token: Token) -> bool:
    """"Has Trump Done Anything", "Hurricane Rosa Threatening Phoenix": a small word, an English word or one the
    item writes in lower case is no name there, and does not join the names on either side of it."""
    return _in_title_case_line(ctx, token) and (
        common(token) or ctx.evidence.is_lower(token.key) or dictionary_word(token.key)
    )


def _acronym_common_word(ctx: Context, token: Token) -> bool:
    return token.is_upper and len(token.text) > 1 and token.key in COMMON_CAPITALISED


def _pronoun_i(ctx: Context, token: Token) -> bool:
    """"I", "I'm", "I've": the pronoun is capitalised everywhere."""
    return token.key in ("i", "i'm", "i've", "i'd", "i'll")


def _acronym(ctx: Context, token: Token) -> bool:
    return token.is_upper and len(token.text) > 1


def _mid_sentence(ctx: Context, token: Token) -> bool:
    return not token.sentence_start


def _portfolio_before_its_title(ctx: Context, token: Token) -> bool:
    """"the shadow Brexit secretary", "Climate activist Greta Thunberg": a portfolio capitalised before a title in
    lower case is the role's, no name (the model translates it), even where the item names something with it
    elsewhere ("Intergovernmental Panel on Climate Change")."""
    following = _FOLLOWING_WORD.match(ctx.text, token.end)
    return token.key in ROLE_MODIFIERS and following is not None and following.group(1) in TITLES


def _mid_sentence_common_word(ctx: Context, token: Token) -> bool:
    return not token.sentence_start and token.key in COMMON_CAPITALISED


def _after_a_semicolon_common_word(ctx: Context, token: Token) -> bool:
    """"Oil up; Gold down": a list's items capitalised after semicolons prove nothing where they are dictionary
    words; a census given name there is a name's ("Panahi; Will Smith did not attend")."""
    return ctx.text[max(0, token.start - 8) : token.start].rstrip().endswith(";") and not may_open_a_persons_name(token)


def _possessive(ctx: Context, token: Token) -> bool:
    """"Zelenskyy's office said": a possessive at a sentence start belongs to a name."""
    return _POSSESSIVE_NEXT.match(ctx.text, token.end) is not None and not common(token)


def _the_items_person(ctx: Context, token: Token) -> bool:
    """"Theresa May ... May said": a month the item gave as a surname, alone before a reporting verb, is her."""
    following = _FOLLOWING_WORD.match(ctx.text, token.end)
    return token.key in ctx.evidence.surnames and token.key in WEEKDAYS_MONTHS and following is not None and \
        following.group(1) in REPORTING_VERBS


_NEXT_TWO_WORDS = re.compile(r" ([A-Z][\w-]*)(?: ([A-Z][\w-]*))?")
_NEXT_WORD_AND_ONE_MORE = re.compile(r" ([A-Z][a-z]*) ([a-z]+)\b")


def _family_name_first(ctx: Context, token: Token) -> bool:
    """"Do Hung Viet said", "Vo Van Thuong said": a Vietnamese or Korean family name that is an English word too
    opens a sentence and, with the words after it, a name written surname first (`name_order.surname_first`);
    or, with one syllable after it, before a reporting verb ("To Lam said": no sentence opens with the preposition
    "To" or the auxiliary "Do" before a capitalised word and "said")."""
    following = _NEXT_TWO_WORDS.match(ctx.text, token.end)
    if following is not None and surname_first(" ".join([token.text, *filter(None, following.groups())])):
        return True
    reported = _NEXT_WORD_AND_ONE_MORE.match(ctx.text, token.end)
    return reported is not None and reported.group(2) in REPORTING_VERBS and \
        family_name_and_syllable(f"{token.text} {reported.group(1)}")


def _function_word(ctx: Context, token: Token) -> bool:
    return token.key in FUNCTION_WORDS


# a sentence's end: "?", "!" or a full stop after a word that is no abbreviation ("Mr.") or initial
_SENTENCE_MARK = re.compile(r"(\w*)([.!?])(?=\s|$)")


def _given_name_will(ctx: Context, token: Token) -> bool:
    """"Will Hurd said ...": "Will" opening a sentence before a capitalised word is a given name, unless the
    sentence asks a question ("Will Trump sign the bill?", "Will Mr. Biden veto it?")."""
    if token.key != "will" or not _CAPITALISED_NEXT.match(ctx.text, token.end):
        return False
    line_end = ctx.text.find("\n", token.end)
    for mark in _SENTENCE_MARK.finditer(ctx.text, token.end, len(ctx.text) if line_end < 0 else line_end):
        word = mark.group(1).lower()
        if mark.group(2) != "." or len(word) > 1 and word not in DOTTED_ABBREVIATIONS:
            return mark.group(2) != "?"
    return True


def _name_elsewhere(ctx: Context, token: Token) -> bool:
    return ctx.evidence.is_name(token.key)


def _lower_elsewhere(ctx: Context, token: Token) -> bool:
    """"Trade was quiet ... trade would pick up": the item writes the word in lower case."""
    return ctx.evidence.is_lower(token.key)


def _hyphenated_name(ctx: Context, token: Token) -> bool:
    """"Rolls-Royce", "Al-Ahram": capitalised parts joined by hyphens, none a prefix, date or demonym."""
    parts = token.key.split("-")
    if len(parts) < 2 or not all(part[:1].isalpha() for part in parts):
        return False
    if not all(word[:1].isupper() for word in token.text.split("-")) or parts[0] in HYPHEN_PREFIXES:
        return False
    return not any(part in NEVER_ALONE for part in parts)


def _adverb_or_gerund(ctx: Context, token: Token) -> bool:
    """"Separately", "Speaking": a sentence opened by an adverb or a gerund, a dictionary word or one made from
    one ("Worryingly"); "Erling Haaland said", "Kipling wrote": no word's -ing, a name."""
    key = token.key
    return key.endswith(("ly", "ing")) and (dictionary_word(key) or any(
        dictionary_word(stem) for stem in _derivation_stems(key)))


def _derivation_stems(key: str) -> tuple[str, ...]:
    """The words an -ing or -ly word may be made from: speak-ing, mak(e)-ing, run(n)-ing; separate-ly, happ(y)-ily,
    notab(le)-ly, basic-ally."""
    if key.endswith("ing"):
        return key[:-3], key[:-3] + "e", *((key[:-4],) if key[-4:-3] == key[-5:-4] else ())
    return key[:-2], key[:-3] + "y", key[:-1] + "e", *((key[:-4],) if key.endswith("ally") else ())


def _common_word(ctx: Context, token: Token) -> bool:
    return token.key in COMMON_CAPITALISED


def _gazetteer(ctx: Context, token: Token) -> bool:
    key = token.key
    return key in PLACES or key in GIVEN_NAMES or key in WELL_KNOWN_ORGS


def _given_name_before_a_surname(ctx: Context, token: Token) -> bool:
    """"Dolly Menga's goal gave ...", "Emily Thornberry said": a census given name that is a common word too (or
    ends like an adverb), opening a sentence before a capitalised word, opens a person's name (was "Menga" alone,
    Dolly taken for an adverb)."""
    return given_name_gender(token.key) is not None and _CAPITALISED_NEXT.match(ctx.text, token.end) is not None


def _not_a_dictionary_word(ctx: Context, token: Token) -> bool:
    """"Feyenoord beat Ajax": an opener that is no ordinary English word (in any of its forms) is a name."""
    return token.key.isalpha() and not dictionary_word(token.key)


def may_open_a_persons_name(token: Token) -> bool:
    """A given name the census knows, or a word no dictionary has ("Sarah", "Abdourahamane"; not "Motors")."""
    return given_name_gender(token.key) is not None or not dictionary_word(token.key)


def dictionary_word(key: str) -> bool:
    """In the English word list, also in British spelling ("labour", "organised", "centre", "aluminium")."""
    return key in ENGLISH_WORDS or any(variant in ENGLISH_WORDS for variant in _american_spellings(key))


_BRITISH = ((re.compile(r"our"), "or"), (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
            (re.compile(r"tre(s?)$"), r"ter\1"), (re.compile(r"ium$"), "um"), (re.compile(r"ll(ed|ing|er)$"), r"l\1"))


def _american_spellings(key: str) -> list[str]:
    return [pattern.sub(replacement, key) for pattern, replacement in _BRITISH if pattern.search(key)]


def _always(ctx: Context, token: Token) -> bool:
    return True


# The rules other modules refer to (the guess of a type, the passes of `passes.py`).
DATELINE = Rule("dateline", NAME, _in_dateline)
FIELD_LABEL_CONFIRMED = Rule("field label: confirmed name", NAME, _field_label_confirmed)
TOPIC_SLUG_CONFIRMED = Rule("topic slug: place or agency", NAME, _topic_slug_confirmed)
ACRONYM = Rule("acronym", NAME, _acronym)
ADVERB_OR_GERUND = Rule("sentence start: adverb or gerund", NO, _adverb_or_gerund)
SENTENCE_START_UNKNOWN = Rule("sentence start: unknown", MAYBE, _always)
FAMILY_NAME_FIRST = Rule("sentence start: family name first", NAME, _family_name_first)

# The first rule that applies decides. From "possessive" on, only sentence starts remain.
TOKEN_RULES: tuple[Rule, ...] = (
    Rule("particle name", NAME, _particle_name),
    Rule("lower case", NO, _lower_case),
    Rule("letter or code", NO, _letter_or_code, settled=True),
    Rule("date abbreviation", NO, _date_abbreviation, settled=True),
    Rule("date range", NO, _month_range, settled=True),
    Rule("party and state", NO, _party_and_state, settled=True),
    Rule("compound adjective", NO, _compound_adjective, settled=True),
    DATELINE,
    FIELD_LABEL_CONFIRMED,
    Rule("field label", NO, _field_label, settled=True),
    TOPIC_SLUG_CONFIRMED,
    Rule("topic slug", NO, _topic_slug, settled=True),
    Rule("source heading: common word", NO, _source_heading_common_word),
    Rule("source heading", NAME, _source_heading),
    Rule("table: common word", NO, _table_common_word),
    Rule("table label", NAME, _table_label),
    Rule("headline: common word", NO, _headline_common_word),
    Rule("headline: confirmed name", NAME, _headline_confirmed),
    Rule("headline: unconfirmed", NO, _in_capitals_headline),
    Rule("acronym: common word", NO, _acronym_common_word),
    ACRONYM,
    Rule("title-case headline: confirmed name", NAME, _title_case_confirmed),
    Rule("title-case headline: surname after a given name", NAME, _title_case_surname),
    Rule("title-case headline: common word", NO, _title_case_common_word),
    Rule("title-case headline: unknown", MAYBE, _in_title_case_line),
    Rule("pronoun I", NO, _pronoun_i),
    Rule("portfolio before its title", NO, _portfolio_before_its_title, settled=True),
    Rule("mid-sentence: common word", MAYBE, _mid_sentence_common_word),
    Rule("after a semicolon: common word", MAYBE, _after_a_semicolon_common_word),
    Rule("mid-sentence capital", NAME, _mid_sentence),
    Rule("possessive", NAME, _possessive),
    Rule("sentence start: the item's person", NAME, _the_items_person),
    Rule("sentence start: given name Will", NAME, _given_name_will),
    FAMILY_NAME_FIRST,
    Rule("sentence start: function word", NO, _function_word),
    Rule("sentence start: name elsewhere", NAME, _name_elsewhere),
    Rule("sentence start: lower case elsewhere", NO, _lower_elsewhere),
    Rule("sentence start: common word", MAYBE, _common_word),
    Rule("sentence start: gazetteer", NAME, _gazetteer),
    Rule("sentence start: hyphenated name", NAME, _hyphenated_name),
    Rule("sentence start: given name before a surname", NAME, _given_name_before_a_surname),
    ADVERB_OR_GERUND,
    Rule("sentence start: not a dictionary word", NAME, _not_a_dictionary_word),
    SENTENCE_START_UNKNOWN,
)

# Names of the rules whose decision the passes leave as it is.
SETTLED: frozenset[str] = frozenset(rule.name for rule in TOKEN_RULES if rule.settled)


def decide(ctx: Context, token: Token) -> Rule:
    return next(rule for rule in TOKEN_RULES if rule.applies(ctx, token))


@dataclass
class Roles:
    """Role and deciding rule of every token of an item, by token index."""

    roles: list[str]
    rules: list[str]

    def set(self, index: int, role: str, rule: str) -> None:
        self.roles[index], self.rules[index] = role, rule


def dateline_ends(text: str) -> dict[int, int]:
    """Line number -> end of the place of a dateline ("KYIV, Dec 6 (Reuters) -", "LVIV 2025-12-06")."""
    ends: dict[int, int] = {}
    line, counted_to = 0, 0
    for match in _DATELINE.finditer(text):
        line += text.count("\n", counted_to, match.start())  # counted once per character: linear
        counted_to = match.start()
        ends[line] = match.end(1)
    return ends
