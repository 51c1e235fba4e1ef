"""A crowd crush or stampede with no violence in it is an ``industrial_accident`` (the labelling guide:
the same family as transport crashes and accidental building fires), so a festival crush that kills
has a type a desk can be paged on (itaewon_crush). A stampede set off by police fire at a protest stays
with the protest, and a crowd that only "crushes" or "stampedes" in a figure of speech is no accident."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from tests.support.classify_articles import read_events, read_types

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


@pytest.mark.parametrize(
    ("title", "body", "killed"),
    [
        (
            "At least 40 dead as New Year crowd surges into a narrow lane in Manila",
            "At least 40 people died when a New Year's Eve crowd surged into a narrow lane in Manila's "
            "Tondo district, police said, and scores were taken to hospital.",
            40,
        ),
        (
            "Pilgrims crushed at a shrine gate; 31 killed",
            "Thirty-one pilgrims were killed in a stampede at the gate of a hilltop shrine in Bihar on "
            "Monday, district officials said.",
            31,
        ),
        (
            "Concert crush toll rises to 12",
            "Twelve people have now died in the crush outside the stadium in Lagos, the state emergency "
            "agency said.",
            12,
        ),
    ],
)
def test_a_deadly_crowd_crush_is_an_industrial_accident(
    enrich: Enrich, title: str, body: str, killed: int
) -> None:
    accident = read_events(enrich, title, body)["industrial_accident"]
    assert accident.magnitude.get("killed") == killed


def test_a_stampede_set_off_by_police_fire_stays_with_the_protest(enrich: Enrich) -> None:
    types = read_types(
        enrich,
        "Stampede at a rally leaves 20 dead after police fire tear gas",
        "Police fired tear gas at opposition protesters outside the stadium in Conakry on Thursday, "
        "setting off a stampede in which at least 20 people died, witnesses said.",
    )
    assert "industrial_accident" not in types


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Shares rise as investors stampede into bank stocks",
            "Buyers piled into lenders on Tuesday as investors stampede into bank stocks after the rate cut.",
        ),
        (
            "Fans crush into the capital before the final",
            "Thousands of fans crush into the capital's fan zones before Sunday's final, organisers said.",
        ),
    ],
)
def test_a_crush_of_buyers_or_fans_is_no_accident(enrich: Enrich, title: str, body: str) -> None:
    assert "industrial_accident" not in read_types(enrich, title, body)


def test_the_countries_the_foreign_dead_came_from_do_not_place_the_crush(enrich: Enrich) -> None:
    accident = read_events(
        enrich,
        "Crush toll reaches 30; six foreigners among the dead",
        "Officials said 30 people had died in the crush at the stadium gate, and that six foreign nationals "
        "were among them, from Ghana, Benin and Togo.",
    )["industrial_accident"]
    assert accident.location is None or accident.location.country_code not in {"GH", "BJ", "TG"}
