"""Settings of the poller (``HERALD_*`` variables), validated once at start-up and passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

from herald.core.settings import CoreSettings

USER_AGENT = "Herald-Poller/0.1 (+https://github.com/herald-news/herald; self-hosted news monitor)"


class PollerSettings(CoreSettings):
    feeds_file: Path | None = Field(
        None, description="Feed list: YAML (.yaml/.yml), TOML (.toml) or OPML (.opml) with per-feed options."
    )
    # Scheduling. A feed's interval adapts to how often it publishes, between the floor and the ceiling;
    # errors back off exponentially (jittered) up to the ceiling, and the feed is always retried.
    interval_floor_seconds: float = Field(60.0, gt=0, description="Shortest adaptive interval between polls.")
    interval_ceiling_seconds: float = Field(
        3600.0, gt=0, description="Longest interval, also the backoff cap."
    )
    poll_interval_seconds: float = Field(
        60.0, gt=0, description="Starting interval of a feed without history (then adapted)."
    )
    max_retry_after_seconds: float = Field(
        86_400.0, gt=0, description="Longest Retry-After we honour; a server asking for more gets this."
    )
    startup_spread_seconds: float = Field(
        10.0, ge=0, description="First polls after start are spread over this long so they do not burst."
    )
    failing_after_errors: int = Field(
        3, ge=1, description="Consecutive errors after which a feed counts as failing (metrics, feeds list)."
    )
    # Fetching.
    fetch_timeout_seconds: float = Field(
        20.0, gt=0, description="Total deadline of one fetch, redirects included."
    )
    connect_timeout_seconds: float = Field(10.0, gt=0, description="Deadline of one TCP (and TLS) connect.")
    max_body_bytes: int = Field(
        15 * 1024 * 1024, gt=0, description="Cap on a feed's body, after decompression."
    )
    max_redirects: int = Field(5, ge=0, description="Redirects followed per fetch.")
    max_concurrency: int = Field(64, ge=1, description="Fetches in flight at once, all hosts together.")
    per_host_concurrency: int = Field(2, ge=1, description="Fetches in flight at once to one host.")
    allow_hosts: str = Field(
        "",
        description="Comma-separated host names, IPs or CIDR networks exempt from the private-address "
        "guard (the demo and tests use 127.0.0.1; add 'localhost' for URLs that use that name, since it "
        "also resolves to ::1). Empty: only public addresses.",
    )
    user_agent: str = Field(USER_AGENT, description="User-Agent sent with every fetch; names the project.")
    # What one feed may put into Kafka per poll.
    max_entries_per_poll: int = Field(500, ge=1, description="Entries taken from one fetch; the rest wait.")
    seen_per_feed: int = Field(
        500, ge=10, description="Article ids remembered per feed beyond those in its latest fetch."
    )
    kafka_ack_timeout_seconds: float = Field(
        30.0, gt=0, description="How long one send waits for Kafka's acknowledgement before it is retried."
    )
    # Metrics.
    feed_label_limit: int = Field(
        5000, ge=0, description="Feeds that get per-feed metric series; the rest appear only in totals."
    )

    @model_validator(mode="after")
    def _floor_below_ceiling(self) -> PollerSettings:
        if self.interval_floor_seconds > self.interval_ceiling_seconds:
            raise ValueError("interval_floor_seconds must not exceed interval_ceiling_seconds")
        return self

    @property
    def allowed(self) -> set[str]:
        return {h.strip() for h in self.allow_hosts.split(",") if h.strip()}
