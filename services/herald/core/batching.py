"""Batches of a Faust stream that wait for their first record instead of polling for it.

Faust's ``Stream.take_events(n, within)`` waits for a full buffer with a timeout of ``within`` in a
loop: an idle agent wakes every ``within`` (50 times a second at 20 ms) and each wake-up starts and
cancels three tasks. Over the worker's agents that was most of an idle stack's CPU, and it is paid
per second, so it costs more per article the slower the host. ``take_batches`` sleeps until a
record arrives, then gives the batch up to ``within`` to fill: the same batches under load, no
wake-ups without it.

The guarantees are ``take_events``' own: a batch is at most ``max_size`` events, no event is added
while the consumer holds a batch, and a batch's events are acked only after the consumer is done
with it (the agent's loop has awaited its outputs), so a crash redelivers the batch.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Any

# A sleeping agent still looks at its stream this often: a safety net, not a latency.
IDLE_WAKE_S = 5.0


async def take_batches(
    stream: Any, max_size: int, within: float, idle_wake: float = IDLE_WAKE_S
) -> AsyncGenerator[list[Any], None]:
    """Yield lists of events of ``stream``: as soon as ``max_size`` are buffered, or ``within``
    seconds after the first of them arrived.

    Close the generator when done with it (``contextlib.aclosing``): its last batch is acked, and
    its processor leaves the stream, when it is closed, not whenever it is collected."""
    events: list[Any] = []
    arrived = asyncio.Event()  # the buffer has a first event
    full = asyncio.Event()
    open_ = asyncio.Event()  # the consumer does not hold a batch: events may be added
    open_.set()

    async def add(value: Any) -> Any:
        # The stream's passive loop calls this for every value; it waits while a batch is handled,
        # and after filling one until it is taken.
        while not open_.is_set():
            if await stream.wait_for_stopped(open_):
                return value
        event = stream.current_event
        if event is None:
            raise RuntimeError("a batched stream's value came without its event")
        events.append(event)
        arrived.set()
        if len(events) >= max_size:
            full.set()
            open_.clear()
        return value

    acks_before = stream.enable_acks
    stream.enable_acks = False  # this generator acks, after the consumer is done with a batch
    stream.add_processor(add)
    stream._enable_passive(aiter(stream.channel))  # as take_events: the stream is consumed in the background
    try:
        while not stream.should_stop:
            if not events:
                await stream.wait_for_stopped(arrived, timeout=idle_wake)
                if not events:
                    continue
            if not full.is_set():
                await stream.wait_for_stopped(full, timeout=within)
            open_.clear()
            batch = list(events)
            try:
                yield batch
            finally:  # as take_events: a batch the consumer gave up on is acked too
                events.clear()
                for event in batch:
                    await stream.ack(event)
                arrived.clear()
                full.clear()
                open_.set()
    finally:
        stream.enable_acks = acks_before
        stream._processors.remove(add)
