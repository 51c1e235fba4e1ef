"""Number traps of real reporting: a salvo told as its kinds, "all N" shot down, a total "in all",
a toll's own figure before another number, the part of the injured sent to one hospital, people
counted where they are, the date of a clause "in which" people died."""

from __future__ import annotations

import pytest

from herald.classify.magnitude import Reading, measure, read_text


def _largest(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for r in read_text(text, 0):
        out[r.unit] = max(out.get(r.unit, 0.0), r.value)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The military said the attack was 170 drones, 30 cruise missiles and 110 ballistic missiles.",
            {"drones": 170, "missiles": 140},
        ),
        ("Russia also sent six Shahed drones and three reconnaissance drones.", {"drones": 9}),
        ("They were six Kinzhals, nine Kalibr cruise missiles and three Iskanders.", {"missiles": 18}),
    ],
)
def test_a_salvo_told_as_its_kinds_is_their_sum(text: str, expected: dict[str, float]) -> None:
    assert _largest(text) == expected


def test_kinds_in_separate_clauses_are_not_one_list() -> None:
    assert _largest("Russia fired 30 cruise missiles, the air force said, and 110 more were seen.") == {
        "missiles": 30
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine said it shot down all 18 missiles overnight.", {"missiles": 18}),
        ("Earlier in the night it had downed all 35 Shahed drones.", {"drones": 35}),
        ("Air defences shot down 18 missiles.", {}),  # a part of a salvo
    ],
)
def test_all_of_a_salvo_shot_down_is_the_salvo(text: str, expected: dict[str, float]) -> None:
    assert _largest(text) == expected


def test_a_total_in_all_stands_over_the_lead_figure() -> None:
    readings = [
        *read_text("Russia attacked Ukraine with 29 Shahed drones during the night, the air force said.", 1),
        *read_text("In all, Russia fired 31 drones and one missile from Crimea, the air force said.", 2),
    ]
    assert measure("air_drone_strike", [1, 2], readings)["drones"] == 31


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neither 222 cases nor 5,462 dead: the 5,462 are the cases
        ("Zambia cholera toll reaches 222 as cases rise to 5,462", {"affected": 5462}),
        ("Fifteen of the injured went to Parkland Memorial Hospital.", {"wounded": 15}),
        ("More than 6,085,400 people in those states and Bihar are affected.", {"affected": 6_085_400}),
        ("The personal data of all 6.5 million of its members was stolen.", {"affected": 6_500_000}),
        ("The military said it intercepted some of the approximately 65 launches.", {"missiles": 65}),
        (
            "It was one of the deadliest days of a war that began with the Hamas-led attack of October 2023, "
            "in which about 1,200 people were killed and 250 taken hostage.",
            {},
        ),
        ("Up to 719 people in the affected communities may have been exposed, she said.", {}),
        ("At least 65 other workers broke bones jumping from windows.", {"wounded": 65}),
        ("The county sheriff put the number involved at about 150.", {"protesters": 150}),
    ],
)
def test_what_each_number_counts(text: str, expected: dict[str, float]) -> None:
    assert _largest(text) == expected


def test_a_totals_reading_is_marked_as_the_figure_that_stands() -> None:
    expected = [Reading("killed", 40.0, "exact", 0, update=True)]
    assert read_text("In all, 40 people were killed.", 0) == expected
