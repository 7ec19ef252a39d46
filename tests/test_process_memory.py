"""glibc's malloc arenas are capped before any thread starts (worker/arenas.py), unless MALLOC_ARENA_MAX says otherwise."""

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
