"""English ninjs items off the wire: safe JSON decoding, and the item as babelwire reads it.

    item = decode_wire_item(body_bytes)      # MessageDecodeError / MessageValidationError
    item.texts_to_translate()                # {field path: text}, in the item's own ninjs version
    body = encode_message(item)              # bytes, the same for the same item

An item is IPTC ninjs 1.x, 2.x or 3.x (`babelwire.queues.ninjs` knows each version's field names and schema), valid in
IPTC's schema of its version, and English (or of no stated language). It may also name its target languages
in `target_languages`, which is not a ninjs field: it is read here and travels in no copy. Copies of an item
are built in `babelwire.queues.copies`.
"""

import codecs
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from babelwire.queues import ninjs
from babelwire.queues.errors import MessageDecodeError, MessageValidationError
from babelwire.queues.ninjs.versions import NinjsVersion

# A wire story is tens of kilobytes; a megabyte is an archive dump or an attack, not a story.
MAX_BODY_BYTES = 1_000_000
# ninjs nests a few levels (an item, its people, their fields); past this it is an attack, not a story.
MAX_JSON_DEPTH = 64
# Not a ninjs field: lets an item name its target languages; otherwise the submitter's choice applies.
TARGET_LANGUAGES = "target_languages"
KILL_STATUSES = frozenset({"withheld", "canceled"})


@dataclass(frozen=True)
class WireItem:
    """An English ninjs item as it arrived: its data (less `target_languages`) and its ninjs version."""

    data: Mapping[str, Any]
    version: NinjsVersion
    target_languages: tuple[str, ...] | None = None

    @property
    def uri(self) -> str:
        return self.data["uri"]

    @property
    def item_version(self) -> str | None:
        """The item's own `version` (of the news object, not of ninjs)."""
        return self.data.get("version")

    @property
    def is_kill_notice(self) -> bool:
        return self.data.get(self.version.pubstatus) in KILL_STATUSES

    def texts_to_translate(self) -> dict[str, str]:
        """{field path: text} of every text a reader sees, in a stable order: the item's own fields, then
        those of its associations, recursively (paths such as "associations/0/headlines/0/value")."""
        return {path: text.value for path, text in self._texts.items()}

    def is_html(self, path: str) -> bool:
        """Is the text at `path` (a key of `texts_to_translate`) an HTML fragment?"""
        return self._texts[path].html

    def do_not_translate_terms(self) -> tuple[str, ...]:
        """Names of the item's people and organisations: they must come back verbatim."""
        names = ninjs.entity_names(self.data, self.version.people) + ninjs.entity_names(
            self.data, self.version.organisations)
        return tuple(dict.fromkeys(names))

    def untranslated_text_fields(self) -> list[str]:
        return ninjs.untranslated_texts(self.data, self.version)

    def to_dict(self) -> dict:
        targets = {TARGET_LANGUAGES: list(self.target_languages)} if self.target_languages else {}
        return {**self.data, **targets}

    @cached_property
    def _texts(self) -> dict[str, ninjs.ItemText]:  # found once: the handler asks of every text whether it is HTML
        return ninjs.texts(self.data, self.version)


def wrap_plain_text(text: str, uri: str, language: str = "en") -> WireItem:
    """A plain-text story as a ninjs 1.x item: the first non-blank line is the headline, all of it the body."""
    headline = next((line.strip() for line in text.splitlines() if line.strip()), None)
    data = {"uri": uri, "language": language, "type": "text", "headline": headline, "body_text": text}
    return wire_item({key: value for key, value in data.items() if value is not None})


def wrap_html(html: str, uri: str, language: str = "en") -> WireItem:
    """An HTML story (a fragment or a page) as a ninjs 1.x item: all of it the body_html."""
    return wire_item({"uri": uri, "language": language, "type": "text", "body_html": html})


def decode_wire_item(body: bytes, *, max_bytes: int = MAX_BODY_BYTES) -> WireItem:
    """Bytes off the wire -> WireItem.

    Raises:
        MessageDecodeError: empty, too large, not UTF-8, not JSON, not a JSON object.
        MessageValidationError: the object is not an English ninjs item valid in IPTC's schema of its version.
    """
    return wire_item(decode_json_object(body, max_bytes=max_bytes))


def wire_item(data: Mapping[str, Any]) -> WireItem:
    """A decoded JSON object -> WireItem; MessageValidationError when it is not an acceptable item. The language
    is checked first, so a non-English item is refused for its language whatever else is wrong with it."""
    targets = _target_languages(data.get(TARGET_LANGUAGES))
    item = {key: value for key, value in data.items() if key != TARGET_LANGUAGES}
    _check_english(item.get("language"))
    version = ninjs.checked_version(item)
    if not item["uri"].strip():
        raise MessageValidationError("not a valid item: uri: is blank", field="uri")
    return WireItem(item, version, targets)


def encode_message(message) -> bytes:
    """UTF-8 JSON of an item or copy (`to_dict()`), no ASCII escaping (Cyrillic stays readable), deterministic."""
    return json.dumps(message.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def language_key(tag: str) -> str:
    """The form a language tag travels in: " UK" and "uk" are one language, one queue. (`translation/` has its own,
    `babelwire.translation.models.registry.language_key`: the two packages do not import each other.)"""
    return tag.strip().lower()


def _check_english(language: object) -> None:
    if isinstance(language, str) and language_key(language.split("-")[0]) != "en":
        raise MessageValidationError(
            f"not a valid item: language: item language is {language!r}; babelwire translates English items only",
            field="language", language=language)


def _target_languages(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(language, str) for language in value):
        raise MessageValidationError(
            f"not a valid item: {TARGET_LANGUAGES}: must be a list of language tags", field=TARGET_LANGUAGES)
    targets = tuple(language_key(language) for language in value if language.strip())
    if not targets:
        raise MessageValidationError(
            f"not a valid item: {TARGET_LANGUAGES}: names no language; leave it out to use the configured languages",
            field=TARGET_LANGUAGES)
    return targets


def decode_json_object(body: bytes, *, max_bytes: int | None = MAX_BODY_BYTES) -> dict:
    if not body:
        raise MessageDecodeError("message body is empty; expected a ninjs JSON object")
    if max_bytes is not None and len(body) > max_bytes:
        raise MessageDecodeError(
            f"message body is {len(body):,} bytes, over the {max_bytes:,}-byte limit for one wire item"
        )
    data = _parse_json(_decode_utf8(body), bom=body.startswith(codecs.BOM_UTF8))
    if not isinstance(data, dict):
        raise MessageDecodeError(f"expected a JSON object (a ninjs item), got a JSON {type(data).__name__}")
    return data


def _decode_utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MessageDecodeError(
            f"message body is not valid UTF-8 (byte {error.start}: {body[error.start:error.start + 1]!r})",
            offset=error.start) from None


def _parse_json(text: str, bom: bool = False) -> Any:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        offset = len(text[:error.pos].encode("utf-8")) + (len(codecs.BOM_UTF8) if bom else 0)  # of the body's bytes
        raise MessageDecodeError(f"message body is not valid JSON: {error}", offset=offset) from None
    except RecursionError:
        raise MessageDecodeError("message body is JSON nested too deeply to be a wire item") from None
    if _nested_deeper_than(data, MAX_JSON_DEPTH):
        # Parsable, but no copy of it could be serialised (pydantic stops at 255 levels): bad input, not a hiccup.
        raise MessageDecodeError(
            f"message body is JSON nested too deeply to be a wire item (over {MAX_JSON_DEPTH} levels)"
        )
    try:
        # Lone surrogates (\ud800) parse, but no copy holding them could ever be encoded and published.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise MessageDecodeError("message body holds an unpaired UTF-16 surrogate escape") from None
    return data


def _nested_deeper_than(data: Any, limit: int) -> bool:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
