"""Settings of the heartbeat server."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator

from herald.core.settings import CoreSettings


class HeartbeatSettings(CoreSettings):
    heartbeat_interval_seconds: float = Field(
        300.0,
        ge=10,
        description="How often the canary item changes (one round); alerts fire after 3 missed rounds.",
    )
    heartbeat_base_url: str = Field(
        "http://127.0.0.1:9107",
        description="URL at which the poller reaches this server; canary item links are built from it.",
    )
    heartbeat_secret: SecretStr = Field(
        SecretStr(""),
        description="Secret of the heartbeat alert route (whsec_<base64> or raw); empty accepts unsigned.",
    )
    heartbeat_max_clock_skew_seconds: float = Field(
        300.0, gt=0, description="Signed posts whose webhook-timestamp is further off than this are rejected."
    )

    @field_validator("heartbeat_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("heartbeat_base_url must be an http(s) URL")
        return value.rstrip("/")
