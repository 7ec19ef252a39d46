"""A whole name rendered word by word, each word by the first method that knows it (see the package's doc)."""

from __future__ import annotations

import re
import unicodedata

from translation.rendering.languages import LanguageData, language_data
from translation.rendering.origin import looks_slavic
from translation.rendering.pronounce import transcribe

ESTABLISHED, CMUDICT, SPELLING = "established", "cmudict", "spelling"
_WORD_PARTS = re.compile(r"([\s\-‐‑–]+)")  # spaces and hyphens separate words and stay as written
_INITIAL = re.compile(r"^([A-Za-z])\.$")


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" -> "erdogan", "Zelenskyy’s" -> "zelenskyy’s"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def render_words(name: str, language: str) -> tuple[str, str] | None:
    """(the rendering, its source) of the whole name; None when some word has a letter no table covers."""
    data = language_data(language)
    name = " ".join(name.split())
    whole = data.established.get(fold(name))
    if whole is not None:
        return whole, ESTABLISHED
    parts = _WORD_PARTS.split(name)
    words = [part for index, part in enumerate(parts) if index % 2 == 0 and part]
    slavic = any(_is_slavic(fold(word), data) for word in words if not _INITIAL.match(word))
    rendered, sources = [], []
    for index, part in enumerate(parts):
        if index % 2 or not part:  # a separator
            rendered.append(part)
            continue
        word = _render_word(part, data, slavic)
        if word is None:
            return None
        rendered.append(word[0])
        sources.append(word[1])
    return "".join(rendered), _least_certain(sources, data)


def _is_slavic(key: str, data: LanguageData) -> bool:
    return key in data.slavic_given_names or looks_slavic(key)


def _render_word(word: str, data: LanguageData, slavic: bool) -> tuple[str, str] | None:
    initial = _INITIAL.match(word)
    if initial:
        letters = data.spelling.rewrite(initial.group(1).lower())
        return (None if letters is None else _cased(letters, word) + ".", SPELLING)
    key = fold(word)
    if not any("a" <= char <= "z" for char in key):
        return word, ESTABLISHED  # already in another script, or no letters: as written
    form, source = _form(key, data, slavic)
    return None if form is None else (_cased(form, word), source)


def _form(key: str, data: LanguageData, slavic: bool) -> tuple[str | None, str]:
    if key in data.established:
        return data.established[key], ESTABLISHED
    if slavic:
        if key in data.given_names:
            return data.given_names[key], ESTABLISHED
        return data.romanised.rewrite(key), data.romanisation_name
    pronounced = transcribe(key, data)
    if pronounced is not None:
        return pronounced, CMUDICT
    return data.spelling.rewrite(key), SPELLING


def _cased(form: str, word: str) -> str:
    """The form with the word's initial capital ("von" stays lower case, "Trump" -> "Трамп")."""
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


def _least_certain(sources: list[str], data: LanguageData) -> str:
    order = [ESTABLISHED, data.romanisation_name, CMUDICT, SPELLING]
    return max(sources, key=order.index) if sources else ESTABLISHED
