"""Read-only access to the store, off the event loop, with a time limit on every request's queries.

Each call runs in a small thread pool (SQLAlchemy and its drivers are blocking) inside one read-only
transaction. The time limit is the database's own, so a runaway query stops consuming the server and
not only the client's patience: PostgreSQL cancels it (``SET LOCAL statement_timeout``), SQLite is
interrupted by a progress handler that checks a deadline every few thousand VM instructions.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

import sqlalchemy as sa

T = TypeVar("T")

# SQLite calls the progress handler every N virtual-machine instructions: cheap, and fine-grained
# enough that an interrupted query stops within microseconds of its deadline.
SQLITE_PROGRESS_STEPS = 1000
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout
UNDEFINED_TABLE = "42P01"


class QueryTimeout(RuntimeError):
    """The request's queries ran past the time limit and were cancelled."""


class StoreNotReady(RuntimeError):
    """The database has no store tables yet (the store stage has not created them)."""


class Store:
    """Runs query functions ``fn(connection, *args)`` read-only, in threads, under a time limit."""

    def __init__(self, engine: sa.Engine, timeout_seconds: float, threads: int = 4) -> None:
        self.engine = engine
        self.timeout_seconds = timeout_seconds
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="herald-api-db")

    @classmethod
    def connect(cls, url: str, timeout_seconds: float, threads: int = 4) -> Store:
        return cls(sa.create_engine(url, pool_pre_ping=True), timeout_seconds, threads)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, partial(self.call, fn, *args))

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` in one read-only transaction, in this thread (the pool's threads call this)."""
        try:
            with self.engine.connect() as conn:
                # The connection begins a transaction on its first statement and rolls it back on
                # close: a reader never commits anything.
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                    ms = max(1, int(self.timeout_seconds * 1000))
                    conn.exec_driver_sql(f"SET LOCAL statement_timeout = {ms}")
                    return fn(conn, *args)
                return self._sqlite(conn, fn, *args)
        except sa.exc.DBAPIError as exc:
            raise _translate(exc) from exc

    def _sqlite(self, conn: sa.Connection, fn: Callable[..., T], *args: Any) -> T:
        raw = conn.connection.dbapi_connection
        deadline = time.monotonic() + self.timeout_seconds

        def past_deadline() -> int:
            return 1 if time.monotonic() > deadline else 0

        raw.execute("PRAGMA query_only = ON")  # type: ignore[union-attr]
        raw.set_progress_handler(past_deadline, SQLITE_PROGRESS_STEPS)  # type: ignore[union-attr]
        try:
            return fn(conn, *args)
        finally:
            raw.set_progress_handler(None, 0)  # type: ignore[union-attr]
            conn.rollback()

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.engine.dispose()


def _translate(exc: sa.exc.DBAPIError) -> Exception:
    orig = exc.orig
    if getattr(orig, "sqlstate", None) == QUERY_CANCELED:
        return QueryTimeout("the query ran past the time limit")
    if getattr(orig, "sqlstate", None) == UNDEFINED_TABLE:
        return StoreNotReady("the store has no tables yet")
    if isinstance(orig, sqlite3.OperationalError):
        message = str(orig)
        if "interrupted" in message:
            return QueryTimeout("the query ran past the time limit")
        if "no such table" in message:
            return StoreNotReady("the store has no tables yet")
    return exc
