"""Confirmed, mandatory publishing: jobs in, localised copies, retries and dead letters out.

A publish returns only when the broker has taken responsibility for the message: RabbitMQ confirmed it
(publisher confirms) and routed it to at least one queue (mandatory; an unroutable message comes back as
basic.return before its confirm). Anything else is a `PublishFailedError`, and the caller must not ack.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from kombu import Connection, Producer, Queue

from babelwire.queues import topology
from babelwire.queues.errors import PublishFailedError, one_line
from babelwire.queues.outcomes import Publication

PERSISTENT = 2
CONFIRM_TIMEOUT_S = 10.0
MAX_REASON_CHARS = 2000
# Broker bookkeeping that must not travel with a republished job (x-death grows with every hop).
DROPPED_HEADERS = ("x-death", "x-first-death-exchange", "x-first-death-queue", "x-first-death-reason",
                   "x-last-death-exchange", "x-last-death-queue", "x-last-death-reason")


class Publisher:
    """Publishes on its own channel of `connection`; use it from one thread (py-amqp is not thread-safe).

    Arguments:
        connection: an open `kombu.Connection` from `babelwire.queues.connection.connect`.
        confirm_timeout_s: how long to wait for the broker's confirm before giving up.
    """

    def __init__(self, connection: Connection, *, confirm_timeout_s: float = CONFIRM_TIMEOUT_S):
        self.connection = connection
        self.confirm_timeout_s = confirm_timeout_s
        self._channel: Any = None
        self._producer: Producer | None = None
        self._returned: list[tuple[str, str]] = []

    def submit(self, body: bytes, languages: Iterable[str], *, message_id: str | None,
               headers: Mapping[str, Any] | None = None, content_type: str = "application/json") -> None:
        """Publish one job per language to `babelwire.wire`.

        Raises:
            PublishFailedError: naming the language whose job queue is missing or whose publish failed.
        """
        for language in languages:
            self.publish(body, exchange=topology.WIRE_EXCHANGE, routing_key=topology.check_language(language),
                         message_id=message_id, headers=headers, content_type=content_type)

    def publish_copy(self, publication: Publication) -> None:
        """Publish a localised copy to `babelwire.localized` with routing key = its language."""
        self.publish(publication.body, exchange=topology.LOCALIZED_EXCHANGE, routing_key=publication.language,
                     message_id=publication.message_id, headers=publication.headers,
                     content_type=publication.content_type)

    def publish_retry(self, body: bytes, language: str, *, attempt: int, delay_s: float, reason: str,
                      message_id: str | None = None, headers: Mapping[str, Any] | None = None,
                      content_type: str | None = None, error: Mapping[str, Any] | None = None) -> None:
        """Send a job back to its queue after `delay_s`, as attempt `attempt + 1`, through a retry queue, with
        the reason and the error's kind and fields (`error`, see `error_headers`) in place of an earlier attempt's."""
        retry_queue = topology.retry_queue(language, delay_s, topology.queue_type_of(self.connection))
        self._declare(retry_queue)
        retry_headers = {**_with_error(headers, error), topology.ATTEMPT_HEADER: attempt + 1,
                         topology.RETRY_REASON_HEADER: bounded(reason)}
        self.publish(body, exchange="", routing_key=retry_queue.name, message_id=message_id,
                     headers=retry_headers, content_type=content_type)

    def publish_dead_letter(self, body: bytes, language: str, *, reason: str, attempt: int,
                            message_id: str | None = None, headers: Mapping[str, Any] | None = None,
                            content_type: str | None = None, error: Mapping[str, Any] | None = None) -> None:
        """Keep the original body in the dead-letter queue with the reason, language and attempt, and the
        error's kind and fields (`error`, see `error_headers`) in place of an earlier attempt's."""
        dead_headers = {**_with_error(headers, error), topology.REASON_HEADER: bounded(reason),
                        topology.LANGUAGE_HEADER: language, topology.ATTEMPT_HEADER: attempt}
        self.publish(body, exchange=topology.DEAD_EXCHANGE, routing_key=language, message_id=message_id,
                     headers=dead_headers, content_type=content_type)

    def publish(self, body: bytes, *, exchange: str, routing_key: str, message_id: str | None = None,
                headers: Mapping[str, Any] | None = None, content_type: str | None = None) -> None:
        """Publish raw bytes, persistent, mandatory, confirmed.

        Raises:
            PublishFailedError: unroutable, nacked, timed out or the connection failed.
        """
        self._returned.clear()
        where = f"{exchange or '(default exchange)'} with routing key {routing_key!r}"
        try:
            self._get_producer().publish(
                bytes(body), exchange=exchange, routing_key=routing_key, mandatory=True,
                delivery_mode=PERSISTENT, content_type=content_type or "application/octet-stream",
                content_encoding="binary", headers=dict(headers or {}), message_id=message_id,
                retry=False, confirm_timeout=self.confirm_timeout_s,
            )
        except Exception as exc:
            self._discard_channel()
            raise PublishFailedError(f"publish to {where} failed: {one_line(exc)}",
                                     exchange=exchange, routing_key=routing_key) from None
        if self._returned:
            raise PublishFailedError(f"publish to {where} was unroutable: no queue is bound for it",
                                     exchange=exchange, routing_key=routing_key)

    def close(self) -> None:
        self._discard_channel()

    def _get_producer(self) -> Producer:
        if self._producer is None:
            self._channel = self.connection.channel()
            self._channel.events["basic_return"].add(self._on_return)
            self._producer = Producer(self._channel, auto_declare=False)
        return self._producer

    def _on_return(self, exc: BaseException, exchange: str, routing_key: str, message: Any) -> None:
        self._returned.append((exchange, routing_key))

    def _declare(self, queue: Queue) -> None:
        try:
            topology.declare(self._get_producer().channel, [queue])
        except Exception as exc:
            self._discard_channel()
            raise PublishFailedError(f"cannot declare {queue.name}: {one_line(exc)}") from None

    def _discard_channel(self) -> None:
        """After a failure the channel's confirm bookkeeping is unknown: never reuse it."""
        channel, self._channel, self._producer = self._channel, None, None
        if channel is not None:
            try:
                channel.close()
            except Exception:  # the channel or connection is already gone; nothing left to release
                pass


def bounded(reason: object, limit: int = MAX_REASON_CHARS) -> str:
    """A header-sized reason; a cut is marked, never silent."""
    text = str(reason)
    if len(text) <= limit:
        return text
    return text[:limit] + f"... [{len(text) - limit} more characters cut]"


def error_headers(error: Mapping[str, Any] | None) -> dict[str, Any]:
    """`{"kind": "MessageValidationError", "field": "language"}` as `x-babelwire-error-kind` and
    `x-babelwire-error-field` headers: numbers and booleans as they are, lists joined with ", ", the rest as
    bounded text; a field without a value is left out."""
    return {topology.ERROR_HEADER_PREFIX + name.replace("_", "-"): _header_value(value)
            for name, value in (error or {}).items() if value is not None}


def _header_value(value: Any) -> Any:
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return bounded(", ".join(str(item) for item in value))
    return bounded(value)


def _forwardable(headers: Mapping[str, Any] | None) -> dict[str, Any]:
    return {key: value for key, value in (headers or {}).items() if key not in DROPPED_HEADERS}


def _with_error(headers: Mapping[str, Any] | None, error: Mapping[str, Any] | None) -> dict[str, Any]:
    """`headers` to forward, with `error`'s headers instead of any earlier attempt's: merging the two would
    mix fields of different failures (a `-model` left from a ModelLoadError beside a later `-field`)."""
    kept = {key: value for key, value in _forwardable(headers).items()
            if not key.startswith(topology.ERROR_HEADER_PREFIX)}
    return {**kept, **error_headers(error)}
