"""The delivery worker: ``news.alerts`` -> every configured sink, once -> ledger.

Runs with concurrency 1 and commits an alert's offset only after every sink delivered it or it was
dead-lettered (a permanent failure), so a crash can repeat a delivery but never drop one.
"""

from __future__ import annotations

import time

import faust
from prometheus_client import CollectorRegistry, Counter, Histogram

from herald.core import topics
from herald.core.deadletter import dead_letter
from herald.core.metrics import E2E_BUCKETS, LATENCY_BUCKETS, StageMetrics
from herald.core.records import Alert, DeadLetterReason
from herald.core.streams import Emit, Stage, make_app, table

from .dispatch import Dispatcher
from .ledger import Ledger
from .settings import AlertSettings
from .sinks.base import Sink
from .sinks.console import ConsoleSink
from .sinks.retry import RetryPolicy
from .sinks.webhook import WebhookSink

DEFAULT_PORT = 9106


def sinks_from(settings: AlertSettings) -> list[Sink]:
    sinks: list[Sink] = []
    if settings.webhook_url:
        sinks.append(WebhookSink(settings.webhook_url, settings.webhook_secret.get_secret_value()))
    if settings.console_sink:
        sinks.append(ConsoleSink())
    return sinks


def build(settings: AlertSettings, registry: CollectorRegistry, sinks: list[Sink] | None = None) -> faust.App:
    app = make_app(settings, "delivery", registry, DEFAULT_PORT)
    ledger_table = table(app, topics.DELIVERY_LEDGER, settings)
    policy = RetryPolicy(attempts=settings.delivery_attempts, maximum=settings.delivery_backoff_max_seconds)
    dispatcher = Dispatcher(sinks if sinks is not None else sinks_from(settings), Ledger(ledger_table), policy)
    outcomes = Counter(
        "herald_deliveries_total", "Alert deliveries by sink and outcome.", ["sink", "outcome"], registry=registry
    )
    e2e = Histogram(
        "herald_end_to_end_seconds",
        "From an article's fetch to its alert's delivery.",
        ["sink"],
        buckets=E2E_BUCKETS,
        registry=registry,
    )
    delivery_seconds = Histogram(
        "herald_delivery_seconds", "Time to deliver one alert to one sink, retries included.", ["sink"],
        buckets=LATENCY_BUCKETS, registry=registry,
    )
    for sink in dispatcher.sinks:
        for outcome in ("delivered", "failed"):
            outcomes.labels(sink.name, outcome)

    async def handle(alerts: list[Alert]) -> list[Emit]:
        out = []
        for alert in alerts:
            started = time.time()
            delivered, failed = await dispatcher.dispatch(alert)
            done = time.time()
            for name in delivered:
                outcomes.labels(name, "delivered").inc()
                delivery_seconds.labels(name).observe(done - started)
                e2e.labels(name).observe(max(0.0, done - alert.fetched_at.timestamp()))
            for failure in failed:
                outcomes.labels(failure.sink, "failed").inc()
                reason: DeadLetterReason = (
                    "delivery_exhausted" if failure.error.retryable else "delivery_rejected"
                )
                letter = dead_letter(
                    stage="delivery", topic=topics.ALERTS.name, reason=reason, error=failure.error,
                    payload=alert.to_json(), key=alert.id, sink=failure.sink,
                )
                out.append(Emit(topics.DEADLETTER, "delivery", letter))
        return out

    Stage(
        app, "delivery", topics.ALERTS, Alert, handle, settings, StageMetrics.of(registry, "delivery"),
        batch_size=16,
    )
    return app
