"""The poller's Prometheus metrics, built against an injected registry.

Labels stay bounded: ``outcome`` and ``reason`` come from fixed vocabularies (fetch.FETCH_ERRORS,
parsing.REJECT_REASONS, parsing.PROBLEMS); ``feed`` is the configured feed name, given only to the
first ``feed_label_limit`` feeds of the list (the list is operator configuration, never input from
the internet), so the series count is known before the poller starts.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from .fetch import FETCH_ERRORS
from .parsing import PROBLEMS, REJECT_REASONS

OUTCOMES = ("ok", "not_modified", "unchanged", *FETCH_ERRORS, *REJECT_REASONS, "internal_error")
FETCH_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0)
LAG_BUCKETS = (0.01, 0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


class PollerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.fetches = Counter(
            "herald_feed_fetches_total",
            "Feed polls by outcome: ok, not_modified (HTTP 304), unchanged (same bytes as last time), "
            "or the reason they failed.",
            ["outcome"],
            registry=registry,
        )
        self.fetch_seconds = Histogram(
            "herald_feed_fetch_seconds",
            "Duration of one fetch, redirects included, host-slot wait excluded.",
            buckets=FETCH_BUCKETS,
            registry=registry,
        )
        self.fetched_bytes = Counter(
            "herald_feed_fetched_bytes_total",
            "Feed body bytes after decompression (what the parser reads).",
            registry=registry,
        )
        self.parse_errors = Counter(
            "herald_feed_parse_errors_total",
            "Fetched bodies refused before or by the parser, by reason (also a fetch outcome).",
            ["reason"],
            registry=registry,
        )
        self.entries = Counter(
            "herald_feed_entries_total",
            "Feed entries: seen (sent before), new (sent now), skipped (no id), "
            "deferred (over the per-poll cap).",
            ["kind"],
            registry=registry,
        )
        self.parse_problems = Counter(
            "herald_feed_parse_problems_total",
            "Feeds read despite a problem (malformed XML recovered, wrong encoding, no entries).",
            ["reason"],
            registry=registry,
        )
        self.last_success = Gauge(
            "herald_feed_last_success_timestamp_seconds",
            "Unix time of a feed's last successful poll (200 parsed, or 304).",
            ["feed"],
            registry=registry,
        )
        self.consecutive_errors = Gauge(
            "herald_feed_consecutive_errors",
            "Failed polls of a feed since its last success; it is still retried, with backoff.",
            ["feed"],
            registry=registry,
        )
        self.feeds = Gauge(
            "herald_feeds", "Enabled feeds by health: ok, failing.", ["health"], registry=registry
        )
        self.producer_errors = Counter(
            "herald_producer_errors_total",
            "Sends to Kafka that were not acknowledged (then waited for and retried), by what was sent.",
            ["kind"],
            registry=registry,
        )
        self.broker_waiting = Gauge(
            "herald_poller_broker_waiting",
            "1 while the poller holds new fetches because Kafka does not acknowledge.",
            registry=registry,
        )
        self.schedule_lag = Histogram(
            "herald_poller_schedule_lag_seconds",
            "How late a poll started after it was due (the poller keeping up, or not).",
            buckets=LAG_BUCKETS,
            registry=registry,
        )
        for outcome in OUTCOMES:
            self.fetches.labels(outcome)
        for reason in REJECT_REASONS:
            self.parse_errors.labels(reason)
        for kind in ("seen", "new", "skipped", "deferred"):
            self.entries.labels(kind)
        for reason in PROBLEMS:
            self.parse_problems.labels(reason)
        for kind in ("articles", "state"):
            self.producer_errors.labels(kind)
        for health in ("ok", "failing"):
            self.feeds.labels(health)
