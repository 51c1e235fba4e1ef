"""Story matcher benchmark: CPU per event against a growing number of open stories of one type.

The stories stage (``herald.dedup.stories.StoryTracker``) sees every event of a type on one
partition, so its cost per event as a function of the type's open stories is what bounds the stage.
This script fills a tracker with N open stories of one type (``--open``, each its own story: its own
town, region and actor), spread over ``--countries`` countries, then times a fixed stream of events
against that state: retellings of random open stories (with their place, or with no location at
all, which may join a story of any country) and reports of new events. Nothing closes while it runs:
every story was opened within the last eight hours. A second run (``--week-per-day``) is the steady
state: nine days of a stream of one type in which stories open, close and are forgotten (retention is
seven days), with the last day timed.

The store is a dict that JSON-encodes every value written, as the Faust table does for its changelog,
so the figures include the cost of the writes, and it counts reads and written bytes. Kafka and Faust
themselves are not included: this is the cost of the matcher. CPU per event is also given apart for
events with a location and for those without (which may join a story of any country).

The event stream and state depend only on the arguments, never on the version under test, and the
script prints a digest of the story every event joined, so two versions can be compared for both
speed and outcome (same digest: every event joined the same story):

    PYTHONPATH=/work/main/services python bench/stories_bench.py     # another checkout's matcher
    PYTHONPATH=services python bench/stories_bench.py                # this checkout's
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from herald.core.records import Actor, Event, Location, stable_id
from herald.dedup.stories import StoryTracker

T0 = datetime(2026, 6, 1, tzinfo=UTC)
ETYPE = "air_drone_strike"
FILL = timedelta(hours=8)  # the open stories' first reports span this, so all stay open and in reach
COUNTRIES = (
    "UA RU SY IQ IL LB YE SD ML NE BF NG SO ET CD CF LY AF PK IN MM PH CO MX HT VE TR IR AZ AM".split()
)


class ChangelogStore(dict[str, Any]):
    """A dict that pays for writes what a Faust table pays: a JSON encoding of the value."""

    reads = 0
    written = 0

    def get(self, key: str, default: Any = None) -> Any:
        self.reads += 1
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self.reads += 1
        return super().__getitem__(key)

    def __setitem__(self, key: str, value: Any) -> None:
        self.written += len(key) + len(json.dumps(value, separators=(",", ":")))
        super().__setitem__(key, value)


def make_event(n: int, when: datetime, place: tuple[str, str, str] | None, actor: str) -> Event:
    article_id = stable_id("bench-article", str(n))
    event_id = stable_id("event", article_id, ETYPE)
    return Event(
        id=event_id,
        article_id=article_id,
        story_id=stable_id("story", event_id),
        type=ETYPE,
        severity=3,
        magnitude={},
        location=Location(name=place[0], country_code=place[1], admin1=place[2]) if place else None,
        actors=[Actor(name=actor)],
        published=when,
        fetched_at=when,
        title=f"Drone strike report {n}",
        url=f"https://bench.example/{n}",
        source=f"Wire {n % 40}",
    )


def place_of(i: int, countries: int) -> tuple[str, str, str]:
    # Own town and region per story, so two fills never match (same country: +1 -1, no shared actor).
    return (f"Town {i}", COUNTRIES[i % countries], f"Region {i}")


def fill_events(n_open: int, countries: int) -> list[Event]:
    step = FILL / max(n_open, 1)
    return [make_event(i, T0 + i * step, place_of(i, countries), f"Unit {i}") for i in range(n_open)]


def measured_events(n_open: int, countries: int, count: int, seed: int) -> list[Event]:
    """70 % retellings with their place, 10 % without a location, 20 % new events; 5 s apart."""
    rng = random.Random(seed)
    events, fresh = [], n_open
    for k in range(count):
        when = T0 + FILL + timedelta(seconds=5 * k)
        roll, n = rng.random(), 1_000_000 + k
        if roll < 0.2:
            events.append(make_event(n, when, place_of(fresh, countries), f"Unit {fresh}"))
            fresh += 1
            continue
        j = rng.randrange(n_open)
        events.append(make_event(n, when, place_of(j, countries) if roll < 0.9 else None, f"Unit {j}"))
    return events


def run(n_open: int, countries: int, count: int, seed: int) -> dict[str, Any]:
    store = ChangelogStore()
    tracker = StoryTracker(store)
    for e in fill_events(n_open, countries):
        tracker.assign(e)
    opened = tracker.open_stories(ETYPE)
    events = measured_events(n_open, countries, count, seed)
    store.reads = store.written = 0
    digest = hashlib.sha256()
    spent = {True: 0.0, False: 0.0}  # CPU seconds for events with a location, and without
    for e in events:
        cpu = time.process_time()
        story_id = tracker.assign(e).story_id
        spent[e.location is not None] += time.process_time() - cpu
        digest.update(story_id.encode())
    placed = sum(e.location is not None for e in events)
    return {
        "open": opened,
        "countries": countries,
        "cpu_us": (spent[True] + spent[False]) / count * 1e6,
        "placed_us": spent[True] / max(placed, 1) * 1e6,
        "unplaced_us": spent[False] / max(count - placed, 1) * 1e6,
        "reads": store.reads / count,
        "written": store.written / count,
        "digest": digest.hexdigest()[:12],
    }


def week_events(per_day: int, days: int, countries: int, seed: int) -> list[Event]:
    """A steady stream: 40 % new events, 50 % retellings of one from the last 12 h, 10 % of them
    without a location; stories open and close all along, and after 7 days the first are forgotten.
    """
    rng = random.Random(seed)
    gap = timedelta(days=1) / per_day
    events: list[Event] = []
    opened: list[tuple[int, datetime]] = []  # (story number, when) of every new event so far
    for k in range(per_day * days):
        when = T0 + k * gap
        roll, n = rng.random(), 2_000_000 + k
        recent = [j for j, at in opened[-per_day:] if when - at < timedelta(hours=12)]
        if roll < 0.4 or not recent:
            opened.append((k, when))
            events.append(make_event(n, when, place_of(k, countries), f"Unit {k}"))
            continue
        j = rng.choice(recent)
        events.append(make_event(n, when, place_of(j, countries) if roll < 0.9 else None, f"Unit {j}"))
    return events


def run_week(per_day: int, days: int, countries: int, seed: int) -> dict[str, Any]:
    store = ChangelogStore()
    tracker = StoryTracker(store)
    events = week_events(per_day, days, countries, seed)
    digest = hashlib.sha256()
    for e in events[:-per_day]:
        digest.update(tracker.assign(e).story_id.encode())
    store.reads = store.written = 0
    cpu = time.process_time()
    for e in events[-per_day:]:
        digest.update(tracker.assign(e).story_id.encode())
    spent = time.process_time() - cpu
    return {
        "open": tracker.open_stories(ETYPE),
        "held": sum(1 for k in store if k.startswith("story:")),
        "cpu_us": spent / per_day * 1e6,
        "reads": store.reads / per_day,
        "written": store.written / per_day,
        "digest": digest.hexdigest()[:12],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--open", type=int, nargs="*", default=[100, 1_000, 5_000])
    parser.add_argument("--countries", type=int, nargs="+", default=[30, 1])
    parser.add_argument("--measure", type=int, default=1_000, help="events timed per configuration")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--week-per-day", type=int, default=1_000, help="events a day in the 9-day steady run (0: skip it)"
    )
    args = parser.parse_args()
    print(f"matcher: {StoryTracker.__module__} from {os.path.dirname(__import__('herald').__file__)}")
    header = f"{'open':>6} {'countries':>9} {'CPU µs/event':>13} {'(placed':>8} {'no place)':>10}"
    print(f"{header} {'reads/event':>12} {'written B/event':>16}  digest")
    for countries in args.countries:
        for n_open in args.open:
            r = run(n_open, min(countries, len(COUNTRIES)), args.measure, args.seed)
            print(
                f"{r['open']:>6} {r['countries']:>9} {r['cpu_us']:>13,.0f} {r['placed_us']:>8,.0f} "
                f"{r['unplaced_us']:>10,.0f} {r['reads']:>12,.1f} "
                f"{r['written']:>16,.0f}  {r['digest']}",
                flush=True,
            )
    if args.week_per_day:
        r = run_week(args.week_per_day, 9, 30, args.seed)
        print(
            f"steady run, {args.week_per_day:,} events a day for 9 days over 30 countries, last day timed: "
            f"{r['cpu_us']:,.0f} CPU µs/event, {r['reads']:,.1f} reads/event, {r['written']:,.0f} B "
            f"written/event; {r['open']:,} open stories and {r['held']:,} story records held at the end; "
            f"digest {r['digest']}"
        )
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
