"""A cheap guess of a name's type ("PER", "ORG", "LOC", "MISC" or "NAME" for unknown).

Detection does not depend on it; the protection policy does (places are translated, people kept).
"""

from translation.names.lexicon import DEMONYMS, GIVEN_NAMES, ORG_HEADS, PLACE_PHRASES, PLACES


def guess_type(run) -> str:
    keys = [t.key for t in run.tokens]
    if keys[-1] in ORG_HEADS:
        return "ORG"
    if _is_place(keys):
        return "LOC"
    if all(t.is_upper and len(t.text) > 1 for t in run.tokens):
        return "ORG"  # acronyms: "NATO", "OSCE"
    # "Svitlana ...", "Energy Minister Svitlana Hrynchuk" (a title precedes a person), "P. Simmons"
    if keys[0] in GIVEN_NAMES or run.after_role or (len(keys) > 1 and _is_initial(run.tokens[0].text)):
        return "PER"
    if keys[0] in DEMONYMS:
        return "MISC"
    return "NAME"


def _is_place(keys: list[str]) -> bool:
    return (len(keys) == 1 and keys[0] in PLACES) or tuple(keys) in PLACE_PHRASES


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()  # "P. Simmons"
