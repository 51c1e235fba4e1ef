"""A dedup worker killed after deciding an article, before news.unique took it: the article still arrives.

The gather stage decides an article when the last of its probes' replies comes in, usually from another
worker through ``herald.dedup.gather``. The decision writes two things: the article to ``news.unique``
(an output, awaited on the broker) and its verdict (table state, to a changelog). If the verdict could
reach its changelog while the output was still unacknowledged, a worker killed in between would leave a
verdict without its article; the reply, redelivered to the next owner, would find the verdict and emit
nothing. That is the loss the two-workers-per-stage cluster scenario saw when a broker and a worker died
together (the output waiting on the dead broker, the changelog on the live ones).

Here the window is held open on one broker: ``news.unique`` is deleted (the broker creates no topic on
its own), so the worker's send waits for the topic to come back while the changelogs take writes. The
article's own gather message and all replies but the last are produced by hand and committed first,
so only the deciding reply is redelivered, as after the cluster failure.
"""

from __future__ import annotations

import time

import pytest
from kafka import KafkaAdminClient, KafkaProducer, TopicPartition
from tests.support.dedup_worker import GROUP, UniqueReader, Worker, articles_at, now, warm_up
from tests.support.procs import read_topic

from herald.core import topics
from herald.core.kafka import ensure_topics
from herald.dedup.claims import ClaimIndex
from herald.dedup.routing import Send
from herald.dedup.scatter import scatter
from herald.dedup.settings import DedupSettings

pytestmark = [pytest.mark.kafka, pytest.mark.slow, pytest.mark.fault]

TEXT = (
    "Ferry operators in Dubrovnik said the harbour crane collapsed onto the quay on Thursday morning, "
    "hurting two dock workers and closing the southern berth while engineers inspect the foundations."
)


def test_an_article_decided_by_a_worker_killed_before_its_output_was_acked_still_arrives(
    kafka: dict[str, str], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    settings = DedupSettings(kafka_bootstrap=bootstrap, partitions=int(kafka["HERALD_PARTITIONS"]))
    config = settings.dedup_config()
    [article] = articles_at(
        now(), [("https://harbour.example/crane", "Adriatic Wire", "Harbour crane collapses", TEXT)]
    )
    to_gather, *probes = scatter(article, config)
    claims = ClaimIndex({}, config)  # a claims partition that has seen none of its keys: plain replies
    replies = [reply for p in probes for reply in claims.handle(p.value)]  # type: ignore[arg-type]
    assert len(replies) >= 2, "the test needs a reply to hold back"
    home = TopicPartition(topics.DEDUP_GATHER.name, to_gather.partition)

    reader = UniqueReader(bootstrap)
    first = Worker(dict(kafka), tmp_path, "first")
    second = None
    try:
        warm_up(bootstrap, reader, [first], "first")
        # The article and every reply but the last: processed and committed, the gather waits.
        end = _produce(bootstrap, [to_gather, *replies[:-1]])
        _wait_committed(bootstrap, home, end, [first])
        assert article.id not in reader.poll()

        _delete_topic(bootstrap, topics.UNIQUE.name)  # the article's send now waits for news.unique
        before = first.metric("herald_records_in_total", f'stage="dedup_gather",topic="{home.topic}"')
        _produce(bootstrap, replies[-1:])
        _wait_metric_above(
            first, "herald_records_in_total", f'stage="dedup_gather",topic="{home.topic}"', before
        )
        # Give a verdict written before its output every chance to reach the changelog (the fault this
        # test is about); a worker that holds it back never writes it, and this just waits.
        _wait_for_verdict(bootstrap, article.id, timeout_s=15.0)
        first.kill()
        ensure_topics(settings, [topics.UNIQUE])
        reader.close()
        reader = UniqueReader(bootstrap)

        second = Worker(dict(kafka), tmp_path, "second")  # takes over the dead worker's partitions
        reader.wait_for({article.id}, 180, [second])
    finally:
        reader.close()
        ensure_topics(settings, [topics.UNIQUE])
        for w in (first, second):
            if w is not None:
                w.stop()


def _produce(bootstrap: str, sends: list[Send]) -> int:
    """Protocol messages onto their partitions, as a worker would send them; returns the next offset."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    try:
        futures = [
            producer.send(
                topics.DEDUP_GATHER.name,
                key=s.key.encode(),
                value=s.value.to_json(),
                partition=s.partition,
            )
            for s in sends
        ]
        producer.flush()
        return max(f.get(timeout=30).offset for f in futures) + 1
    finally:
        producer.close()


def _wait_committed(bootstrap: str, tp: TopicPartition, offset: int, workers: list[Worker]) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline:
            for w in workers:
                assert w.proc.poll() is None, f"worker {w.name} exited:\n{w.tail()}"
            committed = admin.list_group_offsets([GROUP]).get(GROUP, {})
            if tp in committed and committed[tp].offset >= offset:
                return
            time.sleep(0.5)
    finally:
        admin.close()
    raise AssertionError(f"{tp} not committed up to {offset}:\n" + "\n".join(w.tail() for w in workers))


def _wait_metric_above(worker: Worker, name: str, labels: str, value: float) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if worker.metric(name, labels) > value:
            return
        time.sleep(0.2)
    raise AssertionError(f"{name}{{{labels}}} never rose above {value}:\n{worker.tail()}")


def _wait_for_verdict(bootstrap: str, article_id: str, timeout_s: float) -> bool:
    """True once the article's verdict is on the verdicts changelog; False when the time is up."""
    needle = bytes.fromhex(article_id)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        records = read_topic(bootstrap, topics.DEDUP_VERDICTS.name, timeout_s=5.0)
        if any(r.value and needle in r.value for r in records):
            return True
        time.sleep(0.5)
    return False


def _delete_topic(bootstrap: str, topic: str) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        admin.delete_topics([topic])
        deadline = time.monotonic() + 60
        while topic in admin.list_topics() and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        admin.close()
