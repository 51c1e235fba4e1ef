"""The enrichment worker: ``news.unique`` -> spaCy NER, places, quantities -> ``news.enriched``."""

from __future__ import annotations

import asyncio

import faust
from prometheus_client import CollectorRegistry

from herald.core import topics
from herald.core.metrics import StageMetrics
from herald.core.records import Article
from herald.core.settings import CoreSettings
from herald.core.streams import Emit, Stage, make_app

from . import nlp
from .extract import Enricher

DEFAULT_PORT = 9103


def build(settings: CoreSettings, registry: CollectorRegistry) -> faust.App:
    app = make_app(settings, "enrich", registry, DEFAULT_PORT)
    enricher = Enricher(nlp.load())  # once per process, in the entry point, never at import

    async def handle(articles: list[Article]) -> list[Emit]:
        # spaCy holds the CPU for a whole batch: run it off the event loop so Kafka heartbeats go on.
        enriched = await asyncio.to_thread(enricher.enrich, articles)
        return [Emit(topics.ENRICHED, a.id, a) for a in enriched]

    Stage(app, "enrich", topics.UNIQUE, Article, handle, settings, StageMetrics.of(registry, "enrich"), batched=True)
    return app
