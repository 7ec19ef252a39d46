"""A worker killed with SIGKILL mid-job, or stopped with SIGTERM: after a restart every (item, language)
copy is published, none is lost, and any duplicate has the same id and body. On both brokers."""

import json
import signal
import time
from collections import defaultdict

import pytest
from chaos_helpers import WorkerOptions, chaos_worker
from cli_helpers import run_babelwire
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401
from worker_processes import log_text, wait_until, write_items

from babelwire.queues import topology
from babelwire.queues.subscriber import follow

LANGUAGES = ("uk", "de")
pytestmark = pytest.mark.slow


def submit(broker_url, paths):
    result = run_babelwire("submit", *map(str, paths), "--to", ",".join(LANGUAGES), "--broker", broker_url,
                           timeout=60)
    assert result.returncode == 0, result.stderr.decode()


def slow_worker(broker_url, languages, marker_dir, delay_s, log_path):
    """A worker whose every translation announces itself in `marker_dir` and then takes `delay_s`;
    prefetch 2 keeps several jobs in flight."""
    options = WorkerOptions(languages=languages, prefetch=2, delay_s=delay_s, markers=marker_dir)
    return chaos_worker(broker_url, log_path, options)


def markers(marker_dir):
    return list(marker_dir.iterdir())


def collect_all_copies(broker_url, expected_pairs, timeout_s):
    """Every copy in the outboxes until each expected (uri, language) arrived, then whatever trails."""
    copies, seen = [], set()
    for message in follow(broker_url, languages=list(LANGUAGES), timeout_s=timeout_s):
        copies.append(message)
        seen.add(_pair(message))
        if seen >= expected_pairs:
            break
    # Duplicates from the killed worker's unacked-but-published jobs may trail the last new copy.
    copies += list(follow(broker_url, languages=list(LANGUAGES), timeout_s=2))
    return copies


def _pair(message):
    return message.headers[topology.SOURCE_URI_HEADER], json.loads(message.body)["language"]


def assert_complete_and_consistent(copies, expected_pairs):
    bodies_by_id, ids_by_pair = defaultdict(set), defaultdict(set)
    for message in copies:
        copy_id = message.headers[topology.COPY_ID_HEADER]
        bodies_by_id[copy_id].add(message.body)
        ids_by_pair[_pair(message)].add(copy_id)
    assert set(ids_by_pair) == expected_pairs, "a copy is missing"
    assert all(len(ids) == 1 for ids in ids_by_pair.values()), "one job published under two ids"
    assert all(len(bodies) == 1 for bodies in bodies_by_id.values()), "a duplicate differs from its twin"


def test_kill_9_mid_job_then_restart_loses_nothing(broker_url, tmp_path):
    paths = write_items(tmp_path / "items", 6)
    expected = {(f"urn:test:item-{n}", language) for n in range(6) for language in LANGUAGES}
    submit(broker_url, paths)
    marker_dir = tmp_path / "markers"
    with slow_worker(broker_url, "uk,de", marker_dir, 0.5, tmp_path / "first.log") as first:
        # Third translation under way: two jobs are (probably) published, one is mid-translation.
        wait_until(lambda: len(markers(marker_dir)) >= 3, 90, "the third translation to start")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    with slow_worker(broker_url, "uk,de", marker_dir, 0.05, tmp_path / "second.log"):
        copies = collect_all_copies(broker_url, expected, timeout_s=60)
    assert_complete_and_consistent(copies, expected)
    # The job killed mid-translation was translated again: more translations ran than there are jobs.
    assert len(markers(marker_dir)) > len(expected)


def test_sigterm_mid_job_exits_promptly_and_the_job_completes_later(broker_url, tmp_path):
    paths = write_items(tmp_path / "items", 2)
    expected = {(f"urn:test:item-{n}", language) for n in range(2) for language in LANGUAGES}
    submit(broker_url, paths)
    marker_dir = tmp_path / "markers"
    with slow_worker(broker_url, "uk,de", marker_dir, 3.0, tmp_path / "first.log") as first:
        wait_until(lambda: len(markers(marker_dir)) >= 1, 90, "a translation to start")
        started = time.monotonic()
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 0, log_text(tmp_path / "first.log")
        assert time.monotonic() - started < 30
    with slow_worker(broker_url, "uk,de", marker_dir, 0.05, tmp_path / "second.log"):
        copies = collect_all_copies(broker_url, expected, timeout_s=60)
    assert_complete_and_consistent(copies, expected)
