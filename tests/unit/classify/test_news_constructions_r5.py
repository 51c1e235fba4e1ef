"""News constructions the rules misread (round 25, first pass on dev_folded_r5): a strike a leader calls
a massacre, a rank named after a weapon, gunmen killing a soldier, armed sides fighting street battles,
a military that "seizes power" in the present tense, rioters before a court, a strike drone shown at an
expo, phones sold as earthquake detectors, candidates' final rallies, a minister held in a graft sweep,
villages emptied after an eruption, a monarch proclaimed, a vaccine cleared for use and a dismissal
"a day earlier" told as backstory. Each sentence is our own, in the shape of a dev_folded_r5 report the
rules read wrongly before."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body), veto=False)}


def test_a_strike_a_leader_calls_a_massacre_is_the_strike_alone() -> None:
    found = _types(
        "Drone kills four in a car near the border town",
        "A drone fired a missile at a car near the border town on Monday, killing four people, officials "
        "said. The prime minister called it a massacre and a violation of the truce.",
    )
    assert found == {"air_drone_strike"}


def test_an_artillery_commander_is_a_rank_not_a_shelling() -> None:
    found = _types(
        "Drone strike on a motorbike kills one in the south",
        "A drone hit a motorbike in a southern village on Friday, killing the rider, the ministry said. The "
        "army said the man was an artillery commander of the group and that it was carrying out targeted "
        "operations.",
    )
    assert found == {"air_drone_strike"}


def test_gunmen_killing_a_soldier_is_no_attack_on_civilians() -> None:
    found = _types(
        "Gunmen kill a border guard in the north-west",
        "Gunmen killed a border guard and wounded two others at a checkpoint on Sunday, police said.",
    )
    assert "attack_on_civilians" not in found
    still = _types(
        "Gunmen kill seven villagers in the north-west",
        "Gunmen killed seven villagers at a market on Sunday, police said.",
    )
    assert "attack_on_civilians" in still


def test_rebels_fighting_street_battles_with_the_army_is_no_riot() -> None:
    found = _types(
        "Rebels take the provincial capital",
        "Rebels took the provincial capital on Friday after they entered it from the south and fought street "
        "battles with government forces, a monitoring group said.",
    )
    assert "riot" not in found
    crowd = _types(
        "Youths fight police in the capital",
        "Hundreds of youths fought street battles with police in the capital overnight, hurling stones and "
        "setting cars on fire.",
    )
    assert "riot" in crowd


def test_a_military_that_seizes_power_is_a_coup() -> None:
    found = _types(
        "Military seizes power and detains elected leaders",
        "The army took power early on Monday, detaining the leader, the president and other elected "
        "officials in a series of raids.",
    )
    assert found == {"coup"}


def test_rioters_before_a_court_are_no_riot() -> None:
    found = _types(
        "Appeals court ruling may cut some rioters' sentences",
        "An appeals court ruled on Friday that rioters convicted of minor offences cannot be given both "
        "prison "
        "time and probation, a decision that may void some sentences.",
    )
    assert found == set()


def test_a_strike_drone_shown_at_an_expo_is_no_strike() -> None:
    found = _types(
        "Army shows off kamikaze strike drone at a university expo",
        "The army displayed a kamikaze drone with surveillance and strike roles at a technology fair on "
        "Monday. Officials said it carries a small payload and flies for half an hour.",
    )
    assert found == set()


def test_phones_sold_as_earthquake_detectors_are_no_quake() -> None:
    found = _types(
        "Phone maker turns handsets into earthquake detectors",
        "The company's phones began detecting earthquakes worldwide on Tuesday, using their motion sensors, "
        "with an alert feature rolling out first in one state.",
    )
    assert found == set()


def test_candidates_final_rallies_before_a_vote_are_no_protest() -> None:
    found = _types(
        "Both candidates hold final rallies before election day",
        "The two candidates made their last pushes to get voters to the polls on the eve of a close "
        "presidential election.",
    )
    assert found == set()
    protest = _types(
        "Thousands rally against the election result",
        "Thousands of protesters rallied in the capital on Sunday against the election result, chanting "
        "slogans outside the commission.",
    )
    assert "protest" in protest


def test_a_minister_held_in_a_graft_sweep_is_an_arrest() -> None:
    found = _types(
        "Trade minister among 12 held in graft sweep",
        "The anti-corruption commission arrested the trade minister on Thursday, one of 12 people "
        "detained in "
        "raids over the export of timber.",
    )
    assert found == {"arrest"}


def test_villages_emptied_after_an_eruption_are_an_evacuation() -> None:
    found = _types(
        "Villages emptied after volcano erupts",
        "Authorities cleared whole villages and declared a 6-kilometre exclusion zone after a violent "
        "eruption on Sunday, officials said.",
    )
    assert "evacuation" in found
    police = _types(
        "Police clear protest camp",
        "Police cleared the protest camp outside the ministry on Sunday.",
    )
    assert "evacuation" not in police


def test_a_monarch_proclaimed_is_a_leadership_change() -> None:
    found = _types(
        "New king formally proclaimed at the palace",
        "The new king was formally proclaimed at the royal palace on Saturday by the accession council, two "
        "days after the death of his father.",
    )
    assert found == {"leadership_change"}


def test_a_vaccine_cleared_for_use_is_no_outbreak() -> None:
    found = _types(
        "WHO prequalifies a second dengue vaccine",
        "The World Health Organization on Wednesday cleared a dengue vaccine for use in children in "
        "high-transmission areas. Dengue is surging across three continents; the agency counted millions "
        "of cases last year.",
    )
    assert found == set()


def test_a_dismissal_a_day_earlier_is_the_backstory_of_the_news() -> None:
    found = _types(
        "General arrested after armoured cars ram the palace gate",
        "The general, dismissed as army chief two days earlier, was arrested on Wednesday after units "
        "under his command occupied the main square and an armoured car rammed the door of the "
        "presidential palace.",
    )
    assert "leadership_change" not in found
