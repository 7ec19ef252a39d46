"""Factories: turn a Settings into a ready engine or translator.

This is where settings are read, models resolved and the device picked; the classes they build take
their collaborators and read nothing themselves.
"""

from pathlib import Path

from translation.engines.base import Engine, ModelInfo
from translation.engines.fallback import FallbackEngine
from translation.engines.core import Progress
from translation.engines.marian import MarianEngine
from translation.engines.pseudo import PseudoEngine
from translation.errors import ModelNotFoundError, UnsupportedLanguageError
from translation.glossary import Glossary
from translation.pipeline import Translator
from translation.policy import ProtectionPolicy
from translation.registry import ModelRegistry
from worker.errors import UsageError
from worker.settings import Settings

SOURCE_LANGUAGE = "en"


def build_engine(settings: Settings, progress: Progress | None = None) -> Engine:
    """The engine settings.engine names; for Marian, on the backend settings.backend picks.

    `progress` is called with the number of sentences each batch translated (both Marian backends).
    """
    registry = ModelRegistry(settings.models)
    if settings.engine == "pseudo":
        return DryRunEngine(registry)
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

    def __init__(self, registry: ModelRegistry):
        self._registry = registry

    def model_info(self, target: str) -> ModelInfo:
        if target.strip().lower() == SOURCE_LANGUAGE:
            raise UnsupportedLanguageError(f"{target!r} is the source language: babelwire translates from English",
                                           language=target)
        self._registry.spec(target)  # UnsupportedLanguageError for a language no model is known for
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
    dry_run = "for a dry run without model weights, add --engine pseudo"
    if len(problems) == 1:
        return f"{problems[0][1]}; {dry_run}"
    details = "; ".join(f"{language}: {error}" for language, error in problems)
    languages = ", ".join(language for language, _ in problems)
    return f"no usable model for {len(problems)} languages ({languages}): {details}; {dry_run}"


def build_translator(settings: Settings, glossary_path: Path | None = None, engine: Engine | None = None,
                     policy: ProtectionPolicy | None = None) -> Translator:
    """A Translator over `engine` (built from settings when None) with the glossary file, if any.

    `glossary_path` (a command-line flag) wins over settings.glossary.
    """
    path = glossary_path or settings.glossary
    glossary = Glossary.load(path) if path else None
    policy = policy or ProtectionPolicy.named(settings.policy)
    return Translator(engine or build_engine(settings), policy=policy, glossary=glossary,
                      names_as_words_budget=settings.names_as_words_budget)


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
