"""The stories state held for a batch: the same stories as written through, in fewer changelog records.

Retellings of one story in one batch rewrite its record and its bucket; held in a ``WriteBuffer``
and flushed once a batch, as the worker does, each is one changelog record a batch.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from tests.support.dedup_articles import event

from herald.core.write_buffers import WriteBuffer
from herald.dedup.stories import StoryTracker

ODESA = ("Odesa", "UA", "Odesa Oblast")


class ChangelogStore(dict[str, Any]):
    """A dict counting the records a Faust table would send: one a set or delete, by key."""

    def __init__(self) -> None:
        super().__init__()
        self.records: Counter[str] = Counter()

    def __setitem__(self, key: str, value: Any) -> None:
        self.records[key] += 1
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self.records[key] += 1
        super().__delitem__(key)


def night() -> list[Any]:
    """One barrage told four times, then the next night's."""
    told = [
        event(n, hours=n, place=ODESA if n % 2 else None, source=f"Wire {n}", drones=140 + n)
        for n in range(4)
    ]
    return [*told, event(9, hours=24, drones=96)]


def test_a_batch_writes_a_story_once_however_many_retellings_it_holds() -> None:
    through = ChangelogStore()
    expected = [StoryTracker(through).assign(e).story_id for e in night()]
    store = ChangelogStore()
    buffer = WriteBuffer(store)
    tracker = StoryTracker(buffer)
    got = []
    for e in night():
        got.append(tracker.assign(e).story_id)
        buffer.keep()
    buffer.flush()
    assert got == expected and len(set(got[:4])) == 1
    story = f"story:{got[0]}"
    assert through.records[story] == 4 and store.records[story] == 1
    assert sum(store.records.values()) < sum(through.records.values())
    assert {k: v for k, v in store.items()} == {k: v for k, v in through.items()}
