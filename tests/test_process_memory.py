"""glibc's malloc arenas are capped before any thread starts (worker/arenas.py), unless MALLOC_ARENA_MAX says otherwise;
MKL's buffer pools are off before CTranslate2 is imported (translation/engines/mkl_memory.py), unless
MKL_DISABLE_FAST_MM says otherwise."""

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Threads that each allocate (blocks above pymalloc's 512 bytes go to malloc, in the thread's arena), then
# glibc's malloc_stats(), which prints one "Arena N:" section per arena to stderr.
PROBE = """
import ctypes, sys, threading
from babelwire.worker.arenas import limit_arenas
print(limit_arenas(2, environment={environment}), flush=True)
ready = threading.Barrier(9)
def allocate():
    kept = [bytearray(4096) for _ in range(64)]
    ready.wait()
    ready.wait()
threads = [threading.Thread(target=allocate) for _ in range(8)]
for thread in threads: thread.start()
ready.wait()
ctypes.CDLL("libc.so.6").malloc_stats()
ready.wait()
"""

glibc = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc arenas are glibc's")


def _arenas(environment: dict, env: dict | None = None) -> tuple[str, int]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(environment=environment)], capture_output=True,
                          text=True, cwd=ROOT, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip(), done.stderr.count("Arena ")


@glibc
def test_eight_allocating_threads_share_two_arenas():
    assert _arenas({}) == ("True", 2)


@glibc
def test_malloc_arena_max_in_the_environment_is_left_to_glibc():
    said, arenas = _arenas({"MALLOC_ARENA_MAX": "3"}, env={"MALLOC_ARENA_MAX": "3"})
    assert said == "False" and arenas == 3


def test_the_cli_caps_arenas_first_thing(monkeypatch):
    from babelwire.worker import cli

    calls = []
    monkeypatch.setattr(cli, "limit_arenas", lambda **kwargs: calls.append(kwargs))
    assert cli.main(["translate", "--engine", "pseudo", "--to", "uk", "Hello."]) == 0
    assert calls == [{"environment": os.environ}]


# What MKL will read when it first allocates: the variable as it stands once `ctranslate2` is imported.
MKL_PROBE = """
import os, sys
from babelwire.translation.engines import cuda_libraries
original = cuda_libraries.preload
def preload():
    print(os.environ.get("MKL_DISABLE_FAST_MM"), "ctranslate2" in sys.modules, flush=True)
    return original()
cuda_libraries.preload = preload
from babelwire.translation.engines import ctranslate2
ctranslate2.is_available("cpu")
"""


def _mkl_setting_at_import(env: dict) -> str:
    environment = {key: value for key, value in os.environ.items() if key != "MKL_DISABLE_FAST_MM"}
    done = subprocess.run([sys.executable, "-c", MKL_PROBE], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**environment, "PYTHONPATH": str(ROOT), **env})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_mkl_buffer_pools_are_off_before_ctranslate2_is_imported():
    assert _mkl_setting_at_import({}) == "1 False"


def test_mkl_disable_fast_mm_in_the_environment_is_left_to_mkl():
    assert _mkl_setting_at_import({"MKL_DISABLE_FAST_MM": "0"}) == "0 False"
