"""Grouping events into stories: retellings of one event share a ``story_id``; look-alikes do not.

Pure logic over a dict-like store (the ``stories`` Faust table in the worker, a dict offline).
``news.classified`` is keyed by event type, so every event of a type reaches the same partition and
the candidates a new event must be compared with are local to the worker that owns it.

How an event finds its story
----------------------------
Only stories of the same type whose time span can still take it are compared (``open`` stories):
the event is published no later than ``span`` after the story's first report and no later than
``idle`` after its latest. That is what separates two barrages on consecutive nights and two
earthquakes a week apart: retellings of one event come within hours, the next event a day or more
later. Within the window a candidate is scored on evidence that it is the *same* event:

* place: the same place or first-level region (+2), else the same country (+1) but different named
  regions (-1); a different country rules the story out;
* actors: any shared actor or actor country (+1);
* magnitude: the same count of a precisely reported quantity (drones, missiles, quake magnitude,
  within ``size_tolerance``) (+1.5); a contradicting one rules the story out, because two outlets
  do not disagree by a third on the number of drones the air force announced. Casualty figures
  are not used against a story: tolls rise as reports come in.

The best candidate scoring at least ``min_score`` wins; otherwise the event opens a new story whose id
derives from the event that opened it, so a replay gives the same ids.

The heartbeat's canary events (type ``heartbeat``, see ``herald.core.canary``) are kept apart: each
is a story of its own, with the id a new story would get, and nothing is stored for it, so canaries
neither join nor open nor close any story, and the table does not grow by one story per round.

What a story keeps: its id, first and last report time, where and who, the latest figures (and the
highest), and the sources and articles that reported it, including copies the dedup stage dropped
(``add_copy``). Stories are forgotten ``retention`` after they close.

Storage layout (all keys written only by events of the type's partition)::

    open:<type>          [[story id, first µs, last µs], ...]   stories that can still take events
    closed:<type>        [[story id, last µs], ...]             closed, kept until retention
    story:<id>           the story record
    event:<event id>     story id (a redelivered event gets the same story)
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from herald.core.canary import HEARTBEAT_TYPE
from herald.core.records import Event, stable_id

from .messages import StorySource

HARD_UNITS = frozenset(
    {"drones", "missiles", "rockets", "shells", "magnitude", "ballistic_missiles", "cruise_missiles"}
)
MAX_LISTED = 300  # sources or articles listed per story; the counts go on beyond it


@dataclass(frozen=True)
class StoryConfig:
    span: timedelta = timedelta(hours=18)  # latest a retelling may come after the first report
    idle: timedelta = timedelta(hours=10)  # ... and after the story's latest report
    lead: timedelta = timedelta(hours=6)  # earliest before the first report (out-of-order arrival)
    size_tolerance: float = 0.25
    min_score: float = 1.0
    retention: timedelta = timedelta(days=7)


def _us(when: datetime) -> int:
    return int(when.timestamp() * 1_000_000)


def _iso(us: int) -> str:
    return datetime.fromtimestamp(us / 1_000_000, UTC).isoformat()


@dataclass
class StoryTracker:
    store: MutableMapping[str, Any]
    config: StoryConfig = field(default_factory=StoryConfig)
    on_close: Callable[[dict[str, Any]], None] | None = None

    # -- public ------------------------------------------------------------------------------

    def assign(self, event: Event) -> Event:
        """The event with the id of the story it belongs to (a new story if none matches)."""
        if self.keeps_apart(event):
            return event.model_copy(update={"story_id": story_id_of(event)})
        known = self.store.get(f"event:{event.id}")
        if known is not None:
            return event.model_copy(update={"story_id": known})
        now = _us(event.published)
        open_list = self._prune(event.type, now)
        best: tuple[float, int, str] | None = None
        for story_id, _first, last in open_list:
            story = self.store.get(f"story:{story_id}")
            if story is None:
                continue
            score = self.score(event, story)
            if score is not None and score >= self.config.min_score:
                candidate = (score, last, story_id)
                if best is None or candidate > best:
                    best = candidate
        if best is None:
            story = self._new_story(event)
            open_list.append([story["id"], story["first_us"], story["last_us"]])
        else:
            story = self.store[f"story:{best[2]}"]
            story = self._add_event(dict(story), event)
            open_list = [
                [s, story["first_us"], story["last_us"]] if s == story["id"] else [s, f, la]
                for s, f, la in open_list
            ]
        self.store[f"story:{story['id']}"] = story
        self.store[f"event:{event.id}"] = story["id"]
        self.store[f"open:{event.type}"] = open_list
        return event.model_copy(update={"story_id": story["id"]})

    @staticmethod
    def keeps_apart(event: Event) -> bool:
        """True for events that are never grouped: the heartbeat's canary, one story per event."""
        return event.type == HEARTBEAT_TYPE

    def add_copy(self, notice: StorySource) -> Literal["counted", "again", "unknown_story"]:
        """Count a dropped copy's source and article on its original's story.

        "again" for a copy already counted (a redelivered notice), "unknown_story" when the story is
        not (or no longer) held here.
        """
        story = self.store.get(f"story:{notice.story_id}")
        if story is None:
            return "unknown_story"
        story = dict(story)
        if notice.article_id in story["articles"] and notice.source in story["sources"]:
            return "again"  # redelivery (or the same URL from a feed that already counted)
        self._add_member(story, notice.article_id, notice.source)
        story["copies"] += 1
        self.store[f"story:{notice.story_id}"] = story
        return "counted"

    def story(self, story_id: str) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.store.get(f"story:{story_id}")
        return found

    def open_stories(self, event_type: str) -> int:
        return len(self.store.get(f"open:{event_type}") or [])

    # -- matching ------------------------------------------------------------------------------

    def score(self, event: Event, story: dict[str, Any]) -> float | None:
        """How strongly the event looks like a retelling of the story; None when it cannot be."""
        cfg = self.config
        t = _us(event.published)
        if t < story["first_us"] - _td(cfg.lead) or t > story["first_us"] + _td(cfg.span):
            return None
        if t > story["last_us"] + _td(cfg.idle):
            return None
        score = 0.0
        loc = event.location
        places = story["places"]
        if loc is not None and places:
            countries = {p["cc"] for p in places if p.get("cc")}
            if loc.country_code and countries and loc.country_code not in countries:
                return None
            names = {p["name"].lower() for p in places}
            regions = {p["admin1"] for p in places if p.get("admin1")}
            if loc.name.lower() in names or (loc.admin1 and loc.admin1 in regions):
                score += 2
            elif loc.country_code and loc.country_code in countries:
                score += 1
                if loc.admin1 and regions:
                    score -= 1
        actors = {a.name.lower() for a in event.actors} | {
            a.country_code for a in event.actors if a.country_code
        }
        if actors & set(story["actors"]):
            score += 1
        sized = False
        for unit, value in event.magnitude.items():
            seen = story["magnitude"].get(unit)
            if seen is None or unit not in HARD_UNITS:
                continue
            if abs(value - seen) > cfg.size_tolerance * max(abs(value), abs(seen)):
                return None
            sized = True
        if sized:
            score += 1.5
        return score

    # -- state ---------------------------------------------------------------------------------

    def _new_story(self, event: Event) -> dict[str, Any]:
        t = _us(event.published)
        story: dict[str, Any] = {
            "id": story_id_of(event),
            "type": event.type,
            "title": event.title,
            "first_us": t,
            "last_us": t,
            "first_seen": _iso(t),
            "last_seen": _iso(t),
            "places": [],
            "actors": [],
            "magnitude": {},
            "magnitude_at": {},
            "max": {},
            "severity": event.severity,
            "sources": [],
            "source_count": 0,
            "articles": [],
            "article_count": 0,
            "events": 0,
            "event_ids": [],
            "copies": 0,
        }
        return self._add_event(story, event)

    def _add_event(self, story: dict[str, Any], event: Event) -> dict[str, Any]:
        t = _us(event.published)
        story["first_us"], story["last_us"] = min(story["first_us"], t), max(story["last_us"], t)
        story["first_seen"], story["last_seen"] = _iso(story["first_us"]), _iso(story["last_us"])
        story["events"] += 1
        if event.id not in story["event_ids"]:
            story["event_ids"] = [*story["event_ids"], event.id]
        story["severity"] = max(story["severity"], event.severity)
        if event.location is not None:
            place = {
                "name": event.location.name,
                "cc": event.location.country_code,
                "admin1": event.location.admin1,
            }
            if place not in story["places"] and len(story["places"]) < 20:
                story["places"] = [*story["places"], place]
        actors = set(story["actors"])
        for actor in event.actors:
            actors.add(actor.name.lower())
            if actor.country_code:
                actors.add(actor.country_code)
        story["actors"] = sorted(actors)[:40]
        magnitude, at, high = dict(story["magnitude"]), dict(story["magnitude_at"]), dict(story["max"])
        for unit, value in event.magnitude.items():
            if t >= at.get(unit, 0):  # the latest report's figure is the story's current one
                magnitude[unit], at[unit] = value, t
            high[unit] = max(high.get(unit, value), value)
        story["magnitude"], story["magnitude_at"], story["max"] = magnitude, at, high
        self._add_member(story, event.article_id, event.source)
        return story

    def _add_member(self, story: dict[str, Any], article_id: str, source: str) -> None:
        if article_id not in story["articles"]:
            story["article_count"] += 1
            if len(story["articles"]) < MAX_LISTED:
                story["articles"] = [*story["articles"], article_id]
        if source not in story["sources"]:
            story["source_count"] += 1
            if len(story["sources"]) < MAX_LISTED:
                story["sources"] = [*story["sources"], source]

    def _prune(self, event_type: str, now: int) -> list[list[Any]]:
        """Close stories that can no longer take events; forget closed ones past retention."""
        cfg = self.config
        open_list: list[list[Any]] = [list(x) for x in self.store.get(f"open:{event_type}") or []]
        still, closing = [], []
        for story_id, first, last in open_list:
            if now > first + _td(cfg.span) + _td(cfg.lead) and now > last + _td(cfg.idle) + _td(cfg.lead):
                closing.append([story_id, last])
            else:
                still.append([story_id, first, last])
        closed = [list(x) for x in self.store.get(f"closed:{event_type}") or []]
        if closing:
            for story_id, _ in closing:
                story = self.store.get(f"story:{story_id}")
                if story is not None and self.on_close is not None:
                    self.on_close(story)
            closed += closing
        horizon = now - _td(cfg.retention)
        keep = [c for c in closed if c[1] >= horizon]
        for story_id, _ in (c for c in closed if c[1] < horizon):
            story = self.store.pop(f"story:{story_id}", None)
            for event_id in (story or {}).get("event_ids", []):
                self.store.pop(f"event:{event_id}", None)
        if closing or len(keep) != len(closed):
            self.store[f"closed:{event_type}"] = keep
        if closing:
            self.store[f"open:{event_type}"] = still
        return still


def story_id_of(event: Event) -> str:
    """The id of the story an event opens: the same event always opens the same story."""
    return stable_id("story", event.type, event.id)


def _td(delta: timedelta) -> int:
    return int(delta.total_seconds() * 1_000_000)
