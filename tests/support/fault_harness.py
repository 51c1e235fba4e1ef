"""The fault suite's shared parts: a feed of alert-worthy articles, the expected alerts, the report.

Expected alerts come from the offline replay (`herald.analyze.Replay`) on the same articles: the
stream must deliver exactly what the replay says, however it is broken in between.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from herald.core import topics
from herald_dev.local.feedserver import Item, ScriptedFeed
from herald_dev.local.receiver import Receiver
from tests.support.procs import Pipeline, Service, Wire

# Real towns the gazetteer resolves. Each (kind, town) pair appears once in a run, which makes every
# article the first of its kind in its place for the novelty rules, whatever the arrival order.
TOWNS = tuple(
    "Alchevsk Berdyansk Brovary Cherkasy Chernihiv Chernivtsi Dnipro Donetsk Horlivka Izmayil Kamyanske "
    "Kerch Kharkiv Khmelnytskyi Kolomyia Kramatorsk Kremenchuk Kropyvnytskyi Kyiv Lozova Luhansk Lutsk Lviv "
    "Makiyivka Mariupol Melitopol Mykolayiv Nikopol Nizhyn Odesa Pavlohrad Pokrovsk Poltava Rivne Sevastopol "
    "Simferopol Slovyansk Sumy Ternopil Uzhhorod Vinnytsya Yalta Yevpatoriya Zaporizhzhya Zhytomyr".split()
)
KINDS = (
    (
        "Russian drones strike {town}, killing {killed}",
        "Russian drones struck {town} overnight, killing {killed} people and wounding {wounded}, "
        "regional officials said.",
    ),
    (
        "Missile strike on {town} kills {killed}",
        "A Russian ballistic missile hit a residential district of {town} on Tuesday, "
        "killing {killed} people and wounding {wounded}, the regional governor said.",
    ),
    (
        "Artillery shelling of {town} kills {killed} civilians",
        "Russian artillery shelled the centre of {town} overnight, killing {killed} civilians "
        "and wounding {wounded}, local authorities said.",
    ),
)


STORY_SPACING_ARTICLES = 500
STORY_SPACING_DAYS = 2

# The suite pins delivery, not alert policy. With the default policy a deadly first in a region of a
# country where the type is routine alerts only when it beats the country's recent high, which depends
# on the order the stream happens to see the burst in; a type is never routine here, so each article's
# first in its place alerts whatever the order, in the stream and in the replay alike.
NEVER_ROUTINE_DAYS = 100_000
POLICY_ENV = {"HERALD_NOVELTY_ROUTINE_MIN_DAYS": str(NEVER_ROUTINE_DAYS)}


@dataclass
class Burst:
    """Articles released into the feed a few per second, so a fault lands in the middle of them."""

    feed: ScriptedFeed
    run: str
    start_index: int
    size: int
    per_second: float = 2.0

    def items(self, now: float) -> list[Item]:
        out = []
        for i in range(self.size):
            n = self.start_index + i
            town = TOWNS[n % len(TOWNS)]
            # Tolls fall as the run goes on (later articles are published later): a rising toll
            # would raise record alerts, and a record depends on which partition is processed first.
            killed = 300 - n
            title, body = KINDS[(n // len(TOWNS)) % len(KINDS)]
            out.append(
                Item(
                    title=title.format(town=town, killed=killed),
                    link=f"https://fault.herald.invalid/{self.run}/{n}",
                    summary=body.format(town=town, killed=killed, wounded=2 * killed),
                    offset=now - self.feed.started + i / self.per_second,
                    # Days apart: every article is its own story (stories span hours), and no
                    # two fall within the novelty's retelling window (a day), so each one's alert
                    # has its own id whatever the order the stages see them in.
                    published_ago=(STORY_SPACING_ARTICLES - n) * STORY_SPACING_DAYS * 86400.0,
                )
            )
        return out

    def release(self) -> float:
        """Append the burst to the feed; returns how long until its last item is visible."""
        now = time.time()
        self.feed.items.extend(self.items(now))
        return self.size / self.per_second


def new_feed() -> tuple[ScriptedFeed, str]:
    return ScriptedFeed("Fault Wire", []), uuid.uuid4().hex[:8]


@dataclass
class Rig:
    """A scenario module's world: the pipeline, its scripted feed and run id, feed server and receiver."""

    pipeline: Pipeline
    feed: ScriptedFeed
    run: str
    wire: Wire


@contextmanager
def rig(
    kafka_env: dict[str, str], tmp: Path, secret: str, name: str, light: bool = False, **env: str
) -> Iterator[Rig]:
    """Every service as a process on an empty feed polled each second; their logs tail on failure.

    ``light``: dedup, classify and novelty in one ``herald worker light`` process (named "light")."""
    feed, run = new_feed()
    wire = Wire.start(kafka_env, tmp, feed, secret, name=name, poll_interval=1, **{**POLICY_ENV, **env})
    pipeline = Pipeline(wire.env, tmp / "logs").start_all(wire.feeds_file, light=light)
    try:
        yield Rig(pipeline, feed, run, wire)
    except BaseException:
        print(pipeline.report())
        raise
    finally:
        pipeline.stop_all()
        wire.stop()


@cache
def _replay_enricher():  # type: ignore[no-untyped-def]
    from herald.enrich import nlp
    from herald.enrich.extract import Enricher

    return Enricher(nlp.load())


def fault_replay():  # type: ignore[no-untyped-def]
    """The offline replay under the policy the rig's services run (POLICY_ENV)."""
    from herald.alerts.novelty_config import NoveltyConfig
    from herald.analyze import Replay

    return Replay(_replay_enricher(), novelty=NoveltyConfig(routine_min_days=NEVER_ROUTINE_DAYS))


class Refetched:
    """The offline replay of one feed fetched again and again, as the poller fetches it.

    Each fetch contributes only the articles whose ids earlier fetches did not have (what the poller
    sends), with a later fetch time than theirs, as in the live pipeline: dedup's "first" is the
    earliest fetched, so a republished copy is judged against the original, not the other way round.
    Incremental, so a long scenario does not re-enrich the whole feed for every burst.
    """

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.replay = fault_replay()
        self.seen: set[str] = set()

    def fetch(self, body: bytes) -> tuple[int, set[str]]:
        """(new articles, the alert ids they raise)."""
        from herald.analyze import read_articles

        path = self.tmp / f"feed-{uuid.uuid4().hex}.xml"
        path.write_bytes(body)
        fresh = {}
        for article in read_articles(path):
            if article.id not in self.seen:
                fresh.setdefault(article.id, article)
        self.seen |= set(fresh)
        return len(fresh), {line["id"] for line in self.replay.run(fresh.values()) if line["kind"] == "alert"}


def replay_fetches(tmp: Path, *bodies: bytes) -> list[set[str]]:
    """Alert ids the offline replay raises for each of successive fetches of one feed (see Refetched)."""
    refetched = Refetched(tmp)
    return [refetched.fetch(body)[1] for body in bodies]


def expected_alert_ids(feed: ScriptedFeed, tmp: Path) -> tuple[int, set[str]]:
    """(articles, alert ids) the offline replay makes of everything the feed has released so far.

    The feed is read with the poller's own parsing and normalisation (as `herald analyze` reads a
    feed file), so ids match what the live poller produced.
    """
    from herald.analyze import read_articles

    path = tmp / f"feed-{uuid.uuid4().hex}.xml"
    path.write_bytes(feed.render(now=time.time() + 3600))
    articles = read_articles(path)
    replay = fault_replay()
    return len(articles), {line["id"] for line in replay.run(articles) if line["kind"] == "alert"}


@dataclass
class Outcome:
    scenario: str
    articles: int
    expected: int
    delivered: int
    lost: int
    duplicated_raw: int
    duplicated_after_dedup: int
    recover_seconds: float | None
    note: str = ""


RESULTS: list[Outcome] = []
_lock = threading.Lock()


def record(outcome: Outcome) -> Outcome:
    with _lock:
        RESULTS.append(outcome)
    return outcome


def measure(
    scenario: str,
    receiver: Receiver,
    expected: set[str],
    articles: int,
    since: float,
    timeout: float,
    note: str = "",
) -> Outcome:
    """Wait until every expected alert arrived (or time out), then count losses and repeats."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not expected <= receiver.unique_ids():
        time.sleep(0.2)
    with receiver._lock:
        deliveries = [d for d in receiver.deliveries if d.webhook_id in expected]
    got = {d.webhook_id for d in deliveries}
    last = max((d.received_at for d in deliveries), default=None)
    return record(
        Outcome(
            scenario=scenario,
            articles=articles,
            expected=len(expected),
            delivered=len(got),
            lost=len(expected - got),
            duplicated_raw=len(deliveries) - len(got),
            duplicated_after_dedup=0,  # the receiver keys on webhook-id: a repeat is never shown twice
            recover_seconds=None if last is None else max(0.0, last - since),
            note=note,
        )
    )


def table(results: list[Outcome]) -> str:
    head = (
        "scenario",
        "articles",
        "expected",
        "delivered",
        "lost",
        "dup raw",
        "dup by id",
        "recover s",
        "note",
    )
    rows = [
        (
            r.scenario,
            str(r.articles),
            str(r.expected),
            str(r.delivered),
            str(r.lost),
            str(r.duplicated_raw),
            str(r.duplicated_after_dedup),
            "-" if r.recover_seconds is None else f"{r.recover_seconds:.1f}",
            r.note,
        )
        for r in results
    ]
    widths = [max(len(x) for x in col) for col in zip(head, *rows, strict=False)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()  # noqa: E731
    return "\n".join([line(head), line(tuple("-" * w for w in widths)), *(line(r) for r in rows)])


@dataclass
class Watch:
    """Keeps a pipeline's services alive like a process supervisor would (compose, Kubernetes)."""

    services: dict[str, Service]
    restarts: dict[str, int] = field(default_factory=dict)
    paused: set[str] = field(default_factory=set)
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> Watch:
        threading.Thread(target=self._loop, daemon=True).start()
        return self

    def _loop(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                for name, svc in list(self.services.items()):
                    if name not in self.paused and svc.proc is not None and svc.proc.poll() is not None:
                        self.restarts[name] = self.restarts.get(name, 0) + 1
                        svc.start()
            time.sleep(0.5)

    def retire(self, name: str) -> None:
        """Stop watching a service about to be stopped for good. Once this returns no restart of it is
        under way, so the service's stop reaches the process it started: a restart racing the stop
        would leave a worker running, unowned, in its consumer group for the rest of the suite."""
        with self._lock:
            self.paused.add(name)

    def remove(self, name: str) -> None:
        """Retire a service, stop it for good and drop it from the pipeline it watches."""
        self.retire(name)
        self.services.pop(name).stop()

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            pass  # a round under way finishes first: nothing restarts behind the pipeline's stop


def metric(port: int, name: str, **labels: str) -> float:
    """One sample from a service's /metrics (0 when absent): how a scenario proves its fault was met."""
    import httpx
    from prometheus_client.parser import text_string_to_metric_families

    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


# Each data topic and the consumer group that must get past everything on it.
CONSUMERS = {
    topics.ARTICLES.name: "herald-dedup",
    topics.UNIQUE.name: "herald-enrich",
    topics.ENRICHED.name: "herald-classify",
    topics.CLASSIFIED.name: "herald-dedup",
    topics.EVENTS.name: "herald-novelty",
    topics.ALERTS.name: "herald-delivery",
}


def committed(bootstrap: str, group: str, topic: str) -> int:
    """The group's committed offsets on the topic, summed over partitions."""
    from kafka import KafkaAdminClient

    admin = KafkaAdminClient(bootstrap_servers=[bootstrap])
    try:
        offsets = admin.list_group_offsets(group).get(group, {})
    finally:
        admin.close()
    return sum(meta.offset for tp, meta in offsets.items() if tp.topic == topic)


def end_offset(bootstrap: str, topic: str) -> int:
    """The topic's end offsets, summed over partitions."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=[bootstrap])
    try:
        tps = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or set()]
        return sum(consumer.end_offsets(tps).values())
    finally:
        consumer.close()


def drained(bootstrap: str, consumers: dict[str, str] = CONSUMERS) -> bool:
    """True when every group has committed to the end of its topic: nothing is left in flight."""
    return all(committed(bootstrap, g, t) >= end_offset(bootstrap, t) for t, g in consumers.items())


# -- the kill scenarios: one pipeline for a module, a burst per scenario, a fault in its middle --------

KILL_BURST = 10


@dataclass
class Stack:
    """A kill-scenario module's pipeline, kept alive by a ``Watch``, and the bursts released so far."""

    pipeline: Pipeline
    feed: ScriptedFeed
    run: str
    receiver: Receiver
    watch: Watch
    tmp: Path
    released: int = 0

    def burst(self) -> tuple[Burst, float]:
        burst = Burst(self.feed, self.run, self.released, KILL_BURST)
        self.released += KILL_BURST
        return burst, burst.release()


@contextmanager
def kill_stack(
    kafka_env: dict[str, str], tmp: Path, secret: str, name: str, light: bool = False
) -> Iterator[Stack]:
    """The module's pipeline (``light``: with ``herald worker light``), restarted as a supervisor would."""
    with rig(
        kafka_env,
        tmp,
        secret,
        name,
        light=light,
        HERALD_DELIVERY_BACKOFF_MAX_SECONDS="2",
        # The broker's floor: a SIGKILLed worker's partitions move on after 6 s instead of 10.
        HERALD_SESSION_TIMEOUT_SECONDS="6",
    ) as world:
        watch = Watch(world.pipeline.services).start()
        try:
            yield Stack(world.pipeline, world.feed, world.run, world.wire.receiver, watch, tmp)
        finally:
            watch.stop()


def run_scenario(stack: Stack, name: str, fault: Callable[[], object]) -> Outcome:
    """Release a burst, break something halfway through it, and assert every expected alert came."""
    _, before = expected_alert_ids(stack.feed, stack.tmp)
    _, duration = stack.burst()
    time.sleep(duration / 2)
    fault_at = time.time()
    fault()
    # Let the rest of the burst be released and polled before computing what must arrive.
    time.sleep(max(0.0, duration / 2) + 1.5)
    _, after = expected_alert_ids(stack.feed, stack.tmp)
    expected = after - before
    assert len(expected) >= KILL_BURST // 2, (
        f"the burst should raise alerts; the replay expects {len(expected)}"
    )
    outcome = measure(name, stack.receiver, expected, KILL_BURST, since=fault_at, timeout=150)
    if outcome.lost:
        print(stack.pipeline.report())
    assert outcome.lost == 0, outcome
    assert outcome.delivered == outcome.expected
    return outcome


def kill(stack: Stack, name: str, sig: int = signal.SIGKILL) -> None:
    svc = stack.pipeline.services[name]
    assert svc.proc is not None and svc.proc.poll() is None, f"{name} should be running before the fault"
    os.killpg(svc.proc.pid, sig)
