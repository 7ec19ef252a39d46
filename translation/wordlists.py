"""Word lists kept as data files: `<package>/data/<name>.txt`, each with a header citing its source.

One loader for all of them: an entry with a space is a phrase, matched on consecutive words, and never
counts as its single words ("new york" does not make "new" a word of the list).
"""

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class WordList:
    words: frozenset[str]  # one-word entries, lower case
    phrases: frozenset[tuple[str, ...]]  # entries of two words or more, as lower-case word tuples

    def __contains__(self, key: str) -> bool:
        return key in self.words


@cache
def load(package: str, name: str) -> WordList:
    """The list `data/<name>.txt` of `package`: text after '#' is a comment; blank lines are skipped."""
    text = resources.files(package).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    entries = [line.split("#", 1)[0].strip().lower() for line in text.splitlines()]
    words = frozenset(entry for entry in entries if entry and " " not in entry)
    phrases = frozenset(tuple(entry.split()) for entry in entries if " " in entry)
    return WordList(words, phrases)
