"""`herald worker light`: dedup, classify and novelty in one process keep the pipeline's guarantees.

The kill scenarios' pipeline (a scripted feed over HTTP, every service a process, a signed webhook
receiver) with one `worker light` process in place of the dedup, classify and novelty workers. It
must deliver exactly the alerts the offline replay expects, through the same consumer groups the
separate workers use, and lose nothing when the one process is SIGKILLed or SIGTERMed mid-burst.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator

import pytest

from herald.cli import LIGHT_STAGES
from herald.core import topics
from tests.support.fault_harness import Stack, committed, drained, kill, kill_stack, metric, run_scenario
from tests.support.procs import wait_for

pytestmark = [pytest.mark.kafka, pytest.mark.fault]

SECRET = "whsec_" + "bGlnaHQtd29ya2VyLXN1aXRlLXNlY3JldC0wMDE="


@pytest.fixture(scope="module")
def stack(kafka: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with kill_stack(kafka, tmp_path_factory.mktemp("fault-light"), SECRET, "light-wire", light=True) as world:
        yield world


def test_the_light_worker_replaces_three_workers(stack: Stack) -> None:
    assert {"light", "enrich", "delivery"} <= set(stack.pipeline.services)
    assert not set(LIGHT_STAGES) & set(stack.pipeline.services), "no separate light-stage worker runs"


def test_articles_flow_to_alerts_through_the_light_worker(stack: Stack, kafka: dict[str, str]) -> None:
    run_scenario(stack, "light: baseline", lambda: None)
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    # The stages' own consumer groups (herald-dedup, herald-classify, herald-novelty) got to the end.
    wait_for(lambda: drained(bootstrap), timeout=60, what="every group committed to the end of its topic")
    assert committed(bootstrap, "herald-classify", topics.ENRICHED.name) > 0
    # One /metrics for the process, every stage's series on it.
    port = stack.pipeline.services["light"].metrics_port
    for stage in (*LIGHT_STAGES, "stories"):
        assert metric(port, "herald_up", stage=stage) == 1.0, stage
        assert metric(port, "herald_records_in_total", stage=stage) > 0, stage


def test_light_worker_killed_mid_burst(stack: Stack) -> None:
    run_scenario(stack, "light: SIGKILL", lambda: kill(stack, "light"))


def test_light_worker_stopped_mid_burst(stack: Stack) -> None:
    """SIGTERM stops every stage's app (each commits what it acked) and the process exits 0, soon."""
    exits: list[tuple[int | None, float]] = []

    def terminate() -> None:
        proc = stack.pipeline.services["light"].proc
        assert proc is not None
        started = time.monotonic()
        kill(stack, "light", signal.SIGTERM)
        try:
            exits.append((proc.wait(timeout=30), time.monotonic() - started))
        except subprocess.TimeoutExpired:
            exits.append((None, time.monotonic() - started))

    outcome = run_scenario(stack, "light: SIGTERM", terminate)
    assert exits and exits[0][0] == 0, f"a clean stop exits 0 within 30 s; got {exits}"
    outcome.note = f"exit 0 after {exits[0][1]:.1f} s"  # the suite's table shows how long the stop took
