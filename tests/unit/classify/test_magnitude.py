"""Reading counts from wire copy: numbers in words and digits, hedges, and what is not a count."""

from __future__ import annotations

import pytest

from herald.classify.magnitude import Reading, measure, read_text
from herald.classify.numbers import parse_number


@pytest.mark.parametrize(
    ("phrase", "value", "vague"),
    [
        ("12", 12, False),
        ("1,200", 1200, False),
        ("2.5 million", 2_500_000, False),
        ("seven", 7, False),
        ("twenty-three", 23, False),
        ("a dozen", 12, False),
        ("dozens", 24, True),
        ("tens of thousands", 20_000, True),
        ("hundreds of thousands", 200_000, True),
    ],
)
def test_number_phrases(phrase: str, value: float, vague: bool) -> None:
    assert parse_number(phrase) == (value, vague)


def _units(text: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(text, 0)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Strikes hit Kyiv, killing at least 12 people and wounding 40 others.",
            {"killed": 12, "wounded": 40},
        ),
        ("Russia launched 472 drones and seven missiles at Ukraine.", {"drones": 472, "missiles": 7}),
        ("Two people were wounded in Bila Tserkva.", {"wounded": 2}),
        ("The death toll rose to 41 on Tuesday.", {"killed": 41}),
        ("A magnitude 6.1 earthquake struck near Malatya.", {"magnitude": 6.1}),
        ("A 5.4-magnitude quake hit the region.", {"magnitude": 5.4}),
        ("Floods forced more than 20,000 people from their homes.", {"displaced": 20_000}),
        (
            "Police detained 45 people as tens of thousands of protesters marched.",
            {"arrested": 45, "protesters": 20_000},
        ),
        ("Some 200,000 households were left without power.", {"affected": 200_000}),
        ("Hackers stole the data of 2.3 million customers.", {"affected": 2_300_000}),
        ("Russian forces captured three villages.", {"settlements": 3}),
        ("Twelve Ukrainian soldiers were killed.", {"killed": 12}),
    ],
)
def test_counts_read_from_text(text: str, expected: dict[str, float]) -> None:
    assert _units(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He blamed saboteurs; no one was hurt.",  # negated
        "The bridge collapse that killed 15 people last year was not repeated.",  # background
        "A similar attack killed 30 people in 2019.",  # background
        "Russia-Ukraine war, day 1,037",  # a day count is not a count of anything
    ],
)
def test_what_is_not_a_count(text: str) -> None:
    assert _units(text) == {}


def test_evacuated_places_are_not_evacuated_people() -> None:
    assert _units("Authorities ordered the evacuation of 11 border villages.") == {"settlements": 11}


def test_hedges_are_kept_as_qualifiers() -> None:
    (reading,) = read_text("Shelling killed more than 60 people.", 0)
    assert reading.qualifier == "more_than"


def test_measure_keeps_the_types_metrics_the_events_segments_and_the_largest_value() -> None:
    readings = [
        Reading("drones", 472, "exact", 0),
        Reading("missiles", 7, "exact", 0),
        Reading("killed", 5, "exact", 1),
        Reading("killed", 12, "at_least", 1),
        Reading("killed", 99, "exact", 2),  # another event's segment
        Reading("wounded", 300, "less_than", 1),  # "fewer than 300" is no count to rank by
    ]
    assert measure("air_drone_strike", [0, 1], readings) == {"drones": 472, "killed": 12}
    assert measure("missile_artillery_strike", [0, 1], readings) == {"missiles": 7, "killed": 12}
    assert measure("peace_talks", [0, 1, 2], readings) == {}
