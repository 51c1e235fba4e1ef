"""SIGKILL the delivery worker in the middle of a burst, restart it: every alert arrives.

At least once, made effectively once: the receiver that deduplicates on ``webhook-id`` (what the
Standard Webhooks spec asks receivers to do) must process every alert exactly once; the raw count of
HTTP deliveries may exceed it by the deliveries whose ledger entry had not reached the broker when the
worker died, and is reported.
"""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from kafka import KafkaAdminClient, KafkaConsumer
from tests.conftest import free_port, herald_env

from herald.alerts.sinks.webhook import decode_secret
from herald.core import topics
from herald.core.kafka import producer
from herald.core.records import Alert, DeadLetter, Location, stable_id
from herald.core.settings import CoreSettings
from herald.local.receiver import Delivery, Receiver

pytestmark = [pytest.mark.kafka, pytest.mark.e2e, pytest.mark.fault, pytest.mark.slow]

SECRET = "whsec_" + base64.b64encode(b"kill test secret, thirty-two b!!").decode()
BURST = 150
KILL_AFTER = 50  # deliveries seen by the receiver before the SIGKILL


class DedupReceiver:
    """What a well-behaved Standard Webhooks consumer does: process each webhook-id once."""

    def __init__(self) -> None:
        self.processed: list[str] = []
        self.seen: set[str] = set()
        self.raw = 0
        self.lock = threading.Lock()

    def __call__(self, delivery: Delivery) -> None:
        with self.lock:
            self.raw += 1
            if delivery.signature_ok and delivery.webhook_id not in self.seen:
                self.seen.add(delivery.webhook_id)
                self.processed.append(delivery.webhook_id)


def burst() -> list[Alert]:
    now = datetime.now(UTC)
    return [
        Alert(
            id=stable_id("alert", "kill", str(i)),
            rule="record",
            event_id=stable_id("event", "kill", str(i)),
            article_id=stable_id("article", "kill", str(i)),
            story_id=stable_id("story", "kill", str(i)),
            type="missile_artillery_strike",
            severity=5,
            title=f"Record shelling, report {i}",
            text="Record shells: 900 — previous high 700.",
            urls=[f"https://news.example.test/kill/{i}"],
            created_at=now,
            published=now,
            fetched_at=now,
            location=Location(name="Kharkiv", country_code="UA", admin1="Kharkiv Oblast"),
            evidence={"value": 900, "previous": 700, "previous_at": now.isoformat()},
        )
        for i in range(BURST)
    ]


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    env = {**env, "HERALD_METRICS_PORT": str(free_port())}
    with open(log, "ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "herald.cli", "worker", "delivery"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_for(predicate: Callable[[], bool], timeout: float, what: Callable[[], str]) -> float:
    started = time.monotonic()
    while not predicate():
        assert time.monotonic() - started < timeout, f"timed out waiting for {what()}"
        time.sleep(0.05)
    return time.monotonic() - started


def test_sigkill_mid_burst_loses_nothing_and_the_dedup_receiver_sees_no_duplicate(
    kafka: dict[str, str], tmp_path: Path
) -> None:
    dedup = DedupReceiver()
    receiver = Receiver(decode_secret(SECRET), on_delivery=dedup).start()
    # A slow receiver (50 ms a request) stretches the burst so the kill lands in its middle.
    receiver.script.steps = [(200, {}, 0.05)] * (BURST * 3)
    env = herald_env(
        {
            **kafka,
            "HERALD_WEBHOOK_URL": receiver.url,
            "HERALD_WEBHOOK_SECRET": SECRET,
        }
    )
    alerts = burst()
    prod = producer(CoreSettings(kafka_bootstrap=kafka["HERALD_KAFKA_BOOTSTRAP"]), "test-burst")
    sent = [prod.send(topics.ALERTS.name, key=a.id.encode(), value=a.to_json()) for a in alerts]
    prod.flush()
    for future in sent:  # every alert is on the broker before the clock starts
        future.get(timeout=30)
    prod.close()

    log = tmp_path / "delivery.log"
    first = start_worker(env, log)
    try:
        wait_for(lambda: dedup.raw >= KILL_AFTER, 120, lambda: f"the burst ({dedup.raw} so far)")
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        at_kill = dedup.raw
        second = start_worker(env, log)
        try:
            try:
                took = wait_for(
                    lambda: len(dedup.seen) >= BURST,
                    180,
                    lambda: f"every alert after the restart: {len(dedup.seen)} of {BURST}, {dedup.raw} raw",
                )
            except AssertionError:
                took = float("nan")  # the assertions below say what is missing
            time.sleep(2.0)  # let stragglers (redelivered duplicates) arrive before counting
        finally:
            os.killpg(second.pid, signal.SIGTERM)
            second.wait(timeout=30)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
        receiver.stop()

    want = {a.id for a in alerts}
    if dedup.seen != want:  # say whether a missing alert is on the topic (a loss) or was never sent
        consumer = KafkaConsumer(
            topics.ALERTS.name,
            bootstrap_servers=kafka["HERALD_KAFKA_BOOTSTRAP"],
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            consumer_timeout_ms=3000,
        )
        where = {m.key.decode(): (m.partition, m.offset) for m in consumer}
        consumer.close()
        admin = KafkaAdminClient(bootstrap_servers=kafka["HERALD_KAFKA_BOOTSTRAP"])
        committed = admin.list_group_offsets({"herald-delivery": None})
        admin.close()
        missing = want - dedup.seen
        sys.stderr.write(
            f"\n[kill] missing (partition, offset): {[where.get(m) for m in sorted(missing)]}; "
            f"group offsets: {str(committed)[:1500]}\n"
        )
    duplicates_raw = dedup.raw - len(dedup.seen)
    sys.stderr.write(
        f"\n[kill] burst {BURST}, killed after {at_kill} deliveries; all in {took:.1f}s after restart; "
        f"raw deliveries {dedup.raw}, raw duplicates {duplicates_raw}, "
        f"processed by the dedup receiver {len(dedup.processed)}, duplicates there 0 expected\n"
    )
    assert dedup.seen == want, "every alert arrived"
    assert len(dedup.processed) == BURST, "the receiver deduplicating on webhook-id processed each once"
    assert all(d.signature_ok for d in receiver.deliveries)
    consumer = KafkaConsumer(
        topics.DEADLETTER.name,
        bootstrap_servers=kafka["HERALD_KAFKA_BOOTSTRAP"],
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=2000,
    )
    letters = [DeadLetter.model_validate_json(m.value) for m in consumer]
    consumer.close()
    assert letters == []
