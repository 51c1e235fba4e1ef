"""The rest of round 28's pass on the folded round-8 dev file: a war's toll in a relative clause, a
person captured, a new leader's first acts, and an Australian state that shares its name with cities
abroad, each in sentences of our own in the shape of the report that failed, through the real
enrichment (tests/data/reporting/dev_folded_r8.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events, read_types

from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def country(found: dict[str, Event], code: str) -> str | None:
    location = found[code].location
    return location.country_code if location is not None else None


def test_a_wars_toll_in_a_relative_clause_is_not_the_bombings_dead(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Rebel bomb halts pumping on oil pipeline",
        "BOGOTA - A bomb attack by rebels has halted pumping along an oil pipeline in the east, the "
        "state oil company said on Monday. The larger rebel group agreed a peace accord with the "
        "government last month, after a conflict that has taken more than 150,000 lives.",
    )
    assert found["infrastructure_attack"].magnitude.get("killed") is None


def test_a_gang_leader_captured_is_an_arrest_not_ground_taken(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Troops capture drug gang leader in northern border town",
        "Troops have captured Pedro Alvarez Luna, a leader of a powerful drug gang, in the border town "
        "of Nuevo Laredo, the defence ministry said. He was detained on Friday without a shot fired.",
    )
    assert found == {"arrest"}


def test_a_new_presidents_first_act_is_no_change_of_leader(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Government declares emergency after ransomware attack cripples ministries",
        "The country's new President Ana Morales has declared a national emergency over a ransomware "
        "attack that has crippled the finance ministry's systems, in one of her first acts after "
        "taking office on Monday. A criminal hacking group claimed the attack.",
    )
    assert "leadership_change" not in found


def test_victoria_beside_new_south_wales_is_the_australian_state(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Bushfires rage on as thousands flee coastal towns",
        "Bushfires that have killed at least eight people across New South Wales and Victoria raged on "
        "on Saturday, fire officials said. In Victoria, 12 people were still missing.",
    )
    assert country(found, "natural_disaster") == "AU"


def test_dengue_cases_at_an_all_time_high_are_an_outbreak(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Vietnam dengue infections hit all-time high",
        "Vietnam's dengue infections this year have reached a record 98,450, about 290 new cases a day, "
        "the health ministry said. Hospitals recorded 112 dengue deaths by the end of October, more "
        "than in the whole of last year.",
    )
    assert found == {"disease_outbreak"}


def test_anniversary_protests_that_turned_to_looting_are_a_riot(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Rights group says 9 died as anniversary protests turned to looting",
        "At least nine people were killed in Tuesday's anti-government protests across the country, a "
        "rights group said, as shopkeepers in the capital counted looted stores. Marches marking a year "
        "since the election began peacefully but turned into running battles with police.",
    )
    assert found == {"riot"}
