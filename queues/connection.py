"""Open a kombu connection to RabbitMQ (`amqp://...`) or to the embedded broker (`embedded://PATH`).

Library errors stop here: an unreachable broker is a `BrokerUnavailableError` with a one-line message,
after a few bounded retries, never an endless wait. A URL or account that can never work (unknown scheme
or option, wrong password, no such vhost, an embedded broker file that cannot be made where the URL puts it)
is a `BrokerConfigurationError` at once: retrying cannot help.
"""

import errno
import os
import socket
import sqlite3
from urllib.parse import parse_qsl

from kombu import Connection

from babelwire.queues import embedded
from babelwire.queues.errors import BrokerConfigurationError, BrokerUnavailableError, one_line

EMBEDDED_SCHEME = "embedded://"
AMQP_SCHEMES = ("amqp://", "amqps://", "pyamqp://")
# URL query options of embedded://PATH?lease_s=30&polling_interval=0.05&busy_timeout_s=30&synchronous=FULL.
EMBEDDED_FLOAT_OPTIONS = ("lease_s", "polling_interval", "busy_timeout_s")
EMBEDDED_SYNCHRONOUS = ("OFF", "NORMAL", "FULL", "EXTRA")  # SQLite's `synchronous` pragma values
# Why an embedded broker file cannot be made that no retry changes: no permission, a file where a folder must be,
# a place where nothing can be made (/proc, a read-only mount). A full disk (ENOSPC) may pass: not listed.
PERMANENT_FILE_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EEXIST,
                                   errno.EISDIR, errno.ENOENT, errno.ENAMETOOLONG, errno.ELOOP})
# AMQP reply codes that mean the account or vhost is wrong, not that the broker is away.
CONFIGURATION_REPLY_CODES: dict[object, str] = {
    403: "wrong user name or password (ACCESS_REFUSED)",
    530: "the vhost does not exist or the user has no access to it (NOT_ALLOWED)"}


CLASSIC, QUORUM = "classic", "quorum"
QUEUE_TYPES = (CLASSIC, QUORUM)
QUEUE_TYPE_OPTION = "queue_type"  # babelwire's own URL option: the type of the queues it declares


def is_embedded(url: object) -> bool:
    return str(url).startswith(EMBEDDED_SCHEME)


def check_url(url: str) -> str:
    """Return `url` when babelwire can speak to it; else BrokerConfigurationError saying what to write."""
    if is_embedded(url) or str(url).startswith(AMQP_SCHEMES):
        return url
    raise BrokerConfigurationError(
        f"unsupported broker URL {display_url(url)!r}: use amqp://user:password@host:5672/vhost "
        "or embedded:///path/broker.sqlite3 (or 'embedded')", url=display_url(url))


def connect(url: str, *, heartbeat: float = 30, connect_timeout_s: float = 4.0, max_retries: int = 2) -> Connection:
    """Connect to `url` and return the open `kombu.Connection`.

    Arguments:
        url: `amqp://user:password@host:port/vhost` or `embedded://PATH[?lease_s=..]`.
        heartbeat: AMQP heartbeat in seconds (0 disables; the embedded broker has no socket to watch).
        connect_timeout_s: socket connect timeout of each try.
        max_retries: further tries after the first, 0.5 s apart.

    Raises:
        BrokerConfigurationError: the URL or the account can never work as written.
        BrokerUnavailableError: the broker cannot be reached (one line: where, and why).
    """
    check_url(url)
    if is_embedded(url):
        connection, queue_type = _embedded(url), CLASSIC  # one file, nothing to replicate
    else:
        amqp_url, queue_type = split_queue_type(url)
        connection = _amqp(amqp_url, heartbeat, connect_timeout_s)
        connection.babelwire_url = url  # type: ignore[attr-defined]  # ours, read by wrap_broker_error
    connection.babelwire_queue_type = queue_type  # type: ignore[attr-defined]  # read by queue_type_of
    try:
        connection.ensure_connection(max_retries=max_retries, interval_start=0.5, interval_step=0.5, interval_max=1)
    except Exception as exc:  # kombu re-raises every transport failure as its own OperationalError
        connection.release()
        raise wrap_broker_error(connection, exc) from None
    return connection


def split_queue_type(url: str) -> tuple[str, str]:
    """`amqp://h//?queue_type=quorum&x=1` -> ("amqp://h//?x=1", "quorum"); classic when absent."""
    base, sep, query = url.partition("?")
    pairs = parse_qsl(query, keep_blank_values=True)
    types = [value for key, value in pairs if key == QUEUE_TYPE_OPTION]
    queue_type = types[-1] if types else CLASSIC
    if queue_type not in QUEUE_TYPES:
        raise BrokerConfigurationError(f"queue_type={queue_type!r} is not one of {', '.join(QUEUE_TYPES)}")
    rest = "&".join(f"{key}={value}" for key, value in pairs if key != QUEUE_TYPE_OPTION)
    return (f"{base}?{rest}" if rest else base), queue_type


def queue_type_of(connection: Connection) -> str:
    """The type of the queues babelwire declares on `connection` ("classic" unless it was opened with
    `queue_type=quorum`)."""
    return getattr(connection, "babelwire_queue_type", CLASSIC)


def _amqp(url: str, heartbeat: float, connect_timeout_s: float) -> Connection:
    return Connection(
        url,
        heartbeat=heartbeat,
        connect_timeout=connect_timeout_s,
        transport_options={"confirm_publish": True},
    )


def _embedded(url: str) -> Connection:
    embedded.register()
    path, _, query = url[len(EMBEDDED_SCHEME):].partition("?")
    if not path:
        raise BrokerConfigurationError(f"{url!r} names no file: use embedded:///absolute/path/broker.sqlite3")
    _make_embedded_file(path, url)
    connection = Connection(f"{EMBEDDED_SCHEME}{path}", transport_options={"path": path, **embedded_options(query)})
    # kombu's as_uri() garbles a path-only URL into "embedded://:**@localhost/...": keep ours.
    connection.babelwire_url = url  # type: ignore[attr-defined]
    return connection


def _make_embedded_file(path: str, url: str) -> None:
    """Make the broker file (and its folders) if absent, as the store would; a BrokerConfigurationError when
    that fails for a reason no retry changes, as it does for a state folder under /proc or a file's name."""
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o644))
    except OSError as error:
        if error.errno not in PERMANENT_FILE_ERRNOS:
            return  # left to the connection's retries, which report it as unavailable
        raise BrokerConfigurationError(
            f"the embedded broker at {url}: its file cannot be made: {error.strerror} ({error.filename}); "
            "give it a folder you can write in", url=url) from None


def embedded_options(query: str) -> dict[str, float | str]:
    """`lease_s=30&synchronous=full` -> {"lease_s": 30.0, "synchronous": "FULL"}; BrokerConfigurationError
    for an unknown option or an unusable value."""
    options: dict[str, float | str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key in EMBEDDED_FLOAT_OPTIONS:
            options[key] = _positive_float(key, value)
        elif key == "synchronous":
            options[key] = _synchronous(value)
        else:
            known = ", ".join((*EMBEDDED_FLOAT_OPTIONS, "synchronous"))
            raise BrokerConfigurationError(f"unknown embedded broker option {key!r} (known: {known})")
    return options


def _positive_float(key: str, value: str) -> float:
    number: float | None
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is None or not number > 0 or number == float("inf"):
        raise BrokerConfigurationError(f"embedded broker option {key}={value!r} is not a number of seconds above 0")
    return number


def _synchronous(value: str) -> str:
    if value.upper() not in EMBEDDED_SYNCHRONOUS:
        raise BrokerConfigurationError(
            f"embedded broker option synchronous={value!r} is not one of {', '.join(EMBEDDED_SYNCHRONOUS)}")
    return value.upper()


def broker_errors(connection: Connection) -> tuple[type[BaseException], ...]:
    """Exception types that mean "the broker or the link to it failed" for this connection."""
    return tuple(connection.connection_errors) + (OSError, socket.timeout, sqlite3.OperationalError)


def wrap_broker_error(connection: Connection, exc: BaseException) -> BrokerConfigurationError | BrokerUnavailableError:
    """The error for `exc`, naming the broker (password masked) in one line: a BrokerConfigurationError when
    the broker refused the account or vhost, else a BrokerUnavailableError."""
    reason = one_line(exc)
    where = display_url(getattr(connection, "babelwire_url", None) or connection.as_uri())
    problem = CONFIGURATION_REPLY_CODES.get(getattr(exc, "code", None))
    if problem is not None:
        return BrokerConfigurationError(f"the broker at {where} refused the connection: {problem}: {reason}",
                                        url=where)
    return BrokerUnavailableError(f"cannot reach the broker at {where}: {reason}", url=where)


def display_url(url: object) -> str:
    """`url` with its password masked, for messages and logs."""
    text = str(url)
    scheme, sep, rest = text.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in credentials:
        return text
    return f"{scheme}{sep}{credentials.split(':', 1)[0]}:***@{host}"
