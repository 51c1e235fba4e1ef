"""Signed JSON webhooks, per the Standard Webhooks specification.

The body is the alert record (the ``Alert`` model, i.e. ``schemas/alert.json``); a digest is
``{"type": "herald.digest", "id": ..., "alerts": [...]}``. Headers: ``webhook-id`` is the alert (or
digest) id — stable across retries and restarts, so receivers deduplicate on it —
``webhook-timestamp`` the Unix time of this attempt, ``webhook-signature``
``v1,<base64 HMAC-SHA256 of "id.timestamp.body">`` with the secret from ``HERALD_WEBHOOK_SECRET``
(``herald.core.webhooks`` signs; receivers verify with the same module).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from herald.core import webhooks
from herald.core.records import Alert

from . import http_common
from .base import Digest


def digest_body(digest: Digest) -> bytes:
    return json.dumps(
        {
            "type": "herald.digest",
            "id": digest.id,
            "alerts": [a.model_dump(mode="json") for a in digest.alerts],
        },
        ensure_ascii=False,
    ).encode()


class WebhookSink:
    def __init__(
        self,
        url: str,
        secret: str,
        *,
        name: str = "webhook",
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not secret:
            raise ValueError("the webhook sink needs a signing secret (HERALD_WEBHOOK_SECRET)")
        self.name = name
        self.url = url
        self.secret = webhooks.decode_secret(secret)
        self.clock = clock
        self.http = http_common.client(timeout)

    async def send(self, alert: Alert) -> None:
        await self._post(alert.id, alert.to_json())

    async def send_digest(self, digest: Digest) -> None:
        await self._post(digest.id, digest_body(digest))

    async def _post(self, msg_id: str, body: bytes) -> None:
        ts = int(self.clock())
        headers = {"content-type": "application/json", **webhooks.headers(self.secret, msg_id, ts, body)}
        await http_common.post(self.http, self.url, content=body, headers=headers)

    async def close(self) -> None:
        await self.http.aclose()
