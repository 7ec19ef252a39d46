"""Errors of the translation package.

Permanent errors are caused by the input or the configuration and will fail again on retry;
transient errors (a model load hiccup, a full disk) may succeed on retry.

Every error carries its facts as fields, dramatiq-style: `UnsupportedLanguageError(message, language="xx")`
keeps `language` in `error.fields` (a dict of what was known; None is left out) and as `error.language`.
The message stays the one line a user reads; the fields are what a program (the worker's dead-letter
headers and job log) reads without parsing it. A class declares the names it may carry in
`field_names` (and documents them); nothing else is written per class.
"""

from typing import Any, ClassVar


class TranslationError(Exception):
    """Base of every error raised by the translation package.

    Arguments:
        message: the one-line text users see (it names the facts too: the fields do not replace it).
        fields: the facts, by keyword (`language="xx"`, `path=...`); None means not known and is left out.
            They are `error.fields` (a dict) and attributes (`error.language`); a name in the class's
            `field_names` reads as None when it was not given.
    """

    field_names: ClassVar[tuple[str, ...]] = ()

    def __init__(self, message: object, /, **fields: Any):
        self.message = str(message)
        self.fields = {name: value for name, value in fields.items() if value is not None}
        super().__init__(self.message)

    def __getattr__(self, name: str) -> Any:
        fields = self.__dict__.get("fields", {})
        if name in fields:
            return fields[name]
        if name in type(self).field_names:
            return None
        raise AttributeError(f"{type(self).__name__!r} has no field {name!r}")

    def __reduce__(self):  # pickling keeps the fields (Exception's own pickling passes only args)
        return _rebuild, (type(self), self.message, self.fields)


def _rebuild(cls, message, fields):
    return cls(message, **fields)


class PermanentError(TranslationError):
    """Retrying will not help: the input or the configuration is wrong."""


class TransientError(TranslationError):
    """Retrying later may help."""


class InvalidInputError(PermanentError):
    """The text cannot be translated as given (empty, not text, ...).

    Fields: `text_index` (which text of the call, 0-based), `field` (the item's field path, where the worker
    knows it), `offset` (the character offset of the problem in that text, where known).
    """

    field_names = ("text_index", "field", "offset")


class UnsupportedLanguageError(PermanentError):
    """No model is known or configured for the requested target language. Field: `language`."""

    field_names = ("language",)


class ModelNotFoundError(PermanentError):
    """A model id or path does not resolve to loadable weights (offline, typo, missing files).

    Fields: `model` (the id or path), `language` (the target it was for), `tried` (the places looked in),
    `missing` (what was looked for and not found: files, or languages without a model), where known.
    """

    field_names = ("model", "language", "tried", "missing")


class ModelLoadError(TransientError):
    """Weights exist but could not be loaded this time. Fields: `model`, `language`, where known."""

    field_names = ("model", "language")


class GlossaryError(PermanentError):
    """A glossary file is missing or malformed. Fields: `path` (the file), `line` (1-based, where the parser
    says), `term` (the glossary entry at fault, where one is)."""

    field_names = ("path", "line", "term")


class InvalidHtmlError(InvalidInputError):
    """HTML whose markup cannot be kept intact (nested past what browsers build, beyond repair).

    Fields as InvalidInputError: `text_index` (its index among the texts of its document), `field`, `offset`.
    """
