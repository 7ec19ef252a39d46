"""Field paths: where a text sits in an item, as its keys and list indices joined by "/".

"~" and "/" inside keys are escaped as in JSON Pointer (RFC 6901), so "associations/a~1b/headline" is the
headline of the 1.x association named "a/b", and "associations/0/bodies/1/value" the second body of a 3.x
item's first association.
"""

from typing import Any


def field_path(parts: tuple) -> str:
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def split_path(path: str) -> list[str]:
    return [part.replace("~1", "/").replace("~0", "~") for part in path.split("/")]


def field_at(data: Any, path: str) -> Any:
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


def set_field(data: dict, path: str, text: str) -> None:
    """Put `text` at `path`, which must lead to an existing list or object."""
    *keys, last = split_path(path)
    container = field_at(data, field_path(tuple(keys))) if keys else data
    if isinstance(container, list):
        container[int(last)] = text
    else:
        container[last] = text
