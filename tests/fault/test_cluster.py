"""A three-broker cluster broken under load: nothing acknowledged is lost, nothing is shown twice.

One KRaft cluster of three nodes (the session's ``kafka_cluster``) with every Herald topic replicated
three times, ``min.insync.replicas=2``; every service a process, a scripted feed over HTTP, a webhook
receiver keying on ``webhook-id``. Each scenario releases a burst of 1,000 articles through the
poller, breaks the cluster in the middle of it and heals it, then checks two things:

* every article the offline replay keeps reaches ``news.enriched`` (nothing lost in the first half of
  the pipeline, where most articles raise no alert);
* every alert the replay expects arrives at the receiver, once by id.

Most articles of a burst are short neutral notices (cheap for the real enrichment worker); one in
forty is alert-worthy, with a (kind, town) pair used once in the whole module and a toll that falls
as the module goes on, so the replay's alerts do not depend on the order partitions are processed.
"""

from __future__ import annotations

import os
import random
import signal
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from herald.core import topics
from herald_dev.local.cluster import LocalKafkaCluster
from herald_dev.local.feedserver import Item, ScriptedFeed
from herald_dev.local.receiver import Receiver
from tests.support.fault_harness import KINDS, STORY_SPACING_DAYS, TOWNS, Watch, measure, rig
from tests.support.procs import STAGES, Pipeline, read_topic

pytestmark = [pytest.mark.kafka, pytest.mark.fault, pytest.mark.cluster]

SECRET = "whsec_" + "Y2x1c3Rlci1mYXVsdC1zdWl0ZS1zZWNyZXQtMDE="
BURST = 1000
ALERT_EVERY = 40  # one alert-worthy article in forty: 25 a burst, 125 over five scenarios (< 135 pairs)
FAST_RATE = 100.0  # articles a second released into the feed for the burst scenarios
STEADY_RATE = 20.0  # the rolling restart's steady load
REPLICATED = [t.name for t in topics.ALL]

# Neutral words: no violence, disaster or record cue, so the notices classify as nothing.
WORDS = tuple(
    "library council garden museum bakery orchestra festival bicycle harbour market school bridge "
    "choir lantern meadow pottery recipe river theatre volunteer weekend archive bookshop carpenter "
    "ceramics concert cottage dairy fountain gallery hedgerow kiosk lecture mosaic novel painter "
    "parade picnic pier quilt rowing sculpture seminar tapestry tram vineyard workshop allotment "
    "apprentice ballet bandstand beekeeper botanist canal cathedral chess cinema clocktower "
    "cricket cycling dancer exhibition ferry florist footpath gardener glassblower greenhouse "
    "heritage jazz knitting lighthouse mapmaker marathon mill observatory opera organist pastry "
    "photographer planetarium poetry printmaker puppet regatta sailing skating violin weaver".split()
)
VERBS = tuple("opens celebrates hosts welcomes restores unveils displays extends reopens announces".split())


@dataclass
class Truth:
    """What the offline replay makes of everything the feed has released so far, incrementally.

    The replay keeps its state across scenarios (as the pipeline keeps its tables), so a scenario's
    expectations are those of its new articles given everything before them.
    """

    tmp: Path
    seen: set[str] = field(default_factory=set)
    replay: object = None

    def fetch(self, body: bytes) -> tuple[set[str], set[str]]:
        """(ids of new articles the replay keeps as unique, alert ids they raise)."""
        from herald.analyze import read_articles
        from tests.support.fault_harness import fault_replay

        if self.replay is None:
            self.replay = fault_replay()
        path = self.tmp / f"feed-{uuid.uuid4().hex}.xml"
        path.write_bytes(body)
        fresh = {}
        for article in read_articles(path):
            if article.id not in self.seen:
                fresh.setdefault(article.id, article)
        self.seen |= set(fresh)
        lines = list(self.replay.run(fresh.values()))  # type: ignore[attr-defined]
        unique = {ln["id"] for ln in lines if ln["kind"] == "article" and not ln.get("duplicate_of")}
        return unique, {ln["id"] for ln in lines if ln["kind"] == "alert"}


@dataclass
class ClusterStack:
    cluster: LocalKafkaCluster
    pipeline: Pipeline
    feed: ScriptedFeed
    run: str
    receiver: Receiver
    watch: Watch
    tmp: Path
    truth: Truth
    released: int = 0  # articles released so far in the module
    alerting: int = 0  # alert-worthy articles released so far (indexes the (kind, town) pairs)

    def burst(self, rate: float) -> float:
        """Append BURST articles released at ``rate`` a second; returns how long the release takes."""
        rng = random.Random(f"{self.run}-{self.released}")
        now = time.time()
        items = []
        for i in range(BURST):
            n = self.released + i
            offset = now - self.feed.started + i / rate
            if i % ALERT_EVERY == ALERT_EVERY // 2:
                a = self.alerting
                self.alerting += 1
                town = TOWNS[a % len(TOWNS)]
                title, body = KINDS[(a // len(TOWNS)) % len(KINDS)]
                killed = 300 - a
                items.append(
                    Item(
                        title=title.format(town=town, killed=killed),
                        link=f"https://cluster.herald.invalid/{self.run}/{n}",
                        summary=body.format(town=town, killed=killed, wounded=2 * killed),
                        offset=offset,
                        published_ago=(500 - a) * STORY_SPACING_DAYS * 86400.0,
                    )
                )
                continue
            words = rng.sample(WORDS, 9)
            items.append(
                Item(
                    title=f"{words[0].title()} {rng.choice(VERBS)} {words[1]} {words[2]} {n}",
                    link=f"https://cluster.herald.invalid/{self.run}/{n}",
                    summary=f"The {words[3]} {rng.choice(VERBS)} a {words[4]} {words[5]} with "
                    f"{words[6]} and {words[7]} near the {words[8]}.",
                    offset=offset,
                    published_ago=3600.0,
                )
            )
        self.released += BURST
        # Only this burst is in the feed: earlier ones are on Kafka and in the poller's memory, and a
        # feed of thousands would cost every poll a parse of all of them.
        self.feed.items[:] = items
        return BURST / rate


@pytest.fixture(scope="module")
def stack(
    kafka_cluster: LocalKafkaCluster, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ClusterStack]:
    tmp = tmp_path_factory.mktemp("fault-cluster")
    env = {
        "HERALD_KAFKA_BOOTSTRAP": kafka_cluster.settings.kafka_bootstrap,
        "HERALD_STATE_DIR": str(tmp / "state"),
        "HERALD_PARTITIONS": "6",
        "HERALD_REPLICATION_FACTOR": "3",
        "HERALD_MIN_INSYNC_REPLICAS": "2",
    }
    with rig(
        env,
        tmp,
        SECRET,
        "cluster-wire",
        HERALD_DELIVERY_BACKOFF_MAX_SECONDS="2",
        HERALD_SESSION_TIMEOUT_SECONDS="6",
        HERALD_MAX_ENTRIES_PER_POLL="1000",
        HERALD_SEEN_PER_FEED="2000",
    ) as world:
        watch = Watch(world.pipeline.services).start()
        try:
            yield ClusterStack(
                kafka_cluster,
                world.pipeline,
                world.feed,
                world.run,
                world.wire.receiver,
                watch,
                tmp,
                Truth(tmp),
            )
        finally:
            watch.stop()


def wait_healed(cluster: LocalKafkaCluster, timeout: float = 120.0) -> float:
    """Seconds until every node is up and every partition of Herald's topics has all three in sync."""
    started = time.monotonic()
    deadline = started + timeout
    while time.monotonic() < deadline:
        try:
            if all(n.pid() for n in cluster.nodes) and cluster.fully_replicated(REPLICATED):
                return time.monotonic() - started
        except Exception:
            pass
        time.sleep(0.5)
    raise AssertionError(f"cluster not fully replicated after {timeout:.0f}s")


def sigkill_node(cluster: LocalKafkaCluster, node_id: int) -> None:
    pid = cluster.node(node_id).pid()
    assert pid is not None, f"node {node_id} should be running before the fault"
    os.kill(pid, signal.SIGKILL)
    while cluster.node(node_id).pid():
        time.sleep(0.05)


def run_scenario(stack: ClusterStack, name: str, fault: Callable[[], str], rate: float = FAST_RATE) -> None:
    """Release a burst, break the cluster a third of the way in, heal, and count what arrived."""
    duration = stack.burst(rate)
    time.sleep(duration / 3)
    fault_at = time.time()
    note = fault()
    time.sleep(max(0.0, duration - (time.time() - fault_at) - duration / 3) + 2.0)
    healed = wait_healed(stack.cluster)
    unique, expected = stack.truth.fetch(stack.feed.render(now=time.time() + 3600))
    assert len(unique) >= BURST * 0.9, f"the replay should keep nearly every article: {len(unique)}"
    assert len(expected) >= BURST // ALERT_EVERY // 2, f"the burst should raise alerts: {len(expected)}"
    outcome = measure(name, stack.receiver, expected, BURST, since=fault_at, timeout=150, note=note)
    enriched = _ids_on(stack.cluster, topics.ENRICHED.name, unique)
    outcome.note = f"{note}; {len(enriched)}/{len(unique)} articles enriched; healed +{healed:.0f}s"
    if outcome.lost or len(enriched) < len(unique):
        print(stack.pipeline.report())
        print("\n".join(n.log_file.read_text(errors="replace")[-3000:] for n in stack.cluster.nodes))
    assert outcome.lost == 0, outcome
    assert outcome.delivered == outcome.expected
    assert enriched == unique, f"{len(unique - enriched)} articles never reached news.enriched"


def _ids_on(cluster: LocalKafkaCluster, topic: str, wanted: set[str], timeout: float = 60.0) -> set[str]:
    """The wanted ids found on the topic, waiting until all are there or the time is up."""
    import json

    deadline = time.monotonic() + timeout
    found: set[str] = set()
    while True:
        records = read_topic(cluster.settings.kafka_bootstrap, topic, timeout_s=20.0)
        found = {json.loads(r.value).get("id") for r in records} & wanted
        if found == wanted or time.monotonic() > deadline:
            return found
        time.sleep(2.0)


def busiest_partition(cluster: LocalKafkaCluster, topic: str) -> int:
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=cluster.settings.bootstrap_servers)
    try:
        tps = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or set()]
        ends = consumer.end_offsets(tps)
        return max(ends, key=lambda tp: ends[tp]).partition
    finally:
        consumer.close()


def test_leader_of_busiest_articles_partition_killed(stack: ClusterStack) -> None:
    cluster = stack.cluster

    def kill_leader() -> str:
        partition = busiest_partition(cluster, topics.ARTICLES.name)
        leader = cluster.partition_leaders(topics.ARTICLES.name)[partition]
        sigkill_node(cluster, leader)
        time.sleep(5.0)
        cluster.node(leader).start(timeout_s=120)
        return f"leader node {leader} of partition {partition} SIGKILLed, back after 5 s"

    run_scenario(stack, "cluster: SIGKILL leader", kill_leader)


def test_active_controller_killed(stack: ClusterStack) -> None:
    cluster = stack.cluster

    def kill_controller() -> str:
        controller = cluster.active_controller()
        sigkill_node(cluster, controller)
        time.sleep(5.0)
        after = cluster.active_controller()
        cluster.node(controller).start(timeout_s=120)
        return f"controller node {controller} SIGKILLed, node {after} took over"

    run_scenario(stack, "cluster: SIGKILL controller", kill_controller)


def test_rolling_restart_under_steady_load(stack: ClusterStack) -> None:
    cluster = stack.cluster

    def roll() -> str:
        for node in cluster.nodes:
            node.stop()  # SIGTERM: controlled shutdown moves leadership away first
            node.start(timeout_s=120)
            wait_healed(cluster)  # as an operator's rolling restart waits for the ISR
        return f"3 nodes restarted in turn at {STEADY_RATE:g} articles/s"

    run_scenario(stack, "cluster: rolling restart", roll, rate=STEADY_RATE)


def test_broker_disk_wiped_and_rejoining(stack: ClusterStack) -> None:
    cluster = stack.cluster

    def wipe() -> str:
        node_id = 1 if cluster.active_controller() != 1 else 2
        sigkill_node(cluster, node_id)
        cluster.wipe_node(node_id)
        time.sleep(3.0)
        cluster.node(node_id).start(timeout_s=120)
        return f"node {node_id} SIGKILLed, log dirs deleted, rejoined empty"

    run_scenario(stack, "cluster: disk wiped", wipe)


def test_two_workers_per_stage_one_killed_with_a_broker(stack: ClusterStack) -> None:
    cluster = stack.cluster
    for stage in STAGES:
        stack.pipeline.add(f"{stage}-2", "worker", stage).start()
    time.sleep(15.0)  # the second workers join their groups and take half the partitions

    def kill_both() -> str:
        partition = busiest_partition(cluster, topics.ARTICLES.name)
        leader = cluster.partition_leaders(topics.ARTICLES.name)[partition]
        sigkill_node(cluster, leader)
        for stage in STAGES:
            svc = stack.pipeline.services[stage]
            assert svc.proc is not None and svc.proc.poll() is None
            os.killpg(svc.proc.pid, signal.SIGKILL)
        time.sleep(5.0)
        cluster.node(leader).start(timeout_s=120)
        return f"node {leader} and one of two workers of every stage SIGKILLed"

    try:
        run_scenario(stack, "cluster: 2 workers/stage, 1 + broker killed", kill_both)
    finally:
        for stage in STAGES:
            stack.watch.remove(f"{stage}-2")
