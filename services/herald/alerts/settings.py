"""Settings of the novelty and delivery workers (``HERALD_`` environment variables).

Each sink is switched on by its destination (``HERALD_WEBHOOK_URL``, ``HERALD_SLACK_WEBHOOK_URL``,
``HERALD_ALERTMANAGER_URL``, ``HERALD_CONSOLE_SINK``) and routed by four variables with its prefix:
``_MIN_SEVERITY``, ``_TYPES`` and ``_COUNTRIES`` (comma-separated; empty means all) and
``_DIGEST_MIN_SEVERITY`` (alerts from it up to ``_MIN_SEVERITY`` go into a digest every
``HERALD_DIGEST_INTERVAL_SECONDS``).

The heartbeat's sink is switched on by ``HERALD_HEARTBEAT_WEBHOOK_URL`` (the heartbeat server's
``/alerts``) and signs with ``HERALD_HEARTBEAT_SECRET``; it takes the canary's alerts only and has no
routing variables (see ``routing.Route``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

from pydantic import AwareDatetime, Field, SecretStr, field_validator
from pydantic_settings import NoDecode

from herald.core.settings import CoreSettings

from .novelty_config import ESCALATION_METRICS, RECORD_IGNORED_METRICS, NoveltyConfig
from .routing import Route

CsvList = Annotated[list[str], NoDecode]


def _csv(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class AlertSettings(CoreSettings):
    # -- novelty rules ---------------------------------------------------------------------------------
    novelty_min_severity: int = Field(
        4, ge=1, le=5, description="Severity an event needs to raise any alert (new_type, record, claims)."
    )
    novelty_lookback_days: float = Field(
        30,
        gt=0,
        description="new_type: how long a type stays 'seen' in a scope (world, country, region, place).",
    )
    novelty_routine_window_days: float = Field(
        30,
        gt=0,
        description=(
            "new_type: window over which a type counts as routine in a country "
            "(a first in one of its regions or places is then not news)."
        ),
    )
    novelty_routine_high_days: float = Field(
        60,
        gt=0,
        description=(
            "new_type: how far back the country's high toll of the family is looked for when a region or "
            "place first is weighed by its own dead (never shorter than the routine window)."
        ),
    )
    novelty_conflict_seen_days: float = Field(
        7,
        ge=0,
        description=(
            "new_type: days a deadly event of one conflict family (ground fighting, strikes) makes its "
            "country seen for the others (0: each family on its own)."
        ),
    )
    novelty_conflict_seen_elsewhere_min_killed: float = Field(
        10,
        ge=0,
        description=(
            "new_type: killed from which a deadly conflict event makes its whole country seen for the other "
            "conflict family; a smaller one makes only its own region seen (0: any deadly event, everywhere)."
        ),
    )
    novelty_routine_min_days: int = Field(
        1,
        ge=1,
        description="new_type: days with the type within the window that make it routine in the country.",
    )
    novelty_local_min_killed: float = Field(
        10,
        ge=0,
        description="new_type: killed from which a region or place first alerts where routine (0: always).",
    )
    novelty_outbreak_first_min_severity: int = Field(
        2,
        ge=1,
        le=5,
        description=(
            "new_type: severity from which an outbreak's first in a country or the world alerts (a declared "
            "outbreak with no death yet is severity 2); region and place firsts still need the minimum."
        ),
    )
    novelty_felt_abroad_own_min_killed: float = Field(
        10,
        ge=0,
        description=(
            "new_type: dead a report placed in one country gives there, of an event centred in another, "
            "from which it is that country's own event, not the other's felt abroad (0: always its own)."
        ),
    )
    novelty_record_min_value: float = Field(
        10, ge=0, description="record: a count below this is never a record ('4 wounded' beating 1)."
    )
    novelty_record_ignored_metrics: CsvList = Field(
        list(RECORD_IGNORED_METRICS),
        description="record: counts whose series never raise a record (outlets count the wounded variously).",
    )
    novelty_country_toll_across_conflict: bool = Field(
        True,
        description=(
            "retellings: a war's country toll may update an alerted story of another conflict type in that "
            "country (an offensive's dead in a report read as an air strike); off, only its own type."
        ),
    )
    novelty_record_after_first: bool = Field(
        False,
        description=(
            "record: a story that raised a first in a scope may also raise a record by its count; off, one "
            "event pages once and its rising toll goes out as updates (claims still alert)."
        ),
    )
    novelty_record_after_local_first: bool = Field(
        False,
        description=(
            "record: a story that paged a region or place first on an earlier report may raise a record by "
            "a later report's count; off, its toll goes out as updates (claims still alert)."
        ),
    )
    novelty_first_needs_country: bool = Field(
        True,
        description=(
            "new_type: a first in a scope needs the event placed in a country (a claimed first does not); "
            "off, an unplaced event can be the world's first."
        ),
    )
    novelty_first_before_harm: bool = Field(
        False,
        description=(
            "new_type: a first in a scope may page on a report that counts no one, tells of no harm and "
            "speaks only for an agency measuring the hazard; off, the first waits for a report of harm."
        ),
    )
    novelty_record_lookback_days: float | None = Field(
        None,
        gt=0,
        description="record: how far back a series' earlier values count; unset means all history.",
    )
    novelty_first_claim_min_severity: int = Field(
        3,
        ge=1,
        le=5,
        description="new_type: severity from which an event's own claim of a first ('of its kind') alerts.",
    )
    novelty_deadly_first_min_severity: int = Field(
        3,
        ge=1,
        le=5,
        description=(
            "new_type: severity from which a first in a country or the world of an event that killed "
            "alerts, and an alerted story's later reports raise updates."
        ),
    )
    novelty_escalation_min_increase: float = Field(
        0.2,
        ge=0,
        description="Updates: a count the alerts gave must rise this much, in a later report (0.2 = 20%).",
    )
    novelty_escalation_same_authority_min_increase: float = Field(
        0.0,
        ge=0,
        description=(
            "Updates: a smaller rise of the dead than the floor above still escalates, from this much, when "
            "the body the last alert's count came from gives it and the report says the toll rose "
            "(at the floor or above: off)."
        ),
    )
    novelty_escalation_later_rise_after_hours: float = Field(
        48.0,
        ge=0,
        description=(
            "Updates: a smaller rise of the dead than the floor still escalates, from any body, when the "
            "report says the toll rose and comes this many hours or more after the last alerted report "
            "(0: off)."
        ),
    )
    novelty_escalation_later_rise_min_added: float = Field(
        10.0,
        ge=0,
        description="Updates: the dead such a later rise (the setting above) must add at least.",
    )
    novelty_escalation_metrics: CsvList = Field(
        list(ESCALATION_METRICS), description="Updates: the counts whose rise is an escalation (tolls)."
    )
    novelty_learn_until: AwareDatetime | None = Field(
        None, description="Learning period: events published before this time are learned, never alerted."
    )
    novelty_warmup_days: float = Field(
        0, ge=0, description="Learning period per type, from the first event of that type the state saw."
    )
    novelty_retelling_hours: float = Field(
        24,
        ge=0,
        description="Retellings: another story's same count or record claim within this raises nothing.",
    )
    novelty_revision_days: float = Field(
        60,
        ge=0,
        description="A report this long after an alert, told of as past at its place, updates it.",
    )

    # -- sinks -----------------------------------------------------------------------------------------
    webhook_url: str | None = Field(None, description="Signed JSON webhook destination (Standard Webhooks).")
    webhook_secret: SecretStr = Field(
        SecretStr(""), description="HMAC secret for webhook-signature (whsec_<base64> or raw)."
    )
    slack_webhook_url: SecretStr | None = Field(None, description="Slack incoming-webhook URL (a secret).")
    slack_min_interval_seconds: float = Field(
        1.0, ge=0, description="Slack allows about one message per second per webhook."
    )
    alertmanager_url: str | None = Field(
        None, description="Alertmanager base URL; alerts go to <url>/api/v2/alerts."
    )
    alertmanager_resolve_hours: float = Field(
        6.0, gt=0, description="endsAt sent to Alertmanager: the alert resolves itself after this long."
    )
    console_sink: bool = Field(False, description="Also print every alert on the delivery worker's stdout.")
    heartbeat_webhook_url: str | None = Field(
        None,
        description="The heartbeat server's /alerts: canary alerts go there and only there (sink heartbeat).",
    )
    heartbeat_secret: SecretStr = Field(
        SecretStr(""),
        description="Secret of the heartbeat alert route (whsec_<base64> or raw); required with its URL.",
    )

    webhook_min_severity: int = Field(1, ge=1, le=5, description="Webhook: lowest severity sent at once.")
    webhook_types: CsvList = Field(default_factory=list, description="Webhook: only these event types.")
    webhook_countries: CsvList = Field(
        default_factory=list, description="Webhook: only these countries (ISO2)."
    )
    webhook_digest_min_severity: int | None = Field(None, description="Webhook: digest from this severity.")
    slack_min_severity: int = Field(1, ge=1, le=5, description="Slack: lowest severity sent at once.")
    slack_types: CsvList = Field(default_factory=list, description="Slack: only these event types.")
    slack_countries: CsvList = Field(default_factory=list, description="Slack: only these countries (ISO2).")
    slack_digest_min_severity: int | None = Field(None, description="Slack: digest from this severity.")
    alertmanager_min_severity: int = Field(1, ge=1, le=5, description="Alertmanager: lowest severity sent.")
    alertmanager_types: CsvList = Field(default_factory=list, description="Alertmanager: only these types.")
    alertmanager_countries: CsvList = Field(
        default_factory=list, description="Alertmanager: only these countries."
    )
    alertmanager_digest_min_severity: int | None = Field(
        None, description="Alertmanager: digest from this severity."
    )
    console_min_severity: int = Field(1, ge=1, le=5, description="Console: lowest severity printed.")
    console_types: CsvList = Field(default_factory=list, description="Console: only these event types.")
    console_countries: CsvList = Field(default_factory=list, description="Console: only these countries.")
    console_digest_min_severity: int | None = Field(None, description="Console: digest from this severity.")
    digest_interval_seconds: float = Field(3600, gt=0, description="How often a sink's digest is sent.")

    # -- delivery --------------------------------------------------------------------------------------
    delivery_backoff_initial_seconds: float = Field(
        0.5, gt=0, description="First retry wait (before jitter)."
    )
    delivery_backoff_max_seconds: float = Field(30.0, gt=0, description="Cap of the exponential backoff.")
    delivery_give_up_seconds: float = Field(
        900.0, gt=0, description="Transient failures retry this long, then the alert is dead-lettered."
    )
    delivery_timeout_seconds: float = Field(10.0, gt=0, description="HTTP timeout of one delivery attempt.")

    @field_validator(
        "novelty_escalation_metrics",
        "novelty_record_ignored_metrics",
        "webhook_types",
        "webhook_countries",
        "slack_types",
        "slack_countries",
        "alertmanager_types",
        "alertmanager_countries",
        "console_types",
        "console_countries",
        mode="before",
    )
    @classmethod
    def _split(cls, value: Any) -> Any:
        return _csv(value)

    @field_validator("heartbeat_webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("heartbeat_webhook_url must be an http(s) URL")
        return value or None

    def route(self, sink: str) -> Route:
        """The routing of one sink, from its ``<sink>_*`` fields."""
        return Route(
            min_severity=getattr(self, f"{sink}_min_severity"),
            types=frozenset(getattr(self, f"{sink}_types")),
            countries=frozenset(c.upper() for c in getattr(self, f"{sink}_countries")),
            digest_min_severity=getattr(self, f"{sink}_digest_min_severity"),
        )

    def novelty(self) -> NoveltyConfig:
        learn_until: datetime | None = self.novelty_learn_until
        return NoveltyConfig(
            min_severity=self.novelty_min_severity,
            new_type_lookback=timedelta(days=self.novelty_lookback_days),
            record_lookback=(
                timedelta(days=self.novelty_record_lookback_days)
                if self.novelty_record_lookback_days
                else None
            ),
            first_claim_min_severity=self.novelty_first_claim_min_severity,
            deadly_first_min_severity=self.novelty_deadly_first_min_severity,
            escalation_min_increase=self.novelty_escalation_min_increase,
            escalation_same_authority_min_increase=self.novelty_escalation_same_authority_min_increase,
            escalation_later_rise_after=(
                timedelta(hours=self.novelty_escalation_later_rise_after_hours)
                if self.novelty_escalation_later_rise_after_hours
                else None
            ),
            escalation_later_rise_min_added=self.novelty_escalation_later_rise_min_added,
            escalation_metrics=tuple(self.novelty_escalation_metrics),
            learn_until=learn_until,
            warmup=timedelta(days=self.novelty_warmup_days),
            retelling_window=timedelta(hours=self.novelty_retelling_hours),
            revision_window=timedelta(days=self.novelty_revision_days),
            routine_window=timedelta(days=self.novelty_routine_window_days),
            routine_high_window=timedelta(days=self.novelty_routine_high_days),
            routine_min_days=self.novelty_routine_min_days,
            local_min_killed=self.novelty_local_min_killed,
            outbreak_first_min_severity=self.novelty_outbreak_first_min_severity,
            felt_abroad_own_min_killed=self.novelty_felt_abroad_own_min_killed,
            record_min_value=self.novelty_record_min_value,
            record_ignored_metrics=tuple(self.novelty_record_ignored_metrics),
            country_toll_across_conflict=self.novelty_country_toll_across_conflict,
            record_after_first=self.novelty_record_after_first,
            record_after_local_first=self.novelty_record_after_local_first,
            first_needs_country=self.novelty_first_needs_country,
            first_before_harm=self.novelty_first_before_harm,
            conflict_seen_window=(
                timedelta(days=self.novelty_conflict_seen_days) if self.novelty_conflict_seen_days else None
            ),
            conflict_seen_elsewhere_min_killed=self.novelty_conflict_seen_elsewhere_min_killed or None,
        )
