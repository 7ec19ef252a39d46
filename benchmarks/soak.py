"""Soak: scenario 1 of the chaos suite (issue 7) for a given time, with faults, and the figures it left.

Usage:
    .venv/bin/python benchmarks/soak.py --duration 600 --broker embedded
    .venv/bin/python benchmarks/soak.py --duration 600 --broker amqp://guest:guest@127.0.0.1:5672/ \
        --broker-restart connections --broker-restart-every 120

What runs: `--workers` chaos workers (a real `WorkerService` with the pseudo engine, tests/chaos_helpers.py)
serve uk and de while items are published at `--rate` items a second (one job per language). Every
`--poison-every`-th item is invalid JSON, which must end in the dead-letter queue. Faults: every
`--kill-every` seconds (jittered) a random worker is killed with SIGKILL and a fresh one started; on
RabbitMQ, optionally, every `--broker-restart-every` seconds the broker "restarts": `connections` closes
every client connection of the soak's vhost (what a restart does to clients, without disturbing anyone
else on the broker), `app` runs `rabbitmqctl stop_app` / `start_app` (the whole broker: only on a machine
of your own). After `--duration` publishing stops and the soak waits up to `--drain-timeout` for the last
copies.

Prints items in, copies out, duplicates, lost (must be 0), dead-lettered, p50/p95 latency (publish to
copy received, first arrival of each copy) and the workers' peak memory; the last line is a JSON object.
Exit status 1 when a copy is lost, a duplicate differs from its twin, or a dead letter is missing.

`--broker amqp://...` on 127.0.0.1 runs in a fresh vhost made (and deleted) with rabbitmqctl, so the soak
never mixes with other queues; `--keep-vhost-of-url` uses the URL's vhost as it is.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from chaos_helpers import LANGUAGES, Tally, WorkerOptions, WorkerPool, percentile, wire_item  # noqa: E402
# Imported here, on the main thread: kombu's lazy imports are not safe to race from two threads.
from babelwire.queues.connection import connect  # noqa: E402
from babelwire.queues.errors import QueueError  # noqa: E402
from babelwire.queues.publisher import Publisher  # noqa: E402
from babelwire.queues.subscriber import follow  # noqa: E402
from babelwire.queues.topology import declare_topology  # noqa: E402

LEASE_S = 5  # embedded broker: how soon a killed worker's jobs are redelivered


def main(argv=None) -> int:
    args = parse_args(argv)
    with broker(args) as url:
        figures = Soak(url, args).run()
    print_figures(figures)
    return 0 if figures["ok"] else 1


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=600, help="seconds of publishing and faults")
    parser.add_argument("--broker", default="embedded", help="'embedded' (a fresh file) or amqp://...")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rate", type=float, default=4.0, help="items published per second")
    parser.add_argument("--kill-every", type=float, default=45.0, help="mean seconds between kill -9 (0: none)")
    parser.add_argument("--broker-restart", choices=("none", "connections", "app"), default="none")
    parser.add_argument("--broker-restart-every", type=float, default=120.0)
    parser.add_argument("--poison-every", type=int, default=100, help="every Nth item is invalid JSON (0: none)")
    parser.add_argument("--drain-timeout", type=float, default=180.0)
    parser.add_argument("--prefetch", type=int, default=4)
    parser.add_argument("--keep-vhost-of-url", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--log-dir", type=Path, help="worker logs (default: a temporary folder)")
    args = parser.parse_args(argv)
    if args.broker == "embedded" and args.broker_restart != "none":
        parser.error("--broker-restart needs RabbitMQ: the embedded broker has no server to restart")
    return args


class broker:
    """Context manager -> the broker URL the soak uses (a fresh embedded file or a fresh vhost)."""

    def __init__(self, args):
        self.args, self.vhost, self.tmp = args, None, None

    def __enter__(self) -> str:
        if self.args.broker == "embedded":
            self.tmp = tempfile.TemporaryDirectory(prefix="babelwire-soak-")
            return f"embedded://{self.tmp.name}/broker.sqlite3?lease_s={LEASE_S}"
        if self.args.keep_vhost_of_url or "127.0.0.1" not in self.args.broker and "localhost" not in self.args.broker:
            return self.args.broker
        self.vhost = f"babelwire-soak-{uuid.uuid4().hex[:8]}"
        rabbitmqctl("add_vhost", self.vhost)
        rabbitmqctl("set_permissions", "-p", self.vhost, "guest", ".*", ".*", ".*")
        base = self.args.broker.rstrip("/")
        base = base.rsplit("/", 1)[0] if base.count("/") > 2 else base
        return f"{base}/{self.vhost}"

    def __exit__(self, *exc):
        if self.vhost is not None:
            rabbitmqctl("delete_vhost", self.vhost)
        if self.tmp is not None:
            self.tmp.cleanup()


def rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=120)


class Soak:
    def __init__(self, url: str, args):
        self.url, self.args = url, args
        self.random = random.Random(args.seed)
        self.tally = Tally()
        self.items = 0
        self.poison_jobs = 0
        self.broker_restarts = 0
        self.publishing_done = threading.Event()
        self._current = None  # (body, message_id, uri or None for poison, languages left) of the item in hand
        self.errors: list[str] = []
        self.memory_samples: list[list[int]] = []

    def run(self) -> dict:
        log_dir = self.args.log_dir or Path(tempfile.mkdtemp(prefix="babelwire-soak-logs-"))
        options = WorkerOptions(languages=",".join(LANGUAGES), prefetch=self.args.prefetch)
        started = time.monotonic()
        with WorkerPool(self.url, log_dir, self.args.workers, options) as pool:
            publisher = threading.Thread(target=self._guard, args=(self._publish,), daemon=True)
            collector = threading.Thread(target=self._guard, args=(self._collect,), daemon=True)
            publisher.start()
            collector.start()
            self._inject_faults(pool, started)
            publisher.join()
            collector.join(self.args.drain_timeout + 30)
            pool.sample_memory()
            dead = self._dead_letters()
        return self._figures(pool, dead, time.monotonic() - started, log_dir)

    def _guard(self, work):
        try:
            work()
        except Exception as exc:  # reported in the figures: the soak itself must not hide a failure
            self.errors.append(f"{work.__name__}: {type(exc).__name__}: {exc}")
            self.publishing_done.set()

    def _publish(self):
        """Publish at `--rate` until `--duration` ends; a broker outage costs a reconnect, never an item."""
        deadline = time.monotonic() + self.args.duration
        next_at = time.monotonic()
        connection = publisher = None
        try:
            while time.monotonic() < deadline:
                connection, publisher = self._published_one(connection, publisher)
                next_at += 1.0 / self.args.rate
                time.sleep(max(0.0, next_at - time.monotonic()))
        finally:
            if connection is not None:
                connection.release()
        self.publishing_done.set()

    def _published_one(self, connection, publisher):
        """Publish the next item, reconnecting until it is confirmed (a retried item may arrive twice)."""
        for _ in range(120):
            try:
                if publisher is None:
                    connection = connect(self.url)
                    declare_topology(connection, list(LANGUAGES))
                    publisher = Publisher(connection)
                self._publish_one(publisher)
                return connection, publisher
            except QueueError:
                if connection is not None:
                    connection.release()
                connection = publisher = None
                time.sleep(0.5)
        raise RuntimeError("could not publish for 60 s")

    def _publish_one(self, publisher):
        """Publish item number `self.items` to each language not yet confirmed for it (kept across retries)."""
        if self._current is None:
            n = self.items
            if self.args.poison_every and n % self.args.poison_every == self.args.poison_every - 1:
                self._current = (b'{"uri": "urn:soak:poison-%d", "headline": ' % n, f"poison-{n}", None, list(LANGUAGES))
            else:
                item = wire_item(n, "soak")
                self._current = (json.dumps(item).encode(), f"{item['uri']}@1", item["uri"], list(LANGUAGES))
        body, message_id, uri, remaining = self._current
        while remaining:
            publisher.submit(body, remaining[:1], message_id=message_id)
            remaining.pop(0)
        if uri is None:
            self.poison_jobs += len(LANGUAGES)
        else:
            self.tally.expected |= {(uri, language) for language in LANGUAGES}
        self._current = None
        self.items += 1

    def _collect(self):
        deadline = None
        while True:
            try:
                for message in follow(self.url, languages=list(LANGUAGES), timeout_s=2):
                    self.tally.add(message)
            except QueueError:  # the broker went away; the copy in hand comes back (counted twice)
                time.sleep(0.5)
            if self.publishing_done.is_set():
                deadline = deadline or time.monotonic() + self.args.drain_timeout
                if self.tally.complete or time.monotonic() > deadline:
                    break
        for message in follow(self.url, languages=list(LANGUAGES), timeout_s=3):  # trailing duplicates
            self.tally.add(message)

    def _inject_faults(self, pool: WorkerPool, started: float):
        next_kill = self._next(self.args.kill_every)
        next_restart = self._next(self.args.broker_restart_every if self.args.broker_restart != "none" else 0)
        next_sample = 20.0  # after start-up: the first sample is a warm worker
        while not self.publishing_done.is_set():
            now = time.monotonic() - started
            if now >= next_sample:
                self.memory_samples.append(pool.sample_memory())
                next_sample = now + 5
            if now >= next_kill:
                slot = self.random.randrange(len(pool.slots))
                pool.kill9(slot)
                print(f"[{now:6.0f} s] kill -9 worker {slot} (kill {pool.kills})", flush=True)
                next_kill = now + self._next(self.args.kill_every)
            if now >= next_restart:
                self._restart_broker()
                print(f"[{now:6.0f} s] broker restart ({self.args.broker_restart})", flush=True)
                next_restart = now + self._next(self.args.broker_restart_every)
            time.sleep(0.2)

    def _next(self, mean: float) -> float:
        return self.random.uniform(0.5 * mean, 1.5 * mean) if mean else float("inf")

    def _restart_broker(self):
        self.broker_restarts += 1
        if self.args.broker_restart == "connections":
            vhost = self.url.rsplit("/", 1)[1]
            rabbitmqctl("close_all_connections", "-p", vhost, "soak: simulated broker restart")
        else:
            try:
                rabbitmqctl("stop_app")
                time.sleep(3)
            finally:
                rabbitmqctl("start_app")

    def _dead_letters(self) -> int:
        return sum(1 for _ in follow(self.url, dead=True, timeout_s=3))

    def _figures(self, pool: WorkerPool, dead: int, elapsed_s: float, log_dir: Path) -> dict:
        tally = self.tally
        problems = tally.problems() + self.errors
        if dead < self.poison_jobs:  # more is possible: a poison job republished after a lost confirm
            problems.append(f"{dead} dead letters for {self.poison_jobs} poison jobs")
        latencies = tally.latencies_s
        return {
            "broker": "embedded" if self.url.startswith("embedded://") else "rabbitmq",
            "duration_s": round(elapsed_s, 1),
            "workers": self.args.workers,
            "items_in": self.items,
            "jobs_in": len(tally.expected) + self.poison_jobs,
            "copies_expected": len(tally.expected),
            "copies_out": tally.received,
            "distinct_copies": len(tally.bodies_by_id),
            "duplicates": tally.duplicates,
            "lost": len(tally.missing),
            "dead_lettered": dead,
            "poison_jobs": self.poison_jobs,
            "kills": pool.kills,
            "broker_restarts": self.broker_restarts,
            "latency_p50_s": round(percentile(latencies, 0.50), 3),
            "latency_p95_s": round(percentile(latencies, 0.95), 3),
            "latency_max_s": round(max(latencies, default=float("nan")), 3),
            "peak_rss_mib": round(pool.peak_rss_kib / 1024, 1),
            "rss_first_last_mib": _first_last(self.memory_samples),
            "log_dir": str(log_dir),
            "problems": problems,
            "ok": not problems,
        }


def _first_last(samples: list[list[int]]) -> list[float]:
    """Mean worker RSS (MiB) in the first and the last memory sample: flat memory keeps them close."""
    samples = [sample for sample in samples if sample]
    if not samples:
        return []
    return [round(sum(samples[0]) / len(samples[0]) / 1024, 1), round(sum(samples[-1]) / len(samples[-1]) / 1024, 1)]


def print_figures(figures: dict) -> None:
    print(f"broker            {figures['broker']} ({figures['workers']} workers, {figures['duration_s']} s)")
    print(f"items in          {figures['items_in']} ({figures['jobs_in']} jobs, {figures['poison_jobs']} of them poison)")
    print(f"copies out        {figures['copies_out']} ({figures['distinct_copies']} distinct, "
          f"{figures['copies_expected']} expected)")
    print(f"duplicates        {figures['duplicates']}")
    print(f"lost              {figures['lost']}")
    print(f"dead-lettered     {figures['dead_lettered']}")
    print(f"faults            {figures['kills']} kill -9, {figures['broker_restarts']} broker restarts")
    print(f"latency           p50 {figures['latency_p50_s']} s, p95 {figures['latency_p95_s']} s, "
          f"max {figures['latency_max_s']} s")
    print(f"peak memory       {figures['peak_rss_mib']} MiB per worker (RSS first/last {figures['rss_first_last_mib']})")
    for problem in figures["problems"]:
        print(f"PROBLEM           {problem}")
    print(json.dumps(figures))


if __name__ == "__main__":
    sys.exit(main())
