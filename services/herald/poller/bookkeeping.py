"""What a poll's outcome does to its feed: health, next poll, metrics, the saved health record.

A mixin of ``Poller`` (``service.py``): the loop and the poll call these after every fetch, with the
poll's start times, so the schedule is counted from when the poll began, not from when it ended.
"""

from __future__ import annotations

import logging
import random
import time
from datetime import UTC, datetime

from .feeds import Feed
from .fetch import FetchResult
from .metrics import PollerMetrics
from .output import StateStore
from .schedule import Policy, after_error, after_success
from .settings import PollerSettings
from .state import FeedState

log = logging.getLogger("herald.poller")


class FeedBookkeeping:
    """Records success and failure per feed; the attributes below are the ``Poller``'s."""

    settings: PollerSettings
    feeds: dict[str, Feed]
    metrics: PollerMetrics
    store: StateStore
    policy: Policy
    rng: random.Random
    state: dict[str, FeedState]
    next_due: dict[str, float]  # monotonic seconds
    labelled: set[str]
    failing: set[str]

    def _succeeded(
        self,
        feed: Feed,
        result: FetchResult,
        started_wall: float,
        started: float,
        *,
        new: int,
        dates: list[datetime],
        ttl: float | None,
        deferred: int,
        unchanged: bool = False,
    ) -> None:
        health = self.state[feed.url].health
        status = "304" if result.status == 304 else str(result.status)
        health.last_attempt = health.last_success = started_wall
        health.last_status, health.last_error = status, ""
        health.consecutive_errors = 0
        health.fetches_ok += 1
        if result.status == 304:
            health.not_modified += 1
            outcome = "not_modified"
        elif unchanged:
            health.unchanged += 1
            outcome = "unchanged"
        else:
            outcome = "ok"
        delay = after_success(
            health,
            self.policy,
            fixed=feed.interval,
            new_entries=new,
            dates=dates,
            now=datetime.fromtimestamp(started_wall, UTC),
            max_age=result.max_age,
            ttl=ttl,
            rng=self.rng,
        )
        if deferred:
            delay = min(delay, self.policy.floor)
        self._schedule(feed, started_wall, started, delay)
        self.metrics.fetches.labels(outcome).inc()
        self.failing.discard(feed.url)
        if feed.name in self.labelled:
            self.metrics.last_success.labels(feed.name).set(started_wall)
            self.metrics.consecutive_errors.labels(feed.name).set(0)
        self._update_health_gauges()
        self.store.save_health(feed.url, health)

    def _failed(
        self,
        feed: Feed,
        reason: str,
        detail: str,
        started_wall: float,
        started: float,
        *,
        retry_after: float | None,
    ) -> None:
        health = self.state[feed.url].health
        health.last_attempt = started_wall
        health.last_status, health.last_error = reason, detail[:500]
        health.consecutive_errors += 1
        health.errors_total += 1
        delay = after_error(health, self.policy, fixed=feed.interval, retry_after=retry_after, rng=self.rng)
        self._schedule(feed, started_wall, started, delay)
        self.metrics.fetches.labels(reason).inc()
        if health.consecutive_errors >= self.settings.failing_after_errors:
            self.failing.add(feed.url)
        if feed.name in self.labelled:
            self.metrics.consecutive_errors.labels(feed.name).set(health.consecutive_errors)
        self._update_health_gauges()
        log.warning(
            "feed poll failed",
            extra={
                "feed": feed.name,
                "url": feed.url,
                "reason": reason,
                "detail": detail[:300],
                "consecutive_errors": health.consecutive_errors,
                "retry_in_s": round(delay, 1),
            },
        )
        self.store.save_health(feed.url, health)

    def _schedule(self, feed: Feed, started_wall: float, started: float, delay: float) -> None:
        """Next poll counted from this poll's start, so fetch time does not make a schedule drift."""
        self.state[feed.url].health.next_poll = started_wall + delay
        self.next_due[feed.url] = max(time.monotonic(), started + delay)

    def _update_health_gauges(self) -> None:
        self.metrics.feeds.labels("failing").set(len(self.failing))
        self.metrics.feeds.labels("ok").set(len(self.feeds) - len(self.failing))
