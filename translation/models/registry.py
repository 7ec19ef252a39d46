"""Which model translates English into which language.

Helsinki-NLP publishes one OPUS-MT model per English->X pair for many languages, and multi-target
models for others; a multi-target model needs a sentence-initial `>>xxx<<` token naming the target.
Users override a language with a hub id or a local path (`uk=/models/en-uk`); an override may name
its target token after the model: `pl=Helsinki-NLP/opus-mt-en-zlw>>pol<<`.
"""

import re
from dataclasses import dataclass

from babelwire.translation.errors import UnsupportedLanguageError

HUB_ORG = "Helsinki-NLP"
SOURCE_LANGUAGE = "en"

# Languages with a dedicated en->X OPUS-MT model: Helsinki-NLP/opus-mt-en-<code>.
SINGLE_TARGET = (
    "af", "bg", "ca", "cs", "cy", "da", "de", "ee", "el", "eo", "es", "et", "eu", "fi", "fj", "fr",
    "ga", "gl", "ha", "he", "hi", "ht", "hu", "hy", "id", "ig", "is", "it", "lg", "ln", "mg", "mk",
    "ml", "mr", "mt", "nl", "ny", "ro", "ru", "rw", "sk", "sm", "sn", "sq", "st", "sv", "sw", "tl",
    "tn", "to", "ts", "tw", "uk", "ur", "vi", "xh",
)

# Languages served by a multi-target model: language -> (model name, target token).
MULTI_TARGET = {
    "ar": ("opus-mt-en-ar", ">>ara<<"),
    "zh": ("opus-mt-en-zh", ">>cmn_Hans<<"),
    "pl": ("opus-mt-en-zlw", ">>pol<<"),
    "be": ("opus-mt-en-zle", ">>bel<<"),
    "hr": ("opus-mt-en-zls", ">>hrv<<"),
    "sr": ("opus-mt-en-zls", ">>srp_Cyrl<<"),
    "bs": ("opus-mt-en-zls", ">>bos_Latn<<"),
    "sl": ("opus-mt-en-zls", ">>slv<<"),
    "lt": ("opus-mt-en-bat", ">>lit<<"),
    "lv": ("opus-mt-en-bat", ">>lav<<"),
    "pt": ("opus-mt-en-ROMANCE", ">>pt<<"),
    "tr": ("opus-mt-en-trk", ">>tur<<"),
}

_TARGET_TOKEN = re.compile(r"(>>[A-Za-z_]+<<)\s*$")
# A BCP 47-shaped code, lower-case language first: "uk", "pt-BR", "sr-Latn-RS", "es-419", and with CLDR's and
# Marian's "_" as well ("zh_Hant"). Every routing tag `babelwire.queues.topology.check_language` accepts is one, in lower case.
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """The model serving one target language."""

    language: str
    model: str  # hub id ("Helsinki-NLP/opus-mt-en-uk") or local path
    target_token: str | None = None  # ">>ukr<<" for multi-target models
    overridden: bool = False


class ModelRegistry:
    """Resolves a target language to a ModelSpec: overrides first, then the known OPUS-MT models."""

    def __init__(self, overrides: dict[str, str] | None = None):
        self._overrides = {language_key(lang): value for lang, value in (overrides or {}).items()}

    def spec(self, language: str) -> ModelSpec:
        """Raises UnsupportedLanguageError when no model is known or configured for `language`."""
        language = language_key(language)
        if language in self._overrides:
            return _override_spec(language, self._overrides[language])
        if language in SINGLE_TARGET:
            return ModelSpec(language, f"{HUB_ORG}/opus-mt-en-{language}")
        if language in MULTI_TARGET:
            name, token = MULTI_TARGET[language]
            return ModelSpec(language, f"{HUB_ORG}/{name}", token)
        raise UnsupportedLanguageError(_unsupported_message(language), language=language)

    def check_target(self, language: str) -> None:
        """Raises UnsupportedLanguageError unless a real run could translate into `language`: a model is
        known or configured for it, and it is not English, the source."""
        if language_key(language) == SOURCE_LANGUAGE:
            raise UnsupportedLanguageError(
                f"{language!r} is the source language: babelwire translates from English", language=language)
        self.spec(language)

    def languages(self) -> list[str]:
        """Every language with a known or configured model, sorted."""
        return sorted(set(SINGLE_TARGET) | set(MULTI_TARGET) | set(self._overrides))


def _override_spec(language: str, value: str) -> ModelSpec:
    match = _TARGET_TOKEN.search(value)
    if match:
        return ModelSpec(language, value[: match.start()].strip(), match.group(1), overridden=True)
    return ModelSpec(language, value, _known_token(language, value), overridden=True)


def _known_token(language: str, model: str) -> str | None:
    """An override naming a known multi-target hub model still gets that model's token."""
    name, token = MULTI_TARGET.get(language, (None, None))
    return token if name and model == f"{HUB_ORG}/{name}" else None


def language_key(code: str) -> str:
    """The form a language code is known by in `translation/`: " UK" and "uk" are one language, one model."""
    return code.strip().lower()


def is_language_code(code: str) -> bool:
    """A plausible target language code: "uk", "pt", "zh_Hant", "pt-BR", "es-419" (lower-case language first).
    The one check of a language code in `translation/`: the CLI's `--to` and glossary files use it too."""
    return bool(_LANGUAGE.fullmatch(code))


def _unsupported_message(language: str) -> str:
    if not is_language_code(language):
        return f"{language!r} is not a language code (expected e.g. uk, de, pt)"
    return (
        f"no model known for target language {language!r}; "
        f"configure one with --model {language}=HUB_ID_OR_PATH or BABELWIRE_MODELS=\"{language}=...\" "
        "(`babelwire models list` shows the known languages)"
    )
