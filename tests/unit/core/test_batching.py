"""``take_batches`` over a real ``faust.Stream`` reading a real in-memory Faust channel.

No broker: the app is never started. Two things a started app does must be done by hand, or the
stream never hands a value to the batching processor and every test waits forever:

* the app's flow control starts suspended (a started worker resumes it on partition assignment),
  and a suspended stream skips every event it reads;
* the stream reads a channel *iterator* (``app.stream`` clones the channel with ``is_iterator``);
  events go in through the channel the stream was made from, whose ``put`` feeds its subscribers.

Events carry real ``faust`` messages, so an ack is the message's own ``acked`` flag.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import faust
import pytest
from faust.types import Message

from herald.core.batching import take_batches

# Only a guard against a hang: every wait below ends far sooner when the behaviour holds.
GUARD_S = 20.0
FOREVER_S = 3600.0


class Feed:
    """An unstarted Faust app, a channel, and a stream over it: events in, batches out."""

    def __init__(self) -> None:
        self.app = faust.App("herald-test-batching", broker="kafka://127.0.0.1:9", store="memory://")
        self.app.flow_control.resume()
        self.channel = self.app.channel()
        self.stream = self.app.stream(self.channel)
        self.messages: list[Message] = []

    async def put(self, n: int) -> list[Message]:
        new = []
        for _ in range(n):
            offset = len(self.messages)
            message = Message("test.batching", 0, offset, 0.0, 0, None, b"k", str(offset).encode(), None)
            message.generation_id = self.app.consumer_generation_id
            self.messages.append(message)
            new.append(message)
            await self.channel.put(self.app.create_event(b"k", offset, None, message))
        return new

    async def close(self) -> None:
        await self.stream.stop()


def run(test: Callable[[Feed], Awaitable[None]]) -> None:
    async def main() -> None:
        feed = Feed()
        try:
            await asyncio.wait_for(test(feed), GUARD_S)
        finally:
            await feed.close()

    asyncio.run(main())


def offsets(batch: list[Any]) -> list[int]:
    return [event.message.offset for event in batch]


async def settle() -> None:
    """Let the stream's background reader run until it has nothing left to do."""
    for _ in range(50):
        await asyncio.sleep(0)
    await asyncio.sleep(0.05)


def test_a_full_buffer_is_a_batch_without_waiting_for_the_window() -> None:
    async def test(feed: Feed) -> None:
        await feed.put(5)
        batches = take_batches(feed.stream, max_size=3, within=FOREVER_S)
        async with contextlib.aclosing(batches):
            assert offsets(await anext(batches)) == [0, 1, 2]

    run(test)


def test_a_partial_buffer_is_a_batch_once_the_window_after_its_first_event_is_over() -> None:
    async def test(feed: Feed) -> None:
        batches = take_batches(feed.stream, max_size=100, within=0.05)
        async with contextlib.aclosing(batches):
            first = asyncio.ensure_future(anext(batches))
            await settle()
            await feed.put(2)
            assert offsets(await first) == [0, 1]

    run(test)


def test_no_event_joins_a_held_batch_and_none_is_lost_or_repeated() -> None:
    async def test(feed: Feed) -> None:
        await feed.put(2)
        batches = take_batches(feed.stream, max_size=2, within=FOREVER_S)
        seen: list[list[int]] = []
        async with contextlib.aclosing(batches):
            held = await anext(batches)
            await feed.put(5)  # arrive while the consumer holds the first batch
            await settle()
            assert offsets(held) == [0, 1]
            seen.append(offsets(held))
            seen.append(offsets(await anext(batches)))
            seen.append(offsets(await anext(batches)))
        assert seen == [[0, 1], [2, 3], [4, 5]]

    run(test)


def test_no_event_joins_a_held_partial_batch() -> None:
    async def test(feed: Feed) -> None:
        batches = take_batches(feed.stream, max_size=10, within=0.02)
        async with contextlib.aclosing(batches):
            await feed.put(2)
            held = await anext(batches)  # the window closed on two of ten
            await feed.put(3)
            await settle()
            assert offsets(held) == [0, 1]
            assert offsets(await anext(batches)) == [2, 3, 4]

    run(test)


def test_a_batch_is_acked_only_after_the_consumer_is_done_with_it() -> None:
    async def test(feed: Feed) -> None:
        messages = await feed.put(3)
        later = await feed.put(3)
        batches = take_batches(feed.stream, max_size=3, within=FOREVER_S)
        async with contextlib.aclosing(batches):
            assert offsets(await anext(batches)) == [0, 1, 2]
            await settle()
            assert not any(m.acked for m in messages)
            assert offsets(await anext(batches)) == [3, 4, 5]  # done with the first: asks for the next
            assert all(m.acked for m in messages)
            assert not any(m.acked for m in later)
        assert all(m.acked for m in later)  # closing acks the last batch too

    run(test)


def test_a_batch_whose_consumer_raised_is_acked() -> None:
    async def test(feed: Feed) -> None:
        messages = await feed.put(3)
        batches = take_batches(feed.stream, max_size=3, within=FOREVER_S)
        with pytest.raises(RuntimeError, match="handler failed"):
            async with contextlib.aclosing(batches):
                async for _ in batches:
                    assert not any(m.acked for m in messages)
                    raise RuntimeError("handler failed")
        assert all(m.acked for m in messages)

    run(test)


def test_an_idle_stream_yields_nothing_however_often_it_wakes() -> None:
    async def test(feed: Feed) -> None:
        got: list[list[int]] = []

        async def consume(batches: AsyncIterator[list[Any]]) -> None:
            async for batch in batches:
                got.append(offsets(batch))

        # Wakes every 10 ms: a wake-up must not turn into an empty batch.
        batches = take_batches(feed.stream, max_size=10, within=0.01, idle_wake=0.01)
        async with contextlib.aclosing(batches):
            consumer = asyncio.ensure_future(consume(batches))
            await asyncio.sleep(0.3)
            assert got == []
            await feed.put(1)  # the consumer was listening all along
            while not got:
                await asyncio.sleep(0.01)
            assert got == [[0]]
            consumer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await consumer

    run(test)


def test_closing_the_generator_detaches_it_from_the_stream() -> None:
    async def test(feed: Feed) -> None:
        processors = list(feed.stream._processors)
        acks = feed.stream.enable_acks
        await feed.put(1)
        batches = take_batches(feed.stream, max_size=1, within=FOREVER_S)
        async with contextlib.aclosing(batches):
            await anext(batches)
            assert feed.stream.enable_acks is False
        assert feed.stream._processors == processors
        assert feed.stream.enable_acks == acks

    run(test)
