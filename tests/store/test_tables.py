"""The store's tables are created and read back the same way on PostgreSQL and SQLite."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from herald.store.tables import TABLES, events, metadata


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path) -> sa.Engine:
    url = (
        f"sqlite:///{tmp_path / 'store.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    eng = sa.create_engine(url)
    metadata.drop_all(eng)
    metadata.create_all(eng)
    yield eng
    metadata.drop_all(eng)
    eng.dispose()


def test_every_table_exists_with_its_indexes(engine: sa.Engine) -> None:
    seen = sa.inspect(engine)
    assert set(seen.get_table_names()) == {t.name for t in TABLES}
    assert {i["name"] for i in seen.get_indexes("events")} == {i.name for i in events.indexes}


def test_an_event_row_keeps_its_json_and_its_time(engine: sa.Engine) -> None:
    when = datetime(2026, 7, 9, 2, 30, tzinfo=UTC)
    row = {
        "id": "e1",
        "article_id": "a1",
        "story_id": "s1",
        "type": "air_drone_strike",
        "family": "air_strike",
        "severity": 4,
        "title": "Russia launches 728 drones",
        "url": "https://example.org/a1",
        "source": "example",
        "published": when,
        "fetched_at": when,
        "place": "Lutsk",
        "country_code": "UA",
        "magnitude": {"drones": 728.0},
        "severity_reasons": ["drones>=500"],
        "actors": [{"name": "Russia", "role": "attacker", "country_code": "RU"}],
        "claims": [{"kind": "record", "text": "the largest attack of the war"}],
        "stored_at": when,
    }
    with engine.begin() as conn:
        conn.execute(events.insert(), row)
    with engine.connect() as conn:
        got = conn.execute(sa.select(events).where(events.c.country_code == "UA")).mappings().one()
    assert got["magnitude"] == {"drones": 728.0}
    assert got["actors"][0]["role"] == "attacker"
    assert got["published"].replace(tzinfo=UTC) == when
    assert got["learn_only"] is False
