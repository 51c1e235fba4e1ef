"""Round 26's left-over types on the dev files: evacuations told as people driven from their homes or
ferried out beside a battle or a strike, arrests and air strikes read into words that report neither,
an ambush of travellers read as a battle, a fire's spread read as an accident, a coup told only as a
failed one. Each sentence is our own, in the shape of the report that failed, through the real
enrichment (tests/data/reporting/dev_news26.yaml, dev_folded_r6.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_types

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_battle_that_drives_thousands_from_their_homes_is_also_an_evacuation(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Gang fighting in the capital kills 15 and drives thousands from their homes",
        "Heavy gunfire rang out on Tuesday in several districts of the capital, where fighting between "
        "rival gangs has killed at least 15 people and forced thousands from their homes this week.",
    )
    assert {"armed_clash", "evacuation"} <= found


def test_a_toll_of_this_week_is_no_war_tally() -> None:
    from herald.classify import salience

    assert (
        salience.background_sentence(
            "Fighting between rival gangs has killed at least 15 people and forced thousands from "
            "their homes this week."
        )
        is None
    )
    assert (
        salience.background_sentence(
            "The war has killed more than 20,000 people and displaced 14 million since it began."
        )
        is not None
    )


def test_civilians_ferried_across_a_river_beside_a_rocket_strike_are_an_evacuation(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Rocket strike on river ferry point kills three, officials say",
        "A rocket strike on a river ferry point killed three people and wounded nine late on Tuesday, "
        "officials said. Civilians were being ferried from the east bank under an order issued "
        "earlier in the week. About 8,000 residents had been moved so far, an official said.",
    )
    assert {"missile_artillery_strike", "evacuation"} <= found


def test_a_ceasefire_after_fighting_that_drove_people_out_is_no_new_evacuation(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Two neighbours agree to ceasefire after talks hosted abroad",
        "The two prime ministers agreed on Monday to an immediate ceasefire from midnight, their host "
        "announced, after four days of fighting that killed at least 30 people and drove more than "
        "100,000 from their homes.",
    )
    assert "evacuation" not in found


def test_a_figure_of_detainees_not_given_is_no_arrest(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Army detains cabinet in apparent coup attempt",
        "Soldiers detained most of the cabinet on Tuesday morning in what officials described as a coup "
        "attempt. The statement did not say how many people were detained or where they were held.",
    )
    assert found == {"coup"}


def test_a_strike_word_inside_an_attack_on_posts_is_no_air_strike(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Four soldiers and several militants killed in border post attack",
        "Four soldiers were killed and several militants died when fighters from across the border "
        "struck two border posts late on Saturday, the army said.",
    )
    assert "air_drone_strike" not in found
    assert "armed_clash" in found


def test_gunmen_ambushing_vehicles_is_no_battle(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Gunmen kill 12 in attacks on villages",
        "Gunmen killed at least 12 people in attacks on villages on Tuesday, officials said. At least "
        "seven were killed near the market town as gunmen fired on a village and ambushed vehicles.",
    )
    assert "armed_clash" not in found
    assert "attack_on_civilians" in found


def test_a_fire_spreading_from_an_attack_is_no_accident(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Gunmen set minibus ablaze at roadside stop, killing 10",
        "Gunmen opened fire on a minibus parked at a roadside stop on Friday, setting it ablaze and "
        "killing ten people, an official said. Everyone on board died, and the fire engulfed a nearby "
        "car, killing one more.",
    )
    assert "industrial_accident" not in found
    assert "attack_on_civilians" in found


def test_arrests_after_a_failed_coup_report_the_coup(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Authorities arrest 12 after failed coup",
        "Authorities said they had arrested 12 people over Tuesday's failed attempt to storm the "
        "presidential palace, among them a former army commander.",
    )
    assert found == {"coup"}


def test_a_force_returning_fire_after_shelling_is_no_battle(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Cross-border mortar fire kills five villagers",
        "Five villagers were killed and nine hurt on Wednesday when troops across the border fired mortar "
        'shells at frontier hamlets, officials said. "The injured have been taken to hospital," a police '
        "officer said, adding that the border force was returning fire.",
    )
    assert found == {"missile_artillery_strike"}
