"""The webhook endpoint misbehaves while alerts flow through the whole pipeline.

One pipeline (every service a process, a scripted feed over HTTP, the real broker) and one receiver
live through the module. Each test releases a burst of alert-worthy articles into the feed while the
endpoint is in one failure mode, in this order: down for 30 s, slow past the delivery
timeout, answering 500, answering 429 with Retry-After, answering 400. The transient modes must end
with every alert the offline replay expects delivered exactly once by webhook-id (raw repeats are
counted: a slow answer makes the sink retry what the endpoint already took). The permanent one (400)
must park every alert on the dead-letter topic with its reason, and the worker must go on delivering
the next burst.

Every failure mode except the outage is applied per webhook-id (``Script.fail_each_id``), so every
alert of the burst meets it, not only the one at the head of the sink's queue; the test checks from
the receiver's attempts and the worker's retry counter that they did.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from herald.core import topics
from herald.core.records import Alert
from herald_dev.local.feedserver import ScriptedFeed
from herald_dev.local.receiver import Answer, Receiver
from tests.support.fault_harness import (
    Burst,
    Outcome,
    Refetched,
    measure,
    metric,
    record,
    rig,
)
from tests.support.procs import Pipeline, json_values, read_topic, wait_for

pytestmark = [pytest.mark.kafka, pytest.mark.fault]

SECRET = "whsec_" + base64.b64encode(b"webhook fault scenario secret 32").decode()
BURST = 5
OUTAGE_S = 30.0  # an outage of half a minute; the endpoint stays down at least this long
TIMEOUT_S = 1.0  # HERALD_DELIVERY_TIMEOUT_SECONDS: one attempt's HTTP timeout
SLOW_S = TIMEOUT_S + 1.5  # a slow endpoint answers (200) only after the sink has given up on it
RETRY_AFTER_S = 1
WAIT_S = 120.0  # liveness bound for a phase to complete, never a speed assertion


@dataclass
class Stack:
    pipeline: Pipeline
    feed: ScriptedFeed
    run: str
    receiver: Receiver
    tmp: Path
    bootstrap: str
    replayed: Refetched
    released: int = 0

    def burst(self) -> tuple[int, set[str], float]:
        """Release the next burst; returns (articles, the alerts the replay expects of it, when)."""
        released_at = time.time()
        Burst(self.feed, self.run, self.released, BURST, per_second=8.0).release()
        self.released += BURST
        articles, expected = self.replayed.fetch(self.feed.render(now=time.time() + 3600))
        assert articles == BURST
        assert len(expected) >= BURST // 2, f"a burst should raise alerts; the replay expects {expected}"
        return articles, expected, released_at

    def retries(self, reason: str) -> float:
        port = self.pipeline.services["delivery"].metrics_port
        return metric(port, "herald_delivery_retries_total", sink="webhook", reason=reason)

    def statuses(self, webhook_id: str) -> list[int]:
        with self.receiver._lock:
            return [a.status for a in self.receiver.attempts if a.headers.get("webhook-id") == webhook_id]


@pytest.fixture(scope="module")
def stack(kafka: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("fault-webhook")
    with rig(
        kafka,
        tmp,
        SECRET,
        "fault-wire",
        HERALD_DELIVERY_TIMEOUT_SECONDS=str(TIMEOUT_S),
        HERALD_DELIVERY_BACKOFF_INITIAL_SECONDS="0.2",
        HERALD_DELIVERY_BACKOFF_MAX_SECONDS="2",
        # Transient failures must outlast the outage without being dead-lettered.
        HERALD_DELIVERY_GIVE_UP_SECONDS=str(OUTAGE_S + 90),
    ) as world:
        yield Stack(
            world.pipeline,
            world.feed,
            world.run,
            world.wire.receiver,
            tmp,
            kafka["HERALD_KAFKA_BOOTSTRAP"],
            Refetched(tmp),
        )


def check(stack: Stack, outcome: Outcome) -> None:
    if outcome.lost:
        print(stack.pipeline.report())
    assert outcome.lost == 0, outcome
    assert outcome.delivered == outcome.expected, outcome
    assert outcome.duplicated_after_dedup == 0, outcome


def per_id_fault(stack: Stack, name: str, answers: list[Answer], reason: str) -> tuple[Outcome, set[str]]:
    """Every alert of a burst first meets ``answers``; then it must arrive once by webhook-id."""
    retries_before = stack.retries(reason)
    stack.receiver.script.fail_each_id(answers)
    try:
        articles, expected, released_at = stack.burst()
        deadline = time.monotonic() + WAIT_S
        while not expected <= stack.receiver.unique_ids() and time.monotonic() < deadline:
            time.sleep(0.2)  # (a timeout is reported by the row below, with what was lost)
        time.sleep(max(delay for _, _, delay in answers))  # let late answers land before counting
    finally:
        stack.receiver.script.fail_each_id([])
    retried = stack.retries(reason) - retries_before
    outcome = measure(
        name,
        stack.receiver,
        expected,
        articles,
        since=released_at,
        timeout=0,
        note=f"{retried:.0f} retries ({reason}); recover s from the burst's release",
    )
    check(stack, outcome)
    assert retried >= len(answers) * len(expected), "every alert met the fault and was retried"
    return outcome, expected


def test_baseline_with_a_healthy_endpoint(stack: Stack) -> None:
    """Also waits out the pipeline's start, so the outage below meets alerts, not a cold start."""
    articles, expected, released_at = stack.burst()
    outcome = measure(
        "webhook healthy (baseline)",
        stack.receiver,
        expected,
        articles,
        since=released_at,
        timeout=WAIT_S + 60,
        note="recover s from the burst's release (includes the pipeline's start)",
    )
    check(stack, outcome)
    assert outcome.duplicated_raw == 0


def test_endpoint_down_for_30_seconds(stack: Stack) -> None:
    retries_before = stack.retries("network")
    stack.receiver.go_down()
    went_down = time.monotonic()
    try:
        articles, expected, _ = stack.burst()
        # Down for OUTAGE_S, and at least until every alert of the burst exists and the worker
        # has been refused: the outage must meet the alerts, not a pipeline still working upstream.
        wait_for(
            lambda: expected <= {r.key.decode() for r in read_topic(stack.bootstrap, topics.ALERTS.name)},
            WAIT_S,
            1.0,
            what="the burst's alerts on news.alerts",
        )
        wait_for(lambda: stack.retries("network") > retries_before, WAIT_S, what="refused delivery attempts")
        time.sleep(max(0.0, OUTAGE_S - (time.monotonic() - went_down)))
        down_for = time.monotonic() - went_down
        assert not expected & stack.receiver.unique_ids()
    finally:
        stack.receiver.come_back()
    back = time.time()
    outcome = measure(
        "webhook down 30 s",
        stack.receiver,
        expected,
        articles,
        since=back,
        timeout=WAIT_S,
        note=f"down {down_for:.0f} s, {stack.retries('network') - retries_before:.0f} refused attempts; "
        "recover s from the endpoint's return",
    )
    check(stack, outcome)
    assert outcome.duplicated_raw == 0  # a refused connection delivered nothing that could repeat


def test_endpoint_slower_than_the_delivery_timeout(stack: Stack) -> None:
    outcome, expected = per_id_fault(stack, "webhook slow > timeout", [(200, {}, SLOW_S)], "timeout")
    for alert_id in expected:
        assert len(stack.statuses(alert_id)) >= 2, "timed out, then sent again"
    # The endpoint took each first attempt, late: the repeats are real, and the webhook-id shows them.
    assert outcome.duplicated_raw >= 1


def test_endpoint_answering_500(stack: Stack) -> None:
    outcome, expected = per_id_fault(
        stack, "webhook 500 x2 per alert", [(500, {}, 0.0), (500, {}, 0.0)], "http_5xx"
    )
    for alert_id in expected:
        assert stack.statuses(alert_id) == [500, 500, 200]
    assert outcome.duplicated_raw == 0


def test_endpoint_answering_429_with_retry_after(stack: Stack) -> None:
    answers: list[Answer] = [(429, {"Retry-After": str(RETRY_AFTER_S)}, 0.0)]
    outcome, expected = per_id_fault(stack, "webhook 429 Retry-After 1", answers, "http_429")
    with stack.receiver._lock:
        attempts = list(stack.receiver.attempts)
    for alert_id in expected:
        mine = [a for a in attempts if a.headers.get("webhook-id") == alert_id]
        assert [a.status for a in mine] == [429, 200]
        # Retry-After is a floor the sink must respect, not a speed: the retry came no earlier.
        assert mine[1].received_at - mine[0].received_at >= RETRY_AFTER_S
    assert outcome.duplicated_raw == 0


def test_endpoint_answering_400_parks_alerts_and_later_ones_flow(stack: Stack) -> None:
    rejected_before = metric(
        stack.pipeline.services["delivery"].metrics_port,
        "herald_delivery_dead_letters_total",
        sink="webhook",
        reason="delivery_rejected",
    )
    stack.receiver.script.fail_each_id([(400, {}, 0.0)])
    try:
        articles, expected, released_at = stack.burst()

        def parked() -> dict[str, dict]:  # type: ignore[type-arg]
            letters = json_values(read_topic(stack.bootstrap, topics.DEADLETTER.name))
            return {v["key"]: v for v in letters if v.get("sink") == "webhook" and v["key"] in expected}

        wait_for(lambda: set(parked()) == expected, WAIT_S, 1.0, what="every rejected alert dead-lettered")
    finally:
        stack.receiver.script.fail_each_id([])
    letters = parked()
    for alert_id, letter in letters.items():
        assert letter["reason"] == "delivery_rejected" and letter["stage"] == "delivery_webhook"
        assert letter["error"].startswith("HTTP 400") and letter["topic"] == topics.ALERTS.name
        assert Alert.model_validate_json(letter["payload"]).id == alert_id  # the whole alert is kept
        assert stack.statuses(alert_id) == [400], "a permanent failure is not retried"
    assert not expected & stack.receiver.unique_ids()
    rejected = (
        metric(
            stack.pipeline.services["delivery"].metrics_port,
            "herald_delivery_dead_letters_total",
            sink="webhook",
            reason="delivery_rejected",
        )
        - rejected_before
    )
    record(
        Outcome(
            "webhook 400 (permanent)",
            articles,
            len(expected),
            0,
            len(expected - set(letters)),
            0,
            0,
            max(datetime.fromisoformat(v["failed_at"]).timestamp() for v in letters.values()) - released_at,
            note=f"{len(letters)} parked in {topics.DEADLETTER.name} (delivery_rejected: HTTP 400); "
            "recover s = last one parked, from the burst's release",
        )
    )
    assert rejected >= len(expected)

    # The worker is not stuck behind the rejected alerts: the next burst is delivered as usual.
    articles, after, released_at = stack.burst()
    outcome = measure(
        "webhook after the 400s",
        stack.receiver,
        after,
        articles,
        since=released_at,
        timeout=WAIT_S,
        note="recover s from the burst's release",
    )
    check(stack, outcome)
    assert outcome.duplicated_raw == 0
