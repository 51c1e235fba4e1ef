"""The dedup worker's Prometheus metrics, and the sizes of the state it holds."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from . import verdicts as verdict_bucket

SOURCE_BUCKETS = (1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144)


class DedupMetrics:
    """Every metric the dedup worker exports; labelled series are created at zero, so rates exist."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.duplicates = Counter(
            "herald_duplicates_total",
            "Articles recognised as copies and dropped, by kind.",
            ["kind"],
            registry=registry,
        )
        for kind in ("exact", "near"):
            self.duplicates.labels(kind)
        self.redeliveries = Counter(
            "herald_dedup_redeliveries_total",
            "Articles seen again with the same id and order (re-emitted).",
            registry=registry,
        )
        self.stories_open = Gauge(
            "herald_dedup_stories_open",
            "Stories this worker holds that can still take events.",
            registry=registry,
        )
        self.story_sources = Histogram(
            "herald_dedup_story_sources",
            "Distinct sources that reported a story, observed when it closes.",
            buckets=SOURCE_BUCKETS,
            registry=registry,
        )
        self.story_copies = Counter(
            "herald_dedup_story_copies_total",
            "Dropped copies counted on their original's story, by outcome.",
            ["outcome"],
            registry=registry,
        )
        for outcome in ("counted", "again", "unknown_story"):
            self.story_copies.labels(outcome)
        self.resent = Counter(
            "herald_dedup_nudges_total",
            "Protocol messages re-sent for gathers that waited too long (lost in transit).",
            registry=registry,
        )
        self.protocol_messages = Counter(
            "herald_dedup_protocol_messages_total",
            "Protocol messages (probes, replies, verifications, notices) by path: answered in process "
            "because this worker owns their partition (local), or sent through Kafka to the owner.",
            ["path"],
            registry=registry,
        )
        for path in ("local", "kafka"):
            self.protocol_messages.labels(path)
        self.protocol_backlog = Gauge(
            "herald_dedup_protocol_backlog_records",
            "Records waiting on this dedup worker's protocol partitions (it does not re-ask above 100).",
            registry=registry,
        )
        self.state_bytes = Gauge(
            "herald_dedup_state_bytes",
            "Bytes of table state this worker holds (keys and values).",
            ["table"],
            registry=registry,
        )
        self.remembered = Gauge(
            "herald_dedup_remembered_articles",
            "Articles whose verdict and signature this worker remembers.",
            registry=registry,
        )

    def observe_state(
        self,
        claims: Mapping[str, bytes],
        verdicts: Mapping[str, bytes],
        pending: Mapping[str, Any],
        stories: Mapping[Any, Any],
    ) -> None:
        """Sizes of what this worker holds: cheap, never a full decode of the tables."""
        self.state_bytes.labels("claims").set(sum(len(k) + len(v) for k, v in claims.items()))
        verdict_bytes, remembered = 0, 0
        for key, blob in verdicts.items():
            verdict_bytes += len(key) + len(blob)
            remembered += verdict_bucket.count(blob)
        self.state_bytes.labels("verdicts").set(verdict_bytes)
        self.remembered.set(remembered)
        self.state_bytes.labels("pending").set(_json_bytes(pending))
        self.state_bytes.labels("stories").set(_json_bytes(stories))
        self.stories_open.set(
            sum(len(v) for k, v in stories.items() if isinstance(k, str) and k.startswith("open:"))
        )


def _json_bytes(tbl: Any) -> int:
    return sum(len(str(k)) + len(json.dumps(v, separators=(",", ":"))) for k, v in tbl.items())
