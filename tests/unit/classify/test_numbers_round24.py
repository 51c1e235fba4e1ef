"""Round 24's numbers pass, through the real enrichment: news constructions that the folded split
``dev_folded_r4`` (written by writers who never tuned a rule) read wrong, each in a sentence of our
own (tests/data/reporting, issue 15)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from tests.support.classify_articles import as_article

from herald.classify.magnitude import read_text
from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def events(enrich: Enrich, title: str, body: str, published: datetime | None = None) -> dict[str, Event]:
    article = as_article(f"r24-{title[:20]}", title, body)
    if published is not None:
        article = article.model_copy(update={"published": published, "fetched_at": published})
    [enriched] = enrich([article])
    return {e.type: e for e in classify(enriched)}


def test_a_day_after_a_short_month_is_a_date_not_a_toll(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Missile strike on Zaporizhzhia wounds four",
        "A Russian missile hit an industrial site in Zaporizhzhia on Tuesday, wounding four people, the "
        "regional governor said. A missile attack on the city on Sept. 12 killed at least nine people.",
        published=datetime(2025, 9, 23, 9, tzinfo=UTC),
    )
    magnitude = found["missile_artillery_strike"].magnitude
    assert magnitude["wounded"] == 4
    assert "killed" not in magnitude


def test_another_strike_hours_earlier_is_not_this_ones_toll(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Israeli strike on house in south Lebanon kills six",
        "Six people were killed when an Israeli airstrike hit a house in the village of Kfar Roummane, "
        "Lebanon's Health Ministry said. Hours earlier another Israeli strike on nearby Arnoun had "
        "killed two people and wounded 11.",
    )
    assert found["air_drone_strike"].magnitude == {"killed": 6}


def test_a_toll_that_has_gone_up_is_the_toll_and_a_running_one_since_fire_began_is_not(
    enrich: Enrich,
) -> None:
    found = events(
        enrich,
        "Toll from Israeli strike in south Lebanon rises to seven",
        "The number of people killed by an Israeli air raid on a farm near Marjayoun has gone up to "
        "seven, the state news agency said. More than 300 people have been killed since cross-border "
        "fire began last year.",
    )
    assert found["air_drone_strike"].magnitude == {"killed": 7}


def test_cases_told_after_a_long_aside_on_where_they_are() -> None:
    [reading] = read_text(
        "Confirmed dengue cases in Mymensingh, a district in Bangladesh's north-central division, have "
        "risen to 2,318 this month, health officials said.",
        1,
    )
    assert (reading.unit, reading.value) == ("affected", 2318)


def test_a_sentence_joining_the_hazard_far_from_its_cue_gives_its_wounded(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Eleven missing after mudslide hits village in Yunnan",
        "Rescuers in Yunnan province are searching for 11 people missing after a mudslide struck a "
        "mountain village on Sunday, killing at least two, state media said. The slide followed days "
        "of heavy rain. Road crews reached the village by evening. Three injured people were pulled out "
        "and about 200 others were evacuated.",
    )
    assert found["natural_disaster"].magnitude.get("wounded") == 3


def test_people_under_orders_to_leave_and_a_headline_forcing_them_out_were_evacuated(
    enrich: Enrich,
) -> None:
    found = events(
        enrich,
        "One dead as bushfire forces 12,000 from their homes",
        "About 12,000 people in the Blue Mountains were under orders to leave their homes on Sunday as "
        "a bushfire spread, fire officials said. One person has died.",
    )
    assert found["evacuation"].magnitude == {"evacuated": 12000}
    assert found["natural_disaster"].magnitude == {"killed": 1, "evacuated": 12000}


def test_people_moved_out_of_harms_way_or_gone_to_shelters_were_evacuated() -> None:
    [moved] = read_text(
        "Officials in Guangdong have moved 250,000 people out of harm's way ahead of the storm.", 1
    )
    [sheltered] = read_text("At least 9,000 coastal residents went to temporary shelters on Tuesday.", 1)
    assert (moved.unit, moved.value) == ("evacuated", 250000)
    assert (sheltered.unit, sheltered.value) == ("evacuated", 9000)


def test_people_put_under_house_arrest_were_arrested() -> None:
    readings = read_text("At least 12 people have been put under house arrest since the curfew began.", 1)
    assert ("arrested", 12) in {(r.unit, r.value) for r in readings}


def test_a_named_leader_and_the_group_held_with_him_are_counted_together(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Police hold opposition leader and 40 supporters",
        "Police in Harare arrested opposition leader Tendai Moyo and 40 supporters on Saturday at a "
        "meeting the authorities called unlawful, their lawyer said.",
    )
    assert found["arrest"].magnitude == {"arrested": 41}


def test_a_fifth_man_arrested_makes_the_arrests_five(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Four men held over alleged bomb plot",
        "Counter-terrorism police arrested four men on Friday over an alleged plot to bomb a synagogue. "
        "A fifth man, 31, arrested in Leeds in the same operation, was released on bail on Sunday.",
    )
    assert found["arrest"].magnitude == {"arrested": 5}


def test_gunmen_who_shot_dead_a_man_killed_one(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Gunmen kill farmer, abduct two in Kaduna village",
        "Gunmen shot dead a farmer at his home in a village in Kaduna State early on Monday and carried "
        "off two of his neighbours, police said.",
    )
    assert found["attack_on_civilians"].magnitude == {"killed": 1}


def test_a_man_and_his_wife_dead_and_a_man_with_injuries_of_two_kinds(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Couple killed as shell hits Nikopol home",
        "A 74-year-old man and his wife, 70, died when a Russian artillery shell hit their house in "
        "Nikopol overnight, and a 40-year-old man suffered shrapnel and head injuries, the governor said.",
    )
    assert found["missile_artillery_strike"].magnitude == {"killed": 2, "wounded": 1}


def test_the_villages_of_two_names_are_two_settlements() -> None:
    readings = read_text(
        "The ministry said its forces had taken control of the villages of Novoselivka and Zelene Pole.", 1
    )
    assert ("settlements", 2) in {(r.unit, r.value) for r in readings}


def test_the_people_a_struck_line_supplies_are_affected() -> None:
    readings = read_text(
        "Attackers set fire to a cable duct, knocking out lines that supply some 30,000 households.", 1
    )
    assert ("affected", 30000) in {(r.unit, r.value) for r in readings}


def test_a_sentence_ending_on_a_clock_time_does_not_lend_its_counts_to_the_next(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Troops of two neighbours exchange fire on the border",
        "Thai and Cambodian forces traded fire on Thursday, the army said, accusing Cambodian troops of "
        "opening fire near a border temple at 7:45 a.m. Three rockets launched from Cambodia hit a "
        "village in Sisaket province, wounding at least five Thai civilians. A regional command reported "
        "clashes with small arms along the front line, in which two Thai soldiers were wounded.",
    )
    assert found["armed_clash"].magnitude == {"wounded": 2}
    assert found["missile_artillery_strike"].magnitude == {"missiles": 3, "wounded": 5}


def test_miners_a_blast_trapped_are_missing_but_not_those_trapped_by_a_fire_that_killed(
    enrich: Enrich,
) -> None:
    trapped = events(
        enrich,
        "Crews enter colliery after blast traps 9 miners",
        "Rescue teams went into the colliery on Tuesday, ten hours after an explosion trapped 9 miners "
        "about a mile underground, the company said.",
    )
    burned = events(
        enrich,
        "At least 20 killed as fire sweeps Dhaka garment factory",
        "A fire that tore through a garment factory in Dhaka on Friday killed at least 20 people, "
        "trapping dozens of workers who had been sleeping inside, officials said.",
    )
    assert trapped["industrial_accident"].magnitude == {"missing": 9}
    assert burned["industrial_accident"].magnitude == {"killed": 20}


def test_the_number_held_a_source_gives_refines_about_a_dozen(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Army detains about a dozen officers after failed coup bid",
        "Around a dozen officers, including the leaders of Sunday's failed coup attempt, have been "
        "arrested, security sources said. One source put the number held at 14, all of them serving "
        "soldiers.",
    )
    assert found["coup"].magnitude == {"arrested": 14}


def test_a_crowd_told_by_its_participle_or_its_verb_alone() -> None:
    protesting = read_text(
        "Riot police moved on Tuesday against thousands of people protesting for a second week against "
        "the new media law.",
        1,
    )
    gathered = read_text("Four more people were killed on Sunday as thousands gathered in the capital.", 1)
    assert ("protesters", 2000) in {(r.unit, r.value) for r in protesting}
    assert ("protesters", 2000) in {(r.unit, r.value) for r in gathered}


def test_aircraft_a_strike_destroyed_are_its_target_not_its_force() -> None:
    destroyed = read_text(
        "Ukrainian drones struck the Engels airfield overnight, destroying at least four aircraft and "
        "damaging three, a Ukrainian outlet reported.",
        1,
    )
    flew = read_text("The army said 20 fighter jets struck targets in Yemen overnight.", 1)
    assert "aircraft" not in {r.unit for r in destroyed}
    assert ("aircraft", 20) in {(r.unit, r.value) for r in flew}


def test_a_town_taken_beside_villages_no_one_numbered_counts_no_settlements() -> None:
    readings = read_text(
        "Rebels captured the town of Rubaya late on Friday after seizing several villages along the "
        "main road, the army said.",
        1,
    )
    assert "settlements" not in {r.unit for r in readings}


def test_battalions_overrun_are_units_beaten_not_a_place_taken() -> None:
    readings = read_text("Rebel fighters overran Light Infantry Battalions 220 and 345 on Monday.", 1)
    assert "settlements" not in {r.unit for r in readings}
