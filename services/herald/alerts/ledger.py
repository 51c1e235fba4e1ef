"""The delivery ledger: which (alert, sink) pairs were delivered, so restarts do not repeat them.

Keyed by sink and alert (or digest) id, in a Faust table whose changelog partition is the alert's
partition (``news.alerts`` is keyed by alert id), so the worker that owns an alert owns its entries.
An entry is written only after the sink acknowledged: a crash between the acknowledgement and the
changelog write repeats that one delivery, with the same ``webhook-id``, and never loses it.
Dead-lettered alerts are deliberately *not* recorded: a redelivery tries again (and dead-letters
again if it must), because a duplicate dead letter is harmless and a missing one is not.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

DELIVERED = "delivered"
DIGESTED = "digested"  # handed to the sink's digest buffer; the digest has its own entry


class Ledger:
    def __init__(self, store: MutableMapping[str, Any]) -> None:
        self.store = store

    @staticmethod
    def key(sink: str, item_id: str) -> str:
        return f"ledger|{sink}|{item_id}"

    def status(self, sink: str, item_id: str) -> str | None:
        entry = self.store.get(self.key(sink, item_id))
        return entry["status"] if entry else None

    def entry(self, sink: str, item_id: str) -> dict[str, Any] | None:
        """The recorded ``{"status", "at"}`` (unix seconds) of an alert or digest, if any."""
        entry = self.store.get(self.key(sink, item_id))
        return dict(entry) if entry else None

    def done(self, sink: str, item_id: str) -> bool:
        return self.status(sink, item_id) is not None

    def record(self, sink: str, item_id: str, when: float, status: str = DELIVERED) -> None:
        self.store[self.key(sink, item_id)] = {"status": status, "at": when}
