"""The sink interface: one delivery attempt, and a verdict on whether a failure is worth retrying."""

from __future__ import annotations

from typing import Protocol

from herald.core.records import Alert


class DeliveryError(Exception):
    """A failed attempt. ``retryable`` says whether trying again can help; ``retry_after`` is the
    wait the destination asked for (HTTP 429/503 ``Retry-After``), in seconds."""

    def __init__(self, message: str, *, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after


class Sink(Protocol):
    name: str

    async def send(self, alert: Alert) -> None:
        """Make one attempt to deliver ``alert``.

        Called by the retry stage, never concurrently for one sink. Returns when the destination
        acknowledged the alert; raises :class:`DeliveryError` otherwise. It must not retry itself:
        backoff, metrics and logs belong to ``retry.py``.
        """
        ...

    async def close(self) -> None: ...
