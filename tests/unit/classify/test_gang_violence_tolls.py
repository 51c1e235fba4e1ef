"""A toll of a wave of gang, cartel or militia violence is armed groups fighting (dev alert timeline
ecuador_gangs: its rising toll, told beside hundreds of arrests, was read as an arrest only). A plan
to curb gang violence, with no one killed, is not."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_types

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_rising_toll_of_gang_violence_is_armed_fighting(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Toll from Honduras's surge of gang violence climbs to 21",
        "At least 21 people have been killed since the prison riots spread to the streets, the security "
        "ministry said, and police reported more than 300 arrests.",
    )
    assert "armed_clash" in found


def test_a_plan_against_gang_violence_is_no_clash(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Mayor unveils a plan to curb gang violence in the port city",
        "The plan adds street lighting and youth centres, the mayor told reporters on Monday.",
    )
    assert "armed_clash" not in found
