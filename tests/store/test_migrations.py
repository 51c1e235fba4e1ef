"""The packaged migrations build exactly the schema tables.py declares, on both engines."""

from __future__ import annotations

from datetime import UTC, datetime

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


def test_events_stored_before_claimed_counts_read_back_empty(db_url: str) -> None:
    """0002 adds ``events.claimed_counts``: a row written under 0001 reads back as [] after the upgrade."""
    from alembic import command

    from herald.store.migrate import alembic_config

    engine = sa.create_engine(db_url)
    try:
        empty_database(engine)
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0001")
        old = sa.Table("events", sa.MetaData(), autoload_with=engine)
        assert "claimed_counts" not in old.c
        when = datetime(2026, 10, 12, tzinfo=UTC)
        with engine.begin() as conn:
            conn.execute(
                old.insert(),
                {
                    "id": "e1",
                    "article_id": "a1",
                    "story_id": "s1",
                    "type": "armed_clash",
                    "family": "ground_fighting",
                    "severity": 4,
                    "title": "",
                    "url": "https://example.org/e1",
                    "source": "example",
                    "published": when,
                    "fetched_at": when,
                    "magnitude": {},
                    "severity_reasons": [],
                    "actors": [],
                    "claims": [],
                    "learn_only": False,
                    "stored_at": when,
                },
            )
        migrate(engine)
        with engine.connect() as conn:
            got = conn.execute(sa.text("SELECT claimed_counts FROM events")).scalar_one()
        assert got in ("[]", [])
    finally:
        empty_database(engine)
        engine.dispose()
