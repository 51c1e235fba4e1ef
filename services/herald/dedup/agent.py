"""The dedup worker: two thin agents over the pure dedup and story modules.

``news.articles`` -> exact-duplicate check -> ``news.unique``
``news.classified`` -> story assignment -> ``news.events``
"""

from __future__ import annotations

import faust
from prometheus_client import CollectorRegistry, Counter

from herald.core import topics
from herald.core.metrics import StageMetrics
from herald.core.records import Article, Event
from herald.core.settings import CoreSettings
from herald.core.streams import Emit, Stage, make_app, table

from .index import Deduplicator
from .stories import StoryTracker

DEFAULT_PORT = 9102


def build(settings: CoreSettings, registry: CollectorRegistry) -> faust.App:
    app = make_app(settings, "dedup", registry, DEFAULT_PORT)
    seen = table(app, topics.DEDUP_SEEN, settings)
    stories = table(app, topics.DEDUP_STORIES, settings)
    duplicates = Counter(
        "herald_duplicates_total", "Articles recognised as copies, by kind.", ["kind"], registry=registry
    )
    duplicates.labels("exact")
    dedup = Deduplicator(seen)
    tracker = StoryTracker(stories)

    def handle_articles(articles: list[Article]) -> list[Emit]:
        out = []
        for article in articles:
            verdict = dedup.check(article)
            if verdict.is_duplicate:
                duplicates.labels(verdict.kind or "exact").inc()
                continue
            out.append(Emit(topics.UNIQUE, article.id, article))
        return out

    def handle_events(events: list[Event]) -> list[Emit]:
        return [Emit(topics.EVENTS, e.type, tracker.assign(e)) for e in events]

    Stage(app, "dedup", topics.ARTICLES, Article, handle_articles, settings, StageMetrics.of(registry, "dedup"))
    Stage(app, "stories", topics.CLASSIFIED, Event, handle_events, settings, StageMetrics.of(registry, "stories"))
    return app
