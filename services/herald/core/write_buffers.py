"""Table writes held for a batch and written once, after the batch's outputs are on the broker.

Shared by the stateful stages (dedup, stories, novelty): ``WriteBuffer`` wraps a Faust table (or a
dict), ``HeldBuffers`` makes a stage's buffers the ``HeldState`` its ``Stage`` flushes or drops.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any, Protocol, TypeVar

R = TypeVar("R")
Out = TypeVar("Out")


class WriteBuffer(MutableMapping[str, Any]):
    """A store whose writes are held until ``flush``: one write per key, none for a key that came and
    went.

    Every write to a Faust table is a changelog record. Within a batch the same keys are written again
    and again (dedup's gathers are created, updated by each reply and deleted; events of one story
    rewrite its record and its bucket): written through, each write is a record for state that either
    did not outlive the batch or was overwritten within it.

    The worker flushes only once the batch's outputs are on the broker: state that records an output
    (dedup's verdict says its article went to news.unique) must not reach the changelog before the
    output does (``HeldBuffers``).
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

    A batch's table changes reach their changelogs only once its outputs are on the broker. Written
    before, state could say an output was made while the output was not on the broker (its topic's
    leader down, the worker killed): dedup's verdict for an article it never sent on, a story that
    already counts an event whose news.events record was lost. The redelivered input, finding the
    state, would emit nothing.
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


class PartitionedWriteBuffer(WriteBuffer):
    """A ``WriteBuffer`` over a Faust table whose keys belong to the partition of the event that wrote
    them (stories by event type, novelty state by type family).

    Faust sends a table change to the changelog partition of the event being processed, and there is
    none when the batch is flushed. The buffer notes each key's partition when it is written
    (``partition_now``: the current event's) and the table asks ``partition_for_key`` at the flush.
    """

    def __init__(self, store: MutableMapping[str, Any], partition_now: Callable[[], int | None]) -> None:
        super().__init__(store)
        self.partition_now = partition_now
        self.partitions: dict[str, int | None] = {}

    def _remember(self, key: str) -> None:
        super()._remember(key)
        self.partitions[key] = self.partition_now()

    def partition_for_key(self, key: str) -> int | None:
        """The partition of the event that last wrote ``key`` in this batch (None: the producer's pick)."""
        return self.partitions.get(key)

    def flush(self) -> int:
        writes = super().flush()
        self.partitions.clear()
        return writes

    def discard(self) -> None:
        super().discard()
        self.partitions.clear()


def keep_on_success(handler: Callable[[R], Out], buffers: tuple[Buffered, ...]) -> Callable[[R], Out]:
    """A handler whose call's writes join the batch's only if it returns.

    The ``Stage`` calls a stateful handler one record at a time and dead-letters a record it fails on
    while the others stand: that record's writes must go, the others' stay held for the batch.
    """

    def run(records: R) -> Out:
        try:
            out = handler(records)
        except BaseException:
            for buffer in buffers:
                buffer.undo()
            raise
        for buffer in buffers:
            buffer.keep()
        return out

    return run
