"""Digest buffers: low-severity alerts wait here until their sink's digest is due.

Buffers are kept per sink and per *shard* (the delivery worker uses the alert's partition), in the
same table as the ledger, so a buffered alert is as durable as a delivered one: its offset is
committed once it is in the buffer's changelog, and a restarted worker finds it there.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from herald.core.records import Alert

MAX_BUFFER = 500  # a digest never holds more; the oldest are sent early rather than dropped


class DigestBuffer:
    def __init__(self, store: MutableMapping[str, Any], interval: float) -> None:
        self.store = store
        self.interval = interval

    @staticmethod
    def key(sink: str, shard: str) -> str:
        return f"digest|{sink}|{shard}"

    def add(self, sink: str, shard: str, alert: Alert, now: float) -> None:
        key = self.key(sink, shard)
        buf = self.store.get(key) or {"since": now, "alerts": []}
        if any(a["id"] == alert.id for a in buf["alerts"]):
            return  # a redelivered alert is buffered once
        buf["alerts"].append(alert.model_dump(mode="json"))
        self.store[key] = buf

    def due(self, sink: str, shard: str, now: float, force: bool = False) -> list[Alert]:
        """The buffered alerts if the digest is due (or ``force``), else nothing."""
        buf = self.store.get(self.key(sink, shard))
        if not buf or not buf["alerts"]:
            return []
        if not force and now - buf["since"] < self.interval and len(buf["alerts"]) < MAX_BUFFER:
            return []
        return [Alert.model_validate(a) for a in buf["alerts"]]

    def clear(self, sink: str, shard: str, sent: list[Alert]) -> None:
        """Forget the alerts that were sent (alerts added meanwhile stay for the next digest)."""
        key = self.key(sink, shard)
        buf = self.store.get(key)
        if not buf:
            return
        ids = {a.id for a in sent}
        rest = [a for a in buf["alerts"] if a["id"] not in ids]
        if rest:
            self.store[key] = {"since": buf["since"], "alerts": rest}
        else:
            del self.store[key]
