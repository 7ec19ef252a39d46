"""Errors of the translation package.

Permanent errors are caused by the input or the configuration and will fail again on retry;
transient errors (a model load hiccup, a full disk) may succeed on retry.

Every error carries its facts as fields, dramatiq-style: `UnsupportedLanguageError(message, language="xx")`
keeps `language` in `error.fields` (a dict of what was known; None is left out). The message stays the
one line a user reads; the fields are what a program (the worker's dead-letter headers and job log) reads
without parsing it. A class says in its docstring which fields it may carry; nothing else is written per
class. The same few lines stand in queues/errors.py: neither package may import the other.
"""

from typing import Any


class TranslationError(Exception):
    """Base of every error raised by the translation package.

    Arguments:
        message: the one-line text users see (it names the facts too: the fields do not replace it).
        fields: the facts, by keyword (`language="xx"`, `path=...`); None means not known and is left out.
            They are `error.fields`. Exception's own pickling keeps them (they live in the instance's dict).
    """

    def __init__(self, message: object = "", /, **fields: Any):
        super().__init__(message)
        self.fields = {name: value for name, value in fields.items() if value is not None}


class PermanentError(TranslationError):
    """Retrying will not help: the input or the configuration is wrong."""


class TransientError(TranslationError):
    """Retrying later may help."""


class InvalidInputError(PermanentError):
    """The text cannot be translated as given (empty, not text, ...).

    Fields: `text_index` (which text of the call, 0-based), `field` (the item's field path, where the worker
    knows it), `offset` (the character offset of the problem in that text, where known).
    """


class UnsupportedLanguageError(PermanentError):
    """No model is known or configured for the requested target language. Field: `language`."""


class ModelNotFoundError(PermanentError):
    """A model id or path does not resolve to loadable weights (offline, typo, missing files).

    Fields: `model` (the id or path), `language` (the target it was for), `tried` (the places looked in),
    `missing` (what was looked for and not found: files, or languages without a model), where known.
    """


class ModelLoadError(TransientError):
    """Weights exist but could not be loaded this time. Fields: `model`, `language`, where known."""


class GlossaryError(PermanentError):
    """A glossary file is missing or malformed. Fields: `path` (the file), `line` (1-based, where the parser
    says), `term` (the glossary entry at fault, where one is)."""


class InvalidHtmlError(InvalidInputError):
    """HTML whose markup cannot be kept intact (nested past what browsers build, beyond repair).

    Fields as InvalidInputError: `text_index` (its index among the texts of its document), `field`, `offset`.
    """


class MemoryUnavailableError(TransientError):
    """The translation memory's store did not answer or failed (Redis down, a database file that cannot be
    written). Translation goes on without it. Field: `store` (which store)."""
