"""Two dict-like stores the protocol runs over: a prefixed view, and a write buffer for batches.

The protocol steps take any ``MutableMapping``; these adapt a dict (offline) or a Faust table (the
worker) to how the caller wants its writes to land.
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


class WriteBuffer(MutableMapping[str, Any]):
    """A store whose writes are held until ``flush``: one write per key, none for a key that came and
    went.

    Every write to a Faust table is a changelog record. Answered in process (the worker's local
    shortcut), a gather is created, updated by each reply and deleted within one batch, and an
    article's claims touch buckets other articles of the batch touch too: written through, that is
    a dozen changelog records an article for state that either did not outlive the batch or was
    overwritten within it. ``discard`` forgets held writes (a batch that failed is retried).
    """

    _GONE = object()

    def __init__(self, store: MutableMapping[str, Any]) -> None:
        self.store = store
        self.held: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        value = self.held.get(key, self)
        if value is self:
            return self.store[key]
        if value is WriteBuffer._GONE:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.held[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self.held[key] = WriteBuffer._GONE

    def __contains__(self, key: object) -> bool:
        value = self.held.get(key, self)  # type: ignore[call-overload]
        if value is self:
            return key in self.store
        return value is not WriteBuffer._GONE

    def __iter__(self) -> Iterator[str]:
        held = self.held
        yield from (k for k in list(self.store) if k not in held)
        yield from (k for k, v in list(held.items()) if v is not WriteBuffer._GONE)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def flush(self) -> int:
        """Write what is held to the store; returns how many writes that took."""
        writes = 0
        for key, value in self.held.items():
            if value is WriteBuffer._GONE:
                if key in self.store:
                    del self.store[key]
                    writes += 1
            else:
                self.store[key] = value
                writes += 1
        self.held.clear()
        return writes

    def discard(self) -> None:
        self.held.clear()
