"""Per-feed state: what is remembered, and how state records fold back after a restart."""

from __future__ import annotations

from herald.poller.output import decode_state
from herald.poller.state import FeedHealth, SeenState


def test_advance_keeps_everything_in_the_latest_fetch_and_a_bounded_tail() -> None:
    seen = SeenState(seen=[f"old{i}" for i in range(100)])
    current = [f"now{i}" for i in range(30)]
    assert seen.advance(current, extra=10)
    assert seen.seen[-30:] == current
    assert seen.seen[:10] == [f"old{i}" for i in range(90, 100)]
    assert not seen.advance(current, extra=10)  # nothing new: nothing to write


def test_advance_keeps_a_feed_bigger_than_the_extra_allowance() -> None:
    seen = SeenState()
    big = [f"id{i}" for i in range(5000)]
    seen.advance(big, extra=10)
    assert len(seen.seen) == 5000


def test_state_round_trips_and_latest_record_wins() -> None:
    url = "https://wire.example.org/rss"
    h1 = FeedHealth(consecutive_errors=2, last_status="http_5xx")
    h2 = FeedHealth(consecutive_errors=0, last_status="200", fetches_ok=5, not_modified=4)
    records = [
        (f"seen:{url}".encode(), SeenState("e1", None, ["a"]).to_json()),
        (f"health:{url}".encode(), h1.to_json()),
        (f"seen:{url}".encode(), SeenState("e2", "Tue, 01 Jan 2026 00:00:00 GMT", ["a", "b"]).to_json()),
        (f"health:{url}".encode(), h2.to_json()),
        (b"https://legacy.example/rss", SeenState(None, None, ["x"]).to_json()),  # first poller version
        (b"seen:https://gone.example/rss", SeenState(None, None, ["y"]).to_json()),
        (b"seen:https://gone.example/rss", None),  # tombstone
        (b"health:https://broken.example/rss", b"{not json"),
    ]
    states = decode_state(records)
    assert states[url].seen == SeenState("e2", "Tue, 01 Jan 2026 00:00:00 GMT", ["a", "b"])
    assert states[url].health == h2
    assert states[url].health.not_modified_ratio() == 0.8
    assert states["https://legacy.example/rss"].seen.seen == ["x"]
    assert states["https://gone.example/rss"].seen.seen == []
    assert states["https://broken.example/rss"].health == FeedHealth()


def test_health_ignores_fields_from_a_newer_version() -> None:
    raw = b'{"consecutive_errors": 4, "future_field": 1}'
    assert FeedHealth.from_json(raw).consecutive_errors == 4
