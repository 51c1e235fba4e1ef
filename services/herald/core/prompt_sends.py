"""A stage's outputs leave at once; its table changelog records wait to go with the next outputs.

Why: a stage with held state (dedup, stories, novelty, the delivery ledger) makes two produce
requests a batch. Its outputs go first and are awaited; only then are its table changes written
(``HeldState``), and with the producer's short linger they left in a request of their own. At the
rates the light stages see (a few events per batch), that second request was about half of a
worker's produce requests, and the broker's CPU is paid per request more than per record.

So a Faust worker's producer lingers long (``changelog_linger_seconds``), and ``send_now`` sends
whatever it holds as soon as a stage has queued a batch's outputs: the outputs are not delayed, and
the previous batch's changelog records ride in the same request. Nothing about what is on the
broker when changes: state is still written only after the outputs it records were acknowledged,
and Faust's offset commit still flushes the producer first (``Consumer.commit``), which
``install`` makes send at once too, so a commit never covers a change that is not on the broker and
never waits out the linger. A changelog record waits at most the linger, or the next commit.

This leans on aiokafka's private accumulator (``MessageAccumulator._batches``, its batches'
``_builder`` and ``_waiter_future``, the one its own ``flush_for_commit`` uses to the same end);
``missing_internals`` names what an upgrade removed, and a unit test calls it on the installed one.
"""

from __future__ import annotations

import functools
from typing import Any

import faust

from .settings import CoreSettings


def producer_linger(settings: CoreSettings) -> float:
    """The linger a Faust worker's producer gets: long when outputs are sent at once, else the usual."""
    return settings.changelog_linger_seconds or settings.producer_linger_seconds


def install(app: faust.App, settings: CoreSettings) -> None:
    """Make the app's producer flushes (Faust's commits, rebalances, stop) send at once first."""
    if not settings.changelog_linger_seconds:
        return
    producer: Any = app.producer
    flush = producer.flush

    @functools.wraps(flush)
    async def flush_now() -> None:
        send_now(app)
        await flush()

    producer.flush = flush_now
    app.__dict__["herald_send_now"] = True


def send_now(app: faust.App) -> None:
    """Send every record the app's producer holds (with the next request the producer can make).

    A no-op unless ``install`` turned it on, or before the producer started.
    """
    if not app.__dict__.get("herald_send_now"):
        return
    client = getattr(app.producer, "_producer", None)
    accumulator = getattr(client, "_message_accumulator", None)
    if accumulator is not None:
        close_and_wake(accumulator)


def close_and_wake(accumulator: Any) -> None:
    """Close every batch the accumulator holds (a closed batch is ready whatever its linger) and wake
    the producer's sender, as aiokafka's own ``flush_for_commit`` does, without waiting."""
    for batches in accumulator._batches.values():
        for batch in batches:
            batch._builder.close()
    waiter = accumulator._waiter_future
    if not waiter.done():
        waiter.set_result(None)


def missing_internals() -> list[str]:
    """The aiokafka internals ``send_now`` needs that the installed version no longer has."""
    from aiokafka.producer.message_accumulator import MessageAccumulator, MessageBatch

    missing = []
    init_names = set(MessageAccumulator.__init__.__code__.co_names)
    for name in ("_batches", "_waiter_future"):
        if name not in init_names:
            missing.append(f"MessageAccumulator.{name}")
    if "_builder" not in set(MessageBatch.__init__.__code__.co_names):
        missing.append("MessageBatch._builder")
    if "remaining_linger" not in vars(MessageBatch):
        missing.append("MessageBatch.remaining_linger()")
    return missing
