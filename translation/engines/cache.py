"""The models an engine holds in memory: a small LRU cache that threads may share.

A worker serving five languages should not hold five models; the least recently used one goes first.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Model = TypeVar("Model")


class ModelCache(Generic[Model]):
    """Up to `size` loaded models by language, least recently used first.

    A model loads under the cache's lock: two threads asking for the same language load it once, and a load
    never races an eviction. The least recently used model leaves before the next one loads, so that memory never
    holds `size + 1` models, even for a moment. `on_evict` runs, under that lock, after a model has left the cache (and with it the
    last reference the cache held), e.g. to hand its device memory back; it must not call the cache.
    """

    def __init__(self, size: int, on_evict: Callable[[], None] = lambda: None):
        if size < 1:
            raise ValueError("cache_size must be at least 1")
        self._size = size
        self._on_evict = on_evict
        self._models: OrderedDict[str, Model] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, language: str, load: Callable[[], Model]) -> Model:
        """The model of `language`, loaded with `load()` if it is not in memory."""
        with self._lock:
            if language in self._models:
                self._models.move_to_end(language)
                return self._models[language]
            while len(self._models) >= self._size:  # make room first: two models in memory at once is the peak
                self._models.popitem(last=False)
                self._on_evict()
            model = self._models[language] = load()
            return model

    def languages(self) -> list[str]:
        """Languages whose models are in memory, least recently used first."""
        with self._lock:
            return list(self._models)

    def values(self) -> list[Model]:
        with self._lock:
            return list(self._models.values())

    def __len__(self) -> int:
        return len(self._models)
