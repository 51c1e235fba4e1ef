"""Grouping events into stories: retellings of one event share a ``story_id``; look-alikes do not.

Pure logic over a dict-like store (the ``stories`` Faust table in the worker, a dict offline).
``news.classified`` is keyed by event type, so every event of a type reaches the same partition and
the candidates a new event must be compared with are local to the worker that owns it. Which stories
an event may join and how it is scored is ``story_matching``; where stories are kept,
``story_buckets``; docs/dedup.md tells the whole of it.

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
from typing import Any, Literal

from herald.core.heartbeat_markers import HEARTBEAT_TYPE
from herald.core.records import Event, stable_id

from .messages import StorySource
from .story_buckets import NO_COUNTRY, StoryBuckets, country_bucket, hour_bucket, last_report_us
from .story_config import MAX_LISTED, StoryConfig, duration_us, iso, to_us
from .story_matching import EventEvidence, StoryMatcher, hazard_names


@dataclass
class StoryTracker:
    """Assigns each event its story, counts dropped copies on stories, closes and forgets them.

    ``on_close`` is told of every story as it closes (the worker observes its source count).
    """

    store: MutableMapping[str, Any]
    config: StoryConfig = field(default_factory=StoryConfig)
    on_close: Callable[[dict[str, Any]], None] | None = None

    def __post_init__(self) -> None:
        cfg = self.config
        self.matcher = StoryMatcher(cfg)
        self._span, self._idle, self._lead = (
            duration_us(cfg.span),
            duration_us(cfg.idle),
            duration_us(cfg.lead),
        )
        self._retention = duration_us(cfg.retention)

    # -- public ------------------------------------------------------------------------------

    def assign(self, event: Event) -> Event:
        """The event with the id of the story it belongs to (a new story if none matches)."""
        if self.keeps_apart(event):
            return event.model_copy(update={"story_id": story_id_of(event)})
        known = self.store.get(f"event:{event.id}")
        if known is not None:
            return event.model_copy(update={"story_id": known})
        now = to_us(event.published)
        opened, closed = self._buckets(event.type)
        self._close(opened, closed, now)
        self._forget(closed, now)
        evidence = EventEvidence.of(event)
        best, home = self._best_story(event, evidence, opened, now)
        if best is None:
            story = self._new_story(event)
        else:
            story = self._add_event(dict(self.store[f"story:{best[2]}"]), event)
        entry = [story["id"], story["first_us"], story["last_us"]]
        bucket = country_bucket(story)
        if best is not None and home != bucket:  # its first country: it leaves the "-" bucket
            opened.put(home, [e for e in opened.entries(home) if e[0] != entry[0]])
        opened.put(bucket, [*(e for e in opened.entries(bucket) if e[0] != entry[0]), entry])
        self.store[f"story:{story['id']}"] = story
        opened.flush()
        closed.flush()
        # Last, so that a worker stopped halfway through leaves the event to be matched again.
        self.store[f"event:{event.id}"] = story["id"]
        return event.model_copy(update={"story_id": story["id"]})

    def _reachable_buckets(self, event: Event, evidence: EventEvidence, opened: StoryBuckets) -> list[str]:
        """The open buckets that may hold a story this event can join: its country's, the one of
        stories with no country and its actors' countries; every bucket when its country says nothing."""
        cc = event.location.country_code if event.location is not None else None
        if cc and cc not in evidence.attacker_countries:
            reach = dict.fromkeys((cc, NO_COUNTRY, *sorted(evidence.actor_countries)))
            buckets = [b for b in reach if b in opened.index]
        else:  # no country, or placed with its own attacker: the target's story may be anywhere
            buckets = list(opened.index)
        return buckets

    def _best_story(
        self, event: Event, evidence: EventEvidence, opened: StoryBuckets, now: int
    ) -> tuple[tuple[float, int, str] | None, str]:
        """The best story in reach as (score, last report, id), or None; and the bucket it is in."""
        follow = self.matcher.follow_up_us(event.type)
        if evidence.best_score() < self.config.min_score:
            return self._only_story_with_its_toll(evidence, opened, now, follow)
        buckets = self._reachable_buckets(event, evidence, opened)
        best: tuple[float, int, str] | None = None
        home = NO_COUNTRY
        for bucket in buckets:
            for story_id, first, last in opened.entries(bucket):
                retelling = self.matcher.in_reach(now, first, last)
                if not retelling and not self.matcher.in_follow_up(now, first, last, follow):
                    continue
                story = self.store.get(f"story:{story_id}")
                if story is None:
                    continue
                score = (
                    self.matcher.retelling_score(evidence, story)
                    if retelling
                    else self.matcher.follow_score(evidence, story)
                )
                if score is not None and score >= self.config.min_score:
                    candidate = (score, last, story_id)
                    if best is None or candidate > best:
                        best, home = candidate, bucket
        return best, home

    def _only_story_with_its_toll(
        self, evidence: EventEvidence, opened: StoryBuckets, now: int, follow: int
    ) -> tuple[tuple[float, int, str] | None, str]:
        """For an event with nothing to be scored on (no place, actor or precise figure): the one
        story of its type in reach whose toll it repeats or raises, or None when none or several do.
        A running toll told without a place is that story's next count; with two candidates it could
        be either, so it stays apart."""
        if not any(unit in self.config.toll_units for unit, _ in evidence.counts):
            return None, NO_COUNTRY  # nothing at all to go on: no story is read
        found: list[tuple[tuple[float, int, str], str]] = []
        for bucket in opened.index:
            for story_id, first, last in opened.entries(bucket):
                if not (
                    self.matcher.in_reach(now, first, last)
                    or self.matcher.in_follow_up(now, first, last, follow)
                ):
                    continue
                story = self.store.get(f"story:{story_id}")
                if story is not None and self.matcher.carries_toll(evidence, story):
                    found.append(((self.config.min_score, last, story_id), bucket))
        return found[0] if len(found) == 1 else (None, NO_COUNTRY)

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

    def score(self, event: Event, story: dict[str, Any]) -> float | None:
        """How strongly the event looks like a retelling or a follow-up of the story; None when it
        cannot be one."""
        return self.matcher.score(event, story)

    # -- state ---------------------------------------------------------------------------------

    def _new_story(self, event: Event) -> dict[str, Any]:
        t = to_us(event.published)
        story: dict[str, Any] = {
            "id": story_id_of(event),
            "type": event.type,
            "title": event.title,
            "first_us": t,
            "last_us": t,
            "first_seen": iso(t),
            "last_seen": iso(t),
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
        t = to_us(event.published)
        story["first_us"], story["last_us"] = min(story["first_us"], t), max(story["last_us"], t)
        story["first_seen"], story["last_seen"] = iso(story["first_us"]), iso(story["last_us"])
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
        if hazards := hazard_names(event):
            story["hazards"] = sorted({*story.get("hazards", ()), *hazards})[:10]
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

    def _buckets(self, event_type: str) -> tuple[StoryBuckets, StoryBuckets]:
        """The type's open and closed buckets, with whatever the previous layout's lists hold moved in.

        Those lists are found after an upgrade, or after a worker of the previous version held the
        partition for a while during a rolling one; their entries replace the buckets' for the same
        stories.
        """
        follow = self.matcher.follow_up_us(event_type)
        opened = StoryBuckets(
            self.store, f"open:{event_type}", f"open-index:{event_type}", lambda e: self._closes_at(e, follow)
        )
        closed = StoryBuckets(
            self.store, f"closed:{event_type}", f"closed-index:{event_type}", last_report_us
        )
        for key, shelf in ((f"open:{event_type}", opened), (f"closed:{event_type}", closed)):
            legacy = self.store.get(key)
            if legacy is None:
                continue
            moved: dict[str, list[list[Any]]] = {}
            for entry in legacy:
                if shelf is opened:
                    bucket = country_bucket(self.store.get(f"story:{entry[0]}") or {"places": []})
                else:
                    bucket = hour_bucket(entry[1])
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

    def _close(self, opened: StoryBuckets, closed: StoryBuckets, now: int) -> None:
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
                closing.setdefault(hour_bucket(last), []).append([story_id, last])
            opened.put(bucket, still)
        for hour, entries in closing.items():
            closed.put(hour, [*closed.entries(hour), *entries])

    def _forget(self, closed: StoryBuckets, now: int) -> None:
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


def story_id_of(event: Event) -> str:
    """The id of the story an event opens: the same event always opens the same story."""
    return stable_id("story", event.type, event.id)
