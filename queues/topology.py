"""Declarations only: exchange and queue names, their arguments, and an idempotent `declare_topology`.

    babelwire.wire (direct, key = language) ──► babelwire.jobs.<lang> ──(rejected)──► babelwire.dead
    babelwire.localized (topic, key = language) ──► babelwire.localized.<lang> (the syndication outbox)
    babelwire.retry.<lang>.<ms> (TTL <ms>, no consumer) ──(expired)──► default exchange ──► babelwire.jobs.<lang>

One retry queue per (language, delay): every message in it has the same TTL, so the head always expires
first and a long delay never holds back a shorter one (RabbitMQ expires messages only at the queue head).
Retry queues delete themselves (`x-expires`) when unused for a while.
"""

import math
import re

from kombu import Exchange, Queue

from queues.connection import broker_errors, wrap_broker_error
from queues.errors import QueueError

WIRE_EXCHANGE = "babelwire.wire"
LOCALIZED_EXCHANGE = "babelwire.localized"
DEAD_EXCHANGE = "babelwire.dead"
DEAD_QUEUE = "babelwire.dead"

ATTEMPT_HEADER = "x-babelwire-attempt"
REASON_HEADER = "x-babelwire-reason"
LANGUAGE_HEADER = "x-babelwire-language"
RETRY_REASON_HEADER = "x-babelwire-retry-reason"

LANGUAGE_PATTERN = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class TopologyError(QueueError):
    """A name is not usable, or the broker holds a declaration that conflicts with ours."""


def check_language(language):
    """Return `language` when it is a usable BCP 47 tag (it becomes a routing key); else TopologyError."""
    if not isinstance(language, str) or not LANGUAGE_PATTERN.match(language):
        raise TopologyError(f"{language!r} is not a language tag such as 'uk' or 'pt-BR'")
    return language


def job_queue_name(language):
    return f"babelwire.jobs.{check_language(language)}"


def outbox_queue_name(language):
    return f"babelwire.localized.{check_language(language)}"


def retry_queue_name(language, delay_ms):
    return f"babelwire.retry.{check_language(language)}.{delay_ms}"


def wire_exchange():
    return Exchange(WIRE_EXCHANGE, type="direct", durable=True)


def localized_exchange():
    return Exchange(LOCALIZED_EXCHANGE, type="topic", durable=True)


def dead_exchange():
    return Exchange(DEAD_EXCHANGE, type="fanout", durable=True)


def job_queue(language):
    """Durable classic queue; a message rejected without requeue goes to the dead-letter exchange."""
    return Queue(
        job_queue_name(language),
        exchange=wire_exchange(),
        routing_key=language,
        durable=True,
        queue_arguments={"x-queue-type": "classic", "x-dead-letter-exchange": DEAD_EXCHANGE},
    )


def outbox_queue(language):
    return Queue(
        outbox_queue_name(language),
        exchange=localized_exchange(),
        routing_key=language,
        durable=True,
        queue_arguments={"x-queue-type": "classic"},
    )


def dead_queue():
    return Queue(
        DEAD_QUEUE, exchange=dead_exchange(), routing_key="", durable=True,
        queue_arguments={"x-queue-type": "classic"},
    )


def retry_delay_ms(delay_s):
    """Round a delay up to two significant digits of milliseconds (at least 1 ms): few distinct queues."""
    ms = max(1, math.ceil(delay_s * 1000))
    step = 10 ** max(0, len(str(ms)) - 2)
    return math.ceil(ms / step) * step


def retry_queue(language, delay_s):
    """The queue that holds a job for `delay_s`, then dead-letters it back to the language's job queue."""
    ttl_ms = retry_delay_ms(delay_s)
    return Queue(
        retry_queue_name(language, ttl_ms),
        durable=True,
        queue_arguments={
            "x-queue-type": "classic",
            "x-message-ttl": ttl_ms,
            "x-dead-letter-exchange": "",
            "x-dead-letter-routing-key": job_queue_name(language),
            "x-expires": max(2 * ttl_ms, ttl_ms + 60_000),
        },
    )


def topology_queues(languages):
    """Every queue (with its exchange and binding) that serving `languages` needs."""
    languages = [check_language(language) for language in languages]
    return [dead_queue()] + [job_queue(lang) for lang in languages] + [outbox_queue(lang) for lang in languages]


def declare(channel, queues):
    """Declare exchanges, queues and bindings on an open channel (idempotent)."""
    for queue in queues:
        queue.bind(channel).declare()


def declare_topology(connection, languages):
    """Declare the exchanges, job queues, outbox queues and dead-letter queue for `languages` (idempotent).

    Raises:
        TopologyError: a language tag is unusable, or the broker holds a conflicting declaration.
        BrokerUnavailableError: the broker cannot be reached.
    """
    queues = topology_queues(languages)
    try:
        with connection.channel() as channel:
            declare(channel, queues)
    except connection.channel_errors as exc:
        raise TopologyError(f"cannot declare the babelwire topology: {exc}") from None
    except broker_errors(connection) as exc:
        raise wrap_broker_error(connection, exc) from None
