"""Scheduling: adaptive intervals within floor and ceiling, jittered backoff, server hints, no give-up."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from herald.poller.schedule import Policy, after_error, after_success, rate_interval
from herald.poller.state import FeedHealth

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
POLICY = Policy(floor=60, ceiling=3600, start=60, max_retry_after=86_400)


def success(health: FeedHealth, **kw: object) -> float:
    args: dict[str, object] = {
        "fixed": None,
        "new_entries": 0,
        "dates": [],
        "now": NOW,
        "rng": random.Random(7),
    }
    args.update(kw)
    return after_success(health, POLICY, **args)  # type: ignore[arg-type]


def test_busy_feed_is_polled_near_the_floor_quiet_feed_near_the_ceiling() -> None:
    busy = [NOW - timedelta(minutes=2 * i) for i in range(10)]  # one entry every 2 minutes
    quiet = [NOW - timedelta(days=i) for i in range(1, 11)]  # one a day
    h_busy, h_quiet = FeedHealth(), FeedHealth()
    success(h_busy, dates=busy)
    success(h_quiet, dates=quiet)
    assert h_busy.interval == 60  # half of ~2 min, clamped to the floor
    assert h_quiet.interval == 3600


def test_rate_counts_quiet_time_since_the_newest_entry() -> None:
    burst_long_ago = [NOW - timedelta(hours=6, minutes=i) for i in range(10)]
    fresh_burst = [NOW - timedelta(minutes=i) for i in range(10)]
    assert rate_interval(burst_long_ago, NOW) > rate_interval(fresh_burst, NOW)  # type: ignore[operator]
    assert rate_interval([NOW], NOW) is None


def test_without_dates_nothing_new_grows_and_news_shrinks_within_bounds() -> None:
    health = FeedHealth(interval=600)
    success(health, new_entries=0)
    assert health.interval == 900
    success(health, new_entries=3)
    assert health.interval == 450
    for _ in range(20):
        success(health, new_entries=0)
    assert health.interval == 3600
    for _ in range(20):
        success(health, new_entries=1)
    assert health.interval == 60


def test_adaptive_delay_is_jittered_but_fixed_interval_is_exact() -> None:
    delays = {round(success(FeedHealth(interval=600), rng=random.Random(seed)), 3) for seed in range(20)}
    assert len(delays) > 1 and all(810 <= d <= 990 for d in delays)  # 900 +- 10 %
    health = FeedHealth()
    assert success(health, fixed=5.0) == 5.0 and health.interval == 5.0


def test_cache_control_and_ttl_postpone_but_never_past_the_ceiling() -> None:
    assert success(FeedHealth(), fixed=60.0, max_age=900) == 900
    assert success(FeedHealth(), fixed=60.0, ttl=7200) == 3600
    assert success(FeedHealth(), fixed=60.0, max_age=0) == 60


def test_backoff_doubles_with_jitter_up_to_the_ceiling_and_never_stops() -> None:
    health = FeedHealth()
    rng = random.Random(3)
    uppers = []
    for n in range(1, 12):
        health.consecutive_errors = n
        delay = after_error(health, POLICY, fixed=None, retry_after=None, rng=rng)
        upper = min(3600, 60 * 2 ** (n - 1))
        assert upper / 2 <= delay <= upper
        uppers.append(upper)
    assert uppers[-1] == 3600  # capped: a failing feed is retried at least hourly, forever


def test_backoff_starts_from_a_fixed_interval() -> None:
    health = FeedHealth(consecutive_errors=1)
    assert 2.5 <= after_error(health, POLICY, fixed=5.0, retry_after=None, rng=random.Random(1)) <= 5.0


@pytest.mark.parametrize(("retry_after", "low"), [(7200.0, 7200.0), (10 * 86_400.0, 86_400.0), (1.0, 30.0)])
def test_retry_after_is_honoured_up_to_its_cap(retry_after: float, low: float) -> None:
    health = FeedHealth(consecutive_errors=1)
    delay = after_error(health, POLICY, fixed=None, retry_after=retry_after, rng=random.Random(1))
    assert delay >= low
    assert delay <= max(retry_after, 60) and delay <= 86_400
