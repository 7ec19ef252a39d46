"""The shared translation memory: entries in Redis, which newsrooms already run, for a fleet of workers.

Every entry is written with its time to live (SET ... EX), so Redis's own bound applies: give the server a
`maxmemory` and `maxmemory-policy volatile-lru` (or allkeys-lru) and it evicts the least recently used entries.
"""

from collections.abc import Mapping, Sequence

import redis

from babelwire.translation.errors import MemoryUnavailableError

KEY_PREFIX = "babelwire:memory:"
TIMEOUT_S = 1.0  # a Redis that does not answer within this costs a batch this long, once per retry period


class RedisStore:
    """Entries under `KEY_PREFIX` in the Redis of `client`, each expiring `ttl_s` seconds after it was written."""

    def __init__(self, client: redis.Redis, *, ttl_s: float, name: str = "redis"):
        if ttl_s <= 0:
            raise ValueError("ttl_s must be above 0")
        self._client = client
        self._ttl_ms = max(1, round(ttl_s * 1000))
        self.name = name

    @classmethod
    def from_url(cls, url: str, *, ttl_s: float, timeout_s: float = TIMEOUT_S) -> "RedisStore":
        """A store on the Redis at `url` (redis://host:port/db, rediss://...). Connects on first use."""
        client = redis.Redis.from_url(url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s,
                                      decode_responses=True)
        kwargs = client.connection_pool.connection_kwargs
        where = kwargs.get("path") or f"{kwargs.get('host')}:{kwargs.get('port')}/{kwargs.get('db', 0)}"
        return cls(client, ttl_s=ttl_s, name=f"redis {where}")

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        if not keys:
            return {}
        try:
            values = self._client.mget([KEY_PREFIX + key for key in keys])
        except redis.RedisError as error:
            raise self._unavailable(error) from None
        return {key: value for key, value in zip(keys, values) if value is not None}

    def put_many(self, entries: Mapping[str, str]) -> None:
        if not entries:
            return
        pipeline = self._client.pipeline(transaction=False)
        for key, value in entries.items():
            pipeline.set(KEY_PREFIX + key, value, px=self._ttl_ms)
        try:
            pipeline.execute()
        except redis.RedisError as error:
            raise self._unavailable(error) from None

    def close(self) -> None:
        self._client.close()

    def _unavailable(self, error: Exception) -> MemoryUnavailableError:
        return MemoryUnavailableError(f"{self.name}: {error}", store=self.name)
