"""The event store's tables: one schema for PostgreSQL (compose, Helm) and SQLite (`herald up`).

Rows are flattened copies of the records in ``schemas/`` (article metadata, events, alerts), plus
what only the store knows: a story's sources over time, each alert's delivery outcome per sink, and
the points of the record series. Every table is keyed by the ids the records already carry, so the
writer's upserts make a redelivered record change nothing.

Columns a query filters on (type, country, severity, time) are real columns with indexes; the rest of
a record's nested detail (magnitudes, actors, claims, evidence) is JSON, read back whole.
Timestamps are UTC; SQLite keeps them naive, so readers treat every stored time as UTC.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Constraint names that read the same on both engines, so migrations can refer to them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = 64  # record ids are short hex digests; room to spare
UTC = DateTime(timezone=True)

articles = Table(
    "articles",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("url", Text, nullable=False),
    Column("source", String(200), nullable=False),
    Column("title", Text, nullable=False),
    Column("language", String(16)),
    Column("published", UTC, nullable=False),
    Column("fetched_at", UTC, nullable=False),
    Column("duplicate_of", String(ID)),
    Column("text", Text),  # the article's text only when the store is told to keep it
    Column("stored_at", UTC, nullable=False),
    Index(None, "published"),
    Index(None, "source", "published"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("article_id", String(ID), nullable=False),
    Column("story_id", String(ID), nullable=False),
    Column("type", String(64), nullable=False),
    Column("family", String(64), nullable=False),
    Column("severity", Integer, nullable=False),
    Column("title", Text, nullable=False, default=""),
    Column("url", Text, nullable=False),
    Column("source", String(200), nullable=False),
    Column("published", UTC, nullable=False),
    Column("fetched_at", UTC, nullable=False),
    Column("place", Text),  # location name
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("location_kind", String(16)),
    Column("magnitude", JSON, nullable=False),  # metric -> number, this event's own figures
    Column("severity_reasons", JSON, nullable=False),
    Column("actors", JSON, nullable=False),
    Column("claims", JSON, nullable=False),
    # a side's claimed figures magnitude leaves out (Event.claimed_counts); rows from before it hold []
    Column("claimed_counts", JSON, nullable=False, server_default="[]"),
    Column("learn_only", Boolean, nullable=False, default=False),
    Column("stored_at", UTC, nullable=False),
    Index(None, "published"),
    Index(None, "type", "published"),
    Index(None, "country_code", "published"),
    Index(None, "story_id"),
    Index(None, "severity", "published"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("type", String(64), nullable=False),  # the type of its first event
    Column("title", Text, nullable=False),  # the first event's title
    Column("country_code", String(2)),
    Column("place", Text),
    Column("first_published", UTC, nullable=False),
    Column("last_published", UTC, nullable=False),
    Column("max_severity", Integer, nullable=False),
    Column("events", Integer, nullable=False),  # how many events (reports) it holds
    Column("sources", Integer, nullable=False),  # how many distinct outlets carried it
    Index(None, "last_published"),
    Index(None, "country_code", "last_published"),
)

# Which outlet carried a story when: one row per report (event) in the story.
story_sources = Table(
    "story_sources",
    metadata,
    Column("story_id", String(ID), primary_key=True),
    Column("event_id", String(ID), primary_key=True),
    Column("article_id", String(ID), nullable=False),
    Column("source", String(200), nullable=False),
    Column("url", Text, nullable=False),
    Column("published", UTC, nullable=False),
    Index(None, "source", "published"),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("rule", String(64), nullable=False),
    Column("event_id", String(ID), nullable=False),
    Column("article_id", String(ID), nullable=False),
    Column("story_id", String(ID), nullable=False),
    Column("type", String(64), nullable=False),
    Column("severity", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("urls", JSON, nullable=False),
    Column("created_at", UTC, nullable=False),
    Column("published", UTC, nullable=False),
    Column("place", Text),
    Column("country_code", String(2)),
    Column("update_of", String(ID)),
    Column("evidence", JSON, nullable=False),
    Index(None, "created_at"),
    Index(None, "story_id"),
    Index(None, "type", "created_at"),
)

# One row per alert and sink: what delivery did with it, last outcome wins.
deliveries = Table(
    "deliveries",
    metadata,
    Column("alert_id", String(ID), primary_key=True),
    Column("sink", String(64), primary_key=True),
    Column("status", String(32), nullable=False),  # delivered, digested, dead_lettered, ...
    Column("at", UTC, nullable=False),
    Column("detail", Text),
    Index(None, "at"),
)

# Points of the record series: metric x family x country, one point per story (its largest own
# figure), so a series reads "the barrages Ukraine was hit by" and not every retelling of each.
series_points = Table(
    "series_points",
    metadata,
    Column("metric", String(32), primary_key=True),
    Column("family", String(64), primary_key=True),
    Column("country_code", String(2), primary_key=True),  # "" when the event has no country
    Column("story_id", String(ID), primary_key=True),
    Column("value", Float, nullable=False),
    Column("event_id", String(ID), nullable=False),  # the report that carried the value
    Column("source", String(200), nullable=False),
    Column("published", UTC, nullable=False),
    Index(None, "metric", "family", "country_code", "published"),
)

TABLES = (articles, events, stories, story_sources, alerts, deliveries, series_points)
