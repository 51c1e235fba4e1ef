"""The demo's news day (``herald up`` without feeds), replayed through ``herald analyze``: the
alerts it must raise, and the ones it raised wrongly before, which it must not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from herald.cli import app
from herald_dev.local.demo import load_day

BARRAGE = "Russia fires record 472 drones at Ukraine in largest attack of the war"
FIRST_STRIKE = "Russia launches 120 drones at Ukraine overnight"


def replay_demo_day(tmp_path: Path) -> list[dict[str, Any]]:
    """Each demo feed rendered as the feed server serves it once every item is out, then replayed."""
    paths = []
    for name, feed in load_day().items():
        latest = max(item.offset for item in feed.items)
        path = tmp_path / f"{name}.xml"
        path.write_bytes(feed.render(now=feed.started + latest))
        paths.append(str(path))
    result = CliRunner().invoke(app, ["analyze", *paths, "--explain"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_the_demo_day_raises_exactly_its_alerts(tmp_path: Path) -> None:
    lines = replay_demo_day(tmp_path)
    alerts = [(a["title"], a["rule"]) for a in lines if a["kind"] == "alert"]
    assert alerts == [
        (FIRST_STRIKE, "new_type"),  # the first drone strike the demo's state has seen
        ("Strong earthquake shakes eastern Turkey", "new_type"),
        (BARRAGE, "record"),
    ]
    # Not raised any more: a first in a "place" called Ukraine (the country), a first in Odesa
    # Oblast the day after drones hit the country, a record claim on the barrage's missile count.
    texts = " ".join(a["text"] for a in lines if a["kind"] == "alert")
    assert "in Ukraine (UA)" not in texts and "Odesa" not in texts


def test_the_demo_day_explains_its_alerts_and_what_it_held_back(tmp_path: Path) -> None:
    lines = replay_demo_day(tmp_path)
    explained = {
        e["title"]: e for e in lines if e["kind"] == "explain" and e["type"] != "missile_artillery_strike"
    }
    record = next(f for f in explained[BARRAGE]["fired"] if f["rule"] == "record")
    assert record["trigger"] == "magnitude"
    assert record["series"] == "drones x air_drone_strike x UA"
    assert record["value"] == 472
    assert record["previous_high"]["value"] == 120
    assert record["previous_high"]["source"] == "Kyiv Ledger (demo)"
    assert record["previous_high"]["url"].endswith("/drones-120")
    assert record["claim"].startswith("Russia fires record 472 drones")
    assert "Kyiv Ledger (demo)" in record["text"] and "drones-120" in record["text"]
    odesa = explained["Overnight drone attack targets Odesa port"]
    assert odesa["fired"] == []
    assert [h["reason"] for h in odesa["held"]] == ["routine_in_country"]
    assert "Odesa Oblast" in odesa["held"][0]["detail"]
    first = explained[FIRST_STRIKE]["fired"][0]
    assert first["trigger"] == "scope" and first["scopes"][:2] == ["global", "country:UA"]
