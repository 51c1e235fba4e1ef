"""`herald feeds list` rendering: health per feed, failing feeds called out."""

from __future__ import annotations

from herald.poller.cli import health_rows, render
from herald.poller.feeds import Feed
from herald.poller.state import FeedHealth, FeedState

NOW = 1_800_000_000.0


def test_rows_show_health_errors_next_poll_and_304_ratio() -> None:
    feeds = [
        Feed(url="https://a.example/rss", name="Alpha"),
        Feed(url="https://b.example/rss", name="Bravo"),
        Feed(url="https://c.example/rss", name="Charlie"),
        Feed(url="https://d.example/rss", name="Delta", enabled=False),
    ]
    states = {
        "https://a.example/rss": FeedState(
            health=FeedHealth(
                last_attempt=NOW - 30,
                last_success=NOW - 30,
                last_status="304",
                fetches_ok=4,
                not_modified=3,
                next_poll=NOW + 600,
                interval=600,
            )
        ),
        "https://b.example/rss": FeedState(
            health=FeedHealth(
                last_attempt=NOW - 5,
                last_success=NOW - 7200,
                last_status="http_5xx",
                last_error="HTTP 503",
                consecutive_errors=5,
                errors_total=9,
                next_poll=NOW + 1800,
            )
        ),
    }
    rows = {r["name"]: r for r in health_rows(feeds, states, NOW)}
    assert rows["Alpha"]["health"] == "ok" and rows["Alpha"]["ratio_304"] == "75%"
    assert rows["Alpha"]["next_poll"] == "in 10m" and rows["Alpha"]["last_success"] == "30s ago"
    assert rows["Bravo"]["health"] == "FAILING" and rows["Bravo"]["errors"] == "5/9"
    assert rows["Bravo"]["last_success"] == "2.0h ago" and rows["Bravo"]["last_error"] == "HTTP 503"
    assert rows["Charlie"]["health"] == "never polled"
    assert rows["Delta"]["health"] == "disabled"
    table = render(list(rows.values()))
    assert table.splitlines()[0].startswith("FEED") and "304 RATIO" in table and len(table.splitlines()) == 5


def test_without_state_health_is_unknown() -> None:
    (row,) = health_rows([Feed(url="https://a.example/rss", name="Alpha")], None, NOW)
    assert row["health"] == "unknown"
