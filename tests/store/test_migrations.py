"""The packaged migrations build exactly the schema tables.py declares, on both engines."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from herald.store.migrate import current, head, migrate
from herald.store.tables import metadata
from tests.support.store import empty_database


def test_migrated_schema_equals_the_tables_module(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    try:
        empty_database(engine)
        assert migrate(engine) == head()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
            assert current(conn) == head()
        assert diff == []
    finally:
        empty_database(engine)
        engine.dispose()


def test_migrating_a_current_database_again_changes_nothing(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    try:
        empty_database(engine)
        migrate(engine)
        before = set(sa.inspect(engine).get_table_names())
        migrate(engine)
        sa.inspect(engine).clear_cache()
        assert set(sa.inspect(engine).get_table_names()) == before
        assert "alembic_version" in before and "events" in before
    finally:
        empty_database(engine)
        engine.dispose()
