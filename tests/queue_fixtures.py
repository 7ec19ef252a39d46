"""Broker fixtures shared by every test that needs a broker: `from queue_fixtures import broker_url`.

- `embedded_url`: a fresh embedded broker file under the test's tmp_path (short lease: crash tests stay fast).
- `rabbitmq_url`: a fresh RabbitMQ vhost per test (nothing leaks between tests; the whole vhost goes at
  the end of the session). Absent broker: a visible skip, or a failure when BABELWIRE_REQUIRE_RABBITMQ=1.
- `broker_url`: parametrized over both; the RabbitMQ case carries the `rabbitmq` marker.

Vhosts are made in batches with one `rabbitmqctl eval` (each rabbitmqctl call costs about a second).
"""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

RABBITMQ_HOST, RABBITMQ_PORT = "127.0.0.1", 5672
EMBEDDED_LEASE_S = 3
VHOST_BATCH = 10
REPO = Path(__file__).resolve().parent.parent


def rabbitmq_running():
    try:
        with socket.create_connection((RABBITMQ_HOST, RABBITMQ_PORT), timeout=1):
            return True
    except OSError:
        return False


def require_rabbitmq():
    """Skip (locally) or fail (CI: BABELWIRE_REQUIRE_RABBITMQ=1) when RabbitMQ is not answering."""
    if rabbitmq_running():
        return
    message = f"RabbitMQ is not answering on {RABBITMQ_HOST}:{RABBITMQ_PORT} (start it: rabbitmq-server -detached)"
    if os.environ.get("BABELWIRE_REQUIRE_RABBITMQ") == "1":
        pytest.fail(message)
    pytest.skip(message)


def rabbitmqctl_eval(expression, timeout=60):
    result = subprocess.run(["rabbitmqctl", "eval", expression], capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"rabbitmqctl eval failed: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def _erlang_list(names):
    return "[" + ", ".join(f'<<"{name}">>' for name in names) + "]"


class VhostPool:
    """Hands out fresh vhosts (guest has full rights on each); deletes them all at `close()`."""

    def __init__(self):
        self.prefix = f"bw-test-{uuid.uuid4().hex[:8]}"
        self.free, self.made = [], []

    def take(self):
        if not self.free:
            self._make_batch()
        return self.free.pop()

    def _make_batch(self):
        names = [f"{self.prefix}-{len(self.made) + i}" for i in range(VHOST_BATCH)]
        rabbitmqctl_eval(
            "lists:foreach(fun(V) -> ok = rabbit_vhost:add(V, <<\"guest\">>), "
            "ok = rabbit_auth_backend_internal:set_permissions(<<\"guest\">>, V, <<\".*\">>, <<\".*\">>, "
            f"<<\".*\">>, <<\"guest\">>) end, {_erlang_list(names)})."
        )
        self.made += names
        self.free += names

    def close(self):
        if self.made:
            rabbitmqctl_eval(f"lists:foreach(fun(V) -> rabbit_vhost:delete(V, <<\"guest\">>) end, "
                             f"{_erlang_list(self.made)}).")


def amqp_url(vhost):
    return f"amqp://guest:guest@{RABBITMQ_HOST}:{RABBITMQ_PORT}/{vhost}"


def close_vhost_connections(url, reason="test: simulated broker restart"):
    """Close every client connection of the vhost in `url` (what a broker restart does to them)."""
    vhost = url.rsplit("/", 1)[1]
    subprocess.run(["rabbitmqctl", "close_all_connections", "-p", vhost, reason],
                   capture_output=True, text=True, timeout=60, check=True)


@pytest.fixture(scope="session")
def rabbitmq_vhosts():
    pool = VhostPool()
    yield pool
    pool.close()


@pytest.fixture
def rabbitmq_url(request):
    require_rabbitmq()
    return amqp_url(request.getfixturevalue("rabbitmq_vhosts").take())


@pytest.fixture
def embedded_url(tmp_path):
    return f"embedded://{tmp_path / 'broker.sqlite3'}?lease_s={EMBEDDED_LEASE_S}"


@pytest.fixture(params=["embedded", pytest.param("rabbitmq", marks=pytest.mark.rabbitmq)])
def broker_url(request):
    """An isolated broker URL: an embedded file, or a fresh RabbitMQ vhost."""
    if request.param == "rabbitmq":
        return request.getfixturevalue("rabbitmq_url")
    return request.getfixturevalue("embedded_url")


def quorum(url):
    """The same RabbitMQ vhost, with every babelwire queue declared as a quorum queue."""
    return f"{url}?queue_type=quorum"


@pytest.fixture(params=["embedded", pytest.param("rabbitmq", marks=pytest.mark.rabbitmq),
                        pytest.param("rabbitmq-quorum", marks=pytest.mark.rabbitmq)])
def any_queue_type_url(request):
    """Like `broker_url`, and RabbitMQ once more with quorum queues: for the delivery contract."""
    if request.param == "embedded":
        return request.getfixturevalue("embedded_url")
    url = request.getfixturevalue("rabbitmq_url")
    return quorum(url) if request.param == "rabbitmq-quorum" else url


def python_process(code, *args):
    """Start `python -c code args...` with the repository importable; stdout is a pipe of lines."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=str(REPO))
