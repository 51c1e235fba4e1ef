"""Novelty rules: a first of its kind, a record magnitude.

Pure logic over a dict-like store (a Faust table keyed within the event type's partition, or a dict
offline). Idempotent under redelivery: an event seen before returns the alerts it raised then.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from herald.core.records import Alert, Event, stable_id, utcnow


@dataclass(frozen=True)
class NoveltyConfig:
    min_severity: int = 4
    lookback: timedelta = timedelta(days=30)


def alert_id(story_id: str, rule: str) -> str:
    """The same story and rule always give the same alert id (the sinks' idempotency key)."""
    return stable_id("alert", story_id, rule)


class NoveltyDetector:
    def __init__(self, store: MutableMapping[str, Any], config: NoveltyConfig | None = None) -> None:
        self.store = store
        self.config = config or NoveltyConfig()

    def observe(self, event: Event, now: datetime | None = None) -> list[Alert]:
        done = self.store.get(f"event:{event.id}")
        if done is not None:
            return [Alert.model_validate(a) for a in done]
        alerts: list[Alert] = []
        when = event.published.timestamp()
        scopes = ["global"]
        if event.location and event.location.country_code:
            scopes.append(f"cc:{event.location.country_code}")
        if event.location:
            scopes.append(f"place:{event.location.name.lower()}")
        unseen = []
        for scope in scopes:
            key = f"seen:{event.type}:{scope}"
            last = self.store.get(key)
            if last is None or when - last > self.config.lookback.total_seconds():
                unseen.append(scope)
            self.store[key] = max(when, last or when)
        if event.severity >= self.config.min_severity and unseen:
            alerts.append(self._alert(event, "new_type", f"first {event.type} ({', '.join(unseen)})", {"scopes": unseen}, now))
        country = event.location.country_code if event.location and event.location.country_code else "?"
        for metric, value in sorted(event.magnitude.items()):
            key = f"series:{metric}:{event.type}:{country}"
            prev = self.store.get(key)
            if prev is not None and value > prev["value"] and event.severity >= 2:
                evidence = {"metric": metric, "value": value, "previous": prev["value"], "previous_at": prev["at"]}
                alerts.append(self._alert(event, "record", f"record {metric}: {value:g} (previous {prev['value']:g})", evidence, now))
            if prev is None or value > prev["value"]:
                self.store[key] = {"value": value, "at": event.published.isoformat()}
        self.store[f"event:{event.id}"] = [a.model_dump(mode="json") for a in alerts]
        return alerts

    def _alert(self, event: Event, rule: str, why: str, evidence: dict[str, Any], now: datetime | None) -> Alert:
        return Alert(
            id=alert_id(event.story_id, rule),
            rule=rule,
            event_id=event.id,
            article_id=event.article_id,
            story_id=event.story_id,
            type=event.type,
            severity=event.severity,
            title=event.title,
            text=why,
            urls=[event.url],
            created_at=now or utcnow(),
            published=event.published,
            fetched_at=event.fetched_at,
            location=event.location,
            evidence=evidence,
        )
