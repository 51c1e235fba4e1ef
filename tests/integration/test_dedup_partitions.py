"""Two dedup workers over six partitions: copies that arrive on different partitions are still caught.

The originals are produced first and must all reach news.unique; then copies (new URLs, so other
article ids and, for most, other partitions of news.articles) with a byline and a trailing line, and
exact copies under new URLs, must all be dropped, while look-alike reports of different events with
other figures must pass. Nothing here is mocked: real broker, real worker processes.
"""

from __future__ import annotations

import pytest
from tests.support.dedup_articles import report
from tests.support.dedup_protocol import PLACES as PROTOCOL_PLACES
from tests.support.dedup_worker import (
    UniqueReader,
    Worker,
    articles_at,
    copy_of,
    event_of,
    now,
    produce,
    produce_events,
    spec_list,
    wait_drained,
    wait_metric,
    warm_up,
)

pytestmark = [pytest.mark.kafka, pytest.mark.slow]

PLACES = [*PROTOCOL_PLACES, ("Turku", 11, "Tuesday"), ("Split", 6, "Monday")]
WIRE = ["Associated Wire"] * len(PLACES)
OUTLETS = [
    "Kyiv Ledger",
    "Baltic Herald",
    "Global Desk",
    "Morning Courier",
    "Pacific Times",
    "Levant Monitor",
    "Andes Daily",
    "Northern Star",
]


def test_copies_on_different_partitions_are_caught(kafka: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    env = dict(kafka)
    reader = UniqueReader(bootstrap)
    workers = [Worker(env, tmp_path, "w1"), Worker(env, tmp_path, "w2")]
    try:
        warm = warm_up(bootstrap, reader, workers, "both")
        t0 = now()
        texts = [(f"Fire at {p} chemical depot injures {n}", report(p, n, d)) for p, n, d in PLACES]
        originals = articles_at(t0, spec_list("orig", texts, WIRE))
        original_parts = produce(bootstrap, originals)
        reader.wait_for({a.id for a in originals}, 300, workers)

        near = articles_at(
            t0.replace(second=0) + _minutes(5),
            spec_list(
                "copy",
                [(f"{title} - officials", copy_of(text, k)) for k, (title, text) in enumerate(texts)],
                OUTLETS,
            ),
        )
        exact = articles_at(t0 + _minutes(9), spec_list("same", texts[:4], OUTLETS[4:]))
        # The same template with other figures and another day: different events, not copies.
        lookalikes = articles_at(
            t0 + _minutes(12),
            spec_list(
                "other",
                [
                    (f"Fire at {p} chemical depot injures {n + 5}", report(p, n + 5, "Friday"))
                    for p, n, _ in PLACES[:3]
                ],
                OUTLETS[:3],
            ),
        )
        copy_parts = produce(bootstrap, near + exact + lookalikes)
        reader.wait_for({a.id for a in lookalikes}, 300, workers)
        wait_drained(bootstrap, 300, workers)
        reader.poll()

        seen = set(reader.ids)
        assert not seen & {a.id for a in near + exact}, "a copy reached news.unique"
        assert (
            {a.id for a in originals + lookalikes}
            <= seen
            <= {a.id for a in originals + lookalikes} | set(warm)
        )
        crossing = [
            c for o, c in zip(originals, near, strict=True) if original_parts[o.id] != copy_parts[c.id]
        ]
        assert len(crossing) >= 3, "the test needs copies on other partitions than their originals"
        assert sum(w.metric("herald_duplicates_total", 'kind="near"') for w in workers) == len(near)
        assert sum(w.metric("herald_duplicates_total", 'kind="exact"') for w in workers) == len(exact)
        # Each worker answers its own partitions' messages in process and sends the others' on.
        for path in ("local", "kafka"):
            sent = sum(w.metric("herald_dedup_protocol_messages_total", f'path="{path}"') for w in workers)
            assert sent > 0, f"no protocol message went {path}"

        # The stories stage: the originals' events get stories, and the copies dropped above are
        # counted on them (a membership notice to the gather partition, a copy notice back).
        events = [event_of(a) for a in originals[:2]]
        produce_events(bootstrap, events)
        copies_of_first_two = 2 * 2  # a near and an exact copy each
        counted = wait_metric(
            workers, "herald_dedup_story_copies_total", 'outcome="counted"', copies_of_first_two, 300
        )
        assert counted == copies_of_first_two
    finally:
        reader.close()
        for w in workers:
            w.stop()


def _minutes(n: int):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    return timedelta(minutes=n)
