"""Settings of the novelty and delivery workers."""

from __future__ import annotations

from pydantic import Field, SecretStr

from herald.core.settings import CoreSettings


class AlertSettings(CoreSettings):
    novelty_min_severity: int = Field(4, ge=1, le=5, description="Severity an event needs to raise new_type.")
    novelty_lookback_days: float = Field(30, gt=0, description="How long a type stays 'seen' in a place.")
    webhook_url: str | None = Field(None, description="Signed JSON webhook destination (Standard Webhooks).")
    webhook_secret: SecretStr = Field(
        SecretStr(""), description="HMAC secret for webhook-signature (whsec_<base64> or raw)."
    )
    console_sink: bool = Field(False, description="Also print every alert on the delivery worker's stdout.")
    delivery_attempts: int = Field(8, ge=1, description="Attempts per alert and sink before dead-lettering.")
    delivery_backoff_max_seconds: float = Field(30.0, gt=0, description="Cap of the exponential backoff.")
