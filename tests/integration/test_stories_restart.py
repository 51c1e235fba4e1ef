"""Stories kept in country buckets survive a SIGKILL: a fresh worker rebuilds them from the changelog.

The story stage's table holds each type's open stories in buckets with a small index (see
``herald.dedup.stories``). A worker restarted on an empty state directory has only what the changelog
gives back; retellings it sees must still join the stories opened before the kill, in their own
country's bucket and, for an event without a location, across buckets.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from tests.support.dedup_worker import GROUP, UniqueReader, Worker, now, produce_events, warm_up
from tests.support.procs import read_topic

from herald.core import topics
from herald.core.records import Actor, Event, Location, stable_id

pytestmark = [pytest.mark.kafka, pytest.mark.slow, pytest.mark.fault]


def strike(
    n: int, when: datetime, place: tuple[str, str, str] | None, actors: tuple[str, ...], **size: float
) -> Event:
    article_id = stable_id("stories-restart", str(n))
    event_id = stable_id("event", article_id, "air_drone_strike")
    return Event(
        id=event_id,
        article_id=article_id,
        story_id=stable_id("story", event_id),
        type="air_drone_strike",
        severity=3,
        magnitude=size,
        location=Location(name=place[0], country_code=place[1], admin1=place[2]) if place else None,
        actors=[Actor(name=a) for a in actors],
        published=when,
        fetched_at=when,
        title=f"Drone strike report {n}",
        url=f"https://stories.example/{n}",
        source=f"Outlet {n}",
    )


def stories_of(bootstrap: str, wanted: dict[str, int], workers: list[Worker]) -> dict[str, list[str]]:
    """Event id -> the story ids news.events gave it, once each wanted event is there as often as asked."""
    deadline = time.monotonic() + 120
    found: dict[str, list[str]] = {}
    while time.monotonic() < deadline:
        for w in workers:
            assert w.proc.poll() is None, f"worker {w.name} exited:\n{w.tail()}"
        found = {}
        for record in read_topic(bootstrap, topics.EVENTS.name):
            value = json.loads(record.value)
            found.setdefault(value["id"], []).append(value["story_id"])
        if all(len(found.get(e, [])) >= n for e, n in wanted.items()):
            return found
        time.sleep(0.5)
    raise AssertionError(f"events missing on news.events: {wanted} got {found}\n" + workers[-1].tail())


def wait_committed(bootstrap: str, workers: list[Worker], timeout_s: float = 120) -> None:
    """Until the stories stage has committed all of news.classified (its table writes went out first)."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        parts = consumer.partitions_for_topic(topics.CLASSIFIED.name) or set()
        tps = [TopicPartition(topics.CLASSIFIED.name, p) for p in sorted(parts)]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            ends = consumer.end_offsets(tps)
            committed = admin.list_group_offsets([GROUP]).get(GROUP, {})
            if all(ends[tp] <= (committed[tp].offset if tp in committed else 0) for tp in tps):
                return
            time.sleep(0.5)
        raise AssertionError("news.classified not committed:\n" + "\n".join(w.tail() for w in workers))
    finally:
        consumer.close()
        admin.close()


def test_retellings_after_sigkill_join_the_stories_from_before(kafka: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    first = Worker(dict(kafka), tmp_path, "first")
    reader = UniqueReader(bootstrap)
    second = None
    try:
        warm_up(bootstrap, reader, [first], "stories-first")
        t0 = now() - timedelta(hours=3)
        kyiv = strike(1, t0, ("Kyiv", "UA", "Kyiv City"), ("Russia",), drones=140)
        belgorod = strike(2, t0, ("Belgorod", "RU", "Belgorod Oblast"), ("Ukraine", "Belgorod governor"))
        aleppo = strike(3, t0, ("Aleppo", "SY", "Aleppo Governorate"), ("Syrian army",))
        before = [kyiv, belgorod, aleppo]
        produce_events(bootstrap, before)
        opened = {e: s[0] for e, s in stories_of(bootstrap, {e.id: 1 for e in before}, [first]).items()}
        assert len({opened[e.id] for e in before}) == 3
        wait_committed(bootstrap, [first])
        first.kill()

        second = Worker(dict(kafka), tmp_path, "second")  # a fresh state dir: a rescheduled worker
        warm_up(bootstrap, reader, [second], "stories-second")
        t1 = t0 + timedelta(hours=2)
        kharkiv = strike(4, t1, ("Kharkiv", "UA", "Kharkiv Oblast"), ("Russia",), drones=142)
        nowhere = strike(5, t1, None, ("Belgorod governor",))
        after = [kharkiv, nowhere, aleppo]  # the last one redelivered
        produce_events(bootstrap, after)
        joined = stories_of(bootstrap, {kharkiv.id: 1, nowhere.id: 1, aleppo.id: 2}, [second])
        assert joined[kharkiv.id] == [opened[kyiv.id]]  # in its country's bucket, rebuilt
        assert joined[nowhere.id] == [opened[belgorod.id]]  # no location: found in another bucket
        assert joined[aleppo.id] == [opened[aleppo.id]] * 2
    finally:
        reader.close()
        first.stop()
        if second is not None:
            second.stop()
