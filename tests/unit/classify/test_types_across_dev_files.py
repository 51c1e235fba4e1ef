"""Event types told beside another event in the shape of real reports: people scattering from a raid
with no count are no evacuation of their own, and the assault that took a place is the capture, not a
battle beside it. Each sentence is in the shape of a dev report the rules misread before."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body))}


def test_villagers_scattering_into_the_bush_during_a_raid_are_no_evacuation() -> None:
    found = _types(
        "Gunmen kill nine in raid on farming village",
        "Gunmen killed at least nine people when they raided a farming village in Niger state late on "
        "Tuesday, police said. Several residents were wounded and others fled into the bush as the "
        "attackers set fire to homes.",
    )
    assert found == {"attack_on_civilians"}


def test_a_counted_flight_into_the_forest_is_still_displacement() -> None:
    found = _types(
        "Thousands flee as rebels attack villages",
        "More than 4,000 villagers fled into the forest after rebels attacked three villages on "
        "Monday, a local official said.",
    )
    assert "evacuation" in found


def test_insurgents_attacking_the_district_they_seized_is_the_capture() -> None:
    found = _types(
        "Insurgents seize district centre in northern province",
        "Insurgents seized the district centre of the northern province on Sunday, forcing police to "
        'withdraw to the provincial capital. "They attacked the district from three sides and we held '
        'out for hours with no reinforcements," the district governor said.',
    )
    assert found == {"territory_change"}


def test_the_assault_launched_to_retake_villages_is_the_capture() -> None:
    found = _types(
        "Army retakes town and six villages from rebels",
        "Government troops took back the town and six nearby villages from rebels on Friday, a war "
        "monitor said. The army used infighting among rebel factions to launch a heavy ground and air "
        "assault, it said.",
    )
    assert "armed_clash" not in found and "territory_change" in found


def test_hellfire_missiles_fired_in_a_drone_strike_are_the_drones_munitions() -> None:
    found = _types(
        "Drone strike on compound kills five militants",
        "A drone struck a compound in a remote tribal district early on Friday, killing five suspected "
        "militants, local officials said. Security officials said two Hellfire missiles were fired at "
        "the compound.",
    )
    assert found == {"air_drone_strike"}


def test_an_officers_word_for_the_base_attack_is_no_attack_on_civilians() -> None:
    found = _types(
        "Militants storm army base, 20 dead",
        "At least 20 people died when militants attacked an army base in the north before dawn on "
        'Tuesday, officials said. "We lost seven soldiers in this terrorist attack and killed 13 of '
        'the attackers," an army officer said.',
    )
    assert "attack_on_civilians" not in found


def test_a_medic_calling_the_shelling_a_massacre_adds_no_attack_on_civilians() -> None:
    found = _types(
        "Shell hits crowded market, killing nine",
        "An artillery shell struck a crowded market in the capital on Saturday, killing nine people "
        'and wounding 30, the head of the ambulance service said. "I have never seen such a massacre '
        'in this city," he said.',
    )
    assert found == {"missile_artillery_strike"}
