"""How a report words a change in its event's toll: "the toll rose to four", "revised up to 600".

The novelty rules weigh counts, but two things only the wording tells: that a count the alerted
report did not give is a rise all the same (the first report said "a woman and her baby were killed",
the next "the toll rose to four"), and that a report weeks later speaks of an event already past ("the
August attack on Barsalogho", "last month's fire"), so it is that event's later report, not a new one.
And a third: that a later report tells of an event of its own ("a new 6.3 quake", "a day after a
cloudburst across the border killed 60"), which a rule joining reports by country, place or family
would otherwise take for the alerted event's rising toll.
The cues are data (``data/toll_wording.yaml``), each with the report that motivated it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
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
        for kind in ("rose", "back", "new")
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


# Words that put a count in a clause about an earlier event: "a day after ... killed 60", "less than two
# weeks after 52 people were killed", "the previous record of 728". "From" is left out: "up from 250" is
# the same event's earlier count.
_BACKGROUND = r"\b(?:after|since|previous (?:record|high|toll) of|record of)\b[^.;]{0,100}?"


def _number_forms(value: float) -> str:
    whole = int(value)
    forms = {str(whole), f"{whole:,}"} if value == whole else {f"{value:g}"}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def recalls_count(event: Event, value: float) -> str | None:
    """The sentence naming ``value`` in a clause about an earlier event ("a day after a cloudburst in
    India killed 60"), or None."""
    pattern = re.compile(rf"{_BACKGROUND}(?<![\d,.])(?:{_number_forms(value)})(?![\d,]|\.\d)", re.IGNORECASE)
    for text in _texts(event):
        if pattern.search(text):
            return text[:300]
    return None


def tells_of_another_event(event: Event, counts: Mapping[str, float]) -> str | None:
    """Why the report tells of an event of its own rather than of the event whose alerted ``counts``
    (metric -> value) it would otherwise raise or repeat, or None.

    Either its wording says the event is new ("a new 6.3 quake", "third strong quake in a week"), or it
    names one of those counts as another event's while giving a different count of that metric itself
    ("... 157 killed, a day after a cloudburst across the border killed 60"): a second event of the
    family that recalls the first as background. A report of the same event revising its toll says
    "rose to" or "up from", not "after N were killed".
    """
    new = _first_match(event, "new")
    if new:
        return f'it tells of a new event: "{new}"'
    for metric, before in sorted(counts.items()):
        own = event.magnitude.get(metric)
        if own is None or own == before:
            continue
        sentence = recalls_count(event, before)
        if sentence:
            return f"it gives {metric} {own:g} and names {before:g} as an earlier event's: {sentence!r}"
    return None


def names_place(event: Event, places: Iterable[str]) -> str | None:
    """The first of ``places`` (lower-case names) the event's title or sentences name, as a word."""
    text = " ".join(_texts(event)).lower()
    for place in places:
        if len(place) >= 3 and re.search(rf"(?<!\w){re.escape(place)}(?!\w)", text):
            return place
    return None
