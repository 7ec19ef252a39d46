"""What travels on the wire: English ninjs items in, localised copies out.

    item = decode_wire_item(body_bytes)             # MessageDecodeError / MessageValidationError
    copy = translated_copy(item, "uk", Translated({"headline": "..."}, "marian", model_id, revision))
    copy = untranslated_copy(item, "uk")            # kill notices, items without text: no model ran
    body = encode_message(copy)                     # bytes, same bytes for the same copy

Items follow IPTC ninjs 1.x field names. Fields babelwire does not know are kept as they came, so a
newsroom's own extensions survive translation. Everything babelwire adds to a copy lives under the one
key `provenance`, which is why an incoming item may not carry that key itself. Copies are built here and
nowhere else: their uri, id and provenance follow from the item, the language and what the model reports.
"""

import codecs
import copy
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from queues.errors import MessageDecodeError, MessageValidationError

_Model = TypeVar("_Model", bound=BaseModel)

# A wire story is tens of kilobytes; a megabyte is an archive dump or an attack, not a story.
MAX_BODY_BYTES = 1_000_000
# ninjs nests a few levels (an item, its people, their fields); past this it is an attack, not a story.
MAX_JSON_DEPTH = 64

# HTML fragments: their text is translated and their markup kept. The _xhtml names are ninjs 1.0's, still
# used by IPTC's own example items.
HTML_FIELDS = ("description_html", "body_html", "description_xhtml", "body_xhtml")
# Text fields a desk reads, translated in each copy. `slugline` is a desk keyword that other systems
# match on, so it travels unchanged, as do the identifiers and dates.
TRANSLATED_FIELDS = ("headline", "description_text", "body_text", "byline", *HTML_FIELDS)
# The fields translated in the items embedded under `associations` (pictures, video, related stories).
ASSOCIATED_FIELDS = ("headline", "description_text", "body_text", *HTML_FIELDS)
# Text-bearing ninjs fields that babelwire passes through untranslated; a copy lists the ones present.
UNTRANSLATED_TEXT_FIELDS = ("slugline",)
ASSOCIATIONS = "associations"
KILL_STATUSES = frozenset({"withheld", "canceled"})
RESERVED_KEY = "provenance"

# uuid5 namespace for copy ids; changing it would change every copy id ever published.
_COPY_ID_NAMESPACE = uuid.UUID("6f0b3d0e-8a51-4d8e-9a57-0c1c7d2b9a10")
# The model revision in the id of a copy made without a model; part of every such id ever published.
UNTRANSLATED_REVISION = "untranslated"


class Entity(BaseModel):
    """A person, organisation or place of a ninjs item; only `name` matters to babelwire."""

    model_config = ConfigDict(extra="allow", frozen=True)

    name: str | None = None


class _NinjsItem(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    uri: str = Field(min_length=1)
    version: str | int | None = None
    versioncreated: str | None = None
    language: str | None = None
    urgency: int | None = Field(default=None, ge=0, le=9)
    pubstatus: Literal["usable", "withheld", "canceled"] | None = None
    embargoed: str | None = None
    headline: str | None = None
    body_text: str | None = None
    description_text: str | None = None
    byline: str | None = None
    slugline: str | None = None
    people: list[Entity] | None = None
    organisations: list[Entity] | None = None
    places: list[Entity] | None = None

    @field_validator("versioncreated", "embargoed")
    @classmethod
    def _iso_datetime(cls, value: str | None) -> str | None:
        # Validated, but the original string is kept: a copy must not rewrite the source's timestamps.
        if value is not None:
            try:
                datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise ValueError(f"{value!r} is not an ISO 8601 date-time") from None
        return value

    def to_dict(self) -> dict:
        """The item as JSON-ready data: only the fields it came with (plus any set by babelwire)."""
        return self.model_dump(mode="json", exclude_unset=True)

    @property
    def is_kill_notice(self) -> bool:
        return self.pubstatus in KILL_STATUSES


class WireItem(_NinjsItem):
    """An English ninjs item as it arrives on the wire."""

    # Not a ninjs field: lets an item name its target languages; otherwise the submitter's choice applies.
    target_languages: list[str] | None = None

    @field_validator("language")
    @classmethod
    def _english(cls, value: str | None) -> str | None:
        if value is not None and value.split("-")[0].strip().lower() != "en":
            raise ValueError(f"item language is {value!r}; babelwire translates English items only")
        return value

    @field_validator("target_languages")
    @classmethod
    def _normalise_targets(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        targets = [language.strip().lower() for language in value if language.strip()]
        if not targets:
            raise ValueError("names no language; leave it out to use the configured languages")
        return targets

    @model_validator(mode="before")
    @classmethod
    def _no_reserved_key(cls, data: Any) -> Any:
        if isinstance(data, dict) and RESERVED_KEY in data:
            raise ValueError(f"field {RESERVED_KEY!r} is reserved for babelwire's localised copies")
        return data

    def texts_to_translate(self) -> dict[str, str]:
        """{field path: text} of the translated fields that hold text, in a stable order: the item's own
        fields by name, then those of its associations, recursively, as paths such as
        "associations/mainpic/headline" (see `field_path`)."""
        data = self.to_dict()
        texts = {name: data.get(name) for name in TRANSLATED_FIELDS}
        found = {name: text for name, text in texts.items() if isinstance(text, str) and text.strip()}
        found.update(_associated_texts(data.get(ASSOCIATIONS), (ASSOCIATIONS,)))
        return found

    def do_not_translate_terms(self) -> tuple[str, ...]:
        """Names of the item's people and organisations: they must come back verbatim."""
        entities = (self.people or []) + (self.organisations or [])
        names = (entity.name.strip() for entity in entities if entity.name)
        return tuple(dict.fromkeys(name for name in names if name))

    def untranslated_text_fields(self) -> list[str]:
        present = set(self.model_fields_set) | set(self.model_extra or {})
        return [name for name in UNTRANSLATED_TEXT_FIELDS if name in present]


class NameRendering(BaseModel):
    """A person written in the copy's script (Ukrainian: Cyrillic): where, as what, from which source, and how
    it reached the copy ("model": the model's own form of the rendering; "restored": the model's was wrong, so
    the rendering was put back, declined to `case`; "unchecked": wrong, with no room left to mask it)."""

    model_config = ConfigDict(frozen=True)

    field: str  # the field path
    name: str
    rendering: str
    source: str  # "established", "kmu2010", "cmudict", "spelling"
    how: str
    case: str | None = None


class Provenance(BaseModel):
    """Where a localised copy came from. Every value is a function of the job, not of the delivery,
    so a redelivered job produces byte-identical copies (time taken travels in a header instead)."""

    model_config = ConfigDict(frozen=True)

    id: str
    source_uri: str
    source_version: str | int | None
    translated: bool  # False for kill notices, passed on as they came
    engine: str | None
    model_id: str | None
    model_revision: str | None
    protected_spans: dict[str, int] = Field(default_factory=dict)  # span kind -> count
    fallbacks: int = 0  # sentences that needed a fallback to restore their protected spans, plus markup repairs
    markup_repairs: dict[str, int] = Field(default_factory=dict)  # HTML fields: repair kind -> count
    untranslated_fields: list[str] = Field(default_factory=list)
    rendered_names: list[NameRendering] = Field(default_factory=list)  # people written in the copy's script


class LocalizedCopy(_NinjsItem):
    """The item with its text fields translated, `language` the target (BCP 47), and provenance."""

    language: str = Field(min_length=2)
    provenance: Provenance


def copy_id(source_uri: str, version: str | int | None, language: str, model_revision: str | None) -> str:
    """Deterministic id of a localised copy: the same job always yields the same id."""
    key = "\x1f".join((source_uri, "" if version is None else str(version), language, model_revision or ""))
    return str(uuid.uuid5(_COPY_ID_NAMESPACE, key))


def copy_uri(source_uri: str, language: str) -> str:
    """The copy's ninjs uri: one per (item, language); versions of a copy share it, as in ninjs."""
    return f"{source_uri}#{language}"


def is_html_field(path: str) -> bool:
    """Is the field at `path` (a key of `texts_to_translate`) an HTML fragment?"""
    return split_path(path)[-1] in HTML_FIELDS


def field_path(parts: tuple) -> str:
    """A field's path: its keys (and list indices) joined by "/", "~" and "/" in keys escaped as in
    JSON Pointer (RFC 6901), so "associations/a~1b/headline" is the headline of association "a/b"."""
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def split_path(path: str) -> list[str]:
    return [part.replace("~1", "/").replace("~0", "~") for part in path.split("/")]


def field_at(data: dict, path: str) -> Any:
    """The value at `path` in an item's data, None where there is none."""
    value: Any = data
    for key in split_path(path):
        if isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        elif isinstance(value, dict):
            value = value.get(key)
        else:
            return None
    return value


def _set_field(data: dict, path: str, text: str) -> None:
    *keys, last = split_path(path)
    container = field_at(data, field_path(tuple(keys))) if keys else data
    if isinstance(container, list):
        container[int(last)] = text
    else:
        container[last] = text


def _associated_texts(associations: object, prefix: tuple) -> dict[str, str]:
    """The translated fields of embedded items: ninjs 1.x names them ({"mainpic": {...}}), later versions
    list them ([{"name": "mainpic", ...}]); each may embed further items."""
    entries: Iterable[tuple[Any, Any]]
    if isinstance(associations, dict):
        entries = associations.items()
    elif isinstance(associations, list):
        entries = enumerate(associations)
    else:
        return {}
    found = {}
    for key, embedded in entries:
        if not isinstance(embedded, dict):
            continue
        for name in ASSOCIATED_FIELDS:
            text = embedded.get(name)
            if isinstance(text, str) and text.strip():
                found[field_path((*prefix, key, name))] = text
        found.update(_associated_texts(embedded.get(ASSOCIATIONS), (*prefix, key, ASSOCIATIONS)))
    return found


@dataclass(frozen=True)
class Translated:
    """What a model made of an item's fields: their new texts, and what the copy's provenance records of it."""

    texts: Mapping[str, str]  # field path (a key of `texts_to_translate`) -> translated text
    engine: str
    model_id: str
    model_revision: str
    protected_spans: Mapping[str, int] = field(default_factory=dict)  # span kind -> count
    fallbacks: int = 0
    markup_repairs: Mapping[str, int] = field(default_factory=dict)  # repair kind -> count
    rendered_names: Sequence[Mapping] = ()  # NameRendering fields, one mapping per person's mention


def translated_copy(item: WireItem, language: str, translated: Translated) -> LocalizedCopy:
    """The copy of `item` in `language` with the translated texts; the item's other fields come along untouched."""
    provenance = _provenance(
        item, language, translated.model_revision, translated=True, engine=translated.engine,
        model_id=translated.model_id, protected_spans=dict(sorted(translated.protected_spans.items())),
        fallbacks=translated.fallbacks, markup_repairs=dict(sorted(translated.markup_repairs.items())),
        untranslated_fields=item.untranslated_text_fields(),
        rendered_names=[NameRendering(**record) for record in translated.rendered_names],
    )
    return _localize(item, language, translated.texts, provenance)


def untranslated_copy(item: WireItem, language: str) -> LocalizedCopy:
    """The copy that carries the source text as it came: kill notices, and items with no text to translate."""
    provenance = _provenance(
        item, language, UNTRANSLATED_REVISION, translated=False, engine=None, model_id=None,
        untranslated_fields=[*item.texts_to_translate(), *item.untranslated_text_fields()],
    )
    return _localize(item, language, {}, provenance)


def _provenance(item: WireItem, language: str, revision: str, *, translated: bool, **fields) -> Provenance:
    return Provenance(
        id=copy_id(item.uri, item.version, language, revision), source_uri=item.uri, source_version=item.version,
        translated=translated, model_revision=revision if translated else None, **fields,
    )


def _localize(item: WireItem, language: str, texts: Mapping[str, str], provenance: Provenance) -> LocalizedCopy:
    data = copy.deepcopy(item.to_dict())
    for path, text in texts.items():
        _set_field(data, path, text)
    data.update(uri=copy_uri(item.uri, language), language=language, provenance=provenance.model_dump())
    return LocalizedCopy.model_validate(data)


def wrap_plain_text(text: str, uri: str, language: str = "en") -> WireItem:
    """A plain-text story as a ninjs item: the first non-blank line is the headline, all of it the body."""
    headline = next((line.strip() for line in text.splitlines() if line.strip()), None)
    data = {"uri": uri, "language": language, "type": "text", "headline": headline, "body_text": text}
    return _validate(WireItem, {key: value for key, value in data.items() if value is not None})


def wrap_html(html: str, uri: str, language: str = "en") -> WireItem:
    """An HTML story (a fragment or a page) as a ninjs item: all of it the body_html."""
    return _validate(WireItem, {"uri": uri, "language": language, "type": "text", "body_html": html})


def decode_wire_item(body: bytes, *, max_bytes: int = MAX_BODY_BYTES) -> WireItem:
    """Bytes off the wire -> WireItem.

    Raises:
        MessageDecodeError: empty, too large, not UTF-8, not JSON, not a JSON object.
        MessageValidationError: the object is not an acceptable English ninjs item.
    """
    return _validate(WireItem, decode_json_object(body, max_bytes=max_bytes))


def decode_localized_copy(body: bytes) -> LocalizedCopy:
    """Bytes of a published copy -> LocalizedCopy (for consumers and tests)."""
    return _validate(LocalizedCopy, decode_json_object(body, max_bytes=None))


def encode_message(message: _NinjsItem) -> bytes:
    """UTF-8 JSON, no ASCII escaping (Cyrillic stays readable), deterministic for equal messages."""
    return json.dumps(message.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


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


def _validate(model: type[_Model], data: dict) -> _Model:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise MessageValidationError(_readable(error, model.__name__), field=_first_field(error)) from None


def _readable(error: ValidationError, what: str) -> str:
    problems = []
    for detail in error.errors(include_url=False):
        where = _where(detail)
        message = detail["msg"].removeprefix("Value error, ")
        problems.append(f"{where}: {message}")
    return f"not a valid {what}: " + "; ".join(problems)


def _first_field(error: ValidationError) -> str:
    """The dotted path of the first field at fault ("item" when the whole item is)."""
    return _where(error.errors(include_url=False)[0])


def _where(detail: dict) -> str:
    return ".".join(str(part) for part in detail["loc"]) or "item"
