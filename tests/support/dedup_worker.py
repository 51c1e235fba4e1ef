"""Helpers for the dedup integration tests: worker processes, producing articles, reading news.unique."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition

from herald.core import topics
from herald.core.records import Article, Event, stable_id
from herald_dev.local.ports import free_port
from tests.support.environment import herald_env
from tests.support.procs import Service

GROUP = "herald-dedup"
INPUTS = (topics.ARTICLES, topics.DEDUP_PROBES, topics.DEDUP_GATHER)


class Worker(Service):
    """One ``herald worker dedup`` child process, started, with its own state dir, metrics port and log."""

    def __init__(self, kafka_env: dict[str, str], state: Path, name: str) -> None:
        self.state = state / name
        self.state.mkdir(parents=True, exist_ok=True)
        port = free_port()
        env = herald_env({**kafka_env, "HERALD_STATE_DIR": str(self.state), "HERALD_METRICS_PORT": str(port)})
        argv = [sys.executable, "-m", "herald.cli", "worker", "dedup"]
        super().__init__(name, argv, env, self.state / "worker.log", port)
        self.start()

    def metric(self, name: str, labels: str = "") -> float:
        """The sum of a metric's samples with exactly these labels (``kind="near"``)."""
        import httpx

        body = httpx.get(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=5).text
        wanted = f"{name}{{{labels}}}" if labels else name
        total = 0.0
        for line in body.splitlines():
            if line.startswith(wanted + " "):
                total += float(line.split()[-1])
        return total


def wait_for_members(bootstrap: str, count: int, workers: list[Worker], timeout_s: float = 120) -> None:
    """Block until the dedup group is stable with ``count`` members (joined, partitions assigned)."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            for w in workers:
                assert w.proc.poll() is None, f"worker {w.name} exited:\n{w.tail()}"
            try:
                group = admin.describe_groups([GROUP]).get(GROUP) or {}
            except Exception:
                group = {}
            state = str(group.get("group_state") or group.get("state") or "")
            if len(group.get("members") or []) == count and state.lower() == "stable":
                return
            time.sleep(0.5)
    finally:
        admin.close()
    raise AssertionError(
        f"group {GROUP} not stable with {count} members:\n" + "\n".join(w.tail() for w in workers)
    )


def articles_at(
    when: datetime, specs: Iterable[tuple[str, str, str, str]], minutes: int = 0
) -> list[Article]:
    """Articles from (url, source, title, body), fetched ``minutes`` apart from ``when``."""
    out = []
    for i, (url, source, title, body) in enumerate(specs):
        fetched = when + timedelta(minutes=minutes * i, seconds=i)
        out.append(
            Article(
                id=stable_id("url", url),
                url=url,
                source=source,
                title=title,
                summary=body,
                published=fetched - timedelta(minutes=3),
                fetched_at=fetched,
            )
        )
    return out


def produce(bootstrap: str, articles: list[Article]) -> dict[str, int]:
    """Send to news.articles keyed by article id, like the poller; returns each article's partition.

    Batched, so that thousands of articles reach the broker within a second or so, as a burst does.
    """
    producer = KafkaProducer(
        bootstrap_servers=bootstrap, acks="all", linger_ms=50, batch_size=1 << 20, max_request_size=8 << 20
    )
    try:
        futures = {
            a.id: producer.send(topics.ARTICLES.name, key=a.id.encode(), value=a.to_json()) for a in articles
        }
        producer.flush()
        return {aid: f.get(timeout=30).partition for aid, f in futures.items()}
    finally:
        producer.close()


class UniqueReader:
    """Reads news.unique from the beginning (no group), remembering every article id seen."""

    def __init__(self, bootstrap: str) -> None:
        self.consumer = KafkaConsumer(
            bootstrap_servers=bootstrap,
            enable_auto_commit=False,
            group_id=None,
            auto_offset_reset="earliest",
            consumer_timeout_ms=500,
        )
        parts = self.consumer.partitions_for_topic(topics.UNIQUE.name) or set()
        self.consumer.assign([TopicPartition(topics.UNIQUE.name, p) for p in parts])
        self.consumer.seek_to_beginning()
        self.ids: list[str] = []

    def poll(self) -> list[str]:
        for batch in self.consumer.poll(timeout_ms=500).values():
            for record in batch:
                self.ids.append(json.loads(record.value)["id"])
        return self.ids

    def wait_for(self, wanted: set[str], timeout_s: float, workers: list[Worker]) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and not wanted <= set(self.poll()):
            for w in workers:
                assert w.proc.poll() is None, f"worker {w.name} exited:\n{w.tail()}"
        missing = wanted - set(self.ids)
        assert not missing, f"{len(missing)} articles never reached news.unique:\n" + "\n".join(
            w.tail() for w in workers
        )

    def close(self) -> None:
        self.consumer.close()


def wait_drained(bootstrap: str, timeout_s: float, workers: list[Worker]) -> None:
    """Block until the dedup group has committed every record of its inputs (nothing left in flight)."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    deadline = time.monotonic() + timeout_s
    try:
        tps = [
            TopicPartition(t.name, p)
            for t in INPUTS
            for p in sorted(consumer.partitions_for_topic(t.name) or [])
        ]
        while time.monotonic() < deadline:
            for w in workers:
                assert w.proc.poll() is None, f"worker {w.name} exited:\n{w.tail()}"
            ends = consumer.end_offsets(tps)
            committed = admin.list_group_offsets([GROUP]).get(GROUP, {})
            lag = {tp: ends[tp] - (committed[tp].offset if tp in committed else 0) for tp in tps}
            if all(v <= 0 for v in lag.values()):
                return
            time.sleep(0.5)
        raise AssertionError(
            f"dedup group still has unprocessed records: { {str(k): v for k, v in lag.items() if v} }"
        )
    finally:
        consumer.close()
        admin.close()


def warm_up(bootstrap: str, reader: UniqueReader, workers: list[Worker], tag: str) -> list[str]:
    """Wait until the group is stable and an article of its own has gone through; returns the ids sent.

    A worker group settles through more than one rebalance, and Faust can drop a message fetched
    just before one (the reliability notes list its at-least-once gaps): if a warm-up article does
    not come through, another one is sent, until one does.
    """
    wait_for_members(bootstrap, len(workers), workers)
    sent: list[str] = []
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        n = len(sent)
        text = (
            f"Warm-up item {tag}-{n}: a check that the dedup workers are up, with words chosen for it "
            f"alone ({tag}{n}, {tag[::-1]}{n * 7}, {len(tag) + 100 * n})."
        )
        [art] = articles_at(
            now(), [(f"https://warm.example/{tag}/{n}", "Warm-up", f"Warm-up {tag} {n}", text)]
        )
        produce(bootstrap, [art])
        sent.append(art.id)
        try:
            reader.wait_for({art.id}, 45, workers)
            return sent
        except AssertionError:
            continue
    raise AssertionError("no warm-up article came through:\n" + "\n".join(w.tail() for w in workers))


def produce_events(bootstrap: str, events: list[Event]) -> None:
    """Send to news.classified keyed by event type, like the classifier."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    try:
        for e in events:
            producer.send(topics.CLASSIFIED.name, key=e.type.encode(), value=e.to_json())
        producer.flush()
    finally:
        producer.close()


def event_of(article: Article, etype: str = "fire") -> Event:
    event_id = stable_id("event", article.id, etype)
    return Event(
        id=event_id,
        article_id=article.id,
        story_id=stable_id("story", event_id),
        type=etype,
        severity=3,
        magnitude={},
        location=None,
        actors=[],
        published=article.published,
        fetched_at=article.fetched_at,
        title=article.title,
        url=article.url,
        source=article.source,
    )


def wait_metric(workers: list[Worker], name: str, labels: str, expected: float, timeout_s: float) -> float:
    """Poll the workers' summed metric until it reaches ``expected``; returns the last sum."""
    deadline = time.monotonic() + timeout_s
    total = 0.0
    while time.monotonic() < deadline:
        total = sum(w.metric(name, labels) for w in workers)
        if total >= expected:
            return total
        time.sleep(0.5)
    return total


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def copy_of(text: str, k: int) -> str:
    """A syndicated copy: a byline in front, a trailing line at the end."""
    bylines = ["By Ana Petrov.", "By staff reporters.", "By Lukas Meyer and Sara Ito."]
    trailers = ["More to follow.", "Reporting by the regional desk.", "This story has been updated."]
    return f"{bylines[k % 3]} {text} {trailers[k % 3]}"


def spec_list(
    prefix: str, items: list[tuple[str, str]], sources: list[str]
) -> list[tuple[str, str, str, str]]:
    return [
        (f"https://{src.lower().replace(' ', '-')}.example/{prefix}/{i}", src, title, text)
        for i, ((title, text), src) in enumerate(zip(items, sources, strict=True))
    ]
