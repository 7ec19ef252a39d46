"""Localised copies: built here and nowhere else, each checked against IPTC's schema before anyone sees it.

    copy = translated_copy(item, "uk", Translated({"headlines/0/value": "..."}, "marian", model_id, revision))
    copy = untranslated_copy(item, "uk")     # kill notices, items without text: no model ran
    body = encode_message(copy)              # the ninjs document; copy.provenance.headers() travel beside it

A copy is a ninjs document of its item's own version: the item with its texts translated, `language` the
target (in the items embedded under `associations` that state one, too), `uri` = `<source uri>#<language>`, and
alternative ids (`altids` / `altIds`) that name the English source and its version. Everything else babelwire
knows of a copy (its id, the model, what was protected) is its `Provenance`, which ninjs has no field for: it
travels in the message headers and the job log, never in the body.
"""

import copy
import json
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from babelwire.queues import ninjs, topology
from babelwire.queues.errors import InvalidCopyError
from babelwire.queues.messages import WireItem
from babelwire.queues.ninjs.paths import set_field

# uuid5 namespace for copy ids; changing it would change every copy id ever published.
_COPY_ID_NAMESPACE = uuid.UUID("6f0b3d0e-8a51-4d8e-9a57-0c1c7d2b9a10")
# The model revision in the id of a copy made without a model; part of every such id ever published.
UNTRANSLATED_REVISION = "untranslated"
# All of a message's headers must fit in one AMQP frame (RabbitMQ's frame_max: 128 KiB by default); a list of
# thousands of paths could not. A longer value is cut, and the cut said (the job log keeps it whole).
MAX_HEADER_CHARS = 8_000


@dataclass(frozen=True)
class Provenance:
    """Where a localised copy came from. Every value is a function of the job, not of the delivery, so a
    redelivered job produces identical headers (time taken travels in a header of its own), except
    `sentences_from_memory`: a redelivered job finds its sentences in the translation memory (with the same text).

    Open to more facts: a field added here (with a default) becomes a header (`topology.copy_header(name)`, to
    be listed in `topology.PROVENANCE_HEADERS`) and a field of the job log without further code; a field of the
    same name in `Translated` fills it.
    """

    copy_id: str
    source_uri: str
    ninjs_schema: str  # the IPTC schema version the copy was validated against
    translated: bool  # False for kill notices and items without text, passed on as they came
    source_version: str | None = None  # the item's `version`
    engine: str | None = None
    model_id: str | None = None
    model_revision: str | None = None
    protected_spans: dict[str, int] = field(default_factory=dict)  # span kind -> count
    fallbacks: int = 0  # sentences that needed a fallback to restore their protected spans, plus markup repairs
    markup_repairs: dict[str, int] = field(default_factory=dict)  # HTML fields: repair kind -> count
    untranslated_fields: list[str] = field(default_factory=list)  # paths of texts kept as they came
    sentences: int = 0  # sentences that needed the model
    sentences_from_memory: int = 0  # of those, answered by the translation memory
    # People written in the copy's script (Ukrainian: Cyrillic), one per mention: {"field", "name", "rendering",
    # "source", "how": "model" | "restored" | "unchecked", "case"}.
    rendered_names: list[dict[str, Any]] = field(default_factory=list)

    def headers(self) -> dict[str, Any]:
        """One message header per field with a value: numbers, text and booleans as they are, lists and
        objects as compact JSON text (a list of names may hold commas)."""
        return {topology.copy_header(name): _bounded(_header_value(value)) for name, value in asdict(self).items()
                if value is not None}

    def log_fields(self) -> dict[str, Any]:
        """The same facts for the job log, keyed by field name."""
        return {name: _header_value(value) for name, value in asdict(self).items() if value is not None}

    @classmethod
    def from_headers(cls, headers: Mapping[str, Any]) -> "Provenance":
        """A published copy's provenance, read back from its headers (for consumers and tests)."""
        values = {}
        for spec in fields(cls):
            value = headers.get(topology.copy_header(spec.name))
            if value is not None:
                values[spec.name] = _from_json(value) if spec.default_factory in (dict, list) else value
        return cls(**values)


@dataclass(frozen=True)
class Translated:
    """What a model made of an item's texts: their new texts, and what the copy's provenance records of it."""

    texts: Mapping[str, str]  # field path (a key of `texts_to_translate`) -> translated text
    engine: str
    model_id: str
    model_revision: str
    protected_spans: Mapping[str, int] = field(default_factory=dict)  # span kind -> count
    fallbacks: int = 0
    markup_repairs: Mapping[str, int] = field(default_factory=dict)  # repair kind -> count
    sentences: int = 0  # sentences that needed the model
    sentences_from_memory: int = 0  # of those, answered by the translation memory
    rendered_names: list[dict[str, Any]] = field(default_factory=list)  # as `Provenance.rendered_names`


@dataclass(frozen=True)
class LocalizedCopy:
    """A copy ready to publish: its ninjs document (valid in its item's version) and its provenance."""

    data: Mapping[str, Any]
    language: str
    provenance: Provenance

    def to_dict(self) -> dict:
        return dict(self.data)


def copy_id(source_uri: str, version: str | None, language: str, model_revision: str | None) -> str:
    """Deterministic id of a localised copy: the same job always yields the same id."""
    key = "\x1f".join((source_uri, "" if version is None else str(version), language, model_revision or ""))
    return str(uuid.uuid5(_COPY_ID_NAMESPACE, key))


def copy_uri(source_uri: str, language: str) -> str:
    """The copy's ninjs uri: one per (item, language); versions of a copy share it, as in ninjs."""
    return f"{source_uri}#{language}"


def translated_copy(item: WireItem, language: str, translated: Translated) -> LocalizedCopy:
    """The copy of `item` in `language` with the translated texts; the item's other fields come along untouched.

    Raises:
        InvalidCopyError: the copy is not valid in the item's ninjs version (a bug: it is never published).
    """
    provenance = _provenance(item, language, translated.model_revision, translated=True,
                             untranslated_fields=item.untranslated_text_fields(), **_reported(translated))
    return _localize(item, language, translated.texts, provenance)


def _reported(translated: Translated) -> dict[str, Any]:
    """Every fact of `translated` that the provenance has a field of the same name for (counts by kind in a
    stable order): a new fact needs a field in both, nothing here."""
    recorded = {spec.name for spec in fields(Provenance)}
    facts = {spec.name: getattr(translated, spec.name) for spec in fields(Translated) if spec.name in recorded}
    return {name: dict(sorted(value.items())) if isinstance(value, Mapping) else value for name, value in facts.items()}


def untranslated_copy(item: WireItem, language: str) -> LocalizedCopy:
    """The copy that carries the source text as it came: kill notices, and items with no text to translate.

    Raises:
        InvalidCopyError: as `translated_copy`.
    """
    provenance = _provenance(
        item, language, UNTRANSLATED_REVISION, translated=False,
        untranslated_fields=[*item.texts_to_translate(), *item.untranslated_text_fields()],
    )
    return _localize(item, language, {}, provenance)


def _provenance(item: WireItem, language: str, revision: str, *, translated: bool, **facts) -> Provenance:
    return Provenance(
        copy_id=copy_id(item.uri, item.item_version, language, revision), source_uri=item.uri,
        source_version=item.item_version, ninjs_schema=item.version.schema_version, translated=translated, **facts,
    )


def _localize(item: WireItem, language: str, texts: Mapping[str, str], provenance: Provenance) -> LocalizedCopy:
    data = copy.deepcopy(dict(item.data))
    for path, text in texts.items():
        set_field(data, path, text)
    _relabel_associations(data, item.version, language)
    data = item.version.with_source_ids(data, item.uri, item.item_version)
    data.update(uri=copy_uri(item.uri, language), language=language)
    ninjs.check(data, item.version, what="copy", error_type=InvalidCopyError)
    return LocalizedCopy(data, language, provenance)


def _relabel_associations(data: dict, version: ninjs.NinjsVersion, language: str) -> None:
    """Embedded items that state their language are now in the copy's."""
    associations = data.get(version.associations)
    embedded = associations.values() if isinstance(associations, dict) else associations or ()
    for item in embedded:
        if isinstance(item, dict):
            if isinstance(item.get(version.language), str):
                item[version.language] = language
            _relabel_associations(item, version, language)


def _header_value(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def _bounded(value: Any) -> Any:
    if not isinstance(value, str) or len(value) <= MAX_HEADER_CHARS:
        return value
    return value[:MAX_HEADER_CHARS] + f"... [{len(value) - MAX_HEADER_CHARS} more characters cut]"


def _from_json(value: str) -> Any:
    """A list or object header; a value cut for length (no longer JSON) comes back as the text it is."""
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


def read_copy(body: bytes, headers: Mapping[str, Any]) -> LocalizedCopy:
    """A published copy (its body and headers) as a LocalizedCopy, for consumers and tests."""
    data = json.loads(body)
    return LocalizedCopy(data, data["language"], Provenance.from_headers(headers))
