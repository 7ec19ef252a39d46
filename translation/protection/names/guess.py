"""A cheap guess of a name's type ("PER", "ORG", "LOC", "MISC" or "NAME" for unknown).

Detection does not depend on it; the protection policy does (places are translated, people kept).
"""

from babelwire.translation.protection.names.lexicon import DEMONYMS, GIVEN_NAMES, ORG_HEADS, PLACE_PHRASES, PLACES, \
    WELL_KNOWN_ORGS, institutions
from babelwire.translation.protection.translated_names import classify
from babelwire.translation.protection.names.roles import ACRONYM, DATELINE, FIELD_LABEL_CONFIRMED, TOPIC_SLUG_CONFIRMED

_ACRONYM_RULES = frozenset(rule.name for rule in (ACRONYM, FIELD_LABEL_CONFIRMED, TOPIC_SLUG_CONFIRMED))
# "Act", "Treaty", "Agreement", "Protocol": a name these close is an instrument, never a person, even after a
# title ("the Government of Wales Act" is no "Secretary of State Warren Christopher").
_NEVER_A_PERSON_HEADS = institutions().narrow_heads


def guess_types(runs: list) -> list[str]:
    """The type of each run; a surname repeated alone ("Steve Witkoff ... Witkoff") makes both people."""
    types = [guess_type(run) for run in runs]
    surnames = {run.tokens[-1].key for run, kind in zip(runs, types) if kind == "PER" and len(run.tokens) > 1}
    full_names = {run.tokens[-1].key for run, kind in zip(runs, types) if kind == "NAME" and len(run.tokens) > 1}
    alone = {run.tokens[0].key for run, kind in zip(runs, types) if kind == "NAME" and len(run.tokens) == 1}
    repeated = full_names & alone
    return [_with_repeats(run, kind, surnames | repeated, repeated) for run, kind in zip(runs, types)]


def _with_repeats(run, kind: str, surnames: set[str], repeated: set[str]) -> str:
    if kind != "NAME":
        return kind
    last = run.tokens[-1].key
    if len(run.tokens) == 1 and last in surnames or len(run.tokens) > 1 and last in repeated:
        return "PER"
    return kind


def guess_type(run) -> str:
    keys = [t.key for t in run.tokens]
    if keys[-1] in ORG_HEADS or (len(keys) == 1 and keys[0] in WELL_KNOWN_ORGS):
        return "ORG"  # "Reuters", "Axios": an organisation every desk names without introduction
    if _is_place(keys) or run.rule == DATELINE.name:
        return "LOC"
    if run.rule in _ACRONYM_RULES and all(t.is_upper and len(t.text) > 1 for t in run.tokens):
        return "ORG"  # acronyms: "NATO", "OSCE"
    if len(keys) > 1 and run.tokens[0].is_all_caps and keys[-1] in PLACES:
        return "ORG"  # "NHS England", "BBC Scotland": a body's branch for a country, never a person
    # "Svitlana ...", "Energy Minister Svitlana Hrynchuk" (a title precedes a person), "J. Smith"
    if keys[-1] not in _NEVER_A_PERSON_HEADS and \
            (keys[0] in GIVEN_NAMES or (len(keys) > 1 and _is_initial(run.tokens[0].text))):
        return "PER"
    if run.after_role and keys[-1] not in _NEVER_A_PERSON_HEADS and \
            classify(" ".join(token.text for token in run.tokens)) is None:
        return "PER"  # not "a spokesperson for the Indonesian Red Cross": an institution after a role is one
    if keys[0] in DEMONYMS:
        return "MISC"
    return "NAME"


def _is_place(keys: list[str]) -> bool:
    return (len(keys) == 1 and keys[0] in PLACES) or tuple(keys) in PLACE_PHRASES


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()  # "J. Smith"
