"""Whether an event is a retelling or a follow-up of a story: the scores, and the evidence they read.

A retelling comes within the story's span and idle windows and is scored on place, actors and precise
figures; a follow-up (types that go on being counted) comes later and must repeat or raise a toll the
story counted. A contradicting precise figure rules a story out either way. The why of each rule, with
the reports that motivated it, is in docs/dedup.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from herald.core.countries import is_country_name
from herald.core.records import Event

from .story_config import HARD_UNITS, HAZARD_NAME, StoryConfig, duration_us, to_us

_HAZARD = re.compile(HAZARD_NAME)


class StoryMatcher:
    """Scores events against stories under one ``StoryConfig``; reads no state of its own."""

    def __init__(self, config: StoryConfig) -> None:
        self.config = config
        self._span, self._idle, self._lead = (
            duration_us(config.span),
            duration_us(config.idle),
            duration_us(config.lead),
        )

    def score(self, event: Event, story: dict[str, Any]) -> float | None:
        """How strongly the event looks like a retelling or a follow-up of the story; None when it
        cannot be one."""
        evidence = EventEvidence.of(event)
        first, last = story["first_us"], story["last_us"]
        if self.in_reach(evidence.t, first, last):
            return self.retelling_score(evidence, story)
        if self.in_follow_up(evidence.t, first, last, self.follow_up_us(event.type)):
            return self.follow_score(evidence, story)
        return None

    def in_reach(self, t: int, first_us: int, last_us: int) -> bool:
        """Whether an event published at ``t`` may still join a story with these report times."""
        return first_us - self._lead <= t <= first_us + self._span and t <= last_us + self._idle

    def follow_up_us(self, event_type: str) -> int:
        """How long (µs) after a story's latest report a follow-up of its type may join it (0: never)."""
        window = self.config.follow_up.get(event_type)
        return duration_us(window) if window is not None else 0

    def in_follow_up(self, t: int, first_us: int, last_us: int, follow: int) -> bool:
        """Whether an event published at ``t`` is within the follow-up window ``follow`` (µs)."""
        return follow > 0 and first_us - self._lead <= t <= last_us + follow

    def follow_score(self, evidence: EventEvidence, story: dict[str, Any]) -> float | None:
        """A later report of the same event, past the retelling window: ``min_score`` or None.

        Days on, outlets report a flood's, an outbreak's or a massacre's toll again, higher as it is
        counted. Such a report joins when it is in the story's country, at the same place or region or
        with one side placed at country level only ("Libya" / Derna), contradicts none of the story's
        precise figures (a quake of another magnitude is another quake), and gives a toll the story
        has counted (``toll_units``): as high as the story's highest when only the country ties it to
        the story, at least ``follow_up_min_share`` of it at the same place. Reports naming the story's
        hazard ("Storm Daniel") join it anywhere in its country, on the country-level toll rule: the
        toll at Karditsa after Volos's first dead is the same storm's. A new flood elsewhere in
        the country with three dead is not the one that killed thousands, nor is a quake at Herat
        with one dead the one that killed 2,000; a market report on Derna's ports recalling 2,000 of
        5,300 dead is about that flood. Lower than any retelling's score, so a retelling of another
        story in reach wins.
        """
        if evidence.place is None or not evidence.place[1]:
            return None
        name, cc, admin1 = evidence.place
        here = [p for p in story["places"] if p.get("cc") == cc]
        if not here:
            return None
        same_place = any(p["name"].lower() == name or (admin1 and p.get("admin1") == admin1) for p in here)
        broad = evidence.country_level or any(is_country_level(p) for p in here)
        named = not evidence.hazards.isdisjoint(story.get("hazards") or ())
        if not (same_place or broad or named):
            return None
        if self.contradicts(evidence, story):
            return None
        high = story.get("max") or {}
        tolls = [(v, high[u]) for u, v in evidence.counts if u in self.config.toll_units and u in high]
        if not tolls:
            return None
        floor = 1.0 if not same_place else self.config.follow_up_min_share
        if not any(v >= floor * top for v, top in tolls):
            return None
        return self.config.min_score

    def carries_toll(self, evidence: EventEvidence, story: dict[str, Any]) -> bool:
        """Whether an event that names no place, actor or precise figure gives a toll the story
        counted, as high as the story's highest ("Itaewon toll reaches 151" after 120, its only
        places a district no gazetteer knows and the countries of the foreign dead). The caller
        lets such an event join only the one story of its type that it fits."""
        high = story.get("max") or {}
        return any(u in self.config.toll_units and u in high and v >= high[u] > 0 for u, v in evidence.counts)

    def contradicts(self, evidence: EventEvidence, story: dict[str, Any]) -> bool | None:
        """True when a precise figure disagrees with the story's; None when none is shared; else False."""
        shared = None
        tolerance = self.config.size_tolerance
        for unit, value in evidence.sizes:
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

    def retelling_score(self, evidence: EventEvidence, story: dict[str, Any]) -> float | None:
        """``score`` for a story already known to be in reach (the bucket entry's times say so)."""
        score = 0.0
        places = story["places"]
        if evidence.place is not None and places:
            name, cc, admin1 = evidence.place
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
                if not linked_across_sides(cc, countries, evidence.actor_countries, story["actors"]):
                    return None
            elif same_place:
                score += 2
            elif cc and cc in countries:
                score += 1
                if admin1 and any_region:
                    score -= 1
        if not evidence.actors.isdisjoint(story["actors"]):
            score += 1
        contradicts = self.contradicts(evidence, story)
        if contradicts:
            return None
        if contradicts is False:  # a precise figure shared
            score += 1.5
        return score


@dataclass(frozen=True)
class EventEvidence:
    """What ``score`` needs of an event, taken from it once rather than once per candidate story."""

    t: int
    place: tuple[str, str | None, str | None] | None  # lower-case name, country, first-level region
    actors: frozenset[str]  # lower-case names and countries of the actors
    actor_countries: frozenset[str]  # the actors' countries alone
    attacker_countries: frozenset[str]  # ... of those named as attackers
    sizes: tuple[tuple[str, float], ...]  # the precise figures (HARD_UNITS) it reports
    counts: tuple[tuple[str, float], ...] = ()  # every figure it reports
    country_level: bool = False  # placed in a country, no finer
    hazards: frozenset[str] = frozenset()  # the named hazards it tells of ("daniel")

    def best_score(self) -> float:
        """The highest score any story could give it (as ``retelling_score`` adds up)."""
        return 2.0 * (self.place is not None) + 1.0 * bool(self.actors) + 1.5 * bool(self.sizes)

    @classmethod
    def of(cls, event: Event) -> EventEvidence:
        loc = event.location
        countries = frozenset(a.country_code for a in event.actors if a.country_code)
        return cls(
            t=to_us(event.published),
            place=(loc.name.lower(), loc.country_code, loc.admin1) if loc is not None else None,
            actors=frozenset(a.name.lower() for a in event.actors) | countries,
            actor_countries=countries,
            attacker_countries=frozenset(
                a.country_code for a in event.actors if a.country_code and a.role == "attacker"
            ),
            sizes=tuple((u, v) for u, v in event.magnitude.items() if u in HARD_UNITS),
            counts=tuple(event.magnitude.items()),
            country_level=loc is not None
            and is_country_level({"name": loc.name, "cc": loc.country_code, "kind": loc.kind}),
            hazards=hazard_names(event),
        )


def hazard_names(event: Event) -> frozenset[str]:
    """The named hazards (storms, hurricanes, typhoons, cyclones) an event's title and sentences tell of,
    lower-cased: a storm's name ties its reports together where their places do not."""
    return frozenset(m.lower() for text in (event.title, *event.sentences) for m in _HAZARD.findall(text))


def is_country_level(place: dict[str, Any]) -> bool:
    """Whether a stored place names a country and nothing finer ("Libya", "Rwanda")."""
    if place.get("kind") is not None:
        return bool(place["kind"] == "country")
    return bool(place.get("cc")) and not place.get("admin1") and is_country_name(place["name"], place["cc"])


def linked_across_sides(
    cc: str, countries: set[str], actor_countries: frozenset[str], story_actors: list[str]
) -> bool:
    """Whether an event placed in ``cc`` may be a story placed in ``countries`` seen from the other side:
    its country is one the story names as an actor's, or the story's is one it names as an actor's.
    (A story's actors hold lower-case names and upper-case country codes.)"""
    return cc in story_actors or not countries.isdisjoint(actor_countries)
