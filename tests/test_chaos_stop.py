"""Chaos scenario 4: SIGTERM while a (CPU-bound) job is in translation and more jobs wait in the prefetch.

Pass: the process exits with status 0 within 30 s; every job is either published and acked or back on its
queue (ready, nothing left unacknowledged); every translation that had started ended in a published copy;
a later worker completes the rest with nothing lost. Extends test_worker_crash.py's SIGTERM test (which
checks exit and completion) with the accounting of the jobs in hand. On both brokers.
"""

import signal
import time

import pytest
from chaos_helpers import LANGUAGES, Tally, WorkerOptions, chaos_worker, collect, publish_items, queue_counts, wait_until
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401

from babelwire.queues import topology
from babelwire.queues.subscriber import follow

pytestmark = pytest.mark.slow

ITEMS = 10


def test_sigterm_during_a_job_exits_in_30_s_and_leaves_every_job_published_or_returned(broker_url, tmp_path):
    expected = publish_items(broker_url, ITEMS)
    markers = tmp_path / "markers"
    options = WorkerOptions(delay_s=1.5, cpu=True, markers=markers, prefetch=4)
    with chaos_worker(broker_url, tmp_path / "first.log", options) as worker:
        wait_until(lambda: len(list(markers.iterdir())) >= 2, 60, "the second translation to start")
        signalled = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0, (tmp_path / "first.log").read_text()
    assert time.monotonic() - signalled < 30
    started_translations = len(list(markers.iterdir()))

    before = Tally(expected=expected)
    for message in follow(broker_url, languages=list(LANGUAGES), timeout_s=1):
        before.add(message)
    held = [queue_counts(broker_url, topology.job_queue_name(language)) for language in LANGUAGES]
    assert all(unacked == 0 for _, unacked in held), f"left unacknowledged: {held}"
    ready = sum(ready for ready, _ in held)
    assert len(before.bodies_by_id) == started_translations, "a translation in hand was dropped, not published"
    assert ready + len(before.bodies_by_id) == len(expected), "a job was neither published nor returned"
    assert ready > 0, "the waiting prefetched jobs should have gone back to the queue"

    with chaos_worker(broker_url, tmp_path / "second.log", WorkerOptions()):
        after = collect(broker_url, Tally(expected=expected - set(before.ids_by_pair)), quiet_s=60)
    assert after.problems() == [], (tmp_path / "second.log").read_text()


def test_a_second_sigterm_stops_at_once_with_143_and_the_job_goes_back(embedded_url, tmp_path):
    """The exit status a shell shows for it (143, in the README's table), one warning line, nothing lost."""
    expected = publish_items(embedded_url, 1)
    markers = tmp_path / "markers"
    log = tmp_path / "worker.log"
    with chaos_worker(embedded_url, log, WorkerOptions(delay_s=120, markers=markers, prefetch=1)) as worker:
        wait_until(lambda: len(list(markers.iterdir())) >= 1, 60, "the translation to start")
        worker.send_signal(signal.SIGTERM)
        wait_until(lambda: "finishing the job in hand" in log.read_text(), 30, "the first SIGTERM to be taken")
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 143, log.read_text()
    assert "received SIGTERM again: stopping now" in log.read_text()
    with chaos_worker(embedded_url, tmp_path / "second.log", WorkerOptions()):
        after = collect(embedded_url, Tally(expected=expected), quiet_s=60)
    assert after.problems() == [], (tmp_path / "second.log").read_text()
