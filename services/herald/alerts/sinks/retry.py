"""The one retry stage every sink goes through: backoff with jitter, Retry-After, a deadline.

Transient failures (network, timeouts, 5xx, 429) are retried until ``give_up_after`` seconds have
passed since the first attempt, so an endpoint that is down for minutes still gets every alert once it
is back; a permanent failure (any other 4xx) is raised at once. The caller dead-letters what this
raises. Waits use "equal jitter" (half fixed, half random) so retries of many workers spread out
without ever hammering; a ``Retry-After`` the destination sent replaces the computed wait.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Histogram

from .base import DeliveryError

log = logging.getLogger("herald.alerts.retry")


@dataclass(frozen=True)
class RetryPolicy:
    initial: float = 0.5
    maximum: float = 30.0
    give_up_after: float = 900.0
    max_retry_after: float = 600.0  # a Retry-After beyond this is distrusted and capped

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Wait after failed attempt number ``attempt`` (1-based): exponential, capped, equal jitter."""
        base = min(self.maximum, self.initial * 2 ** (attempt - 1))
        return base / 2 + rng.uniform(0, base / 2)


@dataclass
class RetryMetrics:
    registry: CollectorRegistry
    retries: Counter = field(init=False)
    attempts: Histogram = field(init=False)

    def __post_init__(self) -> None:
        self.retries = Counter(
            "herald_delivery_retries_total",
            "Failed delivery attempts that will be retried, by sink and reason.",
            ["sink", "reason"],
            registry=self.registry,
        )
        self.attempts = Histogram(
            "herald_delivery_attempts",
            "Attempts one delivery took, successful or not.",
            ["sink"],
            buckets=(1, 2, 3, 5, 8, 13, 21, 34),
            registry=self.registry,
        )


@dataclass
class Attempts:
    count: int
    waits: list[float]


class Retrier:
    """Runs single attempts until one succeeds, the failure is permanent, or the deadline passes."""

    def __init__(
        self,
        policy: RetryPolicy,
        metrics: RetryMetrics | None = None,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.policy = policy
        self.metrics = metrics
        self.sleep = sleep
        self.clock = clock
        self.rng = rng or random.Random()

    async def run(self, sink: str, what: str, attempt_once: Callable[[], Awaitable[None]]) -> Attempts:
        """Returns the attempts made; raises the last :class:`DeliveryError` when giving up."""
        started = self.clock()
        waits: list[float] = []
        attempt = 0
        while True:
            attempt += 1
            try:
                await attempt_once()
            except DeliveryError as exc:
                wait = self._wait(exc, attempt)
                elapsed = self.clock() - started
                if not exc.retryable or elapsed + wait > self.policy.give_up_after:
                    self._observe(sink, attempt)
                    log.warning(
                        "delivery gave up" if exc.retryable else "delivery rejected",
                        extra={"sink": sink, "item": what, "attempt": attempt, "error": str(exc)},
                    )
                    raise
                if self.metrics:
                    self.metrics.retries.labels(sink, exc.reason).inc()
                log.info(
                    "delivery failed, will retry",
                    extra={
                        "sink": sink,
                        "item": what,
                        "attempt": attempt,
                        "error": str(exc),
                        "wait": round(wait, 3),
                    },
                )
                waits.append(wait)
                await self.sleep(wait)
                continue
            self._observe(sink, attempt)
            return Attempts(attempt, waits)

    def _wait(self, exc: DeliveryError, attempt: int) -> float:
        if exc.retry_after is not None:
            return min(max(0.0, exc.retry_after), self.policy.max_retry_after)
        return self.policy.backoff(attempt, self.rng)

    def _observe(self, sink: str, attempt: int) -> None:
        if self.metrics:
            self.metrics.attempts.labels(sink).observe(attempt)
