"""Factories: turn a Settings into a ready engine or translator.

This is where settings are read, models resolved and the device picked; the classes they build take
their collaborators and read nothing themselves.
"""

from pathlib import Path

from translation.engines.base import Engine
from translation.engines.marian import MarianEngine, Progress
from translation.engines.pseudo import PseudoEngine
from translation.glossary import Glossary
from translation.pipeline import Translator
from translation.policy import ProtectionPolicy
from translation.registry import ModelRegistry
from worker.errors import UsageError
from worker.settings import Settings


def build_engine(settings: Settings, progress: Progress | None = None) -> Engine:
    """The engine settings.engine names; for Marian, on the backend settings.backend picks."""
    if settings.engine == "pseudo":
        return PseudoEngine()
    _configure_threads(settings.threads)
    registry = ModelRegistry(settings.models)
    device = resolve_device(settings.device)
    if choose_backend(settings.backend) == "ctranslate2":
        return _build_ctranslate2(settings, registry, device)
    return MarianEngine(registry, device=device, beams=settings.beams, max_batch_tokens=settings.max_batch_tokens,
                        cache_size=settings.model_cache_size, progress=progress)


def build_translator(settings: Settings, glossary_path: Path | None = None, engine: Engine | None = None,
                     policy: ProtectionPolicy = ProtectionPolicy()) -> Translator:
    """A Translator over `engine` (built from settings when None) with the glossary file, if any.

    `glossary_path` (a command-line flag) wins over settings.glossary.
    """
    path = glossary_path or settings.glossary
    glossary = Glossary.load(path) if path else None
    return Translator(engine or build_engine(settings), policy=policy, glossary=glossary)


def resolve_device(device: str) -> str:
    """"auto" means CUDA when a GPU is visible, else CPU; "cuda" without a GPU is the user's error."""
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise UsageError("device cuda was asked for (BABELWIRE_DEVICE) but no CUDA device is visible; use cpu or auto")
    return device


def choose_backend(backend: str) -> str:
    """"auto" picks CTranslate2 when its engine module and the ctranslate2 package import, else transformers."""
    if backend != "auto":
        return backend
    return "ctranslate2" if _ctranslate2_available() else "transformers"


def _ctranslate2_available() -> bool:
    try:
        import ctranslate2  # noqa: F401
        import translation.engines.ctranslate2  # noqa: F401
    except ImportError:
        return False
    return True


def _build_ctranslate2(settings: Settings, registry: ModelRegistry, device: str) -> Engine:
    """HOOK for the CTranslate2 backend (translation/engines/ctranslate2.py, another engineer's).

    With backend "auto", a model that fails to convert should fall back to transformers: the
    engine receives a MarianEngine as `fallback` for exactly that.
    """
    from translation.engines.ctranslate2 import CTranslate2Engine

    fallback = MarianEngine(registry, device=device, beams=settings.beams,
                            max_batch_tokens=settings.max_batch_tokens, cache_size=settings.model_cache_size)
    return CTranslate2Engine(registry, device=device, beams=settings.beams, max_batch_tokens=settings.max_batch_tokens,
                             cache_size=settings.model_cache_size, threads=settings.threads,
                             fallback=fallback if settings.backend == "auto" else None)


def _configure_threads(threads: int) -> None:
    """torch's intra-op threads are process-wide; 0 leaves torch's default (one per core)."""
    if threads > 0:
        import torch

        torch.set_num_threads(threads)
