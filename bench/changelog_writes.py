"""Changelog records an event of the stories and novelty stages, written through or held for a batch.

    python -m bench.changelog_writes [--batches 1 8 64]

Every write to a Faust table is one changelog record on the broker. The stages' pure state code runs
here over a dict that counts sets and deletes, once writing through (what the workers did before
their tables were held, ``herald.core.write_buffers``) and once through a ``WriteBuffer`` flushed
every ``batch`` events, as the worker flushes its held state once a batch. The events are
``bench.novelty_month``'s generated month (a war desk's month, retellings and all), in order:
first through the story tracker, then the events it assigned through the novelty rules. Outputs do
not depend on the buffering (the script checks that the story ids and alert ids are the same).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, MutableMapping
from typing import Any

from herald.alerts.novelty import NoveltyDetector
from herald.alerts.settings import AlertSettings
from herald.core.records import Event
from herald.core.write_buffers import WriteBuffer
from herald.dedup.stories import StoryTracker

from .novelty_month import month


class CountingStore(dict[str, Any]):
    """A dict that counts what a Faust table would send to its changelog: one record a set or delete."""

    records = 0

    def __setitem__(self, key: str, value: Any) -> None:
        self.records += 1
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self.records += 1
        super().__delitem__(key)

    def pop(self, key: str, *default: Any) -> Any:  # dict's own pop does not call __delitem__
        if key in self:
            self.records += 1
            return super().pop(key)
        if default:
            return default[0]
        raise KeyError(key)


def run(
    events: list[Event], batch: int, make: Callable[[MutableMapping[str, Any]], Any], step: str
) -> tuple[float, list[str]]:
    """(records an event, the outputs) of one stage over ``events``; ``batch`` 0: written through."""
    store = CountingStore()
    buffer = WriteBuffer(store) if batch else None
    worker = make(buffer if buffer is not None else store)
    outputs: list[str] = []
    for n, e in enumerate(events, 1):
        if step == "stories":
            outputs.append(worker.assign(e).story_id)
        else:
            outputs.extend(a.id for a in worker.observe(e, now=e.published))
        if buffer is not None:
            buffer.keep()
            if n % batch == 0:
                buffer.flush()
    if buffer is not None:
        buffer.flush()
    return store.records / len(events), outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 4, 16, 64])
    args = parser.parse_args()
    events = month()
    config = AlertSettings().novelty()
    stories_through, ids = run(events, 0, StoryTracker, "stories")
    assigned = [e.model_copy(update={"story_id": s}) for e, s in zip(events, ids, strict=True)]
    novelty_through, alerts = run(assigned, 0, lambda s: NoveltyDetector(s, config), "novelty")
    print(f"{len(events)} events of bench.novelty_month, {len(alerts)} alerts")
    print(f"{'batch':>10} {'stories rec/event':>18} {'novelty rec/event':>18}")
    print(f"{'through':>10} {stories_through:>18.2f} {novelty_through:>18.2f}")
    for batch in args.batches:
        s, s_out = run(events, batch, StoryTracker, "stories")
        n, n_out = run(assigned, batch, lambda st: NoveltyDetector(st, config), "novelty")
        if s_out != ids or n_out != alerts:
            raise SystemExit(f"batch {batch}: outputs differ from the written-through run")
        print(f"{batch:>10} {s:>18.2f} {n:>18.2f}")


if __name__ == "__main__":
    main()
