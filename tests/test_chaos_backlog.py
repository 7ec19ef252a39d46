"""Chaos scenario 8 (and 10 for it): a backlog of 10,000 jobs. While two workers chew on it, each holds at
most `prefetch` unacknowledged jobs (and does hold that many: the backlog keeps them busy), and its memory
stays flat. Stopped with SIGTERM, every job is a copy or back on the queue: nothing lost, nothing unacked.

The window is time-boxed (the workers do not finish 10,000 jobs within CI's budget; benchmarks/soak.py runs
for as long as you like); memory is compared between a warm sample and the last one.
"""

import signal
import time

import pytest
from chaos_helpers import (Tally, WorkerOptions, WorkerPool, publish_items, queue_counts, unacked_by_consumer,
                           wait_until)
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401

from babelwire.queues import topology
from babelwire.queues.subscriber import follow

pytestmark = pytest.mark.slow

BACKLOG = 10_000
PREFETCH = 4
WINDOW_S = 15
MAX_GROWTH_KIB = 8 * 1024
TRANSLATION_S = 0.1


def test_backlog_of_10000_keeps_unacked_at_the_prefetch_and_memory_flat(broker_url, tmp_path):
    expected = publish_items(broker_url, BACKLOG, languages=("uk",), prefix="backlog")
    jobs, outbox = topology.job_queue_name("uk"), topology.outbox_queue_name("uk")
    assert sum(queue_counts(broker_url, jobs)) == BACKLOG
    # Each engine call takes TRANSLATION_S, far longer than fetching a job: the workers are busy translating,
    # not waiting for the broker, however loaded the machine, so their prefetch is full.
    options = WorkerOptions(languages="uk", prefetch=PREFETCH, delay_s=TRANSLATION_S)
    unacked_samples, memory_samples = [], []
    with WorkerPool(broker_url, tmp_path / "logs", 2, options) as pool:
        wait_until(lambda: queue_counts(broker_url, outbox)[0] >= 200, 60, "the workers to warm up")
        deadline = time.monotonic() + WINDOW_S
        while time.monotonic() < deadline:
            unacked_samples.append(unacked_by_consumer(broker_url))
            memory_samples.append(pool.sample_memory())
            time.sleep(0.5)
        for slot in range(2):
            pool.process(slot).send_signal(signal.SIGTERM)
        for slot in range(2):
            assert pool.process(slot).wait(timeout=30) == 0, pool.logs()

    assert all(len(sample) <= 2 for sample in unacked_samples), unacked_samples  # one consuming channel each
    assert max(max(sample, default=0) for sample in unacked_samples) == PREFETCH, unacked_samples
    assert all(count <= PREFETCH for sample in unacked_samples for count in sample), unacked_samples
    first, last = memory_samples[0], memory_samples[-1]
    assert len(first) == len(last) == 2
    assert all(b - a <= MAX_GROWTH_KIB for a, b in zip(first, last)), f"RSS KiB {first} -> {last}"

    ready, unacked = queue_counts(broker_url, jobs)
    assert unacked == 0
    # Counted by copy id: delivery is at least once, so a job whose copy went out just before its worker lost it
    # (an embedded lease that a starved process renewed too late) comes out twice, byte for byte the same.
    tally = Tally(expected=expected)
    for message in follow(broker_url, languages=["uk"], timeout_s=2):
        tally.add(message)
    copies = len(tally.ids_by_pair)
    assert copies >= 300, "the workers hardly moved"
    assert all(len(bodies) == 1 for bodies in tally.bodies_by_id.values()), "a duplicate differs from its twin"
    assert ready + copies == BACKLOG, f"{ready} ready + {copies} distinct copies != {BACKLOG} jobs"
    print(f"backlog: {copies} jobs done in the window, {len(unacked_samples)} samples of unacked "
          f"{sorted({c for s in unacked_samples for c in s})}, RSS KiB {first} -> {last}")
