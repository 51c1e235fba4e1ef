"""Round 27's numbers and places pass on dev_news27 (tests/data/reporting/dev_news27.yaml): wording
it read wrongly, each in sentences of our own, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify.magnitude import read_text
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_an_aside_naming_a_childs_age_does_not_cut_the_hurt_from_their_wounds(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Shelling of frontier village kills two, regional head says",
        "Artillery shells hit the frontier village on Sunday, killing an elderly couple, the regional "
        "head said. Seven more people, including a four-year-old girl, suffered shrapnel wounds, "
        "according to preliminary figures.",
    )
    assert found["missile_artillery_strike"].magnitude == {"killed": 2, "wounded": 7}


def test_a_passer_by_hurt_beside_the_dead_is_one_wounded() -> None:
    found = units("Three soldiers in a jeep were killed and a passer-by was hurt when the mine went off.")
    assert found.get("wounded") == 1


def test_people_who_may_have_been_affected_by_a_breach_are_its_affected(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Ransomware attack takes county hospital systems offline",
        "A ransomware attack forced the county's hospital network offline on Tuesday, and staff went "
        "back to paper records. About 120,000 patients may have been affected.",
    )
    assert found["cyberattack"].magnitude == {"affected": 120000}


def test_a_town_named_after_its_countrys_demonym_is_no_foreign_citys_other_spelling(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Militants seize town in central Mali",
        "Militants on motorbikes seized the central Malian town of Boni on Tuesday after the army "
        "withdrew, a local official said.",
    )
    place = found["territory_change"].location
    assert place is not None and place.country_code == "ML"


def test_refugees_crossing_into_a_neighbour_are_placed_where_they_fled_from(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Thousands flee fighting across the border",
        "Some 6,000 Burundians have crossed into Tanzania's Kigoma region since Sunday to escape "
        "fighting in their villages, Tanzanian officials said. They were sheltering in schools in Kigoma.",
    )
    place = found["evacuation"].location
    assert place is not None and place.country_code == "BI"


def test_the_town_rebels_overran_is_one_settlement_taken() -> None:
    found = units("The army said the rebels overran the town at dawn and held it for several hours.")
    assert found == {"settlements": 1}


def test_a_headline_that_says_fighters_take_a_town_counts_one_settlement() -> None:
    assert units("Rebels take northern town of Kalemba after army retreats") == {"settlements": 1}
    assert units("The rebels failed to take the town of Kalemba.") == {}


def test_an_incidence_rate_is_no_count_of_cases() -> None:
    assert units("The infection rate reached 54.3 cases per 100,000 residents this month.") == {}
