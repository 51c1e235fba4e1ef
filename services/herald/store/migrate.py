"""Bringing a database to the store's current schema with the Alembic revisions in the wheel.

The store stage and ``herald analyze --store`` call :func:`migrate` before their first write, so a
new database is created and an older one upgraded without a separate step. Running it again on a
current database does nothing.
"""

from __future__ import annotations

from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """An Alembic configuration pointing at the packaged revisions, without an ini file."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("herald.store").joinpath("migrations")))
    cfg.attributes["connection"] = connection
    return cfg


def migrate(url_or_engine: str | sa.Engine) -> str:
    """Upgrade the database to the newest revision; returns that revision's id."""
    engine = sa.create_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        return head()
    finally:
        if isinstance(url_or_engine, str):
            engine.dispose()


def head() -> str:
    """The newest revision the wheel carries."""
    rev = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert rev is not None
    return rev


def current(conn: sa.Connection) -> str | None:
    """The revision a database is at (None: never migrated)."""
    return MigrationContext.configure(conn).get_current_revision()
