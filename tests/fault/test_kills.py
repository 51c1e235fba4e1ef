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

import pytest

from herald_dev.local.kafka import LocalKafka
from tests.support.fault_harness import Stack, kill, kill_stack, run_scenario

pytestmark = [pytest.mark.kafka, pytest.mark.fault]

SECRET = "whsec_" + "ZmF1bHQtc3VpdGUtc2VjcmV0LWtleS0wMDE="


@pytest.fixture(scope="module")
def stack(kafka: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with kill_stack(kafka, tmp_path_factory.mktemp("fault-kills"), SECRET, "fault-wire") as world:
        yield world


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
