"""The delivery ledger: which (alert, sink) pairs were delivered, so restarts do not repeat them."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any


class Ledger:
    def __init__(self, store: MutableMapping[str, Any]) -> None:
        self.store = store

    @staticmethod
    def key(alert_id: str, sink: str) -> str:
        return f"{alert_id}:{sink}"

    def delivered(self, alert_id: str, sink: str) -> bool:
        return self.key(alert_id, sink) in self.store

    def record(self, alert_id: str, sink: str, when: float) -> None:
        self.store[self.key(alert_id, sink)] = when
