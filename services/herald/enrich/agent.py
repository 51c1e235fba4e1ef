"""The enrichment worker: ``news.unique`` -> spaCy NER, places, quantities -> ``news.enriched``."""

from __future__ import annotations

import asyncio

import faust
from prometheus_client import CollectorRegistry, Counter

from herald.core import topics
from herald.core.metrics import StageMetrics
from herald.core.records import Article
from herald.core.settings import CoreSettings
from herald.core.streams import Emit, Stage, make_app

from . import gazetteer, nlp
from .extract import Enricher
from .settings import EnrichSettings

DEFAULT_PORT = 9103


def build(settings: CoreSettings, registry: CollectorRegistry) -> faust.App:
    app = make_app(settings, "enrich", registry, DEFAULT_PORT)
    enrich_settings = EnrichSettings()
    # Once per process, in the entry point, never at import: the model and the gazetteer index.
    enricher = Enricher(
        nlp.load(enrich_settings.enrich_model),
        gazetteer.shared(enrich_settings.enrich_min_city_population),
        enrich_settings.enrich_batch_size,
        enrich_settings.enrich_batch_chars,
    )
    articles = Counter(
        "herald_enrich_articles_total",
        "Articles enriched, by outcome: enriched, or skipped because the language is not English.",
        ["outcome"],
        registry=registry,
    )
    found = Counter(
        "herald_enrich_items_total",
        "What enrichment found: places with coordinates, other entities, quantities.",
        ["kind"],
        registry=registry,
    )

    async def handle(batch: list[Article]) -> list[Emit]:
        # spaCy holds the CPU for a whole batch: run it off the event loop so Kafka heartbeats go on.
        enriched = await asyncio.to_thread(enricher.enrich, batch)
        for a in enriched:
            articles.labels("enriched" if a.enriched else "skipped_language").inc()
            places = sum(1 for e in a.entities if e.geo is not None)
            found.labels("place").inc(places)
            found.labels("entity").inc(len(a.entities) - places)
            found.labels("quantity").inc(len(a.quantities))
        return [Emit(topics.ENRICHED, a.id, a) for a in enriched]

    Stage(
        app,
        "enrich",
        topics.UNIQUE,
        Article,
        handle,
        settings,
        StageMetrics.of(registry, "enrich"),
        batched=True,
    )
    return app
