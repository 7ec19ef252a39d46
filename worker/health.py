"""Health, readiness and metrics over HTTP, served from a daemon thread of the worker process.

    GET /healthz  200 {"status": "ok"}                      the process is alive and serving
    GET /readyz   200 / 503 {"ready": bool, "checks": {...}}  every readiness check passes (broker, models)
    GET /metrics  Prometheus text exposition of the given registry

Readiness checks are callables given by the composition (`worker/service.py` passes
`{"broker": BrokerState.is_connected, "models": <every served language has a loaded model>}`); a check
that raises counts as failed and its error is shown in the body. This module knows nothing of brokers or
models beyond the broker events (`babelwire.queues.events`) that `BrokerState` listens to.

`python -m babelwire.worker.health` is the container's HEALTHCHECK probe: it asks /healthz on
BABELWIRE_HTTP_PORT of 127.0.0.1 and exits 0 or 1.
"""

import json
import logging
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from babelwire.queues import events

Check = Callable[[], bool]

log = logging.getLogger(__name__)


class HealthServer:
    """An HTTP server on `host:port` in a daemon thread. Port 0 binds a free port (see `.port`)."""

    def __init__(self, port: int, checks: Mapping[str, Check], registry: CollectorRegistry, host: str = "0.0.0.0"):
        self.checks = dict(checks)
        self.registry = registry
        self._server = ThreadingHTTPServer((host, port), _handler_class(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.1,), name="babelwire-http", daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def start(self) -> "HealthServer":
        self._thread.start()
        log.info("health and metrics on http://%s:%d (/healthz /readyz /metrics)", *self._server.server_address[:2])
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def readiness(self) -> tuple[bool, dict]:
        """(ready, {"check": true | "error text" | false})."""
        results = {name: _run_check(check) for name, check in self.checks.items()}
        return all(result is True for result in results.values()), results


class BrokerState:
    """An `on_event` hook that remembers whether the consumer is connected: `is_connected` is a readiness check."""

    def __init__(self):
        self._connected = threading.Event()

    def on_event(self, name: str, **fields) -> None:
        if name == events.CONNECTED:
            self._connected.set()
        elif name in (events.DISCONNECTED, events.BROKER_UNAVAILABLE):
            self._connected.clear()

    def is_connected(self) -> bool:
        return self._connected.is_set()


def start_http_server(settings, checks: Mapping[str, Check], registry: CollectorRegistry) -> HealthServer | None:
    """Serve health and metrics on `settings.http_port`; None when the port is 0 (no server wanted).

    Raises:
        OSError: the port is taken or cannot be bound.
    """
    if not settings.http_port:
        return None
    return HealthServer(settings.http_port, checks, registry).start()


def _run_check(check: Check):
    try:
        return bool(check())
    except Exception as error:  # a failing probe is a "not ready" answer, never a crashed server
        return f"{type(error).__name__}: {error}"


def _handler_class(server: HealthServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "babelwire"

        def do_GET(self):  # noqa: N802 (http.server naming)
            path = self.path.split("?", 1)[0]
            if path == "/healthz":
                self._json(200, {"status": "ok"})
            elif path == "/readyz":
                ready, checks = server.readiness()
                self._json(200 if ready else 503, {"ready": ready, "checks": checks})
            elif path == "/metrics":
                self._send(200, CONTENT_TYPE_LATEST, generate_latest(server.registry))
            else:
                self._json(404, {"error": f"no such endpoint {path!r}; try /healthz, /readyz or /metrics"})

        def _json(self, status: int, body: dict) -> None:
            self._send(status, "application/json", json.dumps(body).encode() + b"\n")

        def _send(self, status: int, content_type: str, payload: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format, *args):  # noqa: A002 (http.server signature); probes every few s: debug
            log.debug("http %s %s", self.address_string(), format % args)

    return Handler


def probe(port: int, path: str = "/healthz", timeout_s: float = 3.0) -> bool:
    """True when http://127.0.0.1:port/path answers 200."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout_s) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def main(argv: list[str] | None = None) -> int:
    """Container HEALTHCHECK: `python -m babelwire.worker.health [/healthz|/readyz]`. Reads settings at this edge."""
    from babelwire.worker.settings import Settings

    argv = sys.argv[1:] if argv is None else argv
    port = Settings().http_port
    if not port:
        print("babelwire health: BABELWIRE_HTTP_PORT is 0, no health server to ask", file=sys.stderr)
        return 1
    return 0 if probe(port, argv[0] if argv else "/healthz") else 1


if __name__ == "__main__":
    sys.exit(main())
