"""kombu virtual transport over `Store`: the embedded broker behind `embedded://PATH` URLs.

Differences from kombu's virtual base, each needed for correctness across processes:
- exchanges, queues and bindings live in the database (kombu keeps them in per-process memory);
- a delivery leases its row; ack deletes it, reject/close releases it, an expired lease redelivers it;
- leases held by a channel are renewed while it keeps draining events, so long jobs keep their messages;
- `mandatory` publishes that reach no queue call the channel's `basic_return` handlers, like py-amqp;
- queues with `x-message-ttl` + `x-dead-letter-exchange` delay messages (retry queues);
- reject without requeue dead-letters to the queue's `x-dead-letter-exchange`, if it has one.
"""

import sqlite3
import time
import uuid
from collections.abc import Callable
from itertools import count
from queue import Empty
from typing import Any

from kombu import Connection
from kombu.exceptions import ChannelError
from kombu.transport import virtual
from kombu.transport.virtual.base import queue_declare_ok_t

from babelwire.queues.embedded.routing import dead_letter_route, route
from babelwire.queues.embedded.store import Store

DEFAULT_LEASE_S = 30.0
NO_ROUTE = 312


class Unroutable(ChannelError):
    """A mandatory publish reached no queue (AMQP reply 312 NO_ROUTE)."""


class Channel(virtual.Channel):
    """One connection to the database; all its calls happen on the thread that uses the channel."""

    def __init__(self, connection: "Transport", **kwargs: Any):
        super().__init__(connection, **kwargs)
        options = connection.client.transport_options
        self.lease_s = float(options.get("lease_s", DEFAULT_LEASE_S))
        self.store = Store(
            connection.path,
            busy_timeout_s=float(options.get("busy_timeout_s", 30.0)),
            synchronous=options.get("synchronous", "FULL"),
        )
        self.owner = uuid.uuid4().hex
        self.events: dict[str, set[Callable[..., None]]] = {"basic_return": set()}
        self._leases: dict[int, tuple[int, int]] = {}  # delivery tag -> (message id, deliveries)
        self._tags = count(1)
        self._renewed_at = time.monotonic()
        self._transient_queues: set[str] = set()
        self._noack_queues: set[str | None] = set()

    # Declarations.

    def exchange_declare(self, exchange: str | None = None, type: str = "direct", passive: bool = False,
                         **kwargs: Any) -> None:
        if passive:
            if self.store.exchange_type(exchange) is None:
                raise ChannelError(f"NOT_FOUND - no exchange {exchange!r}", (40, 10), "Channel.exchange_declare", "404")
            return
        existing = self.store.declare_exchange(exchange, type)
        if existing is not None and existing != type:
            raise ChannelError(
                f"PRECONDITION_FAILED - exchange {exchange!r} is {existing}, not {type}",
                (40, 10), "Channel.exchange_declare", "406",
            )

    def exchange_delete(self, exchange: str, if_unused: bool = False, nowait: bool = False) -> None:
        self.store.delete_exchange(exchange)

    def queue_declare(self, queue: str | None = None, passive: bool = False, arguments: dict | None = None,
                      exclusive: bool = False, auto_delete: bool = False, **kwargs: Any) -> queue_declare_ok_t:
        queue = queue or f"amq.gen-{uuid.uuid4().hex}"
        if passive and self.store.queue_arguments(queue) is None:
            raise ChannelError(f"NOT_FOUND - no queue {queue!r}", (50, 10), "Channel.queue_declare", "404")
        if not passive:
            self.store.declare_queue(queue, _plain(arguments))
            if exclusive or auto_delete:
                self._transient_queues.add(queue)
        return queue_declare_ok_t(queue, self.store.ready_count(queue), 0)

    def queue_delete(self, queue: str, if_unused: bool = False, if_empty: bool = False, **kwargs: Any) -> int:
        if if_empty and self.store.count(queue):
            return 0
        return self.store.delete_queue(queue)

    def queue_bind(self, queue: str, exchange: str | None = None, routing_key: str = "", arguments: dict | None = None,
                   **kwargs: Any) -> None:
        self.store.bind(queue, exchange or "amq.direct", routing_key)

    def queue_unbind(self, queue: str, exchange: str | None = None, routing_key: str = "",
                     arguments: dict | None = None, **kwargs: Any) -> None:
        self.store.unbind(queue, exchange or "amq.direct", routing_key)

    def list_bindings(self) -> list[tuple[str, str, str]]:
        return [(queue, exchange, key) for exchange, key, queue in self.store.bindings()]

    def queue_purge(self, queue: str, **kwargs: Any) -> int:
        return self.store.purge(queue)

    def _size(self, queue: str) -> int:
        return self.store.ready_count(queue)

    def _has_queue(self, queue: str, **kwargs: Any) -> bool:
        return self.store.queue_arguments(queue) is not None

    def _purge(self, queue: str) -> int:
        return self.store.purge(queue)

    def _delete(self, queue: str, *args: Any, **kwargs: Any) -> None:
        self.store.delete_queue(queue)

    # Publishing.

    def basic_publish(self, message: dict[str, Any], exchange: str, routing_key: str, mandatory: bool = False,
                      **kwargs: Any) -> None:
        self._inplace_augment_message(message, exchange, routing_key)
        with self.store.transaction():
            deliveries = route(self.store, exchange, routing_key)
            self.store.insert(deliveries, message)
        if not deliveries and mandatory:
            self._return_unroutable(message, exchange, routing_key)

    def _return_unroutable(self, message: dict[str, Any], exchange: str, routing_key: str) -> None:
        error = Unroutable(f"NO_ROUTE - no queue bound to {exchange!r} for {routing_key!r}", None, None, NO_ROUTE)
        handlers = self.events["basic_return"]
        if not handlers:
            raise error
        for handler in list(handlers):
            handler(error, exchange, routing_key, message)

    def _put(self, queue: str, message: dict[str, Any], **kwargs: Any) -> None:
        with self.store.transaction():
            self.store.insert([(queue, time.time())], message)

    # Consuming.

    def basic_consume(self, queue: str, no_ack: bool, callback: Callable[..., Any], consumer_tag: str,
                      **kwargs: Any) -> str:
        if no_ack:
            self._noack_queues.add(queue)
        return super().basic_consume(queue, no_ack, callback, consumer_tag, **kwargs)

    def basic_cancel(self, consumer_tag: str) -> Any:
        self._noack_queues.discard(self._tag_to_queue.get(consumer_tag))
        return super().basic_cancel(consumer_tag)

    def _get(self, queue: str, timeout: float | None = None) -> dict[str, Any]:
        if queue in self._noack_queues:
            row = self.store.take(queue)  # no ack will come: delivered means gone
        else:
            row = self.store.lease(queue, self.owner, self.lease_s)
        if row is None:
            raise Empty()
        return self._as_delivery(*row)

    def _as_delivery(self, message_id: int, payload: dict[str, Any], deliveries: int) -> dict[str, Any]:
        tag = next(self._tags)
        self._leases[tag] = (message_id, deliveries)
        properties = payload["properties"]
        properties["delivery_tag"] = tag
        properties.setdefault("delivery_info", {})["redelivered"] = deliveries > 1
        return payload

    def basic_get(self, queue: str, no_ack: bool = False, **kwargs: Any) -> Any:
        message = super().basic_get(queue, no_ack=no_ack, **kwargs)
        if message is not None and no_ack:
            self._settle(message.delivery_tag, self.store.ack)
        return message

    def basic_ack(self, delivery_tag: int, multiple: bool = False) -> None:
        for tag in self._tags_up_to(delivery_tag, multiple):
            self._settle(tag, self.store.ack)
            super().basic_ack(tag)

    def basic_reject(self, delivery_tag: int, requeue: bool = False) -> None:
        if not requeue:
            self._dead_letter(delivery_tag)
        super().basic_reject(delivery_tag, requeue=requeue)

    def _dead_letter(self, tag: int) -> None:
        lease = self._leases.get(tag)
        held = None if lease is None else self.store.held(lease[0], self.owner, lease[1])
        if held is None:
            return  # the lease was lost: someone else has the message now
        queue, payload = held
        delivery_info = payload["properties"].get("delivery_info", {})
        with self.store.transaction():
            self.store.insert(dead_letter_route(self.store, queue, delivery_info.get("routing_key", "")), payload)
            self._settle(tag, self.store.ack)

    def _restore(self, message: Any) -> None:
        self._settle(message.delivery_tag, self.store.release)

    def _settle(self, tag: int, operation: Callable[[int, str, int], object]) -> None:
        lease = self._leases.pop(tag, None)
        if lease is not None:
            operation(lease[0], self.owner, lease[1])

    def _tags_up_to(self, delivery_tag: int, multiple: bool) -> list[int]:
        if not multiple:
            return [delivery_tag]
        return [tag for tag in list(self._leases) if tag <= delivery_tag]

    def drain_events(self, timeout: float | None = None, callback: Callable[..., Any] | None = None) -> Any:
        self.renew_leases()
        return super().drain_events(timeout=timeout, callback=callback)

    def renew_leases(self, force: bool = False) -> None:
        """Extend our leases when a third of the lease time has passed (called on every drain)."""
        if not self._leases:
            self._renewed_at = time.monotonic()
            return
        if force or time.monotonic() - self._renewed_at >= self.lease_s / 3:
            self.store.renew(self.owner, self.lease_s)
            self._renewed_at = time.monotonic()

    def close(self) -> None:
        if self.closed:
            return
        try:
            super().close()  # cancels consumers, releases unacked leases
            for queue in self._transient_queues:
                self.store.delete_queue(queue)
        finally:
            self.store.close()


def _plain(arguments: dict | None) -> dict[str, Any]:
    return {key: value for key, value in (arguments or {}).items()}


class Transport(virtual.Transport):
    """`embedded://PATH`: a broker in one SQLite file, shared by every process that names it."""

    Channel = Channel
    polling_interval = 0.05
    default_port = None
    # No host to name: without this kombu warns "No hostname was supplied" on every connection.
    default_connection_params = {"hostname": None, "port": None}
    driver_type = "sqlite"
    driver_name = "sqlite3"
    connection_errors = virtual.Transport.connection_errors + (sqlite3.OperationalError,)
    channel_errors = virtual.Transport.channel_errors + (sqlite3.IntegrityError,)
    implements = virtual.Transport.implements.extend(exchange_type=frozenset(["direct", "topic", "fanout"]))

    def __init__(self, client: Connection, **kwargs: Any):
        super().__init__(client, **kwargs)
        self.path = broker_path(client)

    def establish_connection(self) -> Any:
        Store(self.path).close()  # fails here, not later, when the file cannot be opened
        return super().establish_connection()

    def driver_version(self) -> str:
        return sqlite3.sqlite_version


def broker_path(client: Connection) -> str:
    """The database path: transport option `path`, else rebuilt from kombu's parse of the URL."""
    path = client.transport_options.get("path")
    if path:
        return path
    host, vhost = client.hostname or "", (client.virtual_host or "").strip("/")
    if not host or host == "localhost":
        return "/" + vhost
    return f"{host}/{vhost}" if vhost else host
