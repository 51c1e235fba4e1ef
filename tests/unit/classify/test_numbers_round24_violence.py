"""Round 24's numbers pass on the violence and unrest types, through the real enrichment: news
constructions that the dev batch ``dev_news24`` read wrong, each in a sentence of our own
(tests/data/reporting, issue 15)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify.magnitude import read_text
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def _units(text: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(text, 0)}


def test_a_wars_death_toll_is_no_toll_of_the_capture(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Rebels take town of Tel Hamra east of Homs",
        "Rebels captured the town of Tel Hamra in Homs province on Tuesday, monitors said. The monitoring "
        "group puts the death toll of the three-year war at more than 150,000.",
    )
    assert found["territory_change"].magnitude == {"settlements": 1}


def test_a_length_of_time_joined_to_its_noun_is_no_count() -> None:
    assert _units("The group puts the death toll of the three-year war at more than 150,000.") == {}


def test_the_running_toll_of_a_crackdown_is_no_toll_of_the_bombing(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Militants blow up gas pipeline feeding power station",
        "Suspected militants blew up a gas pipeline in Dera Bugti district on Monday, cutting supply to a "
        "power station, police said. Local leaders say about 300 people have been killed in a military "
        "crackdown launched after an attack on a convoy last year.",
    )
    assert "killed" not in found["infrastructure_attack"].magnitude


def test_people_left_with_injuries_are_wounded() -> None:
    assert _units("The gunmen killed nine people in the raid and left 12 with serious injuries.") == {
        "killed": 9,
        "wounded": 12,
    }


def test_an_attack_on_civilians_carries_the_flight_it_caused(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Gunmen kill eight in Plateau village raid",
        "Gunmen stormed the village of Kwall in Plateau state on Sunday night, killing eight people, a "
        "local official said. About 700 people who fled were too scared to go home and were staying in "
        "a church in Bassa.",
    )
    assert found["evacuation"].magnitude == {"displaced": 700}
    assert found["attack_on_civilians"].magnitude == {"killed": 8, "displaced": 700}


def test_one_person_killed_with_others_counts_them_all() -> None:
    assert _units("The rebel commander was killed together with three of his bodyguards on Friday.") == {
        "killed": 4
    }


def test_one_person_killed_then_others_the_same_strike_also_killed() -> None:
    found = _units(
        "The group confirmed its deputy leader was killed in Monday's strike on the camp, which medics "
        "said also killed four civilians."
    )
    assert found == {"killed": 5}


def test_the_bodies_a_cyberattack_took_down_are_affected() -> None:
    assert _units("Ransomware cripples three Dutch hospitals") == {"affected": 3}
    assert _units("Four city councils in Kent were hit by a cyberattack on Monday.") == {"affected": 4}
    assert _units("More than 60 state and local agencies have had services disrupted since Friday.") == {
        "affected": 60
    }


def test_people_left_without_online_services_are_affected() -> None:
    assert _units("About 90,000 residents have been without online services since the attack.") == {
        "affected": 90000
    }


def test_one_more_person_named_by_an_ordinal() -> None:
    assert _units("Gunmen killed three farmers and wounded a fourth near the market on Monday.") == {
        "killed": 3,
        "wounded": 1,
    }
    assert _units("A police officer was killed and a second seriously wounded in the ambush.") == {
        "killed": 1,
        "wounded": 1,
    }
    assert _units(
        "Three stewards were punched and suffered minor injuries, and a fourth was badly hurt by a flare."
    ) == {"wounded": 4}
    assert _units("The floods wounded a third of the town.") == {}


def test_the_people_a_town_shelters_are_no_flight_of_the_attack(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Militants kill three in attack on Monguno camp",
        "Militants opened fire on displaced people at a camp in Monguno in north-east Nigeria on "
        "Saturday, killing three and wounding eight, an aid worker said. Monguno shelters more than "
        "150,000 displaced people in several camps.",
    )
    assert found["attack_on_civilians"].magnitude == {"killed": 3, "wounded": 8}


def test_a_town_the_other_side_was_pushed_out_of_is_one_settlement_taken() -> None:
    assert _units("Jihadist fighters drove the army out of the garrison town of Boni on Friday.") == {
        "settlements": 1
    }
    assert _units("Police drove the protesters out of the square.") == {}


def test_one_weapon_said_with_an_abbreviation_or_intercepted_and_destroyed() -> None:
    assert _units("A suspected U.S. drone bombed a car in Shabwa province on Friday.") == {"drones": 1}
    assert _units("Air defences intercepted and destroyed a ballistic missile fired towards Najran.") == {
        "missiles": 1
    }
