"""IPTC's ninjs schemas, offline: which version an item is, and whether it (or a copy) is valid in it.

The 2.x and 3.x schemas refer to GeoJSON by URL for a place's `geoJSON`; that URL is registered as an empty
(permissive) schema, so validation never fetches anything. `date-time` fields are checked as ISO 8601.
"""

import json
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from babelwire.queues.errors import MessageValidationError, QueueError
from babelwire.queues.ninjs.versions import VERSIONS, NinjsVersion, declared_major, version_named

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

GEOJSON_SCHEMA_URL = "https://geojson.org/schema/GeoJSON.json"
MAX_MESSAGE_CHARS = 300  # a schema message quotes the value at fault, which may be a whole body
_NOT_CHECKED = object()  # a declared version: the item is still to be checked in it


def check(data: Mapping[str, Any], version: NinjsVersion, what: str = "item",
          error_type: type[QueueError] = MessageValidationError) -> None:
    """Raises `error_type`, naming the schema, the field and the schema's reason, when `data` is not a valid
    ninjs document of `version` (`what` names it in the message: "item", "copy")."""
    error = _first_error(data, version)
    if error is not None:
        raise _invalid(error, version, what, error_type)


def problems(data: Mapping[str, Any], version: NinjsVersion) -> list[str]:
    """Every schema error of `data` in `version`, as "path: reason" lines (empty when valid): for tests and tools."""
    errors = _validator(version).iter_errors(data)
    return [f"{_dotted(error.absolute_path)}: {_short(error.message)}" for error in errors]


def detect_version(data: Mapping[str, Any]) -> NinjsVersion:
    """The version an item declares in `$standard` / `standard`; else, from its shape, the version whose
    schema it is valid in (ties go to the version sharing most top-level field names with it); else the one
    whose schema it gets furthest into (its first error the deepest), so that its errors are reported against
    the version it was written for.

    Raises:
        MessageValidationError: the item declares a version babelwire does not read (say 4.0).
    """
    return _detected(data)[0]


def checked_version(data: Mapping[str, Any]) -> NinjsVersion:
    """`detect_version`, once the item is known to be valid in that version (each schema run once at most);
    MessageValidationError, as `check` raises it, when it is not."""
    version, error = _detected(data)
    if error is _NOT_CHECKED:
        check(data, version)
    elif error is not None:
        raise _invalid(error, version, "item", MessageValidationError)
    return version


def _detected(data: Mapping[str, Any]) -> tuple[NinjsVersion, Any]:
    """(version, the item's first error in it: None when valid, _NOT_CHECKED for a declared version)."""
    declared = declared_major(data)
    if declared is not None:
        version = version_named(declared)
        if version is None:
            raise MessageValidationError(
                f"item declares ninjs {declared}; babelwire reads ninjs 1.x, 2.x and 3.x", field="standard")
        return version, _NOT_CHECKED
    errors = {}
    for version in sorted(VERSIONS, key=lambda version: -_shared_names(data, version)):
        errors[version] = _first_error(data, version)
        if errors[version] is None:
            return version, None
    furthest = max(errors, key=lambda version: len(errors[version].absolute_path))  # the first of equals
    return furthest, errors[furthest]


def _invalid(error: "ValidationError", version: NinjsVersion, what: str,
             error_type: type[QueueError]) -> QueueError:
    where = f"{_dotted(error.absolute_path)}: " if error.absolute_path else ""
    return error_type(
        f"not a valid ninjs {version.schema_version} {what}: {where}{_short(error.message)}{_hint(error, version)}",
        field=_field_at_fault(error), schema=version.schema_version)


def _hint(error: "ValidationError", version: NinjsVersion) -> str:
    """Says in words what a schema's "additional / unevaluated properties" means."""
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        return f" (a field {version} does not have)"
    return ""


def _field_at_fault(error: "ValidationError") -> str:
    """The dotted path of the field at fault; for a missing required field, that field's ("uri")."""
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        path.extend([name for name in error.validator_value if name not in error.instance][:1])
    return _dotted(path)


def _shared_names(data: Mapping[str, Any], version: NinjsVersion) -> int:
    names = _top_level_names(version)
    return sum(1 for key in data if key in names or version.is_pattern_field(key))


@cache
def _top_level_names(version: NinjsVersion) -> frozenset[str]:
    schema = _schema(version)
    properties = schema.get("properties") or schema["$defs"]["ninjsType"]["properties"]
    return frozenset(properties)


def _first_error(data: Mapping[str, Any], version: NinjsVersion) -> "ValidationError | None":
    from jsonschema.exceptions import best_match

    return best_match(_validator(version).iter_errors(data))


@cache
def _schema(version: NinjsVersion) -> dict:
    return json.loads(resources.files("babelwire.queues.ninjs").joinpath("schemas", version.schema_file).read_text("utf-8"))


@cache
def _validator(version: NinjsVersion):
    # Imported on first use: every command loads this module, few validate anything (jsonschema takes ~0.1 s).
    from jsonschema import FormatChecker, validators
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    schema = _schema(version)
    registry = Registry().with_resource(GEOJSON_SCHEMA_URL, DRAFT202012.create_resource({}))
    checker = FormatChecker(formats=())
    checker.checks("date-time", raises=ValueError)(_iso_datetime)
    return validators.validator_for(schema)(schema, registry=registry, format_checker=checker)


def _iso_datetime(value: object) -> bool:
    if isinstance(value, str):
        datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    return True


def _dotted(path) -> str:
    return ".".join(str(part) for part in path) or "item"


def _short(message: str) -> str:
    if len(message) <= MAX_MESSAGE_CHARS:
        return message
    return message[:MAX_MESSAGE_CHARS] + f"... [{len(message) - MAX_MESSAGE_CHARS} more characters cut]"
