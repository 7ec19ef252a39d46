"""Word lists kept as data files: `<package>/data/<name>.txt`, each with a header citing its source.

One reader for all of them: text after '#' is a comment and blank lines are skipped. Two shapes:
- a list (`load`): one entry a line, in lower case; an entry with a space is a phrase, matched on consecutive
  words, and never counts as its single words ("new york" does not make "new" a word of the list);
- a table (`load_table`): tab-separated columns as written, such as a name and its CLDR code ("U.S.<TAB>US").
"""

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class WordList:
    words: frozenset[str]  # one-word entries, lower case
    phrases: frozenset[tuple[str, ...]]  # entries of two words or more, as lower-case word tuples

    def __contains__(self, key: str) -> bool:
        return key in self.words

    def has_entry(self, name: str) -> bool:
        """Whether `name`, in any case, is an entry of the list: one word or a phrase ("Storm Shadow")."""
        key = name.lower()
        return key in self.words or tuple(key.split()) in self.phrases


def fold(text: str) -> str:
    """Lower case without accents, as the lists' entries are written and looked up: "Erdoğan" -> "erdogan",
    "Luís" -> "luis", "Zelenskyy’s" -> "zelenskyy’s"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def load(package: str, name: str) -> WordList:
    """The list `data/<name>.txt` of `package`."""
    entries = [entry.lower() for entry in _entries(package, name)]
    words = frozenset(entry for entry in entries if " " not in entry)
    phrases = frozenset(tuple(entry.split()) for entry in entries if " " in entry)
    return WordList(words, phrases)


@cache
def load_table(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `data/<name>.txt` of `package`: each line's tab-separated columns, stripped, case as written."""
    return tuple(tuple(column.strip() for column in entry.split("\t")) for entry in _entries(package, name))


def _entries(package: str, name: str) -> list[str]:
    """The non-blank lines of the file without their comments, stripped."""
    text = resources.files(package).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [entry for entry in entries if entry]


@cache
def package_version(package: str) -> str:
    """A digest of every file of `package`, its code and data in all its sub-packages: it changes with any
    change to what decides a translation's text (a masking rule, a rendering rule, a table), so a memory keyed on
    it never serves a sentence made by another version of babelwire. Compiled files are left out: they follow the
    source, and differ between installs of the same version."""
    digest = hashlib.sha256()
    for path in _files(resources.files(package), ""):
        digest.update(path[0].encode("utf-8") + b"\0" + path[1].read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _files(folder, prefix: str) -> list:
    """(relative name, resource) of every file under `folder` but compiled ones, sorted by name."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        name = f"{prefix}{entry.name}"
        if entry.name == "__pycache__" or entry.name.endswith((".pyc", ".pyo")):
            continue
        found += _files(entry, name + "/") if entry.is_dir() else [(name, entry)]
    return found
