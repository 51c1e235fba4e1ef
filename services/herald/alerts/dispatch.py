"""Delivering one alert to every sink, once: ledger check, retrying send, ledger write.

The ledger is written only after a sink acknowledged, so a crash between the two repeats that one
delivery (the receiver sees the same ``webhook-id`` twice) but never loses it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from herald.core.records import Alert

from .ledger import Ledger
from .sinks.base import DeliveryError, Sink
from .sinks.retry import RetryPolicy, deliver

log = logging.getLogger("herald.alerts.dispatch")


@dataclass(frozen=True)
class Failure:
    sink: str
    error: DeliveryError


class Dispatcher:
    def __init__(self, sinks: Sequence[Sink], ledger: Ledger, policy: RetryPolicy | None = None) -> None:
        self.sinks = list(sinks)
        self.ledger = ledger
        self.policy = policy or RetryPolicy()

    async def dispatch(self, alert: Alert) -> tuple[list[str], list[Failure]]:
        """Returns the sinks that delivered now and the sinks that failed for good."""
        delivered, failed = [], []
        for sink in self.sinks:
            if self.ledger.delivered(alert.id, sink.name):
                continue
            try:
                await deliver(sink, alert, self.policy)
            except DeliveryError as exc:
                log.error("delivery failed", extra={"sink": sink.name, "alert": alert.id, "error": str(exc)})
                failed.append(Failure(sink.name, exc))
                continue
            self.ledger.record(alert.id, sink.name, time.time())
            delivered.append(sink.name)
        return delivered, failed
