"""The one retry stage every sink goes through: backoff with jitter, Retry-After, a give-up point."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from herald.core.records import Alert

from .base import DeliveryError, Sink

log = logging.getLogger("herald.alerts.retry")


@dataclass(frozen=True)
class RetryPolicy:
    initial: float = 0.5
    maximum: float = 30.0
    attempts: int = 8
    max_retry_after: float = 300.0


async def deliver(
    sink: Sink,
    alert: Alert,
    policy: RetryPolicy,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> int:
    """Deliver with retries; returns the number of attempts. Raises the last :class:`DeliveryError`
    when the failure is permanent or the attempts are spent."""
    delay = policy.initial
    for attempt in range(1, policy.attempts + 1):
        try:
            await sink.send(alert)
            return attempt
        except DeliveryError as exc:
            if not exc.retryable or attempt == policy.attempts:
                raise
            wait = exc.retry_after if exc.retry_after is not None else random.uniform(0, delay)
            wait = min(wait, policy.max_retry_after)
            log.warning(
                "delivery failed, will retry",
                extra={"sink": sink.name, "alert": alert.id, "attempt": attempt, "error": str(exc), "wait": wait},
            )
            await sleep(wait)
            delay = min(delay * 2, policy.maximum)
    raise AssertionError("unreachable")
