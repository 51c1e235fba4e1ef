"""Weapon against means, drills against strikes, and a head of government designated: each sentence
is in the shape of a dev_news25 report the rules read wrongly before these cues and vetoes existed."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body))}


def test_a_missile_launched_from_a_drone_is_the_drone_strike_alone() -> None:
    found = _types(
        "Drone-fired missile kills three in Khost",
        "A missile launched from a drone hit a compound in Khost before dawn on Friday, killing three "
        "people, police said.",
    )
    assert "air_drone_strike" in found
    assert "missile_artillery_strike" not in found


def test_charges_made_from_mortar_shells_bring_down_pylons_not_a_shelling() -> None:
    found = _types(
        "Rebel sabotage cuts power to the south",
        "Guerrillas toppled four transmission towers with charges made from mortar shells overnight, "
        "cutting power to two provinces, officials said.",
    )
    assert "infrastructure_attack" in found
    assert "missile_artillery_strike" not in found


def test_a_missile_defence_drill_against_simulated_rockets_is_no_strike() -> None:
    found = _types(
        "Troops arrive for joint missile defence drill",
        "Interceptor batteries and warships will be used against simulated rockets; in the last stage "
        "an interceptor will be fired at a mock target.",
    )
    assert found == set()


def test_a_cell_planning_attacks_is_an_arrest_not_a_battle() -> None:
    found = _types(
        "Police dismantle militant cell, arrest four",
        "Police arrested four suspects in the port city on Monday. The men were allegedly planning attacks "
        "and had contacts with fighters abroad.",
    )
    assert found == {"arrest"}


def test_a_prime_minister_designated_to_form_a_government_is_a_leadership_change() -> None:
    found = _types(
        "President designates new prime minister",
        "The president designated former finance minister Omar Haddad as prime minister on Monday to "
        "form a government after weeks of talks.",
    )
    assert "leadership_change" in found


def test_soldiers_seizing_the_army_chief_take_no_territory() -> None:
    found = _types(
        "Mutinous soldiers seize Mali's army chief, briefly hold president",
        "Mutinous soldiers seized the head of the armed forces on Thursday in an apparent coup attempt.",
    )
    assert "territory_change" not in found


def test_soldiers_taking_over_a_country_and_detaining_its_president_take_no_territory() -> None:
    found = _types(
        "Soldiers take over Niger, detain President Bazoum",
        "Soldiers said on Wednesday that they had seized power and detained the president.",
    )
    assert "coup" in found
    assert "territory_change" not in found


def test_charges_that_were_mortar_shells_are_no_shelling() -> None:
    found = _types(
        "Blasts damage two pylons feeding the peninsula",
        "Attackers set off explosives overnight on two power pylons, officials said. The charges were "
        "120-mm mortar shells; one failed to detonate.",
    )
    assert "infrastructure_attack" in found
    assert "missile_artillery_strike" not in found


def test_a_wars_running_toll_of_displaced_is_no_evacuation() -> None:
    found = _types(
        "Warring sides sign ceasefire",
        "The government and the rebels signed a cessation of hostilities on Thursday after three weeks of "
        "talks. The mediator said the fighting since January had killed thousands and displaced hundreds "
        "of thousands.",
    )
    assert "peace_talks" in found
    assert "evacuation" not in found
