"""Records in, table rows out, written as idempotent upserts: the store's transport-free core.

``rows_for`` flattens one record into the rows it contributes; ``Writer.write`` writes a batch of
records in one transaction. The stage (``agent.py``), ``herald analyze --store`` and the benchmark all
go through it, so a row means the same thing whichever way it arrived.

Redelivery changes nothing. Every row is keyed by ids the records already carry, and each table has
the conflict rule that makes a second write a no-op:

* articles, events, story sources, alerts: first write wins (same id, same content);
* deliveries: the later outcome wins (``at``), so an old outcome replayed cannot undo a newer one;
* series points: the larger value wins, so a story's point is its largest own figure;
* stories: recomputed from their stored events after each batch (first/last report, worst severity,
  report and outlet counts), so a count never grows by a replayed event.

A record the database refuses (a value it cannot hold) must not sink its batch: ``write`` then writes
the batch's records one at a time and hands back the ones that failed, with why. Losing the database
itself (connection refused, locked) is different: that raises :class:`Unavailable` and the caller
retries the whole batch later, since no record is at fault.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError

from herald.core.families import family_of
from herald.core.heartbeat_markers import HEARTBEAT_TYPE, is_canary
from herald.core.records import Alert, Article, DeliveryOutcome, EnrichedArticle, Event, Record, utcnow

from .tables import alerts, articles, deliveries, events, series_points, stories, story_sources

StoredRecord = Article | Event | Alert | DeliveryOutcome


@dataclass
class Rows:
    """The rows a set of records contributes, per table, plus the stories whose summary changes."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    stories: set[str] = field(default_factory=set)

    def add(self, table: sa.Table, row: dict[str, Any]) -> None:
        self.tables.setdefault(table.name, []).append(row)

    def extend(self, other: Rows) -> None:
        for name, rows in other.tables.items():
            self.tables.setdefault(name, []).extend(rows)
        self.stories |= other.stories

    def count(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


def rows_for(record: Record, keep_text: bool = False, now: datetime | None = None) -> Rows:
    """The rows one record contributes. The heartbeat's canary is pipeline health, not news: no rows."""
    now = now or utcnow()
    out = Rows()
    if isinstance(record, Article):
        if is_canary(record.tags):
            return out
        out.add(articles, _article_row(record, keep_text, now))
    elif isinstance(record, Event):
        if record.type == HEARTBEAT_TYPE:
            return out
        _event_rows(record, now, out)
    elif isinstance(record, Alert):
        if record.type == HEARTBEAT_TYPE:
            return out
        out.add(alerts, _alert_row(record))
    elif isinstance(record, DeliveryOutcome):
        out.add(
            deliveries,
            {
                "alert_id": record.alert_id,
                "sink": record.sink,
                "status": record.status,
                "at": record.at,
                "detail": record.reason,
            },
        )
    else:
        raise TypeError(f"the store does not keep {type(record).__name__} records")
    return out


def _article_row(article: Article, keep_text: bool, now: datetime) -> dict[str, Any]:
    language, duplicate_of = article.language, None
    if isinstance(article, EnrichedArticle):
        language = article.detected_language or language
        duplicate_of = article.duplicate_of
    return {
        "id": article.id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "language": language,
        "published": article.published,
        "fetched_at": article.fetched_at,
        "duplicate_of": duplicate_of,
        "text": article.text() if keep_text else None,
        "stored_at": now,
    }


def _event_rows(event: Event, now: datetime, out: Rows) -> None:
    loc = event.location
    family = family_of(event.type)
    out.add(
        events,
        {
            "id": event.id,
            "article_id": event.article_id,
            "story_id": event.story_id,
            "type": event.type,
            "family": family,
            "severity": event.severity,
            "title": event.title,
            "url": event.url,
            "source": event.source,
            "published": event.published,
            "fetched_at": event.fetched_at,
            "place": loc.name if loc else None,
            "country_code": loc.country_code if loc else None,
            "admin1": loc.admin1 if loc else None,
            "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None,
            "location_kind": loc.kind if loc else None,
            "magnitude": event.magnitude,
            "severity_reasons": event.severity_reasons,
            "actors": [a.model_dump(mode="json") for a in event.actors],
            "claims": [c.model_dump(mode="json") for c in event.claims],
            "claimed_counts": [c.model_dump(mode="json") for c in event.claimed_counts],
            "learn_only": event.learn_only,
            "stored_at": now,
        },
    )
    out.add(
        story_sources,
        {
            "story_id": event.story_id,
            "event_id": event.id,
            "article_id": event.article_id,
            "source": event.source,
            "url": event.url,
            "published": event.published,
        },
    )
    country = (loc.country_code if loc else None) or ""
    for metric, value in event.magnitude.items():
        out.add(
            series_points,
            {
                "metric": metric,
                "family": family,
                "country_code": country,
                "story_id": event.story_id,
                "value": value,
                "event_id": event.id,
                "source": event.source,
                "published": event.published,
            },
        )
    out.stories.add(event.story_id)


def _alert_row(alert: Alert) -> dict[str, Any]:
    loc = alert.location
    return {
        "id": alert.id,
        "rule": alert.rule,
        "event_id": alert.event_id,
        "article_id": alert.article_id,
        "story_id": alert.story_id,
        "type": alert.type,
        "severity": alert.severity,
        "title": alert.title,
        "text": alert.text,
        "urls": list(alert.urls),
        "created_at": alert.created_at,
        "published": alert.published,
        "place": loc.name if loc else None,
        "country_code": loc.country_code if loc else None,
        "update_of": alert.update_of,
        "evidence": alert.evidence,
    }


class Unavailable(Exception):
    """The database could not be reached or is busy: no record is at fault, try the batch again later."""


@dataclass(frozen=True)
class Failure:
    """A record the database refused, with the database's reason."""

    index: int  # position in the batch handed to ``write``
    error: str


def is_outage(exc: BaseException) -> bool:
    """Connection lost or refused, server shutting down, SQLite locked: nothing a record did."""
    if isinstance(exc, (OperationalError, InterfaceError, DisconnectionError)):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def _pk(table: sa.Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _unique(table: sa.Table, rows: list[dict[str, Any]], better: Any = None) -> list[dict[str, Any]]:
    """One row per primary key (a statement may not touch a row twice): the first, or the ``better``."""
    keep: dict[tuple[Any, ...], dict[str, Any]] = {}
    names = _pk(table)
    for row in rows:
        key = tuple(row[n] for n in names)
        if key not in keep or (better is not None and better(row, keep[key])):
            keep[key] = row
    return list(keep.values())


class Writer:
    """Writes batches of records to one database (PostgreSQL or SQLite), one transaction a batch.

    Synchronous on purpose (SQLAlchemy Core): the stage runs ``write`` in a thread, the CLI and the
    benchmark call it directly.
    """

    def __init__(self, engine: sa.Engine, keep_text: bool = False) -> None:
        self.engine = engine
        self.keep_text = keep_text
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    def write(self, records: Sequence[StoredRecord]) -> tuple[dict[str, int], list[Failure]]:
        """Write ``records`` and return (rows written per table, records refused).

        Raises :class:`Unavailable` when the database is out: nothing of the batch was committed.
        A batch that fails on a record's value is rolled back and written record by record; each
        record then commits alone, and the refused ones are returned, never raised.
        """
        now = utcnow()
        rows = Rows()
        failures: list[Failure] = []
        per_record: list[Rows] = []
        for i, record in enumerate(records):
            try:
                one = rows_for(record, self.keep_text, now)
            except Exception as exc:  # a record the flattening cannot handle is that record's fault
                failures.append(Failure(i, f"{type(exc).__name__}: {exc}"))
                one = Rows()
            per_record.append(one)
            rows.extend(one)
        try:
            return self._commit(rows), failures
        except Exception as exc:
            if is_outage(exc):
                raise Unavailable(str(exc)) from exc
        written: dict[str, int] = {}
        for i, one in enumerate(per_record):
            if not one.tables:
                continue
            try:
                for name, n in self._commit(one).items():
                    written[name] = written.get(name, 0) + n
            except Exception as exc:
                if is_outage(exc):
                    raise Unavailable(str(exc)) from exc
                failures.append(Failure(i, _reason(exc)))
        return written, sorted(failures, key=lambda f: f.index)

    def _commit(self, rows: Rows) -> dict[str, int]:
        with self.engine.begin() as conn:
            self._upsert_all(conn, rows)
        counts = rows.count()
        if rows.stories:
            counts["stories"] = len(rows.stories)
        return counts

    def _upsert_all(self, conn: sa.Connection, rows: Rows) -> None:
        for table in (articles, events, story_sources, alerts):
            self._first_wins(conn, table, rows.tables.get(table.name, []))
        self._later_wins(conn, rows.tables.get(deliveries.name, []))
        self._larger_wins(conn, rows.tables.get(series_points.name, []))
        if rows.stories:
            self._recount_stories(conn, sorted(rows.stories))

    def _first_wins(self, conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.execute(
                self._insert(table).on_conflict_do_nothing(index_elements=_pk(table)), _unique(table, rows)
            )

    def _later_wins(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        stmt = self._insert(deliveries)
        stmt = stmt.on_conflict_do_update(
            index_elements=_pk(deliveries),
            set_={c: stmt.excluded[c] for c in ("status", "at", "detail")},
            where=stmt.excluded.at > deliveries.c.at,
        )
        conn.execute(stmt, _unique(deliveries, rows, better=lambda new, old: new["at"] > old["at"]))

    def _larger_wins(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        stmt = self._insert(series_points)
        stmt = stmt.on_conflict_do_update(
            index_elements=_pk(series_points),
            set_={c: stmt.excluded[c] for c in ("value", "event_id", "source", "published")},
            where=stmt.excluded.value > series_points.c.value,
        )
        conn.execute(stmt, _unique(series_points, rows, better=lambda new, old: new["value"] > old["value"]))

    def _recount_stories(self, conn: sa.Connection, ids: list[str]) -> None:
        """Each story's summary from all its stored events: the same however often they arrived."""
        for chunk in _chunks(ids, 500):
            summary = {r.story_id: r for r in conn.execute(_summary_query(chunk))}
            firsts = {r.story_id: r for r in conn.execute(_first_event_query(chunk))}
            rows = []
            for story_id, s in summary.items():
                first = firsts[story_id]
                rows.append(
                    {
                        "id": story_id,
                        "type": first.type,
                        "title": first.title,
                        "country_code": first.country_code,
                        "place": first.place,
                        "first_published": s.first_published,
                        "last_published": s.last_published,
                        "max_severity": s.max_severity,
                        "events": s.events,
                        "sources": s.sources,
                    }
                )
            if rows:
                stmt = self._insert(stories)
                stmt = stmt.on_conflict_do_update(
                    index_elements=["id"],
                    set_={c.name: stmt.excluded[c.name] for c in stories.columns if c.name != "id"},
                )
                conn.execute(stmt, rows)


def _summary_query(ids: list[str]) -> sa.Select[Any]:
    return (
        sa.select(
            events.c.story_id,
            sa.func.min(events.c.published).label("first_published"),
            sa.func.max(events.c.published).label("last_published"),
            sa.func.max(events.c.severity).label("max_severity"),
            sa.func.count().label("events"),
            sa.func.count(sa.distinct(events.c.source)).label("sources"),
        )
        .where(events.c.story_id.in_(ids))
        .group_by(events.c.story_id)
    )


def _first_event_query(ids: list[str]) -> sa.Select[Any]:
    """The story's first report (earliest published, then lowest id): it names the story."""
    rank = (
        sa.func.row_number()
        .over(partition_by=events.c.story_id, order_by=(events.c.published, events.c.id))
        .label("rank")
    )
    ranked = (
        sa.select(
            events.c.story_id, events.c.type, events.c.title, events.c.country_code, events.c.place, rank
        )
        .where(events.c.story_id.in_(ids))
        .subquery()
    )
    return sa.select(ranked).where(ranked.c.rank == 1)


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _reason(exc: BaseException) -> str:
    """The database's own words, without SQLAlchemy's echo of the statement and its parameters."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return f"{type(exc.orig).__name__}: {exc.orig}"[:2000]
    return f"{type(exc).__name__}: {exc}"[:2000]
