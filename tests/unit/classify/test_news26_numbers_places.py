"""Round 26's pass on dev_news26 (tests/data/reporting/dev_news26.yaml): the numbers and places it
read wrongly, each in sentences of our own, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify.country_tolls import own_country_readings
from herald.classify.magnitude import Reading, read_text
from herald.classify.segments import Segment
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_quake_felt_in_two_countries_is_sized_by_its_own_countrys_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Earthquake on Turkey-Syria border kills at least 20 in both countries",
        "A strong earthquake hit the border between Turkey and Syria on Monday night, killing at least 20 "
        "people in the two countries, officials said. The quake of magnitude 6.4 was centred near "
        "Antakya in Turkey's Hatay province. In Turkey eight people died and some 300 were injured, the "
        "disaster agency said. In Syria, civil defence workers said twelve people were killed.",
    )
    quake = found["natural_disaster"]
    assert quake.location is not None and quake.location.country_code == "TR"
    assert quake.magnitude.get("killed") == 8


def test_a_storms_toll_in_the_country_it_left_is_not_the_toll_where_it_landed(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Typhoon reaches Vietnam after battering the Philippines",
        "The typhoon made landfall in Vietnam's Quang Ninh province on Saturday after some 300,000 people "
        "were moved from the coast, state media said. A fisherman drowned in Quang Ninh. In the "
        "Philippines, where the storm passed on Thursday, officials said 14 people were killed and 9 "
        "were missing.",
    )
    storm = found["natural_disaster"]
    assert storm.location is not None and storm.location.country_code == "VN"
    assert storm.magnitude.get("killed") != 14
    assert "missing" not in storm.magnitude


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_a_district_retaken_is_one_place_changing_hands() -> None:
    assert units("Government troops retook Shindand district in western Herat province on Tuesday.") == {
        "settlements": 1
    }


def test_the_centre_of_a_district_the_other_side_is_pushed_out_of_is_one_place() -> None:
    found = units(
        "Soldiers drove the insurgents out of the centre of Kohistan district after a week of fighting."
    )
    assert found.get("settlements") == 1


def test_a_province_retaken_is_not_counted_as_a_settlement() -> None:
    assert "settlements" not in units("Rebels seized Kidal region after the army withdrew.")


def test_a_movement_counted_by_its_name_is_a_toll() -> None:
    assert (
        units("Eleven Taliban were killed and two policemen were wounded, the governor said.").get("killed")
        == 11
    )


def test_people_shot_of_whom_some_died_split_into_dead_and_wounded() -> None:
    found = units("Gunmen stormed the market on Sunday and shot nine people, five of whom died in hospital.")
    assert found == {"killed": 5, "wounded": 4}


def test_websites_an_attack_defaced_are_its_reach() -> None:
    assert units("Around 40 websites of city councils were defaced overnight, the agency said.") == {
        "affected": 40
    }


def test_a_toll_of_fighting_earlier_in_the_week_is_no_count_of_the_event() -> None:
    found = units(
        "The Red Cross says 150 people were killed and 300 wounded in three days of street fighting in the "
        "capital earlier in the week."
    )
    assert found == {}


def test_a_sum_over_two_countries_is_neither_countrys_once_one_tells_its_own() -> None:
    texts = [
        "Floods have killed at least 30 people in Malawi and neighbouring Mozambique.",
        "In Malawi, the disaster agency said 19 people died.",
    ]
    segs = [Segment(i, i, 0, len(t), t, headline=False) for i, t in enumerate(texts)]
    readings = [Reading("killed", 30.0, "exact", 0), Reading("killed", 19.0, "exact", 1)]
    malawi = own_country_readings(readings, segs, "MW")
    mozambique = own_country_readings(readings, segs, "MZ")
    assert [r.value for r in malawi] == [19.0]
    assert mozambique == []
