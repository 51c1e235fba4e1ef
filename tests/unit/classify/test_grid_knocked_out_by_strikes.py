"""The grid named bare ("the grid", "the country's grid") that missiles crippled or that plants were
knocked off is infrastructure hit in a war (dev alert timeline ua_winter_grid: every reactor of a
country off the grid at once, claimed as a first in decades). A home living off the grid in a story of
no war is not."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_types

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_plants_knocked_off_the_grid_by_missiles_are_infrastructure_hit(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Every hydro plant in Georgia was knocked off the grid for the first time, operator says",
        "All of the country's hydro plants were shut down on Tuesday as missiles crippled the grid, the "
        "state operator said, a first in the history of the network.",
    )
    assert "infrastructure_attack" in found


def test_a_farm_off_the_grid_is_no_attack(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "A family farm in Wales has lived off the grid for a decade",
        "The farm runs on its own turbine and solar panels and was never connected to the grid, its "
        "owner said.",
    )
    assert "infrastructure_attack" not in found
