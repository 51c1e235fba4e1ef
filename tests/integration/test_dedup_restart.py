"""A dedup worker killed with SIGKILL and restarted on a fresh machine still recognises old copies.

The restarted worker has an empty state directory: whatever it remembers comes from the tables'
changelog topics on the broker. Copies of articles the dead worker saw must be dropped; a fresh
control article must pass (so we know the new worker is really processing).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.support.dedup_articles import report
from tests.support.dedup_worker import (
    UniqueReader,
    Worker,
    articles_at,
    copy_of,
    now,
    produce,
    spec_list,
    wait_drained,
    warm_up,
)

pytestmark = [pytest.mark.kafka, pytest.mark.slow, pytest.mark.fault]

PLACES = [
    ("Lyon", 5, "Monday"),
    ("Kaunas", 8, "Tuesday"),
    ("Bergen", 2, "Monday"),
    ("Plovdiv", 13, "Sunday"),
    ("Aarhus", 6, "Tuesday"),
    ("Rijeka", 10, "Monday"),
]
OUTLETS = [
    "Kyiv Ledger",
    "Baltic Herald",
    "Global Desk",
    "Morning Courier",
    "Pacific Times",
    "Levant Monitor",
]


def test_old_copies_recognised_after_sigkill_and_restart(kafka: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    # The dead member leaves the group after the session timeout (HERALD_SESSION_TIMEOUT_SECONDS, 10 s).
    env = dict(kafka)
    first = Worker(env, tmp_path, "first")
    reader = UniqueReader(bootstrap)
    second = None
    try:
        warm = warm_up(bootstrap, reader, [first], "first")
        t0 = now() - timedelta(days=1)  # "yesterday's" articles
        texts = [(f"Fire at {p} chemical depot injures {n}", report(p, n, d)) for p, n, d in PLACES]
        originals = articles_at(t0, spec_list("orig", texts, ["Associated Wire"] * len(texts)))
        produce(bootstrap, originals)
        reader.wait_for({a.id for a in originals}, 300, [first])
        wait_drained(bootstrap, 300, [first])  # processed and committed, so the changelogs are flushed
        first.kill()

        second = Worker(env, tmp_path, "second")  # a fresh state dir: a rescheduled worker
        warm += warm_up(bootstrap, reader, [second], "second")
        t1 = now()
        near = articles_at(
            t1,
            spec_list(
                "copy",
                [(f"UPDATE 1-{title}", copy_of(text, k)) for k, (title, text) in enumerate(texts)],
                OUTLETS,
            ),
        )
        refetched = [a.model_copy(update={"fetched_at": t1 + timedelta(minutes=1)}) for a in originals[:2]]
        control = articles_at(
            t1 + timedelta(minutes=2),
            spec_list(
                "control",
                [("Fire at Tampere chemical depot injures 4", report("Tampere", 4, "Thursday"))],
                ["Northern Star"],
            ),
        )
        produce(bootstrap, near + refetched + control)
        reader.wait_for({control[0].id}, 300, [second])
        wait_drained(bootstrap, 300, [second])
        reader.poll()

        seen = reader.ids
        assert not set(seen) & {a.id for a in near}, "a copy of a pre-restart article reached news.unique"
        assert seen.count(originals[0].id) == 1 and seen.count(originals[1].id) == 1, (
            "a re-fetched URL passed"
        )
        assert second.metric("herald_duplicates_total", 'kind="near"') == len(near)
        assert second.metric("herald_duplicates_total", 'kind="exact"') == len(refetched)
        # Alone, a worker owns every partition: the state it restored was written by the local
        # shortcut, and nothing it decided went through the internal topics.
        assert second.metric("herald_dedup_protocol_messages_total", 'path="local"') > 0
        assert second.metric("herald_dedup_protocol_messages_total", 'path="kafka"') == 0
    finally:
        reader.close()
        first.stop()
        if second is not None:
            second.stop()
