"""Deleting rows older than their table's retention (``StoreSettings.retention_days``).

Each table ages by the time that says when its row happened: a story by its last report, so a story
still being reported on is never cut, and its sources go with it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from herald.core.records import utcnow

from .tables import alerts, articles, deliveries, events, series_points, stories, story_sources

AGE_COLUMN: dict[str, sa.Column[datetime]] = {
    "articles": articles.c.published,
    "events": events.c.published,
    "stories": stories.c.last_published,
    "alerts": alerts.c.created_at,
    "deliveries": deliveries.c.at,
    "series_points": series_points.c.published,
}


def prune(engine: sa.Engine, days: dict[str, float], now: datetime | None = None) -> dict[str, int]:
    """Delete what is past retention, one transaction; returns rows deleted per table (0 days: keep)."""
    now = now or utcnow()
    deleted: dict[str, int] = {}
    with engine.begin() as conn:
        for name, keep in days.items():
            if keep <= 0:
                continue
            column = AGE_COLUMN[name]
            cutoff = now - timedelta(days=keep)
            if name == "stories":
                gone = sa.select(stories.c.id).where(column < cutoff)
                conn.execute(sa.delete(story_sources).where(story_sources.c.story_id.in_(gone)))
            deleted[name] = conn.execute(sa.delete(column.table).where(column < cutoff)).rowcount or 0
    return deleted
