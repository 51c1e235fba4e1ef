"""A small, realistic event store for the query API and dashboard tests.

The demo day as the store would hold it: Ukraine's drone barrages of 120, 85 and 472 drones (the
first and the last records of their series, the middle one not), a protest in Lviv, the quake in
eastern Turkey, and one event that could not be placed. Stories carry several outlets each; alerts
carry their deliveries (one sink delivered, one dead-lettered). Times are fixed, so tests can name
ranges; ``DAY`` is the demo day, ``NOW`` the moment after its last report.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from herald.store.tables import (
    metadata,
)

DAY = datetime(2026, 7, 9, tzinfo=UTC)
NOW = DAY + timedelta(hours=8)

# Story ids, named for what they are so tests read.
S120, SODESA, SPROTEST, S472, SQUAKE, SCYBER = (
    "st-drones-120",
    "st-drones-odesa",
    "st-protest-lviv",
    "st-drones-472",
    "st-quake-malatya",
    "st-cyber-unplaced",
)


@dataclass
class StoreRows:
    """Rows per table, in insert order; ``insert`` writes them through SQLAlchemy Core."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, **row: Any) -> dict[str, Any]:
        self.tables.setdefault(table, []).append(row)
        return row

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables.get(table, [])

    def insert(self, engine: sa.Engine) -> None:
        """Recreate every table and insert the rows (the store's own writer is not needed for reads)."""
        metadata.drop_all(engine)
        metadata.create_all(engine)
        by_name = {t.name: t for t in metadata.sorted_tables}
        with engine.begin() as conn:
            for name, rows in self.tables.items():
                conn.execute(by_name[name].insert(), rows)


@dataclass(frozen=True)
class Report:
    """One outlet's report of a story: becomes an article, an event and a story_sources row."""

    id: str
    story: str
    source: str
    title: str
    published: datetime
    type: str
    family: str
    severity: int
    place: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    magnitude: dict[str, float]


REPORTS = (
    Report("ev-120-ledger", S120, "kyiv-ledger", "Russia launches 120 drones at Ukraine overnight",
           DAY - timedelta(days=3), "air_drone_strike", "strikes", 3, "Bila Tserkva", "UA", "Kyiv Oblast",
           49.7957, 30.1311, {"drones": 120.0}),
    Report("ev-120-wire", S120, "world-wire", "Ukraine says it downed most of 120 Russian drones",
           DAY - timedelta(days=3) + timedelta(hours=2), "air_drone_strike", "strikes", 3, "Kyiv", "UA",
           "Kyiv City", 50.4501, 30.5234, {"drones": 120.0}),
    Report("ev-odesa-ledger", SODESA, "kyiv-ledger", "Overnight drone attack targets Odesa port",
           DAY - timedelta(days=2), "air_drone_strike", "strikes", 3, "Odesa", "UA", "Odesa Oblast",
           46.4825, 30.7233, {"drones": 85.0}),
    Report("ev-protest-ledger", SPROTEST, "kyiv-ledger", "Farmers protest grain import rules in Lviv",
           DAY - timedelta(days=1), "protest", "unrest", 1, "Lviv", "UA", "Lviv Oblast", 49.8397, 24.0297,
           {}),
    Report("ev-472-ledger", S472, "kyiv-ledger",
           "Russia fires record 472 drones at Ukraine in largest attack of the war",
           DAY + timedelta(hours=2), "air_drone_strike", "strikes", 5, "Kyiv", "UA", "Kyiv City",
           50.4501, 30.5234, {"drones": 472.0, "missiles": 7.0}),
    Report("ev-472-wire", S472, "world-wire", "Record Russian drone barrage hits Kyiv and Kharkiv",
           DAY + timedelta(hours=3), "air_drone_strike", "strikes", 5, "Kharkiv", "UA", "Kharkiv Oblast",
           49.9935, 36.2304, {"drones": 472.0}),
    Report("ev-472-courier", S472, "danube-courier", "472 drones and 7 missiles: Ukraine's worst night",
           DAY + timedelta(hours=4), "missile_artillery_strike", "strikes", 4, "Kyiv", "UA", "Kyiv City",
           50.4501, 30.5234, {"drones": 472.0, "missiles": 7.0}),
    Report("ev-quake-wire", SQUAKE, "world-wire", "Strong earthquake shakes eastern Turkey",
           DAY + timedelta(hours=5), "natural_disaster", "disaster", 4, "Malatya", "TR", "Malatya",
           38.3552, 38.3095, {"magnitude": 6.1, "deaths": 12.0}),
    Report("ev-quake-courier", SQUAKE, "danube-courier", "Quake near Malatya kills at least 12",
           DAY + timedelta(hours=6), "natural_disaster", "disaster", 4, "Malatya", "TR", "Malatya",
           38.3552, 38.3095, {"deaths": 12.0}),
    Report("ev-cyber-wire", SCYBER, "world-wire", "Cyberattack disrupts ferry bookings",
           DAY + timedelta(hours=7), "cyber_attack", "cyber_attack", 2, None, None, None, None, None, {}),
)  # fmt: skip

# (alert, story, rule, event, severity, [(sink, status, detail)]); created five minutes after the event
ALERTS = (
    ("al-120-first", S120, "first", "ev-120-ledger", 3, [("slack", "delivered", None)]),
    ("al-472-record", S472, "record", "ev-472-ledger", 5,
     [("slack", "delivered", None), ("webhook", "dead_lettered", "HTTP 410 from receiver")]),
    ("al-quake-first", SQUAKE, "first", "ev-quake-wire", 4, [("alertmanager", "delivered", None)]),
)  # fmt: skip

# (metric, family, country, story, value, event): one point per story, its largest own figure.
SERIES = (
    ("drones", "strikes", "UA", S120, 120.0, "ev-120-ledger"),
    ("drones", "strikes", "UA", SODESA, 85.0, "ev-odesa-ledger"),
    ("drones", "strikes", "UA", S472, 472.0, "ev-472-ledger"),
    ("missiles", "strikes", "UA", S472, 7.0, "ev-472-ledger"),
    ("deaths", "disaster", "TR", SQUAKE, 12.0, "ev-quake-wire"),
)


def url_of(report_id: str) -> str:
    return f"https://demo.herald.invalid/{report_id}"


def demo_store() -> StoreRows:
    """The data set every API and dashboard test reads."""
    rows = StoreRows()
    by_id = {r.id: r for r in REPORTS}
    for r in REPORTS:
        article = "ar-" + r.id.removeprefix("ev-")
        rows.add(
            "articles", id=article, url=url_of(r.id), source=r.source, title=r.title, language="en",
            published=r.published, fetched_at=r.published + timedelta(minutes=3), duplicate_of=None,
            text=None, stored_at=r.published + timedelta(minutes=4),
        )  # fmt: skip
        rows.add(
            "events", id=r.id, article_id=article, story_id=r.story, type=r.type, family=r.family,
            severity=r.severity, title=r.title, url=url_of(r.id), source=r.source, published=r.published,
            fetched_at=r.published + timedelta(minutes=3), place=r.place, country_code=r.country,
            admin1=r.admin1, lat=r.lat, lon=r.lon, location_kind="city" if r.place else None,
            magnitude=r.magnitude, severity_reasons=[f"type:{r.type}"], actors=[], claims=[],
            learn_only=False, stored_at=r.published + timedelta(minutes=4),
        )  # fmt: skip
        rows.add(
            "story_sources", story_id=r.story, event_id=r.id, article_id=article, source=r.source,
            url=url_of(r.id), published=r.published,
        )  # fmt: skip
    for story in dict.fromkeys(r.story for r in REPORTS):
        told = [r for r in REPORTS if r.story == story]
        first = told[0]
        rows.add(
            "stories", id=story, type=first.type, title=first.title, country_code=first.country,
            place=first.place, first_published=first.published, last_published=told[-1].published,
            max_severity=max(r.severity for r in told), events=len(told),
            sources=len({r.source for r in told}),
        )  # fmt: skip
    for alert_id, story, rule, event_id, severity, outcomes in ALERTS:
        event = by_id[event_id]
        created = event.published + timedelta(minutes=5)
        rows.add(
            "alerts", id=alert_id, rule=rule, event_id=event_id,
            article_id="ar-" + event_id.removeprefix("ev-"), story_id=story, type=event.type,
            severity=severity, title=event.title, text=f"{rule}: {event.title}",
            urls=[url_of(r.id) for r in REPORTS if r.story == story and r.published <= event.published],
            created_at=created, published=event.published, place=event.place, country_code=event.country,
            update_of=None, evidence={"rule": rule},
        )  # fmt: skip
        for sink, status, detail in outcomes:
            rows.add("deliveries", alert_id=alert_id, sink=sink, status=status,
                     at=created + timedelta(seconds=2), detail=detail)  # fmt: skip
    for metric, family, country, story, value, event_id in SERIES:
        event = by_id[event_id]
        rows.add(
            "series_points", metric=metric, family=family, country_code=country, story_id=story,
            value=value, event_id=event_id, source=event.source, published=event.published,
        )  # fmt: skip
    return rows


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[sa.Engine]:
    """The demo store on SQLite and on the session's PostgreSQL (import this fixture to use it)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'store.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = sa.create_engine(url)
    demo_store().insert(engine)
    yield engine
    engine.dispose()
