"""Declarations only: exchange and queue names, their arguments, and an idempotent `declare_topology`.

    babelwire.wire (direct, key = language) ──► babelwire.jobs.<lang> ──(rejected)──► babelwire.dead
    babelwire.localized (topic, key = language) ──► babelwire.localized.<lang> (the syndication outbox)
    babelwire.retry.<lang>.<ms> (TTL <ms>, no consumer) ──(expired)──► default exchange ──► babelwire.jobs.<lang>

One retry queue per (language, delay): every message in it has the same TTL, so the head always expires
first and a long delay never holds back a shorter one (RabbitMQ expires messages only at the queue head).
Retry queues delete themselves (`x-expires`) when unused for a while.

Queues are classic, or quorum (replicated over a RabbitMQ cluster) when the connection was opened with
`queue_type=quorum` (`amqp://...?queue_type=quorum`, or BABELWIRE_QUEUE_TYPE): see `queue_arguments`.
"""

import math
import re
from collections.abc import Iterable
from typing import Any

from kombu import Connection, Exchange, Queue

from babelwire.queues.connection import CLASSIC, QUEUE_TYPES, QUORUM, broker_errors, queue_type_of, wrap_broker_error
from babelwire.queues.errors import BrokerConfigurationError

WIRE_EXCHANGE = "babelwire.wire"
LOCALIZED_EXCHANGE = "babelwire.localized"
DEAD_EXCHANGE = "babelwire.dead"
DEAD_QUEUE = "babelwire.dead"

# Every header babelwire sets, in one place. Those of jobs, retries and dead letters are babelwire's own
# bookkeeping (`x-` like the broker's `x-death`); those of copies are read by downstream systems. The names are
# part of the wire contract, so they keep the two styles they were published with.
# Jobs, retries and dead letters (set by the publisher, read by the consumer and `watch`):
ATTEMPT_HEADER = "x-babelwire-attempt"
REASON_HEADER = "x-babelwire-reason"
LANGUAGE_HEADER = "x-babelwire-language"
RETRY_REASON_HEADER = "x-babelwire-retry-reason"
# Retries and dead letters also say what failed as fields: `x-babelwire-error-kind` (the error's type, e.g.
# MessageValidationError) and one `x-babelwire-error-<field>` per field it carries (`-field`, `-offset`,
# `-language`, `-model`, ...; underscores as dashes). See `publisher.error_headers`.
ERROR_HEADER_PREFIX = "x-babelwire-error-"
ERROR_KIND_HEADER = ERROR_HEADER_PREFIX + "kind"
# Localised copies (set by the job handler; the body stays identical on redelivery, these need not). What ninjs
# has no field for: the copy's provenance, one header per field of `babelwire.queues.copies.Provenance` (its name after
# COPY_HEADER_PREFIX, dashes for underscores; numbers and booleans as they are, lists and objects as JSON text;
# a field without a value is left out). A field added there is listed in PROVENANCE_HEADERS (a test holds them
# together). The copy id and the source uri were published under these names before the rest joined them.
COPY_HEADER_PREFIX = "babelwire-"
COPY_ID_HEADER = "babelwire-copy-id"
SOURCE_URI_HEADER = "babelwire-source-uri"
SOURCE_VERSION_HEADER = "babelwire-source-version"
NINJS_SCHEMA_HEADER = "babelwire-ninjs-schema"  # the IPTC schema the copy was validated against: "3.1"
TRANSLATED_HEADER = "babelwire-translated"
ENGINE_HEADER = "babelwire-engine"
MODEL_ID_HEADER = "babelwire-model-id"
MODEL_REVISION_HEADER = "babelwire-model-revision"
PROTECTED_SPANS_HEADER = "babelwire-protected-spans"
FALLBACKS_HEADER = "babelwire-fallbacks"
MARKUP_REPAIRS_HEADER = "babelwire-markup-repairs"
UNTRANSLATED_FIELDS_HEADER = "babelwire-untranslated-fields"
# Of a copy's sentences, how many needed the model, and how many of those came from the translation memory.
SENTENCES_HEADER = "babelwire-sentences"
SENTENCES_FROM_MEMORY_HEADER = "babelwire-sentences-from-memory"
RENDERED_NAMES_HEADER = "babelwire-rendered-names"  # JSON: the people written in the copy's script, and how
PROVENANCE_HEADERS = (
    COPY_ID_HEADER, SOURCE_URI_HEADER, SOURCE_VERSION_HEADER, NINJS_SCHEMA_HEADER, TRANSLATED_HEADER, ENGINE_HEADER,
    MODEL_ID_HEADER, MODEL_REVISION_HEADER, PROTECTED_SPANS_HEADER, FALLBACKS_HEADER, MARKUP_REPAIRS_HEADER,
    UNTRANSLATED_FIELDS_HEADER, SENTENCES_HEADER, SENTENCES_FROM_MEMORY_HEADER, RENDERED_NAMES_HEADER,
)
ELAPSED_MS_HEADER = "babelwire-elapsed-ms"

# A quorum job queue dead-letters a job delivered this often without being settled (acked, rejected): a job
# that kills its worker every time. Graceful stops and failed publishes requeue too, so the limit is high
# enough for those (RabbitMQ 4 uses 20 as every quorum queue's default).
QUORUM_DELIVERY_LIMIT = 20

# A language tag as it travels: a routing key and part of queue names, so BCP 47's shape ("uk", "pt-BR",
# "sr-Latn-RS", "es-419") and nothing that means something to AMQP ("." "#" "*" " "). Queues may not import
# translation's one check (`babelwire.translation.models.registry.is_language_code`), so the shape is written here again, less
# the "_" of CLDR's codes, which BCP 47 does not use: every tag accepted here is, in lower case, a language code
# there (a test holds the two together), so a language the broker can route is one the translator takes.
LANGUAGE_PATTERN = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\Z")


class TopologyError(BrokerConfigurationError):
    """A name is not usable, or the broker holds a declaration that conflicts with ours."""


def copy_header(field: str) -> str:
    """The header of a copy's provenance field: "model_id" -> "babelwire-model-id"."""
    return COPY_HEADER_PREFIX + field.replace("_", "-")


def check_language(language: object) -> str:
    """Return `language` when it is a usable BCP 47 tag (it becomes a routing key); else TopologyError."""
    if not isinstance(language, str) or not LANGUAGE_PATTERN.match(language):
        raise TopologyError(f"{language!r} is not a language tag such as 'uk' or 'pt-BR'")
    return language


def job_queue_name(language: str) -> str:
    return f"babelwire.jobs.{check_language(language)}"


def outbox_queue_name(language: str) -> str:
    return f"babelwire.localized.{check_language(language)}"


def retry_queue_name(language: str, delay_ms: int) -> str:
    return f"babelwire.retry.{check_language(language)}.{delay_ms}"


def wire_exchange() -> Exchange:
    return Exchange(WIRE_EXCHANGE, type="direct", durable=True)


def localized_exchange() -> Exchange:
    return Exchange(LOCALIZED_EXCHANGE, type="topic", durable=True)


def dead_exchange() -> Exchange:
    return Exchange(DEAD_EXCHANGE, type="fanout", durable=True)


def queue_arguments(queue_type: str, dead_letter: dict[str, str] | None = None) -> dict[str, Any]:
    """Arguments for a durable queue of `queue_type` ("classic" or "quorum").

    `dead_letter` ({"x-dead-letter-exchange": ..., maybe "x-dead-letter-routing-key": ...}) is where rejected
    or expired messages go. A quorum queue dead-letters at least once (the broker keeps the message until the
    target confirms it, which requires `x-overflow: reject-publish`), and dead-letters a message delivered
    `QUORUM_DELIVERY_LIMIT` times without being settled: a job that kills its worker every time stops there.
    """
    arguments: dict[str, Any] = {"x-queue-type": check_queue_type(queue_type), **(dead_letter or {})}
    if queue_type == QUORUM and dead_letter:
        arguments.update({"x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish"})
    if queue_type == QUORUM and dead_letter and dead_letter.get("x-dead-letter-exchange") == DEAD_EXCHANGE:
        arguments["x-delivery-limit"] = QUORUM_DELIVERY_LIMIT
    return arguments


def check_queue_type(queue_type: str) -> str:
    if queue_type not in QUEUE_TYPES:
        raise TopologyError(f"queue type {queue_type!r} is not one of {', '.join(QUEUE_TYPES)}")
    return queue_type


def job_queue(language: str, queue_type: str = CLASSIC) -> Queue:
    """Durable queue; a message rejected without requeue goes to the dead-letter exchange."""
    return Queue(
        job_queue_name(language),
        exchange=wire_exchange(),
        routing_key=language,
        durable=True,
        queue_arguments=queue_arguments(queue_type, {"x-dead-letter-exchange": DEAD_EXCHANGE}),
    )


def outbox_queue(language: str, queue_type: str = CLASSIC) -> Queue:
    return Queue(
        outbox_queue_name(language),
        exchange=localized_exchange(),
        routing_key=language,
        durable=True,
        queue_arguments=queue_arguments(queue_type),
    )


def dead_queue(queue_type: str = CLASSIC) -> Queue:
    return Queue(
        DEAD_QUEUE, exchange=dead_exchange(), routing_key="", durable=True,
        queue_arguments=queue_arguments(queue_type),
    )


def retry_delay_ms(delay_s: float) -> int:
    """Round a delay up to two significant digits of milliseconds (at least 1 ms): few distinct queues."""
    ms = max(1, math.ceil(delay_s * 1000))
    step = 10 ** max(0, len(str(ms)) - 2)
    return math.ceil(ms / step) * step


def retry_queue(language: str, delay_s: float, queue_type: str = CLASSIC) -> Queue:
    """The queue that holds a job for `delay_s`, then dead-letters it back to the language's job queue."""
    ttl_ms = retry_delay_ms(delay_s)
    back_to_the_job_queue = {"x-dead-letter-exchange": "", "x-dead-letter-routing-key": job_queue_name(language)}
    return Queue(
        retry_queue_name(language, ttl_ms),
        durable=True,
        queue_arguments={
            **queue_arguments(queue_type, back_to_the_job_queue),
            "x-message-ttl": ttl_ms,
            "x-expires": max(2 * ttl_ms, ttl_ms + 60_000),
        },
    )


def topology_queues(languages: Iterable[str], queue_type: str = CLASSIC) -> list[Queue]:
    """Every queue (with its exchange and binding) that serving `languages` needs."""
    checked = [check_language(language) for language in languages]
    return ([dead_queue(queue_type)] + [job_queue(lang, queue_type) for lang in checked]
            + [outbox_queue(lang, queue_type) for lang in checked])


def declare(channel: Any, queues: Iterable[Queue]) -> None:
    """Declare exchanges, queues and bindings on an open channel (idempotent)."""
    for queue in queues:
        queue.bind(channel).declare()


def declare_topology(connection: Connection, languages: Iterable[str]) -> None:
    """Declare the exchanges, job queues, outbox queues and dead-letter queue for `languages` (idempotent).

    Raises:
        TopologyError: a language tag is unusable, or the broker holds a conflicting declaration.
        BrokerUnavailableError: the broker cannot be reached.
    """
    queue_type = queue_type_of(connection)
    queues = topology_queues(languages, queue_type)
    try:
        with connection.channel() as channel:
            declare(channel, queues)
    except connection.channel_errors as exc:
        hint = ""
        if "x-queue-type" in str(exc):
            hint = (f"; these queues exist with another queue type than {queue_type!r}: use the same "
                    "BABELWIRE_QUEUE_TYPE for every babelwire process, or switch as the README's Brokers section says")
        raise TopologyError(f"cannot declare the babelwire topology: {exc}{hint}") from None
    except broker_errors(connection) as exc:
        raise wrap_broker_error(connection, exc) from None
