"""The named hazards classification has just reported, so a report naming only the storm is read as one.

"Grenada's Beryl death toll rises to three" names no hazard word: without knowing that Hurricane Beryl
struck Grenada the day before, nothing in it says disaster. Classification sees one report at a time,
so the stage that runs it (the classify worker, ``herald analyze``) keeps this small memory of the
names its recent natural-disaster events gave ("Hurricane Beryl flattens Carriacou, one dead on
Grenada") and passes the live ones to ``classify``; a headline or sentence that gives a toll in the
storm's name (``TOLL_IN_NAME``) then reports a natural disaster.

The memory is the worker process's own (not a table): it is rebuilt from the reports that follow a
restart, and a storm is named in most of its reports. Bounded by ``window`` and ``limit``.

A disaster named by the place it struck ("the Wayanad landslides", ``data/live_hazards.yaml``) is
remembered the same way: "Wayanad toll rises to 210" names no hazard word either, and the district is
no storm name the core pattern knows.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache, lru_cache
from importlib import resources

from herald.core import yaml_data
from herald.core.hazard_names import hazard_names
from herald.core.records import Event

HAZARD_TYPE = "natural_disaster"


@cache
def _place_named() -> re.Pattern[str]:
    """The pattern of a disaster named by its place; loaded once, on first use."""
    text = resources.files("herald.classify").joinpath("data/live_hazards.yaml").read_text()
    return re.compile(yaml_data.load(text)["place_named"]["pattern"])


def names_given(text: str) -> list[str]:
    """The hazard names a disaster report gives: storms and mountains with their kind word, and places
    the disaster is named by ("the Wayanad landslides")."""
    return [*hazard_names(text), *_place_named().findall(text)]


@dataclass
class LiveHazards:
    """Names of the hazards recent natural-disaster events named, each with when it was last reported."""

    window: timedelta = timedelta(days=10)  # as long as a disaster's story stays open (story_config)
    limit: int = 256
    seen: dict[str, datetime] = field(default_factory=dict)

    def learn(self, events: Iterable[Event]) -> None:
        """Remember the names the natural-disaster events among ``events`` give with their kind word."""
        for event in events:
            if event.type != HAZARD_TYPE:
                continue
            for text in (event.title, *event.sentences):
                for name in names_given(text):
                    last = self.seen.get(name)
                    if last is None or event.published > last:
                        self.seen[name] = event.published
        if len(self.seen) > self.limit:
            newest = sorted(self.seen.items(), key=lambda item: item[1])[-self.limit :]
            self.seen = dict(newest)

    def live(self, at: datetime) -> frozenset[str]:
        """The names reported within ``window`` before ``at`` (or after it: reports arrive out of order)."""
        return frozenset(name for name, last in self.seen.items() if abs(at - last) <= self.window)


# Bounded: the live set changes as storms come and go, and a worker runs for months.
@lru_cache(maxsize=64)
def _toll_in_name(names: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in sorted(names))
    # "Beryl death toll", "Grenada's Beryl toll", "toll from Beryl", "Beryl kills seven", "Beryl dead":
    # the name as a word of its own (not a first name before a surname), then a toll.
    name = rf"\b(?:{alt})\b(?!\s+[A-Z])"
    return re.compile(
        rf"{name}(?:'s)?\s+(?:death\s+)?toll\b"
        rf"|\b(?:death\s+)?toll\s+(?:from|of)\s+{name}"
        rf"|{name}\s+(?:kills|killed|has\s+killed|leaves\s+[\w-]+\s+dead|dead)\b"
    )


def toll_in_name(text: str, names: Collection[str]) -> tuple[int, int] | None:
    """Where the text gives a toll in a live hazard's name ("Grenada's Beryl death toll"), or None.

    Not in a sentence that names a hazard with its kind word ("Typhoon Kalmaegi killed 232 there last
    week"): the rules read that one as it is, and left it out for a reason (here, an earlier storm)."""
    if not names or hazard_names(text):
        return None
    found = _toll_in_name(frozenset(names)).search(text)
    return found.span() if found else None
