"""Each word's role in name detection, decided by an ordered table of rules: the first rule that applies wins.

Roles: NAME (a capital that means something), MAYBE (a capital that may only open a sentence: a name only
next to a NAME), NO. After the table, a few passes over the whole item revise roles with what the
neighbours say (PASSES). Every rule records its name, so a protected span can say which rule made it.
Each rule and pass looks at a token and its neighbours only: linear time.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from translation.names.evidence import Evidence
from translation.names.lexicon import (
    COMMON_CAPITALISED,
    COMPOUND_HEADS,
    DATE_ABBREVIATIONS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    HYPHEN_PREFIXES,
    LEADING_PARTICLES,
    MONARCH_TITLES,
    NAME_PARTICLES,
    NEVER_ALONE,
    PLACE_PHRASES,
    PLACES,
    PRESS_NOUNS,
    SUBJECT_VERBS,
    TITLES,
    WEEKDAYS_MONTHS,
    WELL_KNOWN_ORGS,
)
from translation.names.tokens import Token

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
_PLURAL_ENDINGS = ("ers", "ists", "ants", "ents", "ors", "ians", "ives")
_PHRASE_STARTS = frozenset(phrase[0] for phrase in PLACE_PHRASES)
_PHRASE_SIZES = sorted({len(phrase) for phrase in PLACE_PHRASES})


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    evidence: Evidence
    datelines: dict[int, int]  # line number -> end of the dateline's place


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    role: str
    applies: Callable[[Context, Token], bool]


def _lower_case(ctx: Context, token: Token) -> bool:
    return not token.text[0].isupper()


def _particle_name(ctx: Context, token: Token) -> bool:
    """"al-Saadani", "el-Sisi": a lower-case particle glued to a capitalised name."""
    head, sep, rest = token.text.partition("-")
    return bool(sep and rest[:1].isupper() and head in NAME_PARTICLES)


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


def _month_range(ctx: Context, token: Token) -> bool:
    """"April-June", "Mon-Fri": a span of dates."""
    parts = token.key.split("-")
    return len(parts) > 1 and all(p in WEEKDAYS_MONTHS or p in DATE_ABBREVIATIONS for p in parts)


def _compound_adjective(ctx: Context, token: Token) -> bool:
    """"Kyiv-born", "Kremlin-controlled", "T-notes": a hyphenated word ending in a participle or a known head
    word (not in any lower-case syllable: "Chen Shui-bian", "Ban Ki-moon")."""
    head, dash, last = token.text.rpartition("-")
    if not dash or not head or not last.islower():
        return False
    return (len(last) > 3 and last.endswith("ed")) or last in COMPOUND_HEADS


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


def _common(token: Token) -> bool:
    return token.key in FUNCTION_WORDS or token.key in COMMON_CAPITALISED


def _table_common_word(ctx: Context, token: Token) -> bool:
    return token.line in ctx.evidence.tables and _common(token)


def _table_label(ctx: Context, token: Token) -> bool:
    """"Shakhtar 4 2 1 1 7 3 7": the labels of a results table are teams, horses and places."""
    return token.line in ctx.evidence.tables


def _in_capitals_headline(ctx: Context, token: Token) -> bool:
    return token.line in ctx.evidence.headlines and token.is_upper


def _headline_common_word(ctx: Context, token: Token) -> bool:
    return _in_capitals_headline(ctx, token) and _common(token)


def _headline_confirmed(ctx: Context, token: Token) -> bool:
    """In capitals a word is a name only if the body or a gazetteer says so."""
    return _in_capitals_headline(ctx, token) and (ctx.evidence.is_name(token.key) or _known(token.key))


def _in_title_case_line(ctx: Context, token: Token) -> bool:
    return token.line in ctx.evidence.titles


def _title_case_confirmed(ctx: Context, token: Token) -> bool:
    """In a title-case headline a word is a name if the body or a gazetteer says so."""
    return _in_title_case_line(ctx, token) and (ctx.evidence.is_name(token.key) or _known(token.key))


def _title_case_common_word(ctx: Context, token: Token) -> bool:
    """"Has Trump Done Anything": a small word, or one the item writes in lower case, is no name there."""
    return _in_title_case_line(ctx, token) and (_common(token) or ctx.evidence.is_lower(token.key))


def _acronym_common_word(ctx: Context, token: Token) -> bool:
    return token.is_upper and len(token.text) > 1 and token.key in COMMON_CAPITALISED


def _acronym(ctx: Context, token: Token) -> bool:
    return token.is_upper and len(token.text) > 1


def _mid_sentence(ctx: Context, token: Token) -> bool:
    return not token.sentence_start


def _mid_sentence_common_word(ctx: Context, token: Token) -> bool:
    return not token.sentence_start and token.key in COMMON_CAPITALISED


def _possessive(ctx: Context, token: Token) -> bool:
    """"Zelenskyy's office said": a possessive at a sentence start belongs to a name."""
    return _POSSESSIVE_NEXT.match(ctx.text, token.end) is not None and not _common(token)


def _function_word(ctx: Context, token: Token) -> bool:
    return token.key in FUNCTION_WORDS


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
    """"Separately", "Speaking": a sentence opened by an adverb or a gerund."""
    return token.key.endswith(("ly", "ing"))


def _common_word(ctx: Context, token: Token) -> bool:
    return token.key in COMMON_CAPITALISED


def _gazetteer(ctx: Context, token: Token) -> bool:
    key = token.key
    return key in PLACES or key in GIVEN_NAMES or key in WELL_KNOWN_ORGS


def _always(ctx: Context, token: Token) -> bool:
    return True


# The first rule that applies decides. From "possessive" on, only sentence starts remain.
TOKEN_RULES: tuple[Rule, ...] = (
    Rule("particle name", NAME, _particle_name),
    Rule("lower case", NO, _lower_case),
    Rule("letter or code", NO, _letter_or_code),
    Rule("date abbreviation", NO, _date_abbreviation),
    Rule("date range", NO, _month_range),
    Rule("compound adjective", NO, _compound_adjective),
    Rule("dateline", NAME, _in_dateline),
    Rule("field label: confirmed name", NAME, _field_label_confirmed),
    Rule("field label", NO, _field_label),
    Rule("topic slug: place or agency", NAME, _topic_slug_confirmed),
    Rule("topic slug", NO, _topic_slug),
    Rule("table: common word", NO, _table_common_word),
    Rule("table label", NAME, _table_label),
    Rule("headline: common word", NO, _headline_common_word),
    Rule("headline: confirmed name", NAME, _headline_confirmed),
    Rule("headline: unconfirmed", NO, _in_capitals_headline),
    Rule("acronym: common word", NO, _acronym_common_word),
    Rule("acronym", NAME, _acronym),
    Rule("title-case headline: confirmed name", NAME, _title_case_confirmed),
    Rule("title-case headline: common word", NO, _title_case_common_word),
    Rule("title-case headline: unknown", MAYBE, _in_title_case_line),
    Rule("mid-sentence: common word", MAYBE, _mid_sentence_common_word),
    Rule("mid-sentence capital", NAME, _mid_sentence),
    Rule("possessive", NAME, _possessive),
    Rule("sentence start: function word", NO, _function_word),
    Rule("sentence start: name elsewhere", NAME, _name_elsewhere),
    Rule("sentence start: lower case elsewhere", NO, _lower_elsewhere),
    Rule("sentence start: common word", MAYBE, _common_word),
    Rule("sentence start: gazetteer", NAME, _gazetteer),
    Rule("sentence start: hyphenated name", NAME, _hyphenated_name),
    Rule("sentence start: adverb or gerund", NO, _adverb_or_gerund),
    Rule("sentence start: unknown", MAYBE, _always),
)


def decide(ctx: Context, token: Token) -> Rule:
    return next(rule for rule in TOKEN_RULES if rule.applies(ctx, token))


@dataclass
class Roles:
    """Role and deciding rule of every token of an item, by token index."""

    roles: list[str]
    rules: list[str]

    def set(self, index: int, role: str, rule: str) -> None:
        self.roles[index], self.rules[index] = role, rule


def assign_roles(text: str, tokens: list[Token], evidence: Evidence) -> Roles:
    ctx = Context(text, evidence, dateline_ends(text))
    decided = [decide(ctx, token) for token in tokens]
    roles = Roles([rule.role for rule in decided], [rule.name for rule in decided])
    for _, revise in PASSES:
        revise(ctx, tokens, roles)
    return roles


def dateline_ends(text: str) -> dict[int, int]:
    """Line number -> end of the place of a dateline ("KYIV, Dec 6 (Reuters) -", "LVIV 2025-12-06")."""
    ends: dict[int, int] = {}
    line, counted_to = 0, 0
    for match in _DATELINE.finditer(text):
        line += text.count("\n", counted_to, match.start())  # counted once per character: linear
        counted_to = match.start()
        ends[line] = match.end(1)
    return ends


def _mark_place_phrases(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"NEW YORK", "San Francisco": a gazetteer phrase is a name whatever its case or position."""
    for size in _PHRASE_SIZES:
        for i in range(len(tokens) - size + 1):
            if tokens[i].key not in _PHRASE_STARTS:
                continue
            window = tokens[i : i + size]
            if window[-1].line == window[0].line and tuple(t.key for t in window) in PLACE_PHRASES:
                for token in window:
                    roles.set(token.index, NAME, "place phrase")


def _promote_subjects(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Umerov took ...", "Hnatov said": an unknown capital opening a sentence, followed by a verb."""
    for i in range(len(tokens) - 1):
        if roles.roles[i] != MAYBE or tokens[i].key in COMMON_CAPITALISED or roles.roles[i + 1] != NO:
            continue
        if tokens[i].key.endswith(_PLURAL_ENDINGS):  # "Brokers said", "Analysts said"
            continue
        follower = tokens[i + 1].key
        if follower in SUBJECT_VERBS or follower in TITLES or follower == "v":
            roles.set(i, NAME, "subject before a verb")


def _promote_outlets(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Kommersant daily reported": an unknown capital before "newspaper", "daily" ... names the outlet."""
    for i in range(len(tokens) - 1):
        if roles.roles[i] == MAYBE and tokens[i].sentence_start and tokens[i + 1].key in PRESS_NOUNS:
            roles.set(i, NAME, "outlet before a press noun")


def _promote_list_heads(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Shevchenko, Andriy Yarmolenko, Ruslan Malinovskyi": an unknown capital opening a list of names is one of them."""
    for i in range(len(tokens) - 2):
        if not _unknown_opening(tokens[i], roles.roles[i], roles.rules[i]) or roles.roles[i + 1] != NAME:
            continue
        gap = ctx.text[tokens[i].end : tokens[i + 1].start].strip()
        if gap == "," and _comma_after_name(ctx.text, tokens, roles, i + 1):
            roles.set(i, NAME, "first of a list of names")


def _promote_before_brackets(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Kovalenko (Ukraine), ...": an unknown capital before a bracketed name (a country, a team)."""
    text = ctx.text
    for i in range(len(tokens) - 1):
        if not _unknown_opening(tokens[i], roles.roles[i], roles.rules[i]) or roles.roles[i + 1] != NAME:
            continue
        inside = tokens[i + 1]
        if text[tokens[i].end : inside.start].strip() == "(" and text[inside.end : inside.end + 3].strip()[:1] == ")":
            roles.set(i, NAME, "name before a bracketed name")


def _unknown_opening(token: Token, role: str, rule: str) -> bool:
    """A sentence-opening capital no rule knows: "Shevchenko", and "Manning", which only looks like a gerund."""
    return token.sentence_start and (role == MAYBE or rule == "sentence start: adverb or gerund")


def _comma_after_name(text: str, tokens: list[Token], roles: Roles, first: int) -> bool:
    """Whether the name starting at tokens[first] (at most four words) is followed by a comma."""
    for j in range(first, min(first + 4, len(tokens) - 1)):
        gap = text[tokens[j].end : tokens[j + 1].start]
        if gap.strip() == ",":
            return True
        if gap.strip() or roles.roles[j + 1] == NO:
            return False
    return False


def _spread_names(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """A word that is a name in one place of the item is one in capitals and at sentence starts too, except
    where the layout or the word's form says what it is (a slug, a field label, a date, a compound)."""
    headlines = ctx.evidence.headlines
    known = {t.key for t, role in zip(tokens, roles.roles) if role == NAME and t.line not in headlines}
    for i, token in enumerate(tokens):
        if roles.roles[i] == NAME or roles.rules[i] in _SETTLED or token.key not in known:
            continue
        if token.text[0].isupper() and not _common(token):
            roles.set(i, NAME, "name elsewhere in the item")


def _mark_regnal_numerals(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Queen Elizabeth I", "King Charles I": after a monarch's title and name, "I" is a numeral."""
    for i in range(2, len(tokens)):
        if tokens[i].text == "I" and roles.roles[i - 1] != NO and tokens[i - 2].key.rstrip(".") in MONARCH_TITLES:
            roles.set(i, NAME, "regnal numeral")


def _mark_leading_particles(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Charles de Gaulle", "said de Klerk": a surname particle just before a name belongs to it."""
    for i in range(len(tokens) - 1):
        token, following = tokens[i], tokens[i + 1]
        if token.key in LEADING_PARTICLES and roles.roles[i + 1] == NAME and following.start - token.end == 1:
            roles.set(i, NAME, ATTACHED_PARTICLE)


# Decisions from layout and word form that what the rest of the item says does not overturn.
_SETTLED = frozenset(
    {"date abbreviation", "date range", "compound adjective", "field label", "topic slug", "letter or code"}
)

PASSES = (
    ("place phrase", _mark_place_phrases),
    ("subject before a verb", _promote_subjects),
    ("outlet before a press noun", _promote_outlets),
    ("first of a list of names", _promote_list_heads),
    ("name before a bracketed name", _promote_before_brackets),
    ("name elsewhere in the item", _spread_names),
    ("regnal numeral", _mark_regnal_numerals),
    (ATTACHED_PARTICLE, _mark_leading_particles),
)
