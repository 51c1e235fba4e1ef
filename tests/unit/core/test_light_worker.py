"""`herald worker light`: the light stages' own apps, run by one Faust worker, served by one /metrics."""

from __future__ import annotations

from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from herald.cli import LIGHT_STAGES, light_apps
from herald.core.metrics import exposition
from herald.core.worker import worker


def test_each_light_stage_keeps_the_app_and_consumer_group_of_its_own_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HERALD_STATE_DIR", str(tmp_path))
    apps = [app for app, _ in light_apps(CollectorRegistry())]
    assert [app.conf.id for app in apps] == [f"herald-{stage}" for stage in LIGHT_STAGES]
    assert [sorted(app.agents) for app in apps] == [
        [
            "herald.dedup",
            "herald.dedup_claims",
            "herald.dedup_gather",
            "herald.stories",
            "herald.story_sources",
        ],
        ["herald.classify"],
        ["herald.novelty"],
    ]


def test_one_worker_runs_them_all_and_only_the_first_serves_http(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HERALD_STATE_DIR", str(tmp_path))
    registry = CollectorRegistry()
    (first, settings), *rest = light_apps(registry)
    companions = [app for app, _ in rest]
    built = worker(first, settings, *companions)
    assert built.app is first and list(built.services) == companions
    assert first.conf.web_enabled and not any(app.conf.web_enabled for app in companions)
    # Every stage's series are in the one registry the first app's /metrics serves.
    body = exposition(registry)[0].decode()
    for stage in ("dedup", "stories", "classify", "novelty"):
        assert f'herald_up{{stage="{stage}"}} 1.0' in body
