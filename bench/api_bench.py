"""Query API benchmark: latency (p50, p99) of the common requests over a store of many events.

The store is filled directly (bulk inserts, no pipeline): ``--events`` events over ``--days`` days,
``--per-story`` reports per story from a few dozen outlets, the drone/missile figures as series
points (one per story), one alert per twenty events with two delivery outcomes each. Articles are not
written: no API request reads them. Then the real API (``herald.api``: aiohttp, the thread pool, the
per-request time limit) serves on 127.0.0.1 and a client in the same process asks, one request at a
time, ``--requests`` times each:

    events      /v1/events?country=UA&type=air_drone_strike&since=<a week before the newest event>
    story       /v1/stories/<a random story>
    series      /v1/series?metric=drones&type=air_drone_strike&country=UA
    alerts      /v1/alerts (first page)

    PYTHONPATH=services:services/herald-dev:. python bench/api_bench.py --events 1000000
    PYTHONPATH=services:. python bench/api_bench.py --url postgresql+psycopg://u:p@host/db
    PYTHONPATH=services:. python bench/api_bench.py --url sqlite:///store.db --no-fill  # measure again

Without ``--url`` it runs SQLite in a temporary file and, when Debian's PostgreSQL binaries are
installed, a throwaway PostgreSQL server (the test suite's fixture, ``tests/support/postgres.py``).
Times include the client's side (same process and event loop), so they are what a caller on the
same machine waits. The data depend only on the arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import sqlalchemy as sa
from aiohttp import web
from prometheus_client import CollectorRegistry

from herald.api.app import build
from herald.api.database import Store
from herald.api.settings import ApiSettings
from herald.core.families import family_of
from herald.store.database import engine_for
from herald.store.migrate import migrate
from herald.store.tables import alerts, deliveries, events, series_points, stories, story_sources

T_END = datetime(2026, 12, 1, tzinfo=UTC)
PLACES = [
    ("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23),
    ("Odesa", "Odesa Oblast", "UA", 46.48, 30.72),
    ("Sumy", "Sumy Oblast", "UA", 50.91, 34.80),
    ("Belgorod", "Belgorod Oblast", "RU", 50.60, 36.59),
    ("Aleppo", "Aleppo Governorate", "SY", 36.20, 37.16),
    ("Khan Younis", "Khan Yunis", "PS", 31.35, 34.31),
    ("Goma", "North Kivu", "CD", -1.68, 29.23),
    ("Port-au-Prince", "Ouest", "HT", 18.54, -72.34),
]
TYPES = [
    "air_drone_strike",
    "missile_artillery_strike",
    "armed_clash",
    "natural_disaster",
    "protest",
    "infrastructure_attack",
]
SINKS = ("slack", "webhook")
CHUNK = 20_000


def generate(total: int, per_story: int, days: float, seed: int = 11) -> Iterator[tuple[str, list[dict]]]:
    """(table name, rows) chunks: events with their story sources, then stories, series, alerts."""
    rng = random.Random(seed)
    step = timedelta(days=days) / total
    start = T_END - timedelta(days=days)
    batch: dict[str, list[dict[str, Any]]] = {
        "events": [],
        "story_sources": [],
        "alerts": [],
        "deliveries": [],
    }
    story_rows: dict[int, dict[str, Any]] = {}
    points: list[dict[str, Any]] = []
    for n in range(total):
        s = n // per_story
        place, admin1, country, lat, lon = PLACES[(s * 7 + s // 3) % len(PLACES)]
        kind = TYPES[(s * 5 + s // 11) % len(TYPES)]
        when = start + step * n
        event_id, story_id, source = f"e{n:09d}", f"s{s:08d}", f"outlet-{rng.randint(0, 40)}"
        drones = (
            float(rng.randint(5, 900)) if kind in ("air_drone_strike", "missile_artillery_strike") else None
        )
        url = f"https://bench.example/{source}/{n}"
        title = f"{kind.replace('_', ' ')} near {place}, report {n}"
        batch["events"].append(
            {
                "id": event_id,
                "article_id": f"a{n:09d}",
                "story_id": story_id,
                "type": kind,
                "family": family_of(kind),
                "severity": rng.randint(1, 5),
                "title": title,
                "url": url,
                "source": source,
                "published": when,
                "fetched_at": when,
                "place": place,
                "country_code": country,
                "admin1": admin1,
                "lat": lat + rng.uniform(-0.2, 0.2),
                "lon": lon + rng.uniform(-0.2, 0.2),
                "location_kind": "city",
                "magnitude": {"drones": drones} if drones else {},
                "severity_reasons": ["bench"],
                "actors": [],
                "claims": [],
                "learn_only": False,
                "stored_at": when,
            }
        )
        batch["story_sources"].append(
            {
                "story_id": story_id,
                "event_id": event_id,
                "article_id": f"a{n:09d}",
                "source": source,
                "url": url,
                "published": when,
            }
        )
        row = story_rows.get(s)
        if row is None:
            story_rows[s] = row = {
                "id": story_id,
                "type": kind,
                "title": title,
                "country_code": country,
                "place": place,
                "first_published": when,
                "last_published": when,
                "max_severity": 1,
                "events": 0,
                "sources": 0,
            }
            if drones:
                points.append(
                    {
                        "metric": "drones",
                        "family": family_of(kind),
                        "country_code": country,
                        "story_id": story_id,
                        "value": drones,
                        "event_id": event_id,
                        "source": source,
                        "published": when,
                    }
                )
        row["last_published"] = when
        row["max_severity"] = max(row["max_severity"], batch["events"][-1]["severity"])
        row["events"] += 1
        row["sources"] = min(row["events"], 5)
        if n % 20 == 0:
            alert_id = f"al{n:09d}"
            batch["alerts"].append(
                {
                    "id": alert_id,
                    "rule": "record" if drones else "new_story",
                    "event_id": event_id,
                    "article_id": f"a{n:09d}",
                    "story_id": story_id,
                    "type": kind,
                    "severity": 4,
                    "title": title,
                    "text": f"New: {title}",
                    "urls": [url],
                    "created_at": when + timedelta(seconds=20),
                    "published": when,
                    "place": place,
                    "country_code": country,
                    "update_of": None,
                    "evidence": {},
                }
            )
            for sink in SINKS:
                batch["deliveries"].append(
                    {
                        "alert_id": alert_id,
                        "sink": sink,
                        "status": "delivered",
                        "at": when + timedelta(seconds=21),
                        "detail": None,
                    }
                )
        if len(batch["events"]) >= CHUNK:
            yield from ((name, rows) for name, rows in batch.items() if rows)
            batch = {name: [] for name in batch}
        if len(story_rows) > CHUNK:
            # A story is complete once a later one began; hand the complete ones out in chunks.
            done = [story_rows.pop(k) for k in sorted(story_rows) if k < s]
            yield "stories", done
    yield from ((name, rows) for name, rows in batch.items() if rows)
    yield "stories", list(story_rows.values())
    yield "series_points", points


TABLE = {t.name: t for t in (events, story_sources, stories, alerts, deliveries, series_points)}


def _copy(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL: COPY the rows (several times faster than INSERT); JSON columns as text."""
    names = [c.name for c in table.columns if c.name in rows[0]]
    json_columns = {c.name for c in table.columns if isinstance(c.type, sa.JSON)}
    raw = conn.connection.dbapi_connection
    with raw.cursor() as cur:  # type: ignore[union-attr]
        with cur.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([json.dumps(row[n]) if n in json_columns else row[n] for n in names])


def fill(url: str, total: int, per_story: int, days: float) -> float:
    """Create the store's schema (its migrations) and bulk-load the data; returns seconds taken."""
    started = time.perf_counter()
    engine = engine_for(url)
    migrate(engine)
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as conn:
        for name, rows in generate(total, per_story, days):
            if postgres:
                _copy(conn, TABLE[name], rows)
            else:
                conn.execute(TABLE[name].insert(), rows)
        if postgres:
            conn.exec_driver_sql("ANALYZE")
    if not postgres:
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return time.perf_counter() - started


def requests(total: int, per_story: int, days: float, count: int, seed: int = 5) -> dict[str, list[str]]:
    """The paths each query asks, ``count`` of each (stories vary; the others repeat)."""
    rng = random.Random(seed)
    week_ago = (T_END - timedelta(days=7)).isoformat().replace("+00:00", "Z")
    stories_total = (total + per_story - 1) // per_story
    return {
        "events": [f"/v1/events?country=UA&type=air_drone_strike&since={week_ago}"] * count,
        "story": [f"/v1/stories/s{rng.randrange(stories_total):08d}" for _ in range(count)],
        "series": ["/v1/series?metric=drones&type=air_drone_strike&country=UA"] * count,
        "alerts": ["/v1/alerts"] * count,
    }


async def measure(url: str, paths: dict[str, list[str]], warmup: int) -> dict[str, dict[str, float]]:
    settings = ApiSettings(api_host="127.0.0.1", api_port=0, store_url=url)
    store = Store.connect(url, settings.api_query_timeout_seconds, settings.api_threads)
    runner = web.AppRunner(build(settings, store, CollectorRegistry()), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    out: dict[str, dict[str, float]] = {}
    try:
        async with aiohttp.ClientSession(base) as client:
            for name, todo in paths.items():
                for path in todo[:warmup]:
                    async with client.get(path) as response:
                        await response.read()
                times, sizes = [], []
                for path in todo:
                    begin = time.perf_counter()
                    async with client.get(path) as response:
                        body = await response.read()
                    times.append(time.perf_counter() - begin)
                    if response.status != 200:
                        raise RuntimeError(f"{path}: HTTP {response.status}: {body[:300]!r}")
                    sizes.append(len(body))
                times.sort()
                out[name] = {
                    "p50_ms": 1000 * statistics.median(times),
                    "p99_ms": 1000 * times[min(len(times) - 1, int(0.99 * len(times)))],
                    "max_ms": 1000 * times[-1],
                    "bytes": statistics.mean(sizes),
                }
    finally:
        await runner.cleanup()
        store.close()
    return out


def run(url: str, args: argparse.Namespace) -> None:
    dialect = sa.make_url(url).get_backend_name()
    if args.no_fill:
        print(f"\n{dialect}: the store as it is (filled earlier with --events {args.events:,})")
    else:
        seconds = fill(url, args.events, args.per_story, args.days)
        print(
            f"\n{dialect}: {args.events:,} events loaded in {seconds:.1f}s ({args.events / seconds:,.0f}/s)"
        )
    paths = requests(args.events, args.per_story, args.days, args.requests)
    results = asyncio.run(measure(url, paths, args.warmup))
    header = f"{'query':<8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'bytes':>8}"
    print(f"{header}  ({args.requests} requests each)")
    for name, r in results.items():
        print(f"{name:<8} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} {r['max_ms']:8.1f} {r['bytes']:8.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the store (1,000,000)")
    parser.add_argument("--per-story", type=int, default=8, help="reports per story (default 8)")
    parser.add_argument("--days", type=float, default=365.0, help="the events span this many days (365)")
    parser.add_argument("--requests", type=int, default=300, help="timed requests per query (300)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests per query first (10)")
    parser.add_argument(
        "--url", action="append", help="database URL (repeatable); default SQLite + PostgreSQL"
    )
    parser.add_argument(
        "--engines",
        default="sqlite,postgresql",
        help="without --url: which throwaway databases to run (default sqlite,postgresql)",
    )
    parser.add_argument(
        "--no-fill",
        action="store_true",
        help="measure the store at --url as it is (filled by an earlier run with the same arguments)",
    )
    args = parser.parse_args()
    if args.no_fill and not args.url:
        parser.error("--no-fill needs --url")
    engines = set(args.engines.split(","))
    with contextlib.ExitStack() as stack:
        urls = args.url
        if not urls:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="herald-api-bench-"))
            urls = [f"sqlite:///{os.path.join(tmp, 'store.db')}"] if "sqlite" in engines else []
            try:
                from tests.support.postgres import bindir, postgres_server
            except ImportError:
                bindir = None  # type: ignore[assignment]
            if "postgresql" not in engines:
                pass
            elif bindir is not None and bindir() is not None:
                urls.append(stack.enter_context(postgres_server()))
            else:
                print("no PostgreSQL binaries (scripts/install-tools.sh installs them): SQLite only")
        for url in urls:
            run(url, args)


if __name__ == "__main__":
    main()
