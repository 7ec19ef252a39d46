"""Every ninjs field name babelwire reads or writes, per major version: the one place that knows them.

1.x names its texts as fields (`headline`, `body_text`, and any `headline_*`, `description_*`, `body_*`),
2.x lists them (`headlines`, `descriptions`, `bodies`: `[{"role", "contenttype", "value"}]`), and 3.x is 2.x in
camelCase (`contentType`, `altIds`, `pubStatus`). Field names come from IPTC's schemas (`schemas/`); the
README's "ninjs versions" section has the same as tables.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Alternative ids every copy carries, so the English source stays findable from the copy alone. The same
# names as the copy's message headers (babelwire.queues.topology), where the rest of its provenance travels.
SOURCE_URI_ROLE = "babelwire-source-uri"
SOURCE_VERSION_ROLE = "babelwire-source-version"


@dataclass(frozen=True)
class NinjsVersion:
    """What one major version of ninjs calls the fields babelwire reads or writes."""

    major: int
    schema_version: str  # the IPTC schema every item and copy of this major version is checked against
    standard: str  # the object that may name the version: {"name": "ninjs", "version": "3.1", ...}
    text_fields: tuple[str, ...]  # strings a reader sees, always plain text (headline, byline, title, dateline)
    text_prefixes: tuple[str, ...]  # 1.x: `headline_main`, `body_html`, ...: any field with these prefixes
    text_lists: tuple[str, ...]  # 2.x and 3.x: lists of {role, content type, value}
    content_type: str  # the media type of a listed text
    people: str
    organisations: str
    places: str
    alt_ids: str  # 1.x: an object {role: id}; later versions: a list [{"role", "value"}]
    pubstatus: str
    untranslated_text_fields: tuple[str, ...]  # text read by desks and systems, not readers: kept as it came
    associations_by_name: bool  # 1.x: {"mainpic": item}; later versions: [{"name": "mainpic", ...item}]

    associations = "associations"
    language = "language"

    @property
    def schema_file(self) -> str:
        return f"ninjs-schema_{self.schema_version}.json"

    @property
    def embedded_text_fields(self) -> tuple[str, ...]:
        """The text fields of an item under `associations`: its byline is a credit, kept as it came."""
        return tuple(name for name in self.text_fields if name not in ("byline", "by"))

    def is_pattern_field(self, name: str) -> bool:
        """1.x: is `name` one of the open `headline_*`, `description_*`, `body_*` fields?"""
        return any(name.startswith(prefix) and len(name) > len(prefix) for prefix in self.text_prefixes)

    def with_source_ids(self, data: Mapping[str, Any], uri: str, version: str | None) -> dict:
        """`data` with the alternative ids that name its English source (and the source's version)."""
        ids = {SOURCE_URI_ROLE: uri, **({SOURCE_VERSION_ROLE: version} if version is not None else {})}
        existing = data.get(self.alt_ids)
        if self.major == 1:
            kept = existing if isinstance(existing, dict) else {}
            return {**data, self.alt_ids: {**kept, **ids}}
        kept = [entry for entry in existing or () if not (isinstance(entry, dict) and entry.get("role") in ids)]
        return {**data, self.alt_ids: [*kept, *({"role": role, "value": value} for role, value in ids.items())]}

    def __str__(self) -> str:
        return f"ninjs {self.major}.x"


V1 = NinjsVersion(
    major=1, schema_version="1.6", standard="$standard",
    text_fields=("headline", "byline", "title", "located"),
    text_prefixes=("headline_", "description_", "body_"), text_lists=(), content_type="",
    people="person", organisations="organisation", places="place",
    alt_ids="altids", pubstatus="pubstatus", untranslated_text_fields=("slugline", "ednote"),
    associations_by_name=True,
)
V2 = NinjsVersion(
    major=2, schema_version="2.2", standard="standard",
    text_fields=("by", "title", "located"),
    text_prefixes=(), text_lists=("headlines", "descriptions", "bodies"), content_type="contenttype",
    people="people", organisations="organisations", places="places",
    alt_ids="altids", pubstatus="pubstatus", untranslated_text_fields=("slugline", "ednote"),
    associations_by_name=False,
)
V3 = NinjsVersion(
    major=3, schema_version="3.1", standard="standard",
    text_fields=("by", "title", "located"),
    text_prefixes=(), text_lists=("headlines", "descriptions", "bodies"), content_type="contentType",
    people="people", organisations="organisations", places="places",
    alt_ids="altIds", pubstatus="pubStatus", untranslated_text_fields=("slugline", "edNote"),
    associations_by_name=False,
)
VERSIONS = (V1, V2, V3)


def declared_major(data: Mapping[str, Any]) -> str | None:
    """The version an item declares in `$standard` (1.x) or `standard` (2.x, 3.x), as written; None if none."""
    for key in dict.fromkeys(version.standard for version in VERSIONS):
        standard = data.get(key)
        if isinstance(standard, dict) and isinstance(standard.get("version"), str):
            return standard["version"]
    return None


def version_named(declared: str) -> NinjsVersion | None:
    """The major version of a declared version string ("1.4" -> V1); None for one babelwire does not read."""
    major = declared.strip().split(".")[0]
    return next((version for version in VERSIONS if str(version.major) == major), None)
