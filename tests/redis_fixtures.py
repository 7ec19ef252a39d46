"""Redis for the translation memory tests: `from redis_fixtures import redis_url`.

Absent Redis: a visible skip, or a failure when BABELWIRE_REQUIRE_REDIS=1 (CI, which starts redis-server).
Nothing is flushed: each test gets the next of Redis's numbered databases (1-15, in turn), so two tests of a session
that translate the same story with the same tiny model do not see each other's entries; the tiny models' paths
differ between sessions, so the keys do too, and entries expire.
"""

import itertools
import os
import socket

import pytest

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
_DATABASES = itertools.cycle(range(1, 16))


def redis_running() -> bool:
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_url() -> str:
    """The URL of the local Redis; skip (locally) or fail (CI) when it is not answering."""
    if not redis_running():
        message = f"Redis is not answering on {REDIS_HOST}:{REDIS_PORT} (start it: redis-server --daemonize yes)"
        if os.environ.get("BABELWIRE_REQUIRE_REDIS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/{next(_DATABASES)}"


def unused_port() -> int:
    """A local TCP port nothing listens on (for an unreachable Redis)."""
    with socket.socket() as probe:
        probe.bind((REDIS_HOST, 0))
        return probe.getsockname()[1]
