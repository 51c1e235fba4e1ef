"""Thin Faust plumbing shared by every stream stage.

A stage is a pure function from a batch of decoded records to the records it emits; this module
wraps it in a Faust agent that guarantees the three things the pure code must not care about:

* **Nothing is acked unprocessed.** Faust acks a message whose agent raised (its docs say so), so the
  agent catches everything: a poison value, or a record the stage fails on, is dead-lettered with
  its topic, partition, offset and reason, and the stage goes on with the next record.
* **Outputs are on the broker before the input offset is committed.** The agent awaits every send's
  delivery future before it asks for the next batch, and ``take_batches`` acks a batch only then.
  A crash in between re-delivers the batch: at-least-once, made effectively-once downstream by
  deterministic ids (dedup, the delivery ledger).
* **State that records an output is written after it** (``HeldState``): else a crash between the
  two leaves the record without the output, and the redelivered input emits nothing.
* **One batch at a time** (``concurrency=1``): a concurrent agent can have Faust commit past an
  in-flight message; ``faust_offset_fix`` covers the same hole for records Faust's fetcher drops.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import time
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import faust
from faust.streams import _current_event, current_event  # the table changelog partition follows it
from prometheus_client import CollectorRegistry
from pydantic import BaseModel

from . import topics
from .batching import take_batches
from .codec import Poison, decode
from .deadletter import dead_letter
from .faust_offset_fix import HeadWatch, guard_offset_commits, read_uncommitted_from_start
from .metrics import StageMetrics, exposition
from .prompt_sends import install as install_prompt_sends
from .prompt_sends import producer_linger, send_now
from .records import DeadLetter, Record
from .replication import apply_producer_guarantees
from .settings import CoreSettings
from .topics import TopicSpec
from .write_buffers import PartitionedWriteBuffer

log = logging.getLogger("herald.streams")

PRODUCER_BUFFER_MESSAGES = 5000

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Emit:
    """One record a stage wants on a topic."""

    topic: TopicSpec
    key: str
    value: Record
    partition: int | None = None  # None: the key's hash picks it (Kafka's default partitioner)


class Reject(Exception):
    """Raised by a handler for one record that must be dead-lettered with a specific reason."""

    def __init__(self, reason: str, detail: str, sink: str | None = None) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.sink = sink


Handler = Callable[[list[M]], "list[Emit] | Awaitable[list[Emit]]"]


def make_app(settings: CoreSettings, stage: str, registry: CollectorRegistry, default_port: int) -> faust.App:
    """A Faust app for one stage: its own consumer group, its own /metrics on its own port."""
    guard_offset_commits()
    read_uncommitted_from_start()
    datadir = settings.state_dir.resolve() / "faust" / stage
    datadir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        f"herald-{stage}",
        broker=[f"kafka://{s}" for s in settings.bootstrap_servers],
        store="memory://",
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        topic_allow_declare=True,
        topic_disable_leader=True,
        web_host=settings.metrics_host,
        web_port=settings.metrics_port or default_port,
        web_in_thread=False,
        datadir=str(datadir),
        consumer_auto_offset_reset="earliest",
        # Offsets are committed on the timer (broker_commit_interval). Faust also commits after every
        # broker_commit_every acked records, inside its fetch loop and after flushing the producer.
        # Only acked offsets are committed (acked: the outputs are on the broker), so how often
        # changes how much a crash re-reads, never what is lost.
        broker_commit_every=settings.commit_every_records,
        # A SIGKILLed worker never leaves its group: its partitions wait for the session to expire.
        # Faust's 60 s default would stall those partitions for a minute.
        broker_session_timeout=settings.session_timeout_seconds,
        broker_heartbeat_interval=min(3.0, settings.session_timeout_seconds / 3),
        broker_commit_interval=settings.commit_interval_seconds,
        producer_acks=-1,
        # Batches the many small changelog writes into fewer requests; outputs do not wait for it
        # (``prompt_sends``). Faust's 16 KiB batches split one enrichment batch's outputs.
        producer_linger=producer_linger(settings),
        producer_max_batch_size=settings.producer_batch_bytes,
        producer_max_request_size=settings.max_request_bytes,
        consumer_max_fetch_size=16 * 1024 * 1024,
        stream_wait_empty=False,
        # Faust delivers every record of a poll before it polls again; a poll of a whole backlog
        # would hold the other agents' records behind it.
        broker_max_poll_records=500,
        logging_config=None,
    )

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        body, content_type = exposition(registry)
        return web.bytes(body, content_type=content_type.split(";")[0])

    @app.page("/healthz")
    async def health_page(web: Any, request: Any) -> Any:
        return web.json({"stage": stage, "ok": True})

    # Faust pauses every agent of the app while more than this many table changes wait to be
    # produced (100 by default, logging a warning each time). A dedup batch writes a thousand or
    # more; the stage waits for its own writes (Stage._drain_table_writes), so the pause is kept for
    # a real flood.
    app.producer.buffer.max_messages = PRODUCER_BUFFER_MESSAGES
    apply_producer_guarantees(app, settings)
    install_prompt_sends(app, settings)
    return app


def table(
    app: faust.App,
    changelog: TopicSpec,
    settings: CoreSettings,
    raw_values: bool = False,
    owner: Callable[[Any], int] | None = None,
) -> Any:
    """A Faust table whose changelog is the registry's topic (see ``topics.changelog``).

    ``raw_values``: the values are ``bytes``, written to and read from the changelog as they are
    (Faust would otherwise JSON-encode them); for compact binary state.

    ``owner``: the partition a key belongs to, for state whose keys are routed to partitions by the
    stage itself. Faust writes a change to the changelog partition of the event being processed; a
    stage that answers another partition's messages in process (dedup's local shortcut) must write
    to the key's own partition instead, or a restart would restore the key on the wrong worker.
    """
    prefix = f"{app.conf.id}-"
    name = changelog.name.removeprefix(prefix).removesuffix("-changelog")
    if not raw_values:
        return _owned(app.Table(name, partitions=settings.partitions), owner)
    # Faust picks serializers from the value type (JSON for plain types), for the changelog topic it
    # decodes recovery from as well as for the writes: give it a raw topic and raw writes.
    topic = app.topic(
        changelog.name,
        key_type=str,
        value_type=bytes,
        key_serializer="json",
        value_serializer="raw",
        partitions=settings.partitions,
        compacting=True,
        deleting=False,
        acks=False,
        internal=True,
    )
    tbl: Any = app.Table(name, partitions=settings.partitions, value_type=bytes, changelog_topic=topic)
    tbl.value_serializer = "raw"
    return _owned(tbl, owner)


def _owned(tbl: Any, owner: Callable[[Any], int] | None) -> Any:
    if owner is not None:
        tbl.partition_for_key = owner  # Faust asks it for every set and delete (Table.on_key_set)
    return tbl


def held_table(tbl: Any) -> PartitionedWriteBuffer:
    """``tbl``'s writes held for the batch (``WriteBuffer``), each still sent at the flush to the
    changelog partition of the event that made it, as Faust does for a write made while it is current.

    Pass the buffer as (part of) the stage's ``held`` state, and its handler through ``keep_on_success``.
    """
    buffer = PartitionedWriteBuffer(tbl, _event_partition)
    tbl.partition_for_key = buffer.partition_for_key
    return buffer


def _event_partition() -> int:
    event = current_event()
    if event is None:  # as Faust: a key-partitioned table is written while an event is handled
        raise TypeError("a held table was written outside of an event")
    partition: int = event.message.partition
    return partition


def raw_topic(app: faust.App, spec: TopicSpec) -> Any:
    """A Faust topic that hands the agent raw bytes, so decoding errors stay ours to report."""
    return app.topic(
        spec.name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw"
    )


async def backlog(app: faust.App, topic_names: set[str]) -> int:
    """Records waiting on this worker's assigned partitions of ``topic_names`` (0 when unknown)."""
    consumer = app.consumer
    waiting = 0
    for tp in consumer.assignment():
        if tp.topic not in topic_names:
            continue
        try:
            high = consumer.highwater(tp)
            pos = await consumer.position(tp)
        except Exception:  # best effort: an unknown position counts as nothing waiting
            continue
        if high is not None and pos is not None:
            waiting += max(0, high - pos)
    return waiting


class HeldState(Protocol):
    """State a stage's handler changes but holds back until the batch's outputs are on the broker.

    For state that records what the stage emitted (dedup's verdict says "this article went to
    news.unique"). Written as it is changed, its changelog records can be on the broker before the
    outputs are (another partition, another leader); a worker killed in between leaves the record
    without the output, and the redelivered input, finding the record, emits nothing: lost. Held
    back, a worker killed before its outputs were acknowledged leaves the state as it was, and the
    redelivered input does the work again.
    """

    # Stages sharing the state take turns, from handling a batch to writing it: one stage's write
    # must not carry another's changes whose outputs are still in flight.
    lock: asyncio.Lock

    def write(self) -> None:
        """The batch's outputs are acknowledged: write what its handler held."""

    def drop(self) -> None:
        """The batch's outputs failed: forget what its handler held."""


@dataclass
class Stage(Generic[M]):
    """Wires one pure handler into a Faust agent: decode, handle, emit, dead-letter."""

    app: faust.App
    name: str
    source: TopicSpec
    model: type[M]
    handle: Handler[M]
    settings: CoreSettings
    metrics: StageMetrics
    batch_size: int = 64
    # How long a batch waits to fill after its first record arrived (``take_batches``). Faust's
    # take_events waited for the next tick of a 20 ms clock, 10 ms on average.
    batch_within: float = 0.01
    # Stateless stages (enrichment, classification) take the whole batch in one call, which is what
    # makes spaCy fast. Stateful ones are called per record with that record as Faust's "current
    # event", because a Faust table writes each change to the changelog partition of the event
    # being processed: that keeps table partitions aligned with input partitions.
    batched: bool = False
    held: HeldState | None = None

    def __post_init__(self) -> None:
        self._topics: dict[str, Any] = {}
        self._finished = time.monotonic()  # when the last batch was done (the head watch's idleness)
        source = raw_topic(self.app, self.source)

        async def agent(stream: Any) -> None:
            batches = take_batches(stream, self.batch_size, self.batch_within)
            async with contextlib.aclosing(batches):
                async for events in batches:
                    await self.process(events)

        # A distinct function per stage: Faust names agents (and their group members) after them.
        agent.__name__ = agent.__qualname__ = f"{self.name}_agent"
        agent.__module__ = f"herald.{self.name}"
        self.app.agent(source, name=f"herald.{self.name}", concurrency=1)(agent)

        async def report_lag() -> None:
            await self._report_lag()

        report_lag.__name__ = report_lag.__qualname__ = f"{self.name}_report_lag"
        self.app.timer(interval=5.0, name=f"herald.{self.name}.lag")(report_lag)

    def topic(self, spec: TopicSpec) -> Any:
        if spec.name not in self._topics:
            self._topics[spec.name] = raw_topic(self.app, spec)
        return self._topics[spec.name]

    async def process(self, events: Sequence[Any]) -> None:
        started = time.perf_counter()
        good: list[tuple[Any, M]] = []
        failures: list[DeadLetter] = []
        for event in events:
            msg = event.message
            self.metrics.records_in.labels(self.name, msg.topic).inc()
            try:
                good.append((event, decode(msg.value, self.model, self.settings.max_record_bytes)))
            except Poison as poison:
                failures.append(self._letter(msg, poison.reason, poison.detail))
        if self.held is None:
            emits = await self._run(good, failures)
            await self._send(emits, failures)
        else:
            async with self.held.lock:
                try:
                    emits = await self._run(good, failures)
                    await self._send(emits, failures)
                except BaseException:
                    self.held.drop()
                    raise
                self.held.write()
        await self._drain_table_writes()
        elapsed = time.perf_counter() - started
        if events:
            self.metrics.processing_seconds.labels(self.name).observe(elapsed / len(events))
        self.metrics.last_processed.labels(self.name).set(time.time())
        self._finished = time.monotonic()

    async def _run(self, good: list[tuple[Any, M]], failures: list[DeadLetter]) -> list[Emit]:
        if not good:
            return []
        if self.batched and len(good) > 1:
            try:
                return await self._call([r for _, r in good])
            except Exception:
                log.warning("batch failed; retrying its records one by one", extra={"stage": self.name})
        # One record, or a failed batch: run records one at a time so only the poison one is parked.
        # Handlers are idempotent under redelivery (same input, same output ids), so a retry is safe.
        emits: list[Emit] = []
        for event, record in good:
            emits.extend(await self._one(event, record, failures))
        return emits

    async def _one(self, event: Any, record: M, failures: list[DeadLetter]) -> list[Emit]:
        token = _current_event.set(weakref.ref(event))
        try:
            return await self._call([record])
        except Reject as rej:
            failures.append(self._letter(event.message, rej.reason, rej.detail, sink=rej.sink))
        except Exception as exc:
            log.exception(
                "stage failed on a record",
                extra={"stage": self.name, "topic": event.message.topic, "offset": event.message.offset},
            )
            failures.append(self._letter(event.message, "processing_error", f"{type(exc).__name__}: {exc}"))
        finally:
            _current_event.reset(token)
        return []

    async def _call(self, records: list[M]) -> list[Emit]:
        result = self.handle(records)
        if inspect.isawaitable(result):
            result = await result
        return list(result)  # type: ignore[arg-type]

    def _letter(self, msg: Any, reason: Any, detail: str, sink: str | None = None) -> DeadLetter:
        log.warning(
            "dead-lettered a record",
            extra={
                "stage": self.name,
                "topic": msg.topic,
                "partition": msg.partition,
                "offset": msg.offset,
                "reason": reason,
                "detail": detail[:300],
            },
        )
        self.metrics.dead_letters.labels(self.name, reason).inc()
        return dead_letter(
            stage=self.name,
            topic=msg.topic,
            reason=reason,
            error=detail,
            payload=msg.value,
            key=msg.key,
            partition=msg.partition,
            offset=msg.offset,
            sink=sink,
        )

    async def _send(self, emits: list[Emit], failures: list[DeadLetter]) -> None:
        futures = []
        for emit in emits:
            fut = await self.topic(emit.topic).send(
                key=emit.key.encode(), value=emit.value.to_json(), partition=emit.partition
            )
            futures.append(fut)
            self.metrics.records_out.labels(self.name, emit.topic.name).inc()
        for letter in failures:
            fut = await self.topic(topics.DEADLETTER).send(key=self.name.encode(), value=letter.to_json())
            futures.append(fut)
        # Wait for the broker's ack of every output before the batch is acked (see module docstring).
        if futures:
            send_now(self.app)  # with them, the changelog records earlier batches left waiting
            await asyncio.gather(*futures)

    async def _drain_table_writes(self) -> None:
        """Hand this batch's table changes to the Kafka client before taking the next batch.

        Faust queues a changelog record per table write in the producer's buffer, and while that
        buffer holds more than its limit (100 in Faust; ``PRODUCER_BUFFER_MESSAGES`` here) its
        conductor stops handing records to *every* agent of the app. A stage writing a thousand
        changes a batch (dedup's claims) would keep it above the limit for as long as it has a
        backlog, starving the other stage of its worker (stories), and so every alert, until the
        burst is deduplicated. Waiting for its own writes keeps the buffer at about one batch; the
        others are fed between its batches.
        """
        buffer = self.app.producer.buffer
        if buffer.size and buffer.state == "running":  # stopping: the buffer flushes itself
            await buffer.flush()

    async def _report_lag(self) -> None:
        consumer = self.app.consumer
        # One watch per app: several stages may read one topic (the delivery worker's sink agents).
        watch = self.app.__dict__.setdefault("herald_head_watch", HeadWatch())
        try:
            await watch.check(consumer, self.source.name, idle_for=time.monotonic() - self._finished)
        except Exception:  # never let the watch disturb the stage; the next tick tries again
            log.exception("head watch failed", extra={"stage": self.name})
        for tp in consumer.assignment():
            if tp.topic != self.source.name:
                continue
            try:
                high = consumer.highwater(tp)
                pos = await consumer.position(tp)
            except Exception:  # lag is best effort; never let it disturb the stage
                continue
            if high is not None and pos is not None:
                self.metrics.consumer_lag.labels(self.name, tp.topic, str(tp.partition)).set(
                    max(0, high - pos)
                )
