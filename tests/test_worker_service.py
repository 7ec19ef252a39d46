"""The worker process as operators see it: readiness once connected, metrics of the jobs it did."""

import json
import socket
import urllib.request

import pytest
from queue_fixtures import embedded_url  # noqa: F401
from worker_processes import clean_env, cli_worker, log_text, wait_until

from babelwire.queues import topology
from babelwire.queues.connection import connect
from babelwire.queues.publisher import Publisher
from babelwire.queues.subscriber import follow
from babelwire.queues.topology import declare_topology
from babelwire.worker.health import probe

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
        # A dead letter is visible once confirmed, a moment before its job is acked and counted: wait for that.
        wait_until(lambda: all(outcome in log_text(tmp_path / "worker.log")
                               for outcome in ("job published", "job dead_lettered")), 30, "both jobs to be counted")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            metrics = response.read().decode()
        log = log_text(tmp_path / "worker.log")
    assert 'babelwire_jobs_published_total{language="uk"} 1.0' in metrics, metrics
    assert 'babelwire_jobs_dead_lettered_total{language="uk"} 1.0' in metrics, metrics
    assert 'babelwire_translation_seconds_count{language="uk"} 1.0' in metrics, metrics
    assert 'babelwire_models_loaded{language="uk",model="pseudo"} 1.0' in metrics, metrics
    assert 'babelwire_words_per_second_count{language="uk"} 1.0' in metrics, metrics
    assert "job published" in log and "job dead_lettered" in log, log


def test_jobs_waiting_together_are_translated_in_shared_batches(embedded_url):
    import threading
    import time

    from babelwire.worker.build import build_translator
    from babelwire.worker.service import build_worker
    from babelwire.worker.settings import Settings

    class Spy:  # the real (pseudo-engine) translator, as slow as a model, recording the items of each call
        def __init__(self, translator):
            self.translator, self.items_per_call = translator, []
            self.policy = translator.policy

        def translate_many(self, texts, target, terms=()):
            self.items_per_call.append(1)
            time.sleep(0.3)
            return self.translator.translate_many(texts, target, terms)

        def translate_documents(self, documents, target):
            self.items_per_call.append(len(documents))
            time.sleep(0.3)
            return self.translator.translate_documents(documents, target)

    settings = Settings(broker_url=embedded_url, engine="pseudo", languages=("uk",), prefetch=8, batch_jobs=4,
                        memory_url="off")
    spy = Spy(build_translator(settings))
    with connect(embedded_url) as connection:  # a backlog before the worker starts: jobs wait together
        declare_topology(connection, ["uk"])
        for n in range(12):
            item = {"uri": f"urn:b:{n}", "headline": f"Item {n} headline", "body_text": "The minister spoke."}
            Publisher(connection).submit(json.dumps(item).encode(), ["uk"], message_id=f"b{n}")
    service = build_worker(settings, translator=spy, models={})
    copies = []

    def collect_then_stop():
        copies.extend(follow(embedded_url, languages=["uk"], count=12, timeout_s=60))
        service.stop()

    collector = threading.Thread(target=collect_then_stop, daemon=True)
    collector.start()
    service.run()
    collector.join(10)
    assert sorted(copy.headers[topology.SOURCE_URI_HEADER] for copy in copies) == \
        sorted(f"urn:b:{n}" for n in range(12))
    assert sum(spy.items_per_call) == 12 and max(spy.items_per_call) == 4, spy.items_per_call
