"""The store stage: ``news.enriched``, ``news.events``, ``news.alerts``, ``news.deliveries`` -> database.

Its own consumer group (``herald-store``), one agent per topic, each taking batches of up to
``HERALD_STORE_BATCH_SIZE`` records or ``HERALD_STORE_BATCH_WAIT_SECONDS``. Decoding, dead letters and
offsets are ``herald.core.streams``; the rows and their upserts are ``writer.Writer``. So:

* **The offset follows the database commit.** A batch is acked only after its transaction committed;
  a crash in between redelivers it, and the upserts make the second write change nothing.
* **A record the database refuses is dead-lettered, the rest go on.** The writer hands back the
  refused records; the batch is then handled record by record and the refused one is parked with
  reason ``processing_error`` and the database's own message.
* **A database outage loses nothing.** The batch is written again with exponential backoff until the
  database answers; the offsets wait, and Kafka keeps the records meanwhile.
* **The event loop stays free.** Every transaction runs in a thread (``asyncio.to_thread``); one
  lock serialises them, since SQLite has a single writer and batches are large enough to need no more.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import Any

import faust
import sqlalchemy as sa
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from herald.core import topics
from herald.core.metrics import LATENCY_BUCKETS, StageMetrics
from herald.core.records import Alert, DeliveryOutcome, EnrichedArticle, Event
from herald.core.streams import Emit, Reject, Stage, make_app
from herald.core.topics import TopicSpec

from .database import engine_for
from .migrate import migrate
from .retention import prune
from .settings import StoreSettings
from .tables import TABLES
from .writer import StoredRecord, Unavailable, Writer, is_outage

DEFAULT_PORT = 9108
log = logging.getLogger("herald.store")

# What the store reads: each topic with its record type and the agent's stage name.
SOURCES: tuple[tuple[str, TopicSpec, type[StoredRecord]], ...] = (
    ("store_articles", topics.ENRICHED, EnrichedArticle),
    ("store_events", topics.EVENTS, Event),
    ("store_alerts", topics.ALERTS, Alert),
    ("store_deliveries", topics.DELIVERIES, DeliveryOutcome),
)


class StoreMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.rows = Counter(
            "herald_store_rows_total",
            "Rows the store handed to the database (upserts; a replayed row counts again), by table.",
            ["table"],
            registry=registry,
        )
        self.batch_seconds = Histogram(
            "herald_store_batch_seconds",
            "Time to write one batch in one transaction.",
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.unavailable = Counter(
            "herald_store_database_unavailable_total",
            "Batch attempts that found the database unreachable or locked (the batch is retried).",
            registry=registry,
        )
        self.database_up = Gauge(
            "herald_store_database_up", "1 when the last database operation succeeded.", registry=registry
        )
        self.pruned = Counter(
            "herald_store_pruned_rows_total",
            "Rows deleted by retention, by table.",
            ["table"],
            registry=registry,
        )
        for table in TABLES:
            self.rows.labels(table.name)
            self.pruned.labels(table.name)


class BatchRefused(Exception):
    """Some records of a batch were refused: the stage retries it record by record to park them."""


class StoreWriter:
    """The writer driven from the event loop: threads, one at a time, retried through outages."""

    def __init__(self, settings: StoreSettings, engine: sa.Engine, metrics: StoreMetrics) -> None:
        self.settings = settings
        self.engine = engine
        self.writer = Writer(engine, keep_text=settings.store_keep_text)
        self.metrics = metrics
        self.lock = asyncio.Lock()
        self.migrated = False

    async def _with_retry(self, what: str, work: Any, *args: Any) -> Any:
        delay = self.settings.store_retry_initial_seconds
        while True:
            try:
                result = await asyncio.to_thread(work, *args)
                self.metrics.database_up.set(1)
                return result
            except Exception as exc:
                if not (isinstance(exc, Unavailable) or is_outage(exc)):
                    raise
                self.metrics.database_up.set(0)
                self.metrics.unavailable.inc()
                log.warning(
                    "database unavailable; trying again",
                    extra={"what": what, "in_s": delay, "error": str(exc)[:300]},
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.settings.store_retry_max_seconds)

    async def write(self, records: Sequence[StoredRecord]) -> None:
        """Write a batch; raise :class:`Reject` (one record) or :class:`BatchRefused` for refused ones."""
        async with self.lock:
            await self._migrate()
            started = time.perf_counter()
            written, failures = await self._with_retry("write", self.writer.write, list(records))
            self.metrics.batch_seconds.observe(time.perf_counter() - started)
        for table, n in written.items():
            self.metrics.rows.labels(table).inc(n)
        if failures:
            if len(records) == 1:
                raise Reject("processing_error", f"the database refused the record: {failures[0].error}")
            raise BatchRefused(f"{len(failures)} of {len(records)} records refused")

    async def prepare(self) -> None:
        """Create or upgrade the schema on start, so readers find the tables before the first record."""
        async with self.lock:
            await self._migrate()

    async def _migrate(self) -> None:
        if not self.migrated:
            await self._with_retry("migrate", migrate, self.engine)
            self.migrated = True

    async def prune(self) -> None:
        days = self.settings.retention_days()
        if not any(d > 0 for d in days.values()):
            return
        async with self.lock:
            deleted = await self._with_retry("prune", prune, self.engine, days)
        for table, n in deleted.items():
            self.metrics.pruned.labels(table).inc(n)


def build(settings: StoreSettings, registry: CollectorRegistry, engine: sa.Engine | None = None) -> faust.App:
    app = make_app(settings, "store", registry, DEFAULT_PORT)
    store = StoreWriter(settings, engine or engine_for(settings.database_url()), StoreMetrics(registry))

    async def handle(records: list[Any]) -> list[Emit]:
        await store.write(records)
        return []

    for name, spec, model in SOURCES:
        Stage(
            app,
            name,
            spec,
            model,
            handle,
            settings,
            StageMetrics.of(registry, name),
            batch_size=settings.store_batch_size,
            batch_within=settings.store_batch_wait_seconds,
            batched=True,
        )

    @app.task
    async def prepare() -> None:
        await store.prepare()

    @app.timer(interval=settings.store_retention_interval_seconds, name="herald.store.retention")
    async def retention() -> None:
        try:
            await store.prune()
        except Exception:  # a timer that raises stops for good: log and try again next tick
            log.exception("retention failed")

    return app
