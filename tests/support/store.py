"""Records and databases for the store's tests: a small news day built from the schema examples."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from herald.core.records import Alert, DeliveryOutcome, EnrichedArticle, Event, stable_id
from herald.store.tables import TABLES, metadata
from tests.support.schemas import SCHEMAS

T0 = datetime(2026, 11, 25, 5, 40, tzinfo=UTC)


def _example(kind: str, name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / "examples" / kind / name).read_text())


def article(n: int, **update: Any) -> EnrichedArticle:
    base = EnrichedArticle.model_validate(_example("enriched_article", "valid-full.json"))
    return base.model_copy(update={"id": stable_id("article", str(n)), **update})


def event(n: int, story: str, source: str, minutes: int = 0, **update: Any) -> Event:
    """The 472-drone barrage example, as report ``n`` of ``story`` by ``source``."""
    base = Event.model_validate(_example("event", "valid-full.json"))
    fields = {
        "id": stable_id("event", str(n)),
        "article_id": stable_id("article", str(n)),
        "story_id": stable_id("story", story),
        "source": source,
        "published": T0 + timedelta(minutes=minutes),
        **update,
    }
    return base.model_copy(update=fields)


def alert(n: int, ev: Event) -> Alert:
    base = Alert.model_validate(_example("alert", "valid-record.json"))
    return base.model_copy(
        update={"id": stable_id("alert", str(n)), "event_id": ev.id, "story_id": ev.story_id}
    )


def outcome(al: Alert, sink: str, status: str, minutes: int, reason: str | None = None) -> DeliveryOutcome:
    return DeliveryOutcome(
        alert_id=al.id, sink=sink, status=status, at=T0 + timedelta(minutes=minutes), reason=reason
    )  # type: ignore[arg-type]


def news_day() -> list[Any]:
    """Articles, a story told by three reports from two outlets, a second story, an alert, outcomes."""
    reports = [
        event(1, "barrage", "kyiv-ledger", 0, magnitude={"drones": 472.0, "missiles": 7.0}, severity=5),
        event(2, "barrage", "wire-east", 12, magnitude={"drones": 480.0}, severity=4),
        event(3, "barrage", "kyiv-ledger", 30, magnitude={"drones": 475.0}, severity=5),
        event(4, "quake", "geo-desk", 5, type="earthquake", magnitude={}, severity=3, location=None),
    ]
    al = alert(1, reports[0])
    return [
        *(article(n) for n in range(1, 5)),
        *reports,
        al,
        outcome(al, "webhook", "delivered", 1),
        outcome(al, "slack", "digested", 1),
    ]


def snapshot(engine: sa.Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every store table, in key order: equal snapshots mean nothing changed."""
    out = {}
    with engine.connect() as conn:
        for table in TABLES:
            order = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(sa.select(table).order_by(*order))]
    return out


def empty_database(engine: sa.Engine) -> None:
    """Drop the store's tables and Alembic's bookkeeping, so a test starts from nothing."""
    metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
