"""The commit guard in core/streams: Faust must not commit over an input record it did not ack.

Faust's offset bookkeeping is driven directly with its own data structures (no broker needed): the
case from faust-streaming #606 — committed offset 2585, acks for 2586..2589, 2585 still in flight.
"""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace
from typing import Any

from faust.transport.consumer import Consumer
from faust.types import TP as FaustTP
from intervaltree import IntervalTree

from herald.core.faust_offset_fix import guard_offset_commits

TP = FaustTP("news.alerts", 0)


def bookkeeping(committed: int | None, acked: list[int], gap: tuple[int, int] | None = None) -> Any:
    state = SimpleNamespace(
        _committed_offset=defaultdict(lambda: None),
        _acked=defaultdict(list),
        _acked_index=defaultdict(set),
        _gap=defaultdict(IntervalTree),
    )
    state._committed_offset[TP] = committed
    state._acked[TP] = list(acked)
    state._acked_index[TP] = set(acked)
    if gap:
        state._gap[TP].addi(*gap)
    return state


def test_the_guard_withholds_a_commit_over_an_unacked_head() -> None:
    guard_offset_commits()
    guard_offset_commits()  # idempotent: wrapped once
    new_offset = Consumer._new_offset
    assert new_offset(bookkeeping(2585, [2586, 2587, 2588, 2589]), TP) is None
    assert new_offset(bookkeeping(0, [1, 2]), TP) is None  # Faust skips its own check at offset 0
    # The head acked: commit the run after it, as Faust does.
    assert new_offset(bookkeeping(2585, [2585, 2586, 2587, 2589]), TP) == 2588
    # The head is a known gap (a compacted or aborted offset): Faust's gap handling applies.
    assert new_offset(bookkeeping(10, [11, 12], gap=(10, 11)), TP) == 13
    # First commit of a partition (nothing committed yet): unchanged.
    assert new_offset(bookkeeping(None, [0, 1, 2]), TP) == 3


class FakeConsumer:
    """Faust's offset bookkeeping plus the two calls the watch makes."""

    def __init__(self, state: Any, position: int | None = None) -> None:
        self.__dict__.update(state.__dict__)
        self.seeks: list[tuple[Any, int]] = []
        self._position = position

    async def position(self, tp: Any) -> int | None:
        return self._position

    def assignment(self) -> set[Any]:
        return {TP}

    async def seek(self, tp: Any, offset: int) -> None:
        self.seeks.append((tp, offset))


def test_the_head_watch_re_reads_a_partition_whose_head_was_dropped() -> None:
    import asyncio

    from herald.core.faust_offset_fix import HeadWatch

    now = [100.0]
    consumer = FakeConsumer(bookkeeping(10, [11, 12, 13]))
    watch = HeadWatch(after=10.0, clock=lambda: now[0])
    asyncio.run(watch.check(consumer, TP.topic))
    now[0] += 5
    asyncio.run(watch.check(consumer, TP.topic))
    assert consumer.seeks == []  # not yet: give a head record its moment in flight
    now[0] += 6
    asyncio.run(watch.check(consumer, TP.topic))
    assert consumer.seeks == [(TP, 10)] and watch.reseeks == 1
    consumer._acked_index[TP].add(10)  # the head was read again and acked: nothing more to do
    now[0] += 20
    asyncio.run(watch.check(consumer, TP.topic))
    asyncio.run(watch.check(consumer, TP.topic))
    assert watch.reseeks == 1
    assert asyncio.run(watch.check(consumer, "another.topic")) is None and watch.reseeks == 1


def test_the_head_watch_re_reads_a_dropped_last_record_once_the_stage_is_idle() -> None:
    """The last record of a burst dropped: no later ack gives it away, only an idle stage read past it."""
    import asyncio

    from herald.core.faust_offset_fix import HeadWatch

    now = [100.0]
    consumer = FakeConsumer(bookkeeping(8, []), position=9)
    watch = HeadWatch(after=10.0, clock=lambda: now[0])
    asyncio.run(watch.check(consumer, TP.topic, idle_for=3.0))
    now[0] += 30
    asyncio.run(watch.check(consumer, TP.topic, idle_for=3.0))
    assert consumer.seeks == [], "a stage still busy with its batch may yet ack the record"
    asyncio.run(watch.check(consumer, TP.topic, idle_for=12.0))
    now[0] += 11
    asyncio.run(watch.check(consumer, TP.topic, idle_for=23.0))
    assert consumer.seeks == [(TP, 8)]
    caught_up = FakeConsumer(bookkeeping(9, []), position=9)  # everything read was acked and committed
    asyncio.run(watch.check(caught_up, TP.topic, idle_for=600.0))
    now[0] += 60
    asyncio.run(watch.check(caught_up, TP.topic, idle_for=660.0))
    assert caught_up.seeks == []


def test_the_installed_faust_still_has_the_internals_the_fix_relies_on() -> None:
    """An upgraded Faust that renamed its consumer bookkeeping would leave the guard reading nothing."""
    from herald.core.faust_offset_fix import missing_internals

    missing = missing_internals()
    assert not missing, (
        "herald.core.faust_offset_fix relies on Faust consumer internals the installed Faust lacks: "
        + ", ".join(missing)
        + ". Check whether Faust now handles an unacked head offset itself (faust-streaming #606) "
        "and adapt or drop the fix."
    )


def test_the_internals_check_reports_a_missing_attribute() -> None:
    """The check reads the real class: names Faust's consumer does not have are reported by name."""
    from herald.core.faust_offset_fix import CONSUMER_METHODS, CONSUMER_STATE, missing_internals

    missing = missing_internals((*CONSUMER_STATE, "_no_such"), (*CONSUMER_METHODS, "_no_such_method"))
    assert missing == ["Consumer._no_such (set in __init__)", "Consumer._no_such_method()"]


class Assigned:
    """Faust's consumer as ``perform_seek`` sees it: an assignment, committed offsets, and seeks."""

    def __init__(self, committed: dict[Any, int | None], acking: set[str]) -> None:
        self._committed_offset: defaultdict[Any, int | None] = defaultdict(lambda: None)
        self._committed_offset.update({tp: o for tp, o in committed.items() if o})
        self.committed = committed
        # What Faust's own perform_seek reads besides (vulture cannot see it use them).
        self.__dict__.update(_read_offset={}, seek_to_committed=self.committed_positions)
        self.app = SimpleNamespace(topics=SimpleNamespace(acks_enabled_for=lambda topic: topic in acking))
        self.seeks: list[tuple[Any, int]] = []

    def assignment(self) -> set[Any]:
        return set(self.committed)

    async def committed_positions(self) -> dict[Any, int | None]:
        # aiokafka: seeks only partitions committed above 0; the others keep the fetcher's position
        self.seeks += [(tp, o) for tp, o in self.committed.items() if o]
        return dict(self.committed)

    async def earliest_offsets(self, *tps: Any) -> dict[Any, int]:
        return dict.fromkeys(tps, 4)  # the log starts at 4 (older records deleted)

    async def seek(self, tp: Any, offset: int) -> None:
        self.seeks.append((tp, offset))


def test_a_partition_never_committed_is_read_again_from_its_first_record_after_a_rebalance() -> None:
    """Records dropped around a rebalance come back from the committed offset: or from the start."""
    import asyncio

    from herald.core.faust_offset_fix import read_uncommitted_from_start

    read_uncommitted_from_start()
    read_uncommitted_from_start()  # idempotent: wrapped once
    committed, never, zero = FaustTP("gather", 0), FaustTP("gather", 1), FaustTP("gather", 2)
    changelog = FaustTP("gather-changelog", 0)
    consumer = Assigned({committed: 120, never: None, zero: 0, changelog: None}, acking={"gather"})
    asyncio.run(Consumer.perform_seek(consumer))  # type: ignore[arg-type]
    assert sorted(consumer.seeks) == sorted([(committed, 120), (never, 4), (zero, 4)])
