"""What the heartbeat server tells Prometheus: when a round last made it through, and how long it took."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

# A round waits up to one poll interval before the poller sees it, then crosses every stage.
ROUND_TRIP_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1200.0, 1800.0, 3600.0)
OUTCOMES = ("ok", "repeat", "foreign", "bad_signature", "invalid")


class HeartbeatMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.interval = Gauge(
            "herald_heartbeat_interval_seconds",
            "Seconds between canary rounds (the missing-heartbeat alert scales with it).",
            registry=registry,
        )
        self.feed_requests = Counter(
            "herald_heartbeat_feed_requests_total",
            "Fetches of the canary feed (the poller's visits).",
            registry=registry,
        )
        self.received = Counter(
            "herald_heartbeat_alerts_received_total",
            "Posts to the heartbeat's alert endpoint, by outcome.",
            ["outcome"],
            registry=registry,
        )
        self.last_seen = Gauge(
            "herald_heartbeat_last_seen_timestamp_seconds",
            "Start of the newest canary round whose alert came back (server start until the first one).",
            registry=registry,
        )
        self.round_trip = Histogram(
            "herald_heartbeat_round_trip_seconds",
            "From a canary round's start to its alert arriving here: poll wait plus the whole pipeline.",
            buckets=ROUND_TRIP_BUCKETS,
            registry=registry,
        )
        for outcome in OUTCOMES:
            self.received.labels(outcome)
