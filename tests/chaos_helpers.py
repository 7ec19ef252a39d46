"""Fault injection for the chaos suite (tests/test_chaos_*.py) and the soak (benchmarks/soak.py).

- `chaos_worker(...)`: a real `WorkerService` (built by `babelwire.worker.service.build_worker`, JSON logs) in a
  subprocess whose translator is the pseudo engine wrapped in `ChaosTranslator`: it can mark each call in
  a folder, sleep or burn CPU for a while (longer than several heartbeats), or fail every time on a
  poison word. Runnable: `python tests/chaos_helpers.py serve --broker URL ...`.
- `WorkerPool`: N such workers, kill -9 / restart / SIGTERM any of them, read their memory.
- `publish_items` / `wire_item`: confirmed jobs with distinct uris and a send time (`altids` `chaos-sent-at`,
  which the copy keeps, so it gives the end-to-end latency).
- `Tally`: every copy received, checked against the delivery contract (exactly one id per job, none
  missing, a duplicate is byte-identical to its twin).
- `unacked_by_consumer` / `queue_counts`: what the broker holds, on RabbitMQ (rabbitmqctl) and embedded
  (the SQLite file).

Every process started here is killed and reaped on the way out, whatever happens.
"""

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from worker_processes import clean_env, log_text, process, wait_until  # noqa: E402
from babelwire.queues import topology  # noqa: E402

LANGUAGES = ("uk", "de")
POISON_WORD = "CHAOS-POISON"  # a text holding it fails translation every time (a transient error)


# --- the chaos worker ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class WorkerOptions:
    """How a chaos worker behaves; each field is a command-line option of `serve`."""

    languages: str = "uk,de"
    prefetch: int = 4
    heartbeat_s: int = 30
    delay_s: float = 0.0  # extra time per translation
    cpu: bool = False  # spend `delay_s` burning CPU in Python (holding the GIL in slices) instead of sleeping
    max_attempts: int = 5
    retry_base_delay_s: float = 0.2
    markers: Path | None = None  # touch one file per translation call here

    def args(self) -> list[str]:
        args = ["--languages", self.languages, "--prefetch", str(self.prefetch), "--heartbeat", str(self.heartbeat_s),
                "--delay", str(self.delay_s), "--max-attempts", str(self.max_attempts),
                "--retry-base-delay", str(self.retry_base_delay_s)]
        if self.cpu:
            args.append("--cpu")
        if self.markers is not None:
            args += ["--markers", str(self.markers)]
        return args


def chaos_worker(broker_url: str, log_path: Path, options: WorkerOptions = WorkerOptions()):
    """Context manager: a chaos worker process (SIGKILLed and reaped on exit if still running)."""
    if options.markers is not None:
        options.markers.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, __file__, "serve", "--broker", broker_url, "--state-dir", str(log_path.parent),
            *options.args()]
    return process(args, clean_env(), log_path)


class ChaosTranslator:
    """Wraps a translator: marks each item it is given in `markers`, delays each call (sleep or CPU) and
    fails calls holding the poison word, then translates."""

    def __init__(self, inner, *, delay_s=0.0, cpu=False, markers=None):
        self._inner, self._delay_s, self._cpu, self._markers = inner, delay_s, cpu, markers
        self._calls = 0

    @property
    def policy(self):
        return self._inner.policy

    def translate_many(self, texts, target, terms=()):
        self._start([texts], target)
        return self._inner.translate_many(texts, target, terms=terms)

    def translate_documents(self, documents, target):
        """Several jobs' items in one call (the worker's batch): a marker per item, one delay for the call."""
        documents = [(list(texts), list(terms)) for texts, terms in documents]
        self._start([texts for texts, _ in documents], target)
        return self._inner.translate_documents(documents, target)

    def _start(self, items, target):
        for _ in items:
            self._calls += 1
            if self._markers is not None:
                (Path(self._markers) / f"{os.getpid()}-{self._calls}-{target}").touch()
        if any(POISON_WORD in text for texts in items for text in texts):
            from babelwire.translation.errors import ModelLoadError

            raise ModelLoadError(f"chaos: the engine fails on {POISON_WORD} every time")
        if self._delay_s:
            _burn(self._delay_s) if self._cpu else time.sleep(self._delay_s)


def _burn(seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sum(i * i for i in range(2000))


def serve(argv: list[str]) -> None:
    from babelwire.worker.build import build_translator
    from babelwire.worker.logs import configure_logging
    from babelwire.worker.service import build_worker
    from babelwire.worker.settings import Settings

    parser = argparse.ArgumentParser(prog="chaos_helpers.py serve")
    parser.add_argument("--broker", required=True)
    parser.add_argument("--state-dir", required=True)
    parser.add_argument("--languages", default="uk,de")
    parser.add_argument("--prefetch", type=int, default=4)
    parser.add_argument("--heartbeat", type=int, default=30)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--cpu", action="store_true")
    parser.add_argument("--max-attempts", type=int, default=5)
    parser.add_argument("--retry-base-delay", type=float, default=0.2)
    parser.add_argument("--markers")
    args = parser.parse_args(argv)
    # This script is the edge here, so it builds Settings itself (JSON logs: the tests parse them).
    settings = Settings(broker_url=args.broker, languages=args.languages, engine="pseudo", prefetch=args.prefetch,
                        heartbeat_s=args.heartbeat, max_attempts=args.max_attempts,
                        retry_base_delay_s=args.retry_base_delay, state_dir=Path(args.state_dir), log_format="json")
    configure_logging(settings)
    translator = ChaosTranslator(build_translator(settings), delay_s=args.delay, cpu=args.cpu, markers=args.markers)
    build_worker(settings, translator=translator).run()


def log_records(path: Path) -> list[dict]:
    """The JSON log records a chaos worker wrote (other lines, such as a traceback, are skipped)."""
    records = []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("{"):
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return records


def count_messages(path: Path, prefix: str) -> int:
    return sum(1 for record in log_records(path) if record.get("message", "").startswith(prefix))


# --- several workers -----------------------------------------------------------------------------------

class WorkerPool:
    """`size` chaos workers; each restart gets a fresh log file. Use as a context manager."""

    def __init__(self, broker_url: str, log_dir: Path, size: int, options: WorkerOptions = WorkerOptions()):
        self.broker_url, self.log_dir, self.options = broker_url, Path(log_dir), options
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.slots: list = [None] * size  # (context manager, Popen) per slot
        self.starts = 0
        self.kills = 0
        self.peak_rss_kib = 0

    def __enter__(self):
        for slot in range(len(self.slots)):
            self.start(slot)
        return self

    def __exit__(self, *exc):
        for slot in range(len(self.slots)):
            self._close(slot)

    def start(self, slot: int) -> subprocess.Popen:
        self.starts += 1
        manager = chaos_worker(self.broker_url, self.log_dir / f"worker-{slot}-{self.starts}.log", self.options)
        self.slots[slot] = (manager, manager.__enter__())
        return self.slots[slot][1]

    def process(self, slot: int) -> subprocess.Popen:
        return self.slots[slot][1]

    def kill9(self, slot: int) -> None:
        """SIGKILL the worker in `slot` (no goodbye to the broker) and start a fresh one there."""
        proc = self.process(slot)
        self.sample_memory()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        self.kills += 1
        self._close(slot)
        self.start(slot)

    def _close(self, slot: int) -> None:
        if self.slots[slot] is not None:
            manager, _ = self.slots[slot]
            self.slots[slot] = None
            manager.__exit__(None, None, None)

    def alive(self) -> bool:
        return all(entry is not None and entry[1].poll() is None for entry in self.slots)

    def sample_memory(self) -> list[int]:
        """Current RSS (KiB) of each live worker; keeps the peak (VmHWM) seen so far."""
        current = []
        for entry in self.slots:
            if entry is not None and entry[1].poll() is None:
                rss, peak = rss_kib(entry[1].pid)
                current.append(rss)
                self.peak_rss_kib = max(self.peak_rss_kib, peak)
        return current

    def logs(self) -> str:
        return "\n".join(f"--- {path.name}\n{log_text(path)}" for path in sorted(self.log_dir.glob("worker-*.log")))


def rss_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a live process in KiB; (0, 0) when it is gone."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(value.split()[0])
    except (OSError, ValueError):
        return 0, 0
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


# --- jobs in -------------------------------------------------------------------------------------------

def wire_item(n: int, prefix: str = "chaos", **fields) -> dict:
    """A small English ninjs 1.x item with a distinct uri, a quote, a name and its send time (an alternative id,
    which its copies keep: a copy holds no field ninjs does not have)."""
    return {"uri": f"urn:chaos:{prefix}-{n}", "version": "1", "language": "en",
            "headline": f"Ministers meet for round {n}",
            "body_text": f'Olena Kovalenko said "we stay at the table, round {n}" in Kyiv on Monday. '
                         f"Talks resume at 10:00 GMT.",
            "person": [{"name": "Olena Kovalenko"}], "altids": {"chaos-sent-at": time.time()}, **fields}


def publish_items(broker_url: str, count: int, languages=LANGUAGES, prefix: str = "chaos", start: int = 0,
                  declare: bool = True) -> set[tuple[str, str]]:
    """Publish `count` items (confirmed) to `languages`; returns the (uri, language) pairs expected back.

    `declare=False` leaves the topology as it is (declaring would bind a deliberately unbound outbox)."""
    from babelwire.queues.publisher import Publisher

    with _connection(broker_url, languages, declare) as conn:
        publisher = Publisher(conn)
        expected = set()
        for n in range(start, start + count):
            item = wire_item(n, prefix)
            publisher.submit(json.dumps(item).encode(), languages, message_id=f"{item['uri']}@1")
            expected |= {(item["uri"], language) for language in languages}
        publisher.close()
    return expected


def publish_bodies(broker_url: str, bodies: dict, languages=("uk",)) -> None:
    """Publish raw bodies {message_id: bytes} as jobs (confirmed)."""
    from babelwire.queues.publisher import Publisher

    with _connection(broker_url, languages) as conn:
        publisher = Publisher(conn)
        for message_id, body in bodies.items():
            publisher.submit(body, languages, message_id=message_id)
        publisher.close()


@contextmanager
def _connection(broker_url, languages, declare=True):
    from babelwire.queues.connection import connect
    from babelwire.queues.topology import declare_topology

    with connect(broker_url) as conn:
        if declare:
            declare_topology(conn, list(languages))
        yield conn


# --- copies out ----------------------------------------------------------------------------------------

@dataclass
class Tally:
    """Every copy received, and what the delivery contract says about them."""

    expected: set = field(default_factory=set)
    bodies_by_id: dict = field(default_factory=lambda: defaultdict(set))
    ids_by_pair: dict = field(default_factory=lambda: defaultdict(set))
    received: int = 0
    latencies_s: list = field(default_factory=list)

    def add(self, message) -> None:
        copy = json.loads(message.body)
        copy_id = message.headers[topology.COPY_ID_HEADER]
        pair = (message.headers[topology.SOURCE_URI_HEADER], copy["language"])
        if not self.ids_by_pair[pair]:  # first arrival: the latency a desk sees
            sent = copy.get("altids", {}).get("chaos-sent-at")
            if isinstance(sent, (int, float)):
                self.latencies_s.append(time.time() - sent)
        self.bodies_by_id[copy_id].add(message.body)
        self.ids_by_pair[pair].add(copy_id)
        self.received += 1

    @property
    def complete(self) -> bool:
        return self.expected <= set(self.ids_by_pair)

    @property
    def missing(self) -> set:
        return self.expected - set(self.ids_by_pair)

    @property
    def duplicates(self) -> int:
        return self.received - len(self.bodies_by_id)

    def problems(self) -> list[str]:
        """Every breach of the contract, as sentences; [] when it holds."""
        found = []
        if self.missing:
            found.append(f"{len(self.missing)} copies missing, e.g. {sorted(self.missing)[:3]}")
        unexpected = set(self.ids_by_pair) - self.expected
        if unexpected:
            found.append(f"{len(unexpected)} unexpected copies, e.g. {sorted(unexpected)[:3]}")
        split = [pair for pair, ids in self.ids_by_pair.items() if len(ids) != 1]
        if split:
            found.append(f"{len(split)} jobs published under several ids, e.g. {split[:3]}")
        differing = [copy_id for copy_id, bodies in self.bodies_by_id.items() if len(bodies) != 1]
        if differing:
            found.append(f"{len(differing)} duplicates differ from their twin, e.g. {differing[:3]}")
        if len(self.bodies_by_id) != len(self.expected):
            found.append(f"{len(self.bodies_by_id)} distinct copy ids for {len(self.expected)} jobs")
        return found


def collect(broker_url: str, tally: Tally, languages=LANGUAGES, quiet_s: float = 60, trailing_s: float = 2.0,
            until=None) -> Tally:
    """Read the outboxes into `tally` until every expected copy arrived (or `until()` says stop, or nothing
    came for `quiet_s`), then whatever trails for `trailing_s` (duplicates of killed workers' jobs)."""
    from babelwire.queues.subscriber import follow

    done = until or (lambda: tally.complete)
    left_unacked = None  # follow() leaves the message we broke off at on its queue: it comes back once
    if not done():
        for message in follow(broker_url, languages=list(languages), timeout_s=quiet_s):
            tally.add(message)
            if done():
                left_unacked = message.body
                break
    for message in follow(broker_url, languages=list(languages), timeout_s=trailing_s):
        if left_unacked is not None and message.body == left_unacked:
            left_unacked = None
            continue
        tally.add(message)
    return tally


# --- what the broker holds -----------------------------------------------------------------------------

def is_embedded(broker_url: str) -> bool:
    return broker_url.startswith("embedded://")


def _embedded_db(broker_url: str):
    path = broker_url[len("embedded://"):].partition("?")[0]
    return sqlite3.connect(path, timeout=30)


def unacked_by_consumer(broker_url: str) -> list[int]:
    """Unacknowledged deliveries held by each consuming channel (one per worker) right now."""
    if is_embedded(broker_url):
        with _closing(_embedded_db(broker_url)) as db:
            rows = db.execute("SELECT lease_owner, COUNT(*) FROM messages WHERE lease_owner IS NOT NULL"
                              " AND lease_until > ? GROUP BY lease_owner", (time.time(),)).fetchall()
        return [count for _, count in rows]
    vhost = broker_url.rsplit("/", 1)[1]
    out = _rabbitmqctl("list_channels", "vhost", "messages_unacknowledged", "consumer_count")
    counts = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] == vhost and parts[2] != "0":
            counts.append(int(parts[1]))
    return counts


def queue_counts(broker_url: str, queue: str) -> tuple[int, int]:
    """(ready, unacknowledged) messages of `queue`."""
    if is_embedded(broker_url):
        with _closing(_embedded_db(broker_url)) as db:
            now = time.time()
            held = db.execute("SELECT COUNT(*) FROM messages WHERE queue = ? AND lease_owner IS NOT NULL"
                              " AND lease_until > ?", (queue, now)).fetchone()[0]
            total = db.execute("SELECT COUNT(*) FROM messages WHERE queue = ?", (queue,)).fetchone()[0]
        return total - held, held
    vhost = broker_url.rsplit("/", 1)[1]
    for line in _rabbitmqctl("list_queues", "-p", vhost, "name", "messages_ready",
                             "messages_unacknowledged").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] == queue:
            return int(parts[1]), int(parts[2])
    return 0, 0


def _rabbitmqctl(*args: str) -> str:
    result = subprocess.run(["rabbitmqctl", "-q", *args], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"rabbitmqctl {' '.join(args)} failed: {result.stderr.strip()}")
    return "\n".join(line for line in result.stdout.splitlines() if not line.startswith(("Listing", "Timeout")))


@contextmanager
def _closing(db):
    try:
        yield db
    finally:
        db.close()


def percentile(values, fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


__all__ = ["LANGUAGES", "POISON_WORD", "WorkerOptions", "WorkerPool", "Tally", "chaos_worker", "collect",
           "count_messages", "log_records", "log_text", "percentile", "publish_bodies", "publish_items",
           "queue_counts", "rss_kib", "unacked_by_consumer", "wait_until", "wire_item"]

if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2:])
