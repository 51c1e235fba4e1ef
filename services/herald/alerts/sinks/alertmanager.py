"""Prometheus Alertmanager, through its v2 API (``POST /api/v2/alerts``).

Posting Herald's alerts to an existing Alertmanager lets its routing tree, inhibition, silences and
receivers (PagerDuty, email, Opsgenie, ...) handle them like any other alert. Labels are few and
bounded so routes can match on them: ``alertname="HeraldAlert"``, ``severity``
(critical/warning/info from severity 5/4/lower), ``herald_rule``, ``herald_type``, ``country`` and
``herald_alert_id`` (one Alertmanager alert per Herald alert: a re-post after a crash has the same
labels, so Alertmanager merges it instead of notifying twice). Feed text goes in annotations only.
``endsAt`` is set ``resolve_after`` past the alert: news does not resolve, so it expires.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from herald.core.records import Alert, utcnow

from . import http_common
from .base import Digest

ANNOTATION_LIMIT = 4000


def severity_label(severity: int) -> str:
    return "critical" if severity >= 5 else "warning" if severity == 4 else "info"


def postable(alert: Alert, resolve_after: timedelta) -> dict[str, Any]:
    labels = {
        "alertname": "HeraldAlert",
        "severity": severity_label(alert.severity),
        "herald_rule": alert.rule,
        "herald_type": alert.type,
        "herald_alert_id": alert.id,
    }
    if alert.location and alert.location.country_code:
        labels["country"] = alert.location.country_code
    annotations = {
        "summary": alert.title[:ANNOTATION_LIMIT],
        "description": alert.text[:ANNOTATION_LIMIT],
        "herald_severity": str(alert.severity),
        "urls": " ".join(alert.urls)[:ANNOTATION_LIMIT],
        "evidence": json.dumps(alert.evidence, ensure_ascii=False)[:ANNOTATION_LIMIT],
    }
    if alert.location:
        annotations["location"] = alert.location.name
    if alert.update_of:
        annotations["update_of"] = alert.update_of
    ends = max(alert.created_at, utcnow()) + resolve_after
    return {
        "labels": labels,
        "annotations": annotations,
        "startsAt": alert.created_at.isoformat(),
        "endsAt": ends.isoformat(),
        "generatorURL": alert.urls[0],
    }


class AlertmanagerSink:
    def __init__(
        self,
        base_url: str,
        *,
        name: str = "alertmanager",
        timeout: float = 10.0,
        resolve_after_hours: float = 6.0,
    ) -> None:
        self.name = name
        self.url = base_url.rstrip("/") + "/api/v2/alerts"
        self.resolve_after = timedelta(hours=resolve_after_hours)
        self.http = http_common.client(timeout)

    async def send(self, alert: Alert) -> None:
        await self._post([postable(alert, self.resolve_after)])

    async def send_digest(self, digest: Digest) -> None:
        # Alertmanager groups and batches notifications itself: a digest is just the alerts, posted at once.
        await self._post([postable(a, self.resolve_after) for a in digest.alerts])

    async def _post(self, alerts: list[dict[str, Any]]) -> None:
        body = json.dumps(alerts, ensure_ascii=False).encode()
        await http_common.post(
            self.http, self.url, content=body, headers={"content-type": "application/json"}
        )

    async def close(self) -> None:
        await self.http.aclose()
