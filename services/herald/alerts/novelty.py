"""Novelty rules: alert on what is new and serious — a first of its kind, a record.

Pure logic over a dict-like store: a Faust table in the novelty worker, a plain dict in
``herald analyze`` and the tests. Nothing here knows about Kafka.

Partitioning. Every key starts with the event type or its family (``herald.core.families``), and
``news.events`` is keyed by family, so all the state one event needs
lives in the partition that owns its family: the stage scales over partitions (up to the number of
families) without cross-partition reads.

Rules (see the alerts README for examples and the numbers behind the defaults):

* ``new_type`` — a story of severity >= ``min_severity`` whose type was not seen within
  ``new_type_lookback`` in one of its scopes: globally, in its country, its region (admin1), its city
  or place. Novelty is decided per *story*: the scopes a story is the first in are fixed when the
  story first appears, so the story can turn serious in a later article and still alert. A first
  whose broadest scope is a region or place must be news: held while the type is routine in the
  country (seen on ``routine_min_days`` of the last ``routine_window``) unless the event reaches
  ``local_min_killed``. The event's own claim of a first (``Event.claims``) alerts too, from
  ``first_claim_min_severity``, routine or not.
* ``record`` — this event's count beats every earlier value of its series (metric x type x the
  country attacked or affected) within ``record_lookback``, with at least one earlier value from
  another story; or the event's own claim of a record about itself (``Event.claims``, which classify
  fills). One ``record`` alert per story; its text names the report it beats.
* No alert during the learning period or for ``learn_only`` history; a retelling that story grouping
  split off (the same count as another story of the type alerted within ``retelling_window``) is
  neither alerted nor learned from.
* One alert per story and rule. Later events of the story add their sources; they raise an update
  (``update_of`` = the story's first alert) only when the event escalates: a count the alerts gave
  rises by at least ``escalation_min_increase``, in a report published after the alerted one.
* Every candidate held back says why (``Outcome.held``): ``herald analyze --explain`` prints it.

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
from herald.core.countries import is_country_name
from herald.core.families import family_of
from herald.core.records import Actor, Alert, Event, Location, stable_id, utcnow

# How many points a series keeps and how many events/sources a story remembers: bounds the state.
SERIES_POINTS = 64
STORY_EVENTS = 64
STORY_SOURCES = 20
RECENT_ALERTS = 32  # alerted stories per family kept to recognise a retelling split off into a new story
RECENT_ARTICLES = 256  # reports per family whose event alerted, for their other events of the family
RETOLD_MIN_COUNT = 10  # below this, two stories sharing a count ("1 killed") says nothing
# Counts whose rise is the story escalating: tolls and people affected; not wounded (outlets count them
# differently for hours), not the weapons launched (a retelling's figure, not a change in the world).
ESCALATION_METRICS = (
    "killed",
    "missing",
    "affected",
    "displaced",
    "evacuated",
)


@dataclass(frozen=True)
class NoveltyConfig:
    """The rules' knobs. The novelty worker builds this from ``AlertSettings``; analyze takes defaults."""

    min_severity: int = 4
    new_type_lookback: timedelta = timedelta(days=30)
    record_lookback: timedelta | None = None  # None: all history
    first_claim_min_severity: int = 3
    escalation_min_increase: float = 0.2
    escalation_metrics: tuple[str, ...] = ESCALATION_METRICS
    learn_until: datetime | None = None
    warmup: timedelta = timedelta(0)
    retelling_window: timedelta = timedelta(hours=24)
    series_points: int = SERIES_POINTS
    routine_window: timedelta = timedelta(days=30)
    routine_min_days: int = 1
    local_min_killed: float = 10
    record_min_value: float = 10


@dataclass
class Outcome:
    """What one event did: the alerts it raised and why others were held back (for metrics)."""

    alerts: list[Alert] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    replayed: bool = False
    # Why each candidate was held back: {"rule", "reason", "detail"}; ``herald analyze --explain``.
    held: list[dict[str, Any]] = field(default_factory=list)

    def hold(self, rule: str, reason: str, detail: str) -> None:
        self.suppressed.append(reason)
        self.held.append({"rule": rule, "reason": reason, "detail": detail})


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


def where(event: Event) -> Location | None:
    """Where the event happened, as novelty reads it: the event's location, except a location in the
    attacker's own country when a target of another country is named. "Russia launches 472 drones at
    Ukraine", placed in Russia by an outlet, happened in Ukraine (at country level: which place there
    is unknown)."""
    loc = event.location
    if loc is None or not loc.country_code:
        return loc
    attackers = {a.country_code for a in event.actors if a.role == "attacker" and a.country_code}
    targets = [a for a in event.actors if a.role == "target" and a.country_code]
    if loc.country_code in attackers and targets and targets[0].country_code not in attackers:
        return Location(name=targets[0].name, country_code=targets[0].country_code, kind="country")
    return loc


def affected_country(event: Event) -> str | None:
    """The country a series is about: where it happened (the country attacked or affected), else a
    target actor's country. Never the attacker's or the reporting agency's."""
    loc = where(event)
    if loc and loc.country_code:
        return loc.country_code
    targets: list[Actor] = [a for a in event.actors if a.role == "target" and a.country_code]
    if targets:
        return targets[0].country_code
    return None


def _point_source(point: list[Any]) -> dict[str, Any]:
    """The report a series point came from (points stored before sources were kept have none)."""
    source, url, title = [*point[3:6], None, None, None][:3]
    return {"source": source, "url": url, "title": title}


def _cite(beaten: dict[str, Any]) -> str:
    if not beaten.get("previous_source"):
        return ""
    title = f' "{beaten["previous_title"]}"' if beaten.get("previous_title") else ""
    return f" ({beaten['previous_source']}{title}, {beaten['previous_url']})"


def scopes(event: Event) -> list[str]:
    """Where a type can be new, broadest first: the world, the country, the region, the place.

    A location is only as fine as what it names: "Ukraine" is the country (no place scope of its
    own, or every report placed at country level would be a first in a "place" called Ukraine), an
    oblast is a region. The location's ``kind`` says which; without one, a name that is the name of
    an actor of the same country is taken for that country.
    """
    out = ["global"]
    loc = where(event)
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
    """ "country" when the location, with no region, is the country's name or an actor's name of that
    country ("Ukraine"). A city attacked is an actor too, but the gazetteer gives a city its region."""
    loc = where(event)
    if loc is None or not loc.country_code or loc.admin1:
        return None
    if is_country_name(loc.name, loc.country_code):
        return "country"
    return _actor_named(event, loc)


def _actor_named(event: Event, loc: Location) -> str | None:
    """ "country" when the location bears the name of an actor of its country (a spelling the country
    table lacks)."""
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
        outcome = Outcome()
        retold = None if story["learned"] or learning else self._retold(event, when)
        if retold:
            # Neither alerted nor learned from: its place and count are the ones that disagreed with
            # the story it retells, and would make the next real first in that place look seen.
            outcome.hold("any", "retelling", retold)
        else:
            self._scopes(event, story, when)
            beaten, series_prev = self._series(event, when)
            if story["learned"] or learning:
                outcome.hold("any", "learning", "learned during the learning period or from history")
            else:
                self._rules(event, story, beaten, series_prev, when, now, outcome)
        if not retold and story["alerted"] is not None:
            self._remember_article(event)
        if not retold:
            counts = story.setdefault("counts", {})
            for metric, value in event.magnitude.items():
                counts[metric] = max(value, counts.get(metric, value))
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

    def _routine(self, event: Event, when: float) -> dict[str, Any] | None:
        """How often the event's country sees its type: the days with one within the window around
        the event's day (before or after: reports arrive out of published order, and a strike reported
        first but published a day later still shows the country is at it), its own day excluded.

        Records this event's day too. Returns ``{"country", "days", "window_days"}``, or None without
        a country.
        """
        loc = where(event)
        if loc is None or not loc.country_code:
            return None
        key = f"{event.type}|days|{loc.country_code}"
        window_days = max(1, round(self.config.routine_window.total_seconds() / 86400))
        today = int(when // 86400)
        days: list[int] = list(self.store.get(key) or [])
        around = sorted(d for d in days if d != today and abs(d - today) <= window_days)
        if today not in days:
            days.append(today)
        newest = max(days)
        self.store[key] = sorted(d for d in days if d > newest - window_days - 1)
        return {"country": loc.country_code, "days": len(around), "window_days": window_days}

    def _scopes(self, event: Event, story: dict[str, Any], when: float) -> None:
        """Mark the event's scopes seen; a scope new to the story counts as novel if unseen before."""
        routine = self._routine(event, when)
        if story.get("routine") is None:  # a first report without a country says nothing of routine
            story["routine"] = routine
        lookback = self.config.new_type_lookback.total_seconds()
        for scope in scopes(event):
            key = f"{family_of(event.type)}|seen|{scope}"
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
        from other stories (or None) so a claim-only record alert can still cite it. A point keeps
        the report it came from (source, URL, title), so an alert names the event it beats.
        """
        country = affected_country(event)
        beaten: list[dict[str, Any]] = []
        previous: dict[str, dict[str, Any]] = {}
        if country is None:
            return beaten, previous  # a series without a country would mix unrelated places
        lookback = self.config.record_lookback
        family = family_of(event.type)
        for metric, value in sorted(event.magnitude.items()):
            key = f"{family}|series|{metric}|{country}"
            points: list[list[Any]] = copy.deepcopy(self.store.get(key) or [])
            earlier = [
                p
                for p in points
                if p[2] != event.story_id
                and p[0] < when
                and (lookback is None or p[0] >= when - lookback.total_seconds())
            ]
            series = f"{metric} x {event.type} x {country}"  # kept with the family's other types
            if earlier:
                top = max(earlier, key=lambda p: (p[1], -p[0]))
                prev = {"value": top[1], "at": _iso(top[0]), **_point_source(top)}
                previous[metric] = prev
                if value > top[1] and value >= self.config.record_min_value:
                    beaten.append(
                        {
                            "metric": metric,
                            "series": series,
                            "value": value,
                            "previous": top[1],
                            "previous_at": prev["at"],
                            "previous_source": prev["source"],
                            "previous_url": prev["url"],
                            "previous_title": prev["title"],
                            "family": family,
                            "previous_story": top[2],
                            "previous_type": top[6] if len(top) > 6 else event.type,
                        }
                    )
            self._add_point(points, event, when, value)
            self.store[key] = points
        return beaten, previous

    def _add_point(self, points: list[list[Any]], event: Event, when: float, value: float) -> None:
        source = [event.source, event.url, (event.title or "")[:200], event.type]
        for p in points:
            if p[2] == event.story_id:
                if value > p[1]:
                    p[:] = [when, value, event.story_id, *source]
                break
        else:
            points.append([when, value, event.story_id, *source])
        points.sort(key=lambda p: p[0])
        lookback = self.config.record_lookback
        if lookback is not None:
            newest = points[-1][0]
            points[:] = [p for p in points if p[0] >= newest - lookback.total_seconds()]
        while len(points) > self.config.series_points:
            # Drop the smallest value: it can no longer be the high of any window that keeps larger ones.
            points.remove(min(points, key=lambda p: (p[1], p[0])))

    # -- rules ---------------------------------------------------------------------------------------
    @staticmethod
    def _claim(event: Event, kind: str = "record") -> dict[str, str] | None:
        """The event's own claim of a record or a first (classify fills ``Event.claims``)."""
        for claim in event.claims:
            if claim.kind == kind:
                return {"kind": kind, "sentence": claim.text[:500]}
        if kind == "record" and event.record_claim:
            return {"kind": kind, "sentence": (event.sentences or [event.title])[0][:500]}
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
        cfg = self.config
        severe = event.severity >= cfg.min_severity
        claim_ok = event.severity >= cfg.first_claim_min_severity
        low = f"severity {event.severity} < {cfg.min_severity} (HERALD_NOVELTY_MIN_SEVERITY)"
        low_claim = (
            f"severity {event.severity} < {cfg.first_claim_min_severity} "
            "(HERALD_NOVELTY_FIRST_CLAIM_MIN_SEVERITY)"
        )
        fired: list[Alert] = []
        other_type = self._same_article(event)
        if other_type and not story["rules"]:
            # One real-world event, one page: the report's other event already alerted in the family.
            outcome.hold("any", "same_event_other_type", other_type)
        elif "new_type" not in story["rules"]:
            first = self._claim(event, "first")
            routine = self._routine_hold(event, story) if story["novel"] else None
            nearby = self._alerted_in_country(event, story, when) if story["novel"] and not routine else None
            scope_first = bool(story["novel"]) and severe and routine is None and nearby is None
            if story["novel"] and not severe:
                outcome.hold("new_type", "low_severity", low)
            elif routine:
                outcome.hold("new_type", "routine_in_country", routine)
            elif nearby:
                outcome.hold("new_type", "alerted_in_country", nearby)
            if first and not claim_ok:
                outcome.hold("new_type", "low_severity", f"claimed first: {low_claim}")
                first = None
            if scope_first or first:
                fired.append(self._new_type(event, story, first if claim_ok else None, scope_first, now))
        if "record" not in story["rules"]:
            claim = self._claim(event)
            if beaten and not severe:
                outcome.hold("record", "low_severity", low)
                beaten = []
            if claim and not severe:
                outcome.hold("record", "low_severity", f"claimed record: {low}")
                claim = None
            if claim and not beaten and self._retelling(event, when):
                outcome.hold(
                    "record",
                    "retelling",
                    "a record claim within HERALD_NOVELTY_RETELLING_HOURS of another story's record "
                    "alert of the same type and country, reporting nothing bigger",
                )
                claim = None
            conceded = self._conceded(event, claim, series_prev) if claim and not beaten else None
            if conceded:
                outcome.hold("record", "claim_concedes_higher", conceded)
                claim = None
            follow_up = None
            tolls = [b for b in beaten if b["metric"] in cfg.escalation_metrics]
            if tolls and not claim:
                follow_up = self._follow_up(event, tolls[0], when, now, outcome)
            if follow_up is not None:
                fired.extend(follow_up)
                if follow_up:
                    fired = self._local_first_superseded(story, fired, outcome)
            elif other_type and not story["rules"]:
                pass
            elif beaten or claim:
                fired.append(self._record(event, beaten, series_prev, claim, now))
                self._remember_record(event, when)
                fired = self._local_first_superseded(story, fired, outcome)
        if not fired and story["alerted"] is not None and severe:
            update = self._escalation(event, story, when, now, outcome)
            if update is not None:
                fired.append(update)
        for alert in fired:
            story["alerts"][alert.id] = alert.model_dump(mode="json")
            story["order"].append(alert.id)
            if alert.update_of is None:
                story["rules"][alert.rule] = alert.id
        if fired:
            story["alerted"] = self._level(event, story, when)
            self._remember_alert(event, when)  # an update's count too: a later retelling repeats it
        outcome.alerts.extend(fired)

    def _local_first_superseded(
        self, story: dict[str, Any], fired: list[Alert], outcome: Outcome
    ) -> list[Alert]:
        """The alerts without a region or place first that a record of the same event makes redundant.

        Such a first alerts where the type is routine in the country only because the event is deadly
        (``local_min_killed``); when the same report also raises a record (or updates the alert of the
        event it is a later report of), that says it
        better, and one real-world event pages once. A first in the country or the world, or a
        claimed first, stays.
        """
        first = next((a for a in fired if a.rule == "new_type"), None)
        if first is None or first.evidence.get("trigger") != "scope" or "claim" in first.evidence:
            return fired
        broadest = story["novel"][0]["scope"]
        routine = story.get("routine")
        if not broadest.startswith(("region:", "place:")) or routine is None:
            return fired
        if routine["days"] < self.config.routine_min_days:
            return fired
        outcome.hold(
            "new_type",
            "record_instead",
            f"first in {describe_scope(broadest)}, where {routine['country']} sees the type routinely; "
            "the same report raises a record or updates the event's alert",
        )
        story["novel"] = []  # spent: a later report of the story does not raise it either
        return [a for a in fired if a is not first]

    def _level(self, event: Event, story: dict[str, Any], when: float) -> dict[str, Any]:
        """What the story's alerts have said so far: escalation is measured against it."""
        last = story["alerted"] or {"severity": 0, "magnitude": {}, "level": -1, "reported": when}
        magnitude = dict(last["magnitude"])
        for metric, value in event.magnitude.items():
            magnitude[metric] = max(value, magnitude.get(metric, value))
        return {
            "severity": max(event.severity, last["severity"]),
            "magnitude": magnitude,
            "level": last["level"] + 1,
            "at": _iso(when),
            "reported": max(when, last.get("reported", when)),
        }

    def _routine_hold(self, event: Event, story: dict[str, Any]) -> str | None:
        """Why a region or place first is not news, or None when it is.

        A first in a region or place is news when the country has not seen the type on
        ``routine_min_days`` of the last ``routine_window`` days, or when the event is severe enough on
        its own: ``local_min_killed`` killed. Not classify's severity: its 5 goes to ordinary nights of
        a war (a 130-drone night with one dead). A first in the country or the world always is news.
        """
        broadest = story["novel"][0]["scope"]
        if not broadest.startswith(("region:", "place:")):
            return None
        routine = story.get("routine")
        cfg = self.config
        if routine is None or routine["days"] < cfg.routine_min_days:
            return None
        killed = event.magnitude.get("killed", 0.0)
        if killed >= cfg.local_min_killed:
            return None
        return (
            f"first in {describe_scope(broadest)}, but {routine['country']} saw {event.type} on "
            f"{routine['days']} other day{'s' if routine['days'] != 1 else ''} within "
            f"{routine['window_days']} days "
            f"(routine from {cfg.routine_min_days}, HERALD_NOVELTY_ROUTINE_MIN_DAYS) and {killed:g} killed "
            f"< {cfg.local_min_killed:g} (HERALD_NOVELTY_LOCAL_MIN_KILLED)"
        )

    def _new_type(
        self,
        event: Event,
        story: dict[str, Any],
        claim: dict[str, str] | None,
        scope_first: bool,
        now: datetime | None,
    ) -> Alert:
        novel = story["novel"]
        lookback_days = self.config.new_type_lookback.total_seconds() / 86400
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
            where = describe_scope(broadest["scope"])
            if broadest["scope"] == "global":
                text = f"First {kind} reported anywhere in {lookback_days:g} days."
            else:
                text = f"First {kind} reported in {where} in {lookback_days:g} days."
            if broadest["last_seen"]:
                text += f" Last seen {broadest['last_seen'][:10]}."
            if claim:
                text += f' The report says: "{claim["sentence"]}"'
        else:
            assert claim is not None
            text = f'Claimed first ({kind}), {event.source}: "{claim["sentence"]}"'
        if claim:
            evidence["claim"] = claim
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
                f"Record {main['metric']}: {main['value']:g} ({main['series']}) — beats "
                f"{main['previous']:g} on {main['previous_at'][:10]}{_cite(main)}."
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
                    cite = {f"previous_{k}": prev[k] for k in ("source", "url", "title")}
                    text += f" (highest we saw before: {prev['value']:g} on {prev['at'][:10]}{_cite(cite)})"
            text += "."
        if claim:
            evidence["claim"] = claim
            text += f' The report says: "{claim["sentence"]}"'
        return self._alert(event, "record", alert_id(event.story_id, "record"), text, evidence, now)

    @staticmethod
    def _conceded(event: Event, claim: dict[str, str], series_prev: dict[str, dict[str, Any]]) -> str | None:
        """A "deadliest since ..." claim whose own count is below a high the series already holds:
        "the deadliest attack since Barsalogho in August, in which up to 600 people were killed" on a
        25-dead attack names the bigger event it does not beat. Why it is no record, or None."""
        if not re.search(r"\bsince\b", claim["sentence"], re.I):
            return None
        for metric, value in event.magnitude.items():
            prev = series_prev.get(metric)
            if prev is not None and value < prev["value"]:
                return (
                    f'claims a record "since" an earlier event, but its {value:g} {metric} is below the '
                    f"{prev['value']:g} of {prev['at'][:10]} ({prev['source']})"
                )
        return None

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

    def _retold(self, event: Event, when: float) -> str | None:
        """Another story of the type alerted within the retelling window with the same count (at least
        ``RETOLD_MIN_COUNT``, within 1 %): the same event, retold where story grouping split it off —
        e.g. an outlet that placed the barrage in the attacker's country. Why, or None.

        A tie is never a record and two events rarely share an exact count within a day, so this
        costs little recall; it is what keeps one barrage from paging twice.
        """
        window = self.config.retelling_window.total_seconds()
        for prior in self.store.get(f"{family_of(event.type)}|alerted") or []:
            if prior["story_id"] == event.story_id or abs(when - prior["at"]) > window:
                continue
            for metric, value in event.magnitude.items():
                other = prior["magnitude"].get(metric)
                if other is None or min(value, other) < RETOLD_MIN_COUNT:
                    continue
                if abs(value - other) <= 0.01 * max(value, other):
                    return (
                        f"same {metric} ({value:g}) as another story alerted {_iso(prior['at'])[:16]} "
                        f"({prior['source']}, {prior['url']}): a retelling (HERALD_NOVELTY_RETELLING_HOURS)"
                    )
        return None

    def _remember_alert(self, event: Event, when: float) -> None:
        key = f"{family_of(event.type)}|alerted"
        window = self.config.retelling_window.total_seconds()
        recent = [p for p in self.store.get(key) or [] if when - p["at"] <= window]
        recent.append(
            {
                "story_id": event.story_id,
                "at": when,
                "magnitude": dict(event.magnitude),
                "source": event.source,
                "url": event.url,
                "country": affected_country(event),
                "type": event.type,
            }
        )
        self.store[key] = recent[-RECENT_ALERTS:]

    def _alerted_in_country(self, event: Event, story: dict[str, Any], when: float) -> str | None:
        """Why a region or place first is the same event as another story of the family alerted in the
        country within the retelling window (gunfire in the capital the morning of a coup), or None."""
        broadest = story["novel"][0]["scope"]
        country = affected_country(event)
        if not broadest.startswith(("region:", "place:")) or country is None:
            return None
        window = self.config.retelling_window.total_seconds()
        for prior in self.store.get(f"{family_of(event.type)}|alerted") or []:
            if prior["story_id"] == event.story_id or prior.get("country") != country:
                continue
            if abs(when - prior["at"]) <= window:
                kind = prior.get("type", event.type)
                return (
                    f"first in {describe_scope(broadest)}, but {country} has a {kind} "
                    f"alerted {_iso(prior['at'])[:16]} ({prior['source']}, {prior['url']}): the same event "
                    "told from a place in it (HERALD_NOVELTY_RETELLING_HOURS)"
                )
        return None

    def _remember_article(self, event: Event) -> None:
        """Note that this report's event is part of an alerted story, for the report's other events of
        the family. Keeps the last ``RECENT_ARTICLES`` reports: their other events follow within a batch."""
        key = f"{family_of(event.type)}|articles"
        # A copy of the outer dict and of the one entry changed: the table's live objects stay as they
        # are, for a quarter of a deep copy's cost (it ran on every alerted event).
        recent: dict[str, dict[str, str]] = dict(self.store.get(key) or {})
        types = dict(recent.pop(event.article_id, {}))
        types.setdefault(event.type, event.story_id)
        recent[event.article_id] = types
        while len(recent) > RECENT_ARTICLES:
            del recent[next(iter(recent))]
        self.store[key] = recent

    def _same_article(self, event: Event) -> str | None:
        """Why this event is a part of one the same report already alerted on, or None.

        Classify may read one report as two events of a family (a barrage's drones and its missiles, a
        flood and its evacuations): the first one to alert speaks for the report.
        """
        types = (self.store.get(f"{family_of(event.type)}|articles") or {}).get(event.article_id) or {}
        others = sorted(t for t in types if t != event.type)
        if not others:
            return None
        return (
            f"the same report already alerted as {others[0]} (story {types[others[0]]}), "
            f"one event of the {family_of(event.type)} family"
        )

    def _follow_up(
        self, event: Event, main: dict[str, Any], when: float, now: datetime | None, outcome: Outcome
    ) -> list[Alert] | None:
        """The event's record beats the count of a story alerted within the retelling window: most
        likely a later report of that event that story grouping split off (a rising toll under a new
        headline). It escalates that story (an update of its alert) rather than raising a record. Only
        for tolls (``escalation_metrics``): a higher count of drones the next night is a new barrage.

        Returns the alerts it raises (none when the rise is too small or a revision down), or None when
        the beaten story did not alert recently.
        """
        key = f"{main.get('previous_type') or event.type}|story|{main.get('previous_story')}"
        other = copy.deepcopy(self.store.get(key))
        if other is None or other.get("alerted") is None or not other["order"]:
            return None
        if when - other["alerted"].get("reported", 0.0) > self.config.retelling_window.total_seconds():
            return None
        outcome.hold(
            "record",
            "follow_up",
            f"beats {main['previous']:g} of a story alerted within HERALD_NOVELTY_RETELLING_HOURS "
            f"({main['previous_source']}, {main['previous_url']}): the same event, reported later",
        )
        update = self._escalation(event, other, when, now, outcome)
        if update is None:
            return []
        other["alerts"][update.id] = update.model_dump(mode="json")
        other["order"].append(update.id)
        other["alerted"] = self._level(event, other, when)
        self.store[key] = other
        return [update]

    def _remember_record(self, event: Event, when: float) -> None:
        key = f"{event.type}|claim|{affected_country(event) or '?'}"
        self.store[key] = {"story_id": event.story_id, "at": when, "magnitude": dict(event.magnitude)}

    def _escalation(
        self, event: Event, story: dict[str, Any], when: float, now: datetime | None, outcome: Outcome
    ) -> Alert | None:
        """An update when the event itself escalated: a toll (``escalation_metrics``) rises enough over
        what the last alert said or, when it said none, over what the story's earlier reports said, in
        a report published after the alerted one.

        A count no earlier report gave ("killed none -> 1") is how another outlet's wording was read,
        not a change in the world; nor is a higher severity on its own; nor a report published before
        the alerted one (a retelling that arrived late).
        """
        last = story["alerted"]
        factor = 1.0 + self.config.escalation_min_increase
        counts = story.get("counts") or {}
        rises: dict[str, dict[str, Any]] = {}
        for metric, value in sorted(event.magnitude.items()):
            if metric not in self.config.escalation_metrics:
                continue
            before = last["magnitude"].get(metric, counts.get(metric))
            if before is None:
                if value > 0:
                    why = f"{metric} {value:g}: the story's earlier reports gave no {metric} count"
                    outcome.hold("update", "new_count", why)
                continue
            if value > before and value >= before * factor:
                rises[metric] = {"previous": before, "value": value}
        if not rises:
            return None
        if when <= last.get("reported", float("-inf")):
            outcome.hold("update", "earlier_report", "published before the report the last alert rests on")
            return None
        first_id = story["order"][0]
        first = story["alerts"][first_id]
        if first.get("update_of"):  # a story that began as another story's follow-up updates that alert
            first_id = first["update_of"]
        level = last["level"] + 1
        parts = [f"{metric} {rise['previous']:g} -> {rise['value']:g}" for metric, rise in rises.items()]
        text = (
            f"Update: the story escalates ({'; '.join(parts)}). {len(story['sources']) + 1} sources so far."
        )
        changes: dict[str, Any] = {"magnitude": rises}
        if event.severity > last["severity"]:
            changes["severity"] = {"previous": last["severity"], "value": event.severity}
        evidence: dict[str, Any] = {"escalation": changes, "level": level, "previous_at": last["at"]}
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
            location=where(event),
            evidence=evidence,
        )
