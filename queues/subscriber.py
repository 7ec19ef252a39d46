"""Follow what comes out of babelwire: the localised-copy outboxes, or the dead-letter queue.

Each message is acked after it was yielded and the caller asked for the next one, so a caller that stops
early (break) leaves the last message on the queue rather than losing it. `take=False` peeks: it shows what
the queues hold and acks nothing.
"""

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from kombu import Queue

from babelwire.queues import topology
from babelwire.queues.connection import broker_errors, connect, wrap_broker_error

POLL_S = 0.1

_Source = tuple[Queue, str | None]  # a bound queue to read, and its language (None: from the message)


@dataclass(frozen=True)
class Received:
    body: bytes
    headers: dict
    language: str | None


def follow(connection_url: str, *, languages: Iterable[str] | None = None, dead: bool = False, count: int | None = None,
           timeout_s: float | None = None, take: bool = True) -> Iterator[Received]:
    """Yield `Received` messages from the outbox queues of `languages` (or the dead-letter queue).

    Arguments:
        languages: outboxes to read (declared when missing). None: a private live tap on every language
            (bound to `babelwire.localized` with `#`, deleted afterwards) that sees only copies published
            while it follows.
        dead: read every dead letter in `babelwire.dead` instead (`languages` is ignored; each
            `Received.language` comes from the `x-babelwire-language` header).
        count: stop after this many messages; timeout_s: stop after this many seconds without one.
        take: ack each message (it leaves the queue). False: peek at what the queues hold now, then stop;
            nothing is acked, so every message stays where it was (RabbitMQ marks it redelivered).

    Raises:
        BrokerUnavailableError: the broker cannot be reached or went away.
    """
    connection = connect(connection_url, heartbeat=0)
    try:
        with connection.channel() as channel:
            if hasattr(channel, "auto_decode"):
                channel.auto_decode = False
            sources = _sources(channel, languages, dead)
            yield from _poll(sources, count, timeout_s) if take else _peek(sources, count)
    except broker_errors(connection) as exc:
        raise wrap_broker_error(connection, exc) from None
    finally:
        connection.release()


def _sources(channel: Any, languages: Iterable[str] | None, dead: bool) -> list[_Source]:
    """[(bound kombu Queue, language or None)] to read from, declared on `channel`."""
    queue_type = topology.queue_type_of(channel.connection.client)
    if dead:
        return [(_declared(channel, topology.dead_queue(queue_type)), None)]
    if languages is None:  # private and short-lived: always a classic queue
        tap = Queue("", exchange=topology.localized_exchange(), routing_key="#", exclusive=True, auto_delete=True)
        return [(_declared(channel, tap), None)]
    return [(_declared(channel, topology.outbox_queue(language, queue_type)), language) for language in languages]


def _declared(channel: Any, queue: Queue) -> Queue:
    bound = queue.bind(channel)
    bound.declare()
    return bound


def _poll(sources: Sequence[_Source], count: int | None, timeout_s: float | None) -> Iterator[Received]:
    received, quiet_since = 0, time.monotonic()
    while count is None or received < count:
        message, language = _next_message(sources)
        if message is None:
            if timeout_s is not None and time.monotonic() - quiet_since >= timeout_s:
                return
            time.sleep(POLL_S)
            continue
        yield Received(bytes(message.body or b""), dict(message.headers or {}), language)
        message.ack()
        received, quiet_since = received + 1, time.monotonic()


def _peek(sources: Sequence[_Source], count: int | None) -> Iterator[Received]:
    """What the queues hold now, unacked: each message stays held (not seen twice) until the channel closes,
    which gives them all back."""
    received = 0
    while count is None or received < count:
        message, language = _next_message(sources)
        if message is None:
            return
        yield Received(bytes(message.body or b""), dict(message.headers or {}), language)
        received += 1


def _next_message(sources: Sequence[_Source]) -> tuple[Any, str | None]:
    for queue, language in sources:
        message = queue.get(no_ack=False)
        if message is not None:
            return message, language or _language_of(message)
    return None, None


def _language_of(message: Any) -> str | None:
    return (message.headers or {}).get(topology.LANGUAGE_HEADER) or message.delivery_info.get("routing_key")
