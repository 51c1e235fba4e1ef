"""A dict-like view the protocol runs over offline.

The protocol steps take any ``MutableMapping``: ``PrefixedView`` keeps every table in one dict offline;
the worker's batches write through ``herald.core.write_buffers.WriteBuffer`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any


class PrefixedView(MutableMapping[str, Any]):
    """A view of one dict under a key prefix, so one store can hold every table offline."""

    def __init__(self, store: MutableMapping[str, Any], prefix: str) -> None:
        self.store, self.prefix = store, prefix

    def __getitem__(self, key: str) -> Any:
        return self.store[self.prefix + key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.store.get(self.prefix + key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        self.store[self.prefix + key] = value

    def __delitem__(self, key: str) -> None:
        del self.store[self.prefix + key]

    def __iter__(self) -> Iterator[str]:
        n = len(self.prefix)
        return (k[n:] for k in list(self.store) if k.startswith(self.prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)
