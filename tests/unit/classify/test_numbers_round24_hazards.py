"""Round 24's numbers pass on the hazards (natural disasters, evacuations, accidents, outbreaks),
through the real enrichment: news constructions that the dev batches read wrong, each in a sentence of
our own (tests/data/reporting, issue 15)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify.magnitude import read_text
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_the_number_injured_that_rose_is_the_injured_past_a_quakes_magnitude() -> None:
    found = units(
        "The number of people hurt in Sunday's strong magnitude 5.9 earthquake in Chile's Atacama region "
        "rose to 23 on Monday, the emergency office said."
    )
    assert found == {"magnitude": 5.9, "wounded": 23}


def test_the_number_missing_that_fell_from_an_earlier_figure_is_the_missing() -> None:
    found = units("The number of missing dropped from the 120 first reported to 35, officials said.")
    assert found == {"missing": 35}


def test_people_asleep_in_their_homes_feared_dead_are_the_toll() -> None:
    found = units(
        "A mudslide buried three hamlets overnight, and at least 22 people asleep in their homes are "
        "feared dead, the district chief said."
    )
    assert found["killed"] == 22


def test_the_formal_name_of_the_headlines_country_is_the_same_country(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Cholera death toll in Congo climbs to 310",
        "The cholera outbreak in the Democratic Republic of Congo has now killed 310 people, the health "
        "ministry said, out of 5,120 cases.",
    )
    assert found["disease_outbreak"].magnitude == {"killed": 310, "affected": 5120}


def test_a_floods_toll_far_past_the_evacuation_is_the_floods(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Thousands evacuated as floods swamp southern Poland",
        "KLODZKO, Poland (AP) - Firefighters pulled families off roofs on Monday as floods spread "
        "across southern Poland. Thousands of people had to leave their homes in the Klodzko "
        'area. Several bridges were swept away near the town of Nysa. "We have never seen water like '
        'this," a resident said. Nine people have died since the flooding began, and at least three are '
        "missing.",
    )
    magnitude = found["natural_disaster"].magnitude
    assert magnitude["killed"] == 9
    assert magnitude["missing"] == 3
    assert "killed" not in found["evacuation"].magnitude


def test_residents_under_evacuation_orders_are_evacuated() -> None:
    found = units(
        "At least 12,000 residents of Lake, Napa and Sonoma counties were under evacuation orders on Tuesday."
    )
    assert found == {"evacuated": 12000}


def test_a_headlines_figure_in_shelters_is_no_item_of_its_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Typhoon Haima kills 12 in Philippines, more than 90,000 in shelters",
        "At least 12 people died as Typhoon Haima swept across the northern Philippines, the disaster "
        "agency said.",
    )
    assert found["natural_disaster"].magnitude["killed"] == 12


def test_people_driven_from_their_homes_after_a_toll_are_no_item_of_it(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Floods kill at least 31 in southern Mozambique",
        "At least 31 people have died and 14,000 have been driven from their homes by floods in three "
        "provinces, the disaster agency said on Monday.",
    )
    magnitude = found["natural_disaster"].magnitude
    assert magnitude["killed"] == 31
    assert magnitude["displaced"] == 14000


def test_an_outbreak_that_left_others_ill_counts_them_as_cases() -> None:
    found = units("A cholera outbreak has killed three people and left 40 others ill in the camp.")
    assert found == {"killed": 3, "affected": 40}


def test_a_storms_evacuation_in_another_country_is_not_the_disasters_figure(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Typhoon Saola floods kill at least 40 in northern Philippines",
        "Typhoon Saola set off floods and landslides that killed at least 40 people in Cagayan province "
        "in the northern Philippines, police said. The storm went on to hit Guangdong in southern China "
        "on Friday, killing two people after more than 1.2 million residents were evacuated from their "
        "homes.",
    )
    assert found["natural_disaster"].magnitude == {"killed": 40}
    assert found["evacuation"].magnitude == {"evacuated": 1_200_000}


def test_people_who_left_their_villages_for_shelters_are_the_move_and_a_plan_is_not(
    enrich: Enrich,
) -> None:
    found = read_events(
        enrich,
        "Thousands leave low-lying islands as cyclone nears Myanmar",
        "SITTWE (AFP) -- Tens of thousands of Burmese left their island villages on Saturday for cyclone "
        "shelters on the mainland ahead of Cyclone Mocha's landfall, officials said. \"Our plan is to "
        'evacuate hundreds of thousands of people from the coast," a relief official said.',
    )
    assert found["evacuation"].magnitude == {"evacuated": 20000}


def test_the_magnitude_an_agency_measured_the_main_shock_at() -> None:
    assert units("The US Geological Survey measured the main shock at 5.8, followed by aftershocks.") == {
        "magnitude": 5.8
    }


def test_people_an_authority_listed_as_missing_are_missing() -> None:
    found = units(
        "Landslides have killed nine people in Sikkim, the state relief department said, which also "
        "listed three people as missing."
    )
    assert found == {"killed": 9, "missing": 3}


def test_the_whole_a_part_is_counted_of_is_not_the_count() -> None:
    found = units("By noon 1,310 of the 9,200 residents of six hamlets had been evacuated, a spokesman said.")
    assert "evacuated" not in found
    assert units("All of the 300 residents were evacuated.") == {"evacuated": 300}


def test_a_part_evacuated_of_a_villages_people_is_the_eruptions_move(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Volcano eruption on Indonesia's Sangihe islands kills four",
        "Mount Awu erupted overnight, raining hot ash on villages and killing four people, the disaster "
        "agency said. By Monday morning 1,310 of the 9,200 residents of six villages had been evacuated, "
        "a district spokesman said.",
    )
    assert found["natural_disaster"].magnitude == {"killed": 4, "evacuated": 1310}


def test_people_a_mine_still_holds_are_missing(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Toll from Colombian coal mine blast rises to 12",
        "The toll from a methane explosion at a coal mine in Cundinamarca rose to 12 on Thursday, "
        'officials said.\n\n"Two miners are still underground, and we fear they are dead," the mayor said.',
    )
    assert found["industrial_accident"].magnitude == {"killed": 12, "missing": 2}
