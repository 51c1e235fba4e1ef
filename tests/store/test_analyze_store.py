"""`herald analyze --store FILE`: the replay's records land in SQLite through the store's writer.

Replayed from events (``--events``), so no spaCy model is loaded: the barrage scenario's events and the
alerts novelty raises on them. Articles take the same path (``store_lines``) and the writer's own
tests cover their rows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from herald.store.tables import alerts, events, stories
from tests.support.store import snapshot

SCENARIO = Path(__file__).resolve().parents[1] / "data" / "alerts" / "barrage.events.jsonl"


def analyze_into(db: Path) -> list[dict]:  # type: ignore[type-arg]
    done = subprocess.run(
        [sys.executable, "-m", "herald.cli", "analyze", "--events", str(SCENARIO), "--store", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "not stored" not in done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_the_replay_is_stored_once_and_a_second_replay_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "day.db"
    lines = analyze_into(db)
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        stored = {t.name: {r.id for r in conn.execute(sa.select(t.c.id))} for t in (events, alerts)}
        story_ids = {r.id for r in conn.execute(sa.select(stories.c.id))}
    by_kind = {k: {ln["id"] for ln in lines if ln["kind"] == k} for k in ("event", "alert")}
    assert by_kind["alert"], "the barrage raises alerts: an empty comparison would prove nothing"
    assert stored == {"events": by_kind["event"], "alerts": by_kind["alert"]}
    assert story_ids == {ln["story_id"] for ln in lines if ln["kind"] == "event"}
    before = snapshot(engine)
    analyze_into(db)
    assert snapshot(engine) == before
    engine.dispose()
