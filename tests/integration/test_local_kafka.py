"""The project's own broker launcher: idempotent start, honest status, stop when stopped."""

from __future__ import annotations

import base64
import subprocess
import sys

import pytest
from tests.support.environment import herald_env

from herald.core.kafka import ensure_topics
from herald.core.topics import ALL
from herald_dev.local.kafka import LocalKafka, new_cluster_id
from herald_dev.local.ports import free_port_pair

pytestmark = pytest.mark.kafka


def test_start_when_running_says_so(kafka_broker: LocalKafka) -> None:
    started, seconds = kafka_broker.start()
    assert (started, seconds) == (False, 0.0)
    status = kafka_broker.status()
    assert status.running and status.answering and status.pid == kafka_broker.pid()


def test_topics_are_created_idempotently(kafka_broker: LocalKafka) -> None:
    settings = kafka_broker.settings
    assert ensure_topics(settings) == []  # all exist after start
    from kafka import KafkaAdminClient

    client = KafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    try:
        names = set(client.list_topics())
    finally:
        client.close()
    assert {t.name for t in ALL} <= names


def test_stop_when_stopped_says_so(kafka_broker: LocalKafka, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = LocalKafka(
        kafka_broker.settings.model_copy(
            update={"kafka_bootstrap": f"127.0.0.1:{free_port_pair()}", "state_dir": tmp_path}
        )
    )
    assert other.pid() is None
    assert other.stop() is False


def test_cli_status_reports_the_running_broker(kafka_broker: LocalKafka) -> None:
    s = kafka_broker.settings
    env = herald_env(
        {
            "HERALD_KAFKA_BOOTSTRAP": s.kafka_bootstrap,
            "HERALD_STATE_DIR": str(s.state_dir),
            "HERALD_KAFKA_DIST_DIR": str(s.kafka_dist_dir),
        }
    )
    out = subprocess.run(
        [sys.executable, "-m", "herald.cli", "kafka", "status"], env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert f"pid {kafka_broker.pid()}" in out.stdout and "answering=True" in out.stdout
    again = subprocess.run(
        [sys.executable, "-m", "herald.cli", "kafka", "start"], env=env, capture_output=True, text=True
    )
    assert again.returncode == 0 and "already running" in again.stdout


def test_a_cluster_id_never_starts_with_a_dash() -> None:
    """StorageTool reads "-t -x..." as an option; one random id in 64 would begin that way."""
    dash_first = b"\xf8" + bytes(15)
    assert base64.urlsafe_b64encode(dash_first).startswith(b"-")
    draws = iter([dash_first, bytes(16)])
    assert new_cluster_id(lambda: next(draws)) == "A" * 22
