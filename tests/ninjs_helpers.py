"""IPTC's ninjs examples and schemas for tests, and a schema check that does not use babelwire's own.

The schemas are read from the package's data (`queues/ninjs/schemas`, IPTC's files unedited) and checked with
`jsonschema` directly, with the GeoJSON URL they refer to registered as an empty schema (nothing is fetched).
"""

import json
from pathlib import Path

from jsonschema import validators
from referencing import Registry
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "queues" / "ninjs" / "schemas"
IPTC_EXAMPLES = sorted((Path(__file__).parent / "data" / "ninjs").glob("*/*.json"))
PROJECT_EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
OFFLINE = Registry().with_resource("https://geojson.org/schema/GeoJSON.json", DRAFT202012.create_resource({}))


def schema_errors(document: dict, schema_version: str) -> list[str]:
    """IPTC's schema of `schema_version` ("1.6", "2.2", "3.1") on `document`: its errors, [] when valid."""
    schema = json.loads((SCHEMAS / f"ninjs-schema_{schema_version}.json").read_text("utf-8"))
    validator = validators.validator_for(schema)(schema, registry=OFFLINE)
    return [f"{'.'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


def example_version(path: Path) -> str:
    """The schema version of an example: its folder (IPTC's) or its `standard` (the project's)."""
    if path.parent.name[0].isdigit():
        return path.parent.name
    data = json.loads(path.read_text("utf-8"))
    return (data.get("$standard") or data.get("standard"))["version"]
