"""Round 28's type pass on the folded round-8 dev file: a bare "attack" that names the strike or the
bombing just reported, a capital taken in a coup, talks restarted or ended without a deal, and weather
foretold, each in a sentence of our own in the shape of the report that failed, through the real
enrichment (tests/data/reporting/dev_folded_r8.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_types

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_an_attack_that_names_the_air_strike_is_no_battle(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Army admits air strike on wedding party in the north; villagers say 40 dead",
        "The army has confirmed that it bombed a wedding party in a village in the northern hills on "
        "Sunday, an attack that residents and local media say killed about 40 people, many of them "
        "women. Aircraft circled back an hour later and fired on people pulling the wounded from the "
        "rubble, a witness said.",
    )
    assert found == {"air_drone_strike"}


def test_a_bombing_called_the_third_attack_in_a_week_is_no_battle(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Militants dynamite crude line, third delta attack in a week",
        "Militants dynamited a trunk line carrying crude for export early on Sunday, the third strike "
        "on oil and gas facilities in the south in a week, a local official said.",
    )
    assert found == {"infrastructure_attack"}


def test_an_attack_on_a_checkpoint_stays_a_battle_beside_its_car_bomb(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Nine soldiers killed in attack on border checkpoint",
        "Militants rammed an explosives-laden vehicle into the gate of a border checkpoint on "
        "Tuesday and then opened fire on the soldiers inside, killing nine of them, the army said.",
    )
    assert "armed_clash" in found


def test_soldiers_taking_the_capital_in_a_coup_are_no_front_line(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Soldiers take Niger capital, hold president and premier",
        "Soldiers seized control of Niamey and are holding the president and the prime minister, after "
        "an assault on the presidential residence late on Wednesday. The African Union condemned the "
        "coup.",
    )
    assert found == {"coup"}


def test_an_agreement_to_restart_frozen_peace_talks_is_talks(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Government and rebels agree in Oslo to restart frozen peace talks",
        "The government and the rebel movement said on Monday they would go back to the table after "
        "the insurgents walked out last month. A further round is planned for May.",
    )
    assert found == {"peace_talks"}


def test_talks_that_ended_without_a_breakthrough_were_held(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Geneva talks on Libya end without breakthrough",
        "Six hours of talks on Libya in Geneva between the foreign ministers of the United States, "
        "Russia and five regional states ended on Friday with no breakthrough, though they agreed to "
        "keep searching for a way to restore a truce. No date was set for another round.",
    )
    assert found == {"peace_talks"}


def test_a_seasonal_cyclone_outlook_is_no_disaster(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Up to 10 tropical cyclones may hit Vietnam by December, weather agency warns",
        "HANOI - As many as 10 tropical cyclones may enter or form in the East Sea between July and "
        "December, the national weather agency said on Monday. Two or three storms are expected in "
        "August and September, said an official of its forecasting centre. Global forecasts point to "
        '"near normal" cyclone formation in the western North Pacific over the coming months, he told '
        "a news conference, adding that the rainy season could start within weeks.",
    )
    assert found == set()


def test_rain_expected_this_week_is_no_disaster(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Two weather fronts to bring rain and wind this week",
        "A slow-moving low over the bay is expected to dump heavy rain across the south this week, with "
        "up to 5 cm possible in the hills, where melting snow could raise the flood risk. A second "
        "front should bring strong gusts to the coast.",
    )
    assert found == set()


def test_a_storm_that_killed_and_is_expected_to_strike_again_is_a_disaster(enrich: Enrich) -> None:
    found = read_types(
        enrich,
        "Storm kills eight on the coast",
        "Heavy rain killed eight people and destroyed hundreds of homes on the coast on Monday, and the "
        "storm is expected to hit the capital on Tuesday, officials said.",
    )
    assert "natural_disaster" in found
