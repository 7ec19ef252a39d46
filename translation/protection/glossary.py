"""Glossary: do-not-translate terms and per-language renderings, applied through placeholder masking.

File format (TOML; JSON with the same structure also works, chosen by the file suffix):

    keep = ["Kyiv", "UNN", "Axios"]      # verbatim in every language

    [render.Zelenskyy]                   # this rendering in these languages, verbatim in the others
    uk = "Зеленський"
    de = "Selenskyj"

Every term is matched as a whole word, case-sensitively, and protected like a quote. Language codes are those of
`babelwire.translation.models.registry.is_language_code`; their region and script subtags match in any case ("pt-BR" applies to
the target "pt-br", which is how the CLI and the worker name it).
"""

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from babelwire.translation.errors import GlossaryError
from babelwire.translation.models.registry import is_language_code

_KNOWN_KEYS = {"keep", "render"}


@dataclass(frozen=True, slots=True)
class Glossary:
    keep: frozenset[str] = frozenset()
    render: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def load(cls, path: str | Path) -> "Glossary":
        """Read a .toml or .json glossary. Raises GlossaryError naming the file and what is wrong."""
        path = Path(path)
        return cls.from_dict(_read(path), source=str(path))

    @classmethod
    def from_dict(cls, data: object, source: str = "glossary") -> "Glossary":
        if not isinstance(data, dict):
            raise GlossaryError(f"{source}: expected a table with 'keep' and/or 'render', got {_kind(data)}",
                                path=source)
        unknown = sorted(set(data) - _KNOWN_KEYS)
        if unknown:
            raise GlossaryError(f"{source}: unknown key(s) {unknown}; expected 'keep' and/or 'render'", path=source)
        keep = frozenset(_terms(data.get("keep", []), source))
        render = _renderings(data.get("render", {}), source)
        return cls(keep=keep, render=MappingProxyType(render))

    def terms_for(self, target: str | None) -> dict[str, str | None]:
        """Each protected term and what replaces it in `target` (None: the term itself, verbatim)."""
        terms: dict[str, str | None] = dict.fromkeys(self.keep)
        for term, by_language in self.render.items():
            terms[term] = by_language.get(target.lower()) if target else None
        return terms

    def __len__(self) -> int:
        return len(self.keep | set(self.render))

    @property
    def version(self) -> str:
        """A digest of the terms and renderings: another glossary, another version (a translation memory keys
        on it)."""
        content = {"keep": sorted(self.keep), "render": {term: dict(by) for term, by in self.render.items()}}
        return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _read(path: Path) -> object:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GlossaryError(f"{path}: cannot read glossary ({error.strerror or error})", path=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (Windows editors write one) is not part of the text
    except UnicodeDecodeError as error:
        raise GlossaryError(
            f"{path}: not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); save it as UTF-8",
            path=str(path)) from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise GlossaryError(f"{path}: invalid JSON: {error}", path=str(path), line=error.lineno) from None
    if path.suffix.lower() == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise GlossaryError(f"{path}: invalid TOML: {error}", path=str(path), line=_toml_line(error)) from None
    raise GlossaryError(f"{path}: unknown glossary format; name the file *.toml or *.json", path=str(path))


def _terms(value: object, source: str) -> list[str]:
    if not isinstance(value, list):
        raise GlossaryError(f"{source}: 'keep' must be a list of terms, got {_kind(value)}", path=source)
    return [_term(item, source, "keep") for item in value]


def _term(value: object, source: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise GlossaryError(f"{source}: {where}: a term must be a non-empty string, got {value!r}", path=source)
    if value != value.strip():
        raise GlossaryError(f"{source}: {where}: term {value!r} has leading or trailing whitespace",
                            path=source, term=value)
    return value


def _renderings(value: object, source: str) -> dict[str, Mapping[str, str]]:
    if not isinstance(value, dict):
        raise GlossaryError(f"{source}: 'render' must be a table of term -> {{language = rendering}}", path=source)
    render = {}
    for term, by_language in value.items():
        term = _term(term, source, "render")
        if not isinstance(by_language, dict) or not by_language:
            raise GlossaryError(f"{source}: render.{term}: expected a table such as {{uk = \"...\"}}",
                                path=source, term=term)
        render[term] = MappingProxyType(_renderings_of(term, by_language, source))
    return render


def _renderings_of(term: str, by_language: dict, source: str) -> dict[str, str]:
    rendered: dict[str, str] = {}
    for language, text in by_language.items():
        if not is_language_code(language):
            raise GlossaryError(f"{source}: render.{term}: {language!r} is not a language code such as 'uk'",
                                path=source, term=term)
        if language.lower() in rendered:
            raise GlossaryError(f"{source}: render.{term}: {language!r} is given twice (codes match in any case)",
                                path=source, term=term)
        rendered[language.lower()] = _term(text, source, f"render.{term}.{language}")
    return rendered


def _kind(value: object) -> str:
    return type(value).__name__


def _toml_line(error: Exception) -> int | None:
    """The line a TOML error is at: an attribute from Python 3.14, in the message before that."""
    line = getattr(error, "lineno", None)
    if line is None:
        found = re.search(r"\(at line (\d+)", str(error))
        line = int(found.group(1)) if found else None
    return line
