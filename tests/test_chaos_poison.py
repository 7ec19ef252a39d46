"""Chaos scenario 7: a job whose translation fails every time (a transient engine error) is retried with
growing delays up to the attempt limit, then dead-lettered with the reason; the other jobs keep flowing
meanwhile. test_worker_poison.py covers input that is dead-lettered at once (permanent errors); this is the
retry path. On both brokers."""

import json
from datetime import datetime

import pytest
from chaos_helpers import (POISON_WORD, Tally, WorkerOptions, chaos_worker, collect, log_records, publish_bodies,
                           publish_items, queue_counts, wait_until, wire_item)
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401

from babelwire.queues import topology
from babelwire.queues.subscriber import follow

pytestmark = pytest.mark.slow

ATTEMPTS = 4
BASE_DELAY_S = 1.0  # delays 1, 2, 4 s


def poison_records(log):
    return [(record["message"], record.get("attempt"), datetime.fromisoformat(record["ts"]).timestamp())
            for record in log_records(log)
            if record.get("message_id") == "poison" and record.get("message") in ("job retried", "job dead_lettered")]


def first_published(log, prefix):
    """When the worker published the first copy of an item whose uri starts with `prefix` (epoch s)."""
    return min(datetime.fromisoformat(record["ts"]).timestamp() for record in log_records(log)
               if record.get("message") == "job published" and str(record.get("uri", "")).startswith(prefix))


def test_poison_is_retried_with_growing_delays_then_dead_lettered_while_others_flow(broker_url, tmp_path):
    poison = wire_item(0, "poison", body_text=f"This story holds {POISON_WORD} and always fails.")
    publish_bodies(broker_url, {"poison": json.dumps(poison).encode()})
    expected = publish_items(broker_url, 10, languages=("uk",), prefix="before")
    log = tmp_path / "worker.log"
    options = WorkerOptions(languages="uk", max_attempts=ATTEMPTS, retry_base_delay_s=BASE_DELAY_S)
    with chaos_worker(broker_url, log, options) as worker:
        wait_until(lambda: len(poison_records(log)) >= 1, 60, "the poison's first retry")
        expected |= publish_items(broker_url, 20, languages=("uk",), prefix="during")  # while it waits to retry
        good = collect(broker_url, Tally(expected=expected), languages=["uk"], quiet_s=60)
        dead = list(follow(broker_url, dead=True, count=1, timeout_s=60))
        # The worker logs a job's outcome after publishing it, and leaving this block kills the worker: wait for
        # the line, or a dead letter seen at once is checked against a log that does not have it yet.
        wait_until(lambda: any(name == "job dead_lettered" for name, _, _ in poison_records(log)), 60,
                   "the dead letter's log line")
        assert worker.poll() is None, log.read_text()
    assert good.problems() == [], log.read_text()

    assert len(dead) == 1, log.read_text()
    headers = dead[0].headers
    assert headers[topology.ATTEMPT_HEADER] == ATTEMPTS
    assert f"gave up after {ATTEMPTS} attempts" in headers[topology.REASON_HEADER]
    assert POISON_WORD in headers[topology.REASON_HEADER] and "ModelLoadError" in headers[topology.REASON_HEADER]
    assert json.loads(dead[0].body)["uri"] == poison["uri"], "the dead letter keeps the original body"

    records = poison_records(log)
    assert [(name, attempt) for name, attempt, _ in records] == (
        [("job retried", n) for n in range(1, ATTEMPTS)] + [("job dead_lettered", ATTEMPTS)])
    # Each retry waits at least its delay (a busy machine only adds to a gap), so the gaps grow: 1, 2, 4 s.
    gaps = [later[2] - earlier[2] for earlier, later in zip(records, records[1:])]
    delays = [BASE_DELAY_S * 2 ** n for n in range(ATTEMPTS - 1)]
    assert all(gap >= 0.9 * delay for gap, delay in zip(gaps, delays)), (gaps, delays)
    # The good jobs flowed while the poison waited: one sent during its wait was done before it gave up.
    given_up_at = records[-1][2]
    assert first_published(log, "urn:chaos:during") < given_up_at, "the good jobs waited for the poison to give up"
    assert queue_counts(broker_url, topology.job_queue_name("uk")) == (0, 0)
