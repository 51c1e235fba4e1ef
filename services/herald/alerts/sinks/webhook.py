"""Signed JSON webhooks, per the Standard Webhooks specification.

The body is the alert record as in ``schemas/alert.json``. Headers: ``webhook-id`` is the alert id
(stable across retries and restarts, so receivers can deduplicate), ``webhook-timestamp`` the Unix
time of this attempt, ``webhook-signature`` ``v1,<base64 HMAC-SHA256 of "id.timestamp.body">``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

import httpx

from herald.core.records import Alert

from .base import DeliveryError


def decode_secret(secret: str) -> bytes:
    """Standard Webhooks secrets are ``whsec_`` + base64; a bare string is used as raw bytes."""
    if secret.startswith("whsec_"):
        return base64.b64decode(secret.removeprefix("whsec_"))
    return secret.encode()


def sign(secret: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def classify_status(status: int, retry_after: str | None) -> DeliveryError | None:
    if 200 <= status < 300:
        return None
    wait = None
    if retry_after:
        try:
            wait = max(0.0, float(retry_after))
        except ValueError:
            wait = None
    retryable = status >= 500 or status in (408, 425, 429)
    return DeliveryError(f"HTTP {status}", retryable=retryable, retry_after=wait)


class WebhookSink:
    def __init__(self, url: str, secret: str, *, name: str = "webhook", timeout: float = 10.0) -> None:
        self.name = name
        self.url = url
        self.secret = decode_secret(secret)
        self.client = httpx.AsyncClient(timeout=timeout, trust_env=False, follow_redirects=False)

    async def send(self, alert: Alert) -> None:
        body = alert.to_json()
        ts = int(time.time())
        headers = {
            "content-type": "application/json",
            "user-agent": "Herald-alerts/0.1",
            "webhook-id": alert.id,
            "webhook-timestamp": str(ts),
            "webhook-signature": sign(self.secret, alert.id, ts, body),
        }
        try:
            resp = await self.client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"{type(exc).__name__}: {exc}", retryable=True) from exc
        error = classify_status(resp.status_code, resp.headers.get("retry-after"))
        if error:
            raise error

    async def close(self) -> None:
        await self.client.aclose()
