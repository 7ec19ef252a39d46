"""From roles to name runs: group neighbouring words, join across connectors, cut out roles, trim.

Every stage is one pass over the tokens or the runs, so the whole is linear. Each join, cut and trim that
shapes a run is a named step (the constants below, all in `RUN_STEPS`), recorded in the run's `steps` where it
acts, so a decision can be audited and each step tested by itself.
"""

import re
from dataclasses import dataclass, field

from babelwire.translation.protection.names.evidence import Evidence, surname_use
from babelwire.translation.protection.names.lexicon import (
    AMPERSAND_NAMES,
    BUSINESS_WORDS,
    DEMONYMS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    INSTITUTION_WORDS,
    NAME_PARTICLES,
    OF_HEADS,
    ORG_HEADS,
    PLACES,
    PRE_NAME_TITLES,
    REPORTING_VERBS,
    ROLE_MODIFIERS,
    SURNAME_TITLES,
    TITLES,
    WEEKDAYS_MONTHS,
)
from babelwire.translation.protection.names.passes import NAME_PHRASE_ELSEWHERE, assign_roles
from babelwire.translation.protection.names.roles import ATTACHED_PARTICLE, FAMILY_NAME_FIRST, NAME, NO, Roles, \
    dictionary_word, may_open_a_persons_name
from babelwire.translation.protection.names.tokens import Token
from babelwire.translation.protection.name_types import given_name_gender
from babelwire.translation.protection.translated_names import classify

_TEAM_CODE = re.compile(r" ?\( ?[A-Z]{1,2} ?\)")  # "Dynamo ( H )" in league tables
ARTICLES = frozenset({"the", "a", "an"})
_JOINERS_AFTER_HEAD = frozenset({"of", "for"})
# "Bank of England", "Commission on Human Rights", "Acme Mining of Canada Ltd"
_JOINERS = _JOINERS_AFTER_HEAD | {"on"}
_INSIDE_ORG = frozenset({"of", "for", "and", "the", "&"})  # "Council of Ministers": a title inside a name
_RANK_ONLY = frozenset("former ex late then outgoing incoming acting interim".split())
_JOINED = "joined across a connector"

# Grouping: an acronym does not run into a person's given name ("the US Oksana Stefanyshyna").
ACRONYM_APART = "acronym apart from a given name"
# Joining neighbouring runs, and the two cases where neighbours stay apart (recorded on the left one).
JOIN_AMPERSAND = "joined across an ampersand"
PLACES_APART = "places either side of an ampersand kept apart"
JOIN_PLURAL_POSSESSIVE = "joined across a plural possessive before an organisation"
JOIN_PARTICLES = "joined across name particles"
DATE_APART = "connector before a date kept apart"
JOIN_AFTER_HEAD = "joined across a connector after an organisation head"
JOIN_BEFORE_ORGANISATION = "joined across a connector before an organisation"
JOIN_AND_ORGANISATION = "joined across and before an organisation"
JOIN_AND_PORTFOLIO = "joined across and between portfolios"
# Cutting role phrases out, or keeping a title that belongs to the name.
CUT_ROLE = "role phrase cut out"
TABLE_UNCUT = "table label kept whole"
TITLE_IN_ORGANISATION = "title inside an organisation name kept"
TITLE_AS_SURNAME = "title used as a surname kept"
CUT_PORTFOLIO = "portfolio after a title cut off"
# Trimming the ends.
SURNAME_ALONE = "title alone as a surname kept"
TRIM_LEADING = "leading words trimmed"
TRIM_TRAILING = "trailing date or title trimmed"
DEMONYM_KEPT = "demonym kept before ordinary words"
FULL_STOP_LEFT_OUT = "full stop left out of the name"
TEAM_CODE = "team code included"

RUN_STEPS = (
    ACRONYM_APART, JOIN_AMPERSAND, PLACES_APART, JOIN_PLURAL_POSSESSIVE, JOIN_PARTICLES, DATE_APART, JOIN_AFTER_HEAD,
    JOIN_BEFORE_ORGANISATION, JOIN_AND_ORGANISATION, JOIN_AND_PORTFOLIO, CUT_ROLE, TABLE_UNCUT, TITLE_IN_ORGANISATION,
    TITLE_AS_SURNAME, CUT_PORTFOLIO, SURNAME_ALONE, TRIM_LEADING, TRIM_TRAILING, DEMONYM_KEPT, FULL_STOP_LEFT_OUT,
    TEAM_CODE,
)
_KEPT_APART = frozenset({PLACES_APART, DATE_APART})


@dataclass
class Run:
    tokens: list[Token]
    roles: list[str]
    end: int = 0  # past the last token, or past a trailing team code
    after_role: bool = False  # follows a role phrase cut out of the same run ("Energy Minister German X")
    rule: str = ""  # the rule that made the run a name
    steps: list[str] = field(default_factory=list)  # the named steps that shaped it, in order

    @property
    def start(self) -> int:
        return self.tokens[0].start


def find_runs(text: str, tokens: list[Token], evidence: Evidence) -> list[Run]:
    roles = assign_roles(text, tokens, evidence)
    runs = _join(text, tokens, _group(text, tokens, roles.roles))
    pieces = [piece for run in runs for piece in _cut_roles(run, evidence)]
    portfolios_cut = (piece for run in pieces for piece in _after_title_of(tokens, run))
    family_names = frozenset(i for i, rule in enumerate(roles.rules) if rule in _FAMILY_NAME_RULES)
    trimmed = (_trim(run, tokens, evidence, family_names) for run in portfolios_cut if run.tokens)
    kept = [run for run in trimmed if run and NAME in run.roles and not _title_of_a_place(tokens, run)]
    for run in kept:
        run.end = _end_without_full_stop(run.tokens[-1])
        if run.end < run.tokens[-1].end:
            run.steps.append(FULL_STOP_LEFT_OUT)
        with_code = _with_team_code(text, run.end)
        if with_code > run.end:
            run.end = with_code
            run.steps.append(TEAM_CODE)
        run.rule = _deciding_rule(run, roles)
    return kept


def _deciding_rule(run: Run, roles: Roles) -> str:
    """The rule that made the run's first name word a NAME (words joined in between have no rule of their own)."""
    for token, role in zip(run.tokens, run.roles):
        if role == NAME and roles.roles[token.index] == NAME and roles.rules[token.index] != ATTACHED_PARTICLE:
            return roles.rules[token.index]
    return _JOINED


def _end_without_full_stop(last: Token) -> int:
    """"... met Hun Sen.": a title's abbreviation dot at the end of a name is the sentence's full stop."""
    return last.end - 1 if last.text.endswith(".") and _bare(last) in PRE_NAME_TITLES else last.end


def _group(text: str, tokens: list[Token], roles: list[str]) -> list[Run]:
    """Maximal runs of NAME/MAYBE words separated only by spaces, within one sentence."""
    runs: list[Run] = []
    current: Run | None = None
    for token, role in zip(tokens, roles):
        if role == NO:
            current = None
            continue
        adjacent = current is not None and _adjacent(text, current.tokens[-1], token)
        if adjacent and not _acronym_before_given_name(current.tokens[-1], token):
            current.tokens.append(token)
            current.roles.append(role)
        else:
            current = Run([token], [role], steps=[ACRONYM_APART] if adjacent else [])
            runs.append(current)
    return runs


def _adjacent(text: str, last: Token, token: Token) -> bool:
    return not token.sentence_start and _only_spaces(text, last.end, token.start)


def _acronym_before_given_name(last: Token, token: Token) -> bool:
    """"the US Oksana Stefanyshyna": an acronym does not run into a person's given name."""
    acronym = last.is_upper and not last.text.endswith(".")
    return acronym and not token.is_upper and token.key in GIVEN_NAMES


def _only_spaces(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return 0 < len(gap) <= 3 and gap.isspace() and "\n" not in gap


def _join(text: str, tokens: list[Token], runs: list[Run]) -> list[Run]:
    """Join neighbouring runs across "&", name particles, "of" after an organisation head, and a plural
    possessive before one ("Farmers' Union")."""
    joined: list[Run] = []
    for run in runs:
        previous = joined[-1] if joined else None
        step = _join_step(text, tokens, previous, run) if previous else None
        if step is None or step in _KEPT_APART:
            if step:
                previous.steps.append(step)
            joined.append(run)
            continue
        between = tokens[previous.tokens[-1].index + 1 : run.tokens[0].index]
        previous.tokens += between + run.tokens
        previous.roles += [NAME] * len(between) + run.roles
        previous.steps += [step] + run.steps
    return joined


def _join_step(text: str, tokens: list[Token], left: Run, right: Run) -> str | None:
    """The step that joins two neighbouring runs or keeps them apart on purpose; None where nothing joins them."""
    last, first = left.tokens[-1], right.tokens[0]
    between = tokens[last.index + 1 : first.index]
    if first.sentence_start or "\n" in text[last.end : first.start]:
        return None
    if not between:
        gap = text[last.end : first.start].strip()
        if gap == "&":  # "Marks & Spencer", not "France & Germany"
            return PLACES_APART if _all_places(left) and _all_places(right) else JOIN_AMPERSAND
        possessive = gap in ("'", "’") and last.key.endswith("s") and right.tokens[-1].key in ORG_HEADS
        return JOIN_PLURAL_POSSESSIVE if possessive else None
    if len(between) > 2 or not _only_spaces(text, last.end, between[0].start):
        return None
    words = [t.key for t in between]
    if all(w in NAME_PARTICLES for w in words):
        return JOIN_PARTICLES
    with_article = len(words) == 2 and words[0] in _JOINERS and words[1] in ARTICLES
    if with_article:  # "Organisation of the ...", "Union for a"
        words = words[:1]
    if len(words) == 1 and words[0] in _JOINERS:
        return _connector_step(left, right, with_article)
    if words == ["and"]:
        return _and_step(left, right)
    return None


def _connector_step(left: Run, right: Run, with_article: bool = False) -> str | None:
    """Across "of", "for" or "on": "Bank of England", "Acme Mining of Canada Ltd", not "the Council on Monday";
    across "of the" only after a head: "Metropolitan Epifaniy of the Orthodox Church" is a man of a church."""
    if right.tokens[0].key in WEEKDAYS_MONTHS:
        paper = left.tokens[-1].key in _PAPERS_ON_SUNDAY and right.tokens[0].key == "sunday" and not with_article
        return JOIN_BEFORE_ORGANISATION if paper else DATE_APART
    if left.tokens[-1].key in OF_HEADS or _institution_with_of(left) and all(map(_institution_word, right.tokens)):
        return JOIN_AFTER_HEAD  # "Bank of England"; "Institute for the Study of War": its portfolio goes on
    before_organisation = NAME in left.roles and _names_organisation(right) and not with_article
    return JOIN_BEFORE_ORGANISATION if before_organisation and not _ends_in_a_persons_name(left) else None


def _ends_in_a_persons_name(run: Run) -> bool:
    """"Detective Inspector Mark Jones" of "... Mark Jones of Merseyside Police": a given name (the detector's or the
    census's: Lindsey) before the last word, which no organisation word is, makes the run end in a person, who is of
    the organisation after."""
    last = run.tokens[-1]
    return len(run.tokens) > 1 and _a_given_name(run.tokens[-2].key) and last.key not in ORG_HEADS and \
        not _is_title(last)


def _a_given_name(key: str) -> bool:
    """A given name of the detector's list or of the census (Lindsey, Margaret)."""
    return key in GIVEN_NAMES or given_name_gender(key) is not None


def _and_step(left: Run, right: Run) -> str | None:
    """Across "and": "Marks and Spencer Group Plc", "Ministry of Economy and Trade", "Procter and Gamble" (a
    well-known name written with "&"); not two places, the second a
    city ("Las Vegas and Salt Lake City"), nor a person and an organisation ("Lindsey Graham and Supreme Court
    nominee Brett Kavanaugh"), nor an acronym that names an organisation of its own ("CNN and Fox News")."""
    if _names_organisation(right) and not _a_place(left) and not _a_place(right) and \
            not _ends_in_a_persons_name(left) and not _an_acronym(left) or _an_ampersand_name(left, right):
        return JOIN_AND_ORGANISATION
    portfolio = _institution_with_of(left) and (all(_institution_word(token) for token in right.tokens)
                                                or _common_words_portfolio(left, right))
    return JOIN_AND_PORTFOLIO if portfolio else None


def _common_words_portfolio(left: Run, right: Run) -> bool:
    """"Institute of Allergy and Infectious Diseases": an institution whose portfolio, on both sides of "and", is
    made of common words (not "University of Michigan and Apple", whose Michigan is no common word; "Infectious
    Diseases" was a name of its own, transcribed Інфекшіс Дізізес)."""
    of = next(index for index, token in enumerate(left.tokens) if token.key in _JOINERS_AFTER_HEAD and index > 0)
    return all(dictionary_word(token.key) for token in left.tokens[of + 1 :] + right.tokens)


def _an_ampersand_name(left: Run, right: Run) -> bool:
    """"Marks and Spencer": a well-known name written with "&", here with "and" (`AMPERSAND_NAMES`)."""
    return (*(token.key for token in left.tokens), "&", *(token.key for token in right.tokens)) in AMPERSAND_NAMES


def _an_acronym(run: Run) -> bool:
    return all(token.is_all_caps and len(token.text) > 1 for token in run.tokens)


def _a_place(run: Run) -> bool:
    return classify(" ".join(token.text for token in run.tokens)) == "place"


def _all_places(run: Run) -> bool:
    return all(token.key in PLACES for token in run.tokens)


def _institution_with_of(run: Run) -> bool:
    """"Ministry of Finance", "Organisation for Security": a run with an organisation head before "of"/"for"."""
    return any(
        word.key in _JOINERS_AFTER_HEAD and head.key in ORG_HEADS for head, word in zip(run.tokens, run.tokens[1:])
    )


def _institution_word(token: Token) -> bool:
    """"Economy", "Co-operation", "Human Services": what the portfolio of an institution is named with."""
    key = token.key
    return key in INSTITUTION_WORDS or key.endswith("s") and key[:-1] in INSTITUTION_WORDS


def _names_organisation(run: Run) -> bool:
    """"Canada Ltd", "Acme Corp.": a name of two words or more that ends with an organisation word."""
    return len(run.tokens) > 1 and run.tokens[-1].key in ORG_HEADS


def _bare(token: Token) -> str:
    """The key without an abbreviation's dot: "Gov." -> "gov"."""
    return token.key.rstrip(".")


def _is_title(token: Token) -> bool:
    """A title or role noun: "Minister", "Gov.", "Secretary-General", "Co-Premiers", "Ex-Yankee",
    "Commander-in-Chief", "Editor-in-Chief"."""
    key = _bare(token)
    if key in TITLES:
        return True
    parts = key.split("-")
    if len(parts) < 2:
        return False
    if parts[0] == "ex":
        return True
    last = parts[-1] if parts[-1] != "elect" else parts[-2]
    inner = parts[1:-1]  # "in" joins two titles: "Commander-in-Chief"
    return all(p in ROLE_MODIFIERS or p == "elect" or p == "in" and p in inner for p in parts) and \
        last in TITLES | {"general"}


def _is_role_word(token: Token) -> bool:
    return _bare(token) in ROLE_MODIFIERS or _is_title(token)


def _cut_roles(run: Run, evidence: Evidence) -> list[Run]:
    """Cut role phrases ([modifier]* title) out of a run: "Ukrainian Energy Minister Svitlana Hrynchuk" ->
    "Ukrainian", "Svitlana Hrynchuk"; "Federal Reserve Chair Jerome Powell" -> "Federal Reserve",
    "Jerome Powell". One pass over the run's words."""
    if run.tokens[0].line in evidence.tables:  # results tables list teams and horses: "Hearts of Oak 3 2 0 1"
        if any(_is_role_word(token) for token in run.tokens):
            run.steps.append(TABLE_UNCUT)
        return [run]
    tokens, pieces, begin, i = run.tokens, [], 0, 0
    after_role, steps = run.after_role, run.steps
    while i < len(tokens):
        if not _is_role_word(tokens[i]):
            i += 1
            continue
        j, end = i, i
        while j < len(tokens) and _is_role_word(tokens[j]):
            j += 1
            if _is_title(tokens[j - 1]) or (_bare(tokens[j - 1]) == "general" and end == j - 1 > i):
                end = j  # past the last title of the window ("Attorney General" ends at "General")
        step = _role_step(tokens, i, end) if end > i else None
        if step == CUT_ROLE:
            pieces.append(Run(tokens[begin:i], run.roles[begin:i], after_role=after_role, steps=steps + [step]))
            begin, after_role = end, True
        elif step:
            steps = steps + [step]
        i = j
    if begin:
        steps = steps + [CUT_ROLE]
    pieces.append(Run(tokens[begin:], run.roles[begin:], after_role=after_role, steps=steps))
    return [piece for piece in pieces if piece.tokens]


def _role_step(tokens: list[Token], start: int, end: int) -> str:
    """`CUT_ROLE` where tokens[start:end], a [modifier]* title phrase inside a run, is a role and not a name;
    otherwise the step that keeps it in the name."""
    before = tokens[start - 1] if start else None
    after = tokens[end] if end < len(tokens) else None
    if before and before.key in _INSIDE_ORG or after and after.key in ORG_HEADS:
        return TITLE_IN_ORGANISATION  # "Council of Ministers", "Premier League", "Executive Committee"
    if end - start > 1:
        return CUT_ROLE
    head = _bare(tokens[start])
    if before is None:  # "King" alone may be a surname; "King Abdullah University" is a name
        if head not in SURNAME_TITLES or (after is not None and tokens[-1].key not in ORG_HEADS):
            return CUT_ROLE
        return TITLE_AS_SURNAME if after is None else TITLE_IN_ORGANISATION
    if before.key in GIVEN_NAMES:
        return TITLE_AS_SURNAME  # "John Major", "Tony Judge"
    if not _ends_place(before) and (head in SURNAME_TITLES or after is None and head in PRE_NAME_TITLES):
        return TITLE_AS_SURNAME  # "Theresa May", "Hun Sen", "Iron Lady"
    return CUT_ROLE


def _ends_place(token: Token) -> bool:
    """"US President", "Russian Foreign Minister": a place or acronym before a title is not one name."""
    return (token.is_upper and not token.text.endswith(".")) or token.key in PLACES or token.key in DEMONYMS


def _after_title_of(tokens: list[Token], run: Run) -> list[Run]:
    """"Secretary of State Warren Christopher", "Minister of Foreign Affairs Hans van Mierlo": after a title
    and "of"/"for", the portfolio words that open the next run belong to the title, and a run of nothing but
    portfolio words is no name ("the Minister of Finance", "the Minister of the Interior"): an empty run. What else
    stands between the title and a person's name is a name of its own, an organisation's, a club's or a place's
    ("Governor of the Bank of England Andrew Bailey": "Bank of England", "Andrew Bailey"; "manager of Arsenal Arsene
    Wenger")."""
    k = run.tokens[0].index - 1
    if k >= 0 and tokens[k].key == "the":
        k -= 1
    if k < 1 or tokens[k].key not in _JOINERS_AFTER_HEAD or not _is_role_word(tokens[k - 1]):
        return [run]
    i = 0
    while i < len(run.tokens) and _bare(run.tokens[i]) in ROLE_MODIFIERS:
        i += 1
    start = _after_the_title_s_place(run.tokens, i)
    i = _after_the_portfolio(run.tokens, start)
    rest = Run(run.tokens[i:], run.roles[i:], after_role=True, steps=run.steps + [CUT_PORTFOLIO])
    if i == start:
        return [rest]
    return [Run(run.tokens[start:i], run.roles[start:i], steps=run.steps + [CUT_PORTFOLIO]), rest]


def _after_the_portfolio(tokens: list[Token], i: int) -> int:
    """"Governor of the Bank of England Andrew Bailey", "manager of Arsenal Arsene Wenger": where a person's name
    follows the words that open none (dictionary words, places, "of"), the index of its first word, else `i`
    ("manager of Arsenal", "the Prime Minister of Israel"); an organisation's name is no person's ("Member of the
    Welsh Parliament", "leader of the Freedom Front")."""
    if tokens[-1].key in ORG_HEADS:
        return i
    j = i
    while j < len(tokens) and (tokens[j].key in PLACES or not may_open_a_persons_name(tokens[j])):
        j += 1
    return j if j < len(tokens) else i  # no person's name follows: a club's or a place's ("manager of Arsenal")


def _title_of_a_place(tokens: list[Token], run: Run) -> bool:
    """"and Mayor of London Sadiq Khan", "King of Spain": a title that may be a surname (Federico Mayor), alone
    before "of" or "for" and a place, is that place's title, no name."""
    if len(run.tokens) != 1 or _bare(run.tokens[0]) not in SURNAME_TITLES:
        return False
    k = run.tokens[0].index
    return k + 2 < len(tokens) and tokens[k + 1].key in _JOINERS_AFTER_HEAD and tokens[k + 2].key in PLACES


def _after_the_title_s_place(tokens: list[Token], i: int) -> int:
    """"Archbishop of Canterbury Sarah Mullally", "Mayor of London Sadiq Khan": the place of the title belongs to
    it where a person's name of two words or more follows (a given name, or a word no dictionary has); the index of
    the name's first word, or `i` where no place opens the rest."""
    j = i
    while j < len(tokens) and tokens[j].key in PLACES:
        j += 1
    if j == i or len(tokens) - j < 2:
        return i
    return j if may_open_a_persons_name(tokens[j]) else i


def _trim(run: Run, tokens: list[Token], evidence: Evidence, family_names: frozenset[int]) -> Run | None:
    """Drop the words a name run may carry but that are not the name: "The", titles, demonyms, dates.
    `family_names`: the indexes of words the roles made names as a name's family name opening a sentence
    (`_family_name_opening`)."""
    first = run.tokens[0]
    if len(run.tokens) == 1 and first.key in evidence.surnames:
        if surname_use(first, tokens) or first.sentence_start and first.is_capitalised and not first.is_upper \
                or first.key in WEEKDAYS_MONTHS and _before_a_reporting_verb(first, tokens):
            run.steps.append(SURNAME_ALONE)
            return run  # "... said King.", "King said", "Later May told reporters": a surname in this item
    org = run.tokens[-1].key in ORG_HEADS or first.line in evidence.tables
    i = 0
    while i < len(run.tokens) and _noise_before_the_name(run, tokens, i, org, family_names):
        i += 1
    if i == 0 and _participle_before_a_name_seen_alone(run, tokens):
        i = 1
    j = len(run.tokens)
    while j > i and _noise_after_the_name(run, tokens, i, j):
        j -= 1
    if i >= j or _time_of_a_day(run.tokens, i, j):
        return None
    steps = run.steps + [TRIM_LEADING] * (i > 0) + [TRIM_TRAILING] * (j < len(run.tokens))
    demonym = next((k for k in range(i) if run.tokens[k].key in DEMONYMS), None)
    if demonym is not None and all(dictionary_word(token.key) for token in run.tokens[i:j]) and \
            not (j - i > 1 and run.tokens[i].key in GIVEN_NAMES):  # "Australian Tom Moody": a person, as he is
        i = demonym  # "Indian Ocean", "French Open", "Islamic State": ordinary words need their demonym to be a name
        steps.append(DEMONYM_KEPT)
    return Run(run.tokens[i:j], run.roles[i:j], after_role=run.after_role, steps=steps)


def _noise_before_the_name(run: Run, tokens: list[Token], i: int, org: bool, family_names: frozenset[int]
                           ) -> bool:
    """Is the run's word `i`, after the words dropped before it, no part of the name: "The", a title, a demonym or
    a date opening it (`tokens`: the document's)?"""
    token = run.tokens[i]
    if i == 0 and _family_name_opening(run, family_names):
        return False
    if _day_opening_a_title(run.tokens, i) or i == 0 and _month_as_a_surname(tokens, token):
        return False  # "Saturday Night Live", "Mrs May"
    if i == 0 and token.key == "will" and run.roles[0] == NAME:
        return False  # "Will Hurd said": the roles found the given name, not the verb
    if _leading_noise(token, org, run.after_role and i < len(run.tokens) - 1):
        return True
    return not org and (_opens_a_demonym(run.tokens, i) or _titles_opening(run.tokens, i)
                        or _rank_before_a_person(run.tokens, i) or _business_noun_opening(run.tokens, i)
                        or _common_noun_before_a_person(run.tokens, i))


def _participle_before_a_name_seen_alone(run: Run, tokens: list[Token]) -> bool:
    """"Promoted Livingston stunned Rangers", "Unbeaten Ayr go top": a participle opening a sentence before a name the
    item (`tokens`) also writes alone is what the report says of the name, no part of it (was Промотед Лівінгстон); a
    name such a word opens and the lexicons know stays whole ("United States"), and so does one opened by a word that
    opens clubs' and firms' names ("Sporting Lisbon" in a story set in Lisbon)."""
    first, rest = run.tokens[0], run.tokens[1:]
    if not (first.sentence_start and len(rest) == 1 and _a_participle(first.key) and dictionary_word(first.key)) or \
            first.key in _NAME_OPENING_PARTICIPLES or _a_given_name(first.key):
        return False
    alone = any(token.key == rest[0].key and token.is_capitalised and tokens[token.index - 1].key != first.key
                for token in tokens if token.index > 0)
    return alone and classify(f"{first.text} {rest[0].text}") is None


# Participles that open clubs' and firms' names, whatever the item writes alone after them
_NAME_OPENING_PARTICIPLES = frozenset({"sporting", "racing", "united", "allied", "associated", "consolidated",
                                       "amalgamated", "applied", "advanced", "integrated", "limited", "reformed"})


def _a_participle(key: str) -> bool:
    """A word of six letters or more ending as English participles do: "Promoted", "Unbeaten", "Struggling" (not
    "Red" of Red Star, "Hen" of Hen Vipheak)."""
    return len(key) >= 6 and key.endswith(("ed", "en", "ing"))


def _noise_after_the_name(run: Run, tokens: list[Token], i: int, j: int) -> bool:
    """Is the run's word `j - 1` no part of a name that opens with word `i`: a date, a title alone, or letters after
    a person's name ("QC", "MP")?"""
    token = run.tokens[j - 1]
    if token.key in WEEKDAYS_MONTHS:
        return not _paper_on_sunday(run.tokens, j - 1) and not _month_as_a_surname(tokens, token)
    return _is_title(token) and j - i == 1 or _post_nominal(token) and j - i > 1 or _affiliation_after_a_place(
        run.tokens, i, j)


def _affiliation_after_a_place(tokens: list[Token], i: int, j: int) -> bool:
    """"an Arizona Republican", "a Texas Democrat": a party's member after the place they stand for, each worded by
    the language (not Арізона Репаблікан)."""
    return j - i > 1 and tokens[j - 1].key in DEMONYMS and \
        classify(" ".join(token.text for token in tokens[i : j - 1])) == "place"


_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr"})
# Words that say when someone held a role, opening a sentence before the club, company or title of that role: no
# part of its name (was Формер Манчестер Юнайтед)
_STATUS_BEFORE_A_ROLE = frozenset({"former", "ex", "late", "then", "incoming", "outgoing", "interim"})
# Words after which a weekday opens a name: a show's ("Saturday Night Live", "Monday Night Football"), then a word more;
# a newspaper's ("The Sunday Times", "Sunday Telegraph"), alone
_SHOW_AFTER_A_DAY = frozenset({"night", "morning", "evening", "afternoon"})
_PAPER_AFTER_A_DAY = frozenset({"times", "telegraph", "mirror", "express", "post", "herald", "mail", "people", "star"})
# Papers whose name closes with "on Sunday": "The Mail on Sunday", "The Independent on Sunday"
_PAPERS_ON_SUNDAY = frozenset({"mail", "independent"})


def _day_opening_a_title(tokens: list[Token], i: int) -> bool:
    """"Saturday" of "NBC's Saturday Night Live" is the show's, not the date of something named "Night Live"."""
    if tokens[i].key not in WEEKDAYS_MONTHS or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1].key
    return following in _PAPER_AFTER_A_DAY or following in _SHOW_AFTER_A_DAY and i + 2 < len(tokens)


# Letters after a person's name that are an honour or an office, no part of the name ("Nicholas Cooke QC")
_POST_NOMINALS = frozenset({"qc", "kc", "mp", "msp", "mep", "am", "ms", "mla", "obe", "mbe", "cbe", "kbe", "dbe",
                            "frs"})  # AM, MS: a member of the Welsh Assembly, of the Senedd; MLA: of Stormont


def _post_nominal(token: Token) -> bool:
    return token.is_upper and token.key in _POST_NOMINALS


def _paper_on_sunday(tokens: list[Token], i: int) -> bool:
    return i >= 2 and tokens[i].key == "sunday" and tokens[i - 1].key == "on" and tokens[i - 2].key in _PAPERS_ON_SUNDAY


def _month_as_a_surname(tokens: list[Token], token: Token) -> bool:
    """"Theresa May", "Brian May", "Mrs May": a month after a census given name or a courtesy title (`tokens`: the
    document's) is a surname."""
    before = tokens[token.index - 1] if token.index > 0 else None
    return before is not None and not token.is_upper and not token.sentence_start and \
        (before.key in GIVEN_NAMES or _bare(before) in _COURTESY_TITLES)


def _before_a_reporting_verb(token: Token, tokens: list[Token]) -> bool:
    following = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    return following is not None and following.key in REPORTING_VERBS and following.start - token.end == 1


def _time_of_a_day(tokens: list[Token], i: int, j: int) -> bool:
    """"on Sunday Night": a weekday and the time of it, no name."""
    return j - i == 1 and i > 0 and tokens[i - 1].key in WEEKDAYS_MONTHS and tokens[i].key in _SHOW_AFTER_A_DAY


def _leading_noise(token: Token, org: bool, given_name_slot: bool) -> bool:
    """Whether a run's first word is no part of the name. After a title, a word like "German" that opens
    the rest of the run is a given name ("Energy Minister German Galushchenko"), not a demonym."""
    key = token.key
    if key in DEMONYMS or _hyphenated_demonyms(key):
        return not org and key not in GIVEN_NAMES and not given_name_slot
    if token.sentence_start and key in _STATUS_BEFORE_A_ROLE:  # "Former Manchester United midfielder Paul Scholes"
        return True
    if key in WEEKDAYS_MONTHS:  # "In May Trump flew": before the function words, which hold the modal "may"
        return True
    if key in FUNCTION_WORDS:
        return token.sentence_start or key in ARTICLES or key in _INSIDE_ORG
    if org:
        return False  # "General Motors", "Premier League"
    return _is_title(token) or _bare(token) in _RANK_ONLY


# the rules that make a sentence's first word a name's family name: by the name's shape, or by the name elsewhere
_FAMILY_NAME_RULES = frozenset({FAMILY_NAME_FIRST.name, NAME_PHRASE_ELSEWHERE})


def _family_name_opening(run: Run, family_names: frozenset[int]) -> bool:
    """"Vo Van Thuong said", "To Lam said": a sentence opens with the family name of a name written surname first
    (Vietnamese and Korean family names may be English words: Vo, Do, To), as the roles told it by the name's shape
    (`roles.FAMILY_NAME_FIRST`) or, for a name of two words, by the same name found in running text elsewhere in the
    item ("leader To Lam"); not an article ("The Hague" elsewhere does not make every sentence's "The" a name)."""
    first = run.tokens[0]
    return first.sentence_start and first.key not in ARTICLES and first.index in family_names


def _hyphenated_demonyms(key: str) -> bool:
    """"british-iranian", "mexican-american": demonyms joined by hyphens."""
    parts = key.split("-")
    return len(parts) > 1 and all(part in DEMONYMS for part in parts)


def _business_noun_opening(tokens: list[Token], i: int) -> bool:
    """"Retailer John Lewis said", "Carmaker Tesla": a business noun opening a sentence before a given name or an
    unknown name is the noun the business is introduced by, no part of its name."""
    return tokens[i].sentence_start and i + 1 < len(tokens) and tokens[i].key in BUSINESS_WORDS and \
        tokens[i].key not in ORG_HEADS


def _common_noun_before_a_person(tokens: list[Token], i: int) -> bool:
    """"Neighbour Margaret Wilson, 70, said": a common noun opening a sentence before a person's name of two words
    or more (a given name, then a capitalised word) is the noun the person is introduced by (was Нейбор Маргарет
    Вілсон); a given name that is a common word too opens the name ("Will Smith", "Rose Byrne")."""
    token = tokens[i]
    return token.sentence_start and i + 2 < len(tokens) and dictionary_word(token.key) and \
        not _a_given_name(token.key) and given_name_gender(tokens[i + 1].key) is not None and \
        tokens[i + 2].is_capitalised


def _titles_opening(tokens: list[Token], i: int) -> bool:
    """"Economists Joel Mokyr, Philippe Aghion and ...": a plural title opening a sentence before a given name; a
    plural title may open a team's name ("Queens Park Rangers", "Chiefs quarterback"), so inside a sentence it is a
    title only before a person's name of two words or more ("Democrats including Senators Dianne Feinstein")."""
    key = _bare(tokens[i])
    if not (key.endswith("s") and key[:-1] in TITLES and i + 1 < len(tokens)) or \
            given_name_gender(tokens[i + 1].key) is None:
        return False
    return tokens[i].sentence_start or i + 2 < len(tokens) and tokens[i + 2].is_capitalised and \
        tokens[i + 2].index == tokens[i + 1].index + 1


# Ranks that are titles only before a person's name, and how many words that name needs after them: "General Motors
# Co" and "Metropolitan Opera" are names
_RANKS_BEFORE_A_PERSON = {"general": 2, "metropolitan": 1}


def _rank_before_a_person(tokens: list[Token], i: int) -> bool:
    """"General Abdourahamane Tiani", "General Mark Milley", "Metropolitan Epifaniy": the rank before a person's name
    (a given name or a word no dictionary has); no title elsewhere ("General Motors Co", "Attorney General", "General
    Assembly", "the Metropolitan Museum of Art", "Metropolitan Opera")."""
    words_needed = _RANKS_BEFORE_A_PERSON.get(_bare(tokens[i]))
    if words_needed is None or i + words_needed >= len(tokens):
        return False
    return may_open_a_persons_name(tokens[i + 1])


def _opens_a_demonym(tokens: list[Token], i: int) -> bool:
    """"New" of "New Zealander Chris Hipkins": the first word of a demonym of two words, the second a demonym's."""
    return i + 1 < len(tokens) and tokens[i + 1].key in DEMONYMS and \
        classify(f"{tokens[i].text} {tokens[i + 1].text}") == "demonym"


def _with_team_code(text: str, end: int) -> int:
    match = _TEAM_CODE.match(text, end)
    return match.end() if match else end
