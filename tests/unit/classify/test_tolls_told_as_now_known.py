"""Tolls the alert timelines' later reports give in shapes the count readers missed: a toll told as what
is now known, and a toll told by the ordinal of the latest dead. Each sentence is our own, in the shape
of a dev timeline's report (tests/data/alerts/timelines/)."""

from __future__ import annotations

from herald.classify.magnitude import read_text


def units(sentence: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for r in read_text(sentence, 1):
        found[r.unit] = max(found.get(r.unit, 0.0), r.value)
    return found


def test_people_now_known_to_have_died_are_the_toll() -> None:
    found = units(
        "Thirty people are now known to have died in the bus crash, the governor said, and 41 remain in "
        "hospital."
    )
    assert found["killed"] == 30


def test_people_confirmed_to_have_been_killed_are_the_toll() -> None:
    assert units("At least 14 miners are confirmed to have been killed in the blast.")["killed"] == 14


def test_a_third_person_has_died_makes_the_toll_three() -> None:
    found = units("A third person has died of wounds from Monday's strike on the port, the ministry said.")
    assert found["killed"] == 3


def test_a_fourth_worker_dying_in_hospital_makes_the_toll_four() -> None:
    assert units("A fourth worker has died in hospital after the refinery fire.")["killed"] == 4


def test_a_third_who_died_after_two_injured_is_one_dead_not_three() -> None:
    found = units("Two miners were injured in the blast and a third died, officials said.")
    assert found.get("killed") == 1
