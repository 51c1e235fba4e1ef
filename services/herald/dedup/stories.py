"""Grouping events into stories: retellings of one event share a ``story_id``.

A story is keyed by what makes an event the same event: its type, where it happened and when.
Events of one type always arrive on the same partition (the events topic is keyed by type), so the
state a story needs is local to the worker that owns that partition.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from datetime import timedelta
from typing import Any

from herald.core.records import Event, stable_id

STORY_WINDOW = timedelta(hours=18)


def _place(event: Event) -> str:
    if event.location is None:
        return "?"
    return (event.location.name or event.location.country_code or "?").lower()


class StoryTracker:
    def __init__(self, store: MutableMapping[str, Any]) -> None:
        self.store = store

    def assign(self, event: Event) -> Event:
        """Return the event with the id of the story it belongs to (a new one if none matches)."""
        key = f"story:{event.type}:{_place(event)}"
        when = event.published.timestamp()
        known = self.store.get(key)
        if known and abs(when - known["last_seen"]) <= STORY_WINDOW.total_seconds():
            story_id = known["story_id"]
        else:
            story_id = stable_id("story", event.type, _place(event), event.id)
        self.store[key] = {"story_id": story_id, "last_seen": max(when, (known or {}).get("last_seen", when))}
        return event.model_copy(update={"story_id": story_id})
