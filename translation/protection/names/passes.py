"""Passes over a whole item that revise the roles the rule table gave its words, with what the neighbours say.

Each pass is one left-to-right sweep (linear time) and records its name as the deciding rule of each word
it changes. `assign_roles` runs the table, then the passes in order.
"""

import re

from babelwire.translation.protection.names.evidence import Evidence, in_a_role
from babelwire.translation.protection.names.lexicon import (
    BUSINESS_WORDS,
    CLUB_WORDS,
    COMMON_CAPITALISED,
    COMMON_WORDS,
    ENGLISH_WORDS,
    FUNCTION_WORDS,
    LEADING_PARTICLES,
    MONARCH_TITLES,
    ORG_FORMS,
    PLACE_PHRASES,
    PLACES,
    PRESS_NOUNS,
    REPORTING_VERBS,
    SUBJECT_VERBS,
    TITLES,
)
from babelwire.translation.protection.names.roles import (
    ADVERB_OR_GERUND,
    ATTACHED_PARTICLE,
    MAYBE,
    NAME,
    NO,
    SENTENCE_START_UNKNOWN,
    SETTLED,
    Context,
    Roles,
    common,
    dateline_ends,
    decide,
    dictionary_word,
)
from babelwire.translation.protection.names.tokens import Token
from babelwire.translation.protection.name_types import given_name_gender

# The name each pass records as the deciding rule of the words it changes.
PLACE_PHRASE = "place phrase"
SUBJECT_BEFORE_A_VERB = "subject before a verb"
OUTLET_BEFORE_A_PRESS_NOUN = "outlet before a press noun"
FIRST_OF_A_LIST = "first of a list of names"
BEFORE_A_BRACKETED_NAME = "name before a bracketed name"
BEFORE_AN_APPOSITION = "name before an apposition"
SPELLING_AN_ACRONYM = "words spelling a bracketed acronym"
BEFORE_AN_ORGANISATION_HEAD = "organisation before its head word"
NAME_ELSEWHERE = "name elsewhere in the item"
NAME_PHRASE_ELSEWHERE = "name phrase elsewhere in the item"
REGNAL_NUMERAL = "regnal numeral"
COMPANY_ACRONYM = "acronym closing a company's name"

_PLURAL_ENDINGS = ("ers", "ists", "ants", "ents", "ors", "ians", "ives")
# Endings of English abstract nouns ("Security was tight", "Production was halted", "Homelessness is rising"): such a
# word opening a sentence is a name before a verb only where it speaks ("Reliance said")
_ABSTRACT_NOUN_ENDINGS = ("ity", "ness", "tion", "sion", "ment", "ance", "ence", "ism", "ship", "hood")
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
                    roles.set(token.index, NAME, PLACE_PHRASE)


def _promote_subjects(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Umerov took ...", "Hnatov said": an unknown capital opening a sentence, followed by a verb, a title or a
    playing position ("Rangers striker"); an abstract noun only before a reporting verb ("Security was tight")."""
    for i in range(len(tokens) - 1):
        if roles.roles[i] != MAYBE or tokens[i].key in COMMON_CAPITALISED or roles.roles[i + 1] != NO:
            continue
        if in_a_role(tokens[i], tokens):  # "Lead author Emily Wong": a rank before a title is the role's
            continue
        follower = tokens[i + 1].key
        if follower in SUBJECT_VERBS and tokens[i].key.endswith(_PLURAL_ENDINGS):  # "Brokers said", "Analysts said"
            continue
        if _an_abstract_noun(tokens[i].key) and follower not in REPORTING_VERBS:
            continue
        if follower in SUBJECT_VERBS or follower in TITLES or follower in CLUB_WORDS or follower == "v":
            roles.set(i, NAME, SUBJECT_BEFORE_A_VERB)  # "Rangers striker Alfredo Morelos", "Rangers manager"


def _an_abstract_noun(key: str) -> bool:
    """"Security", "Homelessness"; not a given name or a place spelt alike (Clarence, Prudence, Providence)."""
    return key.endswith(_ABSTRACT_NOUN_ENDINGS) and key in ENGLISH_WORDS and given_name_gender(key) is None and \
        key not in PLACES


def _promote_outlets(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Kommersant daily reported", "Mirror newspaper reported": an unknown capital before "newspaper", "daily" ...
    names the outlet; a common word that is no newspaper's and that the item never capitalises mid-sentence
    describes a person ("Veteran broadcaster David Dimbleby")."""
    for i in range(len(tokens) - 1):
        key = tokens[i].key
        describes = key in COMMON_WORDS and key not in BUSINESS_WORDS and not ctx.evidence.is_name(key)
        if roles.roles[i] == MAYBE and tokens[i].sentence_start and tokens[i + 1].key in PRESS_NOUNS and not describes:
            roles.set(i, NAME, OUTLET_BEFORE_A_PRESS_NOUN)


def _promote_list_heads(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Shevchenko, Andriy Yarmolenko, Ruslan Malinovskyi": an unknown capital opening a list of names is one of them."""
    for i in range(len(tokens) - 2):
        if not _unknown_opening(tokens[i], roles.roles[i], roles.rules[i]) or roles.roles[i + 1] != NAME:
            continue
        gap = ctx.text[tokens[i].end : tokens[i + 1].start].strip()
        if gap == "," and _comma_after_name(ctx.text, tokens, roles, i + 1):
            roles.set(i, NAME, FIRST_OF_A_LIST)


def _promote_before_brackets(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Kovalenko (Ukraine), ...": an unknown capital before a bracketed name (a country, a team)."""
    text = ctx.text
    for i in range(len(tokens) - 1):
        if not _unknown_opening(tokens[i], roles.roles[i], roles.rules[i]) or roles.roles[i + 1] != NAME:
            continue
        inside = tokens[i + 1]
        if text[tokens[i].end : inside.start].strip() == "(" and text[inside.end : inside.end + 3].strip()[:1] == ")":
            roles.set(i, NAME, BEFORE_A_BRACKETED_NAME)


# ", the European champions", ", a former minister", ", who ...": what only follows a name that opens a sentence
_APPOSITION = re.compile(r" ?, (?:the|a|an|who|whose) ")


def _promote_before_apposition(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Juventus, the European champions, lost", "Leeson, who plays the lead": an unknown capital opening a
    sentence and followed by an apposition or a relative clause about it is a name (an ordinary word opening a
    sentence is followed by its own sentence, not by a description of itself)."""
    for i, token in enumerate(tokens):
        if roles.rules[i] == SENTENCE_START_UNKNOWN.name and _APPOSITION.match(ctx.text, token.end):
            roles.set(i, NAME, BEFORE_AN_APPOSITION)


_ACRONYM_CONNECTORS = frozenset({"of", "for", "and", "in", "on", "the", "&"})
_BRACKETED = re.compile(r" ?\( ?$")
_LONGEST_ACRONYM = 10  # bounds the walk back from each acronym: linear time


def _mark_acronym_definitions(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Organisation for Security and Cooperation in Europe ( OSCE )": the words before a bracketed acronym
    whose initials spell it are one name, connectors included (as in Schwartz and Hearst's definition finder)."""
    for i, token in enumerate(tokens):
        if token.is_all_caps and len(token.text) <= _LONGEST_ACRONYM and i and _BRACKETED.search(
            ctx.text, tokens[i - 1].end, token.start
        ):
            first = _definition_start(tokens, i, token.text.rstrip("sS").replace(".", ""))
            if first is not None:
                _mark(tokens[first:i], roles, SPELLING_AN_ACRONYM)


def _definition_start(tokens: list[Token], acronym_at: int, letters: str) -> int | None:
    """Index of the first word of the definition before tokens[acronym_at], or None: walking back, each
    capitalised word must give the acronym's next letter from the end; connectors are skipped."""
    remaining, j = letters.upper(), acronym_at - 1
    limit = max(0, acronym_at - 2 * len(letters) - 2)
    while remaining and j >= limit:
        word = tokens[j]
        if word.key in _ACRONYM_CONNECTORS and j < acronym_at - 1:
            j -= 1
            continue
        if not word.is_capitalised or word.text[0].upper() != remaining[-1]:
            return None
        remaining, j = remaining[:-1], j - 1
    return j + 1 if not remaining and len(letters) > 1 else None


def _unknown_opening(token: Token, role: str, rule: str) -> bool:
    """A sentence-opening capital no rule knows: "Shevchenko", and "Manning", which only looks like a gerund; not an
    adverb the dictionary has ("Ironically, Bernardin, who ...")."""
    return token.sentence_start and (role == MAYBE or rule == ADVERB_OR_GERUND.name and
                                     not (token.key.endswith("ly") and dictionary_word(token.key)))


def _comma_after_name(text: str, tokens: list[Token], roles: Roles, first: int) -> bool:
    """Whether the name starting at tokens[first] (at most four words) is followed by a comma."""
    for j in range(first, min(first + 4, len(tokens) - 1)):
        gap = text[tokens[j].end : tokens[j + 1].start]
        if gap.strip() == ",":
            return True
        if gap.strip() or roles.roles[j + 1] == NO:
            return False
    return False


def _mark_organisations(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"National Bank of Poland", "Standard Chartered Plc", "Finance Ministry": capitalised words before an
    organisation word (a legal form or the head of an institution) name that organisation wherever they stand,
    at a sentence start or in a title-case line too, where each word alone proves nothing."""
    chain = _capitalised_chains(ctx.text, tokens, roles)
    marked = -1  # each word is marked once, however many heads follow it: linear time
    for i, head in enumerate(tokens):
        if head.key in ORG_FORMS and head.is_capitalised and head.line not in ctx.evidence.headlines and chain[i] < i:
            for j in range(max(chain[i], marked + 1), i + 1):
                roles.set(j, NAME, BEFORE_AN_ORGANISATION_HEAD)
            marked = i


def _mark_company_acronyms(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Scale AI", "Mistral AI": a business word in capitals right after a dictionary word capitalised mid-sentence
    closes a company's name, which that word alone would not be; after a name of its own it stays apart ("the
    Biden AI order")."""
    for i in range(1, len(tokens)):
        token, before = tokens[i], tokens[i - 1]
        after_a_word = not before.sentence_start and before.key in ENGLISH_WORDS and roles.roles[i - 1] == NAME
        if token.is_all_caps and token.key in BUSINESS_WORDS and after_a_word and \
                _only_space_between(ctx.text, before, token):
            roles.set(i, NAME, COMPANY_ACRONYM)


def _capitalised_chains(text: str, tokens: list[Token], roles: Roles) -> list[int]:
    """For each word, the index of the first of the capitalised words that run up to it within its sentence."""
    chain: list[int] = []
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else None
        joins = (
            before is not None
            and not token.sentence_start
            and _org_word(before, roles.rules[i - 1])
            and _only_space_between(text, before, token)
        )
        chain.append(chain[i - 1] if joins else i)
    return chain


def _org_word(token: Token, rule: str) -> bool:
    return token.is_capitalised and token.key not in FUNCTION_WORDS and rule not in _SETTLED


def _only_space_between(text: str, left: Token, right: Token) -> bool:
    return right.start - left.end == 1 and text[left.end] == " "


def _spread_names(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """A word that is a name in one place of the item is one in capitals and at sentence starts too, except
    where the layout or the word's form says what it is (a slug, a field label, a date, a compound)."""
    headlines = ctx.evidence.headlines
    known = {t.key for t, role in zip(tokens, roles.roles)
             if role == NAME and t.line not in headlines and not in_a_role(t, tokens)}
    openers = _name_openers(ctx.text, tokens, roles)
    for i, token in enumerate(tokens):
        if roles.roles[i] == NAME or roles.rules[i] in _SETTLED:
            continue
        # An opener is a short form of its name elsewhere: "Hello" of "Hello Kyiv." is no name by itself.
        if token.key not in known and not openers.get(token.key, set()) - {i}:
            continue
        if token.text[0].isupper() and not common(token):
            roles.set(i, NAME, NAME_ELSEWHERE)


def _name_openers(text: str, tokens: list[Token], roles: Roles) -> dict[str, set[int]]:
    """"Atletico Madrid drew ... Atletico lead the table": an unknown word that opens a sentence with a name
    right after it is the first part of that name, and a short form of it elsewhere in the item. Key -> the
    indexes of (up to two of) the words that open a name."""
    openers: dict[str, set[int]] = {}
    for token, following in zip(tokens, tokens[1:]):
        if roles.rules[token.index] == SENTENCE_START_UNKNOWN.name and roles.roles[following.index] == NAME \
                and not following.sentence_start and _only_space_between(text, token, following):
            _note(openers, token.key, token.index)
    return openers


def _note(where: dict, key, index: int) -> None:
    """Remember up to two places of `key`: enough to tell one place from another, in constant time."""
    places = where.setdefault(key, set())
    if len(places) < 2:
        places.add(index)


_LONGEST_PHRASE = 6


def _spread_phrases(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"National Bank said ... at the National Bank": a name of several words found in running text is a name
    wherever the same words stand capitalised (a sentence start, a title-case line, capitals), even when each
    word alone is a common one that the word-by-word evidence does not carry over."""
    phrases = _name_phrases(ctx, tokens, roles)
    sizes = sorted({len(phrase) for phrase in phrases})
    firsts = {phrase[0] for phrase in phrases}
    for i, token in enumerate(tokens):
        if token.key not in firsts:
            continue
        for window in (tokens[i : i + size] for size in sizes):
            # Elsewhere: the phrase found at i itself is no evidence for its own words.
            if phrases.get(tuple(t.key for t in window), set()) - {i} and _capitalised_phrase(ctx.text, window):
                _mark(window, roles, NAME_PHRASE_ELSEWHERE)


def _mark(window: list[Token], roles: Roles, rule: str) -> None:
    """Make the words of `window` names, except those whose layout or form settled what they are."""
    for word in window:
        if roles.roles[word.index] != NAME and roles.rules[word.index] not in _SETTLED:
            roles.set(word.index, NAME, rule)


def _name_phrases(ctx: Context, tokens: list[Token], roles: Roles) -> dict[tuple[str, ...], set[int]]:
    """Key tuples of the runs of two to six name words (and words that may join them) in running text, each
    with the indexes of (up to two of) the words that open it."""
    skipped = ctx.evidence.headlines | ctx.evidence.titles
    phrases: dict[tuple[str, ...], set[int]] = {}
    run: list[Token] = []
    for token in tokens + [None]:
        joins = token is not None and run and _capitalised_phrase(ctx.text, [run[-1], token])
        if run and not joins:
            if 1 < len(run) <= _LONGEST_PHRASE and any(roles.roles[t.index] == NAME for t in run):
                _note(phrases, tuple(t.key for t in run), run[0].index)
            run = []
        if token is not None and roles.roles[token.index] != NO and token.line not in skipped:
            run.append(token)
    return phrases


def _capitalised_phrase(text: str, window: list[Token]) -> bool:
    """Capitalised words separated by single spaces within one sentence."""
    if not all(t.is_capitalised for t in window):
        return False
    return all(not b.sentence_start and _only_space_between(text, a, b) for a, b in zip(window, window[1:]))


def _mark_regnal_numerals(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Queen Elizabeth I", "King Charles I": after a monarch's title and name, "I" is a numeral."""
    for i in range(2, len(tokens)):
        if tokens[i].text == "I" and roles.roles[i - 1] != NO and tokens[i - 2].key.rstrip(".") in MONARCH_TITLES:
            roles.set(i, NAME, REGNAL_NUMERAL)


def _mark_leading_particles(ctx: Context, tokens: list[Token], roles: Roles) -> None:
    """"Charles de Gaulle", "said de Klerk": a surname particle just before a name belongs to it, and so does one
    before that particle ("and von der Leyen": read from the right, so that "von" finds "der" marked)."""
    for i in reversed(range(len(tokens) - 1)):
        token, following = tokens[i], tokens[i + 1]
        if token.key in LEADING_PARTICLES and roles.roles[i + 1] == NAME and following.start - token.end == 1:
            roles.set(i, NAME, ATTACHED_PARTICLE)


# Decisions from layout and word form (rules marked `settled`) that the rest of the item does not overturn.
_SETTLED = SETTLED

PASSES = (
    (PLACE_PHRASE, _mark_place_phrases),
    (SUBJECT_BEFORE_A_VERB, _promote_subjects),
    (OUTLET_BEFORE_A_PRESS_NOUN, _promote_outlets),
    (FIRST_OF_A_LIST, _promote_list_heads),
    (BEFORE_A_BRACKETED_NAME, _promote_before_brackets),
    (BEFORE_AN_APPOSITION, _promote_before_apposition),
    (SPELLING_AN_ACRONYM, _mark_acronym_definitions),
    (BEFORE_AN_ORGANISATION_HEAD, _mark_organisations),
    (COMPANY_ACRONYM, _mark_company_acronyms),
    (NAME_ELSEWHERE, _spread_names),
    (NAME_PHRASE_ELSEWHERE, _spread_phrases),
    (REGNAL_NUMERAL, _mark_regnal_numerals),
    (ATTACHED_PARTICLE, _mark_leading_particles),
)
