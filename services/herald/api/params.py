"""Query-string parameters to filters: strict, and every refusal names the parameter it is about.

A filter that is silently ignored returns the wrong answer with a 200; so an unknown parameter, a
date without a timezone, a severity out of range or a cursor this API did not make is a 400.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime

from herald.store import queries

COUNTRY = re.compile(r"^[A-Za-z]{2}$")
NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")  # event types, families, metrics
MAX_TEXT = 200

EVENT_PARAMS = {"type", "country", "region", "min_severity", "since", "until", "q", "limit", "cursor"}
EXPORT_PARAMS = EVENT_PARAMS - {"cursor"}
ALERT_PARAMS = {"type", "country", "min_severity", "since", "until", "story", "limit", "cursor"}
SERIES_PARAMS = {"metric", "type", "country"}


class BadParameter(ValueError):
    """A malformed query parameter: answered 400 with the parameter's name and why."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def only(query: Mapping[str, str], allowed: set[str]) -> None:
    for key in query:
        if key not in allowed:
            raise BadParameter(key, f"unknown parameter; this endpoint takes {', '.join(sorted(allowed))}")


def names(query: Mapping[str, str], key: str) -> tuple[str, ...]:
    """A comma-separated list of lower-case names (types)."""
    raw = query.get(key)
    if raw is None:
        return ()
    items = tuple(x.strip() for x in raw.split(",") if x.strip())
    for item in items:
        if not NAME.match(item):
            raise BadParameter(key, f"{item!r} is not a type name (lower case letters, digits, _)")
    if not items:
        raise BadParameter(key, "empty")
    return items


def countries(query: Mapping[str, str], key: str = "country") -> tuple[str, ...]:
    raw = query.get(key)
    if raw is None:
        return ()
    items = tuple(x.strip() for x in raw.split(","))
    for item in items:
        if not COUNTRY.match(item):
            raise BadParameter(key, f"{item!r} is not an ISO 3166-1 alpha-2 country code (e.g. UA)")
    return tuple(i.upper() for i in items)


def severity(query: Mapping[str, str], key: str = "min_severity") -> int | None:
    raw = query.get(key)
    if raw is None:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= 5:
        raise BadParameter(key, f"{raw!r} is not a severity (an integer from 1 to 5)")
    return int(raw)


def when(query: Mapping[str, str], key: str) -> datetime | None:
    """An ISO 8601 time with a timezone (``Z`` or an offset), or a bare date read as UTC midnight."""
    raw = query.get(key)
    if raw is None:
        return None
    try:
        parsed = datetime.fromisoformat(raw.replace(" ", "+"))  # a '+' arrives as a space if unescaped
    except ValueError:
        raise BadParameter(key, f"{raw!r} is not an ISO 8601 date or time") from None
    if parsed.tzinfo is None:
        if len(raw) != 10:
            raise BadParameter(key, f"{raw!r} has no timezone; add Z or an offset like +02:00")
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def limit(query: Mapping[str, str], default: int, maximum: int) -> int:
    raw = query.get("limit")
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadParameter("limit", f"{raw!r} is not a positive integer")
    if int(raw) > maximum:
        raise BadParameter("limit", f"{raw} is above the largest page size, {maximum}")
    return int(raw)


def cursor(query: Mapping[str, str]) -> str | None:
    raw = query.get("cursor")
    if raw is None:
        return None
    try:
        queries.decode_cursor(raw)
    except queries.BadCursor as exc:
        raise BadParameter("cursor", str(exc)) from None
    return raw


def text(query: Mapping[str, str], key: str = "q") -> str | None:
    raw = query.get(key)
    if raw is None:
        return None
    if not raw.strip() or len(raw) > MAX_TEXT:
        raise BadParameter(key, f"must be 1 to {MAX_TEXT} characters")
    return raw.strip()


def _range(query: Mapping[str, str]) -> tuple[datetime | None, datetime | None]:
    since, until = when(query, "since"), when(query, "until")
    if since and until and since >= until:
        raise BadParameter("until", "must be after since")
    return since, until


def event_filter(query: Mapping[str, str]) -> queries.EventFilter:
    since, until = _range(query)
    region = query.get("region")
    if region is not None and not (0 < len(region.strip()) <= MAX_TEXT):
        raise BadParameter("region", f"must be 1 to {MAX_TEXT} characters")
    return queries.EventFilter(
        types=names(query, "type"),
        countries=countries(query),
        region=region.strip() if region else None,
        min_severity=severity(query),
        since=since,
        until=until,
        text=text(query),
    )


def alert_filter(query: Mapping[str, str]) -> queries.AlertFilter:
    since, until = _range(query)
    story = query.get("story")
    if story is not None and not (0 < len(story) <= 64):
        raise BadParameter("story", "must be a story id (1 to 64 characters)")
    return queries.AlertFilter(
        types=names(query, "type"),
        countries=countries(query),
        min_severity=severity(query),
        since=since,
        until=until,
        story_id=story,
    )


def series_key(query: Mapping[str, str]) -> tuple[str, str, str]:
    for key in ("metric", "type", "country"):
        if not query.get(key):
            raise BadParameter(key, "required")
    metric = names(query, "metric")
    kind = names(query, "type")
    if len(metric) != 1:
        raise BadParameter("metric", "exactly one metric")
    if len(kind) != 1:
        raise BadParameter("type", "exactly one type or family")
    country = countries(query)
    if len(country) != 1:
        raise BadParameter("country", "exactly one country code")
    return metric[0], kind[0], country[0]
