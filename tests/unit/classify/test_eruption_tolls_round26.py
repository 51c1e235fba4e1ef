"""Round 26: a volcano's rising toll, through the real enrichment (alert timeline semeru_eruption, in
sentences of our own). A later report names only the mountain ("Mount Kelud toll climbs to 21"), a
retrospective gives an older eruption's toll beside this one's, and a count of the missing follows
the dead's in one sentence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from tests.support.classify_articles import as_article

from herald.classify.live_hazards import LiveHazards
from herald.classify.magnitude import read_text
from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_toll_given_in_the_name_of_a_mountain_just_erupted_is_the_eruption(enrich: Enrich) -> None:
    [erupts] = enrich(
        [
            as_article(
                "kelud-1",
                "Mount Kelud erupts, one villager killed by hot ash",
                "Mount Kelud erupted on Thursday night, throwing ash over Kediri regency; one villager was "
                "killed and dozens treated for burns, the disaster agency said.",
            )
        ]
    )
    memory = LiveHazards()
    memory.learn(classify(erupts))
    later = as_article(
        "kelud-2",
        "Kelud toll climbs to 21 as diggers reach buried hamlets",
        "Rescuers recovered more bodies from collapsed houses on Saturday, lifting the toll to 21.",
    )
    later = later.model_copy(update={"published": erupts.published + timedelta(days=2)})
    [enriched] = enrich([later])
    assert classify(enriched) == []  # alone, nothing in it says disaster
    events = classify(enriched, hazards=memory.live(enriched.published))
    assert [(e.type, e.magnitude.get("killed")) for e in events] == [("natural_disaster", 21)]


def test_an_older_eruption_dated_by_its_year_keeps_its_own_toll(enrich: Enrich) -> None:
    [article] = enrich(
        [
            as_article(
                "kelud-3",
                "Kelud's 21 dead make it the island's deadliest eruption in years",
                "With 21 dead so far, Kelud's eruption is among the worst in a decade, though well short of "
                "Galunggung's 1982 eruption, which killed 68 people in West Java.",
            )
        ]
    )
    [event] = [e for e in classify(article) if e.type == "natural_disaster"]
    assert event.magnitude.get("killed") == 21


def test_the_missing_named_after_the_dead_have_their_own_number() -> None:
    readings = read_text(
        "Officials put the number killed by the eruption at 13 with seven people still missing.", 1
    )
    assert {(r.unit, r.value) for r in readings} == {("killed", 13), ("missing", 7)}


def test_soldiers_joining_the_battle_against_a_blaze_are_no_armed_clash(enrich: Enrich) -> None:
    """Alert timeline sitakunda_depot_fire: a fire's rising toll whose headline says the army joined the
    firefighting paged as a first armed clash instead of the fire's update."""
    [article] = enrich(
        [
            as_article(
                "depot-fire",
                "Warehouse fire: 27 dead as army joins battle against blaze",
                "The death toll from the chemical warehouse fire rose to 27 on Monday, the district "
                "administration said, and soldiers joined the fire service as drums kept exploding.",
            )
        ]
    )
    types = {e.type for e in classify(article)}
    assert "armed_clash" not in types
    assert "industrial_accident" in types
