"""Routing of the embedded broker: AMQP exchange types, and queues that dead-letter on TTL expiry.

`route()` turns (exchange, routing key) into [(queue, visible_at)] inside the publisher's transaction, so a
binding made by any process counts, and the publish is atomic over every queue it reaches.
"""

import time
from collections.abc import Iterable

from babelwire.queues.embedded.store import Store

Target = tuple[str, float]  # (queue, visible_at): where a published message lands, and from when it is seen

# A queue with a message TTL and a dead-letter exchange that nobody consumes (a retry queue) forwards its
# messages when they expire. The embedded broker resolves that hop at publish time: the message goes to the
# dead-letter target at once, invisible until the TTL has passed. Same effect, no sweeper process.
MAX_DEAD_LETTER_HOPS = 4


def topic_matches(pattern: str, routing_key: str) -> bool:
    """AMQP topic match: words split on '.', '*' is exactly one word, '#' is zero or more words."""
    words, parts = routing_key.split("."), pattern.split(".")
    reachable = {0}  # indexes into `words` that the pattern prefix can have consumed
    for part in parts:
        if part == "#":
            reachable = set(range(min(reachable), len(words) + 1)) if reachable else set()
        else:
            reachable = {i + 1 for i in reachable if i < len(words) and part in ("*", words[i])}
    return len(words) in reachable


def matching_queues(exchange_type: str, bindings: Iterable[tuple[str, str, str]], routing_key: str) -> list[str]:
    """Queues bound to one exchange that a routing key reaches, each once, in binding order."""
    queues: list[str] = []
    for _, key, queue in bindings:
        if _matches(exchange_type, key, routing_key) and queue not in queues:
            queues.append(queue)
    return queues


def _matches(exchange_type: str, binding_key: str, routing_key: str) -> bool:
    if exchange_type == "fanout":
        return True
    if exchange_type == "topic":
        return topic_matches(binding_key, routing_key)
    return binding_key == routing_key  # direct


def route(store: Store, exchange: str, routing_key: str, now: float | None = None) -> list[Target]:
    """[(queue, visible_at)] that a publish to (exchange, routing_key) reaches; [] when unroutable."""
    published_at = time.time() if now is None else now
    return [
        delivery
        for queue in _first_hop(store, exchange, routing_key)
        for delivery in _follow_ttl(store, queue, routing_key, published_at, MAX_DEAD_LETTER_HOPS)
    ]


def _first_hop(store: Store, exchange: str, routing_key: str) -> list[str]:
    if not exchange:  # the default exchange routes to the queue named by the key
        return [routing_key] if store.queue_arguments(routing_key) is not None else []
    exchange_type = store.exchange_type(exchange)
    if exchange_type is None:
        return []
    return matching_queues(exchange_type, store.bindings(exchange), routing_key)


def _follow_ttl(store: Store, queue: str, routing_key: str, visible_at: float, hops_left: int) -> list[Target]:
    arguments = store.queue_arguments(queue) or {}
    ttl_ms = arguments.get("x-message-ttl")
    if ttl_ms is None or "x-dead-letter-exchange" not in arguments or hops_left == 0:
        return [(queue, visible_at)]
    exchange = arguments["x-dead-letter-exchange"]
    key = arguments.get("x-dead-letter-routing-key", routing_key)
    later = visible_at + ttl_ms / 1000.0
    return [
        delivery
        for target in _first_hop(store, exchange, key)
        for delivery in _follow_ttl(store, target, key, later, hops_left - 1)
    ]


def dead_letter_route(store: Store, queue: str, routing_key: str) -> list[Target]:
    """Where a message rejected without requeue from `queue` goes: its dead-letter exchange, or nowhere."""
    arguments = store.queue_arguments(queue) or {}
    if "x-dead-letter-exchange" not in arguments:
        return []
    key = arguments.get("x-dead-letter-routing-key", routing_key)
    return route(store, arguments["x-dead-letter-exchange"], key)
