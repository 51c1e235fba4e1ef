"""The sink interface: one delivery attempt, and a verdict on whether a failure is worth retrying.

Every destination (Slack, signed webhook, Alertmanager, console, memory) implements :class:`Sink` in
a file of its own; ``retry.py`` is the one place that retries, backs off, counts and logs, and
``dispatch.py`` the one place that routes and keeps the ledger. A sink only makes single attempts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from herald.core.records import Alert, stable_id


class DeliveryError(Exception):
    """A failed attempt.

    ``retryable`` says whether trying again can help (network errors, timeouts, 5xx, 429);
    ``retry_after`` is the wait the destination asked for (HTTP ``Retry-After``), in seconds;
    ``reason`` is a short bounded label for metrics (``http_503``, ``network``, ``timeout`` ...).
    """

    def __init__(
        self, message: str, *, retryable: bool, retry_after: float | None = None, reason: str = "error"
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.reason = reason


@dataclass(frozen=True)
class Digest:
    """Low-severity alerts collected for one sink and sent as one message."""

    id: str
    sink: str
    alerts: tuple[Alert, ...]

    @classmethod
    def of(cls, sink: str, alerts: list[Alert]) -> Digest:
        """Its id follows from its content, so a digest re-sent after a crash has the same id."""
        return cls(stable_id("digest", sink, *sorted(a.id for a in alerts)), sink, tuple(alerts))


class Sink(Protocol):
    name: str

    async def send(self, alert: Alert) -> None:
        """Make one attempt to deliver ``alert``.

        Called by the retry stage, never concurrently for one sink (each sink has its own agent with
        concurrency 1). Returns when the destination acknowledged the alert; raises
        :class:`DeliveryError` otherwise, and any other exception is treated as a permanent failure
        (the alert is dead-lettered with it). It must not retry itself.
        """
        ...

    async def send_digest(self, digest: Digest) -> None:
        """Make one attempt to deliver a digest; the same contract as :meth:`send`."""
        ...

    async def close(self) -> None:
        """Release connections; called once when the worker stops."""
        ...
