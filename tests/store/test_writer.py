"""The writer's upserts on SQLite and PostgreSQL: rows, story summaries, series points, redelivery."""

from __future__ import annotations

import math

import sqlalchemy as sa

from herald.core.records import ClaimedCount, stable_id
from herald.store.tables import alerts, articles, deliveries, events, series_points, stories, story_sources
from herald.store.writer import Writer
from tests.support.store import T0, article, event, news_day, outcome, snapshot


def _rows(engine: sa.Engine, table: sa.Table) -> list[sa.RowMapping]:
    with engine.connect() as conn:
        return list(conn.execute(sa.select(table)).mappings())


def test_a_news_day_lands_in_every_table(store: sa.Engine) -> None:
    written, failures = Writer(store).write(news_day())
    assert failures == []
    assert written["events"] == 4 and written["stories"] == 2
    assert len(_rows(store, articles)) == 4 and all(r["text"] is None for r in _rows(store, articles))
    assert len(_rows(store, events)) == 4 and len(_rows(store, story_sources)) == 4
    assert len(_rows(store, alerts)) == 1
    assert {(r["sink"], r["status"]) for r in _rows(store, deliveries)} == {
        ("webhook", "delivered"),
        ("slack", "digested"),
    }


def test_a_story_summarises_all_its_reports(store: sa.Engine) -> None:
    Writer(store).write(news_day())
    barrage = {r["id"]: r for r in _rows(store, stories)}[stable_id("story", "barrage")]
    assert barrage["events"] == 3 and barrage["sources"] == 2
    assert barrage["max_severity"] == 5
    assert barrage["first_published"].replace(tzinfo=None) == T0.replace(tzinfo=None)
    assert barrage["title"] == "Russia fires 472 drones at Ukraine overnight"
    assert barrage["country_code"] == "UA" and barrage["type"] == "air_drone_strike"


def test_a_story_split_over_batches_counts_each_report_once(store: sa.Engine) -> None:
    writer = Writer(store)
    day = news_day()
    reports = [r for r in day if type(r).__name__ == "Event"]
    writer.write(reports[:1])
    writer.write(reports[:2])  # the first one again, with the second
    writer.write([event(9, "barrage", "late-wire", 90, severity=2)])
    barrage = {r["id"]: r for r in _rows(store, stories)}[stable_id("story", "barrage")]
    assert (barrage["events"], barrage["sources"]) == (3, 3)
    assert barrage["last_published"].minute == (T0.minute + 90) % 60


def test_a_series_point_is_the_storys_largest_figure(store: sa.Engine) -> None:
    writer = Writer(store)
    for record in news_day():  # one record a batch: the larger figure must win across batches too
        writer.write([record])
    points = {(r["metric"], r["story_id"]): r for r in _rows(store, series_points)}
    drones = points[("drones", stable_id("story", "barrage"))]
    assert drones["value"] == 480.0 and drones["event_id"] == stable_id("event", "2")
    assert drones["family"] != "" and drones["country_code"] == "UA"
    assert points[("missiles", stable_id("story", "barrage"))]["value"] == 7.0
    assert not [k for k in points if k[1] == stable_id("story", "quake")]  # no figures, no points


def test_a_redelivered_batch_changes_nothing(store: sa.Engine) -> None:
    writer = Writer(store)
    day = news_day()
    writer.write(day)
    before = snapshot(store)
    writer.write(day)
    writer.write(list(reversed(day)))
    for record in day:
        writer.write([record])
    assert snapshot(store) == before


def test_a_later_delivery_outcome_wins_and_an_older_one_replayed_does_not(store: sa.Engine) -> None:
    writer = Writer(store)
    day = news_day()
    writer.write(day)
    al = next(r for r in day if type(r).__name__ == "Alert")
    writer.write([outcome(al, "slack", "delivered", 20, reason="digest")])
    writer.write([outcome(al, "slack", "digested", 1)])  # the older outcome, redelivered
    slack = {r["sink"]: r for r in _rows(store, deliveries)}["slack"]
    assert (slack["status"], slack["detail"]) == ("delivered", "digest")


def test_full_text_only_when_told(store: sa.Engine) -> None:
    Writer(store, keep_text=True).write([article(1)])
    (row,) = _rows(store, articles)
    assert row["text"] == article(1).text() and len(row["text"]) > len(row["title"])


def test_heartbeat_canaries_are_not_news(store: sa.Engine) -> None:
    written, _ = Writer(store).write([event(1, "canary", "heartbeat", type="heartbeat")])
    assert written == {} and _rows(store, events) == []


def test_only_the_record_the_database_refuses_is_handed_back(store: sa.Engine) -> None:
    """PostgreSQL refuses a NUL character in text and NaN in JSON; SQLite stores both, so there the
    whole batch must go through."""
    bad_title = event(5, "barrage", "broken-feed", 3, title="drones\x00")
    bad_number = event(6, "barrage", "broken-feed", 4, magnitude={"drones": math.nan})
    good = [r for r in news_day() if type(r).__name__ == "Event"]
    _, failures = Writer(store).write([good[0], bad_title, good[1], bad_number, good[2]])
    if store.dialect.name == "postgresql":
        assert [f.index for f in failures] == [1, 3]
        assert "NUL" in failures[0].error or "0x00" in failures[0].error
        assert {r["id"] for r in _rows(store, events)} == {e.id for e in good[:3]}
        barrage = {r["id"]: r for r in _rows(store, stories)}[stable_id("story", "barrage")]
        assert barrage["events"] == 3
    else:
        assert failures == [] and len(_rows(store, events)) == 5


def test_a_sides_claimed_figure_is_kept_beside_the_toll(store: sa.Engine) -> None:
    """af_pk_border: Kabul's "Afghan forces killed 58 Pakistani soldiers" is no toll, but the analyst
    reading the stored event sees it; events without claims store an empty list."""
    kabul = "KABUL - Afghan forces killed 58 Pakistani soldiers and wounded about 30 in overnight operations."
    claimed = ClaimedCount(metric="killed", value=58, text=kabul)
    ev = event(1, "border", "kabul-times", magnitude={"wounded": 30.0}, claimed_counts=[claimed])
    Writer(store).write([article(1), ev, article(2), event(2, "other", "wire-east")])
    got = {r["id"]: r["claimed_counts"] for r in _rows(store, events)}
    assert got[ev.id] == [{"metric": "killed", "value": 58.0, "text": kabul}]
    assert got[stable_id("event", "2")] == []
