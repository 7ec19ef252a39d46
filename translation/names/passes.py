"""Passes over a whole item that revise the roles the rule table gave its words, with what the neighbours say.

Each pass is one left-to-right sweep (linear time) and records its name as the deciding rule of each word
it changes. `assign_roles` runs the table, then the passes in order.
"""

from translation.names.evidence import Evidence
from translation.names.lexicon import (
    COMMON_CAPITALISED,
    LEADING_PARTICLES,
    MONARCH_TITLES,
    PLACE_PHRASES,
    PRESS_NOUNS,
    SUBJECT_VERBS,
    TITLES,
)
from translation.names.roles import (
    ATTACHED_PARTICLE,
    MAYBE,
    NAME,
    NO,
    Context,
    Roles,
    common,
    dateline_ends,
    decide,
)
from translation.names.tokens import Token

_PLURAL_ENDINGS = ("ers", "ists", "ants", "ents", "ors", "ians", "ives")
_PHRASE_STARTS = frozenset(phrase[0] for phrase in PLACE_PHRASES)
_PHRASE_SIZES = sorted({len(phrase) for phrase in PLACE_PHRASES})


def assign_roles(text: str, tokens: list[Token], evidence: Evidence) -> Roles:
    ctx = Context(text, evidence, dateline_ends(text))
    decided = [decide(ctx, token) for token in tokens]
    roles = Roles([rule.role for rule in decided], [rule.name for rule in decided])
    for _, revise in PASSES:
        revise(ctx, tokens, roles)
    return roles


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
        if token.text[0].isupper() and not common(token):
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
