"""The heartbeat's canary article becomes one ``heartbeat`` event, whatever its text says.

The canary must cross classification on every round, so it cannot depend on the cues: its text is
synthetic on purpose, and a rule change that stopped matching it would look like a dead pipeline.
It is not in the taxonomy either (``taxonomy.py`` is what analysts see and tune), and novelty routes
the type to the heartbeat alone; see ``herald.core.heartbeat_markers``.
"""

from __future__ import annotations

from herald.core.heartbeat_markers import HEARTBEAT_TYPE, is_canary
from herald.core.records import EnrichedArticle, Event, stable_id


def is_heartbeat(article: EnrichedArticle) -> bool:
    return is_canary(article.tags)


def heartbeat_event(article: EnrichedArticle) -> Event:
    """The canary's one event: severity 1, no place, no actors, no figures.

    Its id follows from the article like every event's, so a redelivered canary gives the same event
    and, downstream, the same alert id, which delivery's ledger then skips.
    """
    event_id = stable_id("event", article.id, HEARTBEAT_TYPE)
    return Event(
        id=event_id,
        article_id=article.id,
        story_id=stable_id("story", event_id),
        type=HEARTBEAT_TYPE,
        severity=1,
        severity_reasons=["heartbeat canary: proves the pipeline moves, not news"],
        magnitude={},
        location=None,
        actors=[],
        published=article.published,
        fetched_at=article.fetched_at,
        title=article.title,
        url=article.url,
        source=article.source,
    )
