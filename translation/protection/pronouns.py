"""What the pronouns after a person's mentions say of their sex: "Ashley Young ... he" is a man, whatever the
census says of most Ashleys, and "Liam Fox ... his" one although the census has no Liam.

    pronoun_sexes(text, mentions, stops, told_by_report=()) -> {person: Evidence(sex, votes)}
    titled_sexes(text, mentions) -> {person: sex} where a title right before a mention says it ("spokeswoman"), or
        the head of its appositive (", a spokeswoman for")

Each mention votes with the first third-person pronoun that follows it ("he", "his", "him", "himself"; "she",
"her", "hers", "herself") before the end of the next sentence, unless another person or a quote comes first
(the pronoun may then be theirs, or a speaker's); a pronoun before a reporting verb ("..., she suggested.") is
the speaker's, usually someone else, and does not vote; one right after the person's own reporting verb ("Lindsey
Graham said he") votes twice. A person's evidence is the sex all of its votes agree on;
any vote against leaves the person without evidence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from babelwire.translation.lexicon.wordlists import load, load_table
from babelwire.translation.protection.name_types import appositive_role

_SEX_OF = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PRONOUN = re.compile(r"\b(?:" + "|".join(_SEX_OF) + r")\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?:\s|$)")
_SENTENCES_AHEAD = 2  # the rest of the mention's sentence and the next one
_NEXT_WORD = re.compile(r"\s+(\w+)")
_WORDS_BEFORE = re.compile(r"(?:\w+\.?\s+){1,2}$")  # the one or two words right before a mention
_REPORT = re.compile(r"\s+(\w+)(?:\s+(?:on|last|this)\s+\w+)?(?:\s+that)?\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Evidence:
    sex: str  # "f" | "m"
    votes: int


def pronoun_sexes(text: str, mentions: list[tuple[str, int, int]], stops: list[int],
                  told_by_report: Collection[int] = ()) -> dict[str, Evidence]:
    """`mentions`: (person, start, end) for each mention of a person (a surname alone under its full name's
    person); `stops`: the starts of what ends a mention's reach (every mention of a person, every quote);
    `told_by_report`: the starts of mentions that may name no person (a name of no known type: "Birkenhead ... she
    was found"), whose pronoun counts only right after their own reporting verb ("Naledi Pandor said she")."""
    votes: dict[str, Counter] = {}
    ordered_stops = sorted(stops)
    for person, start, end in mentions:
        following = bisect.bisect_right(ordered_stops, start)
        reach = _reach(text, end, ordered_stops[following] if following < len(ordered_stops) else len(text))
        pronoun = next((found for found in _PRONOUN.finditer(text, end, reach) if not _speaker(text, found.end())),
                       None)
        own_report = pronoun is not None and _own_report(text[end : pronoun.start()])
        if pronoun and (own_report or start not in told_by_report):
            weight = 2 if own_report else 1
            votes.setdefault(person, Counter())[_SEX_OF[pronoun.group().lower()]] += weight
    return {person: Evidence(*counted.most_common(1)[0]) for person, counted in votes.items() if len(counted) == 1}


def titled_sexes(text: str, mentions: list[tuple[str, int, int]]) -> dict[str, str]:
    """The sex a title or noun right before a person's mentions gives (`data/gendered_titles.txt`: "Mr Kim Darroch",
    "his wife Jean Carnahan"), or the head of the appositive right after one ("Margrethe Vestager, the committee's
    chairwoman,"); none where two of a person's mentions disagree."""
    titles = {title: sex for title, sex in load_table("babelwire.translation.lexicon", "gendered_titles")}
    found: dict[str, set[str]] = {}
    for person, start, end in mentions:
        for sex in (_title_before(text, start, titles), titles.get(appositive_role(text, end) or "")):
            if sex:
                found.setdefault(person, set()).add(sex)
    return {person: sexes.pop() for person, sexes in found.items() if len(sexes) == 1}


def _title_before(text: str, start: int, titles: dict[str, str]) -> str | None:
    words = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    if words is None:
        return None
    last_two = " ".join(words.group(0).lower().replace(".", "").split()[-2:])
    return titles.get(last_two) or titles.get(last_two.split()[-1])


def _own_report(between: str) -> bool:
    """"Lindsey Graham said he would": the pronoun is the subject of what the person's own reporting verb reports,
    nothing but the verb (and "that", or a day) between them; such a pronoun is surely the person's, and outweighs
    the census as two votes do."""
    match = _REPORT.fullmatch(between)
    return match is not None and match.group(1).lower() in _reporting_verbs()


def _speaker(text: str, end: int) -> bool:
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() in _reporting_verbs()


def _reporting_verbs() -> frozenset[str]:
    return load("babelwire.translation.lexicon", "reporting_verbs").words


def _reach(text: str, end: int, stop: int) -> int:
    position = end
    for _ in range(_SENTENCES_AHEAD):
        found = _SENTENCE_END.search(text, position, stop)
        if not found:
            return stop
        position = found.end()
    return position
