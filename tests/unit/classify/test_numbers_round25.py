"""Round 25's numbers pass: news constructions that the folded round-5 dev file read wrong, each in a
sentence of our own, through the real enrichment (tests/data/reporting/dev_folded_r5.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify.magnitude import read_text
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_a_quakes_magnitude_before_killed_is_no_toll() -> None:
    found = units("A shallow earthquake of magnitude 6.8 killed two people and injured 40 on Tuesday.")
    assert found == {"magnitude": 6.8, "killed": 2, "wounded": 40}


def test_a_toll_dated_by_a_year_before_1900_is_an_earlier_figure(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Thousands leave villages as volcano erupts",
        "More than 5,000 people left their homes as the volcano erupted on Friday, officials said. "
        "The volcano's deadliest eruption, in 1883, killed 2,000 people.",
    )
    assert "killed" not in found["natural_disaster"].magnitude


def test_drones_fought_off_by_air_defences_are_not_the_attacks_size() -> None:
    found = units("The governor said air defences fought off six drones over the region overnight.")
    assert "drones" not in found


def test_the_death_that_set_off_a_riot_is_not_its_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "30 arrested after night of rioting in the city",
        "Police arrested 30 people after rioters set cars on fire in the city centre on Saturday. The "
        "unrest began as a protest over the death of a young man who was shot by police on Wednesday.",
    )
    assert found["riot"].magnitude == {"arrested": 30}


def test_the_dead_of_a_collapse_a_crowd_demands_accountability_for_are_not_the_protests() -> None:
    found = units(
        "Thousands rallied on Sunday to demand accountability for the collapse of a shopping centre "
        "roof in the old town that killed 12 people last month."
    )
    assert "killed" not in found


def test_people_who_fell_ill_are_an_outbreaks_cases() -> None:
    found = units("Health workers took samples from 14 people who fell ill with fever in the district.")
    assert found == {"affected": 14}


def test_confirmed_and_probable_cases_are_one_count() -> None:
    found = units("Officials said 63 confirmed and probable cases had been recorded in the outbreak so far.")
    assert found == {"affected": 63}


def test_people_linked_to_a_plot_who_were_arrested_are_the_arrests() -> None:
    found = units("The minister said 21 people linked to the plot were arrested overnight.")
    assert found == {"arrested": 21}


def test_a_people_packed_into_evacuation_centres_were_evacuated() -> None:
    found = units("Tens of thousands of Filipinos packed into evacuation centres as the storm neared.")
    assert "evacuated" in found


def test_the_years_tally_an_outbreak_rose_to_is_not_its_new_deaths(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Three more cholera deaths in Malawi",
        "Three more people have died of cholera in Malawi, raising the number of deaths this year to "
        "eleven, the health ministry said.",
    )
    assert found["disease_outbreak"].magnitude.get("killed") == 3


def test_one_missile_intercepted_after_its_launch_site_is_the_attacks_one_missile() -> None:
    found = units("The army said it intercepted a missile launched from Lebanon before it crossed over.")
    assert found.get("missiles") == 1


def test_volunteers_who_joined_a_clean_up_are_no_crowd() -> None:
    found = units("More than 2,000 volunteers joined the clean-up on Wednesday morning.")
    assert "protesters" not in found


def test_a_capitalised_demonym_that_marched_is_still_the_crowd() -> None:
    found = units("About 3,000 Hondurans marched through the capital on Saturday.")
    assert found == {"protesters": 3000}
