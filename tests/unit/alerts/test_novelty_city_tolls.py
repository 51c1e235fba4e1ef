"""A fire's rising toll told from the city it burns near, split off by story grouping (issue 16,
la_wildfires): "Los Angeles fires: death toll rises to five ... all of them in the Eaton fire zone", the
night after "Two dead in Eaton fire" alerted, placed in Los Angeles rather than at the fire. The report
says its toll rose and names the alerted story's place: it updates that story, 2 -> 5, and raises no
first of its own."""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Claim

FIRE = dict(type="natural_disaster", severity=3)
EATON = ("Eaton", "US", "California")
LOS_ANGELES = ("Los Angeles", "US", "California")


def _eaton() -> NoveltyDetector:
    det = NoveltyDetector({})
    first = det.observe(
        ev(
            0,
            story="eaton",
            where=EATON,
            magnitude={"killed": 2},
            title="Two dead in Eaton fire; Palisades blaze the most destructive in Los Angeles history",
            **FIRE,
        )
    )
    assert rules(first) == ["new_type"]
    return det


def test_a_city_s_risen_toll_naming_the_fire_updates_its_story() -> None:
    det = _eaton()
    outcome = det.assess(
        ev(
            1,
            day=0.46,
            story="la",
            where=LOS_ANGELES,
            magnitude={"killed": 5},
            title="Los Angeles fires: death toll rises to five",
            sentences=[
                "Five people have now died in the fires around Los Angeles, the county sheriff said, all of "
                "them in the Eaton fire zone, with thousands of homes lost across the two blazes."
            ],
            **FIRE,
        )
    )
    [update] = outcome.alerts
    assert update.update_of is not None
    assert update.evidence["escalation"]["magnitude"]["killed"] == {"previous": 2, "value": 5}
    assert ("any", "retelling") in held(outcome)


def test_a_toll_that_names_no_place_of_the_story_is_not_its_update() -> None:
    """Another fire in the same country the same day, whose toll rose, names none of the alerted
    story's places: not that story's report."""
    det = _eaton()
    outcome = det.assess(
        ev(
            1,
            day=0.46,
            story="other",
            where=("Redding", "US", "California"),
            magnitude={"killed": 5},
            title="Carr fire death toll rises to five near Redding",
            **FIRE,
        )
    )
    assert [a for a in outcome.alerts if a.update_of] == []
    assert ("any", "retelling") not in held(outcome)


def test_a_toll_that_does_not_say_it_rose_is_not_taken_for_the_story_s() -> None:
    det = _eaton()
    outcome = det.assess(
        ev(
            1,
            day=0.46,
            story="la",
            where=LOS_ANGELES,
            magnitude={"killed": 5},
            title="Five killed in a house fire in Los Angeles, blocks from the Eaton fire zone",
            **FIRE,
        )
    )
    assert ("any", "retelling") not in held(outcome)


def test_a_deadly_fire_s_claimed_record_pages_once_as_the_record() -> None:
    """At severity 3 the first deaths of a fire page as a deadly first; the same report's own claim of a
    record ("the most destructive in Los Angeles history") pages instead of it, not beside it."""
    det = NoveltyDetector({})
    claim = "Two dead in Eaton fire; Palisades blaze the most destructive in Los Angeles history"
    outcome = det.assess(
        ev(
            0,
            story="eaton",
            where=EATON,
            magnitude={"killed": 2},
            title=claim,
            claims=[Claim(kind="record", text=claim)],
            **FIRE,
        )
    )
    assert rules(outcome.alerts) == ["record"]
    assert ("new_type", "record_instead") in held(outcome)


def test_a_claimed_record_of_an_event_that_killed_no_one_stays_below_the_floor() -> None:
    det = NoveltyDetector({})
    claim = "Palisades blaze the most destructive in Los Angeles history"
    outcome = det.assess(ev(0, where=EATON, title=claim, claims=[Claim(kind="record", text=claim)], **FIRE))
    assert outcome.alerts == []
    assert ("record", "low_severity") in held(outcome)


def test_flood_deaths_that_climb_at_another_town_of_the_state_update_the_first_days_on() -> None:
    """rs_floods: "Torrential rains kill 10 in Rio Grande do Sul" pages Brazil's first; 34 hours on,
    "Southern Brazil flood deaths climb to 29 as a dam partly gives way", placed at Bento Goncalves,
    paged a record of 60 missing over 2023's cyclone floods. Its deaths climbed (a rise, though no
    "toll" is named) and it names the first's place, within the days a flood is counted on: an update."""
    flood = dict(type="natural_disaster", severity=4)
    det = NoveltyDetector({})
    det.observe(
        ev(
            0,
            day=-240,
            story="cyclone",
            where=("Mucum", "BR", None),
            magnitude={"killed": 41, "missing": 46},
            **flood,
        )
    )
    first = det.observe(
        ev(
            1,
            story="rains",
            where=("Rio Grande", "BR", None),
            magnitude={"killed": 10, "missing": 21},
            title="Torrential rains kill 10 in Rio Grande do Sul; 21 missing",
            **flood,
        )
    )
    assert rules(first) == ["new_type"]
    outcome = det.assess(
        ev(
            2,
            day=1.4,
            story="dam",
            where=("Bento Goncalves", "BR", None),
            magnitude={"killed": 29, "missing": 60},
            title="Southern Brazil flood deaths climb to 29 as a dam partly gives way",
            sentences=["Floods in Rio Grande do Sul have now killed 29 people and left 60 missing."],
            **flood,
        )
    )
    assert [(a.update_of, a.rule) for a in outcome.alerts] == [(first[0].id, "new_type")]
    assert ("any", "retelling") in held(outcome)
