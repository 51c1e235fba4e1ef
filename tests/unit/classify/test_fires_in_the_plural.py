"""Fires in the plural that kill are a landscape's, told without the word wildfire (issue 16,
la_wildfires; dev21n-039's "At least 10 people have died in the North Complex fires"): their toll reports
a natural disaster, through the real enrichment. A house's or a factory's fires are not one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


@pytest.mark.parametrize(
    ("title", "body", "killed"),
    [
        (
            "Death toll from Los Angeles fires climbs to 10",
            "The county medical examiner has confirmed ten deaths in the Palisades and Eaton fires, and "
            "officials warned that search teams with dogs would find more.",
            10,
        ),
        (
            "Los Angeles fires: death toll rises to five",
            "Five people have now died in the fires around Los Angeles, the county sheriff said, all of them "
            "in the Eaton fire zone, with thousands of homes lost across the two blazes.",
            5,
        ),
        (
            "Sixteen now dead in LA fires as flames edge toward the Getty and UCLA",
            "Sixteen people have died, five in the Palisades fire and eleven in the Eaton fire, the coroner "
            "said, as the Palisades blaze pushed into Mandeville Canyon.",
            16,
        ),
    ],
)
def test_a_toll_of_fires_in_the_plural_is_a_natural_disaster(
    enrich: Enrich, title: str, body: str, killed: int
) -> None:
    disaster = read_events(enrich, title, body)["natural_disaster"]
    assert disaster.magnitude.get("killed") == killed
    assert disaster.location is not None and disaster.location.country_code == "US"


def test_house_fires_and_factory_fires_are_no_landscape_s(enrich: Enrich) -> None:
    houses = read_events(
        enrich,
        "Three children died in house fires this winter",
        "Three children died in house fires in the city this winter, the fire brigade said.",
    )
    assert "natural_disaster" not in houses
    factories = read_events(
        enrich,
        "Two killed in fires at garment factories",
        "Two workers were killed in fires at two garment factories in Dhaka.",
    )
    assert "natural_disaster" not in factories


def test_a_death_in_a_country_s_spell_of_fires_is_a_natural_disaster(enrich: Enrich) -> None:
    """med_fires_2021: a firefighter killed "in the country's week of fires" while boats took people off
    beaches "after flames cut the roads" read only as an evacuation, so the country's first fire death
    went out as nothing."""
    found = read_events(
        enrich,
        "Firefighter dies as coastal villagers leave by boat",
        "A firefighter died of burns when a tree fell on him near Larissa, the first death in Greece's "
        "fortnight of fires. Boats took about 600 villagers off beaches after flames cut the coast roads.",
    )
    assert found["natural_disaster"].magnitude.get("killed") == 1


def test_a_week_of_talks_is_no_fire(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Minister dies after a week of talks",
        "A former minister died in hospital on Monday after a week of talks on the budget, his party said.",
    )
    assert "natural_disaster" not in found


def test_bodies_from_the_fires_are_a_landscape_s_toll(enrich: Enrich) -> None:
    """valparaiso_fires: a forensic service's count of the bodies "from the fires", with no other fire
    word, raised nothing, so the 51 -> 99 rise never paged."""
    found = read_events(
        enrich,
        "Coroner counts 64 dead as the governor declares mourning",
        "The coroner's office said on Monday it had received 64 bodies from the fires in Attica, only 20 of "
        "them identified so far.",
    )
    assert "natural_disaster" in found


def test_bodies_from_the_fires_at_a_factory_are_no_landscape_s(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Nine bodies recovered",
        "Rescuers recovered nine bodies from the fires at a textile factory in Dhaka on Monday.",
    )
    assert "natural_disaster" not in found
