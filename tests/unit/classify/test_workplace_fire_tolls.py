"""A workplace fire told only by its toll, and the dead broken down by nationality: the shape of a
later report in a dev alert timeline (tests/data/alerts/timelines/), each in sentences of our own."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_the_toll_from_a_fire_among_a_plants_workers_is_an_industrial_accident(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Last missing employee found; solvent fire toll rises to 11",
        "Firefighters found the body of the last missing employee in the collapsed storeroom of the "
        "paint plant on Tuesday, raising the toll from the fire to 11, police said.",
    )
    assert found["industrial_accident"].magnitude["killed"] == 11


def test_a_fires_toll_with_no_workplace_is_not_an_accident(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Wildfire toll rises to 80",
        "The toll from the fire rose to 80 on Friday as searchers combed the burned hillside town.",
    )
    assert "industrial_accident" not in found


def test_the_nationalities_of_the_dead_do_not_place_the_fire(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Paint plant fire toll rises to 11",
        "The toll from the fire at the paint plant rose to 11, police said. Of the dead, seven were "
        "foreigners, including five Vietnamese and two Nepalese, police said.",
    )
    location = found["industrial_accident"].location
    assert location is None or location.country_code not in ("VN", "NP")
