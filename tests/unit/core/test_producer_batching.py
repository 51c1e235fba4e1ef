"""Batching and commit settings reach both kinds of producer and the workers' consumers."""

from __future__ import annotations

from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry
from pydantic import ValidationError

from herald.core.kafka import producer_config
from herald.core.settings import CoreSettings
from herald.core.streams import make_app


def test_the_poller_producer_takes_the_batch_and_linger_settings() -> None:
    settings = CoreSettings(producer_batch_bytes=65536, producer_linger_seconds=0.02)
    config = producer_config(settings, "herald-test")
    assert config["batch_size"] == 65536
    assert config["linger_ms"] == 20
    assert config["max_request_size"] == 2 * settings.max_record_bytes
    assert config["acks"] == "all" and config["enable_idempotence"] is True
    assert producer_config(settings, "herald-test", linger_ms=0)["linger_ms"] == 0  # overrides win


def test_a_stage_app_batches_and_commits_as_the_settings_say(tmp_path: Path) -> None:
    settings = CoreSettings(
        state_dir=tmp_path,
        producer_batch_bytes=262144,
        producer_linger_seconds=0.01,
        commit_interval_seconds=2.0,
        commit_every_records=5000,
        changelog_linger_seconds=0,
    )
    app = make_app(settings, "batchtest", CollectorRegistry(), 9199)
    assert app.conf.producer_max_batch_size == 262144
    assert app.conf.producer_linger == pytest.approx(0.01)
    assert app.conf.broker_commit_interval == pytest.approx(2.0)
    assert app.conf.broker_commit_every == 5000
    assert app.conf.producer_max_request_size == 2 * settings.max_record_bytes


def test_defaults_batch_half_a_mebibyte_and_commit_once_a_second() -> None:
    settings = CoreSettings()
    assert settings.producer_batch_bytes == 512 * 1024
    assert settings.commit_interval_seconds == 1.0
    assert settings.commit_every_records >= 10_000


def test_a_batch_larger_than_a_request_is_refused() -> None:
    with pytest.raises(ValidationError):
        CoreSettings(max_record_bytes=100_000, producer_batch_bytes=300_000)


def test_a_stage_app_lingers_for_changelog_records_when_outputs_are_sent_at_once(tmp_path: Path) -> None:
    settings = CoreSettings(state_dir=tmp_path, producer_linger_seconds=0.005, changelog_linger_seconds=0.3)
    app = make_app(settings, "lingertest", CollectorRegistry(), 9198)
    assert app.conf.producer_linger == pytest.approx(0.3)
