"""Which engine a worker runs, by name: one registry of engine builders that the settings' choices, the CLI's
`--engine` and `build_engine` all read.

An engine (`BABELWIRE_ENGINE`) is "marian" or the weightless "pseudo"; a Marian engine runs on a backend
(`BABELWIRE_BACKEND`): "transformers", "ctranslate2", or "auto" (CTranslate2 where it runs, transformers behind it).
A new engine or backend is one builder and one line in ENGINES or BACKENDS, as CTranslate2's converters register
their loaders by name. Builders import what they build late: a `ctranslate2` worker never imports torch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from babelwire.translation.engines.base import Engine
from babelwire.translation.engines.core import Progress
from babelwire.translation.engines.fallback import FallbackEngine
from babelwire.translation.engines.pseudo import DryRunEngine
from babelwire.translation.models.registry import ModelRegistry
from babelwire.worker.errors import UsageError

if TYPE_CHECKING:  # settings.py reads the registry's names, so this module cannot import it at run time
    from babelwire.worker.settings import Settings

EngineBuilder = Callable[["Settings", ModelRegistry, Progress | None], Engine]
BackendBuilder = Callable[["Settings", ModelRegistry, str, Progress | None], Engine]  # str: the device


def build_engine(settings: Settings, progress: Progress | None = None) -> Engine:
    """The engine settings.engine names; for Marian, on the backend settings.backend names.

    `progress` is called with the number of sentences each batch translated (every engine).
    """
    return _chosen(ENGINES, settings.engine, "engine")(settings, ModelRegistry(settings.models), progress)


def _marian(settings: Settings, registry: ModelRegistry, progress: Progress | None) -> Engine:
    device = resolve_device(settings.device, settings.backend)
    return _chosen(BACKENDS, settings.backend, "backend")(settings, registry, device, progress)


def _dry_run(settings: Settings, registry: ModelRegistry, progress: Progress | None) -> Engine:
    return DryRunEngine(registry, progress)


def _auto(settings: Settings, registry: ModelRegistry, device: str, progress: Progress | None) -> Engine:
    """CTranslate2 where it is installed and runs on `device`, else transformers. Never worse than transformers:
    a model CTranslate2 cannot convert or run falls back to it."""
    if choose_backend("auto", device) == "transformers":
        return _transformers(settings, registry, device, progress)
    return FallbackEngine(_ctranslate2(settings, registry, device, progress),
                          _transformers(settings, registry, device, progress))


def _transformers(settings: Settings, registry: ModelRegistry, device: str, progress: Progress | None) -> Engine:
    """The transformers engine (translation/engines/marian.py)."""
    from babelwire.translation.engines.marian import MarianEngine

    if settings.quantization == "int8" and device == "cuda" and settings.backend == "transformers":
        raise UsageError("BABELWIRE_QUANTIZATION=int8 with the transformers backend runs on CPU only; "
                         "use the ctranslate2 backend or quantization auto on CUDA")
    _configure_threads(settings.threads)
    int8 = settings.quantization == "int8" and device == "cpu"
    return MarianEngine(registry, int8=int8, **marian_options(settings, device, progress))


def _ctranslate2(settings: Settings, registry: ModelRegistry, device: str, progress: Progress | None) -> Engine:
    """The CTranslate2 engine (translation/engines/ctranslate2.py)."""
    from babelwire.translation.engines.ctranslate2 import CTranslate2Engine

    return CTranslate2Engine(registry, translators=settings.translators, threads=settings.threads,
                             quantization=CT2_QUANTIZATION[settings.quantization],
                             **marian_options(settings, device, progress))


# The one list of each: settings, the CLI and build_engine read these names.
ENGINES: dict[str, EngineBuilder] = {"marian": _marian, "pseudo": _dry_run}
BACKENDS: dict[str, BackendBuilder] = {"auto": _auto, "transformers": _transformers, "ctranslate2": _ctranslate2}


def _chosen(builders: dict, name: str, what: str):
    """The builder registered as `name`; a one-line UsageError naming the choices where none is."""
    if name not in builders:
        raise UsageError(f"unknown {what} {name!r}: choose one of {', '.join(builders)}")
    return builders[name]


def marian_options(settings: Settings, device: str, progress: Progress | None) -> dict:
    """What both Marian backends take from settings (translation/engines/core.py)."""
    return {"device": device, "beams": settings.beams, "max_batch_tokens": settings.max_batch_tokens,
            "cache_size": settings.model_cache_size, "progress": progress}


# BABELWIRE_QUANTIZATION -> CTranslate2's compute type (None: the engine's default for the device).
CT2_QUANTIZATION = {"auto": None, "none": "float32", "int8": "int8"}


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
        from babelwire.translation.engines.cuda_libraries import import_ctranslate2

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
        from babelwire.translation.engines import ctranslate2
    except ImportError:
        return "transformers"
    return "ctranslate2" if ctranslate2.is_available(device) else "transformers"


def _configure_threads(threads: int) -> None:
    """torch's intra-op threads are process-wide; 0 leaves torch's default (one per core)."""
    if threads > 0:
        import torch

        torch.set_num_threads(threads)
