"""A uk + de worker's memory: babelwire's worker with its default settings, the real-size OPUS-MT architecture for
both languages, the embedded broker, at least 200 wire items, its RSS sampled all along.

Usage:
    .venv/bin/python benchmarks/worker_memory.py [--items 200] [--env NAME=VALUE ...]

throughput.py runs it as its last stage. Each item is a headline of real news, every fifth with a one-sentence body
(the benchmark's sentences, read from ../shared; see wire_items), sent to uk and de; all are published first, then the worker drains
them as a backlog, one language's jobs after the other's as the consumer hands them out. The models are
benchmarks/_models.py's random-weight checkpoints (uk seed 0, de seed 1).

The worker is a subprocess composed exactly as `babelwire worker` composes it (settings from BABELWIRE_*, malloc
arenas capped first, every model loaded before the first job, Translator, JobHandler, JobConsumer, WorkerService)
with one difference: random weights never emit </s>, so its engine is the benchmark's ForcedLengthEngine (the
product's CTranslate2 engine, with the settings the worker would give it) and each sentence decodes 1.2 x its
source tokens, as throughput.py's do. Left to decode freely, every sentence would run to its budget and be decoded
again, and 200 items would take many minutes. MALLOC_ARENA_MAX and MKL_DISABLE_FAST_MM are removed from its
environment so that the process's own settings are what is measured.

Reports: worker_rss_steady_mb (median of the samples taken after the first 50 items were done), worker_rss_peak_mb
(the kernel's high-water mark, VmHWM, read before the worker stops), how many samples, items and seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from babelwire.translation.engines.mkl_memory import SETTING as MKL_POOLS_SETTING  # noqa: E402
from babelwire.worker.arenas import ARENA_SETTING  # noqa: E402

LANGUAGES = ("uk", "de")
WARM_ITEMS = 50  # samples before this many items are done are start-up, not steady state
SAMPLE_S = 0.2
BODY_EVERY = 5
PROCESS_SETS_ITSELF = (ARENA_SETTING, MKL_POOLS_SETTING)


def wire_items(sentences: list[str], count: int) -> list[dict]:
    """`count` ninjs items: a flash (a short sentence as headline) and, every BODY_EVERY-th item, a one-sentence body
    (sentences reused in turn). Short items keep the stage to a minute or two: each job's sentences are translated
    in several engine calls (names shown as words, then masked again where a random model lost them)."""
    by_length = sorted(sentences, key=len)
    short = by_length[: len(by_length) // 3]
    items = []
    for n in range(count):
        item = {"uri": f"urn:bench:worker-{n}", "version": "1", "language": "en",
                "headline": short[n % len(short)].rstrip(".")}
        if n % BODY_EVERY == 0:
            item["body_text"] = by_length[(7 * n) % len(by_length)]
        items.append(item)
    return items


def rss_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of `pid` in KiB."""
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0])
    return fields.get("VmRSS", 0), fields.get("VmHWM", 0)


class Sampler(threading.Thread):
    """Samples the worker's RSS every SAMPLE_S seconds with the number of items done at that moment."""

    def __init__(self, pid: int, done: Callable[[], int]):
        super().__init__(daemon=True)
        self.pid, self.done, self.samples = pid, done, []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(SAMPLE_S):
            try:
                self.samples.append((self.done(), rss_kib(self.pid)[0]))
            except OSError:
                return


def measure(model_dirs: dict[str, Path], sentences: list[str], items: int = 200, env: dict | None = None) -> dict:
    from babelwire.queues.connection import connect
    from babelwire.queues.publisher import Publisher
    from babelwire.queues.subscriber import follow
    from babelwire.queues.topology import declare_topology

    with tempfile.TemporaryDirectory(prefix="babelwire-bench-worker-") as work:
        url = f"embedded://{work}/broker.sqlite3"
        connection = connect(url)
        declare_topology(connection, list(LANGUAGES))
        publisher = Publisher(connection)
        for item in wire_items(sentences, items):
            publisher.submit(json.dumps(item).encode(), list(LANGUAGES), message_id=f"{item['uri']}@1")
        publisher.close()
        connection.release()
        worker = _start_worker(url, model_dirs, Path(work), env or {})
        received: set[tuple[str, str]] = set()  # (item uri, language) of each copy, duplicates counted once
        copies: dict[str, int] = {}  # item uri -> languages received
        sampler = Sampler(worker.pid, lambda: sum(1 for n in copies.values() if n == len(LANGUAGES)))
        started = time.perf_counter()
        sampler.start()
        try:
            for message in follow(url, languages=list(LANGUAGES), timeout_s=120):
                key = (json.loads(message.body)["uri"].split("#")[0], message.language)  # copy uri: ITEM#LANG
                if key not in received:
                    received.add(key)
                    copies[key[0]] = copies.get(key[0], 0) + 1
                    if len(received) % 100 == 0:
                        print(f"    worker stage: {len(received)} copies, {time.perf_counter() - started:.0f} s",
                              file=sys.stderr, flush=True)
                if len(received) == items * len(LANGUAGES):
                    break
            seconds = time.perf_counter() - started
            peak_kib = rss_kib(worker.pid)[1]
        finally:
            sampler.stopped.set()
            _stop(worker)
        log = (Path(work) / "worker.log").read_text(encoding="utf-8", errors="replace")
    done = sum(1 for n in copies.values() if n >= len(LANGUAGES))
    if done < items:
        raise SystemExit(f"the worker finished {done} of {items} items; its log ends:\n{log[-2000:]}")
    steady = [rss for items_done, rss in sampler.samples if items_done >= WARM_ITEMS]
    return {"worker_rss_steady_mb": round(statistics.median(steady) / 1024) if steady else None,
            "worker_rss_peak_mb": round(peak_kib / 1024), "samples": len(steady), "items": items,
            "languages": list(LANGUAGES), "seconds": round(seconds, 1),
            "items_per_s": round(items / seconds, 2)}


def _start_worker(url: str, model_dirs: dict[str, Path], work: Path, extra_env: dict) -> subprocess.Popen:
    env = {key: value for key, value in os.environ.items() if key not in PROCESS_SETS_ITSELF}
    env.update(PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", BABELWIRE_BROKER_URL=url,
               BABELWIRE_LANGUAGES=",".join(LANGUAGES), BABELWIRE_STATE_DIR=str(work), BABELWIRE_LOG_LEVEL="WARNING",
               BABELWIRE_MODELS=",".join(f"{language}={path}" for language, path in model_dirs.items()), **extra_env)
    log = (work / "worker.log").open("w")
    return subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--serve"], env=env, stdout=log,
                            stderr=log, cwd=work)


def serve() -> int:
    """The worker process: `babelwire worker`'s composition (worker/commands/worker.py) with a forced-length engine."""
    from babelwire.worker.arenas import limit_arenas

    limit_arenas(environment=os.environ)  # first, as worker/cli.py does
    import _models
    from throughput import output_length
    from babelwire.translation.models.registry import ModelRegistry
    from babelwire.worker.build import build_translator
    from babelwire.worker.engines import CT2_QUANTIZATION, marian_options
    from babelwire.worker.service import build_worker, preflight
    from babelwire.worker.settings import Settings

    settings = Settings()  # BABELWIRE_* from the environment: this process is the edge, as the CLI is
    engine = _models.ForcedLengthEngine(
        ModelRegistry(settings.models), output_length, translators=settings.translators, threads=settings.threads,
        quantization=CT2_QUANTIZATION[settings.quantization], **marian_options(settings, "cpu", None))
    models = preflight(engine, settings.languages)
    build_worker(settings, build_translator(settings, engine=engine), models).run()
    return 0


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=40)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def model_dirs() -> dict[str, Path]:
    """The two real-size checkpoints (built and converted once, cached under benchmarks/.cache/)."""
    import _models
    from babelwire.translation.engines.ctranslate2 import ensure_converted

    dirs = {"uk": _models.build(_models.MODEL_DIR, seed=0), "de": _models.build(_models.SECOND_MODEL_DIR, seed=1)}
    for path in dirs.values():
        ensure_converted(path, "int8")
    return dirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="extra worker environment")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        return serve()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `timeout` or kill: stop the worker on the way out
    from throughput import workload

    extra = dict(pair.split("=", 1) for pair in args.env)
    print(json.dumps(measure(model_dirs(), workload(), args.items, extra)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
