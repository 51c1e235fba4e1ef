"""Held table writes: once a key a batch, to the changelog partition of the event that wrote it.

``held_table`` is driven with real Faust events made current the way the ``Stage`` makes them
(Faust's ``_current_event``); the table is a dict that records what Faust's ``Table.on_key_set``
would send: the key, the value and the partition the table's ``partition_for_key`` gives.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import faust
import pytest
from faust.streams import _current_event
from faust.types import Message

from herald.core.streams import held_table
from herald.core.write_buffers import HeldBuffers, WriteBuffer, keep_on_success

APP = faust.App("herald-test-write-buffers", broker="kafka://127.0.0.1:9", store="memory://")


class ChangelogTable(dict[str, Any]):
    """A dict that records each set and delete as the changelog record a Faust table would send."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, Any, int | None]] = []

    def partition_for_key(self, key: str) -> int | None:  # replaced by held_table
        raise AssertionError("the table asked for a partition held_table did not give it")

    def __setitem__(self, key: str, value: Any) -> None:
        self.sent.append((key, value, self.partition_for_key(key)))
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self.sent.append((key, None, self.partition_for_key(key)))
        super().__delitem__(key)


@contextmanager
def handling(partition: int) -> Iterator[None]:
    """An event of ``partition`` is current, as while the Stage runs a handler on it."""
    message = Message("news.classified", partition, 0, 0.0, 0, None, b"k", b"v", None)
    event = APP.create_event(b"k", b"v", None, message)
    token = _current_event.set(weakref.ref(event))
    try:
        yield
    finally:
        _current_event.reset(token)


def test_a_batch_writes_each_key_once_at_the_flush_to_its_events_partition() -> None:
    tbl = ChangelogTable()
    dict.__setitem__(tbl, "gone", "old")  # recovered state
    held = held_table(tbl)
    with handling(2):
        held["story:a"] = 1
        held["story:a"] = 2
        held["open:x"] = ["a"]
        del held["gone"]
    with handling(5):
        held["story:b"] = 1
        assert held["story:a"] == 2 and "gone" not in held  # reads see the batch's writes
    assert tbl.sent == []  # nothing before the flush
    held.flush()
    assert sorted(tbl.sent, key=str) == sorted(
        [("story:a", 2, 2), ("open:x", ["a"], 2), ("gone", None, 2), ("story:b", 1, 5)], key=str
    )


def test_a_held_table_written_outside_an_event_refuses() -> None:
    held = held_table(ChangelogTable())
    with pytest.raises(TypeError):
        held["story:a"] = 1


def test_a_dropped_batch_writes_nothing() -> None:
    tbl = ChangelogTable()
    held = held_table(tbl)
    state = HeldBuffers((held,))
    with handling(1):
        held["story:a"] = 1
    state.drop()
    state.write()
    assert tbl.sent == [] and tbl == {}


def test_a_failed_calls_writes_go_and_the_batchs_others_stay() -> None:
    tbl = ChangelogTable()
    held = held_table(tbl)

    def handle(records: list[str]) -> list[str]:
        for r in records:
            held[f"seen:{r}"] = True
            if r == "poison":
                raise ValueError(r)
        return records

    run = keep_on_success(handle, (held,))
    with handling(0):
        run(["a"])
        with pytest.raises(ValueError):
            run(["b", "poison"])
        run(["c"])
    HeldBuffers((held,)).write()
    assert sorted(k for k, _, _ in tbl.sent) == ["seen:a", "seen:c"]


def test_a_plain_write_buffer_keeps_its_stores_partitioning() -> None:
    # The dedup tables route their keys themselves (``owner``): their buffers need no event.
    store: dict[str, Any] = {}
    buffer = WriteBuffer(store)
    buffer["k"] = 1
    buffer.flush()
    assert store == {"k": 1}
