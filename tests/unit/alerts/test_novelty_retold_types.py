"""A retelling typed as another type does not make its type routine in the country (issue 16,
india_pakistan): World Wire's "Pakistan says 26 civilians killed in India's deepest strikes since 1971",
typed a drone strike, was the missile strikes' later report (their update 8 -> 26) hours after they
paged; Pakistan did not see a drone strike that day, so "Pakistan says it downed 25 Indian drones over
Lahore, Karachi and Rawalpindi" the next day is a first in Lahore, not a routine one."""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector

PK = ("Bahawalpur", "PK", "Punjab")


def _after_the_retelling() -> NoveltyDetector:
    det = NoveltyDetector({})
    first = det.observe(
        ev(0, story="missiles", type="missile_artillery_strike", where=PK, magnitude={"killed": 8})
    )
    assert rules(first) == ["new_type"]
    retold = det.assess(
        ev(
            1,
            day=0.35,
            story="wire",
            type="air_drone_strike",
            severity=5,
            where=("Islamabad", "PK", "Islamabad"),
            magnitude={"killed": 26},
            title="Pakistan says 26 civilians killed in India's deepest strikes since 1971",
        )
    )
    assert [a.update_of for a in retold.alerts] == [first[0].id]
    return det


def test_a_drone_attack_the_day_after_a_retelling_typed_as_drones_is_a_first() -> None:
    det = _after_the_retelling()
    outcome = det.assess(
        ev(
            2,
            day=1.5,
            story="drones",
            type="air_drone_strike",
            where=("Lahore", "PK", "Punjab"),
            magnitude={"killed": 1},
            title="Pakistan says it downed 25 Indian drones over Lahore, Karachi and Rawalpindi",
        )
    )
    assert rules(outcome.alerts) == ["new_type"]
    assert ("new_type", "routine_in_country") not in held(outcome)
