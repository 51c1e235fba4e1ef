"""An in-memory sink for tests and ``herald analyze``: it keeps what it was given."""

from __future__ import annotations

from herald.core.records import Alert


class MemorySink:
    def __init__(self, name: str = "memory") -> None:
        self.name = name
        self.alerts: list[Alert] = []

    async def send(self, alert: Alert) -> None:
        self.alerts.append(alert)

    async def close(self) -> None:
        return None
