"""Settings of the poller."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from herald.core.settings import CoreSettings


class PollerSettings(CoreSettings):
    feeds_file: Path | None = Field(None, description="YAML feed list (url, name, interval, tags, enabled).")
    poll_interval_seconds: float = Field(60.0, gt=0, description="Default interval between polls of a feed.")
    fetch_timeout_seconds: float = Field(20.0, gt=0, description="Total deadline of one fetch.")
    max_body_bytes: int = Field(15 * 1024 * 1024, gt=0, description="Cap on a feed's decoded body.")
    max_redirects: int = Field(5, ge=0, description="Redirects followed per fetch.")
    allow_hosts: str = Field(
        "", description="Comma-separated hosts or IPs exempt from the private-address guard (demo, tests)."
    )
    user_agent: str = Field("Herald/0.1 (+https://github.com/herald-news/herald)", description="User-Agent.")

    @property
    def allowed(self) -> set[str]:
        return {h.strip() for h in self.allow_hosts.split(",") if h.strip()}
