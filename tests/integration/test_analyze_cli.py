"""`herald analyze`: the offline replay prints valid article, event and alert lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support.environment import herald_env
from tests.support.schemas import errors

DATA = Path(__file__).resolve().parents[1] / "data" / "analyze"
SCHEMA = {"article": "enriched_article.json", "event": "event.json", "alert": "alert.json"}


def run_analyze(path: Path) -> list[dict]:  # type: ignore[type-arg]
    out = subprocess.run(
        [sys.executable, "-m", "herald.cli", "analyze", str(path)],
        env=herald_env({}),
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_every_line_is_a_valid_record_of_its_kind() -> None:
    inputs = [json.loads(line) for line in (DATA / "news_day.jsonl").read_text().splitlines()]
    lines = run_analyze(DATA / "news_day.jsonl")
    for line in lines:
        kind = line.pop("kind")
        assert errors(SCHEMA[kind], line) == [], (kind, line)
        line["kind"] = kind
    articles = [line for line in lines if line["kind"] == "article"]
    assert sorted(a["id"] for a in articles) == sorted(a["id"] for a in inputs), "one article line per input"
    assert [a["published"] for a in articles] == sorted(a["published"] for a in articles), (
        "replayed in published order"
    )
    assert any(line["kind"] == "event" for line in lines)
    assert any(line["kind"] == "alert" for line in lines)


def test_a_syndicated_copy_is_marked_and_not_classified() -> None:
    lines = run_analyze(DATA / "news_day.jsonl")
    copies = [line for line in lines if line["kind"] == "article" and line["duplicate_of"]]
    assert [c["source"] for c in copies] == ["mirror-news"]
    events_of_copies = [e for e in lines if e["kind"] == "event" and e["article_id"] == copies[0]["id"]]
    assert events_of_copies == []


def test_an_rss_file_is_read_too(tmp_path: Path) -> None:
    from herald_dev.local.feedserver import Item, ScriptedFeed

    feed = ScriptedFeed(
        "Local",
        [Item("Earthquake of magnitude 6.4 hits Malatya", "https://x.example/q", "At least 9 were killed.")],
    )
    path = tmp_path / "feed.xml"
    path.write_bytes(feed.render())
    lines = run_analyze(path)
    assert lines[0]["kind"] == "article"
    assert lines[0]["title"] == "Earthquake of magnitude 6.4 hits Malatya"


def test_each_quantity_shows_its_role_and_time_reference_and_severity_names_only_this_events(
    tmp_path: Path,
) -> None:
    from datetime import UTC, datetime

    from herald.core.records import Article, stable_id

    when = datetime(2025, 6, 1, 6, 0, tzinfo=UTC)
    article = Article(
        id=stable_id("analyze-roles"), url="https://wire.example/barrage", source="wire",
        title="Russia fires 472 drones at Ukraine overnight",
        content="Russia launched 472 drones at Ukraine overnight, the air force said. Air defences shot "
        "down 385 drones. More than 1,100 drones were fired over the past week.",
        published=when, fetched_at=when,
    )  # fmt: skip
    path = tmp_path / "barrage.jsonl"
    path.write_text(article.model_dump_json() + "\n")
    lines = run_analyze(path)
    (record,) = [line for line in lines if line["kind"] == "article"]
    shown = {(q["value"], q["role"], q["time_ref"]) for q in record["quantities"] if q["unit"] == "drones"}
    assert {
        (472, "event", "this_event"),
        (385, "intercepted", "this_event"),
        (1100, "event", "cumulative"),
    } <= shown
    (event,) = [line for line in lines if line["kind"] == "event" and line["type"] == "air_drone_strike"]
    assert event["magnitude"] == {"drones": 472}
    reasons = " ".join(event["severity_reasons"])
    assert "472 drones" in reasons and "1100" not in reasons and "385" not in reasons


def test_what_analysts_have_is_read_and_a_bad_line_is_reported_not_fatal(tmp_path: Path) -> None:
    """Minimal articles (no id, no fetched_at, an id that is not 32 hex digits) are read, with the id
    the poller would give; a broken line is named on stderr with its number and field, the rest runs."""
    from herald.core.records import stable_id

    lines = [
        {
            "url": "https://wire.example.test/quake?utm_source=x",
            "title": "Earthquake of magnitude 6.4 hits Malatya",
            "summary": "At least 9 people were killed, officials said.",
            "published": "2026-05-02T04:00:00Z",
        },
        {
            "id": "story-17",
            "url": "https://wire.example.test/b",
            "title": "Markets calm",
            "published": "2026-05-02T05:00:00Z",
        },
        {"url": "https://wire.example.test/c", "title": "No date"},
        "not json at all",
    ]
    path = tmp_path / "analyst.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    out = subprocess.run(
        [sys.executable, "-m", "herald.cli", "analyze", str(path)],
        env=herald_env({}),
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert f"{path}:3: field 'published'" in out.stderr
    assert f"{path}:4: field '(line)': not JSON" in out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    articles = [r for r in records if r["kind"] == "article"]
    assert [a["id"] for a in articles] == [
        stable_id("url", "https://wire.example.test/quake"),
        stable_id("url", "https://wire.example.test/b"),
    ]
    assert articles[0]["source"] == "wire.example.test"
    assert any(r["kind"] == "event" and r["type"] == "natural_disaster" for r in records)
