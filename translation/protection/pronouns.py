"""What the pronouns after a person's mentions say of their sex: "Ashley Young ... he" is a man, whatever the
census says of most Ashleys, and "Liam Fox ... his" one although the census has no Liam.

    pronoun_sexes(text, mentions, stops) -> {person: Evidence(sex, votes)}

Each mention votes with the first third-person pronoun that follows it ("he", "his", "him", "himself"; "she",
"her", "hers", "herself") before the end of the next sentence, unless another person or a quote comes first
(the pronoun may then be theirs, or a speaker's); a pronoun before a reporting verb ("..., she suggested.") is
the speaker's, usually someone else, and does not vote. A person's evidence is the sex all of its votes agree on;
any vote against leaves the person without evidence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from babelwire.translation.lexicon.wordlists import load

_SEX_OF = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PRONOUN = re.compile(r"\b(?:" + "|".join(_SEX_OF) + r")\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?:\s|$)")
_SENTENCES_AHEAD = 2  # the rest of the mention's sentence and the next one
_NEXT_WORD = re.compile(r"\s+(\w+)")


@dataclass(frozen=True, slots=True)
class Evidence:
    sex: str  # "f" | "m"
    votes: int


def pronoun_sexes(text: str, mentions: list[tuple[str, int, int]], stops: list[int]) -> dict[str, Evidence]:
    """`mentions`: (person, start, end) for each mention of a person (a surname alone under its full name's
    person); `stops`: the starts of what ends a mention's reach (every mention of a person, every quote)."""
    votes: dict[str, Counter] = {}
    ordered_stops = sorted(stops)
    for person, start, end in mentions:
        following = bisect.bisect_right(ordered_stops, start)
        reach = _reach(text, end, ordered_stops[following] if following < len(ordered_stops) else len(text))
        pronoun = next((found for found in _PRONOUN.finditer(text, end, reach) if not _speaker(text, found.end())),
                       None)
        if pronoun:
            votes.setdefault(person, Counter())[_SEX_OF[pronoun.group().lower()]] += 1
    return {person: Evidence(*counted.most_common(1)[0]) for person, counted in votes.items() if len(counted) == 1}


def _speaker(text: str, end: int) -> bool:
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() in load("babelwire.translation.lexicon",
                                                                         "reporting_verbs").words


def _reach(text: str, end: int, stop: int) -> int:
    position = end
    for _ in range(_SENTENCES_AHEAD):
        found = _SENTENCE_END.search(text, position, stop)
        if not found:
            return stop
        position = found.end()
    return position
