"""The alerts the novelty rules raise: their ids, texts and evidence.

Ids follow from the story and rule (an update's from its level too), so a redelivered event gives
the same ids, which the sinks and the delivery ledger key on. Texts name the evidence: the scope a
type is new in, the report a record beats (``previous_source``, ``previous_url``, ``previous_title``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from herald.core.heartbeat_markers import HEARTBEAT_RULE
from herald.core.records import Alert, Event, stable_id, utcnow

from .novelty_config import NoveltyConfig
from .novelty_scopes import describe_scope, where


def alert_id(story_id: str, rule: str) -> str:
    """The same story and rule always give the same alert id (the sinks' idempotency key)."""
    return stable_id("alert", story_id, rule)


def update_id(story_id: str, rule: str, level: int) -> str:
    """An escalation update's id: its story, the rule of the alert it updates, its escalation level."""
    return stable_id("alert", story_id, rule, "update", str(level))


def heartbeat_alert(event: Event, now: datetime | None = None) -> Alert:
    """The one alert of a heartbeat canary event, keyed by the event (each round is its own story).

    Only its id is stable across redeliveries (``created_at`` is when it was raised); that is what
    the delivery ledger and the heartbeat server key on.
    """
    return Alert(
        id=stable_id("alert", event.id, HEARTBEAT_RULE),
        rule=HEARTBEAT_RULE,
        event_id=event.id,
        article_id=event.article_id,
        story_id=event.story_id,
        type=event.type,
        severity=event.severity,
        title=event.title or "Herald heartbeat",
        text="Heartbeat canary: this round crossed every stage of the pipeline. Not news.",
        urls=[event.url],
        created_at=now or utcnow(),
        published=event.published,
        fetched_at=event.fetched_at,
        evidence={"canary": True},
    )


def cite(beaten: dict[str, Any]) -> str:
    """The report a record beats, as a parenthesis for the alert text ("" when it is not known)."""
    if not beaten.get("previous_source"):
        return ""
    title = f' "{beaten["previous_title"]}"' if beaten.get("previous_title") else ""
    return f" ({beaten['previous_source']}{title}, {beaten['previous_url']})"


def new_type_alert(
    config: NoveltyConfig,
    event: Event,
    story: dict[str, Any],
    claim: dict[str, str] | None,
    scope_first: bool,
    now: datetime | None,
) -> Alert:
    """The ``new_type`` alert of a story: a first in its broadest novel scope, or the report's own claim."""
    novel = story["novel"]
    lookback_days = config.new_type_lookback.total_seconds() / 86400
    evidence: dict[str, Any] = {
        "trigger": "scope" if scope_first else "claim",
        "scopes": [n["scope"] for n in novel],
        "last_seen": {n["scope"]: n["last_seen"] for n in novel},
        "lookback_days": lookback_days,
    }
    kind = event.type.replace("_", " ")
    if scope_first:
        # The broadest scope the story is new in is the strongest true statement ("first anywhere").
        broadest = novel[0]
        scope_name = describe_scope(broadest["scope"])
        if broadest["scope"] == "global":
            text = f"First {kind} reported anywhere in {lookback_days:g} days."
        else:
            text = f"First {kind} reported in {scope_name} in {lookback_days:g} days."
        if broadest["last_seen"]:
            text += f" Last seen {broadest['last_seen'][:10]}."
        if claim:
            text += f' The report says: "{claim["sentence"]}"'
    else:
        assert claim is not None
        text = f'Claimed first ({kind}), {event.source}: "{claim["sentence"]}"'
    if claim:
        evidence["claim"] = claim
    return build_alert(event, "new_type", alert_id(event.story_id, "new_type"), text, evidence, now)


def record_alert(
    event: Event,
    beaten: list[dict[str, Any]],
    series_prev: dict[str, dict[str, Any]],
    claim: dict[str, str] | None,
    now: datetime | None,
) -> Alert:
    """The ``record`` alert of a story: the counts it beats, or the report's own claim of a record."""
    evidence: dict[str, Any] = {"trigger": "magnitude" if beaten else "claim"}
    if beaten:
        main = beaten[0]
        evidence.update(main)
        evidence["records"] = beaten
        text = (
            f"Record {main['metric']}: {main['value']:g} ({main['series']}) — beats "
            f"{main['previous']:g} on {main['previous_at'][:10]}{cite(main)}."
        )
    else:
        text = "The report itself claims a record"
        if event.magnitude:
            metric, value = max(event.magnitude.items(), key=lambda kv: kv[1])
            prev = series_prev.get(metric)
            evidence.update(
                metric=metric,
                value=value,
                previous=prev["value"] if prev else None,
                previous_at=prev["at"] if prev else None,
            )
            text += f": {value:g} {metric}"
            if prev:
                evidence.update(
                    previous_source=prev["source"], previous_url=prev["url"], previous_title=prev["title"]
                )
                previous = {f"previous_{k}": prev[k] for k in ("source", "url", "title")}
                text += f" (highest we saw before: {prev['value']:g} on {prev['at'][:10]}{cite(previous)})"
        text += "."
    if claim:
        evidence["claim"] = claim
        text += f' The report says: "{claim["sentence"]}"'
    return build_alert(event, "record", alert_id(event.story_id, "record"), text, evidence, now)


def build_alert(
    event: Event,
    rule: str,
    ident: str,
    text: str,
    evidence: dict[str, Any],
    now: datetime | None,
    urls: list[str] | None = None,
) -> Alert:
    """An alert of ``event`` with the given id, rule, text and evidence, placed where it happened.

    A side's claimed figures the event carries beside its toll (``Event.claimed_counts``: Kabul's "58
    Pakistani soldiers" killed) go into the evidence as ``claimed``: no rule reads them, but the desk
    sees the claim next to the toll the alert gives."""
    if event.claimed_counts:
        evidence = {**evidence, "claimed": [c.model_dump(mode="json") for c in event.claimed_counts]}
    return Alert(
        id=ident,
        rule=rule,
        event_id=event.id,
        article_id=event.article_id,
        story_id=event.story_id,
        type=event.type,
        severity=event.severity,
        title=event.title or text,
        text=text,
        urls=urls or [event.url],
        created_at=now or utcnow(),
        published=event.published,
        fetched_at=event.fetched_at,
        location=where(event),
        evidence=evidence,
    )
