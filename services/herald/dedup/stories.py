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
  regions (-1). A city, its region and its country are one place at three precisions, so outlets
  that disagree on precision still meet. Outlets also disagree on the country: one places a strike
  with the attacker ("Russia launched 472 drones ...") or the reporting agency, another with the
  target. A different country is therefore no veto when it is one the other side names as an actor
  (the event's country is an actor country of the story, or a story country is an actor country of
  the event); it adds nothing either, so the actors and figures must carry the match. A different
  country that no actor links rules the story out (two quakes, two protests);
* actors: any shared actor or actor country (+1);
* magnitude: the same count of a precisely reported quantity (drones, missiles within
  ``size_tolerance``; quake magnitudes within ``magnitude_tolerance`` points) (+1.5); a
  contradicting one rules the story out, because two outlets do not disagree by a third on the
  number of drones the air force announced, and a 5.5 two hours after a 6.3 is an aftershock.
  Casualty figures are not used against a story: tolls rise as reports come in.

Follow-ups. Some events go on being counted for days: a flood's toll climbs from 150 to 11,300 over
three days, an outbreak's deaths over weeks, a massacre's toll is revised by residents. For those types
(``FOLLOW_UP_DAYS``) a story stays open ``follow_up`` after its latest report, and a report past the
retelling window joins it as a follow-up when it is in the story's country, at its place or region or
with either side placed at country level only, contradicts none of its precise figures, and gives a
toll the story counted: as high as the story's highest when only the country ties them, a fair share
of it at the same place (``_follow_score``). So the later, higher toll is an update of the event, not a
record against the event's own earlier figure. A strike's next night is a new event: strikes have no
follow-up window.

The best candidate scoring at least ``min_score`` wins; otherwise the event opens a new story whose id
derives from the event that opened it, so a replay gives the same ids.

The heartbeat's canary events (type ``heartbeat``, see ``herald.core.heartbeat_markers``) are kept apart: each
is a story of its own, with the id a new story would get, and nothing is stored for it, so canaries
neither join nor open nor close any story, and the table does not grow by one story per round.

What a story keeps: its id, first and last report time, where and who, the latest figures (and the
highest), and the sources and articles that reported it, including copies the dedup stage dropped
(``add_copy``). Closed stories are forgotten ``retention`` after their latest report.

Where the open stories are kept
-------------------------------
A story's places are in one country at most (``score`` refuses an event of another country once the
story has one), and an event that names a country can only join a story of that country or one with
no country yet, or one of its actors' countries. So the open stories of a type are kept in buckets by
the country of their first place: an event with a country reads its country's bucket, the one of
stories without a country (``-``) and those of its actors' countries (where a story first placed with
the attacker waits), never the others; an event without a location or country (which may join any
story), or one placed in its own attacker's country (its target's story may be in any bucket), reads
every bucket. Each
bucket entry carries the story's first and last report times, so stories out of reach are passed over
without reading their record. A story that gets its first country moves from ``-`` to that bucket.

Closing and forgetting are as strict as if every story were looked at on every event: a story closes
at the first event of its type published after its span and idle time are over (plus ``lead``), and
is forgotten at the first published more than ``retention`` after its latest report. A small index
per type keeps, for each bucket, the earliest time one of its stories is due, so an event opens only
the buckets with something due. Closed stories are kept in buckets by the hour of their latest report.
Per event the matcher thus reads and writes a few buckets and the index, not every open story.

Storage layout (every key names its type: all are written only by events of the type's partition)::

    open-index:<type>        {<country>: µs, ...}                     open buckets; earliest close time
    open:<type>:<country>    [[story id, first µs, last µs], ...]     stories that can still take
                                                                      events, by country ("-": none)
    closed-index:<type>      {<hour>: µs, ...}                        closed buckets; earliest last report
    closed:<type>:<hour>     [[story id, last µs], ...]               closed, by the hour (µs // 3600e6)
                                                                      of their last report, kept until
                                                                      retention
    story:<id>               the story record
    event:<event id>         story id (a redelivered event gets the same story)

What the previous layout wrote (one ``open:<type>`` and one ``closed:<type>`` list per type) is moved
into buckets by the next event of the type.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from herald.core.countries import is_country_name
from herald.core.heartbeat_markers import HEARTBEAT_TYPE
from herald.core.records import Event, stable_id

from .messages import StorySource

HARD_UNITS = frozenset(
    {"drones", "missiles", "rockets", "shells", "magnitude", "ballistic_missiles", "cruise_missiles"}
)
# How long after a story's latest report a follow-up of the same real-world event may still join it,
# per type: the types whose events go on being counted for days (a flood's toll climbing from 150 to
# 11,300 over three days, an outbreak's deaths over weeks, a massacre's toll revised by residents).
# A strike's next night is a new event: strikes have none beyond the retelling window.
FOLLOW_UP_DAYS: dict[str, float] = {
    "natural_disaster": 10,
    "disease_outbreak": 30,
    "industrial_accident": 5,
    "attack_on_civilians": 4,
    "armed_clash": 4,
}
# The tolls a follow-up must repeat or raise to join: a later report of the same event gives the same
# or a higher count of something the story already counted.
TOLL_UNITS = ("killed", "missing", "affected", "displaced", "evacuated")
MAX_LISTED = 300  # sources or articles listed per story; the counts go on beyond it
NO_COUNTRY = "-"  # the bucket of open stories whose places have no country (or that have no places)


@dataclass(frozen=True)
class StoryConfig:
    span: timedelta = timedelta(hours=18)  # latest a retelling may come after the first report
    idle: timedelta = timedelta(hours=10)  # ... and after the story's latest report
    lead: timedelta = timedelta(hours=6)  # earliest before the first report (out-of-order arrival)
    size_tolerance: float = 0.25
    magnitude_tolerance: float = 0.5  # quake magnitudes: agencies differ by tenths, aftershocks by more
    min_score: float = 1.0
    retention: timedelta = timedelta(days=7)
    follow_up: dict[str, timedelta] = field(
        default_factory=lambda: {t: timedelta(days=d) for t, d in FOLLOW_UP_DAYS.items()}
    )
    toll_units: tuple[str, ...] = TOLL_UNITS
    follow_up_min_share: float = 0.25  # a follow-up at the same place: its toll / the story's highest


def _us(when: datetime) -> int:
    return int(when.timestamp() * 1_000_000)


def _iso(us: int) -> str:
    return datetime.fromtimestamp(us / 1_000_000, UTC).isoformat()


@dataclass
class StoryTracker:
    store: MutableMapping[str, Any]
    config: StoryConfig = field(default_factory=StoryConfig)
    on_close: Callable[[dict[str, Any]], None] | None = None

    def __post_init__(self) -> None:
        cfg = self.config
        self._span, self._idle, self._lead = _td(cfg.span), _td(cfg.idle), _td(cfg.lead)
        self._retention = _td(cfg.retention)

    # -- public ------------------------------------------------------------------------------

    def assign(self, event: Event) -> Event:
        """The event with the id of the story it belongs to (a new story if none matches)."""
        if self.keeps_apart(event):
            return event.model_copy(update={"story_id": story_id_of(event)})
        known = self.store.get(f"event:{event.id}")
        if known is not None:
            return event.model_copy(update={"story_id": known})
        now = _us(event.published)
        opened, closed = self._shelves(event.type)
        self._close(opened, closed, now)
        self._forget(closed, now)
        probe = _Probe.of(event)
        cc = event.location.country_code if event.location is not None else None
        if cc and cc not in probe.attacker_countries:
            reach = dict.fromkeys((cc, NO_COUNTRY, *sorted(probe.actor_countries)))
            buckets = [b for b in reach if b in opened.index]
        else:  # no country, or placed with its own attacker: the target's story may be anywhere
            buckets = list(opened.index)
        if probe.best_score() < self.config.min_score:
            buckets = []  # nothing to go on (no place, actor or figure): no story could take it
        best: tuple[float, int, str] | None = None
        home = NO_COUNTRY
        follow = self._follow_up(event.type)
        for bucket in buckets:
            for story_id, first, last in opened.entries(bucket):
                retelling = self._in_reach(now, first, last)
                if not retelling and not self._in_follow_up(now, first, last, follow):
                    continue
                story = self.store.get(f"story:{story_id}")
                if story is None:
                    continue
                score = self._score(probe, story) if retelling else self._follow_score(probe, story)
                if score is not None and score >= self.config.min_score:
                    candidate = (score, last, story_id)
                    if best is None or candidate > best:
                        best, home = candidate, bucket
        if best is None:
            story = self._new_story(event)
        else:
            story = self._add_event(dict(self.store[f"story:{best[2]}"]), event)
        entry = [story["id"], story["first_us"], story["last_us"]]
        bucket = _country(story)
        if best is not None and home != bucket:  # its first country: it leaves the "-" bucket
            opened.put(home, [e for e in opened.entries(home) if e[0] != entry[0]])
        opened.put(bucket, [*(e for e in opened.entries(bucket) if e[0] != entry[0]), entry])
        self.store[f"story:{story['id']}"] = story
        opened.flush()
        closed.flush()
        # Last, so that a worker stopped halfway through leaves the event to be matched again.
        self.store[f"event:{event.id}"] = story["id"]
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
        index = self.store.get(f"open-index:{event_type}") or {}
        legacy = self.store.get(f"open:{event_type}") or []
        return len(legacy) + sum(len(self.store.get(f"open:{event_type}:{b}") or []) for b in index)

    # -- matching ------------------------------------------------------------------------------

    def score(self, event: Event, story: dict[str, Any]) -> float | None:
        """How strongly the event looks like a retelling or a follow-up of the story; None when it
        cannot be one."""
        probe = _Probe.of(event)
        first, last = story["first_us"], story["last_us"]
        if self._in_reach(probe.t, first, last):
            return self._score(probe, story)
        if self._in_follow_up(probe.t, first, last, self._follow_up(event.type)):
            return self._follow_score(probe, story)
        return None

    def _in_reach(self, t: int, first_us: int, last_us: int) -> bool:
        """Whether an event published at ``t`` may still join a story with these report times."""
        return first_us - self._lead <= t <= first_us + self._span and t <= last_us + self._idle

    def _follow_up(self, event_type: str) -> int:
        """How long (µs) after a story's latest report a follow-up of its type may join it (0: never)."""
        window = self.config.follow_up.get(event_type)
        return _td(window) if window is not None else 0

    def _in_follow_up(self, t: int, first_us: int, last_us: int, follow: int) -> bool:
        return follow > 0 and first_us - self._lead <= t <= last_us + follow

    def _follow_score(self, probe: _Probe, story: dict[str, Any]) -> float | None:
        """A later report of the same event, past the retelling window: ``min_score`` or None.

        Days on, outlets report a flood's, an outbreak's or a massacre's toll again, higher as it is
        counted. Such a report joins when it is in the story's country, at the same place or region or
        with one side placed at country level only ("Libya" / Derna), contradicts none of the story's
        precise figures (a quake of another magnitude is another quake), and gives a toll the story
        has counted (``toll_units``): as high as the story's highest when only the country ties it to
        the story, at least ``follow_up_min_share`` of it at the same place. A new flood elsewhere in
        the country with three dead is not the one that killed thousands, nor is a quake at Herat
        with one dead the one that killed 2,000; a market report on Derna's ports recalling 2,000 of
        5,300 dead is about that flood. Lower than any retelling's score, so a retelling of another
        story in reach wins.
        """
        if probe.place is None or not probe.place[1]:
            return None
        name, cc, admin1 = probe.place
        here = [p for p in story["places"] if p.get("cc") == cc]
        if not here:
            return None
        same_place = any(p["name"].lower() == name or (admin1 and p.get("admin1") == admin1) for p in here)
        broad = probe.country_level or any(_country_level(p) for p in here)
        if not (same_place or broad):
            return None
        if self._contradicts(probe, story):
            return None
        high = story.get("max") or {}
        tolls = [(v, high[u]) for u, v in probe.counts if u in self.config.toll_units and u in high]
        if not tolls:
            return None
        floor = 1.0 if not same_place else self.config.follow_up_min_share
        if not any(v >= floor * top for v, top in tolls):
            return None
        return self.config.min_score

    def _contradicts(self, probe: _Probe, story: dict[str, Any]) -> bool | None:
        """True when a precise figure disagrees with the story's; None when none is shared; else False."""
        shared = None
        tolerance = self.config.size_tolerance
        for unit, value in probe.sizes:
            seen = story["magnitude"].get(unit)
            if seen is None:
                continue
            if unit == "magnitude":
                if abs(value - seen) > self.config.magnitude_tolerance:
                    return True
            elif abs(value - seen) > tolerance * max(abs(value), abs(seen)):
                return True
            shared = False
        return shared

    def _score(self, probe: _Probe, story: dict[str, Any]) -> float | None:
        """``score`` for a story already known to be in reach (the bucket entry's times say so)."""
        score = 0.0
        places = story["places"]
        if probe.place is not None and places:
            name, cc, admin1 = probe.place
            # One pass over the places (this runs for every candidate): their countries, whether
            # one is the event's place or region, and whether any names a region.
            countries, same_place, any_region = set(), False, False
            for p in places:
                if p.get("cc"):
                    countries.add(p["cc"])
                if p["name"].lower() == name or (admin1 and p.get("admin1") == admin1):
                    same_place = True
                any_region = any_region or bool(p.get("admin1"))
            if cc and countries and cc not in countries:
                if not _linked(cc, countries, probe.actor_countries, story["actors"]):
                    return None
            elif same_place:
                score += 2
            elif cc and cc in countries:
                score += 1
                if admin1 and any_region:
                    score -= 1
        if not probe.actors.isdisjoint(story["actors"]):
            score += 1
        contradicts = self._contradicts(probe, story)
        if contradicts:
            return None
        if contradicts is False:  # a precise figure shared
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
                "kind": event.location.kind,
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

    def _shelves(self, event_type: str) -> tuple[_Shelf, _Shelf]:
        """The type's open and closed buckets, with whatever the previous layout's lists hold moved in.

        Those lists are found after an upgrade, or after a worker of the previous version held the
        partition for a while during a rolling one; their entries replace the buckets' for the same
        stories.
        """
        follow = self._follow_up(event_type)
        opened = _Shelf(
            self.store, f"open:{event_type}", f"open-index:{event_type}", lambda e: self._closes_at(e, follow)
        )
        closed = _Shelf(self.store, f"closed:{event_type}", f"closed-index:{event_type}", _last)
        for key, shelf in ((f"open:{event_type}", opened), (f"closed:{event_type}", closed)):
            legacy = self.store.get(key)
            if legacy is None:
                continue
            moved: dict[str, list[list[Any]]] = {}
            for entry in legacy:
                if shelf is opened:
                    bucket = _country(self.store.get(f"story:{entry[0]}") or {"places": []})
                else:
                    bucket = _hour(entry[1])
                moved.setdefault(bucket, []).append(list(entry))
            for bucket, entries in moved.items():
                ids = {e[0] for e in entries}
                shelf.put(bucket, [*(e for e in shelf.entries(bucket) if e[0] not in ids), *entries])
            shelf.flush()
            del self.store[key]  # only once its entries are in buckets
        return opened, closed

    def _closes_at(self, entry: list[Any], follow: int = 0) -> int:
        """When an open story closes: the first event of its type published after this closes it.
        ``follow``: the type's follow-up window, which keeps a story open after its retelling window."""
        _story_id, first, last = entry
        return max(first + self._span, last + self._idle, last + follow) + self._lead

    def _close(self, opened: _Shelf, closed: _Shelf, now: int) -> None:
        """Close stories that can no longer take events (reported to ``on_close``)."""
        closing: dict[str, list[list[Any]]] = {}
        for bucket, due in list(opened.index.items()):
            if now <= due:
                continue
            still = []
            for entry in opened.entries(bucket):
                if now <= opened.due(entry):
                    still.append(entry)
                    continue
                story_id, _first, last = entry
                story = self.store.get(f"story:{story_id}")
                if story is not None and self.on_close is not None:
                    self.on_close(story)
                closing.setdefault(_hour(last), []).append([story_id, last])
            opened.put(bucket, still)
        for hour, entries in closing.items():
            closed.put(hour, [*closed.entries(hour), *entries])

    def _forget(self, closed: _Shelf, now: int) -> None:
        """Forget closed stories (and their events) whose latest report is past retention."""
        horizon = now - self._retention
        for hour, due in list(closed.index.items()):
            if due >= horizon:
                continue
            keep = []
            for entry in closed.entries(hour):
                if entry[1] >= horizon:
                    keep.append(entry)
                    continue
                story = self.store.pop(f"story:{entry[0]}", None)
                for event_id in (story or {}).get("event_ids", []):
                    self.store.pop(f"event:{event_id}", None)
            closed.put(hour, keep)


@dataclass(frozen=True)
class _Probe:
    """What ``score`` needs of an event, taken from it once rather than once per candidate story."""

    t: int
    place: tuple[str, str | None, str | None] | None  # lower-case name, country, first-level region
    actors: frozenset[str]  # lower-case names and countries of the actors
    actor_countries: frozenset[str]  # the actors' countries alone
    attacker_countries: frozenset[str]  # ... of those named as attackers
    sizes: tuple[tuple[str, float], ...]  # the precise figures (HARD_UNITS) it reports
    counts: tuple[tuple[str, float], ...] = ()  # every figure it reports
    country_level: bool = False  # placed in a country, no finer

    def best_score(self) -> float:
        """The highest score any story could give it (as ``_score`` adds up)."""
        return 2.0 * (self.place is not None) + 1.0 * bool(self.actors) + 1.5 * bool(self.sizes)

    @classmethod
    def of(cls, event: Event) -> _Probe:
        loc = event.location
        countries = frozenset(a.country_code for a in event.actors if a.country_code)
        return cls(
            t=_us(event.published),
            place=(loc.name.lower(), loc.country_code, loc.admin1) if loc is not None else None,
            actors=frozenset(a.name.lower() for a in event.actors) | countries,
            actor_countries=countries,
            attacker_countries=frozenset(
                a.country_code for a in event.actors if a.country_code and a.role == "attacker"
            ),
            sizes=tuple((u, v) for u, v in event.magnitude.items() if u in HARD_UNITS),
            counts=tuple(event.magnitude.items()),
            country_level=loc is not None
            and _country_level({"name": loc.name, "cc": loc.country_code, "kind": loc.kind}),
        )


class _Shelf:
    """Lists of entries kept under ``<prefix>:<bucket>``, with an index of when each is next due.

    The index (``{bucket: earliest due time of its entries}``) is what an event reads to learn which
    buckets exist and which have something to act on; a bucket is read only when asked for and
    written back (with the index, if that changed) by ``flush``. Stored lists are never changed in
    place: ``put`` takes a new list, so what a dict or Faust table holds changes only by assignment.
    """

    def __init__(
        self, store: MutableMapping[str, Any], prefix: str, index_key: str, due: Callable[[list[Any]], int]
    ) -> None:
        self._store, self._prefix, self._index_key, self._due = store, prefix, index_key, due
        self._stored: dict[str, int] = store.get(index_key) or {}
        self.index: dict[str, int] = dict(self._stored)
        self._lists: dict[str, list[list[Any]]] = {}
        self._changed: set[str] = set()

    def due(self, entry: list[Any]) -> int:
        return self._due(entry)

    def entries(self, bucket: str) -> list[list[Any]]:
        if bucket not in self._lists:
            self._lists[bucket] = self._store.get(f"{self._prefix}:{bucket}") or []
        return self._lists[bucket]

    def put(self, bucket: str, entries: list[list[Any]]) -> None:
        self._lists[bucket] = entries
        self._changed.add(bucket)
        if entries:
            self.index[bucket] = min(self._due(e) for e in entries)
        else:
            self.index.pop(bucket, None)

    def flush(self) -> None:
        for bucket in self._changed:
            key = f"{self._prefix}:{bucket}"
            if self._lists[bucket]:
                self._store[key] = self._lists[bucket]
            elif key in self._store:
                del self._store[key]
        self._changed.clear()
        if self.index != self._stored:
            self._store[self._index_key] = dict(self.index)
            self._stored = dict(self.index)


def _country(story: dict[str, Any]) -> str:
    """The bucket of a story: the country of its places ("-" while none has one)."""
    return next((p["cc"] for p in story["places"] if p.get("cc")), NO_COUNTRY)


def _country_level(place: dict[str, Any]) -> bool:
    """Whether a stored place names a country and nothing finer ("Libya", "Rwanda")."""
    if place.get("kind") is not None:
        return bool(place["kind"] == "country")
    return bool(place.get("cc")) and not place.get("admin1") and is_country_name(place["name"], place["cc"])


def _linked(cc: str, countries: set[str], actor_countries: frozenset[str], story_actors: list[str]) -> bool:
    """Whether an event placed in ``cc`` may be a story placed in ``countries`` seen from the other side:
    its country is one the story names as an actor's, or the story's is one it names as an actor's.
    (A story's actors hold lower-case names and upper-case country codes.)"""
    return cc in story_actors or not countries.isdisjoint(actor_countries)


def _hour(us: int) -> str:
    return str(us // 3_600_000_000)


def _last(entry: list[Any]) -> int:
    last: int = entry[-1]
    return last


def story_id_of(event: Event) -> str:
    """The id of the story an event opens: the same event always opens the same story."""
    return stable_id("story", event.type, event.id)


def _td(delta: timedelta) -> int:
    return int(delta.total_seconds() * 1_000_000)
