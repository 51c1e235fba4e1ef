"""The novelty worker: ``news.events`` (keyed by type) -> novelty rules -> ``news.alerts``."""

from __future__ import annotations

from datetime import timedelta

import faust
from prometheus_client import CollectorRegistry, Counter

from herald.core import topics
from herald.core.metrics import StageMetrics
from herald.core.records import Event
from herald.core.streams import Emit, Stage, make_app, table

from .novelty import NoveltyConfig, NoveltyDetector
from .settings import AlertSettings

DEFAULT_PORT = 9105


def build(settings: AlertSettings, registry: CollectorRegistry) -> faust.App:
    app = make_app(settings, "novelty", registry, DEFAULT_PORT)
    state = table(app, topics.NOVELTY_STATE, settings)
    config = NoveltyConfig(
        min_severity=settings.novelty_min_severity, lookback=timedelta(days=settings.novelty_lookback_days)
    )
    detector = NoveltyDetector(state, config)
    raised = Counter(
        "herald_alerts_raised_total", "Alerts the novelty rules raised.", ["rule", "severity"], registry=registry
    )

    def handle(events: list[Event]) -> list[Emit]:
        out = []
        for event in events:
            for alert in detector.observe(event):
                raised.labels(alert.rule, str(alert.severity)).inc()
                out.append(Emit(topics.ALERTS, alert.id, alert))
        return out

    Stage(app, "novelty", topics.EVENTS, Event, handle, settings, StageMetrics.of(registry, "novelty"))
    return app
