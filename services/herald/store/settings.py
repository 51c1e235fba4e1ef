"""Settings of the store stage (``HERALD_STORE_*`` environment variables).

The database is one URL: SQLite under the state directory unless ``HERALD_STORE_URL`` names another
(``postgresql+psycopg://user:pass@host/db`` for compose and Helm, with the ``postgres`` extra).

Retention is per table, in days, 0 keeping rows for ever. The defaults keep the news itself (events,
stories, alerts, series) for ever, since those are what an analyst asks about years later, and prune
what grows fastest and matters least: articles' metadata after 90 days, delivery outcomes after a year.
"""

from __future__ import annotations

from pydantic import Field, SecretStr

from herald.core.settings import CoreSettings


class StoreSettings(CoreSettings):
    store_url: SecretStr = Field(
        SecretStr(""),
        description=(
            "Database URL (SQLAlchemy form); empty: SQLite at <state dir>/store.db. "
            "A secret because it may carry a password."
        ),
    )
    store_batch_size: int = Field(500, ge=1, description="Records written in one database transaction.")
    store_batch_wait_seconds: float = Field(
        0.5, gt=0, description="Longest wait for a batch to fill before it is written anyway."
    )
    store_keep_text: bool = Field(
        False, description="Keep each article's full text, not only its metadata (grows the database ~10x)."
    )
    store_retry_initial_seconds: float = Field(
        0.5, gt=0, description="First wait before writing again when the database is unreachable."
    )
    store_retry_max_seconds: float = Field(
        30.0, gt=0, description="Longest wait between attempts while the database is unreachable."
    )
    store_retention_interval_seconds: float = Field(
        3600.0, gt=0, description="How often rows past their table's retention are deleted."
    )
    store_retention_articles_days: float = Field(
        90, ge=0, description="Days articles are kept; 0 = for ever."
    )
    store_retention_events_days: float = Field(0, ge=0, description="Days events are kept; 0 = for ever.")
    store_retention_stories_days: float = Field(
        0, ge=0, description="Days after its last report a story (and its sources) is kept; 0 = for ever."
    )
    store_retention_alerts_days: float = Field(0, ge=0, description="Days alerts are kept; 0 = for ever.")
    store_retention_deliveries_days: float = Field(
        365, ge=0, description="Days delivery outcomes are kept; 0 = for ever."
    )
    store_retention_series_days: float = Field(
        0, ge=0, description="Days record-series points are kept; 0 = for ever."
    )

    def database_url(self) -> str:
        """The configured URL, or the SQLite file under the state directory."""
        url = self.store_url.get_secret_value()
        if url:
            return url
        path = self.state_dir.resolve() / "store.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"

    def retention_days(self) -> dict[str, float]:
        """Table name -> days to keep (0: for ever)."""
        return {
            "articles": self.store_retention_articles_days,
            "events": self.store_retention_events_days,
            "stories": self.store_retention_stories_days,
            "alerts": self.store_retention_alerts_days,
            "deliveries": self.store_retention_deliveries_days,
            "series_points": self.store_retention_series_days,
        }
