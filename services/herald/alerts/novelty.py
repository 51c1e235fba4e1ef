"""Novelty rules: alert on what is new and serious — a first of its kind, a record.

Pure logic over a dict-like store: a Faust table in the novelty worker, a plain dict in
``herald analyze`` and the tests. Nothing here knows about Kafka.

Partitioning. Every key starts with the event type, and ``news.events`` is keyed by type, so all the
state one event needs lives in the partition that owns its type: the stage scales over partitions
(up to the number of types) without cross-partition reads.

Rules (see the alerts README for examples):

* ``new_type`` — a story of severity >= ``min_severity`` whose type was not seen within
  ``new_type_lookback`` in one of its scopes: globally, in its country, its region (admin1), its city
  or place. Novelty is decided per *story*: the scopes a story is the first in are fixed when the
  story first appears, so the story can turn serious in a later article and still alert.
* ``record`` — a magnitude that beats every earlier value of its series (metric x type x the country
  attacked or affected) within ``record_lookback``, with at least one earlier value from another
  story; or, independently, an event whose own text claims a record ("record", "largest", ...). One
  ``record`` alert per story, whichever trigger comes first; the evidence names both.
* No alert below ``min_severity``, during the learning period, or for ``learn_only`` history.
* One alert per story and rule. Later events of the story add their sources; they raise an update
  (``update_of`` = the story's first alert) only when the story escalates: its severity rises, or a
  magnitude rises by at least ``escalation_min_increase`` over what the last alert said.

Idempotent under redelivery: an event already handled returns the alerts it raised then, with the
same ids and timestamps, so downstream ledgers see the same records again.

The heartbeat's canary events (type ``heartbeat``, see ``herald.core.canary``) bypass all of this:
each raises exactly one alert with rule ``heartbeat``, whose id follows from the event (so a
redelivered canary gives the same id, which delivery's ledger skips), and touches no state, so a
canary is never a first of its type, a point of a series, or a story's source.
"""

from __future__ import annotations

import copy
import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from herald.core.canary import HEARTBEAT_RULE, HEARTBEAT_TYPE
from herald.core.records import Actor, Alert, Event, stable_id, utcnow

CLAIM_PHRASES: tuple[str, ...] = (
    "record",
    "largest",
    "biggest",
    "most since",
    "highest number",
    "unprecedented",
)

# How many points a series keeps and how many events/sources a story remembers: bounds the state.
SERIES_POINTS = 64
STORY_EVENTS = 64
STORY_SOURCES = 20


@dataclass(frozen=True)
class NoveltyConfig:
    """The rules' knobs. The novelty worker builds this from ``AlertSettings``; analyze takes defaults."""

    min_severity: int = 4
    new_type_lookback: timedelta = timedelta(days=30)
    record_lookback: timedelta | None = None  # None: all history
    claim_phrases: tuple[str, ...] = CLAIM_PHRASES
    escalation_min_increase: float = 0.2
    learn_until: datetime | None = None
    warmup: timedelta = timedelta(0)
    retelling_window: timedelta = timedelta(hours=24)
    series_points: int = SERIES_POINTS

    def claim_pattern(self) -> re.Pattern[str]:
        words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in self.claim_phrases)
        return re.compile(rf"\b({words})\b", re.IGNORECASE)


@dataclass
class Outcome:
    """What one event did: the alerts it raised and why others were held back (for metrics)."""

    alerts: list[Alert] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    replayed: bool = False


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


def affected_country(event: Event) -> str | None:
    """The country a series is about: the one attacked (a target actor), else where it happened."""
    targets: list[Actor] = [a for a in event.actors if a.role == "target" and a.country_code]
    if targets:
        return targets[0].country_code
    if event.location and event.location.country_code:
        return event.location.country_code
    return None


def scopes(event: Event) -> list[str]:
    """Where a type can be new, broadest first: the world, the country, the region, the place.

    A location is only as fine as what it names: "Ukraine" is the country (no place scope of its
    own, or every report placed at country level would be a first in a "place" called Ukraine), an
    oblast is a region. The location's ``kind`` says which; without one, a name that is the name of
    an actor of the same country is taken for that country.
    """
    out = ["global"]
    loc = event.location
    if loc is None:
        return out
    cc = loc.country_code or "?"
    if loc.country_code:
        out.append(f"country:{cc}")
    kind = loc.kind or _implied_kind(event)
    if kind == "country":
        return out
    region = loc.admin1 or (loc.name if kind == "region" else None)
    if region:
        out.append(f"region:{cc}:{_norm(region)}")
    if kind != "region" and loc.name and _norm(loc.name) != _norm(region or ""):
        out.append(f"place:{cc}:{_norm(loc.name)}")
    return out


def _implied_kind(event: Event) -> str | None:
    """ "country" when the location's name is an actor's name of the same country ("Ukraine")."""
    loc = event.location
    if loc is None or not loc.country_code:
        return None
    name = _norm(loc.name)
    for actor in event.actors:
        if actor.country_code == loc.country_code and _norm(actor.name) == name:
            return "country"
    return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat()


def describe_scope(scope: str) -> str:
    kind, _, rest = scope.partition(":")
    if kind == "global":
        return "anywhere"
    if kind == "country":
        return rest
    cc, _, name = rest.partition(":")
    return f"{name.title()} ({cc})" if cc != "?" else name.title()


class NoveltyDetector:
    def __init__(self, store: MutableMapping[str, Any], config: NoveltyConfig | None = None) -> None:
        self.store = store
        self.config = config or NoveltyConfig()
        self._claims = self.config.claim_pattern()

    # -- public --------------------------------------------------------------------------------------
    def observe(self, event: Event, now: datetime | None = None) -> list[Alert]:
        return self.assess(event, now).alerts

    def assess(self, event: Event, now: datetime | None = None) -> Outcome:
        """Learn from ``event`` and return the alerts it raises. Safe to call twice for one event."""
        if event.type == HEARTBEAT_TYPE:
            # Never learned from; and history seeded by a backfill is never alerted on, canary or not.
            return Outcome([] if event.learn_only else [heartbeat_alert(event, now)])
        story_key = f"{event.type}|story|{event.story_id}"
        # Copies: a Faust table hands out its live objects, and a change must reach the changelog (by the
        # assignment at the end) or not happen at all, even if this call fails halfway.
        story: dict[str, Any] | None = copy.deepcopy(self.store.get(story_key))
        if story is not None and event.id in story["events"]:
            ids = story["events"][event.id]
            return Outcome([Alert.model_validate(story["alerts"][i]) for i in ids], replayed=True)
        when = event.published.timestamp()
        learning = self._learning(event, when)
        if story is None:
            story = {
                "first_at": when,
                "learned": learning,
                "scopes": [],
                "novel": [],
                "alerts": {},
                "rules": {},
                "order": [],
                "alerted": None,
                "sources": [],
                "events": {},
            }
        self._scopes(event, story, when)
        beaten, series_prev = self._series(event, when)
        outcome = Outcome()
        if story["learned"] or learning:
            outcome.suppressed.append("learning")
        elif event.severity < self.config.min_severity:
            if story["novel"] or beaten or self._claim(event):
                outcome.suppressed.append("low_severity")
        else:
            self._rules(event, story, beaten, series_prev, when, now, outcome)
        if event.url not in story["sources"] and len(story["sources"]) < STORY_SOURCES:
            story["sources"].append(event.url)
        story["events"][event.id] = [a.id for a in outcome.alerts]
        if len(story["events"]) > STORY_EVENTS:
            oldest = next(iter(story["events"]))
            del story["events"][oldest]
        self.store[story_key] = story
        return outcome

    # -- learning ------------------------------------------------------------------------------------
    def _learning(self, event: Event, when: float) -> bool:
        if event.learn_only:
            return True
        cfg = self.config
        if cfg.learn_until is not None and event.published < cfg.learn_until:
            return True
        if cfg.warmup > timedelta(0):
            # Anchored per type: the partition that owns a type knows when it first saw it.
            key = f"{event.type}|warmup"
            first = self.store.get(key)
            if first is None or when < first:
                self.store[key] = first = when
            return when - first < cfg.warmup.total_seconds()
        return False

    def _scopes(self, event: Event, story: dict[str, Any], when: float) -> None:
        """Mark the event's scopes seen; a scope new to the story counts as novel if unseen before."""
        lookback = self.config.new_type_lookback.total_seconds()
        for scope in scopes(event):
            key = f"{event.type}|seen|{scope}"
            last = self.store.get(key)
            if scope not in story["scopes"]:
                story["scopes"].append(scope)
                if last is None or when - last > lookback:
                    story["novel"].append(
                        {"scope": scope, "last_seen": _iso(last) if last is not None else None}
                    )
            if last is None or when > last:
                self.store[key] = when

    # -- series --------------------------------------------------------------------------------------
    def _series(self, event: Event, when: float) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
        """Compare each magnitude with its series' earlier values, then add it to the series.

        Returns the metrics this event beats (with evidence) and, for every metric, the previous high
        from other stories (or None) so a claim-only record alert can still cite it.
        """
        country = affected_country(event)
        beaten: list[dict[str, Any]] = []
        previous: dict[str, dict[str, Any]] = {}
        if country is None:
            return beaten, previous  # a series without a country would mix unrelated places
        lookback = self.config.record_lookback
        for metric, value in sorted(event.magnitude.items()):
            key = f"{event.type}|series|{metric}|{country}"
            points: list[list[Any]] = copy.deepcopy(self.store.get(key) or [])
            earlier = [
                p
                for p in points
                if p[2] != event.story_id
                and p[0] < when
                and (lookback is None or p[0] >= when - lookback.total_seconds())
            ]
            if earlier:
                top = max(earlier, key=lambda p: (p[1], -p[0]))
                prev = {"value": top[1], "at": _iso(top[0])}
                previous[metric] = prev
                if value > top[1]:
                    beaten.append(
                        {
                            "metric": metric,
                            "series": f"{metric} x {event.type} x {country}",
                            "value": value,
                            "previous": top[1],
                            "previous_at": prev["at"],
                        }
                    )
            self._add_point(points, event.story_id, when, value)
            self.store[key] = points
        return beaten, previous

    def _add_point(self, points: list[list[Any]], story_id: str, when: float, value: float) -> None:
        for p in points:
            if p[2] == story_id:
                if value > p[1]:
                    p[0], p[1] = when, value
                break
        else:
            points.append([when, value, story_id])
        points.sort(key=lambda p: p[0])
        lookback = self.config.record_lookback
        if lookback is not None:
            newest = points[-1][0]
            points[:] = [p for p in points if p[0] >= newest - lookback.total_seconds()]
        while len(points) > self.config.series_points:
            # Drop the smallest value: it can no longer be the high of any window that keeps larger ones.
            points.remove(min(points, key=lambda p: (p[1], p[0])))

    # -- rules ---------------------------------------------------------------------------------------
    def _claim(self, event: Event) -> dict[str, str] | None:
        for text in (event.title, *event.sentences):
            match = self._claims.search(text)
            if match:
                return {"phrase": match.group(0).lower(), "sentence": text[:500]}
        if event.record_claim:
            return {"phrase": "record", "sentence": (event.sentences or [event.title])[0][:500]}
        return None

    def _rules(
        self,
        event: Event,
        story: dict[str, Any],
        beaten: list[dict[str, Any]],
        series_prev: dict[str, dict[str, Any]],
        when: float,
        now: datetime | None,
        outcome: Outcome,
    ) -> None:
        fired: list[Alert] = []
        if story["novel"] and "new_type" not in story["rules"]:
            fired.append(self._new_type(event, story, now))
        if "record" not in story["rules"]:
            claim = self._claim(event)
            if claim and not beaten and self._retelling(event, when):
                outcome.suppressed.append("retelling")
                claim = None
            if beaten or claim:
                fired.append(self._record(event, beaten, series_prev, claim, now))
                self._remember_record(event, when)
        if not fired and story["alerted"] is not None:
            update = self._escalation(event, story, now)
            if update is not None:
                fired.append(update)
        for alert in fired:
            story["alerts"][alert.id] = alert.model_dump(mode="json")
            story["order"].append(alert.id)
            if alert.update_of is None:
                story["rules"][alert.rule] = alert.id
        if fired:
            story["alerted"] = self._level(event, story, when)
        outcome.alerts.extend(fired)

    def _level(self, event: Event, story: dict[str, Any], when: float) -> dict[str, Any]:
        """What the story's alerts have said so far: escalation is measured against it."""
        last = story["alerted"] or {"severity": 0, "magnitude": {}, "level": -1}
        magnitude = dict(last["magnitude"])
        for metric, value in event.magnitude.items():
            magnitude[metric] = max(value, magnitude.get(metric, value))
        return {
            "severity": max(event.severity, last["severity"]),
            "magnitude": magnitude,
            "level": last["level"] + 1,
            "at": _iso(when),
        }

    def _new_type(self, event: Event, story: dict[str, Any], now: datetime | None) -> Alert:
        novel = story["novel"]
        # The broadest scope the story is new in is the strongest true statement ("first anywhere").
        broadest = novel[0]
        where = describe_scope(broadest["scope"])
        lookback_days = self.config.new_type_lookback.total_seconds() / 86400
        if broadest["scope"] == "global":
            text = f"First {event.type.replace('_', ' ')} reported anywhere in {lookback_days:g} days."
        else:
            text = f"First {event.type.replace('_', ' ')} reported in {where} in {lookback_days:g} days."
        if broadest["last_seen"]:
            text += f" Last seen {broadest['last_seen'][:10]}."
        evidence = {
            "scopes": [n["scope"] for n in novel],
            "last_seen": {n["scope"]: n["last_seen"] for n in novel},
            "lookback_days": lookback_days,
        }
        return self._alert(event, "new_type", alert_id(event.story_id, "new_type"), text, evidence, now)

    def _record(
        self,
        event: Event,
        beaten: list[dict[str, Any]],
        series_prev: dict[str, dict[str, Any]],
        claim: dict[str, str] | None,
        now: datetime | None,
    ) -> Alert:
        evidence: dict[str, Any] = {"trigger": "magnitude" if beaten else "claim"}
        if beaten:
            main = beaten[0]
            evidence.update(main)
            evidence["records"] = beaten
            text = (
                f"Record {main['metric']}: {main['value']:g} — previous high {main['previous']:g} "
                f"on {main['previous_at'][:10]} ({main['series']})."
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
                    text += f" (highest we saw before: {prev['value']:g} on {prev['at'][:10]})"
            text += "."
        if claim:
            evidence["claim"] = claim
        return self._alert(event, "record", alert_id(event.story_id, "record"), text, evidence, now)

    def _retelling(self, event: Event, when: float) -> bool:
        """A record claim after another story's record alert of the same type and country, within the
        window, that reports nothing bigger: most likely the same record retold under a new story id."""
        key = f"{event.type}|claim|{affected_country(event) or '?'}"
        last = self.store.get(key)
        if not last or last["story_id"] == event.story_id:
            return False
        if abs(when - last["at"]) > self.config.retelling_window.total_seconds():
            return False
        return all(
            value <= last["magnitude"].get(metric, float("-inf")) for metric, value in event.magnitude.items()
        )

    def _remember_record(self, event: Event, when: float) -> None:
        key = f"{event.type}|claim|{affected_country(event) or '?'}"
        self.store[key] = {"story_id": event.story_id, "at": when, "magnitude": dict(event.magnitude)}

    def _escalation(self, event: Event, story: dict[str, Any], now: datetime | None) -> Alert | None:
        last = story["alerted"]
        changes: dict[str, Any] = {}
        if event.severity > last["severity"]:
            changes["severity"] = {"previous": last["severity"], "value": event.severity}
        factor = 1.0 + self.config.escalation_min_increase
        rises = {}
        for metric, value in sorted(event.magnitude.items()):
            before = last["magnitude"].get(metric)
            if value > (before or 0.0) and (before is None or value >= before * factor):
                rises[metric] = {"previous": before, "value": value}
        if rises:
            changes["magnitude"] = rises
        if not changes:
            return None
        first_id = story["order"][0]
        first = story["alerts"][first_id]
        level = last["level"] + 1
        parts = []
        if "severity" in changes:
            parts.append(f"severity {last['severity']} -> {event.severity}")
        for metric, rise in rises.items():
            before = "none" if rise["previous"] is None else f"{rise['previous']:g}"
            parts.append(f"{metric} {before} -> {rise['value']:g}")
        text = (
            f"Update: the story escalates ({'; '.join(parts)}). {len(story['sources']) + 1} sources so far."
        )
        evidence: dict[str, Any] = {"escalation": changes, "level": level, "previous_at": last["at"]}
        if rises:
            metric, rise = next(iter(rises.items()))
            evidence.update(metric=metric, value=rise["value"], previous=rise["previous"])
        urls = [event.url, *[u for u in story["sources"] if u != event.url]][:5]
        alert = self._alert(
            event, first["rule"], update_id(event.story_id, first["rule"], level), text, evidence, now, urls
        )
        alert.update_of = first_id
        return alert

    def _alert(
        self,
        event: Event,
        rule: str,
        ident: str,
        text: str,
        evidence: dict[str, Any],
        now: datetime | None,
        urls: list[str] | None = None,
    ) -> Alert:
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
            location=event.location,
            evidence=evidence,
        )
