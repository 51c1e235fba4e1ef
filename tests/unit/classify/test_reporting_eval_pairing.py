"""How the reporting scorer pairs labels with found events when an article holds several of one type.

A report of two raids, one in each of two countries, found as one event is scored once, on the raid it
is; found as two events, each is scored on its own raid whatever order the classifier gives them.
"""

from __future__ import annotations

from typing import Any

from tests.support.reporting_eval import Outcome, score
from tests.support.store import event

from herald.core.records import Event, Location

RAID_IN_SUDAN = {"type": "air_drone_strike", "country": "SD", "numbers": {"killed": 12}}
RAID_IN_CHAD = {"type": "air_drone_strike", "country": "TD", "numbers": {"killed": 3}}


def found(n: int, country: str, killed: float) -> Event:
    where = Location(name=country, country_code=country, kind="country")
    return event(n, "raids", "wire", type="air_drone_strike", location=where, magnitude={"killed": killed})


def outcome(*events: Event) -> Outcome:
    item: dict[str, Any] = {"id": "raids", "events": [RAID_IN_SUDAN, RAID_IN_CHAD]}
    return Outcome(item, list(events))


def test_one_event_found_for_two_raids_is_scored_once_on_the_raid_it_is() -> None:
    scores = score([outcome(found(1, "TD", 3))])
    assert (scores.countries, scores.countries_right) == (1, 1)
    assert (scores.numbers, scores.numbers_right) == (1, 1)


def test_two_events_found_are_each_scored_on_their_own_raid_in_any_order() -> None:
    scores = score([outcome(found(1, "TD", 3), found(2, "SD", 12))])
    assert (scores.countries, scores.countries_right) == (2, 2)
    assert (scores.numbers, scores.numbers_right) == (2, 2)


def test_an_event_placed_wrong_still_counts_against_the_country_figure() -> None:
    scores = score([outcome(found(1, "ER", 12))])
    assert (scores.countries, scores.countries_right) == (1, 0)
    assert (scores.numbers, scores.numbers_right) == (1, 1)
