"""What the declension modules share: the case names (pymorphy3's grammemes), a word of a name, and the
per-language tables of `data/`."""

from __future__ import annotations

import re

from babelwire.translation.lexicon.wordlists import load_table

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NOMINATIVE = "nomn"
_LETTERS = r"[^\W\d_]"
WORD = re.compile(rf"{_LETTERS}+(?:['’ʼ-]{_LETTERS}+)*")


def rows(language: str, table: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `data/<language>_<table>.txt`; none for a language without that file."""
    try:
        return load_table(__package__, f"{language}_{table}")
    except FileNotFoundError:
        return ()
