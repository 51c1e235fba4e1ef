"""Feeding articles into ``news.articles`` the way the poller does: as fast as possible, or at a rate.

The poller is bypassed on purpose (feeds over HTTP would measure the feed server), but the records
are the poller's: ``Article`` JSON keyed by article id, sent with Herald's own producer settings
(idempotent, acks=all). ``fetched_at`` is stamped at the moment of sending, so every alert carries the
time its article entered the pipeline.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from herald.core import topics
from herald.core.kafka import producer
from herald.core.settings import CoreSettings

from .corpus import Draft


class Feeder:
    def __init__(self, settings: CoreSettings) -> None:
        self.producer = producer(settings, "herald-bench")
        self.sent: dict[str, float] = {}  # article id -> Unix time it was sent

    def send(self, draft: Draft) -> float:
        now = datetime.now(UTC)
        article = draft.article(now)
        self.producer.send(topics.ARTICLES.name, key=article.id.encode(), value=article.to_json())
        ts = now.timestamp()
        self.sent[article.id] = ts
        return ts

    def burst(self, drafts: Iterable[Draft]) -> tuple[float, float]:
        """Send everything as fast as the producer takes it; returns (first sent, all acknowledged)."""
        started = time.time()
        for draft in drafts:
            self.send(draft)
        self.producer.flush()
        return started, time.time()

    def paced(self, drafts: Iterator[Draft], rate: float, seconds: float, stop: threading.Event) -> int:
        """Send ``rate`` articles a second for ``seconds`` on a fixed schedule (no drift); returns the count.

        The schedule is absolute (article i at start + i / rate), so a late send is followed by a
        shorter wait, never by a slower rate.
        """
        total = int(rate * seconds)
        start = time.monotonic()
        for i in range(total):
            if stop.is_set():
                return i
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self.send(next(drafts))
        self.producer.flush()
        return total

    def close(self) -> None:
        self.producer.close(timeout=10)
