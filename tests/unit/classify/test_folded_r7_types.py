"""Round 27's type pass on the folded round-7 dev file: words that raised a type the report does not
tell (a labour strike by aircraft mechanics, a storm still offshore, a danger feared in a quote) and a
coup told by whom the soldiers hold, each in a sentence of our own in the shape of the report that
failed, through the real enrichment (tests/data/reporting/dev_folded_r7.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_types

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_mechanics_walkout_at_an_airline_is_no_air_strike(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Airline grounds 90 flights after engineers' strike",
        "The carrier said it had grounded 90 flights on Sunday after its engineers walked out. The "
        "Aircraft Maintenance Engineers Guild said its members began the strike at midnight, two days "
        "after the labour ministry ordered binding arbitration.",
    )
    assert found == set()


def test_a_storm_expected_to_come_ashore_is_no_disaster_yet(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Tropical Storm Nadine expected to make landfall on the Gulf coast",
        "Tropical Storm Nadine, with winds near 55 mph, is expected to come ashore near Mobile on "
        "Tuesday evening, forecasters said. They said the storm could gain strength before landfall "
        "and bring a dangerous storm surge along the coast.",
    )
    assert found == set()


def test_shelling_rescuers_feared_is_no_second_strike(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Warplanes hit a village market, killing 14",
        "At least 14 people died when coalition aircraft hit a crowded market in the north of the "
        'country on Friday, a hospital director said. "The ambulances waited for hours because the '
        'drivers feared artillery shelling," he said.',
    )
    assert found == {"air_drone_strike"}


def test_militants_armed_with_rifles_who_struck_posts_are_no_air_strike(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Three soldiers killed as militants attack border posts",
        "Three soldiers were killed on Monday when militants attacked two border posts, the army said. "
        "It said a group of militants armed with heavy weapons struck the posts before dawn and that "
        "nine attackers were killed in the exchange of fire.",
    )
    assert "air_drone_strike" not in found
    assert "armed_clash" in found


def test_a_stock_rally_over_drone_swarms_is_no_drone_strike(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Small drone parts maker's shares jump 30% in a day",
        "The rally began after a billionaire investor attacked the new bomber programme as obsolete "
        "next to swarms of cheap drones, sending defence stocks lower.",
    )
    assert found == set()


def test_soldiers_holding_the_prime_minister_after_taking_the_capital_are_a_coup(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Soldiers seize the capital and hold the prime minister",
        "Soldiers have seized control of the capital and are holding both Prime Minister Jean Batoko "
        "and the interim president, a diplomat said on Friday.",
    )
    assert "coup" in found


def test_defacements_that_came_as_protests_swept_the_country_are_no_protest(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Hackers deface four ministry websites",
        "Hackers defaced the websites of four ministries on Tuesday, the communications department said. "
        "The attacks came as protests against rising prices swept the country.",
    )
    assert "protest" not in found


def test_raiders_setting_cars_alight_are_part_of_their_raid_not_a_riot(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Gunmen raid farming village, killing eight",
        "Around 200 gunmen on motorcycles stormed a farming village in the north-west late on Friday, "
        "killing eight people, police said. The attackers set fire to six cars and a granary after "
        "driving off the villagers' goats, a police spokesman said.",
    )
    assert found == {"attack_on_civilians"}


def test_an_explosion_that_killed_workers_at_a_factory_is_an_industrial_accident(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Explosion and fire kill nine workers at paint factory",
        "An explosion, apparently caused by solvent drums kept beside a heater, killed nine workers at a "
        "paint factory outside the city late on Tuesday, police said. Investigators are checking "
        "whether the fire exits had been locked.",
    )
    assert found == {"industrial_accident"}
