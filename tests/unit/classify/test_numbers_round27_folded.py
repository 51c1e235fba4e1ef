"""Round 27's numbers pass on the folded round-7 file: counts real reports give in words the
classifier did not read, each in a sentence of our own (tests/data/reporting/dev_folded_r7.yaml)."""

from __future__ import annotations

from herald.classify.magnitude import read_text


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_people_carried_to_hospital_with_wounds_are_the_wounded() -> None:
    found = units("Fifteen villagers with severe wounds were flown to a hospital in the provincial capital.")
    assert found == {"wounded": 15}


def test_workers_who_escaped_with_injuries_are_the_wounded() -> None:
    assert units("Three workers escaped with burns and injuries and were treated on site.") == {"wounded": 3}


def test_people_still_being_searched_for_are_the_missing() -> None:
    found = units("The rescue chief said six more people were still being searched for near the river.")
    assert found == {"missing": 6}


def test_residents_made_to_leave_their_homes_are_evacuated() -> None:
    found = units("Some 12,000 residents near the depot were made to leave their homes overnight.")
    assert found == {"evacuated": 12000}


def test_customers_whose_information_a_breach_reached_are_affected() -> None:
    found = units("The retailer said details on up to 40 million customers may have been copied.")
    assert found == {"affected": 40_000_000}


def test_payment_cards_hackers_tried_to_access_are_affected() -> None:
    assert units("The intruders tried to access 2.4 million credit cards.") == {"affected": 2_400_000}


def test_a_crowd_told_by_what_it_threw_is_the_rioters() -> None:
    found = units("Around 80 youths hurled bottles at officers outside the station.")
    assert found == {"protesters": 80}


def test_people_checked_for_smoke_inhalation_are_the_wounded() -> None:
    found = units("Medics treated or examined at least 22 people for smoke inhalation after the blaze.")
    assert found == {"wounded": 22}


def test_an_aside_between_dashes_stands_between_the_people_and_their_verb() -> None:
    found = units("Five men - four Greek nationals and one Turkish citizen - were arrested at the harbour.")
    assert found == {"arrested": 5}


def test_the_years_running_toll_after_a_days_fighting_is_no_count_of_it() -> None:
    assert units("Well over 1,200 people have been killed this year.") == {}
    assert units("Fourteen soldiers were killed in the fighting on Monday.") == {"killed": 14}


def test_the_drone_that_hit_is_one_drone_but_the_drone_strike_says_no_count() -> None:
    told = "Residents said three farmers were killed when the drone struck an orchard."
    assert units(told) == {"killed": 3, "drones": 1}
    vague = "Residents said three farmers were killed when the drone strike hit an orchard."
    assert units(vague) == {"killed": 3}
