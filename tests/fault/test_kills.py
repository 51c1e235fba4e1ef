"""Kill anything mid-burst: every alert the offline replay expects arrives, once each by webhook-id.

Scenarios 1-4 of the fault suite. One pipeline (every service a process, a scripted feed over HTTP,
a webhook receiver) lives through the whole module; each test releases a burst of alert-worthy
articles, breaks something in the middle of it (SIGKILL a service, add and remove a worker, SIGKILL
the broker and restart it on the same log directory), and checks that exactly the alerts the replay
expects arrive. Services that die are restarted the way compose or Kubernetes would restart them.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from herald_dev.local.feedserver import ScriptedFeed
from herald_dev.local.kafka import LocalKafka
from herald_dev.local.receiver import Receiver
from tests.support.fault_harness import Burst, Watch, expected_alert_ids, measure, rig
from tests.support.procs import Pipeline

pytestmark = [pytest.mark.kafka, pytest.mark.fault]

SECRET = "whsec_" + "ZmF1bHQtc3VpdGUtc2VjcmV0LWtleS0wMDE="
BURST = 10


@dataclass
class Stack:
    pipeline: Pipeline
    feed: ScriptedFeed
    run: str
    receiver: Receiver
    watch: Watch
    tmp: Path
    released: int = 0

    def burst(self) -> tuple[Burst, float]:
        burst = Burst(self.feed, self.run, self.released, BURST)
        self.released += BURST
        return burst, burst.release()


@pytest.fixture(scope="module")
def stack(kafka: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("fault-kills")
    with rig(
        kafka,
        tmp,
        SECRET,
        "fault-wire",
        HERALD_DELIVERY_BACKOFF_MAX_SECONDS="2",
        # The broker's floor: a SIGKILLed worker's partitions move on after 6 s instead of 10.
        HERALD_SESSION_TIMEOUT_SECONDS="6",
    ) as world:
        watch = Watch(world.pipeline.services).start()
        try:
            yield Stack(world.pipeline, world.feed, world.run, world.wire.receiver, watch, tmp)
        finally:
            watch.stop()


def run_scenario(stack: Stack, name: str, fault) -> None:  # type: ignore[no-untyped-def]
    _, before = expected_alert_ids(stack.feed, stack.tmp)
    _, duration = stack.burst()
    time.sleep(duration / 2)
    fault_at = time.time()
    fault()
    # Let the rest of the burst be released and polled before computing what must arrive.
    time.sleep(max(0.0, duration / 2) + 1.5)
    _, after = expected_alert_ids(stack.feed, stack.tmp)
    expected = after - before
    assert len(expected) >= BURST // 2, f"the burst should raise alerts; the replay expects {len(expected)}"
    outcome = measure(name, stack.receiver, expected, BURST, since=fault_at, timeout=150)
    if outcome.lost:
        print(stack.pipeline.report())
    assert outcome.lost == 0, outcome
    assert outcome.delivered == outcome.expected


def kill(stack: Stack, name: str) -> None:
    svc = stack.pipeline.services[name]
    assert svc.proc is not None and svc.proc.poll() is None, f"{name} should be running before the fault"
    os.killpg(svc.proc.pid, signal.SIGKILL)


def test_baseline_without_faults(stack: Stack) -> None:
    run_scenario(stack, "baseline", lambda: None)


@pytest.mark.parametrize("stage", ["dedup", "enrich", "classify", "novelty", "delivery"])
def test_stream_worker_killed_mid_burst(stack: Stack, stage: str) -> None:
    run_scenario(stack, f"SIGKILL {stage}", lambda: kill(stack, stage))


def test_poller_killed_while_sending(stack: Stack) -> None:
    run_scenario(stack, "SIGKILL poller", lambda: kill(stack, "poller"))


def test_worker_added_and_removed_during_a_burst(stack: Stack) -> None:
    def rebalance() -> None:
        stack.pipeline.add("enrich-2", "worker", "enrich").start()
        time.sleep(3.0)
        stack.watch.remove("enrich-2")  # SIGTERM: a clean leave, the second rebalance of the burst

    run_scenario(stack, "rebalance +1/-1 enrich", rebalance)


def test_broker_killed_and_restarted(stack: Stack, kafka_broker: LocalKafka) -> None:
    def bounce() -> None:
        pid = kafka_broker.pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        time.sleep(3.0)
        kafka_broker.start(timeout_s=120)  # same log directory, same port

    run_scenario(stack, "SIGKILL broker", bounce)
