"""Where the poller's output goes: articles to ``news.articles``, its own state to ``herald.poller.state``.

Two seams, each with a Kafka implementation here and an in-memory double in ``memory.py``:

* :class:`Publisher` ``publish(articles)`` returns only when the broker acknowledged every article
  (acks=all, idempotent producer) and raises :class:`PublishError` otherwise. The poller then waits
  and retries; it never advances a feed's state past an unacknowledged article.
* :class:`StateStore` loads every feed's state at start-up, ``save_seen`` likewise returns only after
  the acknowledgement, ``save_health`` is fire-and-forget (see ``state.py`` for why).

Why the state lives in a compacted Kafka topic and not a local file: the poller then keeps nothing on
local disk, so it can be rescheduled anywhere (another pod, another host) and still neither re-floods
Kafka nor forgets a feed's backoff; the state sits next to the articles it describes, with the same
durability (replication, acks=all), and there is one less volume to back up. Records are keyed
``seen:<feed url>`` and ``health:<feed url>``, so compaction keeps exactly the newest of each.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from herald.core import topics
from herald.core.kafka import ensure_topics
from herald.core.kafka import producer as make_producer
from herald.core.records import Article
from herald.core.settings import CoreSettings

from .state import FeedHealth, FeedState, SeenState

log = logging.getLogger("herald.poller")

SEEN = "seen:"
HEALTH = "health:"


class PublishError(Exception):
    """The broker did not acknowledge a send (down, timed out, refused). Safe to retry."""


class Publisher(Protocol):
    async def publish(self, articles: list[Article]) -> None:
        """Send articles; return once every one is acknowledged, or raise :class:`PublishError`."""
        ...

    async def close(self) -> None: ...


class StateStore(Protocol):
    async def load(self) -> dict[str, FeedState]:
        """Every feed's remembered state by feed URL; raises :class:`PublishError` if it cannot be read."""
        ...

    async def save_seen(self, url: str, seen: SeenState) -> None:
        """Persist what a feed has sent; return once acknowledged, or raise :class:`PublishError`."""
        ...

    def save_health(self, url: str, health: FeedHealth) -> None:
        """Persist a feed's health without waiting; a lost write costs one mistimed poll at most."""
        ...

    async def close(self) -> None: ...


def decode_state(records: list[tuple[bytes, bytes | None]]) -> dict[str, FeedState]:
    """Fold state records (key, value; None deletes) in log order into the latest state per feed.

    Keys without a prefix are the first poller version's seen records, read so an upgrade does not
    re-send every feed's entries.
    """
    states: dict[str, FeedState] = {}
    for raw_key, value in records:
        key = raw_key.decode("utf-8", "replace")
        if key.startswith(HEALTH):
            url, kind = key[len(HEALTH) :], "health"
        else:
            url, kind = key.removeprefix(SEEN), "seen"
        if value is None:
            if url in states:
                if kind == "health":
                    states[url].health = FeedHealth()
                else:
                    states[url].seen = SeenState()
            continue
        state = states.setdefault(url, FeedState())
        try:
            if kind == "health":
                state.health = FeedHealth.from_json(value)
            else:
                state.seen = SeenState.from_json(value)
        except (ValueError, TypeError) as exc:
            log.warning("unreadable poller state record skipped", extra={"key": key, "error": str(exc)})
    return states


class KafkaOutput:
    """Both seams over one idempotent kafka-python producer, created lazily so a broker that is down
    at start-up makes the poller wait instead of crash.

    ``send()`` can block (metadata, a full buffer), so it runs in a small thread pool of its own; the
    acknowledgements are awaited on the event loop through the futures' callbacks, so a slow broker
    holds no thread and hundreds of polls can wait for their acks at once.
    """

    def __init__(
        self, settings: CoreSettings, *, ack_timeout: float = 30.0, **producer_overrides: Any
    ) -> None:
        self.settings = settings
        self.ack_timeout = ack_timeout
        self.overrides: dict[str, Any] = {
            "max_block_ms": int(min(10.0, ack_timeout) * 1000),
            "request_timeout_ms": int(min(10.0, ack_timeout) * 1000),
            "delivery_timeout_ms": int(ack_timeout * 1000) + 100,
            **producer_overrides,
        }
        self._producer: KafkaProducer | None = None
        self._failures = 0
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="herald-kafka")
        self._pending: set[concurrent.futures.Future[None]] = set()  # health sends not yet handed over

    def _get(self) -> KafkaProducer:
        with self._lock:
            if self._producer is None:
                self._producer = make_producer(self.settings, "herald-poller", **self.overrides)
            return self._producer

    def _send(self, records: list[tuple[str, bytes, bytes]]) -> list[Any]:
        producer = self._get()
        return [producer.send(topic, key=key, value=value) for topic, key, value in records]

    def _failed(self) -> None:
        self._failures += 1
        if self._failures >= 3:
            # A producer that keeps failing may be wedged (fenced epoch, closed): start afresh.
            with self._lock:
                broken, self._producer = self._producer, None
            if broken is not None:
                self._pool.submit(_close_quietly, broken)

    async def _run(self, records: list[tuple[str, bytes, bytes]]) -> None:
        """Send, then wait on the loop until every record is acknowledged; PublishError otherwise."""
        if not records:
            return
        loop = asyncio.get_running_loop()
        try:
            futures = await loop.run_in_executor(self._pool, self._send, records)
            async with asyncio.timeout(self.ack_timeout + 5):
                await asyncio.gather(*(_acked(loop, f) for f in futures))
        except Exception as exc:
            self._failed()
            raise PublishError(f"{type(exc).__name__}: {exc}"[:500]) from exc
        self._failures = 0

    async def publish(self, articles: list[Article]) -> None:
        await self._run([(topics.ARTICLES.name, a.id.encode(), a.to_json()) for a in articles])

    async def save_seen(self, url: str, seen: SeenState) -> None:
        await self._run([(topics.POLLER_STATE.name, (SEEN + url).encode(), seen.to_json())])

    def save_health(self, url: str, health: FeedHealth) -> None:
        if self._producer is None:
            return  # no producer yet means the broker never answered; the next poll writes it
        record = [(topics.POLLER_STATE.name, (HEALTH + url).encode(), health.to_json())]
        # In the pool, not on the loop: send() may block while the broker is away.
        pending = self._pool.submit(self._send_quietly, record)
        self._pending.add(pending)
        pending.add_done_callback(self._pending.discard)

    def _send_quietly(self, records: list[tuple[str, bytes, bytes]]) -> None:
        try:
            self._send(records)
        except Exception as exc:
            log.debug("health record not sent", extra={"error": str(exc)})

    def _load(self) -> dict[str, FeedState]:
        try:
            ensure_topics(self.settings, [topics.ARTICLES, topics.POLLER_STATE])
            states = read_state(self.settings)
            self._get()  # the broker answers now: have the producer ready for health records
            return states
        except Exception as exc:
            raise PublishError(
                f"cannot read {topics.POLLER_STATE.name}: {type(exc).__name__}: {exc}"
            ) from exc

    async def load(self) -> dict[str, FeedState]:
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._load)

    def _close(self) -> None:
        if self._producer is not None:
            try:
                self._producer.flush(timeout=10)
            finally:
                self._producer.close(timeout=10)

    async def close(self) -> None:
        """Hand over the health records still queued, flush everything, close."""
        if self._pending:
            await asyncio.wait([asyncio.wrap_future(f) for f in list(self._pending)], timeout=15)
        await asyncio.get_running_loop().run_in_executor(self._pool, self._close)
        self._pool.shutdown(wait=False)


def _acked(loop: asyncio.AbstractEventLoop, future: Any) -> asyncio.Future[None]:
    """An asyncio future that completes when a kafka-python send future does (from any thread)."""
    waiter: asyncio.Future[None] = loop.create_future()

    def settle(exc: BaseException | None) -> None:
        if waiter.done():
            return
        if exc is None:
            waiter.set_result(None)
        else:
            waiter.set_exception(exc)

    future.add_callback(lambda _metadata: loop.call_soon_threadsafe(settle, None))
    future.add_errback(lambda exc: loop.call_soon_threadsafe(settle, exc))
    return waiter


def _close_quietly(producer: KafkaProducer) -> None:
    try:
        producer.close(timeout=0)
    except Exception as exc:
        log.debug("closing a failed producer failed too", extra={"error": str(exc)})


def read_state(settings: CoreSettings) -> dict[str, FeedState]:
    """Read the whole state topic from the beginning to its current end (blocking)."""
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        enable_auto_commit=False,
        client_id="herald-poller-state",
    )
    try:
        parts = consumer.partitions_for_topic(topics.POLLER_STATE.name) or set()
        tps = [TopicPartition(topics.POLLER_STATE.name, p) for p in sorted(parts)]
        if not tps:
            return {}
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        records: list[tuple[bytes, bytes | None]] = []
        while any(consumer.position(tp) < end[tp] for tp in tps):
            for batch in consumer.poll(timeout_ms=1000).values():
                records.extend((rec.key or b"", rec.value) for rec in batch)
        return decode_state(records)
    finally:
        consumer.close()
