"""Prometheus metrics shared by every stage.

Metrics are built against an injected registry (tests read them from it; the processes serve their
own). Names follow Prometheus conventions: ``herald_`` prefix, base units, ``_total`` counters, and
only bounded labels (stage, topic, reason, sink; never an article id or a URL).
"""

from __future__ import annotations

import weakref
from typing import ClassVar

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

# Most stages take milliseconds per record; NLP on long articles takes up to a second.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# Fetch-to-delivery spans polling, every stage and the sink's retries.
E2E_BUCKETS = (0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


class StageMetrics:
    """Counters and histograms every stream stage exposes, labelled by stage.

    One set per registry: a worker running two stages (dedup and stories) shares the families.
    """

    _by_registry: ClassVar[weakref.WeakKeyDictionary[CollectorRegistry, StageMetrics]] = (
        weakref.WeakKeyDictionary()
    )

    @classmethod
    def of(cls, registry: CollectorRegistry, stage: str) -> StageMetrics:
        metrics = cls._by_registry.get(registry)
        if metrics is None:
            metrics = cls._by_registry[registry] = cls(registry)
        metrics.register_stage(stage)
        return metrics

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.records_in = Counter(
            "herald_records_in_total", "Records a stage consumed.", ["stage", "topic"], registry=registry
        )
        self.records_out = Counter(
            "herald_records_out_total", "Records a stage produced.", ["stage", "topic"], registry=registry
        )
        self.processing_seconds = Histogram(
            "herald_processing_seconds",
            "Time a stage spends on one batch of records, per record.",
            ["stage"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.dead_letters = Counter(
            "herald_dead_letters_total",
            "Records a stage parked on the dead-letter topic, by reason.",
            ["stage", "reason"],
            registry=registry,
        )
        self.consumer_lag = Gauge(
            "herald_consumer_lag_records",
            "Records between a stage's position and the end of its input partition.",
            ["stage", "topic", "partition"],
            registry=registry,
        )
        self.last_processed = Gauge(
            "herald_last_processed_timestamp_seconds",
            "Unix time a stage last finished a batch (pipeline-stalled alerts use it).",
            ["stage"],
            registry=registry,
        )
        self.up = Gauge("herald_up", "1 while the service runs.", ["stage"], registry=registry)

    def register_stage(self, stage: str) -> None:
        """Create the stage's series at zero so rate() and absent() work before the first record."""
        self.up.labels(stage).set(1)
        self.processing_seconds.labels(stage)
        for reason in ("invalid_utf8", "invalid_json", "schema_violation", "too_large", "processing_error"):
            self.dead_letters.labels(stage, reason)


def exposition(registry: CollectorRegistry) -> tuple[bytes, str]:
    return generate_latest(registry), CONTENT_TYPE_LATEST
