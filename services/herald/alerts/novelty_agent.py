"""The novelty worker: ``news.events`` (keyed by type family) -> rules -> ``news.alerts`` (keyed by alert id).

A thin wrapper: the rules are in ``novelty.py``; their state is a Faust table whose keys all start
with the event type, so each partition of ``news.events`` owns the whole state of its types and the
stage scales out over partitions. The core ``Stage`` calls the handler one event at a time with that
event current, so table changes land in the event's changelog partition, and it awaits the alerts'
broker acks before the event's offset is committed. Redelivered events return the alerts they raised
before (same ids), which the delivery ledger then skips. The heartbeat's canary events each raise
their one ``heartbeat`` alert (see ``novelty_alerts.heartbeat_alert``) and leave the table alone.
"""

from __future__ import annotations

import faust
from prometheus_client import CollectorRegistry, Counter

from herald.core import topics
from herald.core.heartbeat_markers import HEARTBEAT_RULE
from herald.core.metrics import StageMetrics
from herald.core.records import Event
from herald.core.streams import Emit, Stage, held_table, make_app, table
from herald.core.write_buffers import HeldBuffers, keep_on_success

from .novelty import NoveltyDetector
from .settings import AlertSettings

DEFAULT_PORT = 9105


def build(settings: AlertSettings, registry: CollectorRegistry) -> faust.App:
    app = make_app(settings, "novelty", registry, DEFAULT_PORT)
    state = held_table(table(app, topics.NOVELTY_STATE, settings))  # written after the batch's alerts
    detector = NoveltyDetector(state, settings.novelty())
    raised = Counter(
        "herald_alerts_raised_total",
        "Alerts the novelty rules raised, by rule, severity and kind (first alert or escalation update).",
        ["rule", "severity", "kind"],
        registry=registry,
    )
    held = Counter(
        "herald_alerts_suppressed_total",
        "Would-be alerts held back, by reason (learning, low_severity, retelling).",
        ["reason"],
        registry=registry,
    )
    for rule in ("new_type", "record"):
        for kind in ("first", "update"):
            for severity in range(1, 6):
                raised.labels(rule, str(severity), kind)
    raised.labels(HEARTBEAT_RULE, "1", "first")
    for reason in ("learning", "low_severity", "retelling"):
        held.labels(reason)

    def handle(events: list[Event]) -> list[Emit]:
        out = []
        for event in events:
            outcome = detector.assess(event)
            if not outcome.replayed:
                for reason in outcome.suppressed:
                    held.labels(reason).inc()
            for alert in outcome.alerts:
                if not outcome.replayed:
                    kind = "update" if alert.update_of else "first"
                    raised.labels(alert.rule, str(alert.severity), kind).inc()
                out.append(Emit(topics.ALERTS, alert.id, alert))
        return out

    handle_held, metrics = keep_on_success(handle, (state,)), StageMetrics.of(registry, "novelty")
    Stage(app, "novelty", topics.EVENTS, Event, handle_held, settings, metrics, held=HeldBuffers((state,)))
    return app
