"""IPTC ninjs, versions 1.x, 2.x and 3.x: what each version calls its fields, and its schema.

    version = detect_version(data)        # from `$standard` / `standard`, else from the item's shape
    version.text_lists, version.people    # versions.py: every field name babelwire reads or writes, per version
    check(data, version)                  # schema.py: IPTC's schema, offline; MessageValidationError if not valid
    checked_version(data)                 # both: the version, once the item is valid in it
    texts(data, version)                  # texts.py: {field path: ItemText} of every text a reader sees
    field_path(("bodies", 0, "value"))    # paths.py: "bodies/0/value", escaped as in JSON Pointer

Copies are built in `babelwire.queues.copies`, from these and nothing else.
"""

from babelwire.queues.ninjs.schema import check, checked_version, detect_version, problems
from babelwire.queues.ninjs.texts import ItemText, entity_names, texts, untranslated_texts
from babelwire.queues.ninjs.versions import V1, V2, V3, VERSIONS, NinjsVersion

__all__ = ["V1", "V2", "V3", "VERSIONS", "ItemText", "NinjsVersion", "check", "checked_version", "detect_version",
           "entity_names", "problems", "texts", "untranslated_texts"]
