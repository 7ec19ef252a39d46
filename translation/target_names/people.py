"""People in a target written in another script: whether the model wrote a form of each person's rendering, and
the rendering restored, declined, where it did not (the pipeline masks such a person and translates again).

    lost_people(translated, people, target) -> the people with no form of their rendering in `translated`
    masked_person(person, text) -> the span that masks the person in `text`, restored as the rendering
    declined(text, people, masked, target) -> (text with each restored rendering declined, a report per person)
    restored_form(person, before, target, after="", possessive=False) -> (the rendering as restored between the
                                                                           texts `before` and `after`, its case)

A name rendered without being typed a person (in Ukrainian, a name of no known type: a club, a town, often a
person the detector did not recognise, "Kunce", "Moon") declines as a person's name: on the NTREX references'
forms that agreed more often than restoring such names in the nominative (30 against 26 of 42 after a
preposition, tuning half), since most of them are surnames and references decline clubs too ("з «Відеотоном»").
A club with an established form declines as a noun where it is one word ("проти Баварії") and not at all where it
is several ("проти Манчестер Юнайтед"): `declension.club_gender`.
"""

import re
from dataclasses import dataclass, fields, replace

from babelwire.translation.target_names.declension import (CASES, NOMINATIVE, SourceRole, a_noun_before,
                                                           a_noun_follows, decline_name, family_form, find_name_form,
                                                           governed_case)
from babelwire.translation.protection.name_types import PERSON
from babelwire.translation.protection.protect import RenderedPerson
from babelwire.translation.protection.spans import Span

_GENITIVE = "gent"
_ENGLISH_POSSESSIVE = r"['’]s(?!\w)"
LOST_PERSON_RULE = "name: rendered name the model did not write, restored declined"  # a person, a club or a name of no type


@dataclass(frozen=True, slots=True)
class RenderedName:
    """A person written in the target's script: the source name, its rendering (nominative) and where that came
    from, and how it reached the copy: "model" (the model wrote a form of the rendering), "restored" (it did
    not: the name was masked and the rendering put back, declined to `case`), "unchecked" (the model's form
    was wrong but the sentence had no room left to mask it)."""

    name: str
    start: int  # offset in the SOURCE text
    rendering: str
    source: str  # "established", "kmu2010", "bgn_pcgn", "cmudict", "spelling"
    how: str
    case: str | None = None  # the case restored, for "restored"

    def as_dict(self) -> dict:
        return {"name": self.name, "rendering": self.rendering, "source": self.source, "how": self.how,
                "case": self.case}


def masked_person(person: RenderedPerson, text: str) -> Span:
    """The span masking `person` in `text`, restored as the rendering. A name whose full stop also ends the sentence
    ("He met Donald Trump Jr.") leaves that full stop outside the mask: the rendering has none (Трамп-молодший), and
    the model, seeing "He met [1].", ends its sentence itself."""
    span = person.span
    if span.text.endswith(".") and not person.rendering.text.endswith(".") and _ends_a_sentence(text, span.end):
        span = replace(span, end=span.end - 1, text=span.text[:-1])
    return replace(span, replacement=person.rendering.text, rule=LOST_PERSON_RULE)


def _ends_a_sentence(text: str, end: int) -> bool:
    """Whether a full stop right before `end` ends the sentence: the text ends there or goes on with a new line or
    a capital, not in lower case, a comma or a bracket ("Trump Jr. said", "Jr., the son", "(Trump Jr.) said")."""
    rest = text[end:].lstrip(" ")
    return not rest or rest[0] == "\n" or rest[0].isupper()


def lost_people(translated: str, people: list[RenderedPerson], target: str) -> list[RenderedPerson]:
    """The people whose rendering does not stand in `translated` in some form as often as they stand in the
    source (all mentions of such a person are then masked)."""
    wanted: dict[str, list[RenderedPerson]] = {}
    for person in people:
        wanted.setdefault(person.rendering.text, []).append(person)
    lost = []
    for rendering, mentions in wanted.items():
        if _count_forms(translated, mentions[0], target) < len(mentions):
            lost += mentions
    return lost


def _count_forms(text: str, person: RenderedPerson, target: str) -> int:
    """How often a form of the person's rendering stands in `text` (a family's: one of its plural's cases)."""
    if person.family is not None:
        forms = sorted({family_form(person.family, case, target) for case in CASES}, key=len, reverse=True)
        return len(re.findall(rf"(?<!\w)(?:{'|'.join(map(re.escape, forms))})(?!\w)", text))
    count, position = 0, 0
    while (found := find_name_form(text[position:], person.rendering.text, person.gender, target)) is not None:
        count, position = count + 1, position + found[1]
    return count


def declined(text: str, people: list[RenderedPerson], masked: set[int], target: str) -> tuple[str, list[RenderedName]]:
    """A unit's translation with each restored rendering (the nominative the placeholder brought back) declined to
    the case the words before it demand, and a report of each person: written by the model, or restored."""
    written, reports = text, []
    restored = [person for person in people if person.span.start in masked]
    cases: dict[str, list[str]] = {}
    for person in {person.rendering.text: person for person in restored}.values():
        mentions = [other for other in restored if other.rendering.text == person.rendering.text]
        text, cases[person.rendering.text] = _decline_restored(text, replace(person, **_shared_cues(mentions)), target)
    for person in people:
        if person.span.start in masked:
            case = cases[person.rendering.text].pop(0) if cases[person.rendering.text] else None
            how = "restored"
        else:
            case = None
            found = _count_forms(written, person, target) > 0
            how = "model" if found else "unchecked"
        reports.append(RenderedName(person.span.text, person.span.start, person.rendering.text,
                                    person.rendering.source, how, case))
    return text, reports


def restored_form(person: RenderedPerson, before: str, target: str, after: str = "", possessive: bool = False
                  ) -> tuple[str, str]:
    """The rendering as restored between `before` and `after` (the text around it), declined to the case those
    words demand (a name that does not decline stays in the nominative), and the case. `possessive`: the model
    left an English possessive after the placeholder ("[1]'s")."""
    if not person.declines:
        case = NOMINATIVE
    elif possessive or person.possessor and (a_noun_follows(after, target) or a_noun_before(before, target)):
        # the owner, in the English order the model kept or its 's ("Віткоффа команда", not "Віткофф команда") and in
        # the Ukrainian order after a person's title too ("адвокат Трампа" for "Trump's lawyer", not an apposition)
        case = _GENITIVE
    else:
        case = governed_case(before, target, person.span.type == PERSON, after, person.role)
    if person.family is not None:  # "the Obamas": "з Обамами", "у Клінтонів"
        return family_form(person.family, case, target), case
    return decline_name(person.rendering.text, case, person.gender, target, person.surname_first,
                        source=person.span.text, slavic=person.slavic), case


def _shared_cues(mentions: list[RenderedPerson]) -> dict:
    """The English cues (`protect._english_cues`) every mention of one rendering has: which mention the translation
    put where is not known, so a cue counts only where all mentions have it."""
    role = SourceRole(**{cue.name: all(getattr(mention.role, cue.name) for mention in mentions)
                         for cue in fields(SourceRole)})
    return {"role": role, "possessor": all(mention.possessor for mention in mentions)}


def _decline_restored(text: str, person: RenderedPerson, target: str) -> tuple[str, list[str]]:
    """`text` with each whole-word occurrence of the person's rendering declined by the words around it (an English
    possessive the model left after one dropped); the cases used."""
    parts, cases, position = [], [], 0
    for match in re.finditer(rf"(?<!\w){re.escape(person.rendering.text)}(?!\w)({_ENGLISH_POSSESSIVE})?", text):
        form, case = restored_form(person, text[: match.start()], target, text[match.end() :],
                                   possessive=match.group(1) is not None)
        parts += [text[position : match.start()], form]
        cases.append(case)
        position = match.end()
    parts.append(text[position:])
    return "".join(parts), cases
