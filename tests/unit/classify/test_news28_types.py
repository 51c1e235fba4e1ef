"""Round 28's type pass on dev_news28: storms still forecast, a weapon explained, a disaster's
anniversary, a mine flooded or blasted and a cabinet sworn in, each in a sentence of our own in the
shape of the report that failed, through the real enrichment (tests/data/reporting/dev_news28.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_types

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_low_likely_to_become_a_cyclone_is_no_disaster_yet(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Cyclone threat grows for Northern Territory coast",
        "DARWIN - A tropical low in the Timor Sea is likely to develop into a category two cyclone by "
        "Wednesday and could cross the coast west of Darwin, the weather bureau said. The system could "
        "bring destructive winds, heavy rain and flash flooding to remote communities, it said.",
    )
    assert found == set()


def test_a_storm_that_may_bring_a_possible_surge_is_no_disaster_yet(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Forecasters warn of strong storm heading for Fiji",
        "A depression north of Vanuatu may become a cyclone and strike Fiji's main island on Saturday "
        "with heavy rain and a possible storm surge, the meteorological service said.",
    )
    assert found == set()


def test_a_weapon_explained_is_no_strike(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Glide bombs, who makes them and why they matter",
        "Glide bombs are ordinary bombs fitted with wings and satellite guidance, analysts say. Some "
        "armies pair them with cruise missiles to overwhelm air defences.",
    )
    assert found == set()


def test_a_country_falling_silent_years_after_a_quake_is_no_disaster(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Chile falls silent 15 years after quake and tsunami",
        "Chileans held a minute of silence on Saturday to mark 15 years since the earthquake and "
        "tsunami that killed 525 people; thousands were left homeless.",
    )
    assert found == set()


def test_water_flooding_a_mine_is_the_mines_accident(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Workers trapped in flooded coal mine",
        "Water flooded a small coal mine in the north of the province on Tuesday, trapping 17 workers "
        "underground, local officials said.",
    )
    assert found == {"industrial_accident"}


def test_blasts_at_a_mine_are_an_industrial_accident(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Toll rises to 24 at Siberian colliery",
        "The death toll from two blasts at the Listvyazhnaya coal mine rose to 24 on Friday, with "
        "about 40 people still unaccounted for, officials said.",
    )
    assert found == {"industrial_accident"}


def test_a_cabinet_sworn_in_by_the_president_is_a_leadership_change(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "President swears in new cabinet under technocrat premier",
        "The president swore in the new cabinet headed by the prime minister on Monday evening, the "
        "state news agency reported.",
    )
    assert found == {"leadership_change"}
