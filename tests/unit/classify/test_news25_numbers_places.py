"""Round 25's pass on dev_news25 (tests/data/reporting/dev_news25.yaml): the numbers and places it
read wrongly, each in sentences of our own, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify.magnitude import read_text
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_one_rocket_an_interceptor_brought_down_is_the_attacks_one_rocket() -> None:
    found = units("An interceptor brought down a rocket launched from the north at a border town on Friday.")
    assert found.get("missiles") == 1


def test_the_killing_the_unrest_began_after_is_not_its_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Looting spreads across Manchester for a second night",
        "Youths looted shops and set cars alight across Manchester for a second night on Sunday, and "
        "police made dozens of arrests. The unrest began in Moss Side on Friday after officers shot a "
        "teenager dead during a traffic stop.",
    )
    assert "killed" not in found["riot"].magnitude


def test_rockets_militants_in_one_place_fire_at_a_city_are_placed_at_the_city(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Rockets fired at Sderot; one intercepted",
        "Militants in Gaza City fired three rockets at the southern Israeli town of Sderot on Sunday; one "
        "was intercepted and two fell in open ground, the army said.",
    )
    location = found["missile_artillery_strike"].location
    assert location is not None and location.country_code == "IL"


def test_a_headlines_rocket_from_a_place_was_launched_there_not_aimed_there(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Rocket from Gaza shot down over southern towns",
        "A rocket fired from the Gaza Strip was shot down over Israeli towns near the border on Friday, "
        "the Israeli military said. Sirens sounded across the Gaza envelope before it was intercepted.",
    )
    location = found["missile_artillery_strike"].location
    assert location is not None and location.country_code == "IL"


def test_people_abducted_from_a_place_and_later_killed_are_not_all_dead() -> None:
    found = read_text("Militants abducted 20 people from a bus and later killed 12 of them.", 1)
    assert [(r.unit, r.value) for r in found] == [("killed", 12)]


def test_people_of_two_places_joined_by_and_still_share_the_verb() -> None:
    assert units("About 3,000 people from towns and villages near the volcano were evacuated.") == {
        "evacuated": 3000
    }
    assert units("At least 40 people in the north and east were killed.") == {"killed": 40}


def test_a_sweeps_arrests_this_week_are_the_arrest_events_own(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Police arrest 140 in raids against drug gangs",
        "Police in the capital arrested 140 people this week in raids against drug gangs ahead of the "
        "national elections, the interior ministry said.",
    )
    assert found["arrest"].magnitude == {"arrested": 140}


def test_people_detained_earlier_this_week_are_not_the_protests_arrests(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Hundreds rally outside parliament against new protest law",
        "About 300 demonstrators gathered outside parliament on Saturday against a law that restricts "
        "protests near government buildings. Seven people were detained under the law earlier this week.",
    )
    assert "arrested" not in found["protest"].magnitude


def test_a_quakes_size_an_agency_measured_it_at_is_its_magnitude(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Earthquake kills 12 in mountain villages",
        "Two earthquakes struck mountain villages on Monday, killing at least 12 people, officials said. "
        "The national seismological centre measured the quakes at 5.7 and 5.1, while the US Geological "
        "Survey rated them stronger, at 5.9 and 5.4.",
    )
    magnitude = found["natural_disaster"].magnitude
    assert magnitude.get("killed") == 12 and magnitude.get("magnitude") in (5.7, 5.9)


def test_a_decimal_measured_at_with_no_quake_named_is_no_magnitude(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Earthquake kills 12 in mountain villages",
        "An earthquake struck mountain villages on Monday, killing at least 12 people, officials said. "
        "Rainfall was measured at 4.5 centimetres overnight.",
    )
    assert found["natural_disaster"].magnitude == {"killed": 12}


def test_a_threat_to_kill_a_named_leader_is_no_death(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Thousands rally in capital as mutineers hold minister",
        "Thousands of people rallied in the capital on Friday to demand the release of the defence "
        "minister. A mutiny leader, Joseph Kamara, threatened on radio to kill Peter Mwale if the "
        "crowds did not disperse.",
    )
    assert found["protest"].magnitude == {"protesters": 2000}
    assert not any("killed" in event.magnitude for event in found.values())


def test_people_who_lost_power_after_an_aside_are_the_outages_reach(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Saboteurs blow up pylons, blacking out the north",
        "About 3 million people in the north, a third of the population, lost power after saboteurs "
        "blew up three transmission towers overnight, the grid operator said.",
    )
    assert found["infrastructure_attack"].magnitude == {"affected": 3_000_000}
