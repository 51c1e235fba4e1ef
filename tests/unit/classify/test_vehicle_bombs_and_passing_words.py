"""How wire copy words car bombs and the event types told beside others: a car or truck bomb that went
off is the remote-explosive type (infrastructure_attack, ACLED's "Remote explosive/landmine/IED") whoever
it killed, as a roadside bomb is; a suicide car bomber stays the attack he made. Each sentence is in the
shape of a dev_news27 report the rules misread before these readings existed."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body))}


def test_a_car_bomb_in_a_market_is_a_remote_explosive_not_an_attack_on_civilians() -> None:
    found = _types(
        "Car bomb kills 30 in crowded market in Kirkuk",
        "A car bomb exploded in a crowded vegetable market in Kirkuk on Thursday, killing at least 30 "
        "people and wounding dozens, police said.",
    )
    assert found == {"infrastructure_attack"}


def test_a_car_packed_with_explosives_is_a_car_bomb() -> None:
    found = _types(
        "Blast near police station kills four",
        "A parked car packed with explosives blew up near a police station in the town on Monday, "
        "killing four people, officials said.",
    )
    assert found == {"infrastructure_attack"}


def test_the_civilians_a_car_bomb_killed_make_no_second_act() -> None:
    found = _types(
        "Two car bombs kill nine in Baquba",
        "A second car bomb went off minutes later among people who had gathered at the scene, killing "
        "five civilians and wounding 14, police said.",
    )
    assert found == {"infrastructure_attack"}


def test_a_second_blast_hours_earlier_the_same_day_is_news() -> None:
    found = _types(
        "Roadside and car bombs kill 12 across Baghdad",
        "Two roadside bombs struck a police patrol in western Baghdad on Sunday, killing four officers. "
        "Hours earlier a car bomb tore through a bus station in the south of the city, killing eight.",
    )
    assert found == {"infrastructure_attack"}


def test_a_suicide_car_bomber_at_a_market_stays_an_attack_on_civilians() -> None:
    found = _types(
        "Suicide car bombing kills 20 at market",
        "A suicide car bomber drove into a busy market on Friday, killing 20 people, police said.",
    )
    assert "attack_on_civilians" in found


def test_a_roadside_bomb_that_struck_a_patrol_is_no_strike_from_the_air() -> None:
    found = _types(
        "Roadside bombs kill four police officers in western Baghdad",
        "Two roadside bombs struck a police patrol in western Baghdad on Sunday, killing four officers.",
    )
    assert "air_drone_strike" not in found
    assert "infrastructure_attack" in found


def test_a_gunman_who_sprayed_worshippers_and_set_off_a_vest_attacked_civilians() -> None:
    found = _types(
        "Attacker kills nine at evening prayers in Mosul mosque",
        "A gunman sprayed worshippers at evening prayers in a mosque in Mosul and then detonated an "
        "explosive vest, killing nine people, police said.",
    )
    assert found == {"attack_on_civilians"}


def test_a_blast_that_trapped_miners_is_an_industrial_accident() -> None:
    found = _types(
        "Explosion at Kentucky coal mine traps eight miners",
        "An explosion early on Tuesday at a coal mine in eastern Kentucky trapped eight miners about a "
        "mile inside the shaft, state officials said.",
    )
    assert found == {"industrial_accident"}


def test_a_village_that_fell_after_a_counteroffensive_is_a_capture_not_also_a_battle() -> None:
    found = _types(
        "Rebels retake hilltop village in Hama countryside",
        "Rebel fighters said on Tuesday they had recaptured the village of Tal Sukkar. A rebel commander "
        "said the village fell after a night-long counteroffensive; troops were still fighting on its "
        "outskirts.",
    )
    assert found == {"territory_change"}


def test_jihadists_driving_out_the_army_took_the_town() -> None:
    found = _types(
        "Jihadists seize town in northern Burkina Faso as troops withdraw",
        "Armed jihadists held the northern town of Djibo on Sunday after attacking the police station and "
        "driving out the army, a local official said.",
    )
    assert found == {"territory_change"}
