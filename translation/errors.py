"""Errors of the translation package.

Permanent errors are caused by the input or the configuration and will fail again on retry;
transient errors (a model load hiccup, a full disk) may succeed on retry.
"""


class TranslationError(Exception):
    """Base of every error raised by the translation package."""


class PermanentError(TranslationError):
    """Retrying will not help: the input or the configuration is wrong."""


class TransientError(TranslationError):
    """Retrying later may help."""


class InvalidInputError(PermanentError):
    """The text cannot be translated as given (empty, not text, ...)."""


class UnsupportedLanguageError(PermanentError):
    """No model is known or configured for the requested target language."""


class ModelNotFoundError(PermanentError):
    """A model id or path does not resolve to loadable weights (offline, typo, missing files)."""


class ModelLoadError(TransientError):
    """Weights exist but could not be loaded this time."""


class GlossaryError(PermanentError):
    """A glossary file is missing or malformed."""


class InvalidHtmlError(InvalidInputError):
    """HTML whose markup cannot be kept intact (nested past what browsers build, beyond repair).

    `text_index`: which text of the call it was (its index among the texts of its document), when known.
    """

    def __init__(self, message: str, text_index: int | None = None):
        super().__init__(message)
        self.text_index = text_index
