"""Factories: turn a Settings into a ready engine or translator.

This is where settings are read, models resolved and the device picked; the classes they build take
their collaborators and read nothing themselves.
"""

from pathlib import Path

from translation.lexicon import wordlists
from translation.engines.base import Engine, ModelInfo
from translation.engines.budget import DecodeBudget
from translation.engines.fallback import FallbackEngine
from translation.engines.core import Progress
from translation.engines.marian import MarianEngine
from translation.engines.pseudo import PseudoEngine
from translation.errors import ModelNotFoundError, UnsupportedLanguageError
from translation.protection.glossary import Glossary
from translation.round_trip.memory import Conditions, SentenceMemory
from translation.round_trip.memory.embedded_store import EmbeddedStore
from translation.round_trip.pipeline import Translator
from translation.protection.policy import ProtectionPolicy
from translation.models.registry import ModelRegistry
from worker.errors import UsageError
from worker.settings import Settings


def build_engine(settings: Settings, progress: Progress | None = None) -> Engine:
    """The engine settings.engine names; for Marian, on the backend settings.backend picks.

    `progress` is called with the number of sentences each batch translated (both Marian backends).
    """
    registry = ModelRegistry(settings.models)
    if settings.engine == "pseudo":
        return DryRunEngine(registry, progress)
    device = resolve_device(settings.device, settings.backend)
    if choose_backend(settings.backend, device) == "transformers":
        return _build_transformers(settings, registry, device, progress)
    ctranslate2 = _build_ctranslate2(settings, registry, device, progress)
    if settings.backend != "auto":
        return ctranslate2
    # "auto" must never be worse than transformers: a model that fails to convert falls back to it.
    return FallbackEngine(ctranslate2, _build_transformers(settings, registry, device, progress))


class DryRunEngine(PseudoEngine):
    """The pseudo engine for the languages a real run could serve: a dry run that accepted `--to xx` or
    `--to en` would promise what the real engine then refuses."""

    def __init__(self, registry: ModelRegistry, progress: Progress | None = None):
        super().__init__(progress)
        self._registry = registry

    def model_info(self, target: str) -> ModelInfo:
        self._registry.check_target(target)
        return super().model_info(target)


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
    from translation.round_trip.memory.redis_store import RedisStore  # imported late: only a fleet needs the client

    try:
        return RedisStore.from_url(url, ttl_s=settings.memory_ttl_s)
    except ValueError as error:
        raise UsageError(f"BABELWIRE_MEMORY_URL {url!r}: {error}") from None


def memory_conditions(settings: Settings, glossary: Glossary | None, policy: ProtectionPolicy) -> Conditions:
    """Everything of `settings` that decides a model's output besides the model and the text sent to it, and the
    versions of the data that shaped that text. A translation component with data of its own (name renderings)
    adds its version here with `with_data`."""
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
            .with_data("word lists", wordlists.data_version("translation.lexicon"))
            .with_data("name rendering", wordlists.data_version("translation.target_names.rendering")))


def resolve_device(device: str, backend: str = "transformers") -> str:
    """"auto" means CUDA when a GPU is visible, else CPU; "cuda" without a GPU is the user's error."""
    if device == "cpu":
        return device
    visible = _cuda_visible(backend)
    if device == "auto":
        return "cuda" if visible else "cpu"
    if not visible:
        raise UsageError("device cuda was asked for (BABELWIRE_DEVICE) but no CUDA device is visible; use cpu or auto")
    return device


def _cuda_visible(backend: str) -> bool:
    """Ask the backend that will run: importing torch just to look costs a CTranslate2 worker ~200 MB."""
    if backend != "transformers":
        from translation.engines.cuda_libraries import import_ctranslate2

        try:
            ctranslate2 = import_ctranslate2()
        except ImportError:
            pass
        else:
            return ctranslate2.get_cuda_device_count() > 0
    import torch

    return torch.cuda.is_available()


def choose_backend(backend: str, device: str = "cpu") -> str:
    """"auto" picks CTranslate2 when it is installed and runs on `device`, else transformers."""
    if backend != "auto":
        return backend
    try:
        from translation.engines import ctranslate2
    except ImportError:
        return "transformers"
    return "ctranslate2" if ctranslate2.is_available(device) else "transformers"


def _build_transformers(settings: Settings, registry: ModelRegistry, device: str, progress: Progress | None) -> Engine:
    """The transformers engine (translation/engines/marian.py)."""
    if settings.quantization == "int8" and device == "cuda" and settings.backend == "transformers":
        raise UsageError("BABELWIRE_QUANTIZATION=int8 with the transformers backend runs on CPU only; "
                         "use the ctranslate2 backend or quantization auto on CUDA")
    _configure_threads(settings.threads)
    int8 = settings.quantization == "int8" and device == "cpu"
    return MarianEngine(registry, int8=int8, **_marian_options(settings, device, progress))


def _build_ctranslate2(settings: Settings, registry: ModelRegistry, device: str, progress: Progress | None) -> Engine:
    """The CTranslate2 engine (translation/engines/ctranslate2.py)."""
    from translation.engines.ctranslate2 import CTranslate2Engine

    return CTranslate2Engine(registry, translators=settings.translators, threads=settings.threads,
                             quantization=CT2_QUANTIZATION[settings.quantization],
                             **_marian_options(settings, device, progress))


def _marian_options(settings: Settings, device: str, progress: Progress | None) -> dict:
    """What both Marian backends take from settings (translation/engines/core.py)."""
    return {"device": device, "beams": settings.beams, "max_batch_tokens": settings.max_batch_tokens,
            "cache_size": settings.model_cache_size, "progress": progress}


# BABELWIRE_QUANTIZATION -> CTranslate2's compute type (None: the engine's default for the device).
CT2_QUANTIZATION = {"auto": None, "none": "float32", "int8": "int8"}


def _configure_threads(threads: int) -> None:
    """torch's intra-op threads are process-wide; 0 leaves torch's default (one per core)."""
    if threads > 0:
        import torch

        torch.set_num_threads(threads)
