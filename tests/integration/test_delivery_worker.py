"""The delivery worker as a process on the real broker, against local HTTP receivers.

One worker serves the module (a Faust start costs seconds): a webhook sink and a Slack sink (paced
at one message a second), each pointed at its own receiver. An endpoint down for 30 s with the whole
pipeline running is a fault-suite scenario (tests/fault/test_webhook_faults.py).
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from kafka import KafkaConsumer
from tests.support.environment import herald_env
from tests.support.procs import wait_for

from herald.core import topics
from herald.core.kafka import producer
from herald.core.records import Alert, DeadLetter, DeliveryOutcome, Location, stable_id
from herald.core.settings import CoreSettings
from herald.core.webhooks import decode_secret
from herald_dev.local.ports import free_port
from herald_dev.local.receiver import Receiver

pytestmark = [pytest.mark.kafka, pytest.mark.slow]

SECRET = "whsec_" + base64.b64encode(b"delivery worker test secret 32b!").decode()


def make_alert(tag: str, n: int, severity: int = 5) -> Alert:
    now = datetime.now(UTC)
    return Alert(
        id=stable_id("alert", tag, str(n)),
        rule="new_type",
        event_id=stable_id("event", tag, str(n)),
        article_id=stable_id("article", tag, str(n)),
        story_id=stable_id("story", tag, str(n)),
        type="air_drone_strike",
        severity=severity,
        title=f"{tag} alert {n}",
        text="First air drone strike reported in Zakarpattia Oblast (UA) in 30 days.",
        urls=[f"https://news.example.test/{tag}/{n}"],
        created_at=now,
        published=now,
        fetched_at=now,
        location=Location(name="Uzhhorod", country_code="UA", admin1="Zakarpattia Oblast"),
    )


def publish(env: dict[str, str], alerts: list[Alert]) -> None:
    prod = producer(CoreSettings(kafka_bootstrap=env["HERALD_KAFKA_BOOTSTRAP"]), "test-alerts")
    sent = [prod.send(topics.ALERTS.name, key=a.id.encode(), value=a.to_json()) for a in alerts]
    prod.flush()
    for future in sent:
        future.get(timeout=30)
    prod.close()


def dead_letters(env: dict[str, str]) -> list[DeadLetter]:
    consumer = KafkaConsumer(
        topics.DEADLETTER.name,
        bootstrap_servers=env["HERALD_KAFKA_BOOTSTRAP"],
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=3000,
    )
    try:
        return [DeadLetter.model_validate_json(m.value) for m in consumer]
    finally:
        consumer.close()


def outcomes(env: dict[str, str]) -> set[tuple[str, str, str, str | None]]:
    """(alert id, sink, status, reason) of every outcome delivery reported to the store's topic."""
    consumer = KafkaConsumer(
        topics.DELIVERIES.name,
        bootstrap_servers=env["HERALD_KAFKA_BOOTSTRAP"],
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=3000,
    )
    try:
        messages = list(consumer)
        records = [DeliveryOutcome.model_validate_json(m.value) for m in messages]
        assert all(m.key.decode() == r.alert_id for m, r in zip(messages, records, strict=True))
        return {(r.alert_id, r.sink, r.status, r.reason) for r in records}
    finally:
        consumer.close()


class Endpoint:
    """A receiver on a fixed free port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.receiver: Receiver | None = None
        self.history: list[Receiver] = []

    def up(self) -> Receiver:
        self.receiver = Receiver(decode_secret(SECRET), port=self.port).start()
        self.history.append(self.receiver)
        return self.receiver

    def down(self) -> None:
        if self.receiver:
            self.receiver.stop()
            self.receiver = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/herald"

    def ids(self, prefix: str = "") -> list[str]:
        return [d.webhook_id for r in self.history for d in r.deliveries]

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(a.body) for r in self.history for a in r.attempts if 200 <= a.status < 300]


@pytest.fixture(scope="module")
def worker(kafka: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    hook, slack = Endpoint(), Endpoint()
    hook.up()
    slack.up()
    log = tmp_path_factory.mktemp("delivery") / "delivery.log"
    env = herald_env(
        {
            **kafka,
            "HERALD_METRICS_PORT": str(free_port()),
            "HERALD_WEBHOOK_URL": hook.url,
            "HERALD_WEBHOOK_SECRET": SECRET,
            "HERALD_SLACK_WEBHOOK_URL": slack.url,
            "HERALD_SLACK_MIN_SEVERITY": "4",
            "HERALD_SLACK_MIN_INTERVAL_SECONDS": "1.0",
            "HERALD_SLACK_DIGEST_MIN_SEVERITY": "1",
            "HERALD_DIGEST_INTERVAL_SECONDS": "2",
            "HERALD_DELIVERY_BACKOFF_INITIAL_SECONDS": "0.2",
            "HERALD_DELIVERY_BACKOFF_MAX_SECONDS": "2",
            "HERALD_DELIVERY_GIVE_UP_SECONDS": "90",
        }
    )
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "herald.cli", "worker", "delivery"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield {"env": env, "hook": hook, "slack": slack, "proc": proc, "log": log}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        hook.down()
        slack.down()
        sys.stderr.write(f"\n[delivery worker log: {log}]\n")


def test_every_sink_gets_each_alert_without_waiting_for_slower_sinks(worker: dict[str, Any]) -> None:
    alerts = [make_alert("burst", i) for i in range(8)] + [make_alert("minor", 0, severity=2)]
    publish(worker["env"], alerts)
    hook, slack = worker["hook"], worker["slack"]
    want = {a.id for a in alerts}
    wait_for(lambda: want <= set(hook.ids()), 60, what="the webhook deliveries")
    # Slack is paced at one message a second: it is still busy when the webhook has everything.
    slack_when_hook_done = len([b for b in slack.bodies() if "burst alert" in json.dumps(b)])
    wait_for(
        lambda: len([b for b in slack.bodies() if "burst alert" in json.dumps(b)]) >= 8, 60, what="Slack"
    )
    assert slack_when_hook_done < 8, "the webhook sink did not have to wait for Slack's pacing"
    assert all(d.signature_ok for r in hook.history for d in r.deliveries)
    # Below Slack's min severity, the minor alert comes in a digest (sent by the timer: no alert follows).
    wait_for(lambda: any("minor alert 0" in json.dumps(b) for b in slack.bodies()), 30, what="the digest")
    (digest,) = [b for b in slack.bodies() if "minor alert 0" in json.dumps(b)]
    assert digest["text"].startswith("Herald digest") and "burst alert" not in json.dumps(digest)
    assert sorted(hook.ids()) == sorted(want), "one delivery per alert"
    # The store learns each alert's fate per sink; the digested alert twice (waiting, then sent).
    minor = alerts[-1].id
    expected = {(a.id, "webhook", "delivered", None) for a in alerts}
    expected |= {(a.id, "slack", "delivered", None) for a in alerts[:-1]}
    expected |= {(minor, "slack", "digested", None), (minor, "slack", "delivered", "digest")}
    wait_for(lambda: expected <= outcomes(worker["env"]), 30, what="the delivery outcomes")


def test_a_rejected_alert_is_dead_lettered_and_the_rest_flow(worker: dict[str, Any]) -> None:
    hook = worker["hook"]
    hook.receiver.script.steps = [(400, {}, 0.0)]
    bad = make_alert("rejected", 0, severity=2)  # below Slack's route: only the webhook sees it
    publish(worker["env"], [bad])
    wait_for(lambda: any(d.key == bad.id for d in dead_letters(worker["env"])), 60, what="the dead letter")
    letter = next(d for d in dead_letters(worker["env"]) if d.key == bad.id)
    assert letter.reason == "delivery_rejected" and letter.sink == "webhook" and "HTTP 400" in letter.error
    assert Alert.model_validate_json(letter.payload) == bad
    wait_for(
        lambda: any(o[:3] == (bad.id, "webhook", "dead_lettered") for o in outcomes(worker["env"])),
        30,
        what="the dead_lettered outcome",
    )
    reason = next(o[3] for o in outcomes(worker["env"]) if o[:3] == (bad.id, "webhook", "dead_lettered"))
    assert reason is not None and reason.startswith("delivery_rejected") and "HTTP 400" in reason
    after = make_alert("after-rejected", 0, severity=2)
    publish(worker["env"], [after])
    wait_for(lambda: after.id in hook.ids(), 60, what="the next alert")
    assert bad.id not in hook.ids()
