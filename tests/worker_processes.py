"""Worker processes for the end-to-end and crash tests: started, watched, and always killed at the end.

A worker with a slowed or failing translator is `chaos_helpers.chaos_worker`.
"""

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BABELWIRE = str(Path(sys.executable).parent / "babelwire")
from shared_data import SEED_ARTICLE  # noqa: F401 - re-exported for the tests


def clean_env(**settings: str) -> dict:
    """The environment for a babelwire subprocess: offline, no BABELWIRE_* of the caller, `settings` added."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("BABELWIRE_")}
    # The translation memory is off unless a test asks for it (see cli_helpers.run_babelwire).
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(REPO),
               **{"BABELWIRE_MEMORY_URL": "off", **settings})
    return env


@contextmanager
def process(args: list[str], env: dict, log_path: Path):
    """Popen `args` with output to `log_path`; killed (SIGKILL) and reaped on the way out, whatever happens."""
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=str(REPO))
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def cli_worker(broker_url: str, languages: str, env: dict, log_path: Path):
    """`babelwire worker` as a user starts it."""
    return process([BABELWIRE, "worker", "--broker", broker_url, "--languages", languages], env, log_path)


def wait_until(condition, timeout_s: float, what: str, poll_s: float = 0.05):
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(poll_s)


def write_items(directory: Path, count: int, prefix: str = "item") -> list[Path]:
    """`count` small English ninjs files with distinct uris and quotes."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        item = {"uri": f"urn:test:{prefix}-{n}", "version": "1", "language": "en",
                "headline": f"Minister speaks on day {n}",
                "body_text": f'The minister said "we will hold firm, number {n}" in Kyiv on Monday.'}
        path = directory / f"{prefix}-{n}.json"
        path.write_text(json.dumps(item), encoding="utf-8")
        paths.append(path)
    return paths


def log_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-4000:] if path.exists() else "(no log)"
