"""Alembic's entry point for the store: runs on the connection ``herald.store.migrate`` hands it.

There is no alembic.ini: the store migrates itself on start, so the connection and the target
metadata come from code, never from a config file.
"""

from __future__ import annotations

from alembic import context

from herald.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run the store's migrations through herald.store.migrate.migrate(url)")

# SQLite cannot ALTER most things in place: batch mode rebuilds the table instead.
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
