"""Novelty scenarios, run through ``herald analyze FILE --events`` and compared with pinned alerts.

Each scenario in tests/data/alerts is a JSONL of Event records written for the test (see
make_scenarios.py) and an ``.expected.json`` naming, by the events' ``ref``, every alert that must be
raised — and so, by omission, every event that must stay quiet.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.support.schemas import errors
from typer.testing import CliRunner

from herald.cli import app

DATA = Path(__file__).resolve().parents[2] / "data" / "alerts"
SCENARIOS = sorted(p.name.removesuffix(".events.jsonl") for p in DATA.glob("*.events.jsonl"))


def run_analyze(path: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["analyze", str(path), "--events"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_every_scenario_has_pinned_expectations() -> None:
    assert set(SCENARIOS) == {
        "barrage",
        "new_region",
        "sport_market",
        "syndicated_record",
        "death_toll",
        "desk_night",
    }
    for name in SCENARIOS:
        assert (DATA / f"{name}.expected.json").exists()


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_raises_exactly_the_pinned_alerts(name: str) -> None:
    events = [json.loads(line) for line in (DATA / f"{name}.events.jsonl").read_text().splitlines()]
    ref_of = {e["id"]: e["ref"] for e in events}
    expected = json.loads((DATA / f"{name}.expected.json").read_text())["alerts"]

    lines = run_analyze(DATA / f"{name}.events.jsonl")
    assert sum(1 for line in lines if line["kind"] == "event") == len(events)
    alerts = [line for line in lines if line["kind"] == "alert"]
    first_alert_of_ref = {ref_of[a["event_id"]]: a["id"] for a in alerts if a["update_of"] is None}

    got = [(ref_of[a["event_id"]], a["rule"]) for a in alerts]
    assert got == [(e["ref"], e["rule"]) for e in expected]
    for alert, want in zip(alerts, expected, strict=True):
        for key, value in want["evidence"].items():
            assert alert["evidence"][key] == value, (want["ref"], key)
        if "update_of" in want:
            assert alert["update_of"] == first_alert_of_ref[want["update_of"]]
        else:
            assert alert["update_of"] is None
    assert len({a["id"] for a in alerts}) == len(alerts), "every alert has its own id"
    for line in lines:  # the scenario's events and the alerts keep to the schemas
        record = {k: v for k, v in line.items() if k != "kind"}
        assert errors("alert.json" if line["kind"] == "alert" else "event.json", record) == []


def test_replay_is_deterministic() -> None:
    path = DATA / "death_toll.events.jsonl"
    first = [line for line in run_analyze(path) if line["kind"] == "alert"]
    second = [line for line in run_analyze(path) if line["kind"] == "alert"]
    assert first == second


def test_article_path_through_the_whole_offline_pipeline() -> None:
    """Articles through dedup, enrichment (spaCy), classification, stories and novelty, as main has
    them: the record barrage alerts, and the sport and market "records" do not. Which place the
    upstream stages attach is theirs to improve, so only the rule outcome is pinned here."""
    path = DATA / "article_path.articles.jsonl"
    articles = [json.loads(line) for line in path.read_text().splitlines()]
    by_id = {a["id"]: a["title"] for a in articles}
    result = CliRunner().invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert sum(1 for line in lines if line["kind"] == "article") == len(articles)
    alerts = [line for line in lines if line["kind"] == "alert"]
    # The 480-drone barrage is a record; the sport and market "records" raise nothing; the strike on
    # a Kharkiv power station (severity 4), the day after 90 drones hit Ukraine, is a first for its
    # region in a country that sees drone strikes daily: not news (routine_in_country).
    assert {(by_id[a["article_id"]], a["rule"]) for a in alerts} == {
        ("Russia fires 480 drones at Ukraine in largest attack of the war", "record"),
    }
    record = next(a for a in alerts if a["rule"] == "record")
    assert record["evidence"]["value"] == 480 and record["evidence"]["previous"] == 90
    assert len({(a["story_id"], a["rule"]) for a in alerts}) == len(alerts)


def test_the_desk_night_explains_what_it_held_back() -> None:
    """The desk night's wrong alerts of old are held, each for its own reason, as --explain says."""
    path = DATA / "desk_night.events.jsonl"
    ref_of = {json.loads(line)["id"]: json.loads(line)["ref"] for line in path.read_text().splitlines()}
    result = CliRunner().invoke(app, ["analyze", str(path), "--events", "--explain"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    held = {
        ref_of[e["event_id"]]: [(h["rule"], h["reason"]) for h in e["held"]]
        for e in lines
        if e["kind"] == "explain" and e["held"] and not e["fired"]
    }
    assert {ref: reasons for ref, reasons in held.items() if not ref.startswith("h")} == {
        "rewrite": [("any", "retelling")],
        "follow": [("update", "new_count")],
        "odesa": [("new_type", "routine_in_country")],
    }


def test_a_bad_event_line_is_named_and_the_rest_replayed(tmp_path: Path) -> None:
    lines = (DATA / "death_toll.events.jsonl").read_text().splitlines()
    broken = json.loads(lines[1])
    del broken["story_id"]
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join([lines[0], json.dumps(broken), *lines[2:]]) + "\n")
    result = CliRunner().invoke(app, ["analyze", str(path), "--events"])
    assert result.exit_code == 1
    assert f"{path}:2: field 'story_id'" in result.stderr
    replayed = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert sum(1 for x in replayed if x["kind"] == "event") == len(lines) - 1
