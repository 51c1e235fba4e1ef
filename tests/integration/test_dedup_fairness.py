"""A burst of articles must not hold back the stories stage that shares the dedup worker.

Both stages are agents of one Faust app. Dedup's table writes used to keep Faust's producer buffer
above the mark at which the app stops handing records to all its agents, so during a burst the
stories stage got nothing, and no alert went out, until every article of the burst was deduplicated.
"""

from __future__ import annotations

import random
import time

from tests.support.dedup_worker import (
    UniqueReader,
    Worker,
    articles_at,
    event_of,
    now,
    produce,
    produce_events,
    warm_up,
)

from herald.core.records import Article

BURST = 12000
WORDS = (
    "council harbour budget bridge festival orchard railway museum election ferry school tram "
    "library stadium market clinic canal theatre airport factory vineyard glacier lighthouse "
    "monastery observatory reservoir"
).split()
TAKEN = 'stage="dedup",topic="news.articles"'


def burst_articles(n: int) -> list[Article]:
    rng = random.Random(11)
    specs = []
    for i in range(n):
        words = " ".join(rng.sample(WORDS, 12))
        specs.append(
            (
                f"https://burst.example/{i}",
                f"Outlet {i % 40}",
                f"Item {i}: {words[:40]}",
                f"Report {i} on the {words} ({rng.randrange(10**6)}).",
            )
        )
    return articles_at(now(), specs)


def test_an_event_is_storied_while_a_burst_of_articles_is_still_queued(kafka, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    worker = Worker(dict(kafka), tmp_path, "fair")
    reader = UniqueReader(bootstrap)
    try:
        warm_up(bootstrap, reader, [worker], "fair")
        before = worker.metric("herald_records_in_total", TAKEN)
        produce(bootstrap, burst_articles(BURST))
        # The event comes while the burst is being worked through, as the classifier's would.
        deadline = time.monotonic() + 120
        while worker.metric("herald_records_in_total", TAKEN) - before < 300:
            assert time.monotonic() < deadline, "dedup never started on the burst:\n" + worker.tail()
            time.sleep(0.1)
        [lead] = articles_at(
            now(), [("https://burst.example/lead", "Desk", "Depot fire", "A depot fire in Tartu.")]
        )
        produce_events(bootstrap, [event_of(lead)])

        deadline = time.monotonic() + 180
        storied = 0.0
        while time.monotonic() < deadline and not storied:
            assert worker.proc.poll() is None, worker.tail()
            storied = worker.metric("herald_records_in_total", 'stage="stories",topic="news.classified"')
            time.sleep(0.2)
        taken = worker.metric("herald_records_in_total", TAKEN) - before
        assert storied == 1, "the event never reached the stories stage:\n" + worker.tail()
        # The pause itself: Faust logs each time it holds every agent for the producer buffer.
        paused = worker.log.read_text(errors="replace").count("producer buffer full")
        assert paused == 0, f"Faust paused the worker's agents {paused} times for table writes"
        # Fed between dedup's batches, the event is storied a few hundred to two thousand articles
        # after it arrives; held back, it waited for 3,300-3,800 here and for the whole burst when
        # the machine was busy (the benchmark). Only the gross failure is asserted: this is timing.
        assert taken < BURST / 2, (
            f"the stories stage only got its event after dedup had taken {taken:.0f} of {BURST} articles"
        )
    finally:
        reader.close()
        worker.stop()
