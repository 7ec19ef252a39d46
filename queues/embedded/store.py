"""SQLite storage of the embedded broker: exchanges, queues, bindings and leased messages.

Everything a broker must share between processes lives in the database file, never in process memory:
a binding made by one process routes the next publish of any other. A delivered message is *leased*
(owner + expiry), not deleted: ack deletes the row, reject/close releases the lease, and a consumer
killed with SIGKILL simply stops renewing, so its messages become visible again when the lease expires.

One `Store` per kombu channel; it is used from one thread at a time (the channel's).
"""

import json
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS exchanges (
    name TEXT PRIMARY KEY, type TEXT NOT NULL, durable INTEGER NOT NULL DEFAULT 1);
CREATE TABLE IF NOT EXISTS queues (
    name TEXT PRIMARY KEY, arguments TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS bindings (
    exchange TEXT NOT NULL, routing_key TEXT NOT NULL, queue TEXT NOT NULL,
    PRIMARY KEY (exchange, routing_key, queue));
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    queue TEXT NOT NULL,
    payload TEXT NOT NULL,
    visible_at REAL NOT NULL,
    lease_owner TEXT,
    lease_until REAL,
    deliveries INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS messages_by_queue ON messages (queue, id);
CREATE INDEX IF NOT EXISTS messages_by_owner ON messages (lease_owner);
"""

# A message is ready when it is visible and nobody holds a live lease on it.
# (message id, payload, deliveries so far) of a leased or taken message.
Leased = tuple[int, dict[str, Any], int]

READY = "queue = :queue AND visible_at <= :now AND (lease_until IS NULL OR lease_until <= :now)"


class Store:
    """The broker state in one SQLite file (WAL, busy timeout), shared by every process that opens it.

    Arguments:
        path: the database file; its parent folder is created when missing.
        busy_timeout_s: how long a write waits for another process's write lock.
        synchronous: SQLite `synchronous` pragma; FULL makes a confirmed publish survive power loss.

    Raises:
        sqlite3.Error: the file cannot be opened or is not a broker database.
    """

    def __init__(self, path: str | Path, *, busy_timeout_s: float = 30.0, synchronous: str = "FULL"):
        file = Path(path)
        file.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(
            str(file), timeout=busy_timeout_s, isolation_level=None, check_same_thread=False
        )
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
        self.db.execute(f"PRAGMA synchronous={synchronous}")
        self._create_schema()

    def _create_schema(self) -> None:
        with self.transaction():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def transaction(self) -> "_Transaction":
        """A write transaction taken at once (BEGIN IMMEDIATE), so readers never upgrade into a deadlock."""
        return _Transaction(self.db)

    # Exchanges, queues, bindings.

    def exchange_type(self, name: str) -> str | None:
        row = self.db.execute("SELECT type FROM exchanges WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def declare_exchange(self, name: str, type_: str) -> str | None:
        with self.transaction():
            existing = self.exchange_type(name)
            if existing is None:
                self.db.execute("INSERT INTO exchanges (name, type) VALUES (?, ?)", (name, type_))
        return existing

    def delete_exchange(self, name: str) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM exchanges WHERE name = ?", (name,))
            self.db.execute("DELETE FROM bindings WHERE exchange = ?", (name,))

    def queue_arguments(self, name: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT arguments FROM queues WHERE name = ?", (name,)).fetchone()
        return None if row is None else json.loads(row[0])

    def declare_queue(self, name: str, arguments: dict[str, Any] | None) -> dict[str, Any] | None:
        with self.transaction():
            existing = self.queue_arguments(name)
            if existing is None:
                self.db.execute(
                    "INSERT INTO queues (name, arguments) VALUES (?, ?)", (name, json.dumps(arguments or {}))
                )
        return existing

    def delete_queue(self, name: str) -> int:
        with self.transaction():
            self.db.execute("DELETE FROM queues WHERE name = ?", (name,))
            self.db.execute("DELETE FROM bindings WHERE queue = ?", (name,))
            return self.db.execute("DELETE FROM messages WHERE queue = ?", (name,)).rowcount

    def bind(self, queue: str, exchange: str, routing_key: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO bindings (exchange, routing_key, queue) VALUES (?, ?, ?)",
                (exchange, routing_key, queue),
            )

    def unbind(self, queue: str, exchange: str, routing_key: str) -> None:
        with self.transaction():
            self.db.execute(
                "DELETE FROM bindings WHERE exchange = ? AND routing_key = ? AND queue = ?",
                (exchange, routing_key, queue),
            )

    def bindings(self, exchange: str | None = None) -> list[tuple[str, str, str]]:
        """[(exchange, routing_key, queue)] for one exchange, or all of them."""
        if exchange is None:
            return self.db.execute("SELECT exchange, routing_key, queue FROM bindings").fetchall()
        return self.db.execute(
            "SELECT exchange, routing_key, queue FROM bindings WHERE exchange = ?", (exchange,)
        ).fetchall()

    # Messages.

    def insert(self, deliveries: Iterable[tuple[str, float]], payload: dict[str, Any]) -> None:
        """Store one payload in each of [(queue, visible_at)]; the caller holds the transaction."""
        text = json.dumps(payload)
        self.db.executemany(
            "INSERT INTO messages (queue, payload, visible_at) VALUES (?, ?, ?)",
            [(queue, text, visible_at) for queue, visible_at in deliveries],
        )

    def lease(self, queue: str, owner: str, lease_s: float) -> Leased | None:
        """Lease the oldest ready message of `queue` -> (id, payload, deliveries) or None."""
        now = time.time()
        params = {"queue": queue, "now": now}
        if self.db.execute(f"SELECT 1 FROM messages WHERE {READY} LIMIT 1", params).fetchone() is None:
            return None  # cheap read first: an idle poll takes no write lock
        with self.transaction():
            row = self.db.execute(
                "UPDATE messages SET lease_owner = :owner, lease_until = :until, deliveries = deliveries + 1"
                f" WHERE id = (SELECT id FROM messages WHERE {READY} ORDER BY id LIMIT 1)"
                " RETURNING id, payload, deliveries",
                {**params, "owner": owner, "until": now + lease_s},
            ).fetchone()
        return None if row is None else (row[0], json.loads(row[1]), row[2])

    def take(self, queue: str) -> Leased | None:
        """Remove and return the oldest ready message (no-ack consumers) -> (id, payload, deliveries)."""
        with self.transaction():
            row = self.db.execute(
                f"DELETE FROM messages WHERE id = (SELECT id FROM messages WHERE {READY} ORDER BY id LIMIT 1)"
                " RETURNING id, payload, deliveries",
                {"queue": queue, "now": time.time()},
            ).fetchone()
        return None if row is None else (row[0], json.loads(row[1]), row[2] + 1)

    def ack(self, message_id: int, owner: str, deliveries: int) -> bool:
        """Delete a message we still hold; a lease lost to another consumer is left alone -> bool."""
        with self.transaction():
            return bool(
                self.db.execute(
                    "DELETE FROM messages WHERE id = ? AND lease_owner = ? AND deliveries = ?",
                    (message_id, owner, deliveries),
                ).rowcount
            )

    def release(self, message_id: int, owner: str, deliveries: int) -> bool:
        """Make a message we hold ready again at once (reject with requeue, clean close) -> bool."""
        with self.transaction():
            return bool(
                self.db.execute(
                    "UPDATE messages SET lease_owner = NULL, lease_until = NULL"
                    " WHERE id = ? AND lease_owner = ? AND deliveries = ?",
                    (message_id, owner, deliveries),
                ).rowcount
            )

    def held(self, message_id: int, owner: str, deliveries: int) -> tuple[str, dict[str, Any]] | None:
        """(queue, payload) of a message we still hold, or None."""
        row = self.db.execute(
            "SELECT queue, payload FROM messages WHERE id = ? AND lease_owner = ? AND deliveries = ?",
            (message_id, owner, deliveries),
        ).fetchone()
        return None if row is None else (row[0], json.loads(row[1]))

    def renew(self, owner: str, lease_s: float) -> int:
        """Extend every lease `owner` holds (long jobs stay leased while their consumer lives)."""
        with self.transaction():
            return self.db.execute(
                "UPDATE messages SET lease_until = ? WHERE lease_owner = ?", (time.time() + lease_s, owner)
            ).rowcount

    def ready_count(self, queue: str) -> int:
        return self.db.execute(
            f"SELECT COUNT(*) FROM messages WHERE {READY}", {"queue": queue, "now": time.time()}
        ).fetchone()[0]

    def count(self, queue: str) -> int:
        """Every message of `queue`: ready, delayed and leased."""
        return self.db.execute("SELECT COUNT(*) FROM messages WHERE queue = ?", (queue,)).fetchone()[0]

    def purge(self, queue: str) -> int:
        with self.transaction():
            return self.db.execute(
                f"DELETE FROM messages WHERE {READY}", {"queue": queue, "now": time.time()}
            ).rowcount


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        self.outer = not self.db.in_transaction
        if self.outer:
            self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
