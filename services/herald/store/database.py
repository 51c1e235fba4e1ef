"""Opening the store's database: one engine per process, tuned per engine kind.

SQLite (``herald up``, ``herald analyze --store``) runs in write-ahead-log mode so the query API can
read while the stage writes, and waits for a lock instead of failing at once. PostgreSQL connections
are checked before use, so a restarted server costs one retry, not a failed batch.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa


def engine_for(url: str) -> sa.Engine:
    """An engine for ``url``; a PostgreSQL URL needs the ``postgres`` extra (psycopg)."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            if parsed.database and parsed.database != ":memory:":
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(
                "PRAGMA synchronous=NORMAL"
            )  # WAL stays consistent; only power loss costs the tail
            cursor.close()

        return engine
    if parsed.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ImportError(
                "a PostgreSQL store needs the 'postgres' extra: pip install 'herald[postgres]'"
            ) from exc
        if parsed.drivername == "postgresql":
            url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return sa.create_engine(url, pool_pre_ping=True)
