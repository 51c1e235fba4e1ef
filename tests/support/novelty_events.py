"""Events for the novelty rules' tests: one call, the fields a rule looks at, the rest fixed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from herald.core.records import Event, Location, stable_id

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def ev(
    n: int,
    *,
    day: float = 0,
    story: str | None = None,
    type: str = "air_drone_strike",
    severity: int = 4,
    where: tuple[str, str | None, str | None] | None = ("Kharkiv", "UA", "Kharkiv Oblast"),
    magnitude: dict[str, float] | None = None,
    title: str = "Drones hit the city overnight",
    sentences: list[str] | None = None,
    **extra: Any,
) -> Event:
    when = T0 + timedelta(days=day)
    return Event(
        id=stable_id("e", str(n)),
        article_id=stable_id("a", str(n)),
        story_id=stable_id("s", story or str(n)),
        type=type,
        severity=severity,
        magnitude=magnitude or {},
        location=Location(name=where[0], country_code=where[1], admin1=where[2]) if where else None,
        actors=extra.pop("actors", []),
        published=when,
        fetched_at=when,
        title=title,
        url=f"https://news.example.test/{n}",
        source="Test Wire",
        sentences=sentences or [title],
        **extra,
    )


def rules(alerts: list[Any]) -> list[str]:
    return [a.rule for a in alerts]


def held(outcome: Any) -> list[tuple[str, str]]:
    """The (rule, reason) of every candidate the detector held back."""
    return [(h["rule"], h["reason"]) for h in outcome.held]


def at_country(event: Event, name: str, code: str) -> Event:
    """The event placed in a whole country, as a report read only at country level (a dateline) is."""
    return event.model_copy(update={"location": Location(name=name, country_code=code, kind="country")})
