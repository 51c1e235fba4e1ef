"""An in-memory sink for tests: it keeps what it was given, and can be told to fail first."""

from __future__ import annotations

from herald.core.records import Alert

from .base import DeliveryError, Digest


class MemorySink:
    def __init__(self, name: str = "memory", failures: list[DeliveryError] | None = None) -> None:
        self.name = name
        self.alerts: list[Alert] = []
        self.digests: list[Digest] = []
        self.attempts = 0
        self.failures = list(failures or [])  # raised, in order, by the next attempts

    async def send(self, alert: Alert) -> None:
        self._attempt()
        self.alerts.append(alert)

    async def send_digest(self, digest: Digest) -> None:
        self._attempt()
        self.digests.append(digest)

    def _attempt(self) -> None:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)

    async def close(self) -> None:
        return None
