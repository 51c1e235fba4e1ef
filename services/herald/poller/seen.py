"""What the poller remembers per feed, kept in a compacted Kafka topic.

Why a compacted topic and not a local file: the poller then keeps no local state, so it can be
rescheduled anywhere (a Kubernetes pod, another host) and still not re-flood Kafka. The state of a
feed is written only after the broker acknowledged every article it records as sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kafka import KafkaConsumer, TopicPartition

from herald.core import topics
from herald.core.settings import CoreSettings

SEEN_LIMIT = 2000  # ids remembered per feed: far more than any feed carries at once


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)

    def remember(self, ids: list[str]) -> None:
        known = set(self.seen)
        self.seen.extend(i for i in ids if i not in known)
        del self.seen[:-SEEN_LIMIT]

    def to_json(self) -> bytes:
        return json.dumps({"etag": self.etag, "last_modified": self.last_modified, "seen": self.seen}).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> FeedState:
        data: dict[str, Any] = json.loads(raw)
        return cls(data.get("etag"), data.get("last_modified"), list(data.get("seen", [])))


def load_all(settings: CoreSettings) -> dict[str, FeedState]:
    """Read the state topic from the beginning to its end."""
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False, client_id="herald-poller-state"
    )
    try:
        parts = consumer.partitions_for_topic(topics.POLLER_STATE.name) or set()
        tps = [TopicPartition(topics.POLLER_STATE.name, p) for p in parts]
        if not tps:
            return {}
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        states: dict[str, FeedState] = {}
        while any(consumer.position(tp) < end[tp] for tp in tps):
            for records in consumer.poll(timeout_ms=1000).values():
                for rec in records:
                    key = rec.key.decode()
                    if rec.value is None:
                        states.pop(key, None)
                    else:
                        states[key] = FeedState.from_json(rec.value)
        return states
    finally:
        consumer.close()
