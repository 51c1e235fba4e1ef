"""The classification worker: ``news.enriched`` -> events -> ``news.classified`` (keyed by type).

Thin on purpose: decoding, batching, dead-lettering and offsets are ``herald.core.streams``; the
decisions are ``rules.classify``, the same function ``herald analyze`` runs. A record ``classify``
fails on is retried alone and then dead-lettered by the stage with reason ``processing_error``.
"""

from __future__ import annotations

import faust
from prometheus_client import CollectorRegistry, Counter

from herald.core import topics
from herald.core.heartbeat_markers import HEARTBEAT_TYPE
from herald.core.metrics import StageMetrics
from herald.core.records import EnrichedArticle
from herald.core.settings import CoreSettings
from herald.core.streams import Emit, Stage, make_app

from . import type_veto
from .live_hazards import LiveHazards
from .rules import classify
from .settings import ClassifySettings
from .taxonomy import CODES

DEFAULT_PORT = 9104


def events_counter(registry: CollectorRegistry) -> Counter:
    """Events emitted per type and severity: both label sets are bounded (17 codes x 5 levels, and the
    heartbeat's canary events, always severity 1)."""
    counter = Counter(
        "herald_classified_events_total",
        "Events the classifier emitted, by taxonomy type and severity.",
        ["type", "severity"],
        registry=registry,
    )
    for code in CODES:
        for severity in range(1, 6):
            counter.labels(code, str(severity))
    counter.labels(HEARTBEAT_TYPE, "1")
    return counter


def build(settings: CoreSettings, registry: CollectorRegistry) -> faust.App:
    app = make_app(settings, "classify", registry, DEFAULT_PORT)
    emitted = events_counter(registry)
    if not isinstance(settings, ClassifySettings):
        settings = ClassifySettings(**settings.model_dump())  # as dedup's build extends the core settings
    veto = settings.classify_type_veto
    if veto:
        type_veto.shipped()  # loaded at start (1.8 MB of weights), not inside the first batch's handler

    hazards = LiveHazards()  # this worker's memory of storms just reported (``live_hazards.py``)

    def handle(articles: list[EnrichedArticle]) -> list[Emit]:
        out = []
        for article in articles:
            events = classify(article, veto=veto, hazards=hazards.live(article.published))
            hazards.learn(events)
            for event in events:
                out.append(Emit(topics.CLASSIFIED, event.type, event))
        # Counted after the whole batch succeeded: a batch retried record by record is not counted twice.
        for emit in out:
            emitted.labels(emit.key, str(emit.value.severity)).inc()  # type: ignore[attr-defined]
        return out

    Stage(
        app,
        "classify",
        topics.ENRICHED,
        EnrichedArticle,
        handle,
        settings,
        StageMetrics.of(registry, "classify"),
        batched=True,
    )
    return app
