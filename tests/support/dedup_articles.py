"""Small builders for dedup unit tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from herald.core.records import Actor, Article, Event, Location, stable_id

T0 = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)


def report(place: str, n: int, day: str) -> str:
    return (
        f"Emergency services in {place} said {n} people were hurt when a fire broke out at a chemical depot "
        f"on {day} evening, sending a plume of black smoke over the city. Residents of nearby streets were "
        f"told to keep windows closed while crews from three districts fought the blaze. The cause of the "
        f"fire was not yet known, a spokesman for the regional administration said, adding that an "
        f"investigation had been opened and that the depot's operator was cooperating with the police."
    )


def syndicated(text: str) -> str:
    return f"By Ana Petrov. {text} Reporting by the regional desk."


def article(
    url: str,
    body: str,
    minutes: float = 0,
    title: str = "Fire at depot",
    source: str = "Wire",
    guid: str | None = None,
) -> Article:
    fetched = T0 + timedelta(minutes=minutes)
    return Article(
        id=stable_id("url", url),
        url=url,
        source=source,
        title=title,
        summary=body,
        published=fetched - timedelta(minutes=2),
        fetched_at=fetched,
        guid=guid,
    )


def event(
    n: int,
    etype: str = "air_drone_strike",
    hours: float = 0,
    place: tuple[str, str, str] | None = None,
    actors: tuple[str, ...] = ("Russia",),
    source: str = "Wire",
    **magnitude: float,
) -> Event:
    article_id = stable_id("article", str(n))
    event_id = stable_id("event", article_id, etype)
    name, cc, admin1 = place or ("Kyiv", "UA", "Kyiv City")
    when = T0 + timedelta(hours=hours)
    return Event(
        id=event_id,
        article_id=article_id,
        story_id=stable_id("story", event_id),
        type=etype,
        severity=3,
        magnitude=magnitude,
        location=Location(name=name, country_code=cc, admin1=admin1),
        actors=[Actor(name=a) for a in actors],
        published=when,
        fetched_at=when,
        title=f"report {n}",
        url=f"https://example.org/{n}",
        source=source,
    )
