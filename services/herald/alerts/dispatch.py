"""Delivering alerts to one sink, once: route, ledger check, retrying send, ledger write.

One :class:`SinkDispatcher` per sink, each driven by its own agent, so a slow or failing sink (Slack's
one message a second, an endpoint that is down) delays only its own deliveries. The caller
dead-letters what comes back as ``failed`` and commits the offset only after that.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from herald.core.records import Alert

from .digest import DigestBuffer
from .ledger import DIGESTED, Ledger
from .routing import Decision, Route
from .sinks.base import DeliveryError, Digest, Sink
from .sinks.retry import Retrier

log = logging.getLogger("herald.alerts.dispatch")

OUTCOMES = ("delivered", "duplicate", "skipped", "digested", "failed")


@dataclass
class Result:
    """What happened to one alert (or digest) at one sink."""

    outcome: str
    error: DeliveryError | None = None
    attempts: int = 0
    waits: list[float] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)  # a digest's alerts


def permanent(exc: Exception) -> DeliveryError:
    """A sink that raised something other than DeliveryError has a bug or got an unusable alert:
    retrying will not help, so the alert is dead-lettered with the exception."""
    return DeliveryError(f"{type(exc).__name__}: {exc}", retryable=False, reason="sink_error")


class SinkDispatcher:
    def __init__(
        self,
        sink: Sink,
        route: Route,
        ledger: Ledger,
        retrier: Retrier,
        digests: DigestBuffer | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.sink = sink
        self.route = route
        self.ledger = ledger
        self.retrier = retrier
        self.digests = digests
        self.clock = clock

    @property
    def name(self) -> str:
        return self.sink.name

    async def handle(self, alert: Alert, shard: str = "0") -> Result:
        if self.ledger.done(self.name, alert.id):
            return Result("duplicate")
        decision = self.route.decide(alert)
        if decision is Decision.SKIP:
            return Result("skipped")
        if decision is Decision.DIGEST and self.digests is not None:
            self.digests.add(self.name, shard, alert, self.clock())
            self.ledger.record(self.name, alert.id, self.clock(), DIGESTED)
            return Result("digested")
        if decision is Decision.DIGEST:
            return Result("skipped")
        return await self._deliver(alert.id, lambda: self.sink.send(alert))

    async def flush_digest(self, shard: str, force: bool = False) -> Result | None:
        """Send the shard's digest if it is due; None when there is nothing to send."""
        if self.digests is None:
            return None
        alerts = self.digests.due(self.name, shard, self.clock(), force=force)
        if not alerts:
            return None
        digest = Digest.of(self.name, alerts)
        if self.ledger.done(self.name, digest.id):
            result = Result("duplicate", alerts=alerts)
        else:
            result = await self._deliver(digest.id, lambda: self.sink.send_digest(digest))
            result.alerts = alerts
        # Sent or dead-lettered (the caller parks every alert of a failed digest): either way they leave.
        self.digests.clear(self.name, shard, alerts)
        return result

    async def _deliver(self, item_id: str, attempt: Callable[[], object]) -> Result:
        async def once() -> None:
            try:
                await attempt()  # type: ignore[misc]
            except DeliveryError:
                raise
            except Exception as exc:
                log.exception("sink raised", extra={"sink": self.name, "item": item_id})
                raise permanent(exc) from exc

        try:
            attempts = await self.retrier.run(self.name, item_id, once)
        except DeliveryError as exc:
            log.error("delivery failed", extra={"sink": self.name, "item": item_id, "error": str(exc)})
            return Result("failed", error=exc)
        self.ledger.record(self.name, item_id, self.clock())
        return Result("delivered", attempts=attempts.count, waits=attempts.waits)
