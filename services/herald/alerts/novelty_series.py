"""The record rule's series: per family, metric and country, the highest counts reported so far.

A point is ``[when, value, story_id, source, url, title, type]``: one per story (its highest count),
the report it came from kept so an alert names the event it beats. Keys start with the family, like
every novelty key, so a series lives in the partition that owns the family.
"""

from __future__ import annotations

import copy
from collections.abc import MutableMapping
from typing import Any

from herald.core.families import family_of
from herald.core.records import Event

from .novelty_config import NoveltyConfig, iso
from .novelty_scopes import affected_country
from .novelty_wording import vague_only


class RecordSeries:
    """The series in the novelty store: compares an event's counts with them and adds its points."""

    def __init__(self, store: MutableMapping[str, Any], config: NoveltyConfig) -> None:
        self.store = store
        self.config = config

    def compare_and_add(
        self, event: Event, when: float, *, add: bool = True
    ) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
        """Compare each magnitude with its series' earlier values, then add it to the series.

        Returns the metrics this event beats (with evidence) and, for every metric, the previous high
        from other stories (or None) so a claim-only record alert can still cite it. A point keeps
        the report it came from (source, URL, title), so an alert names the event it beats. Without
        ``add`` the event is compared but leaves no point (a part of a story alerted in another country).
        A count the report gives only as a vague amount is neither compared nor added.
        """
        country = affected_country(event)
        beaten: list[dict[str, Any]] = []
        previous: dict[str, dict[str, Any]] = {}
        if country is None:
            return beaten, previous  # a series without a country would mix unrelated places
        lookback = self.config.record_lookback
        family = family_of(event.type)
        for metric, value in sorted(event.magnitude.items()):
            if vague_only(event, value):
                continue  # "tens of thousands": a floor, not a figure to set or beat a high
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
                prev = {"value": top[1], "at": iso(top[0]), **point_source(top)}
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
            if add:
                self._add_point(points, event, when, value)
                self.store[key] = points
        return beaten, previous

    def high_since(self, event: Event, metric: str, since: float) -> dict[str, Any] | None:
        """The highest ``metric`` another story of the event's family and country reported from
        ``since`` on, with its report, or None."""
        country = affected_country(event)
        if country is None:
            return None
        points = self.store.get(f"{family_of(event.type)}|series|{metric}|{country}") or []
        earlier = [p for p in points if p[2] != event.story_id and p[0] >= since]
        if not earlier:
            return None
        top = max(earlier, key=lambda p: (p[1], -p[0]))
        return {"value": top[1], "at": iso(top[0]), **point_source(top)}

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


def point_source(point: list[Any]) -> dict[str, Any]:
    """The report a series point came from (points stored before sources were kept have none)."""
    source, url, title = [*point[3:6], None, None, None][:3]
    return {"source": source, "url": url, "title": title}
