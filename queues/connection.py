"""Open a kombu connection to RabbitMQ (`amqp://...`) or to the embedded broker (`embedded://PATH`).

Library errors stop here: an unreachable broker is a `BrokerUnavailableError` with a one-line message,
after a few bounded retries, never an endless wait.
"""

import socket
import sqlite3
from urllib.parse import parse_qsl

from kombu import Connection

from queues import embedded
from queues.errors import BrokerUnavailableError

EMBEDDED_SCHEME = "embedded://"
# URL query options of embedded://PATH?lease_s=30&polling_interval=0.05 (floats) and &synchronous=FULL.
EMBEDDED_FLOAT_OPTIONS = ("lease_s", "polling_interval", "busy_timeout_s")
EMBEDDED_TEXT_OPTIONS = ("synchronous",)


def is_embedded(url):
    return str(url).startswith(EMBEDDED_SCHEME)


def connect(url, *, heartbeat=30, connect_timeout_s=4.0, max_retries=2):
    """Connect to `url` and return the open `kombu.Connection`.

    Arguments:
        url: `amqp://user:password@host:port/vhost` or `embedded://PATH[?lease_s=..]`.
        heartbeat: AMQP heartbeat in seconds (0 disables; the embedded broker has no socket to watch).
        connect_timeout_s: socket connect timeout of each try.
        max_retries: further tries after the first, 0.5 s apart.

    Raises:
        BrokerUnavailableError: the broker cannot be reached (one line: where, and why).
    """
    connection = _embedded(url) if is_embedded(url) else _amqp(url, heartbeat, connect_timeout_s)
    try:
        connection.ensure_connection(max_retries=max_retries, interval_start=0.5, interval_step=0.5, interval_max=1)
    except Exception as exc:  # kombu re-raises every transport failure as its own OperationalError
        connection.release()
        raise wrap_broker_error(connection, exc) from None
    return connection


def _amqp(url, heartbeat, connect_timeout_s):
    return Connection(
        url,
        heartbeat=heartbeat,
        connect_timeout=connect_timeout_s,
        transport_options={"confirm_publish": True},
    )


def _embedded(url):
    embedded.register()
    path, _, query = url[len(EMBEDDED_SCHEME):].partition("?")
    if not path:
        raise BrokerUnavailableError(f"{url!r} names no file: use embedded:///absolute/path/broker.sqlite3")
    return Connection(f"{EMBEDDED_SCHEME}{path}", transport_options={"path": path, **embedded_options(query)})


def embedded_options(query):
    options = {}
    for key, value in parse_qsl(query):
        if key in EMBEDDED_FLOAT_OPTIONS:
            options[key] = float(value)
        elif key in EMBEDDED_TEXT_OPTIONS:
            options[key] = value
        else:
            raise BrokerUnavailableError(f"unknown embedded broker option {key!r} (known: lease_s, polling_interval, busy_timeout_s, synchronous)")
    return options


def broker_errors(connection):
    """Exception types that mean "the broker or the link to it failed" for this connection."""
    return tuple(connection.connection_errors) + (OSError, socket.timeout, sqlite3.OperationalError)


def wrap_broker_error(connection, exc):
    """The `BrokerUnavailableError` for `exc`, naming the broker (password masked) in one line."""
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return BrokerUnavailableError(f"cannot reach the broker at {connection.as_uri()}: {reason}")
