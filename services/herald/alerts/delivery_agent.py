"""The delivery worker: ``news.alerts`` -> every configured sink, once -> ledger.

One agent per sink, all in one consumer group on ``news.alerts``. Faust hands every alert to every
sink's agent and commits its offset only when all of them have acked it, so:

* **No head-of-line blocking between sinks.** Slack's one message a second, or an endpoint that is
  down and being retried, holds back only that sink's agent; the others run ahead (up to Faust's
  stream buffer). The price: the partition's committed offset follows the slowest sink, so after a
  crash the faster sinks see those alerts again and their ledger entries skip them.
* **At least once, made effectively once.** Each agent runs with concurrency 1 (faust-streaming
  #606), catches every exception (Faust acks a message whose agent raised) and dead-letters what
  cannot be delivered (4xx other than 429, or retries past the deadline), with the sink and reason.
  An offset is committed only after the alert was delivered, buffered for a digest, skipped by the
  sink's route, or dead-lettered; the ledger (a Faust table, changelog flushed before the commit)
  keyed by (sink, alert id) stops repeats after restarts.
* **The heartbeat's own sink.** With ``HERALD_HEARTBEAT_WEBHOOK_URL`` set, one more agent
  (``delivery_heartbeat``) posts the canary's alerts to the heartbeat server; the routes keep canary
  alerts and users' alerts apart (``routing.Route``).
* **Outcomes for the store.** After the ledger is written, each (alert, sink) outcome — delivered,
  digested, dead-lettered — goes to ``news.deliveries``, sent with the batch's other outputs before
  its offset is committed. An alert seen again as a duplicate repeats its outcome from the ledger, so
  a crash between the ledger write and the send loses no outcome; the store upserts the repeat.
* **Digests.** Alerts a route sends to the digest wait in the ledger table, per sink and partition;
  the agent sends a due digest when its next alert comes, and a timer sends it when none comes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator, MutableMapping
from datetime import UTC, datetime
from typing import Any

import faust
from faust.streams import current_event
from prometheus_client import CollectorRegistry, Counter, Histogram

from herald.core import topics
from herald.core.deadletter import dead_letter
from herald.core.heartbeat_markers import HEARTBEAT_RULE
from herald.core.metrics import E2E_BUCKETS, LATENCY_BUCKETS, StageMetrics
from herald.core.prompt_sends import send_now
from herald.core.records import Alert, DeadLetterReason, DeliveryOutcome, DeliveryStatus, utcnow
from herald.core.streams import Emit, Stage, make_app, raw_topic, table

from .digest import DigestBuffer
from .dispatch import OUTCOMES, Result, SinkDispatcher
from .ledger import DIGESTED, Ledger
from .routing import Route
from .settings import AlertSettings
from .sinks.alertmanager import AlertmanagerSink
from .sinks.base import Digest, Sink
from .sinks.console import ConsoleSink
from .sinks.retry import Retrier, RetryMetrics, RetryPolicy
from .sinks.slack import SlackSink
from .sinks.webhook import WebhookSink

DEFAULT_PORT = 9106
log = logging.getLogger("herald.alerts.delivery")


def sinks_from(settings: AlertSettings) -> list[tuple[Sink, Route]]:
    """The explicit list of configured sinks, each with its route."""
    timeout = settings.delivery_timeout_seconds
    sinks: list[tuple[Sink, Route]] = []
    if settings.webhook_url:
        sink: Sink = WebhookSink(
            settings.webhook_url, settings.webhook_secret.get_secret_value(), timeout=timeout
        )
        sinks.append((sink, settings.route("webhook")))
    if settings.slack_webhook_url is not None and settings.slack_webhook_url.get_secret_value():
        sink = SlackSink(
            settings.slack_webhook_url.get_secret_value(),
            timeout=timeout,
            min_interval=settings.slack_min_interval_seconds,
        )
        sinks.append((sink, settings.route("slack")))
    if settings.alertmanager_url:
        sink = AlertmanagerSink(
            settings.alertmanager_url,
            timeout=timeout,
            resolve_after_hours=settings.alertmanager_resolve_hours,
        )
        sinks.append((sink, settings.route("alertmanager")))
    if settings.console_sink:
        sinks.append((ConsoleSink(), settings.route("console")))
    if settings.heartbeat_webhook_url:
        # Signed like the user webhook, but its own sink: own agent (delivery_heartbeat), own ledger
        # entries and metrics (sink="heartbeat"), and a route that takes canary alerts only.
        if not settings.heartbeat_secret.get_secret_value():
            # Unsigned, anything that can reach the heartbeat server could make a dead pipeline look alive.
            raise ValueError("HERALD_HEARTBEAT_WEBHOOK_URL is set, so HERALD_HEARTBEAT_SECRET must be too")
        sink = WebhookSink(
            settings.heartbeat_webhook_url,
            settings.heartbeat_secret.get_secret_value(),
            name="heartbeat",
            timeout=timeout,
        )
        sinks.append((sink, Route.for_heartbeat()))
    return sinks


class PartitionView(MutableMapping[str, Any]):
    """The ledger table as seen from one changelog partition, for writes outside stream iteration.

    Faust writes a table change to the partition of the event being processed; the digest timer has no
    event, so it names the partition itself (the one whose buffer it flushes).
    """

    def __init__(self, tbl: Any, partition: int) -> None:
        self.table = tbl
        self.partition = partition

    def __getitem__(self, key: str) -> Any:
        return self.table[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.table.data[key] = value
        self.table.send_changelog(self.partition, key, value)

    def __delitem__(self, key: str) -> None:
        del self.table.data[key]
        self.table.send_changelog(self.partition, key, None, value_serializer="raw")

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


class DeliveryMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.outcomes = Counter(
            "herald_deliveries_total",
            "Alerts handled per sink, by outcome (delivered, duplicate, skipped, digested, failed).",
            ["sink", "outcome"],
            registry=registry,
        )
        self.dead_letters = Counter(
            "herald_delivery_dead_letters_total",
            "Alerts a sink could not take, parked on the dead-letter topic, by reason.",
            ["sink", "reason"],
            registry=registry,
        )
        self.seconds = Histogram(
            "herald_delivery_seconds",
            "Time to deliver one alert to one sink, retries included.",
            ["sink"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.e2e = Histogram(
            "herald_end_to_end_seconds",
            "From an article's fetch to its alert's delivery.",
            ["sink"],
            buckets=E2E_BUCKETS,
            registry=registry,
        )
        self.digests = Counter(
            "herald_digests_sent_total", "Digests sent, by sink.", ["sink"], registry=registry
        )

    def register(self, sink: str) -> None:
        for outcome in OUTCOMES:
            self.outcomes.labels(sink, outcome)
        for reason in ("delivery_rejected", "delivery_exhausted"):
            self.dead_letters.labels(sink, reason)
        self.digests.labels(sink)


def outcome(
    sink: str, alert_id: str, status: DeliveryStatus, at: datetime, reason: str | None = None
) -> Emit:
    """One (alert, sink) outcome for the store, keyed by alert id like ``news.alerts``."""
    record = DeliveryOutcome(alert_id=alert_id, sink=sink, status=status, at=at, reason=reason)
    return Emit(topics.DELIVERIES, alert_id, record)


def recorded_outcomes(
    sink: str, ledger: Ledger, item_id: str, alerts: list[Alert], digest: bool
) -> list[Emit]:
    """Outcomes of the alerts behind a ledger entry (an alert's own, or its digest's), as recorded."""
    entry = ledger.entry(sink, item_id)
    if entry is None:
        return []
    status: DeliveryStatus = "digested" if entry["status"] == DIGESTED else "delivered"
    at = datetime.fromtimestamp(float(entry["at"]), UTC)
    return [outcome(sink, a.id, status, at, "digest" if digest else None) for a in alerts if is_news(a)]


def is_news(alert: Alert) -> bool:
    """The heartbeat's canary alerts prove the pipeline alive; the store keeps no outcome for them."""
    return alert.rule != HEARTBEAT_RULE


def letters_for(sink: str, result: Result, alerts: list[Alert], metrics: DeliveryMetrics) -> list[Emit]:
    """Dead letters for a failed delivery, one per alert, with the sink and the reason, and the
    matching dead_lettered outcome for the store."""
    assert result.error is not None
    reason: DeadLetterReason = "delivery_exhausted" if result.error.retryable else "delivery_rejected"
    out = []
    now = utcnow()
    for alert in alerts:
        if is_news(alert):
            out.append(outcome(sink, alert.id, "dead_lettered", now, f"{reason}: {result.error}"[:4000]))
        metrics.dead_letters.labels(sink, reason).inc()
        letter = dead_letter(
            stage=f"delivery_{sink}",
            topic=topics.ALERTS.name,
            reason=reason,
            error=str(result.error),
            payload=alert.to_json(),
            key=alert.id,
            sink=sink,
        )
        out.append(Emit(topics.DEADLETTER, f"delivery_{sink}", letter))
    return out


def build(
    settings: AlertSettings,
    registry: CollectorRegistry,
    sinks: list[tuple[Sink, Route]] | None = None,
) -> faust.App:
    app = make_app(settings, "delivery", registry, DEFAULT_PORT)
    ledger_table = table(app, topics.DELIVERY_LEDGER, settings)
    configured = sinks if sinks is not None else sinks_from(settings)
    if not configured:
        log.warning("no sink configured: alerts are read and acknowledged without being sent anywhere")
    policy = RetryPolicy(
        initial=settings.delivery_backoff_initial_seconds,
        maximum=settings.delivery_backoff_max_seconds,
        give_up_after=settings.delivery_give_up_seconds,
    )
    retrier = Retrier(policy, RetryMetrics(registry))
    metrics = DeliveryMetrics(registry)
    interval = settings.digest_interval_seconds
    locks: dict[str, asyncio.Lock] = {}
    dispatchers: list[SinkDispatcher] = []

    for sink, route in configured:
        metrics.register(sink.name)
        digests = DigestBuffer(ledger_table, interval) if route.digest_min_severity is not None else None
        dispatcher = SinkDispatcher(sink, route, Ledger(ledger_table), retrier, digests)
        dispatchers.append(dispatcher)
        # The handler and the digest timer share the sink: a sink is never called concurrently.
        locks[sink.name] = asyncio.Lock()
        Stage(
            app,
            f"delivery_{sink.name}",
            topics.ALERTS,
            Alert,
            _handler(dispatcher, locks[sink.name], metrics),
            settings,
            StageMetrics.of(registry, f"delivery_{sink.name}"),
            batch_size=16,
        )

    outputs = {spec.name: raw_topic(app, spec) for spec in (topics.DEADLETTER, topics.DELIVERIES)}

    @app.timer(interval=max(0.5, min(interval / 4, 30.0)), name="herald.delivery.digests")
    async def flush_digests() -> None:
        """Send digests that are due on partitions where no alert arrived to trigger them."""
        for dispatcher in dispatchers:
            if dispatcher.digests is None:
                continue
            if locks[dispatcher.name].locked():
                continue  # the sink's agent is busy; it flushes due digests itself, or the next tick will
            for tp in app.consumer.assignment():
                if tp.topic != topics.ALERTS.name:
                    continue
                view = PartitionView(ledger_table, tp.partition)
                timed = SinkDispatcher(
                    dispatcher.sink,
                    dispatcher.route,
                    Ledger(view),
                    dispatcher.retrier,
                    DigestBuffer(view, interval),
                )
                try:
                    async with locks[dispatcher.name]:
                        result = await timed.flush_digest(str(tp.partition))
                    emits = _digest_outcome(dispatcher.name, result, metrics, timed.ledger)
                    futures = [
                        await outputs[e.topic.name].send(key=e.key.encode(), value=e.value.to_json())
                        for e in emits
                    ]
                    if futures:
                        send_now(app)
                        await asyncio.gather(*futures)
                except Exception:  # a timer that raises stops for good: log and try again next tick
                    log.exception(
                        "digest flush failed", extra={"sink": dispatcher.name, "partition": tp.partition}
                    )

    return app


def _digest_outcome(sink: str, result: Result | None, metrics: DeliveryMetrics, ledger: Ledger) -> list[Emit]:
    if result is None:
        return []
    if result.outcome == "failed":
        return letters_for(sink, result, result.alerts, metrics)
    if result.outcome == "delivered":
        metrics.digests.labels(sink).inc()
    if result.outcome in ("delivered", "duplicate"):
        digest = Digest.of(sink, result.alerts)
        return recorded_outcomes(sink, ledger, digest.id, result.alerts, digest=True)
    return []


def _handler(dispatcher: SinkDispatcher, lock: asyncio.Lock, metrics: DeliveryMetrics) -> Any:
    name = dispatcher.name

    async def handle(alerts: list[Alert]) -> list[Emit]:
        out: list[Emit] = []
        for alert in alerts:
            event = current_event()
            shard = str(event.message.partition) if event is not None else "0"
            started = time.time()
            async with lock:
                result = await dispatcher.handle(alert, shard)
                due = await dispatcher.flush_digest(shard)
            done = time.time()
            metrics.outcomes.labels(name, result.outcome).inc()
            if result.outcome == "delivered":
                metrics.seconds.labels(name).observe(done - started)
                metrics.e2e.labels(name).observe(max(0.0, done - alert.fetched_at.timestamp()))
            elif result.outcome == "failed":
                out.extend(letters_for(name, result, [alert], metrics))
            if result.outcome in ("delivered", "digested", "duplicate"):
                out.extend(recorded_outcomes(name, dispatcher.ledger, alert.id, [alert], digest=False))
            out.extend(_digest_outcome(name, due, metrics, dispatcher.ledger))
        return out

    return handle
