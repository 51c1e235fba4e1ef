"""Weapons made or tested, talks paused at the table, gunmen told in the past tense, a resignation
bowing to protests and bombs stuck to vehicles: each sentence is in the shape of a dev_news26 report
the rules read wrongly before these cues, frames and asides existed."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body))}


def test_a_combat_drone_put_into_production_is_no_strike() -> None:
    found = _types(
        "Turkey begins mass production of new attack drone",
        "The defence ministry presented the new attack drone, armed with guided bombs, as series production "
        "began at a plant outside the capital, state media said. Officials said it can strike targets at "
        "long range.",
    )
    assert found == set()


def test_a_drone_firing_missiles_in_an_anti_terror_drill_is_no_strike() -> None:
    found = _types(
        "Armed drones fire missiles in joint anti-terror drill",
        "Military drones fired several missiles at targets during a live-fire rehearsal on Wednesday, a "
        "spokesman said. The drones handle surveillance and ground attack, he said.",
    )
    assert found == set()


def test_missiles_fired_by_a_named_drone_are_the_drone_strike_alone() -> None:
    found = _types(
        "Drone strike kills 11 in tribal region",
        "Missiles fired by an unmanned American Reaper aircraft killed 11 suspected militants on Monday in a "
        "village near the border, officials said.",
    )
    assert "air_drone_strike" in found
    assert "missile_artillery_strike" not in found


def test_negotiators_agreeing_to_pause_their_talks_are_peace_talks() -> None:
    found = _types(
        "Government and ELN negotiators agree recess until March",
        "Government and ELN negotiators in Havana have agreed to pause their talks until March 2, both "
        "sides said on Sunday.",
    )
    assert found == {"peace_talks"}


def test_armed_men_who_killed_villagers_attacked_civilians() -> None:
    found = _types(
        "Seven killed in the north",
        "Armed men killed seven people overnight on Friday near the town of Kerou, a security official said "
        "on Saturday.",
    )
    assert found == {"attack_on_civilians"}


def test_attackers_killed_in_an_ambush_did_not_attack_civilians() -> None:
    found = _types(
        "Army says two soldiers and 14 attackers killed in ambush",
        "Two soldiers and 14 attackers were killed when militants ambushed an army patrol on Tuesday, the "
        "army said.",
    )
    assert "attack_on_civilians" not in found


def test_a_president_resigning_bowing_to_protests_reports_no_protest() -> None:
    found = _types(
        "President resigns after weeks of unrest",
        "The president resigned on Tuesday, bowing to weeks of street protests against his rule, state "
        "television said.",
    )
    assert "protest" not in found
    assert "leadership_change" in found


def test_a_magnetic_bomb_on_a_vehicle_is_a_remote_explosive() -> None:
    found = _types(
        "Magnetic bomb kills two police officers in capital",
        "Two police officers died on Thursday when a magnetic bomb attached to their car went off in the "
        "capital, a spokesman said.",
    )
    assert found == {"infrastructure_attack"}


def test_such_bombings_growing_more_frequent_is_background() -> None:
    found = _types(
        "Roadside bomb kills four soldiers in the south",
        "Four soldiers died on Monday when their truck ran over a roadside bomb in the south, police said. "
        "Such bombings have grown more frequent as insurgents step up attacks ahead of the elections.",
    )
    assert found == {"infrastructure_attack"}


def test_residents_who_fled_coming_back_are_no_evacuation() -> None:
    found = _types(
        "Troops push militants out of district centre",
        "Troops drove militants out of the district centre on Tuesday, the governor said. Fighters had "
        "overrun the centre earlier in the week, and families who fled are beginning to return.",
    )
    assert "evacuation" not in found


def test_an_island_bracing_for_another_evacuation_reports_the_eruption_alone() -> None:
    found = _types(
        "Island faces another evacuation as volcano erupts again",
        "Villagers on the island were bracing for their third evacuation in a year on Monday after the "
        "volcano began erupting again, officials said.",
    )
    assert "evacuation" not in found
    assert "natural_disaster" in found


def test_plotters_who_planned_to_seize_a_building_are_arrested_not_a_coup() -> None:
    found = _types(
        "Coup plotters planned to seize the senate, army says",
        "A group held last week had planned to seize the senate and take lawmakers hostage, the army said "
        "on Monday. Nine people, five of them officers, were detained on Friday in a raid on their hideout.",
    )
    assert "coup" not in found
    assert "arrest" in found
