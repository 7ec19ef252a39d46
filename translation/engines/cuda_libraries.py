"""The CUDA 12 libraries CTranslate2's wheels need, found in the pip packages of the `gpu` extra and loaded first.

CTranslate2's Linux wheels are built against CUDA 12 and open `libcublas.so.12` (with `libcublasLt.so.12`, and
`libnvrtc.so.12` for some kernels) when their first GPU kernel runs; on a host whose CUDA libraries are newer, or
absent, that fails ("Library libcublas.so.12 is not found"). `pip install 'babelwire[gpu]'` brings them as
NVIDIA's `nvidia-cublas-cu12` and `nvidia-cuda-nvrtc-cu12` packages (torch's CUDA 12 builds depend on them too).
Those install into the `nvidia` namespace package (`nvidia/cublas/lib/...`), which no loader searches. Loading each
library by its full path with RTLD_GLOBAL before CTranslate2 is imported puts it in the process under its soname,
so CTranslate2's later `dlopen("libcublas.so.12")` finds it already there. No cuDNN: translation never needs it.
"""

from __future__ import annotations

import ctypes
import importlib.util
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babelwire.translation.engines.mkl_memory import disable_buffer_pools

log = logging.getLogger(__name__)

# (package holding the lib folder, library file), in load order: libcublas needs libcublasLt.
LIBRARIES = (
    ("nvidia.cublas", "libcublasLt.so.12"),
    ("nvidia.cublas", "libcublas.so.12"),
    ("nvidia.cuda_nvrtc", "libnvrtc.so.12"),
)


def library_paths(find_spec: Callable = importlib.util.find_spec) -> list[Path]:
    """The full path of every library of LIBRARIES that an installed package holds, in load order.

    `nvidia` and its subpackages are namespace packages (no `__init__.py`, so no `__file__`): their folders are
    the spec's search locations, `nvidia.cublas.lib.__path__` once imported.
    """
    found = []
    for package, name in LIBRARIES:
        for folder in _lib_folders(package, find_spec):
            if (folder / name).is_file():
                found.append(folder / name)
                break
    return found


def _lib_folders(package: str, find_spec: Callable) -> list[Path]:
    try:
        spec = find_spec(package)
    except (ImportError, ValueError):  # `nvidia` itself missing, or a half-installed package
        return []
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    return [Path(location) / "lib" for location in locations]


@cache
def preload() -> tuple[str, ...]:
    """Load the CUDA 12 libraries the `gpu` extra installed (once per process); the names of those loaded.

    Nothing installed, nothing loaded: CTranslate2 then finds its libraries wherever the system keeps them, or
    runs on CPU. A library that is there but will not load (a broken install) is logged, not fatal: the CUDA
    load check (ctranslate2.CTranslate2Engine._check_it_runs) then says what cannot run.
    """
    loaded = []
    for path in library_paths():
        try:
            ctypes.CDLL(str(path), mode=ctypes.RTLD_GLOBAL)
        except OSError as error:
            log.warning("cannot load %s from the gpu extra: %s", path, error)
        else:
            loaded.append(path.name)
    return tuple(loaded)


def import_ctranslate2():
    """The `ctranslate2` module, imported after the CUDA 12 libraries of the `gpu` extra are loaded and with MKL's
    buffer pools off (mkl_memory.py)."""
    disable_buffer_pools()
    preload()
    import ctranslate2

    return ctranslate2
