"""Health server: real HTTP on a free port of 127.0.0.1."""

import json
import urllib.error
import urllib.request

import pytest

from babelwire.worker.health import BrokerState, HealthServer, main, probe, start_http_server
from babelwire.worker.metrics import Metrics
from babelwire.worker.settings import Settings


@pytest.fixture
def state():
    return {"broker": True, "models": True}


@pytest.fixture
def server(state):
    metrics = Metrics(process_metrics=False)
    metrics.on_event("received", language="uk")
    checks = {"broker": lambda: state["broker"], "models": lambda: state["models"]}
    server = HealthServer(0, checks, metrics.registry, host="127.0.0.1").start()
    yield server
    server.stop()


def get(server, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}{path}", timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


def test_healthz_answers_ok(server):
    status, content_type, body = get(server, "/healthz")
    assert (status, content_type, json.loads(body)) == (200, "application/json", {"status": "ok"})


def test_readyz_ready_when_every_check_passes(server):
    status, _, body = get(server, "/readyz")
    assert status == 200
    assert json.loads(body) == {"ready": True, "checks": {"broker": True, "models": True}}


def test_readyz_503_names_the_failing_check(server, state):
    state["broker"] = False
    status, _, body = get(server, "/readyz")
    assert status == 503
    assert json.loads(body)["checks"] == {"broker": False, "models": True}


def test_readyz_check_that_raises_is_not_ready_and_shows_error(server):
    def broken():
        raise RuntimeError("connection refused")

    server.checks["models"] = broken
    status, _, body = get(server, "/readyz")
    assert status == 503
    assert json.loads(body)["checks"]["models"] == "RuntimeError: connection refused"


def test_metrics_exposes_the_registry(server):
    status, content_type, body = get(server, "/metrics")
    assert status == 200
    assert content_type.startswith("text/plain")
    assert 'babelwire_jobs_consumed_total{language="uk"} 1.0' in body


def test_unknown_path_is_404_with_hint(server):
    status, _, body = get(server, "/nope")
    assert status == 404
    assert "/healthz" in json.loads(body)["error"]


def test_no_checks_means_ready():
    server = HealthServer(0, {}, Metrics(process_metrics=False).registry, host="127.0.0.1").start()
    try:
        assert get(server, "/readyz")[0] == 200
    finally:
        server.stop()


def test_port_zero_in_settings_starts_no_server():
    assert start_http_server(Settings(http_port=0), {}, Metrics(process_metrics=False).registry) is None


def test_probe_and_healthcheck_main(server, monkeypatch):
    assert probe(server.port)
    monkeypatch.setenv("BABELWIRE_HTTP_PORT", str(server.port))
    assert main([]) == 0
    assert main(["/nope"]) == 1


def test_healthcheck_main_fails_when_nothing_listens(server, monkeypatch):
    port = server.port
    server.stop()
    monkeypatch.setenv("BABELWIRE_HTTP_PORT", str(port))
    assert not probe(port, timeout_s=1)
    assert main([]) == 1


def test_broker_state_follows_connection_events():
    state = BrokerState()
    assert not state.is_connected()
    state.on_event("connected", languages=("uk",), url="amqp://x")
    state.on_event("received", language="uk")
    assert state.is_connected()
    state.on_event("disconnected", error="reset")
    assert not state.is_connected()
    state.on_event("connected", languages=("uk",), url="amqp://x")
    state.on_event("broker_unavailable", error="refused")
    assert not state.is_connected()
