"""``herald backfill``: seed the novelty state with history, so day one does not alert on everything.

History is a list of events (from a JSONL of events, or made from archived articles and feeds by the
offline pipeline in the CLI). Each is marked ``learn_only`` and published to ``news.events`` keyed by
its type's family, exactly like live events: the novelty worker that owns the family's partition
learns it into the same table (and changelog) it uses for live events, and raises nothing for it. So
backfill can run while the workers run, and its history lands in the right partition without any special path.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from herald.core.families import family_of
from herald.core.records import Event

Send = Callable[[str, bytes, bytes], None]  # (topic, key, value)


def is_events_file(path: Path) -> bool:
    """A JSONL whose first record looks like an Event (a type, a severity, a story id)."""
    if path.suffix not in {".jsonl", ".ndjson", ".json"}:
        return False
    with path.open("rb") as fh:
        for line in fh:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and {"type", "severity", "story_id"} <= set(first)
    return False


def as_history(events: Iterable[Event]) -> list[Event]:
    """The events in ``published`` order, each marked as history (learned, never alerted)."""
    return [e.model_copy(update={"learn_only": True}) for e in sorted(events, key=lambda e: e.published)]


def publish(events: Iterable[Event], send: Send, topic: str) -> int:
    """Send history events keyed by type family (the novelty stage's partitioning); returns the count."""
    n = 0
    for event in events:
        send(topic, family_of(event.type).encode(), event.to_json())
        n += 1
    return n


def write_jsonl(events: Iterable[Event], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for event in events:
            out.write(event.model_dump_json() + "\n")
            n += 1
    return n
