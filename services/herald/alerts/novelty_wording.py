"""How a report words a change in its event's toll: "the toll rose to four", "revised up to 600".

The novelty rules weigh counts, but two things only the wording tells: that a count the alerted
report did not give is a rise all the same (the first report said "a woman and her baby were killed",
the next "the toll rose to four"), and that a report weeks later speaks of an event already past ("the
August attack on Barsalogho", "last month's fire"), so it is that event's later report, not a new one.
The cues are data (``data/toll_wording.yaml``), each with the report that motivated it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

import yaml

from herald.core.records import Event


@cache
def _cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    text = resources.files("herald.alerts").joinpath("data", "toll_wording.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return {
        kind: tuple(re.compile(entry["pattern"], re.IGNORECASE) for entry in data.get(kind) or [])
        for kind in ("rose", "back")
    }


def _texts(event: Event) -> list[str]:
    return [t for t in (event.title, *event.sentences) if t]


def _first_match(event: Event, kind: str) -> str | None:
    for text in _texts(event):
        for pattern in _cues()[kind]:
            if pattern.search(text):
                return text[:300]
    return None


def says_toll_rose(event: Event) -> str | None:
    """The sentence saying the event's toll went up ("death toll ... rises to four"), or None."""
    return _first_match(event, "rose")


def tells_of_past_event(event: Event) -> str | None:
    """The sentence that speaks of an event already past (a revised toll, "last month's fire"), or None."""
    return _first_match(event, "back")


def names_place(event: Event, places: Iterable[str]) -> str | None:
    """The first of ``places`` (lower-case names) the event's title or sentences name, as a word."""
    text = " ".join(_texts(event)).lower()
    for place in places:
        if len(place) >= 3 and re.search(rf"(?<!\w){re.escape(place)}(?!\w)", text):
            return place
    return None
