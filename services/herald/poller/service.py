"""The poller: fetch each feed when due, send exactly its new entries, then remember them.

Order is what makes "nothing lost, nothing repeated" hold:

1. fetch (conditional GET) and parse;
2. send the entries not seen before and wait until the broker acknowledged every one
   (acks=all, idempotent producer);
3. only then advance the feed's seen state (ids, ETag, Last-Modified) and wait for that ack too.

A crash between 2 and 3 re-sends those entries after a restart; their ids are stable, so the dedup
stage drops the copies. A broker that does not acknowledge makes the poller hold new fetches and
retry the same send with backoff until it is acknowledged: it waits, it never drops, and it never
advances past what Kafka has not got.

A feed is never given up on: failures back off up to the ceiling and are retried forever, and the
feed's health (kept with its seen state in ``herald.poller.state``) shows it failing, in metrics and
in ``herald feeds list``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import heapq
import logging
import pyexpat
import random
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry

from .bookkeeping import FeedBookkeeping
from .entries import new_entries
from .feeds import Feed
from .fetch import Fetcher, FetchError, FetchResult
from .metrics import PollerMetrics
from .output import KafkaOutput, Publisher, PublishError, StateStore
from .parsing import FeedRejected, ParsedFeed, expat_is_current, parse, read_feed
from .schedule import Policy
from .settings import PollerSettings
from .state import FeedState

__all__ = ["DEFAULT_PORT", "Poller", "PollerMetrics", "parse"]

log = logging.getLogger("herald.poller")

DEFAULT_PORT = 9101


class Poller(FeedBookkeeping):
    """Polls the enabled feeds of a list. Construct, then ``await run(stop)`` or ``await run_once()``.

    ``publisher`` and ``store`` default to Kafka (one shared producer); tests and the benchmark inject
    the in-memory doubles. ``rng`` is injectable so jitter is reproducible in tests.
    """

    def __init__(
        self,
        settings: PollerSettings,
        feeds: list[Feed],
        registry: CollectorRegistry,
        publisher: Publisher | None = None,
        store: StateStore | None = None,
        *,
        fetcher: Fetcher | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.feeds: dict[str, Feed] = {f.url: f for f in feeds if f.enabled}
        self.registry = registry
        self.metrics = PollerMetrics(registry)
        kafka = (
            KafkaOutput(settings, ack_timeout=settings.kafka_ack_timeout_seconds)
            if publisher is None or store is None
            else None
        )
        self.publisher: Publisher = publisher or kafka  # type: ignore[assignment]
        self.store: StateStore = store or kafka  # type: ignore[assignment]
        self.fetcher = fetcher or Fetcher(
            user_agent=settings.user_agent,
            timeout=settings.fetch_timeout_seconds,
            connect_timeout=settings.connect_timeout_seconds,
            max_bytes=settings.max_body_bytes,
            max_redirects=settings.max_redirects,
            allowed=settings.allowed,
            per_host=settings.per_host_concurrency,
            max_connections=settings.max_concurrency,
        )
        self.policy = Policy(
            floor=settings.interval_floor_seconds,
            ceiling=settings.interval_ceiling_seconds,
            start=settings.poll_interval_seconds,
            max_retry_after=settings.max_retry_after_seconds,
        )
        self.rng = rng or random.Random()
        self.state: dict[str, FeedState] = {}
        self.next_due: dict[str, float] = {}  # monotonic seconds
        self.labelled = {f.name for f in list(self.feeds.values())[: settings.feed_label_limit]}
        self.failing: set[str] = set()
        self.broker_ok = asyncio.Event()
        self.broker_ok.set()
        self._parse_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="herald-parse")
        self._started = False
        self._wake = asyncio.Event()

    # ---------------------------------------------------------------- start-up

    async def start(self) -> None:
        """Load every feed's state, waiting for the broker as long as it takes (idempotent).

        Polling without the state would re-send every feed's entries, so there is no fallback.
        """
        if self._started:
            return
        if not expat_is_current():
            log.warning(
                "libexpat is older than the Python docs recommend; XML entity checks still refuse bombs",
                extra={"expat": pyexpat.EXPAT_VERSION},
            )
        attempt = 0
        while True:
            try:
                loaded = await self.store.load()
                break
            except PublishError as exc:
                attempt += 1
                self.metrics.broker_waiting.set(1)
                log.warning(
                    "cannot read poller state; waiting for Kafka",
                    extra={"attempt": attempt, "error": str(exc)},
                )
                await asyncio.sleep(min(10.0, 0.5 * 2**attempt))
        self.metrics.broker_waiting.set(0)
        now_wall, now_mono = time.time(), time.monotonic()
        spread = self.settings.startup_spread_seconds
        for url, feed in self.feeds.items():
            state = self.state[url] = loaded.get(url, FeedState())
            health = state.health
            if health.next_poll is not None and health.next_poll > now_wall:
                # Respect a backoff or Retry-After that was running when we stopped.
                self.next_due[url] = now_mono + min(health.next_poll - now_wall, self.policy.max_retry_after)
            else:
                first = min(feed.interval or self.policy.start, spread)
                self.next_due[url] = now_mono + self.rng.uniform(0, first)
            if health.consecutive_errors >= self.settings.failing_after_errors:
                self.failing.add(url)
            if feed.name in self.labelled:
                if health.last_success:
                    self.metrics.last_success.labels(feed.name).set(health.last_success)
                self.metrics.consecutive_errors.labels(feed.name).set(health.consecutive_errors)
        self._update_health_gauges()
        log.info("poller started", extra={"feeds": len(self.feeds), "with_state": len(loaded)})
        self._started = True

    # ---------------------------------------------------------------- one poll

    async def poll_feed(self, feed: Feed) -> int:
        """Poll one feed once; returns the number of new articles sent. Raises nothing but cancellation."""
        state = self.state.setdefault(feed.url, FeedState())
        health = state.health
        started_wall, started = time.time(), time.monotonic()
        fetch_url = health.fetch_url or feed.url
        try:
            result = await self.fetcher.fetch(fetch_url, state.seen.etag, state.seen.last_modified)
        except FetchError as exc:
            health.fetch_url = None  # after a failure, go back to the URL the operator gave
            self._failed(feed, exc.reason, exc.detail, started_wall, started, retry_after=exc.retry_after)
            return 0
        except Exception as exc:
            log.exception("unexpected error fetching feed", extra={"feed": feed.name, "url": fetch_url})
            self._failed(
                feed,
                "internal_error",
                f"{type(exc).__name__}: {exc}",
                started_wall,
                started,
                retry_after=None,
            )
            return 0
        self.metrics.fetch_seconds.observe(result.seconds)
        if result.permanent_url and result.permanent_url != fetch_url:
            health.fetch_url = None if result.permanent_url == feed.url else result.permanent_url
            log.info(
                "feed moved permanently",
                extra={"feed": feed.name, "url": feed.url, "to": result.permanent_url},
            )
        if result.status == 304:
            self._succeeded(feed, result, started_wall, started, new=0, dates=[], ttl=None, deferred=0)
            return 0
        self.metrics.fetched_bytes.inc(len(result.body))
        digest = hashlib.blake2b(result.body, digest_size=16).hexdigest()
        if digest == state.seen.body_hash:
            # Same bytes as the last body fully handled (a server without ETag/Last-Modified): every
            # entry in it was sent already, so parsing it again could only find nothing new.
            self._succeeded(
                feed, result, started_wall, started, new=0, dates=[], ttl=None, deferred=0, unchanged=True
            )
            return 0
        try:
            parsed = await asyncio.get_running_loop().run_in_executor(
                self._parse_pool,
                functools.partial(
                    read_feed, result.body, result.content_type, max_expansion=self.settings.max_body_bytes
                ),
            )
        except FeedRejected as exc:
            self.metrics.parse_errors.labels(exc.reason).inc()
            self._failed(feed, exc.reason, exc.detail, started_wall, started, retry_after=None)
            return 0
        for reason, detail in parsed.problems:
            self.metrics.parse_problems.labels(reason).inc()
            level = logging.INFO if reason == "no_entries" else logging.WARNING
            log.log(
                level,
                "feed read despite a problem",
                extra={"feed": feed.name, "reason": reason, "detail": detail},
            )
        return await self._deliver(feed, state, result, parsed, started_wall, started, digest)

    async def _deliver(
        self,
        feed: Feed,
        state: FeedState,
        result: FetchResult,
        parsed: ParsedFeed,
        started_wall: float,
        started: float,
        digest: str,
    ) -> int:
        batch = new_entries(
            feed,
            parsed,
            result.final_url,
            set(state.seen.seen),
            max_entries=self.settings.max_entries_per_poll,
            now=datetime.now(UTC),
        )
        fresh, deferred = batch.fresh, batch.deferred
        if fresh:
            await self._until_acked("articles", feed, lambda: self.publisher.publish(fresh))
        self.metrics.entries.labels("new").inc(len(fresh))
        self.metrics.entries.labels("seen").inc(batch.seen)
        self.metrics.entries.labels("skipped").inc(batch.skipped)
        self.metrics.entries.labels("deferred").inc(deferred)
        # Validators are stored only when everything in this response was handled: otherwise a 304
        # next time would hide the deferred entries.
        validators = (result.etag, result.last_modified, digest) if not deferred else (None, None, None)
        changed = state.seen.advance(batch.handled, self.settings.seen_per_feed)
        if validators != (state.seen.etag, state.seen.last_modified, state.seen.body_hash):
            state.seen.etag, state.seen.last_modified, state.seen.body_hash = validators
            changed = True
        if changed:
            await self._until_acked("state", feed, lambda: self.store.save_seen(feed.url, state.seen))
        self._succeeded(
            feed,
            result,
            started_wall,
            started,
            new=len(fresh),
            dates=batch.dates,
            ttl=parsed.ttl_seconds,
            deferred=deferred,
        )
        return len(fresh)

    async def _until_acked(self, kind: str, feed: Feed, send: Callable[[], Awaitable[None]]) -> None:
        """Retry a send until Kafka acknowledges it; meanwhile no new fetch starts."""
        attempt = 0
        while True:
            try:
                await send()
            except PublishError as exc:
                attempt += 1
                self.metrics.producer_errors.labels(kind).inc()
                self.metrics.broker_waiting.set(1)
                self.broker_ok.clear()
                log.warning(
                    "Kafka did not acknowledge; holding new fetches and retrying",
                    extra={"feed": feed.name, "kind": kind, "attempt": attempt, "error": str(exc)},
                )
                await asyncio.sleep(min(10.0, 0.25 * 2**attempt) * self.rng.uniform(0.5, 1.0))
                continue
            if attempt:
                log.info(
                    "Kafka acknowledged again",
                    extra={"feed": feed.name, "kind": kind, "attempts": attempt + 1},
                )
                self.metrics.broker_waiting.set(0)
                self.broker_ok.set()
            return

    # ---------------------------------------------------------------- loops

    async def run_once(self) -> int:
        """Poll every enabled feed once (bounded concurrency); returns the number of new articles."""
        await self.start()
        slots = asyncio.Semaphore(self.settings.max_concurrency)

        async def one(feed: Feed) -> int:
            async with slots:
                return await self.poll_feed(feed)

        return sum(await asyncio.gather(*(one(f) for f in self.feeds.values())))

    async def run(self, stop: asyncio.Event) -> None:
        """Poll each feed when it is due until ``stop`` is set; then let polls in flight finish."""
        await self.start()
        heap = [(due, url) for url, due in self.next_due.items()]
        heapq.heapify(heap)
        slots = asyncio.Semaphore(self.settings.max_concurrency)
        running: dict[str, asyncio.Task[None]] = {}

        async def poll(url: str) -> None:
            feed = self.feeds[url]
            try:
                await self.poll_feed(feed)
            except Exception as exc:
                log.exception("unexpected error polling feed", extra={"feed": feed.name, "url": url})
                self._failed(
                    feed,
                    "internal_error",
                    f"{type(exc).__name__}: {exc}",
                    time.time(),
                    time.monotonic(),
                    retry_after=None,
                )
            finally:
                slots.release()
                running.pop(url, None)
                heapq.heappush(heap, (self.next_due[url], url))
                self._wake.set()

        while not stop.is_set():
            if not self.broker_ok.is_set():
                await _first(stop.wait(), self.broker_ok.wait())
                continue
            now = time.monotonic()
            if heap and heap[0][0] <= now:
                due, url = heapq.heappop(heap)
                if url in running or self.next_due.get(url, due) > due:
                    continue  # a stale heap entry
                if slots.locked():
                    await _first(stop.wait(), slots.acquire())
                    if stop.is_set():
                        break
                else:
                    await slots.acquire()
                self.metrics.schedule_lag.observe(max(0.0, time.monotonic() - due))
                running[url] = asyncio.create_task(poll(url), name=f"poll:{url}")
                continue
            wait = min(1.0, heap[0][0] - now) if heap else 1.0
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(max(0.0, wait)):
                    await _first(stop.wait(), self._wake.wait())
        if running:
            grace = self.settings.fetch_timeout_seconds + 5.0
            _done, pending = await asyncio.wait(list(running.values()), timeout=grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def close(self) -> None:
        await self.fetcher.close()
        await self.publisher.close()
        if self.store is not self.publisher:
            await self.store.close()
        self._parse_pool.shutdown(wait=False)


async def _first(*aws: Awaitable[object]) -> None:
    """Wait until the first of several awaitables completes; cancel the rest."""
    tasks = [asyncio.ensure_future(a) for a in aws]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            if not task.done():
                task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
