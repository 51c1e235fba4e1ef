"""The novelty worker as a process on the real broker: history from ``herald backfill``, live events,
a SIGKILL and a restart that must find the learned state in the table's changelog.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from kafka import KafkaConsumer
from tests.support.environment import herald_env
from tests.support.procs import wait_for
from typer.testing import CliRunner

from herald.cli import app
from herald.core import topics
from herald.core.families import family_of
from herald.core.kafka import producer
from herald.core.records import Alert, Event, Location, stable_id
from herald.core.settings import CoreSettings
from herald_dev.local.ports import free_port

pytestmark = [pytest.mark.kafka, pytest.mark.slow]

SCENARIO = Path(__file__).resolve().parents[1] / "data" / "alerts" / "new_region.events.jsonl"


def read_alerts(env: dict[str, str]) -> list[Alert]:
    consumer = KafkaConsumer(
        topics.ALERTS.name,
        bootstrap_servers=env["HERALD_KAFKA_BOOTSTRAP"],
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=1500,
    )
    try:
        return [Alert.model_validate_json(m.value) for m in consumer]
    finally:
        consumer.close()


def send_events(env: dict[str, str], events: list[Event]) -> None:
    prod = producer(CoreSettings(kafka_bootstrap=env["HERALD_KAFKA_BOOTSTRAP"]), "test-events")
    # Keyed as the stories stage emits them: by type family, the novelty stage's partitioning.
    sent = [prod.send(topics.EVENTS.name, key=family_of(e.type).encode(), value=e.to_json()) for e in events]
    prod.flush()
    for future in sent:
        future.get(timeout=30)
    prod.close()


def start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "herald.cli", "worker", "novelty"],
            env={**env, "HERALD_METRICS_PORT": str(free_port())},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def test_backfilled_history_then_live_events_then_a_restart(kafka: dict[str, str], tmp_path: Path) -> None:
    lines = [json.loads(line) for line in SCENARIO.read_text().splitlines()]
    history_file = tmp_path / "history.events.jsonl"
    history_file.write_text(
        "".join(json.dumps({**line, "learn_only": False}) + "\n" for line in lines if line["learn_only"])
    )
    live = [Event.model_validate(line) for line in lines if not line["learn_only"]]
    by_ref = {line["ref"]: Event.model_validate(line) for line in lines}
    before_kill = [e for e in live if e.id != by_ref["west2"].id]

    result = CliRunner().invoke(app, ["backfill", str(history_file)], env=kafka)
    assert result.exit_code == 0, result.output
    assert "sent 12 history events" in result.stdout
    send_events(kafka, before_kill)

    # Every region first alerts (no routine policy): only recovered state then tells a region the
    # worker saw before the kill from one it never saw.
    env = herald_env({**kafka, "HERALD_NOVELTY_LOCAL_MIN_KILLED": "0"})
    log = tmp_path / "novelty.log"
    worker = start(env, log)
    try:
        wait_for(lambda: len(read_alerts(kafka)) >= 1, 90, what="the first alert")
        time.sleep(2.0)  # the rest of the events: nothing more may come
        first = read_alerts(kafka)
        west = by_ref["west"]
        # Exactly the offline replay's alert: the first strike on Zakarpattia, with the same id.
        assert [(a.event_id, a.rule) for a in first] == [(west.id, "new_type")]
        assert first[0].id == stable_id("alert", west.story_id, "new_type")
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()

        # After the kill: the same region again (learned before the kill: quiet), and a region never
        # struck (new). Only a recovered table tells the two apart.
        fresh = by_ref["west2"].model_copy(
            update={
                "id": stable_id("fresh"),
                "story_id": stable_id("fresh-story"),
                "location": Location(name="Chernivtsi", country_code="UA", admin1="Chernivtsi Oblast"),
                "published": by_ref["west2"].published + timedelta(hours=1),
            }
        )
        send_events(kafka, [by_ref["west2"], fresh])
        worker = start(env, log)
        wait_for(
            lambda: any(a.event_id == fresh.id for a in read_alerts(kafka)),
            90,
            what="the alert after restart",
        )
        time.sleep(1.0)
        after = read_alerts(kafka)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)
    ids = {a.id for a in after}
    assert {a.event_id for a in after} == {west.id, fresh.id}, (
        "west2 was known from the state before the kill"
    )
    assert len(ids) == 2
    sys.stderr.write(f"\n[novelty] {len(after)} alert records on news.alerts for {len(ids)} alerts\n")
