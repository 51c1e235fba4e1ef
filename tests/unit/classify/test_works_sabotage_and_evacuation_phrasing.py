"""How national outlets word plant fires, rail sabotage and evacuations that are under way: each
sentence below is in the shape of a dev report (dev_types18) the rules missed before its cue existed."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify import phrasing
from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body))}


def test_a_fire_at_a_named_refinery_is_an_industrial_accident() -> None:
    found = _types(
        "Four hurt at Texas plant",
        "A fire at an ExxonMobil refinery in Baytown, Texas, injured four people early on Thursday, "
        "the sheriff said.",
    )
    assert "industrial_accident" in found


def test_the_plant_fire_cue_does_not_read_gunfire_at_a_factory() -> None:
    cue = next(c for c in phrasing.cues()["industrial_accident"] if c.name == "fire at a works")
    assert cue.pattern.search("a blaze broke out at the Sumitomo chemical plant")
    assert not cue.pattern.search("Gunmen opened fire at a factory gate on Monday")
    assert not cue.pattern.search("the convoy came under fire at the depot")


def test_a_tampered_rail_switch_is_an_attack_on_infrastructure_not_an_accident() -> None:
    found = _types(
        "Amtrak train leaves the track near Newport News",
        "Someone apparently tampered with a switch that sent an Amtrak train onto a siding, where it "
        "derailed and injured 74 people, federal investigators said Thursday.",
    )
    assert "infrastructure_attack" in found
    assert "industrial_accident" not in found


def test_a_train_derailed_by_an_explosion_is_an_attack_on_infrastructure() -> None:
    found = _types(
        "Freight train comes off the rails in Bryansk",
        "On Monday another train derailed in the region after an explosion, the regional governor said.",
    )
    assert "infrastructure_attack" in found
    assert "industrial_accident" not in found


def test_families_told_to_leave_their_homes_are_being_evacuated() -> None:
    found = _types(
        "Mud reaches homes below Brazil mine",
        "Families in low-lying areas have been told to leave their homes, authorities said.",
    )
    assert "evacuation" in found


def test_villagers_moving_to_safer_places_are_being_evacuated() -> None:
    found = _types(
        "Villagers leave as the Rapti rises",
        "Villagers along the river began moving to safer places on Tuesday after officials repeatedly "
        "urged them to go.",
    )
    assert "evacuation" in found


def test_people_shifted_to_relief_camps_are_evacuated() -> None:
    found = _types(
        "Flood victims in camps",
        "The minister said more than 6,000 flood victims had been shifted to 12 relief camps.",
    )
    assert "evacuation" in found


def test_a_fire_that_gutted_a_shopping_plaza_is_an_industrial_accident() -> None:
    found = _types(
        "Karachi toll rises",
        "The number of people killed in the fire that gutted a shopping plaza in Karachi rose to 30 on "
        "Wednesday, officials said.",
    )
    assert "industrial_accident" in found


def test_a_work_platform_tearing_away_on_a_building_site_is_an_industrial_accident() -> None:
    found = _types(
        "Three die in Raleigh",
        "Three construction workers died on Monday when a mast climbing work platform tore away from an "
        "office building under construction.",
    )
    assert "industrial_accident" in found


def test_rail_cables_set_on_fire_are_an_attack_on_infrastructure() -> None:
    found = _types(
        "Train journeys disrupted in France",
        "About 100 high-speed train journeys were disrupted after cables alongside the tracks were set on "
        "fire overnight, the minister said.",
    )
    assert "infrastructure_attack" in found


def test_arsonists_opening_a_sentence_about_the_olympics_are_no_team_name() -> None:
    found = _types(
        "French high-speed rail lines hit by arson before Olympic opening",
        "Arsonists and other malicious acts hit France's high-speed rail lines overnight on the day of the "
        "Paris Olympics' opening ceremony, CNN reported.",
    )
    assert "infrastructure_attack" in found


def test_people_who_reached_cyclone_shelters_were_evacuated() -> None:
    found = _types(
        "Bagerhat braces for the storm",
        "By Tuesday afternoon 29,100 people had reached cyclone shelters in Bagerhat, the relief official "
        "said.",
    )
    assert "evacuation" in found


def test_a_president_inaugurated_is_a_leadership_change() -> None:
    found = _types(
        "Kenya's new leader",
        "William Ruto was inaugurated as Kenya's fifth president on Tuesday before tens of thousands of "
        "people in Nairobi.",
    )
    assert "leadership_change" in found


def test_a_government_that_fell_in_a_confidence_vote_is_a_leadership_change() -> None:
    found = _types(
        "Estonia in turmoil",
        "Estonia's government fell on Wednesday when Prime Minister Taavi Roivas lost a confidence vote in "
        "parliament.",
    )
    assert "leadership_change" in found


def test_a_president_suspended_from_office_is_a_leadership_change() -> None:
    found = _types(
        "Senate votes in Brasilia",
        "Brazil's senate voted on Thursday to put President Dilma Rousseff on trial, suspending her from "
        "office.",
    )
    assert "leadership_change" in found


def test_a_promise_to_step_down_within_a_year_changes_no_leader() -> None:
    found = _types(
        "Blair says he will quit within a year, refuses to name the date",
        "British Prime Minister Tony Blair promised on Thursday to step down within a year but would not "
        "give rebels in his party a date.",
    )
    assert "leadership_change" not in found


def test_handing_over_to_a_new_prime_minister_after_the_election_changes_no_leader() -> None:
    found = _types(
        "Singh to hand over after the vote",
        '"In a few months\' time, after the general election, I will hand over to a new prime minister," '
        "Prime Minister Manmohan Singh told reporters.",
    )
    assert "leadership_change" not in found


def test_a_mock_drill_on_a_gas_leak_is_neither_an_accident_nor_an_evacuation() -> None:
    found = _types(
        "GAIL Gas holds mock drill on gas leak and fire at CNG station",
        "The scenario had a truck overturning after a tyre burst, followed by a gas leak and a fire; rescue "
        "teams carried out a mock evacuation of casualties while the area was cordoned off.",
    )
    assert found.isdisjoint({"industrial_accident", "evacuation"})


def test_a_blast_at_a_port_is_an_industrial_accident() -> None:
    """iran_port_blast: the port explosion's first reports and its rising tolls raised no event, so the
    blast's first went out only on the third report and its updates were missed."""
    assert "industrial_accident" in _types(
        "Four dead, hundreds hurt in blast at Iran's main container port",
        "Rescuers have confirmed at least four deaths after a powerful explosion at Shahid Rajaee port "
        "near Bandar Abbas, the head of Iran's Red Crescent said on Saturday.",
    )
    assert "industrial_accident" in _types(
        "Huge explosion rocks Shahid Rajaee port, dozens injured",
        "Several containers blew up on Saturday at Shahid Rajaee, Iran's largest commercial port, causing "
        "a massive blast and a fire. At least 47 people were hurt, state television said.",
    )
    assert "industrial_accident" in _types(
        "Hormozgan governor says port explosion has killed 40",
        "The number of dead has risen to 40, the governor told state television on Sunday.",
    )


def test_the_port_blast_cue_does_not_read_a_strike_on_a_port_city() -> None:
    assert "industrial_accident" not in _types(
        "Explosions rock Odesa",
        "Explosions rocked the port city of Odesa overnight as air defences were working, the mayor said.",
    )


def test_one_confirmed_case_of_a_named_disease_is_an_outbreak_and_clade_i_mpox_is_serious() -> None:
    """mpox_clade1b: "Thailand confirms clade 1b mpox, the first case in Asia" raised no event (its
    outbreak context knew "cases" and "confirmed", not "case" and "confirms"), and Sweden's first clade I
    case was severity 2, below a claimed first's 3."""
    found = classify(
        build_article(
            "Thailand confirms clade 1b mpox, the first case in Asia",
            "Laboratory tests confirm that the European patient has the clade 1b strain.",
        )
    )
    assert [(e.type, e.severity) for e in found] == [("disease_outbreak", 3)]
    assert any(c.kind == "first" for c in found[0].claims)
    sweden = classify(
        build_article(
            "Sweden confirms first clade I mpox case, the first outside Africa",
            "A patient in Stockholm has been diagnosed with mpox of the clade I type.",
        )
    )
    assert [(e.type, e.severity) for e in sweden] == [("disease_outbreak", 3)]
    clade_ii = classify(build_article("Sweden reports clade II mpox cases", "Ten cases of clade II mpox."))
    assert all(e.severity < 3 for e in clade_ii)


def test_one_person_dead_said_without_a_number() -> None:
    """storm_boris, first_cases: "A firefighter lost his life during a flood rescue" and "Girl with
    Mexico's first H5N1 case dies" counted no dead, so Austria's first deadly flood and the first case's
    death were missed. Someone who "said he died a little inside" is no toll."""
    from herald.classify.magnitude import read_text

    def killed(sentence: str) -> list[float]:
        return [r.value for r in read_text(sentence, 0) if r.unit == "killed"]

    assert killed(
        "A firefighter lost his life during a flood rescue in Lower Austria, the governor said."
    ) == [1]
    assert killed("Girl with Mexico's first H5N1 case dies") == [1]
    assert killed(
        "The three-year-old girl who was Mexico's first human case of H5N1 bird flu died on Tuesday."
    ) == [1]
    assert killed("The man who organised the protest said he died a little inside.") == []


def test_a_fire_death_toll_in_the_headline_is_the_industrial_accident() -> None:
    """hk_fire: "Tai Po fire death toll reaches 128, city's deadliest blaze in nearly 80 years" named its
    type only in the body, and the learned veto dropped it, so the rise 55 -> 128 was missed. A forest
    fire's toll stays a natural disaster's."""
    assert "industrial_accident" in _types(
        "Tai Po fire death toll reaches 128, city's deadliest blaze in nearly 80 years",
        "The number of people killed in the Wang Fuk Court fire rose to 128 on Friday, the security "
        "secretary said.",
    )
    assert "industrial_accident" not in _types(
        "Forest fire death toll reaches 12 in Greece",
        "Twelve people have died in the forest fire raging near Athens, the fire service said.",
    )
