"""How the process uses glibc's malloc: few arenas, and freed pages handed back after large work.

glibc gives each thread that allocates its own malloc arena (up to 8 per core), and memory freed in an arena
stays with it. A worker's threads (the consumer, the decode threads, CTranslate2's own) each grow one; measured on
a uk + de worker of the OPUS-MT architecture, two arenas cut its steady RSS from about 608 MB to 481 MB at the same
speed. The limit must be set before the threads start, so the CLI sets it first thing. glibc reads
MALLOC_ARENA_MAX itself when the process starts; where it is set (the image and compose file set it too), it is
left as it is. On a C library without these calls (musl, macOS) nothing happens.
"""

import ctypes
import ctypes.util
from functools import cache

ARENAS = 2
ARENA_SETTING = "MALLOC_ARENA_MAX"  # glibc reads it at start; limit_arenas leaves a value set there
M_ARENA_MAX = -8  # glibc's malloc.h


@cache
def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def limit_arenas(arenas: int = ARENAS, environment: dict | None = None) -> bool:
    """Cap glibc's malloc arenas at `arenas` unless MALLOC_ARENA_MAX in `environment` already says how many;
    True when this call set it. Call it before any thread starts: arenas already made stay."""
    if environment is not None and environment.get(ARENA_SETTING):
        return False
    libc = _libc()
    if libc is None or not hasattr(libc, "mallopt"):
        return False
    return libc.mallopt(M_ARENA_MAX, arenas) == 1


def release_free_memory() -> None:
    """Hand pages that malloc holds free back to the system (glibc's malloc_trim): after a large batch the
    buffers it freed would otherwise stay in the process's RSS until malloc reuses them."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)
