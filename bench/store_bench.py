"""Event store benchmark: rows written per second by the store's writer, on SQLite and PostgreSQL.

The writer (``herald.store.writer.Writer``) is what the store stage runs in its thread for every
batch, so its rate bounds the stage; Kafka and Faust are not included. The stream is a day of news
shaped like the pipeline's output: reports of stories (``--per-story`` reports each, from a handful
of outlets, with drone/missile figures so every report also upserts series points), one alert per
twenty reports, and two delivery outcomes per alert. Batches are ``--batch`` records, one
transaction each, as the stage writes them. The rate is reported per slice of the run, so its
change as the tables grow (to ``--events``) shows; on PostgreSQL the statistics are refreshed after
each slice (see ``_analyze``).

    PYTHONPATH=services:services/herald-dev:. python bench/store_bench.py --events 200000
    PYTHONPATH=services python bench/store_bench.py --url postgresql+psycopg://u:p@host/db

Without ``--url`` it runs SQLite in a temporary file and, when Debian's PostgreSQL binaries are
installed, a throwaway PostgreSQL server (the test suite's fixture, ``tests/support/postgres.py``).
The stream depends only on the arguments, so two versions can be compared.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from herald.core.records import Alert, DeliveryOutcome, Event, Location, stable_id
from herald.store.database import engine_for
from herald.store.migrate import migrate
from herald.store.tables import TABLES
from herald.store.writer import Writer

T0 = datetime(2026, 1, 1, tzinfo=UTC)
PLACES = [("Kharkiv", "UA"), ("Odesa", "UA"), ("Sumy", "UA"), ("Belgorod", "RU"), ("Aleppo", "SY")]
TYPES = ["air_drone_strike", "missile_strike", "armed_clash", "earthquake", "protest"]


def stream(total: int, per_story: int, seed: int = 7) -> Iterator[Any]:
    """Records in the order the topics would deliver them: reports, then an alert now and then."""
    rng = random.Random(seed)
    for n in range(total):
        story = n // per_story
        place, country = PLACES[story % len(PLACES)]
        when = T0 + timedelta(seconds=30 * n)
        event = Event(
            id=stable_id("bench-event", str(n)),
            article_id=stable_id("bench-article", str(n)),
            story_id=stable_id("bench-story", str(story)),
            type=TYPES[story % len(TYPES)],
            severity=rng.randint(1, 5),
            magnitude={"drones": float(rng.randint(10, 800)), "missiles": float(rng.randint(0, 40))},
            location=Location(name=place, country_code=country, lat=50.0, lon=36.2, kind="city"),
            actors=[],
            published=when,
            fetched_at=when,
            title=f"Report {n} of story {story}",
            url=f"https://bench.example/{n}",
            source=f"outlet-{rng.randint(0, 30)}",
        )
        yield event
        if n % 20 == 0:
            alert = Alert(
                id=stable_id("bench-alert", str(n)),
                rule="record",
                event_id=event.id,
                article_id=event.article_id,
                story_id=event.story_id,
                type=event.type,
                severity=event.severity,
                title=event.title,
                text="Largest drone barrage on record.",
                urls=[event.url],
                created_at=when,
                published=when,
                fetched_at=when,
            )
            yield alert
            for sink in ("webhook", "slack"):
                yield DeliveryOutcome(alert_id=alert.id, sink=sink, status="delivered", at=when)


def run(url: str, total: int, per_story: int, batch: int, slices: int) -> None:
    engine = engine_for(url)
    with engine.begin() as conn:
        for table in reversed(TABLES):
            conn.execute(sa.text(f"DROP TABLE IF EXISTS {table.name}"))
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    migrate(engine)
    writer = Writer(engine)
    kind = engine.dialect.name
    print(
        f"\n{kind}: {total:,} events (+ alerts and outcomes), batches of {batch}, {per_story} reports a story"
    )
    print(f"{'events so far':>14} {'records/s':>10} {'rows/s':>10} {'ms/batch p50':>13} {'p99':>7}")
    records: list[Any] = []
    events_done = 0
    slice_size = max(1, total // slices)
    mark_events, mark_time, mark_records, mark_rows = 0, time.perf_counter(), 0, 0
    all_records = all_rows = 0
    batch_ms: list[float] = []
    started = time.perf_counter()

    def flush() -> None:
        nonlocal all_records, all_rows
        t = time.perf_counter()
        written, failures = writer.write(records)
        batch_ms.append((time.perf_counter() - t) * 1000)
        assert not failures, failures[:3]
        all_records += len(records)
        all_rows += sum(written.values())
        records.clear()

    for record in stream(total, per_story):
        records.append(record)
        events_done += isinstance(record, Event)
        if len(records) >= batch:
            flush()
        if events_done - mark_events >= slice_size and not records:
            now = time.perf_counter()
            ms = sorted(batch_ms)
            print(
                f"{events_done:>14,} {(all_records - mark_records) / (now - mark_time):>10,.0f} "
                f"{(all_rows - mark_rows) / (now - mark_time):>10,.0f} {ms[len(ms) // 2]:>13.1f} "
                f"{ms[int(len(ms) * 0.99)]:>7.1f}"
            )
            batch_ms.clear()
            if kind == "postgresql":
                analyze_s = _analyze(engine)
                started += analyze_s  # the overall rate leaves it out, like the slices
                now = time.perf_counter()
            mark_events, mark_time, mark_records, mark_rows = events_done, now, all_records, all_rows
    if records:
        flush()
    elapsed = time.perf_counter() - started
    print(
        f"{kind} overall: {all_records / elapsed:,.0f} records/s, "
        f"{all_rows / elapsed:,.0f} rows/s, {elapsed:.0f} s"
    )
    engine.dispose()


def _analyze(engine: sa.Engine) -> float:
    """Refresh PostgreSQL's statistics, as autovacuum does on a server that runs longer than a minute.

    A new table has none, and without them the planner scans ``events`` whole for a batch's story
    summaries (the story_id index unused): the rate then falls with the table's size, an artefact of
    a short run on a fresh database. Returns the seconds it took (left out of the rates).
    """
    t = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(sa.text("ANALYZE"))
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000, help="events to write (default 100,000)")
    parser.add_argument("--per-story", type=int, default=8, help="reports per story (default 8)")
    parser.add_argument("--batch", type=int, default=500, help="records a transaction (the stage's default)")
    parser.add_argument("--slices", type=int, default=5, help="rate reported for this many slices")
    parser.add_argument(
        "--url", action="append", help="database URL (repeatable); default SQLite + PostgreSQL"
    )
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        urls = args.url
        if not urls:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="herald-store-bench-"))
            urls = [f"sqlite:///{os.path.join(tmp, 'store.db')}"]
            try:
                from tests.support.postgres import bindir, postgres_server
            except ImportError:
                bindir = None  # type: ignore[assignment]
            if bindir is not None and bindir() is not None:
                urls.append(stack.enter_context(postgres_server()))
            else:
                print("no PostgreSQL binaries (scripts/install-tools.sh installs them): SQLite only")
        for url in urls:
            run(url, args.events, args.per_story, args.batch, args.slices)


if __name__ == "__main__":
    main()
