"""Round 28's type pass on dev_news28: storms still forecast, a weapon explained, a disaster's
anniversary, a mine flooded or blasted, a cabinet sworn in, passing flights and arrests, mobs burning
and rampaging, and a toll risen after a long naming of its blasts, each in a sentence of our own in
the shape of the report that failed, through the real enrichment
(tests/data/reporting/dev_news28.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events, read_types

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_low_likely_to_become_a_cyclone_is_no_disaster_yet(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Cyclone threat grows for Northern Territory coast",
        "DARWIN - A tropical low in the Timor Sea is likely to develop into a category two cyclone by "
        "Wednesday and could cross the coast west of Darwin, the weather bureau said. The system could "
        "bring destructive winds, heavy rain and flash flooding to remote communities, it said.",
    )
    assert found == set()


def test_a_storm_that_may_bring_a_possible_surge_is_no_disaster_yet(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Forecasters warn of strong storm heading for Fiji",
        "A depression north of Vanuatu may become a cyclone and strike Fiji's main island on Saturday "
        "with heavy rain and a possible storm surge, the meteorological service said.",
    )
    assert found == set()


def test_a_weapon_explained_is_no_strike(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Glide bombs, who makes them and why they matter",
        "Glide bombs are ordinary bombs fitted with wings and satellite guidance, analysts say. Some "
        "armies pair them with cruise missiles to overwhelm air defences.",
    )
    assert found == set()


def test_a_country_falling_silent_years_after_a_quake_is_no_disaster(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Chile falls silent 15 years after quake and tsunami",
        "Chileans held a minute of silence on Saturday to mark 15 years since the earthquake and "
        "tsunami that killed 525 people; thousands were left homeless.",
    )
    assert found == set()


def test_water_flooding_a_mine_is_the_mines_accident(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Workers trapped in flooded coal mine",
        "Water flooded a small coal mine in the north of the province on Tuesday, trapping 17 workers "
        "underground, local officials said.",
    )
    assert found == {"industrial_accident"}


def test_blasts_at_a_mine_are_an_industrial_accident(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Toll rises to 24 at Siberian colliery",
        "The death toll from two blasts at the Listvyazhnaya coal mine rose to 24 on Friday, with "
        "about 40 people still unaccounted for, officials said.",
    )
    assert found == {"industrial_accident"}


def test_a_cabinet_sworn_in_by_the_president_is_a_leadership_change(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "President swears in new cabinet under technocrat premier",
        "The president swore in the new cabinet headed by the prime minister on Monday evening, the "
        "state news agency reported.",
    )
    assert found == {"leadership_change"}


def test_troops_forced_to_flee_a_town_are_no_evacuation(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Army retakes border town a day after losing it",
        "Government troops retook the town of Kurmuk on Saturday, a day after rebels drove them out, "
        "an officer said. Residents said the rebels attacked at first light and forced the soldiers to "
        "retreat after hours of fighting.",
    )
    assert "evacuation" not in found


def test_ministries_cleared_after_rioters_broke_in_are_no_evacuation(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Rioters set fire to ministry during march on parliament",
        "Police fired tear gas at thousands of people marching on parliament on Thursday. Several "
        "ministries were evacuated after a group of rioters smashed their way into the labour ministry "
        "and set it on fire.",
    )
    assert "riot" in found
    assert "evacuation" not in found


def test_a_wars_history_beside_new_talks_is_no_battle(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Rival factions open new round of peace talks in Nairobi",
        "A new round of peace talks between the government and the armed opposition opened in Nairobi "
        "on Monday, mediators said. Fighting between the two sides broke out in the capital in July "
        "and has driven more than 400,000 people from their homes.",
    )
    assert found == {"peace_talks"}


def test_suspects_the_police_had_just_detained_are_no_arrest_beside_a_bomb(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Roadside bomb kills six aboard police van",
        "A police van carrying four officers and two men they had just detained struck a roadside bomb "
        "on the highway late on Friday, killing all six, a provincial spokesman said.",
    )
    assert "arrest" not in found


def test_drones_last_in_a_list_of_shelling_weapons_are_no_drone_strike(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "One killed as border region shelled 90 times in a day",
        "Russian forces shelled the region 90 times on Monday, firing 412 rounds from mortars, "
        "artillery, tanks and drones, the regional governor said. One man was killed.",
    )
    assert found == {"missile_artillery_strike"}


def test_an_outbreak_feared_after_a_flood_is_no_outbreak(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Floods swamp city after river bursts its banks",
        "The river burst its banks on Monday and flooded much of the city, driving many residents of "
        "four low-lying districts from their homes, officials said. Aid agencies warned that dirty water "
        "could set off a cholera outbreak in the crowded camps.",
    )
    assert found == {"natural_disaster", "evacuation"}


def test_heavier_fighting_near_a_city_beside_talks_is_a_battle(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Rebel delegation arrives for talks in Geneva",
        "The rebel delegation arrived in Geneva on Thursday for a new round of peace talks, the UN "
        "envoy said. Heavier fighting near Idlib is straining the ceasefire the talks rest on.",
    )
    assert found == {"peace_talks", "armed_clash"}


def test_rebels_beaten_back_from_army_outposts_are_a_battle(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Rebels flee village after failed raid",
        "About 150 rebels were beaten back from army and police outposts on Tuesday, officials said.",
    )
    assert "armed_clash" in found


def test_mobs_burning_vehicles_and_rampaging_are_a_riot(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Curfew imposed after mobs torch dozens of cars in market town",
        "Mobs set fire to dozens of cars and shops in the town on Monday, forcing officials to impose a "
        "curfew. Armed with sticks, the crowds kept rampaging until late in the night.",
    )
    assert "riot" in found


def test_marchers_pushing_riot_police_back_are_a_riot(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Police fire tear gas as marchers defy ban",
        "Police fired tear gas on Sunday at thousands of protesters who marched through the district in "
        "defiance of a ban. Some protesters pushed riot police back by throwing bottles and umbrellas.",
    )
    assert "riot" in found
    assert "protest" not in found


def test_coalition_bombing_of_a_market_is_the_air_strike_alone(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Coalition bombing of city market kills at least 12",
        "An air raid by the coalition on a market in the city on Saturday night killed at least 12 "
        "people, residents said.",
    )
    assert found == {"air_drone_strike"}


def test_a_toll_risen_after_a_long_naming_of_the_blasts_is_the_toll(enrich: Enrich) -> None:
    events = read_events(
        enrich,
        "Mine blasts toll rises",
        "The death toll from two explosions at the Listvyazhnaya coal mine in western Siberia rose to 41 "
        "on Friday, officials said. Most of the 12 bodies found overnight were rescuers.",
    )
    assert events["industrial_accident"].magnitude.get("killed") == 41


def test_workers_a_flooded_mine_trapped_are_missing(enrich: Enrich) -> None:
    events = read_events(
        enrich,
        "Workers trapped in flooded coal mine",
        "Water flooded a small coal mine in the north of the province on Tuesday, trapping 17 workers "
        "underground, local officials said.",
    )
    assert events["industrial_accident"].magnitude == {"missing": 17}


def test_a_similar_strike_the_attack_came_after_lends_no_counts(enrich: Enrich) -> None:
    events = read_events(
        enrich,
        "Drone strike kills three in border village",
        "A drone strike hit a village near the border overnight, killing at least three people, local "
        "officials said on Tuesday. The attack came shortly after a similar strike in the next province "
        "in which six people were killed and four wounded.",
    )
    assert events["air_drone_strike"].magnitude == {"killed": 3}
