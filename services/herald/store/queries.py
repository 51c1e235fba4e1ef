"""The store's read queries: one set, in SQLAlchemy Core, the same on PostgreSQL and SQLite.

The query API and ``herald analyze --store`` read through these functions only, so a filter means the
same thing wherever it is asked. Each function takes an open connection and returns plain dicts
(JSON-ready apart from datetimes), never ORM objects or rows.

Lists are newest first with keyset pagination: a page ends with an opaque cursor that encodes the
(time, id) of its last row, and the next page starts strictly after it. Unlike an offset, a cursor
stays correct while the store keeps writing, and every page costs one index range scan.

SQLite keeps timestamps naive; every time that goes in is converted to UTC first and every time that
comes out is marked UTC, so callers only ever see aware datetimes.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from herald.core.families import family_of
from herald.store.tables import alerts, deliveries, events, series_points, stories, story_sources

# The columns of an event a reader gets back; nested analysis (actors, claims, reasons) stays in the store.
EVENT_COLUMNS = (
    "id",
    "story_id",
    "article_id",
    "type",
    "family",
    "severity",
    "title",
    "url",
    "source",
    "published",
    "place",
    "country_code",
    "admin1",
    "lat",
    "lon",
    "magnitude",
)
# What a CSV export holds: the flat columns, one row per event.
CSV_COLUMNS = tuple(c for c in EVENT_COLUMNS if c != "magnitude")


class BadCursor(ValueError):
    """A cursor that this module did not make (or that was cut or edited)."""


@dataclass(frozen=True)
class EventFilter:
    """What a reader asks of the events; every field narrows, ``None`` or empty means any."""

    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, upper case
    region: str | None = None  # admin1, matched case-insensitively
    min_severity: int | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    text: str | None = None  # in the title, case-insensitive


@dataclass(frozen=True)
class AlertFilter:
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    min_severity: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    story_id: str | None = None


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None


# -- times and cursors -----------------------------------------------------------------------------
def utc(value: datetime) -> datetime:
    """Aware in, aware UTC out; the bound parameter SQLite stores as text must be in UTC."""
    if value.tzinfo is None:
        raise ValueError("naive datetime: the store only takes timezone-aware times")
    return value.astimezone(UTC)


def _read_time(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def encode_cursor(when: datetime, row_id: str) -> str:
    raw = json.dumps([_read_time(when).isoformat(), row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    """The (time, id) a cursor encodes; raises :class:`BadCursor` for anything else."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        when, row_id = json.loads(raw)
        parsed = datetime.fromisoformat(when)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as exc:
        raise BadCursor("not a cursor this API returned") from exc
    if parsed.tzinfo is None or not isinstance(row_id, str):
        raise BadCursor("not a cursor this API returned")
    return utc(parsed), row_id


def _after(time_col: sa.ColumnElement[Any], id_col: sa.ColumnElement[Any], cursor: str) -> Any:
    """Rows strictly after the cursor in (time desc, id desc) order."""
    when, row_id = decode_cursor(cursor)
    return sa.or_(time_col < when, sa.and_(time_col == when, id_col < row_id))


def _newest_first(
    conn: sa.Connection,
    table: sa.Table,
    columns: Sequence[str],
    time_column: str,
    where: list[Any],
    limit: int,
    cursor: str | None,
) -> tuple[list[dict[str, Any]], str | None]:
    """A keyset page in (time desc, id desc) order: one row more than asked tells there is a next page."""
    time_col, id_col = table.c[time_column], table.c.id
    if cursor:
        where = [*where, _after(time_col, id_col, cursor)]
    query = sa.select(*(table.c[c] for c in columns)).where(*where)
    query = query.order_by(time_col.desc(), id_col.desc()).limit(limit + 1)
    rows = [_row(m, columns) for m in conn.execute(query).mappings()]
    if len(rows) <= limit or limit < 1:
        return rows[: max(limit, 0)], None
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1][time_column], rows[-1]["id"])


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _row(mapping: Any, columns: Iterable[str]) -> dict[str, Any]:
    out = {c: mapping[c] for c in columns}
    for key, value in out.items():
        if isinstance(value, datetime):
            out[key] = _read_time(value)
    return out


# -- events ----------------------------------------------------------------------------------------
def _event_conditions(f: EventFilter) -> list[Any]:
    where: list[Any] = [events.c.learn_only.is_(False)]
    if f.types:
        where.append(events.c.type.in_(f.types))
    if f.countries:
        where.append(events.c.country_code.in_(f.countries))
    if f.region:
        where.append(sa.func.lower(events.c.admin1) == f.region.lower())
    if f.min_severity is not None:
        where.append(events.c.severity >= f.min_severity)
    if f.since is not None:
        where.append(events.c.published >= utc(f.since))
    if f.until is not None:
        where.append(events.c.published < utc(f.until))
    if f.text:
        where.append(events.c.title.ilike(_like(f.text), escape="\\"))
    return where


def list_events(conn: sa.Connection, f: EventFilter, limit: int, cursor: str | None = None) -> Page:
    """One page of events matching ``f``, newest first; ``next_cursor`` is None on the last page."""
    rows, nxt = _newest_first(conn, events, EVENT_COLUMNS, "published", _event_conditions(f), limit, cursor)
    return Page(rows, nxt)


def export_rows(conn: sa.Connection, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` events for an export, newest first (exports are bounded, not paged)."""
    return list_events(conn, f, limit).items


def events_csv(rows: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()})
    return out.getvalue()


def events_geojson(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the events that have coordinates (GeoJSON order: lon, lat)."""
    features = []
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            continue
        props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        props["published"] = row["published"].isoformat()
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}


# -- alerts ----------------------------------------------------------------------------------------
ALERT_COLUMNS = (
    "id",
    "rule",
    "story_id",
    "event_id",
    "type",
    "severity",
    "title",
    "text",
    "urls",
    "created_at",
    "published",
    "place",
    "country_code",
    "update_of",
)


def _with_deliveries(conn: sa.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [r["id"] for r in rows]
    by_alert: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        query = (
            sa.select(deliveries)
            .where(deliveries.c.alert_id.in_(ids))
            .order_by(deliveries.c.alert_id, deliveries.c.sink)
        )
        for m in conn.execute(query).mappings():
            by_alert[m["alert_id"]].append(_row(m, ("sink", "status", "at", "detail")))
    for row in rows:
        row["deliveries"] = by_alert[row["id"]]
    return rows


def list_alerts(conn: sa.Connection, f: AlertFilter, limit: int, cursor: str | None = None) -> Page:
    """One page of alerts, newest first, each with its delivery outcome per sink."""
    where: list[Any] = []
    if f.types:
        where.append(alerts.c.type.in_(f.types))
    if f.countries:
        where.append(alerts.c.country_code.in_(f.countries))
    if f.min_severity is not None:
        where.append(alerts.c.severity >= f.min_severity)
    if f.since is not None:
        where.append(alerts.c.created_at >= utc(f.since))
    if f.until is not None:
        where.append(alerts.c.created_at < utc(f.until))
    if f.story_id:
        where.append(alerts.c.story_id == f.story_id)
    rows, nxt = _newest_first(conn, alerts, ALERT_COLUMNS, "created_at", where, limit, cursor)
    return Page(_with_deliveries(conn, rows), nxt)


# -- stories ---------------------------------------------------------------------------------------
STORY_COLUMNS = (
    "id",
    "type",
    "title",
    "country_code",
    "place",
    "first_published",
    "last_published",
    "max_severity",
    "events",
    "sources",
)


def story(conn: sa.Connection, story_id: str) -> dict[str, Any] | None:
    """A story with its events and sources in the order they were published, and its alerts.

    ``None`` when the store holds no such story.
    """
    found = conn.execute(sa.select(stories).where(stories.c.id == story_id)).mappings().first()
    if found is None:
        return None
    told = conn.execute(
        sa.select(*(events.c[c] for c in EVENT_COLUMNS))
        .where(events.c.story_id == story_id)
        .order_by(events.c.published, events.c.id)
    ).mappings()
    sources = conn.execute(
        sa.select(story_sources)
        .where(story_sources.c.story_id == story_id)
        .order_by(story_sources.c.published, story_sources.c.event_id)
    ).mappings()
    history = conn.execute(
        sa.select(*(alerts.c[c] for c in ALERT_COLUMNS))
        .where(alerts.c.story_id == story_id)
        .order_by(alerts.c.created_at, alerts.c.id)
    ).mappings()
    return {
        "story": _row(found, STORY_COLUMNS),
        "events": [_row(m, EVENT_COLUMNS) for m in told],
        "sources": [_row(m, ("source", "url", "published", "event_id", "article_id")) for m in sources],
        "alerts": _with_deliveries(conn, [_row(m, ALERT_COLUMNS) for m in history]),
    }


# -- series ----------------------------------------------------------------------------------------
def series(conn: sa.Connection, metric: str, type_or_family: str, country: str) -> dict[str, Any]:
    """A record series and its record holders: each point that beat every earlier point.

    Series are kept per type family; a reader may name the family or any type in it. The type's
    family comes from the table the store stage files points by (``family_of``): looking it up in the
    stored events would scan every event of the type (a third of a second at a million events). The
    first point of a series holds its first record. Ties do not beat a record, as the novelty rules
    count them.
    """
    named = {type_or_family, family_of(type_or_family)}
    query = (
        sa.select(series_points)
        .where(
            series_points.c.metric == metric,
            series_points.c.country_code == country,
            series_points.c.family.in_(sorted(named)),
        )
        .order_by(series_points.c.published, series_points.c.story_id)
    )
    columns = ("story_id", "event_id", "value", "source", "published", "family")
    points = [_row(m, columns) for m in conn.execute(query).mappings()]
    best: float | None = None
    for point in points:
        point["record"] = best is None or point["value"] > best
        if point["record"]:
            best = point["value"]
    family = points[0]["family"] if points else None
    for point in points:
        del point["family"]
    return {
        "metric": metric,
        "family": family,
        "country_code": country,
        "points": points,
        "records": [p for p in points if p["record"]],
    }
