"""What a translation memory keeps its entries in: key -> the model's output, each entry expiring."""

from collections.abc import Mapping, Sequence
from typing import Protocol


class MemoryStore(Protocol):
    """A store of memorised outputs (embedded_store.EmbeddedStore, redis_store.RedisStore).

    Both methods raise MemoryUnavailableError when the store cannot answer; nothing else.
    """

    name: str  # how logs and errors call it ("embedded /path/memory.sqlite3", "redis 127.0.0.1:6379/0")

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        """The outputs kept under those of `keys` that are present and not expired."""

    def put_many(self, entries: Mapping[str, str]) -> None:
        """Keep each output under its key, replacing what was there, for the store's time to live."""

    def close(self) -> None:
        """Let go of connections and files."""
