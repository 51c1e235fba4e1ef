"""Round 26's type pass on the folded round-6 dev file: passing words that raised a second type beside
the report's one event, each in a sentence of our own in the shape of the report that failed, through
the real enrichment (tests/data/reporting/dev_folded_r6.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_types

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_missiles_a_drone_fired_after_an_aside_are_the_drones(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Drone strike kills five suspected fighters in Khost",
        "Five suspected fighters were killed on Tuesday when a drone, thought by local officials to be "
        "American, fired three missiles at a car outside Khost, officials said.",
    )
    assert found == {"air_drone_strike"}


def test_an_armed_wings_name_is_no_rocket(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Israeli troops kill three gunmen in Gaza border clash",
        "Israeli soldiers killed three members of the al-Qassam Brigades, Hamas's armed wing, in a "
        "clash near the border fence in southern Gaza on Sunday, the army said.",
    )
    assert "missile_artillery_strike" not in found
    assert "armed_clash" in found


def test_gunmen_attacking_soldiers_told_as_them_is_no_attack_on_civilians(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Two militants killed in clash with troops near border",
        "Troops killed two militants in a clash near the border on Monday, the army said. The army "
        "said its soldiers returned fire after gunmen attacked them at a checkpoint.",
    )
    assert "attack_on_civilians" not in found


def test_a_rocket_in_a_fireworks_blast_is_a_firework(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Blast at fireworks workshop kills nine",
        "A fireworks explosion at a storehouse killed nine people and injured 12 on Saturday, officials "
        "said. The fireworks had been stored for a local festival, and officials said a stray rocket "
        "fired in the street had set them off.",
    )
    assert found == {"industrial_accident"}


def test_flooded_pits_in_a_mine_collapse_are_no_flood(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Eleven miners die as gold pit caves in",
        "Eleven people died when an informal gold mine caved in on Friday, local officials said. "
        "Rescuers could not get to the trapped men because the pits had been flooded by heavy rain.",
    )
    assert found == {"industrial_accident"}


def test_shelters_ready_if_people_must_leave_flooded_areas_is_no_disaster(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "City readies pumps and shelters before the monsoon",
        "The city council has put 60 pumps on standby to drain low-lying streets as the monsoon nears, "
        "officials said. "
        "Twelve schools stand ready to take in families if they have to be evacuated from flooded areas.",
    )
    assert found == set()


def test_a_promised_counteroffensive_is_no_battle(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Rebels take most of provincial capital",
        "Rebel fighters took control of most of the provincial capital on Friday after a rapid advance, "
        "witnesses said. The army said it had pulled back its units and promised a counteroffensive.",
    )
    assert found == {"territory_change"}


def test_detaining_people_to_head_off_protests_is_no_protest(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Police detain 12 opposition figures before vote",
        "Police have detained 12 opposition figures since Friday, saying they wanted to head off "
        "protests against the president's re-election bid.",
    )
    assert found == {"arrest"}


def test_those_detained_in_a_coup_statement_is_no_arrest(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Soldiers say on state television they have taken power",
        "Soldiers went on state television on Wednesday to say they had seized power, dissolved the "
        "government and closed the borders. The statement said the takeover had been calm and those "
        "detained were being held in a safe place.",
    )
    assert found == {"coup"}


def test_clashes_between_two_communities_are_the_riot_not_a_battle(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Curfew in three towns as religious riots kill nine",
        "Authorities imposed a curfew and ordered troops to patrol three towns on Saturday as "
        "Hindu-Muslim clashes over a disputed shrine killed nine people, police said.",
    )
    assert found == {"riot"}


def test_arrests_charged_with_looting_in_a_riot_report_are_the_riots(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Rioters loot shops in port city overnight",
        "The prime minister appealed for calm on Friday. Schools and banks stayed shut across the "
        "capital. Police arrested 31 people and charged them with looting and public disorder.",
    )
    assert found == {"riot"}


def test_a_long_wars_dead_in_which_clause_is_background(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Jihadists overrun garrison town of Marte",
        "Jihadists seized the garrison town of Marte in Nigeria's Borno state on Tuesday, attacking "
        "before dawn and overrunning the town and its army base, security sources said. A police "
        "spokesman told reporters in Maiduguri that the attackers raised their flag over the barracks. "
        "It is the biggest prize in a 40-month insurgency in Borno state, in which hundreds of soldiers "
        "and civilians have been killed.",
    )
    assert found == {"territory_change"}
