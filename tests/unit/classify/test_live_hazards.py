"""A toll given in the name of a storm just reported is the storm's disaster.

Case from the dev timeline hurricane_beryl: "Grenada's Beryl death toll rises to three", the day after
"Hurricane Beryl flattens Carriacou, one dead on Grenada", names no hazard word. The classify stage
remembers the names its recent disaster events gave (``LiveHazards``) and passes the live ones on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from herald.classify.live_hazards import LiveHazards, toll_in_name
from herald.classify.rules import classify
from herald.core.records import EnrichedArticle

Make = Callable[..., EnrichedArticle]

LANDFALL = (
    "Hurricane Beryl flattens Carriacou, one dead on Grenada",
    "Hurricane Beryl made landfall on Carriacou as a Category 4 storm on Monday, and one person was killed "
    "on Grenada, Prime Minister Dickon Mitchell said.",
)
RISES = (
    "Grenada's Beryl death toll rises to three",
    "Prime Minister Dickon Mitchell said on Tuesday that three people were killed in Grenada, two of them on "
    "Carriacou, and that more deaths were possible as roads on the island remained blocked by debris.",
)


def _storm_named(make_article: Make) -> LiveHazards:
    memory = LiveHazards()
    landfall = make_article(*LANDFALL, quantities=[(1, "killed", "one person was killed")])
    memory.learn(classify(landfall))
    return memory


def test_a_toll_in_a_live_storms_name_is_the_storms_disaster(make_article: Make) -> None:
    memory = _storm_named(make_article)
    rises = make_article(*RISES, article_id="a2", quantities=[(3, "killed", "three people were killed")])
    assert classify(rises) == []  # alone, nothing in it says disaster
    (event,) = classify(rises, hazards=memory.live(rises.published + timedelta(days=1)))
    assert event.type == "natural_disaster" and event.magnitude == {"killed": 3}


def test_a_storm_is_live_only_while_its_story_can_be(make_article: Make) -> None:
    memory = _storm_named(make_article)
    landfall = make_article(*LANDFALL)
    assert memory.live(landfall.published + timedelta(days=2)) == {"Beryl"}
    assert memory.live(landfall.published + timedelta(days=11)) == frozenset()


def test_only_a_toll_in_the_storms_own_name_counts() -> None:
    names = {"Beryl"}
    assert toll_in_name("Grenada's Beryl death toll rises to three", names)
    assert toll_in_name("Death toll from Beryl climbs to 11 in Texas", names)
    assert toll_in_name("Beryl kills seven across the Caribbean", names)
    # a person of the same name, a storm no report named lately, a name without a toll
    assert toll_in_name("Beryl Cook dead at 82, gallery says", names) is None
    assert toll_in_name("Grenada's Debby death toll rises to three", names) is None
    assert toll_in_name("Beryl weakens over Mexico's Yucatan", names) is None
    # the storm named with its kind word is for the rules to read: dev_folded_r2's "Typhoon Kalmaegi
    # killed 232 there last week", an earlier storm beside Fung-wong's 18
    assert toll_in_name("Typhoon Kalmaegi killed 232 there last week.", {"Kalmaegi"}) is None


def test_a_toll_in_the_name_of_the_place_a_live_disaster_struck_is_that_disaster(make_article: Make) -> None:
    """A disaster named by its district ("the Wayanad landslides") is remembered like a storm, so a
    later headline giving the district's toll with no hazard word is still the disaster's."""
    memory = LiveHazards()
    slides = make_article(
        "Hill district landslide toll climbs to 45",
        "At least 45 people have died in the Wayanad landslides, the district collector said on Tuesday.",
        quantities=[(45, "killed", "At least 45 people have died")],
    )
    memory.learn(classify(slides))
    assert "Wayanad" in memory.live(slides.published + timedelta(days=3))
    later = make_article(
        "Wayanad toll rises to 210; 218 people still missing",
        "A state minister said on Friday that 210 bodies had been recovered.",
        article_id="a2",
        quantities=[(210, "killed", "Wayanad toll rises to 210")],
    )
    assert classify(later) == []
    (event,) = classify(later, hazards=memory.live(later.published + timedelta(days=3)))
    assert event.type == "natural_disaster" and event.magnitude["killed"] == 210


def test_a_capitalised_word_opening_a_sentence_is_no_place_name(make_article: Make) -> None:
    memory = LiveHazards()
    slides = make_article(
        "Landslides kill 45 in hill district",
        "The landslides killed at least 45 people. Deadly floods followed in the valley below.",
        quantities=[(45, "killed", "killed at least 45 people")],
    )
    memory.learn(classify(slides))
    assert memory.live(slides.published) == frozenset()
