"""Keeps Faust from committing an input offset over a record that was never acknowledged.

What Faust does wrong. faust-streaming (0.15.3 here) commits, per partition, the end of the first
run of acked offsets. ``Consumer._new_offset`` holds the commit back only when that run starts *more
than one* offset after the committed one, because it reads a one-offset hole as a gap a compacted
topic or a transaction marker left. When the record at exactly the committed offset is missing from
the acks (still in flight under a concurrent agent, or dropped by the fetcher around a rebalance),
the run starts one past it and Faust commits straight over it: after the next restart that record
is never read again. Upstream: https://github.com/faust-streaming/faust/issues/606 ("Wrong offset
commit in case of gaps"), open; its fix (pull request #707) is not in a release.

What this module does about it:

* ``guard_offset_commits`` wraps ``Consumer._new_offset``: while the head record is neither acked nor
  inside a known gap, no commit; otherwise Faust decides as before.
* ``HeadWatch`` seeks back to the committed offset when the head stays unacked: with one agent
  instance per stage records are acked in order, so a head that stays missing was dropped by Faust's
  fetcher and would never be delivered again without a seek.
* ``read_uncommitted_from_start`` wraps ``Consumer.perform_seek``: after a rebalance a partition the
  group never committed is read from its first record, not from wherever the fetcher had got to.

All lean on Faust's private consumer state; ``missing_internals`` names whatever of it a Faust
upgrade removed (a unit test calls it on the installed Faust), so the fix fails loudly rather than
silently doing nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger("herald.streams")

# Faust's private per-partition bookkeeping the fix reads: set in ``Consumer.__init__``.
CONSUMER_STATE = ("_committed_offset", "_acked", "_acked_index", "_gap")
# The private method the fix wraps, and the public ones the watch calls.
CONSUMER_METHODS = ("_new_offset", "perform_seek", "earliest_offsets", "position", "seek", "assignment")


def missing_internals(
    state: tuple[str, ...] = CONSUMER_STATE, methods: tuple[str, ...] = CONSUMER_METHODS
) -> list[str]:
    """The Faust internals this fix needs that the installed ``Consumer`` no longer has (empty: all there).

    State attributes are checked where Faust creates them (names stored by ``Consumer.__init__``), as
    there is no consumer instance without a running app.
    """
    from faust.transport.consumer import Consumer

    stored = set(Consumer.__init__.__code__.co_names)
    missing = [f"Consumer.{name} (set in __init__)" for name in state if name not in stored]
    missing += [f"Consumer.{name}()" for name in methods if not callable(getattr(Consumer, name, None))]
    return missing


def head_unacked(consumer: Any, tp: Any) -> bool:
    """True when later records of ``tp`` are acked but the one at the committed offset is not, and that
    offset is no known gap (compaction, transaction markers): committing now would skip it."""
    head = consumer._committed_offset[tp]
    return bool(
        consumer._acked[tp]
        and head is not None
        and head not in consumer._acked_index[tp]
        and not consumer._gap[tp].overlaps(head)
    )


def guard_offset_commits() -> None:
    """Make Faust withhold a commit while ``head_unacked``; otherwise defer to Faust. Idempotent."""
    from faust.transport.consumer import Consumer

    original = Consumer._new_offset
    if getattr(original, "herald_guard", False):
        return

    def _new_offset(self: Any, tp: Any) -> int | None:
        if head_unacked(self, tp):
            return None
        return original(self, tp)

    _new_offset.herald_guard = True  # type: ignore[attr-defined]
    Consumer._new_offset = _new_offset  # type: ignore[method-assign]


def read_uncommitted_from_start() -> None:
    """After a rebalance, read an input partition the group never committed from its first record.

    Records fetched while a rebalance stops the flow are dropped, never handed to a stream; Faust then
    seeks every assigned partition back to its committed offset (``perform_seek``) to read them again.
    aiokafka's ``seek_to_committed`` skips a partition whose committed offset is none (or 0), so there
    the consumer went on from where its fetcher had got to: the dropped records were skipped, the
    acks after them were committed, and they were lost. That is every partition of a new deployment,
    and of a topic that only starts to carry records when a second worker joins (dedup's protocol
    topics): in the cluster scenario the first records of two ``herald.dedup.gather`` partitions
    (articles and their first replies, sent while a killed worker's partitions moved) never reached
    their gathers. This wrapper seeks such partitions to their first offset, where the consumer's
    ``auto_offset_reset="earliest"`` would have started: records are at worst read twice.
    Idempotent; changelogs (no acks, read by table recovery) are left alone.
    """
    from faust.transport.consumer import Consumer

    original = Consumer.perform_seek
    if getattr(original, "herald_guard", False):
        return

    async def perform_seek(self: Any) -> None:
        await original(self)
        fresh = [
            tp
            for tp in self.assignment()
            if self.app.topics.acks_enabled_for(tp.topic) and not self._committed_offset.get(tp)
        ]
        if fresh:
            earliest = await self.earliest_offsets(*fresh)
            for tp in fresh:
                await self.seek(tp, earliest.get(tp) or 0)

    perform_seek.herald_guard = True  # type: ignore[attr-defined]
    Consumer.perform_seek = perform_seek  # type: ignore[method-assign]


async def tail_dropped(consumer: Any, tp: Any) -> bool:
    """True when the consumer has read past the committed offset and acked nothing after it."""
    head = consumer._committed_offset[tp]
    if head is None or consumer._acked[tp] or consumer._gap[tp].overlaps(head):
        return False
    try:
        position = await consumer.position(tp)
    except Exception:  # an unknown position proves nothing
        return False
    return position is not None and position > head


class HeadWatch:
    """Re-reads a partition from its committed offset when its head record stays dropped.

    Checked by every stage's lag timer; ``after`` seconds of a stuck head trigger one seek. The
    records after the head are read again too: stages are idempotent under redelivery.
    """

    def __init__(self, after: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.after = after
        self.clock = clock
        self.since: dict[Any, float] = {}
        self.reseeks = 0

    async def check(self, consumer: Any, topic: str, idle_for: float = 0.0) -> None:
        """``idle_for``: seconds since the calling stage last finished a batch.

        A dropped head with nothing after it (the last record of a burst) leaves no later ack to
        give it away: it shows as a consumer that has read past its committed offset while the stage
        sits idle. It would otherwise wait for the partition's next record, which on a quiet night
        may be hours away: an alert that late is as good as lost.
        """
        now = self.clock()
        for tp in consumer.assignment():
            if tp.topic != topic:
                continue
            stuck = head_unacked(consumer, tp) or (
                idle_for >= self.after and await tail_dropped(consumer, tp)
            )
            if not stuck:
                self.since.pop(tp, None)
                continue
            first = self.since.setdefault(tp, now)
            if now - first >= self.after:
                head = consumer._committed_offset[tp]
                log.warning(
                    "a partition's head record was dropped by the consumer; reading again from it",
                    extra={"topic": tp.topic, "partition": tp.partition, "offset": head},
                )
                await consumer.seek(tp, head)
                self.reseeks += 1
                self.since.pop(tp, None)
