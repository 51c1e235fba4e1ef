"""The poller loop: fetch each feed when due, send new entries, then remember them.

Order matters for "nothing lost, nothing repeated": entries are sent, the producer is flushed and
every send acknowledged (acks=all, idempotent), and only then is the feed's state advanced. A crash
in between re-sends those entries on restart; their ids are stable, so dedup drops the copies.
"""

from __future__ import annotations

import asyncio
import io
import logging
import time
from datetime import UTC, datetime

import feedparser
from kafka import KafkaProducer
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from herald.core import topics
from herald.core.kafka import producer as make_producer
from herald.core.records import Article

from .feeds import Feed
from .fetch import Fetcher, FetchError
from .normalize import article_from_entry
from .seen import FeedState, load_all
from .settings import PollerSettings

log = logging.getLogger("herald.poller")

DEFAULT_PORT = 9101


class PollerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.fetches = Counter("herald_feed_fetches_total", "Feed fetches by outcome.", ["outcome"], registry=registry)
        self.fetch_seconds = Histogram("herald_feed_fetch_seconds", "Duration of one feed fetch.", registry=registry)
        self.fetched_bytes = Counter("herald_feed_fetched_bytes_total", "Body bytes fetched.", registry=registry)
        self.entries = Counter("herald_feed_entries_total", "Feed entries by kind (seen, new).", ["kind"], registry=registry)
        self.last_success = Gauge(
            "herald_feed_last_success_timestamp_seconds", "Last successful fetch of a feed.", ["feed"], registry=registry
        )
        self.producer_errors = Counter("herald_producer_errors_total", "Failed sends to Kafka.", registry=registry)
        self.parse_errors = Counter("herald_feed_parse_errors_total", "Feeds that did not parse, by reason.", ["reason"], registry=registry)
        for outcome in ("ok", "not_modified"):
            self.fetches.labels(outcome)
        for kind in ("seen", "new"):
            self.entries.labels(kind)


def parse(body: bytes) -> feedparser.FeedParserDict:
    """Parse bytes we fetched; feedparser never sees a URL or a path."""
    return feedparser.parse(io.BytesIO(body), sanitize_html=True, resolve_relative_uris=False)


class Poller:
    def __init__(
        self, settings: PollerSettings, feeds: list[Feed], registry: CollectorRegistry, producer: KafkaProducer | None = None
    ) -> None:
        self.settings = settings
        self.feeds = [f for f in feeds if f.enabled]
        self.metrics = PollerMetrics(registry)
        self.producer = producer or make_producer(settings, "herald-poller")
        self.fetcher = Fetcher(
            user_agent=settings.user_agent,
            timeout=settings.fetch_timeout_seconds,
            max_bytes=settings.max_body_bytes,
            max_redirects=settings.max_redirects,
            allowed=settings.allowed,
        )
        self.state: dict[str, FeedState] = load_all(settings)
        self.next_due: dict[str, float] = {f.url: 0.0 for f in self.feeds}

    async def poll_feed(self, feed: Feed) -> int:
        state = self.state.setdefault(feed.url, FeedState())
        try:
            result = await self.fetcher.fetch(feed.url, state.etag, state.last_modified)
        except FetchError as exc:
            self.metrics.fetches.labels(exc.reason).inc()
            log.warning("fetch failed", extra={"feed": feed.name, "reason": exc.reason, "detail": exc.detail})
            return 0
        self.metrics.fetch_seconds.observe(result.seconds)
        if result.status == 304:
            self.metrics.fetches.labels("not_modified").inc()
            self.metrics.last_success.labels(feed.name).set(time.time())
            return 0
        self.metrics.fetched_bytes.inc(len(result.body))
        parsed = await asyncio.to_thread(parse, result.body)
        if parsed.bozo and not parsed.entries:
            reason = type(parsed.get("bozo_exception")).__name__
            self.metrics.parse_errors.labels(reason).inc()
            self.metrics.fetches.labels("parse_error").inc()
            log.warning("feed did not parse", extra={"feed": feed.name, "reason": reason})
            return 0
        self.metrics.fetches.labels("ok").inc()
        now = datetime.now(UTC)
        language = parsed.feed.get("language")
        known = set(state.seen)
        fresh: list[Article] = []
        for entry in parsed.entries:
            article = article_from_entry(entry, source=feed.name, feed_url=feed.url, language=language, now=now)
            if article is None:
                continue
            if article.id in known:
                self.metrics.entries.labels("seen").inc()
                continue
            known.add(article.id)
            fresh.append(article)
        await asyncio.to_thread(self._send, fresh)
        self.metrics.entries.labels("new").inc(len(fresh))
        state.etag, state.last_modified = result.etag, result.last_modified
        state.remember([a.id for a in fresh])
        await asyncio.to_thread(self._save, feed.url, state)
        self.metrics.last_success.labels(feed.name).set(time.time())
        return len(fresh)

    def _send(self, articles: list[Article]) -> None:
        """Send and wait for every ack; on a broker outage keep retrying rather than drop."""
        futures = [self.producer.send(topics.ARTICLES.name, key=a.id.encode(), value=a.to_json()) for a in articles]
        self.producer.flush()
        for fut in futures:
            try:
                fut.get(timeout=0)
            except Exception:
                self.metrics.producer_errors.inc()
                raise

    def _save(self, url: str, state: FeedState) -> None:
        self.producer.send(topics.POLLER_STATE.name, key=url.encode(), value=state.to_json())
        self.producer.flush()

    async def run_once(self) -> int:
        return sum(await asyncio.gather(*(self.poll_feed(f) for f in self.feeds)))

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            now = time.monotonic()
            due = [f for f in self.feeds if self.next_due[f.url] <= now]
            for feed in due:
                self.next_due[feed.url] = now + (feed.interval or self.settings.poll_interval_seconds)
            if due:
                try:
                    await asyncio.gather(*(self.poll_feed(f) for f in due))
                except Exception:
                    # Kafka refused a send: the state did not advance, so the next poll resends.
                    log.exception("poll round failed; will retry")
                    for feed in due:
                        self.next_due[feed.url] = time.monotonic() + 5.0
            wait = max(0.05, min(self.next_due.values(), default=now + 1) - time.monotonic())
            try:
                await asyncio.wait_for(stop.wait(), timeout=min(wait, 1.0))
            except TimeoutError:
                pass

    async def close(self) -> None:
        await self.fetcher.close()
        self.producer.flush()
        self.producer.close()
