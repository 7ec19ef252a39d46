"""Worker processes for the end-to-end and crash tests: started, watched, and always killed at the end.

Also runnable: `python tests/worker_processes.py serve URL LANGS MARKER_DIR DELAY_S` runs a real
`WorkerService` whose translator (the pseudo engine) first drops a marker file, then sleeps DELAY_S, so a
test knows when a job is in the middle of translation and can kill the process right then.
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
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(REPO), **settings)
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


def slow_worker(broker_url: str, languages: str, marker_dir: Path, delay_s: float, log_path: Path):
    """A worker whose every translation announces itself in `marker_dir` and then takes `delay_s`."""
    marker_dir.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, __file__, "serve", broker_url, languages, str(marker_dir), str(delay_s)]
    return process(args, clean_env(), log_path)


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


def serve(broker_url: str, languages: str, marker_dir: str, delay_s: str) -> None:
    from chaos_helpers import ChaosTranslator
    from worker.build import build_translator
    from worker.service import build_worker
    from worker.settings import Settings

    # This script is the edge here, so it builds Settings itself; prefetch 2 keeps several jobs in flight.
    settings = Settings(broker_url=broker_url, languages=languages, engine="pseudo", prefetch=2,
                        retry_base_delay_s=0.2, state_dir=Path(marker_dir))
    translator = ChaosTranslator(build_translator(settings), delay_s=float(delay_s), markers=marker_dir)
    build_worker(settings, translator=translator).run()


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "tests"))
    if sys.argv[1:2] == ["serve"]:
        serve(*sys.argv[2:6])
