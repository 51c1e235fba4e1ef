"""Round 23's second numbers pass, through the real enrichment: news constructions that the folded
split ``dev_folded_r1`` (written by writers who never tuned a rule) read wrong, each in a sentence of
our own (tests/data/reporting, issue 15)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify.magnitude import read_text
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_the_president_the_soldiers_hold_is_the_coups_one_arrest(enrich: Enrich) -> None:
    # The labelling guide: arrests in the coup sentence belong to the coup, and a single named person
    # counts one.
    found = read_events(
        enrich,
        "Soldiers hold Chad's president and dissolve parliament",
        "N'DJAMENA (AP) - Mutinous soldiers detained President Idriss Mahamat at his residence on Monday "
        "after a night of gunfire, then announced on state radio that parliament had been dissolved and "
        "the borders closed.",
    )
    assert found["coup"].magnitude.get("arrested") == 1


def test_a_general_held_after_a_failed_coup_still_counts_one(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Army general arrested after failed coup in Lusaka",
        "Zambia's army commander was arrested on Tuesday hours after troops stormed the presidential "
        "palace in Lusaka in an attempted coup, police said.",
    )
    assert found["coup"].magnitude.get("arrested") == 1


def test_killed_or_wounded_is_one_figure_for_two_fates_and_no_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Drones hit air base in Kursk region",
        "Ukrainian drones struck a military airfield in Russia's Kursk region overnight, a Ukrainian "
        "outlet reported, saying about 30 soldiers were killed or wounded. The regional governor said "
        "five people were injured in a nearby village.",
    )
    assert found["air_drone_strike"].magnitude == {"wounded": 5}


def test_homes_a_storm_destroyed_are_damage_not_people_affected(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Cyclone kills 9 in Mozambique, destroys thousands of homes",
        "Cyclone Elsa killed nine people in central Mozambique, the disaster agency said on Monday. About "
        "3,400 houses were destroyed or damaged in Beira, and the storm destroyed more than 40 schools.",
    )
    assert found["natural_disaster"].magnitude == {"killed": 9}


def test_customers_left_without_power_are_still_affected(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Storm knocks out power across Brittany",
        "A storm with gusts of 150 km/h swept across Brittany overnight, and about 120,000 homes were left "
        "without power on Thursday morning, the grid operator said.",
    )
    assert found["natural_disaster"].magnitude.get("affected") == 120000


def test_the_earlier_quake_a_ranking_names_by_its_day_is_not_the_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Magnitude 6.1 quake shakes central Greece",
        "A magnitude 6.1 earthquake struck central Greece on Saturday, damaging churches in Larissa; "
        "officials said several people were hurt but nobody died. It is the strongest quake in the region "
        "since the March 3 tremor that killed 12 people.",
    )
    assert "killed" not in found["natural_disaster"].magnitude


def test_a_list_opening_with_one_person_counts_that_person(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Youths clash with police in Marseille",
        "Youths threw fireworks and stones at riot police in northern Marseille on Friday night and set "
        "cars alight. A firefighter and three residents were injured, and police arrested 12 people.",
    )
    assert found["riot"].magnitude == {"wounded": 4, "arrested": 12}


def test_one_more_person_also_killed_joins_the_count_before(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Soldiers kill eight militants in North Waziristan raid",
        "PESHAWAR - Pakistani troops killed eight militants in a gunfight at a hideout in North "
        "Waziristan, the military said; a major who led the operation was also killed.",
    )
    assert found["armed_clash"].magnitude == {"killed": 9}


def test_birds_a_virus_killed_are_no_toll_of_people(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Hungary reports bird flu outbreak on duck farm",
        "Hungary has reported an outbreak of highly pathogenic H5N1 bird flu on a duck farm in the east of "
        "the country, the World Organisation for Animal Health said. The virus killed 3,120 birds and the "
        "rest of the flock was culled.",
    )
    assert "killed" not in found["disease_outbreak"].magnitude


def test_people_who_had_taken_part_are_the_crowd() -> None:
    [reading] = read_text("Police said about 800 people had taken part in the rioting.", 1)
    assert (reading.unit, reading.value) == ("protesters", 800)


def test_people_told_by_where_they_live_who_left_their_homes_were_evacuated(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Cologne evacuates 20,000 to defuse wartime bomb",
        "COLOGNE - About 20,000 people living within half a mile of a construction site in Cologne left "
        "their homes on Sunday while experts defused a 1,000-kg bomb from World War II, police said.",
    )
    assert found["evacuation"].magnitude == {"evacuated": 20000}


def test_a_man_found_shot_dead_is_one_killed() -> None:
    readings = read_text(
        "The unrest claimed its first life when a 31-year-old man was found shot dead in a car.", 1
    )
    assert [(r.unit, r.value) for r in readings] == [("killed", 1)]


def test_ages_before_found_dead_are_no_toll() -> None:
    readings = read_text("Two women aged 68 and 75 were found dead in their flooded homes, police said.", 1)
    assert ("killed", 75) not in [(r.unit, r.value) for r in readings]


def test_a_massacre_takes_the_flights_exact_figure_over_its_headlines_thousands(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Gang attack on Haitian town leaves 40 dead, thousands homeless",
        "Gang members stormed the town of Liancourt before dawn on Tuesday and shot residents in their "
        "homes, killing at least 40 people, the UN human rights office said. Some 4,180 people were left "
        "homeless and fled on foot to nearby towns.",
    )
    assert found["evacuation"].magnitude == {"displaced": 4180}
    assert found["attack_on_civilians"].magnitude == {"killed": 40, "displaced": 4180}


def test_people_an_offensive_sent_across_the_border_are_displaced() -> None:
    readings = read_text(
        "Rebels took the border town of Kiwanja, sending more than 12,000 civilians across the border "
        "into Rwanda, local activists said.",
        1,
    )
    assert ("displaced", 12000) in [(r.unit, r.value) for r in readings]


def test_an_operations_running_toll_is_not_the_barrages(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Rocket barrage kills five in Haifa as overall toll reaches 19",
        "Five people were killed in Haifa in the latest barrage of rockets from Lebanon on Tuesday, "
        "rescue services said. The army said about 900 rockets have been fired since Hezbollah began its "
        "campaign on Saturday, killing 19 people and wounding 310 in all. Hezbollah has fired six barrages "
        "so far, each of 40 to 150 rockets.",
    )
    assert found["missile_artillery_strike"].magnitude == {"killed": 5}
