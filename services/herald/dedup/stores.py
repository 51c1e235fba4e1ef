"""Two dict-like stores the protocol runs over: a prefixed view, and a write buffer for batches.

The protocol steps take any ``MutableMapping``; these adapt a dict (offline) or a Faust table (the
worker) to how the caller wants its writes to land.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, MutableMapping
from typing import Any, Protocol


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
    overwritten within it.

    The worker flushes only once the batch's outputs are on the broker: a verdict says its article
    went to news.unique, so it must not reach the changelog before the article does (``HeldBuffers``).
    Until then the batch is handled call by call: ``keep`` makes a call's writes part of the batch,
    ``undo`` forgets them alone (a record that failed is dead-lettered, the others stand), and
    ``discard`` forgets the whole batch (its outputs failed: it is redelivered).
    """

    _GONE = object()
    _NOT_HELD = object()

    def __init__(self, store: MutableMapping[str, Any]) -> None:
        self.store = store
        self.held: dict[str, Any] = {}
        self._undo: dict[str, Any] = {}  # what ``held`` had for each key the current call wrote

    def __getitem__(self, key: str) -> Any:
        value = self.held.get(key, self)
        if value is self:
            return self.store[key]
        if value is WriteBuffer._GONE:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self._remember(key)
        self.held[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self._remember(key)
        self.held[key] = WriteBuffer._GONE

    def _remember(self, key: str) -> None:
        if key not in self._undo:
            self._undo[key] = self.held.get(key, WriteBuffer._NOT_HELD)

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

    def keep(self) -> None:
        """The current call succeeded: its writes are held with the batch's."""
        self._undo.clear()

    def undo(self) -> None:
        """The current call failed: forget its writes, keep those of the calls before it."""
        for key, value in self._undo.items():
            if value is WriteBuffer._NOT_HELD:
                del self.held[key]
            else:
                self.held[key] = value
        self._undo.clear()

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
        self._undo.clear()
        return writes

    def discard(self) -> None:
        """Forget everything held (the batch's outputs did not reach the broker: it is redelivered)."""
        self.held.clear()
        self._undo.clear()


class Buffered(Protocol):
    """A store whose writes wait for ``flush`` (``WriteBuffer``, ``ClaimLog``)."""

    def keep(self) -> None: ...
    def undo(self) -> None: ...
    def flush(self) -> int: ...
    def discard(self) -> None: ...


class HeldBuffers:
    """A worker's write buffers as its stages' held state (``herald.core.streams.HeldState``).

    A batch's claims, verdicts and gathers reach their changelogs only once its outputs are on the
    broker. Written before, a verdict could be on the changelog while its article was not (news.unique's
    leader down, the worker killed): the reply that had decided the article, redelivered to the next
    owner, found the verdict and emitted nothing.
    """

    def __init__(self, buffers: tuple[Buffered, ...]) -> None:
        self.buffers = buffers
        self.lock = asyncio.Lock()

    def write(self) -> None:
        for buffer in self.buffers:
            buffer.flush()

    def drop(self) -> None:
        for buffer in self.buffers:
            buffer.discard()
