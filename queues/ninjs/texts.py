"""The texts a reader sees in a ninjs item, per version, and the names of its people and organisations.

    texts(data, V3) == {"headlines/0/value": ItemText("Talks go on", html=False),
                        "bodies/0/value": ItemText("<p>KYIV ...</p>", html=True), ...}

Keys are field paths (`paths.py`), in a stable order: the item's own fields, then those of the items embedded
under `associations`, recursively. A text is HTML by its declared content type (2.x, 3.x: any type naming html,
`text/html`, `application/xhtml+xml`) or its field name (1.x `body_html`); where neither says (a 1.x
`body_main`, a listed text without a content type or with one babelwire does not know), by whether it holds
markup. A listed text of another XML type (say NITF) is not translated: it is named among
`untranslated_texts`, so the copy's provenance says so.
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from babelwire.queues.ninjs.paths import field_path
from babelwire.queues.ninjs.versions import NinjsVersion

PLAIN_MEDIA_TYPES = frozenset({"text/plain"})
# 1.x formats named in a field's suffix (`body_html`; ninjs 1.0's `body_xhtml`; `body_text`).
HTML_SUFFIXES = ("_html", "_xhtml")
PLAIN_SUFFIXES = ("_text",)
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")  # a start or end tag


@dataclass(frozen=True)
class ItemText:
    value: str
    html: bool


def texts(data: Mapping[str, Any], version: NinjsVersion) -> dict[str, ItemText]:
    """{field path: text} of every text with words that a reader sees, in `version`'s fields."""
    return dict(_texts_of(data, version, (), version.text_fields))


def untranslated_texts(data: Mapping[str, Any], version: NinjsVersion) -> list[str]:
    """Paths of the texts kept as they came: desk fields (`slugline`) and listed texts of other media types."""
    desk = [name for name in version.untranslated_text_fields if isinstance(data.get(name), str)]
    return desk + [path for path, _ in _listed(data, version, (), translatable=False)]


def entity_names(data: Mapping[str, Any], field: str) -> tuple[str, ...]:
    """The distinct, non-blank `name`s of the entities listed under `field` (a version's `people`, say)."""
    entries = data.get(field)
    names = (entry.get("name") for entry in entries or () if isinstance(entry, dict))
    return tuple(dict.fromkeys(name.strip() for name in names if isinstance(name, str) and name.strip()))


def _texts_of(data: Mapping[str, Any], version: NinjsVersion, prefix: tuple,
              plain_fields: tuple[str, ...]) -> Iterator[tuple[str, ItemText]]:
    for name, value in data.items():
        if _has_words(value) and (name in plain_fields or version.is_pattern_field(name)):
            yield field_path((*prefix, name)), ItemText(value, _field_is_html(name, value, version))
    yield from _listed(data, version, prefix, translatable=True)
    for key, embedded in _associations(data, version):
        yield from _texts_of(embedded, version, (*prefix, version.associations, key), version.embedded_text_fields)


def _listed(data: Mapping[str, Any], version: NinjsVersion, prefix: tuple,
            translatable: bool) -> Iterator[tuple[str, ItemText]]:
    """2.x and 3.x: the `value` of each entry of `headlines`, `descriptions`, `bodies` that holds words."""
    for name in version.text_lists:
        entries = data.get(name)
        for index, entry in enumerate(entries if isinstance(entries, list) else ()):
            if not isinstance(entry, dict) or not _has_words(entry.get("value")):
                continue
            html = _entry_is_html(entry, version)
            if (html is not None) == translatable:
                yield field_path((*prefix, name, index, "value")), ItemText(entry["value"], bool(html))
    if not translatable:
        for key, embedded in _associations(data, version):
            yield from _listed(embedded, version, (*prefix, version.associations, key), translatable)


def _associations(data: Mapping[str, Any], version: NinjsVersion) -> Iterator[tuple[Any, Mapping[str, Any]]]:
    associations = data.get(version.associations)
    if isinstance(associations, dict):
        entries = associations.items()
    elif isinstance(associations, list):
        entries = enumerate(associations)
    else:
        return
    yield from ((key, embedded) for key, embedded in entries if isinstance(embedded, dict))


def _field_is_html(name: str, value: str, version: NinjsVersion) -> bool:
    if name in version.text_fields or name.endswith(PLAIN_SUFFIXES):
        return False
    return name.endswith(HTML_SUFFIXES) or holds_markup(value)


def _entry_is_html(entry: Mapping[str, Any], version: NinjsVersion) -> bool | None:
    """True for HTML, False for plain text, None for markup babelwire does not translate (XML such as NITF).
    Content types are read leniently: IPTC's own examples write "body_xhtml" where a media type belongs."""
    declared = entry.get(version.content_type)
    media_type = declared.split(";")[0].strip().lower() if isinstance(declared, str) else ""
    if "html" in media_type:
        return True
    if media_type in PLAIN_MEDIA_TYPES:
        return False
    if "xml" in media_type:
        return None
    return holds_markup(entry["value"])


def holds_markup(text: str) -> bool:
    return _MARKUP.search(text) is not None


def _has_words(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
