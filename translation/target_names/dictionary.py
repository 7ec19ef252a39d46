"""The target language's dictionary (pymorphy3 and its `pymorphy3-dicts-<language>` package), where installed.

    analyzer(language) -> pymorphy3.MorphAnalyzer | None
    plain_apostrophe(text) -> str   (a word as the dictionary spells it: ' for ʼ and ’)

pymorphy3 (MIT) reads the dictionary package `pymorphy3-dicts-<language>` (Ukrainian: GPLv3), an optional extra
(`pip install babelwire[names]`): without it there is no analyzer, names are restored in the nominative
(`declension`) and transcribed by the rules alone (`rendering`).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8)
def analyzer(language: str):
    try:
        import pymorphy3
    except ImportError:
        return None
    try:
        return pymorphy3.MorphAnalyzer(lang=language)
    except (ValueError, KeyError, OSError):  # no dictionary package for the language
        return None


def plain_apostrophe(text: str) -> str:
    """The apostrophe as the dictionary writes it: ' for ʼ (U+02BC, our renderings') and ’ (typographic)."""
    return text.replace("’", "'").replace("ʼ", "'")
