"""The worker process as operators see it: readiness once connected, metrics of the jobs it did."""

import json
import socket
import urllib.request

import pytest
from queue_fixtures import embedded_url  # noqa: F401
from worker_processes import clean_env, cli_worker, log_text, wait_until

from queues.connection import connect
from queues.publisher import Publisher
from queues.subscriber import follow
from queues.topology import declare_topology
from worker.health import probe

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_worker_is_ready_once_connected_and_counts_its_jobs(embedded_url, tmp_path):
    port = free_port()
    env = clean_env(BABELWIRE_ENGINE="pseudo", BABELWIRE_HTTP_PORT=str(port), BABELWIRE_STATE_DIR=str(tmp_path))
    with cli_worker(embedded_url, "uk", env, tmp_path / "worker.log"):
        wait_until(lambda: probe(port, "/readyz", timeout_s=0.5), 60, "the worker to be ready")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as response:
            assert json.loads(response.read())["checks"] == {"broker": True, "models": True}
        with connect(embedded_url) as connection:
            declare_topology(connection, ["uk"])
            Publisher(connection).submit(json.dumps({"uri": "urn:m", "headline": "Hi"}).encode(), ["uk"],
                                         message_id="m")
            Publisher(connection).submit(b"not json", ["uk"], message_id="bad")
        assert len(list(follow(embedded_url, languages=["uk"], count=1, timeout_s=30))) == 1
        assert len(list(follow(embedded_url, dead=True, count=1, timeout_s=30))) == 1
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            metrics = response.read().decode()
        log = log_text(tmp_path / "worker.log")
    assert 'babelwire_jobs_published_total{language="uk"} 1.0' in metrics, metrics
    assert 'babelwire_jobs_dead_lettered_total{language="uk"} 1.0' in metrics, metrics
    assert 'babelwire_translation_seconds_count{language="uk"} 1.0' in metrics, metrics
    assert 'babelwire_models_loaded{language="uk",model="pseudo"} 1.0' in metrics, metrics
    assert 'babelwire_tokens_per_second_count{language="uk"} 1.0' in metrics, metrics
    assert "job published" in log and "job dead_lettered" in log, log
