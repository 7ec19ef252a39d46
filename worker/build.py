"""Factories: turn a Settings into a ready translator, its models loaded and its memory keyed (the engine itself
is built by name in worker/engines.py).

This is where settings are read, models resolved and the device picked; the classes they build take
their collaborators and read nothing themselves.
"""

from pathlib import Path

from babelwire.translation.lexicon import wordlists
from babelwire.translation.engines.base import Engine, ModelInfo
from babelwire.translation.engines.budget import DecodeBudget
from babelwire.translation.errors import ModelNotFoundError, UnsupportedLanguageError
from babelwire.translation.protection.glossary import Glossary
from babelwire.translation.round_trip.memory import Conditions, SentenceMemory
from babelwire.translation.round_trip.memory.embedded_store import EmbeddedStore
from babelwire.translation.round_trip.pipeline import Translator
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.worker.engines import build_engine, choose_backend, resolve_device
from babelwire.worker.errors import UsageError
from babelwire.worker.settings import Settings


def load_models(engine: Engine, languages) -> dict[str, ModelInfo]:
    """Load the model of every language -> {language: ModelInfo}.

    Raises:
        ModelNotFoundError: one line naming every language without a usable model (not only the first),
            with the advice for a dry run without weights.
        ModelLoadError: transient; starting again may work.
    """
    models, problems = {}, []
    for language in languages:
        try:
            models[language] = engine.load(language)
        except (ModelNotFoundError, UnsupportedLanguageError) as error:
            problems.append((language, error))
    if problems:
        raise ModelNotFoundError(_missing_models_message(problems), missing=[language for language, _ in problems])
    return models


def _missing_models_message(problems) -> str:
    advice = _dry_run_advice(problems)
    if len(problems) == 1:
        return f"{problems[0][1]}{advice}"
    details = "; ".join(f"{language}: {error}" for language, error in problems)
    languages = ", ".join(language for language, _ in problems)
    return f"no usable model for {len(problems)} languages ({languages}): {details}{advice}"


def _dry_run_advice(problems) -> str:
    """The pseudo engine helps only where weights are missing: it refuses a language no model is known for
    as the real engine does, and an engine that reports missing weights is never the pseudo one."""
    if any(isinstance(error, ModelNotFoundError) for _, error in problems):
        return "; for a dry run without model weights, add --engine pseudo"
    return ""


def build_translator(settings: Settings, glossary_path: Path | None = None, engine: Engine | None = None,
                     policy: ProtectionPolicy | None = None) -> Translator:
    """A Translator over `engine` (built from settings when None) with the glossary file, if any.

    `glossary_path` (a command-line flag) wins over settings.glossary.
    """
    path = glossary_path or settings.glossary
    glossary = Glossary.load(path) if path else None
    policy = policy or ProtectionPolicy.named(settings.policy).with_names(settings.names)
    return Translator(engine or build_engine(settings), policy=policy, glossary=glossary,
                      names_as_words_budget=settings.names_as_words_budget,
                      memory=build_memory(settings, glossary, policy))


def build_memory(settings: Settings, glossary: Glossary | None, policy: ProtectionPolicy) -> SentenceMemory | None:
    """The translation memory of settings.memory_url (None: off), keyed on the conditions of `settings`."""
    url = settings.resolved_memory_url
    if url is None:
        return None
    return SentenceMemory(_memory_store(url, settings), memory_conditions(settings, glossary, policy))


def _memory_store(url: str, settings: Settings):
    if url.startswith("embedded://"):
        return EmbeddedStore(Path(url.removeprefix("embedded://")), max_entries=settings.memory_max_entries,
                             ttl_s=settings.memory_ttl_s)
    from babelwire.translation.round_trip.memory.redis_store import RedisStore  # imported late: only a fleet needs the client

    try:
        return RedisStore.from_url(url, ttl_s=settings.memory_ttl_s)
    except ValueError as error:
        raise UsageError(f"BABELWIRE_MEMORY_URL {url!r}: {error}") from None


def memory_conditions(settings: Settings, glossary: Glossary | None, policy: ProtectionPolicy) -> Conditions:
    """Everything of `settings` that decides a model's output besides the model and the text sent to it, and the
    versions of what shaped that text: the glossary, the policy, and babelwire's translation code and data (a
    release that masks, renders or declines otherwise must not be handed the previous release's sentences)."""
    if settings.engine == "pseudo":
        backend, compute = "pseudo", "none"
    else:
        device = resolve_device(settings.device, settings.backend)
        backend, compute = choose_backend(settings.backend, device), f"{device}/{settings.quantization}"
    budget = DecodeBudget()  # both Marian backends decode within the default budget
    conditions = Conditions(backend=backend, compute=compute, beams=settings.beams,
                            decoding=f"budget {budget.ratio}x+{budget.margin}")
    return (conditions
            .with_data("glossary", glossary.version if glossary else "none")
            .with_data("policy", repr(policy))
            .with_data("translation", wordlists.package_version("babelwire.translation")))
