"""The store's read queries give the same answers on PostgreSQL and SQLite (the demo store on each)."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
import sqlalchemy as sa

from herald.store import queries
from herald.store.queries import AlertFilter, EventFilter
from tests.support.store_rows import (  # noqa: F401 - demo_engine is a fixture
    DAY,
    REPORTS,
    S472,
    demo_engine,
)


def ids(page: queries.Page) -> list[str]:
    return [row["id"] for row in page.items]


def expected(keep) -> list[str]:  # type: ignore[no-untyped-def]
    """The demo reports ``keep`` accepts, newest first, computed from the fixture itself."""
    return [r.id for r in sorted(REPORTS, key=lambda r: (r.published, r.id), reverse=True) if keep(r)]


def every_page(conn: sa.Connection, f: EventFilter, size: int) -> list[str]:
    seen, cursor = [], None
    while True:
        page = queries.list_events(conn, f, size, cursor)
        seen += ids(page)
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


@pytest.mark.parametrize(
    ("flt", "keep"),
    [
        (EventFilter(), lambda r: True),
        (EventFilter(types=("air_drone_strike",)), lambda r: r.type == "air_drone_strike"),
        (EventFilter(countries=("TR",)), lambda r: r.country == "TR"),
        (EventFilter(region="kyiv city"), lambda r: r.admin1 == "Kyiv City"),
        (EventFilter(min_severity=4), lambda r: r.severity >= 4),
        (
            EventFilter(since=DAY, until=DAY + timedelta(hours=5)),
            lambda r: DAY <= r.published < DAY + timedelta(hours=5),
        ),
        (EventFilter(text="DRONE"), lambda r: "drone" in r.title.lower()),
        (
            EventFilter(types=("air_drone_strike",), countries=("UA",), since=DAY - timedelta(days=7)),
            lambda r: r.type == "air_drone_strike" and r.country == "UA",
        ),
    ],
    ids=["all", "type", "country", "region", "severity", "range", "text", "country+type+week"],
)
def test_event_filters_and_order(demo_engine: sa.Engine, flt: EventFilter, keep) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with demo_engine.connect() as conn:
        page = queries.list_events(conn, flt, 100)
    assert ids(page) == expected(keep)
    assert page.next_cursor is None
    assert all(row["published"].tzinfo is not None for row in page.items)


def test_text_filter_treats_wildcards_as_text(demo_engine: sa.Engine) -> None:  # noqa: F811
    with demo_engine.connect() as conn:
        assert ids(queries.list_events(conn, EventFilter(text="%"), 100)) == []
        assert ids(queries.list_events(conn, EventFilter(text="7 missiles"), 100)) == ["ev-472-courier"]


@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_pages_cover_every_event_once_in_order(demo_engine: sa.Engine, size: int) -> None:  # noqa: F811
    with demo_engine.connect() as conn:
        assert every_page(conn, EventFilter(), size) == expected(lambda r: True)


@pytest.mark.parametrize("cursor", ["", "garbage!", "bm90IGpzb24", "WyIyMDI2LTA3LTA5VDAwOjAwOjAwIiwieCJd"])
def test_a_cursor_this_module_did_not_make_is_refused(cursor: str) -> None:
    with pytest.raises(queries.BadCursor):
        queries.decode_cursor(cursor)


def test_a_story_holds_its_events_sources_and_alert(demo_engine: sa.Engine) -> None:  # noqa: F811
    with demo_engine.connect() as conn:
        found = queries.story(conn, S472)
        missing = queries.story(conn, "no-such-story")
    assert missing is None
    assert found is not None
    assert found["story"]["events"] == 3 and found["story"]["sources"] == 3
    assert [e["id"] for e in found["events"]] == ["ev-472-ledger", "ev-472-wire", "ev-472-courier"]
    assert [s["source"] for s in found["sources"]] == ["kyiv-ledger", "world-wire", "danube-courier"]
    assert [a["rule"] for a in found["alerts"]] == ["record"]
    outcomes = {d["sink"]: d["status"] for d in found["alerts"][0]["deliveries"]}
    assert outcomes == {"slack": "delivered", "webhook": "dead_lettered"}


def test_alerts_newest_first_with_deliveries_and_paging(demo_engine: sa.Engine) -> None:  # noqa: F811
    with demo_engine.connect() as conn:
        everything = queries.list_alerts(conn, AlertFilter(), 100)
        first = queries.list_alerts(conn, AlertFilter(), 2)
        rest = queries.list_alerts(conn, AlertFilter(), 2, first.next_cursor)
        severe = queries.list_alerts(conn, AlertFilter(min_severity=5), 100)
        turkey = queries.list_alerts(conn, AlertFilter(countries=("TR",)), 100)
    assert ids(everything) == ["al-quake-first", "al-472-record", "al-120-first"]
    assert ids(first) + ids(rest) == ids(everything) and rest.next_cursor is None
    assert ids(severe) == ["al-472-record"]
    assert ids(turkey) == ["al-quake-first"]
    assert all(a["deliveries"] for a in everything.items)


@pytest.mark.parametrize("named", ["air_drone_strike", "strikes"])
def test_the_drone_series_and_its_records(demo_engine: sa.Engine, named: str) -> None:  # noqa: F811
    with demo_engine.connect() as conn:
        got = queries.series(conn, "drones", named, "UA")
    assert got["family"] == "strikes"
    assert [p["value"] for p in got["points"]] == [120.0, 85.0, 472.0]
    assert [p["value"] for p in got["records"]] == [120.0, 472.0]  # 85 did not beat 120


def test_an_unknown_series_is_empty(demo_engine: sa.Engine) -> None:  # noqa: F811
    with demo_engine.connect() as conn:
        got = queries.series(conn, "drones", "strikes", "TR")
    assert got["points"] == [] and got["records"] == [] and got["family"] is None


def test_exports_csv_and_geojson(demo_engine: sa.Engine) -> None:  # noqa: F811
    with demo_engine.connect() as conn:
        rows = queries.export_rows(conn, EventFilter(), 100)
    table = list(csv.DictReader(io.StringIO(queries.events_csv(rows))))
    assert [r["id"] for r in table] == expected(lambda r: True)
    assert table[0]["published"].endswith("+00:00")
    geo = queries.events_geojson(rows)
    placed = expected(lambda r: r.lat is not None)
    assert [f["id"] for f in geo["features"]] == placed and len(placed) == len(REPORTS) - 1
    kyiv = next(f for f in geo["features"] if f["id"] == "ev-472-ledger")
    assert kyiv["geometry"]["coordinates"] == [30.5234, 50.4501]
