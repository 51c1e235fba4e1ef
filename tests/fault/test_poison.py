"""Poison on every topic: each kind lands in the dead-letter topic with its reason, and every stage
goes on with the next record."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from kafka import KafkaProducer

from herald.core import topics
from herald.core.records import Alert, Article, stable_id, utcnow
from herald.core.webhooks import decode_secret
from herald_dev.local.receiver import Receiver
from tests.support.fault_harness import CONSUMERS, Outcome, committed, end_offset, record
from tests.support.procs import Pipeline, json_values, read_topic, wait_for

pytestmark = [pytest.mark.kafka, pytest.mark.fault]

SECRET = "whsec_" + "cG9pc29uLXN1aXRlLXNlY3JldC0wMDAwMDAx"
DATA_TOPICS = CONSUMERS  # topic -> the consumer group that must get past the poison
POISON = {
    "invalid_json": b'{"id": "unterminated',
    "schema_violation": json.dumps({"schema_version": 1, "id": "nope", "title": 42}).encode(),
    "too_large": b'{"pad": "' + b"x" * (5 * 1024 * 1024) + b'"}',
    "invalid_utf8": b'{"title": "\xff\xfe\xfa"}',
}


@pytest.fixture(scope="module")
def pipeline(
    kafka: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Pipeline, Receiver]]:
    receiver = Receiver(decode_secret(SECRET)).start()
    env = dict(kafka, HERALD_WEBHOOK_URL=receiver.url, HERALD_WEBHOOK_SECRET=SECRET)
    pipe = Pipeline(env, tmp_path_factory.mktemp("poison") / "logs").start_all()
    try:
        yield pipe, receiver
    except BaseException:
        print(pipe.report())
        raise
    finally:
        pipe.stop_all()
        receiver.stop()


def _good_article(run: str) -> Article:
    url = f"https://poison.herald.invalid/{run}/after"
    now = utcnow()
    return Article(
        id=stable_id("url", url),
        url=url,
        source="poison",
        title="A valid article after the poison",
        summary="Nothing happened.",
        published=now,
        fetched_at=now,
    )


def _good_alert(run: str) -> Alert:
    now = utcnow()
    ids = [stable_id(run, x) for x in ("alert", "event", "article", "story")]
    return Alert(
        id=ids[0],
        rule="new_type",
        event_id=ids[1],
        article_id=ids[2],
        story_id=ids[3],
        type="riot",
        severity=4,
        title="A valid alert after the poison",
        text="test",
        urls=["https://x.invalid/a"],
        created_at=now,
        published=now,
        fetched_at=now,
    )


def test_poison_on_every_topic_is_parked_with_its_reason(
    pipeline: tuple[Pipeline, Receiver], kafka: dict[str, str]
) -> None:
    pipe, receiver = pipeline
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    run = str(int(time.time()))
    producer = KafkaProducer(bootstrap_servers=[bootstrap], max_request_size=8 * 1024 * 1024, acks="all")
    started = time.time()
    for topic in DATA_TOPICS:
        for payload in POISON.values():
            producer.send(topic, key=b"poison", value=payload)
    producer.send(topics.ARTICLES.name, key=b"good", value=_good_article(run).to_json())
    producer.send(topics.ALERTS.name, key=b"good", value=_good_alert(run).to_json())
    producer.flush()
    producer.close()

    expected = len(DATA_TOPICS) * len(POISON)

    def letters() -> list[dict]:  # type: ignore[type-arg]
        return [v for v in json_values(read_topic(bootstrap, topics.DEADLETTER.name)) if v["key"] == "poison"]

    wait_for(lambda: len(letters()) >= expected, timeout=120, what=f"{expected} dead letters")
    got = letters()
    by_topic: dict[str, set[str]] = {}
    for letter in got:
        by_topic.setdefault(letter["topic"], set()).add(letter["reason"])
        assert letter["payload_bytes"] > 0 and letter["offset"] is not None
    assert by_topic == {t: set(POISON) for t in DATA_TOPICS}
    assert len(got) == expected, "each poison record is parked exactly once"

    # The stages went on: the valid article went through dedup, the valid alert was delivered, and
    # every consumer group committed past the poison to the end of its topic.
    good = _good_article(run)
    wait_for(
        lambda: any(r.key == good.id.encode() for r in read_topic(bootstrap, topics.UNIQUE.name)),
        timeout=60,
        what="the valid article on news.unique",
    )
    wait_for(
        lambda: _good_alert(run).id in receiver.unique_ids(), timeout=60, what="the valid alert delivered"
    )
    for topic, group in DATA_TOPICS.items():
        wait_for(
            lambda t=topic, g=group: committed(bootstrap, g, t) >= end_offset(bootstrap, t),
            timeout=60,
            what=f"{group} committed to the end of {topic}",
        )
    for name, svc in pipe.services.items():
        assert svc.proc is not None and svc.proc.poll() is None, f"{name} died on poison"
    record(
        Outcome(
            "poison x4 on 6 topics",
            2,
            1,
            len(receiver.unique_ids()),
            0,
            0,
            0,
            time.time() - started,
            note=f"{len(got)} dead letters",
        )
    )
