"""Running the real `babelwire` entry point in a subprocess, offline, with no BABELWIRE_* leaking in."""

import os
import subprocess
import sys
from pathlib import Path

BABELWIRE = str(Path(sys.executable).parent / "babelwire")


def run_babelwire(*args: str, stdin: bytes | str | None = None, env: dict | None = None, timeout: float = 300):
    clean = {key: value for key, value in os.environ.items() if not key.startswith("BABELWIRE_")}
    # The translation memory is off unless a test asks for it: it would live in the user's state directory, and
    # a test sees the engine's own behaviour (tests/test_memory_cli.py turns it on in a directory of its own).
    clean.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "BABELWIRE_MEMORY_URL": "off", **(env or {})})
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    return subprocess.run([BABELWIRE, *args], input=data if data is not None else b"", capture_output=True,
                          env=clean, timeout=timeout)


def one_line_error(result) -> str:
    """The error a user sees: exit 2, exactly one line on stderr, no traceback."""
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]
