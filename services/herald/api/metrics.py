"""The query API's Prometheus metrics: requests by route and status, latency by route.

``route`` is the route's pattern (``/v1/stories/{id}``), never the path a client sent, so the label
stays bounded however many stories are asked for.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from herald.core.metrics import LATENCY_BUCKETS

UNMATCHED = "unmatched"


class ApiMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.requests = Counter(
            "herald_api_requests_total",
            "Requests the query API answered, by route pattern and HTTP status.",
            ["route", "status"],
            registry=registry,
        )
        self.latency = Histogram(
            "herald_api_request_seconds",
            "Time from request to response, by route pattern.",
            ["route"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.query_timeouts = Counter(
            "herald_api_query_timeouts_total",
            "Requests whose database work ran past the time limit (answered 503).",
            ["route"],
            registry=registry,
        )
        self.up = Gauge("herald_up", "1 while the service runs.", ["stage"], registry=registry)
        self.up.labels("api").set(1)
