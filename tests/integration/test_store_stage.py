"""The store stage as a process on the real broker and a real PostgreSQL: killed mid-stream, restarted,
it ends with every record stored exactly once and each story counted right.

A record PostgreSQL refuses (a NUL character in a title) and a record that is not JSON are
dead-lettered with their reasons while the rest go on.
"""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.support.procs import Pipeline, Service, read_topic, wait_for
from tests.support.store import alert, article, empty_database, event, outcome

from herald.core import topics
from herald.core.families import family_of
from herald.core.kafka import producer
from herald.core.records import Record, stable_id
from herald.core.settings import CoreSettings
from herald.store.tables import alerts, articles, deliveries, events, stories

pytestmark = [pytest.mark.kafka, pytest.mark.slow, pytest.mark.fault]

STORIES = 40
REPORTS = 1200  # reports spread over the stories
TRICKLE = 25  # the rest arrive this many at a time, so the kill lands while they are still coming


def reports(first: int, last: int) -> list[Record]:
    return [event(n, f"story-{n % STORIES}", f"outlet-{n % 7}", minutes=n) for n in range(first, last)]


def send(env: dict[str, str], records: list[tuple[str, str, bytes]]) -> None:
    prod = producer(CoreSettings(kafka_bootstrap=env["HERALD_KAFKA_BOOTSTRAP"]), "test-store")
    futures = [prod.send(topic, key=key.encode(), value=value) for topic, key, value in records]
    prod.flush()
    for future in futures:
        future.get(timeout=30)
    prod.close()


def send_slowly(env: dict[str, str], records: list[tuple[str, str, bytes]]) -> None:
    for start in range(0, len(records), TRICKLE):
        send(env, records[start : start + TRICKLE])
        time.sleep(0.1)


def on_topics(records: list[Record]) -> list[tuple[str, str, bytes]]:
    out = []
    for r in records:
        kind = type(r).__name__
        if kind == "Event":
            out.append((topics.EVENTS.name, family_of(r.type), r.to_json()))  # type: ignore[attr-defined]
        elif kind == "Alert":
            out.append((topics.ALERTS.name, r.id, r.to_json()))  # type: ignore[attr-defined]
        elif kind == "DeliveryOutcome":
            out.append((topics.DELIVERIES.name, r.alert_id, r.to_json()))  # type: ignore[attr-defined]
        else:
            out.append((topics.ENRICHED.name, r.id, r.to_json()))  # type: ignore[attr-defined]
    return out


def count(engine: sa.Engine, table: sa.Table) -> int:
    if not sa.inspect(engine).has_table(table.name):  # the store has not migrated yet
        return 0
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


@pytest.fixture
def stage(kafka: dict[str, str], postgres_url: str, tmp_path: Path) -> Iterator[tuple[Pipeline, sa.Engine]]:
    engine = sa.create_engine(postgres_url)
    empty_database(engine)
    pipeline = Pipeline(kafka, tmp_path / "logs")
    pipeline.add(
        "store",
        "store",
        extra_env={
            "HERALD_STORE_URL": postgres_url,
            "HERALD_STORE_BATCH_SIZE": "100",
            "HERALD_STORE_BATCH_WAIT_SECONDS": "0.2",
            "HERALD_SESSION_TIMEOUT_SECONDS": "6",
        },
    )
    try:
        yield pipeline, engine
    except BaseException:
        print(pipeline.report())
        raise
    finally:
        pipeline.stop_all()
        empty_database(engine)
        engine.dispose()


def test_killed_and_restarted_the_store_keeps_every_record_once(stage: tuple[Pipeline, sa.Engine]) -> None:
    pipeline, engine = stage
    store: Service = pipeline.services["store"].start()
    env = pipeline.env
    first = reports(0, 200)
    al = alert(1, first[0])  # type: ignore[arg-type]
    broken = event(99_999, "broken", "broken-feed", title="drones\x00")
    send(env, on_topics([article(1), article(2), *first, al, outcome(al, "webhook", "delivered", 1)]))
    send(
        env, [(topics.EVENTS.name, "strike", broken.to_json()), (topics.EVENTS.name, "strike", b"{not json")]
    )
    wait_for(lambda: count(engine, events) == 200, 90, what="the first reports in the database")

    rest = reports(200, REPORTS)
    trickle = threading.Thread(target=send_slowly, args=(env, on_topics(rest)), daemon=True)
    trickle.start()
    wait_for(lambda: count(engine, events) > 300, 60, what="the store to be writing the rest")
    store.kill(signal.SIGKILL)
    written_at_kill = count(engine, events)
    trickle.join(60)
    store.start()
    wait_for(lambda: count(engine, events) == REPORTS, 120, what="every report after the restart")

    assert written_at_kill < REPORTS, "the kill came after everything was written: nothing was tested"
    assert (count(engine, articles), count(engine, alerts), count(engine, deliveries)) == (2, 1, 1)
    with engine.connect() as conn:
        counted = {r.id: (r.events, r.sources) for r in conn.execute(sa.select(stories))}
        ids = {r.id for r in conn.execute(sa.select(events.c.id))}
    assert ids == {e.id for e in first + rest}  # type: ignore[attr-defined]
    for k in range(STORIES):
        own = [n for n in range(REPORTS) if n % STORIES == k]
        assert counted[stable_id("story", f"story-{k}")] == (len(own), len({n % 7 for n in own}))

    letters = [json.loads(r.value) for r in read_topic(env["HERALD_KAFKA_BOOTSTRAP"], topics.DEADLETTER.name)]
    mine = [d for d in letters if d["stage"] == "store_events"]
    refused = [d for d in mine if d["key"] == "strike" and "NUL" in d["error"]]
    assert refused and refused[0]["reason"] == "processing_error"
    assert json.loads(refused[0]["payload"])["id"] == broken.id
    assert any(d["reason"] == "invalid_json" for d in mine)
