"""A small LRU cache that threads may share: the models an engine holds in memory, and the tokens of the sentences
the pipeline measured before it sends them.

A worker serving five languages should not hold five models; the least recently used one goes first.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class LruCache(Generic[Key, Value]):
    """Up to `size` values by key, least recently used first.

    A value loads under the cache's lock: two threads asking for the same key load it once, and a load never races
    an eviction. The least recently used value leaves before the next one loads, so that memory never holds
    `size + 1` values, even for a moment (two models in memory at once is a worker's peak). `on_evict` runs, under
    that lock, after a value has left the cache (and with it the last reference the cache held), e.g. to hand a
    model's device memory back; it must not call the cache.
    """

    def __init__(self, size: int, on_evict: Callable[[], None] = lambda: None):
        if size < 1:
            raise ValueError("cache_size must be at least 1")
        self._size = size
        self._on_evict = on_evict
        self._values: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key, load: Callable[[], Value]) -> Value:
        """The value of `key`, loaded with `load()` if it is not in the cache."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
            self._make_room()
            value = self._values[key] = load()
            return value

    def put(self, key: Key, value: Value) -> None:
        """Keep `value` as the most recently used, in place of what `key` held."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
            else:
                self._make_room()
            self._values[key] = value

    def pop(self, key: Key) -> Value | None:
        """Take `key`'s value out of the cache; None when it holds none."""
        with self._lock:
            return self._values.pop(key, None)

    def keys(self) -> list[Key]:
        """The keys held, least recently used first."""
        with self._lock:
            return list(self._values)

    def _make_room(self) -> None:
        while len(self._values) >= self._size:
            self._values.popitem(last=False)
            self._on_evict()
