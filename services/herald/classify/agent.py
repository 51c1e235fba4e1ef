"""The classification worker: ``news.enriched`` -> events -> ``news.classified`` (keyed by type)."""

from __future__ import annotations

import faust
from prometheus_client import CollectorRegistry

from herald.core import topics
from herald.core.metrics import StageMetrics
from herald.core.records import EnrichedArticle
from herald.core.settings import CoreSettings
from herald.core.streams import Emit, Stage, make_app

from .rules import classify

DEFAULT_PORT = 9104


def build(settings: CoreSettings, registry: CollectorRegistry) -> faust.App:
    app = make_app(settings, "classify", registry, DEFAULT_PORT)

    def handle(articles: list[EnrichedArticle]) -> list[Emit]:
        return [Emit(topics.CLASSIFIED, event.type, event) for a in articles for event in classify(a)]

    Stage(app, "classify", topics.ENRICHED, EnrichedArticle, handle, settings, StageMetrics.of(registry, "classify"), batched=True)
    return app
