"""A migrated, empty store database per test, on SQLite and on the session's real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from herald.store.migrate import migrate
from tests.support.store import empty_database


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(db_url)
    empty_database(engine)
    migrate(engine)
    yield engine
    empty_database(engine)
    engine.dispose()
