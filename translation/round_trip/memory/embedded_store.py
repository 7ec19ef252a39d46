"""The embedded translation memory: one SQLite file (in the state directory), bounded, entries expiring.

SQLite from the standard library: no server, safe for several processes on one machine (WAL journal, a busy
timeout), and an index on last use makes eviction of the least recently used entries cheap.
"""

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from babelwire.translation.errors import MemoryUnavailableError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS memory (key TEXT PRIMARY KEY, value TEXT NOT NULL, stored REAL NOT NULL,
                                   used REAL NOT NULL);
CREATE INDEX IF NOT EXISTS memory_used ON memory (used);
CREATE INDEX IF NOT EXISTS memory_stored ON memory (stored);
"""
_CHUNK = 500  # keys per query: well under SQLite's limit of bound parameters
BUSY_TIMEOUT_S = 5.0  # another process writing: wait this long, then translate without the memory


class EmbeddedStore:
    """Up to `max_entries` entries in the SQLite file at `path`; each lives `ttl_s` seconds from when it was
    written; past `max_entries` the least recently used go first.

    The file is opened on first use, so a state directory that cannot be written costs the memory (a
    MemoryUnavailableError, which the memory turns into a warning), never the translation.
    """

    def __init__(self, path: Path, *, max_entries: int, ttl_s: float, clock: Callable[[], float] = time.time):
        if max_entries < 1 or ttl_s <= 0:
            raise ValueError("max_entries must be at least 1 and ttl_s above 0")
        self.path = Path(path)
        self.name = f"embedded {self.path}"
        self._max_entries = max_entries
        self._ttl_s = ttl_s
        self._clock = clock
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        now = self._clock()
        found: dict[str, str] = {}
        with self._transaction() as db:
            for start in range(0, len(keys), _CHUNK):
                chunk = list(keys[start : start + _CHUNK])
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key, value FROM memory WHERE key IN ({marks}) AND stored > ?",
                                  (*chunk, now - self._ttl_s)).fetchall()
                found.update(rows)
            if found:
                db.executemany("UPDATE memory SET used = ? WHERE key = ?", [(now, key) for key in found])
        return found

    def put_many(self, entries: Mapping[str, str]) -> None:
        if not entries:
            return
        now = self._clock()
        with self._transaction() as db:
            db.executemany("INSERT OR REPLACE INTO memory (key, value, stored, used) VALUES (?, ?, ?, ?)",
                           [(key, value, now, now) for key, value in entries.items()])
            db.execute("DELETE FROM memory WHERE stored <= ?", (now - self._ttl_s,))
            excess = db.execute("SELECT COUNT(*) FROM memory").fetchone()[0] - self._max_entries
            if excess > 0:
                db.execute("DELETE FROM memory WHERE key IN (SELECT key FROM memory ORDER BY used LIMIT ?)", (excess,))

    def __len__(self) -> int:
        with self._transaction() as db:
            return db.execute("SELECT COUNT(*) FROM memory").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection under the store's lock, in one transaction; a SQLite or file error leaves as
        MemoryUnavailableError."""
        with self._lock:
            try:
                db = self._connection()
                db.execute("BEGIN IMMEDIATE")
            except (sqlite3.Error, OSError) as error:
                raise self._unavailable(error) from None
            try:
                yield db
            except BaseException as error:
                _rollback(db)
                if isinstance(error, (sqlite3.Error, OSError)):
                    raise self._unavailable(error) from None
                raise
            try:
                db.execute("COMMIT")
            except sqlite3.Error as error:
                _rollback(db)
                raise self._unavailable(error) from None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL: no fsync per commit; a crash loses at most recent entries
            db.executescript(_SCHEMA)
            self._db = db
        return self._db

    def _unavailable(self, error: Exception) -> MemoryUnavailableError:
        return MemoryUnavailableError(f"{self.name}: {error}", store=self.name)


def _rollback(db: sqlite3.Connection) -> None:
    if db.in_transaction:
        db.execute("ROLLBACK")
