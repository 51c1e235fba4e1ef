"""Replication settings: what a replicated deployment adds to topics and to the workers' producers."""

from __future__ import annotations

from pathlib import Path

import faust
import pytest
from pydantic import ValidationError

from herald.core.replication import apply_producer_guarantees
from herald.core.settings import CoreSettings


def test_single_broker_defaults_add_nothing() -> None:
    settings = CoreSettings()
    assert settings.replication_config() == {}
    assert settings.idempotent is False


def test_replicated_topics_get_min_insync_replicas_and_idempotent_workers() -> None:
    settings = CoreSettings(replication_factor=3, min_insync_replicas=2)
    assert settings.replication_config() == {"min.insync.replicas": "2"}
    assert settings.idempotent is True
    assert CoreSettings(replication_factor=3, idempotent_producers=False).idempotent is False


def test_min_insync_above_the_replication_factor_is_refused() -> None:
    with pytest.raises(ValidationError):
        CoreSettings(replication_factor=2, min_insync_replicas=3)


@pytest.mark.parametrize(("replication", "idempotent"), [(1, False), (3, True)])
def test_the_faust_producer_is_built_idempotent_when_replicated(
    tmp_path: Path, replication: int, idempotent: bool
) -> None:
    settings = CoreSettings(replication_factor=replication, state_dir=tmp_path)
    app = faust.App(f"herald-test-{replication}", broker="kafka://127.0.0.1:9", datadir=str(tmp_path))
    apply_producer_guarantees(app, settings)
    extra = dict(app.producer._settings_extra())
    assert extra.get("enable_idempotence", False) is idempotent
    if idempotent:
        assert extra["acks"] == "all"
