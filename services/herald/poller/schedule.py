"""When to poll a feed next: adapted to how often it publishes, backed off on errors, never given up.

Pure arithmetic on :class:`~herald.poller.state.FeedHealth`; the poller supplies the clock and the
random source, so tests pin both.

* Success: a feed's interval follows its publishing rate, estimated from the dates of its newest
  entries (poll about twice per expected new entry), or, when the feed gives no usable dates, grown
  by half after a poll with nothing new and halved after one with news. Always within
  [floor, ceiling], with a little jitter so feeds added together drift apart.
* Error: jittered exponential backoff from the floor (or the feed's fixed interval) up to the
  ceiling. The ceiling is the longest a failing feed ever waits: it is retried forever, and its
  health record shows it failing.
* The server's word counts: ``Retry-After`` (up to a cap), ``Cache-Control: max-age`` and the feed's
  own ``<ttl>``/``sy:updatePeriod`` hints (up to the ceiling) postpone the next poll.
* A feed with a fixed ``interval`` in the feed list is polled at exactly that interval when healthy
  (the operator decided), and backs off from it on errors.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from .state import FeedHealth

RATE_SAMPLE = 10  # newest entries used to estimate a publishing rate
JITTER = 0.1  # +-10 % on adaptive intervals
GROW = 1.5  # after a poll with nothing new (no dates to go by)
SHRINK = 0.5  # after a poll with news (no dates to go by)


@dataclass(frozen=True)
class Policy:
    floor: float = 60.0
    ceiling: float = 3600.0
    start: float = 60.0
    max_retry_after: float = 86_400.0

    def clamp(self, seconds: float) -> float:
        return min(self.ceiling, max(self.floor, seconds))


def rate_interval(dates: list[datetime], now: datetime) -> float | None:
    """Half the mean gap between the newest entries, counting the quiet time since the newest.

    ``K / (now - oldest of the newest K)`` is the publishing rate; including the time since the newest
    entry means a feed that went quiet is polled less and less often without any special case.
    """
    recent = sorted((d for d in dates if d <= now), reverse=True)[:RATE_SAMPLE]
    if len(recent) < 2:
        return None
    span = (now - recent[-1]).total_seconds()
    if span <= 0:
        return None
    return span / len(recent) / 2


def _jitter(seconds: float, rng: random.Random) -> float:
    return seconds * (1 + rng.uniform(-JITTER, JITTER))


def after_success(
    health: FeedHealth,
    policy: Policy,
    *,
    fixed: float | None,
    new_entries: int,
    dates: list[datetime],
    now: datetime,
    max_age: float | None = None,
    ttl: float | None = None,
    rng: random.Random,
) -> float:
    """Seconds until the next poll after a 200 or a 304; updates ``health.interval``."""
    if fixed is not None:
        health.interval = fixed
        delay = fixed
    else:
        current = policy.clamp(health.interval or policy.start)
        estimate = rate_interval(dates, now)
        if estimate is not None:
            health.interval = policy.clamp(estimate)
        else:
            health.interval = policy.clamp(current * (SHRINK if new_entries else GROW))
        delay = _jitter(health.interval, rng)
    for hint in (max_age, ttl):
        if hint:
            delay = max(delay, min(hint, policy.ceiling))
    return delay


def after_error(
    health: FeedHealth,
    policy: Policy,
    *,
    fixed: float | None,
    retry_after: float | None,
    rng: random.Random,
) -> float:
    """Seconds until the next try after failure number ``health.consecutive_errors`` (1 for the first).

    "Equal jitter": a random point in the upper half of the exponential step, so retries of feeds
    that failed together (one host down) spread out but never collapse to an immediate retry.
    """
    base = fixed if fixed is not None else policy.floor
    step = min(max(policy.ceiling, base), base * 2 ** min(40, max(0, health.consecutive_errors - 1)))
    delay = rng.uniform(step / 2, step)
    if retry_after is not None:
        delay = max(delay, min(retry_after, policy.max_retry_after))
    return delay
