"""A cheap guess of a name's type, for users and reports; detection does not depend on it."""

from translation.names_gazetteer import CITIES, COUNTRIES, GIVEN_NAMES, ORG_HEADS
from translation.names_lexicon import DEMONYMS


def guess_type(run, text: str) -> str:
    keys = [t.key for t in run.tokens]
    if keys[-1] in ORG_HEADS or all(t.is_upper and len(t.text) > 1 for t in run.tokens):
        return "ORG"
    if " ".join(keys) in COUNTRIES or " ".join(keys) in CITIES:
        return "LOC"
    if keys[0] in GIVEN_NAMES or (len(keys) > 1 and all(len(t.text) == 2 for t in run.tokens[:1])):
        return "PER"
    if run.after_role:  # "Energy Minister Svitlana Hrynchuk": what follows a title is a person
        return "PER"
    if keys[0] in DEMONYMS:
        return "MISC"
    return "NAME"
