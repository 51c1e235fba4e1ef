"""Whose count a number is: both sides of a clash, lists sharing one verb, claims, injured who later died,
crowds put at a figure, an agency's revised magnitude and a separate incident's toll. Each sentence
is the real-style example (tests/data/reporting/dev_numbers3.yaml) the rule was written for."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from herald.classify import count_sides
from herald.classify.magnitude import Reading, measure, read_text
from herald.classify.rules import classify
from herald.core.records import EnrichedArticle

Make = Callable[..., EnrichedArticle]


def _measure(code: str, *sentences: str) -> dict[str, float]:
    readings = [r for k, s in enumerate(sentences) for r in read_text(s, k)]
    return measure(code, range(len(sentences)), readings)


def test_each_sides_dead_in_a_clash_are_added_up() -> None:
    army = (
        "Pakistan's military said it had killed at least 80 Islamist militants and lost seven soldiers "
        "in heavy fighting in the Tirah Valley."
    )
    assert _measure("armed_clash", army) == {"killed": 87}
    two_sentences = (
        "Six Pakistani soldiers were killed in a clash with militants in North Waziristan, the army said.",
        "Four militants also died in an intense exchange of fire.",
    )
    assert _measure("armed_clash", *two_sentences) == {"killed": 10}


def test_one_sides_repeated_figure_is_not_added_twice() -> None:
    assert _measure(
        "armed_clash",
        "Four Pakistani soldiers killed in clash with militants",
        "Four soldiers died in a gunfight with militants in Miranshah, the army said.",
    ) == {"killed": 4}


def test_a_headline_retelling_a_body_figure_under_another_sides_word_is_not_added() -> None:
    assert _measure(
        "armed_clash",
        "Nine Afghan soldiers killed in clash at border post",
        "Nine Afghan Taliban fighters, one of them a commander, were killed and 14 wounded when Pakistani "
        "troops returned fire on a checkpoint, officials said.",
    ) == {"killed": 9, "wounded": 14}


def test_people_rescued_from_a_burning_building_are_survivors_and_from_a_flood_evacuees() -> None:
    fire = (
        "Three workers died and two were hurt when fire swept through a garment workshop on Tuesday.",
        "Fifteen tailors were asleep on the upper floor; nine of them were rescued by firefighters.",
    )
    assert _measure("industrial_accident", *fire) == {"killed": 3, "wounded": 2}
    flood = (
        "Floods killed 12 people in the river valley on Sunday.",
        "More than 4,000 people were rescued from flooded areas, the governor said.",
    )
    assert _measure("natural_disaster", *flood) == {"killed": 12, "evacuated": 4000}


def test_a_sides_claim_about_the_other_is_not_the_toll() -> None:
    assert _measure(
        "armed_clash",
        "Six Pakistani soldiers were killed in a clash with militants, the army said, adding that four "
        "militants also died.",
        "The Pakistani Taliban said its fighters had ambushed two military vehicles and claimed to have "
        "killed 18 soldiers.",
    ) == {"killed": 10}


def test_the_killers_count_of_another_countrys_dead_is_no_toll() -> None:
    """af_pk_border: Kabul's count of Pakistan's losses, and the headline retelling it, are Kabul's claim,
    not Pakistan's toll (Islamabad put its own at 23)."""
    assert _measure(
        "armed_clash",
        "Taliban say 58 Pakistani soldiers killed, 25 posts captured in night of fighting",
        "KABUL - Afghan forces killed 58 Pakistani soldiers and wounded about 30 in overnight operations "
        "along the border, government spokesman Zabihullah Mujahid said on Sunday.",
    ) == {"wounded": 30}
    text = "Pakistan's army said it killed more than 40 Afghan fighters."
    at = text.index("40")
    assert count_sides.enemy_dead(text, at, at + 2)


def test_a_states_own_dead_and_the_foreign_fighters_it_counts_are_not_one_toll() -> None:
    """af_pk_border: Rawalpindi's 23 and the 200 it claims are two tolls, not 223; soldiers named by
    their nation beside the attackers they killed are still one clash's dead (dev-n4-019: 13)."""
    assert _measure(
        "armed_clash",
        "Army says 23 soldiers killed, more than 200 Afghan Taliban fighters dead in border clashes",
        "RAWALPINDI - Twenty-three Pakistani soldiers were killed and 29 wounded when Afghan Taliban "
        "forces and allied militants attacked border posts overnight, the military's media wing ISPR said "
        "on Sunday.",
    ) == {"killed": 23, "wounded": 29}
    assert _measure(
        "armed_clash",
        "At least seven Pakistani soldiers, two officers among them, were killed when six militants stormed "
        "a security checkpoint in Mir Ali. All six attackers were killed as troops cleared the post.",
    ) == {"killed": 13}


@pytest.mark.parametrize(
    ("figure", "enemy"),
    [("58", True), ("nine", False), ("23", False), ("200", True)],
)
def test_each_capitals_count_of_the_enemys_dead_beside_its_own(figure: str, enemy: bool) -> None:
    text = (
        "Kabul said 58 Pakistani soldiers and nine of its own fighters died, while Pakistan's army counted "
        "23 of its soldiers and over 200 Taliban and allied fighters killed."
    )
    at = text.index(figure)
    assert count_sides.enemy_dead(text, at, at + len(figure)) is enemy


def test_an_armys_count_of_a_movements_fighters_at_home_stays_its_offensives_toll() -> None:
    text = "Separately, the military said it killed 60 Taliban fighters in Waziristan on the second day."
    at = text.index("60")
    assert not count_sides.enemy_dead(text, at, at + 2)


def test_a_list_sharing_one_verb_is_one_toll() -> None:
    bus = "At least 23 children and four adults died when a school bus went off the road into a gorge."
    assert _measure("industrial_accident", bus) == {"killed": 27}
    aside = (
        "Four army troops, a colonel among them, and three suspected militants were killed in a clash in "
        "the Tirah valley."
    )
    assert _measure("armed_clash", aside) == {"killed": 7}
    militia = "Five officials and four members of a peace militia were wounded, a security official said."
    assert _measure("armed_clash", militia) == {"wounded": 9}
    # the last member's own aside does not cut the list from its verb
    clinic = (
        "At least nine nurses and six patients, two of them infants, were killed when an air strike hit a "
        "clinic in the north of the country on Sunday."
    )
    assert _measure("air_drone_strike", clinic) == {"killed": 15}
    # two separate clauses are not one list: only a clash adds its sides up
    assert _measure("industrial_accident", "Four workers died and three were hurt.") == {
        "killed": 4,
        "wounded": 3,
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Two more workers injured in Tuesday night's blast at a firecracker factory in Karnal died on "
            "Wednesday.",
            {"killed": 2},
        ),
        (
            "Two of the four people badly injured in a morning explosion at a disinfectant factory in "
            "Harbin died on Friday afternoon, local officials said.",
            {"killed": 2, "wounded": 2},
        ),
    ],
)
def test_injured_who_later_died_are_dead_not_also_injured(sentence: str, expected: dict[str, float]) -> None:
    assert _measure("industrial_accident", sentence) == expected


def test_a_crowd_put_at_a_figure_by_police_and_organisers() -> None:
    readings = read_text("Police put the crowd at 28,000, while organisers said about 120,000 came.", 0)
    assert sorted(r.value for r in readings if r.unit == "protesters") == [28_000, 120_000]
    assert _measure("riot", "As many as 5,000 people took part, CTV News said.") == {"protesters": 5000}


def test_a_prison_riot_reads_its_dead_and_its_rioters() -> None:
    assert _measure(
        "riot",
        "An inmate was stabbed to death and eight others were hurt when about 160 prisoners rioted at the "
        "California Men's Colony.",
    ) == {"killed": 1, "wounded": 8, "protesters": 160}


def test_an_agencys_revised_magnitude_stands_over_other_quakes() -> None:
    assert _measure(
        "natural_disaster",
        "The US Geological Survey has raised the magnitude of Friday's earthquake off northern Japan to "
        "9.0 from 8.9.",
        "It is the fourth-largest quake recorded since 1900, behind the magnitude 9.1 Sumatra quake in 2004.",
    ) == {"magnitude": 9.0}


def test_a_sides_dead_are_not_troops_deployed() -> None:
    readings = [
        Reading("troops", 80, "exact", 0, side="armed"),
        Reading("killed", 80, "at_least", 0, side="armed"),
    ]
    assert measure("armed_clash", [0], readings) == {"killed": 80}


def test_a_separate_incident_has_its_own_toll_and_lends_it_to_no_other(make_article: Make) -> None:
    article = make_article(
        "Iran fires 180 missiles at Israel",
        "Iran fired about 180 missiles at Israel on Tuesday night, and most were intercepted, the military "
        "said. Separately, two gunmen opened fire on a light-rail train in Jaffa, killing six people and "
        "wounding 12.",
    )
    events = {e.type: e for e in classify(article)}
    assert events["attack_on_civilians"].magnitude == {"killed": 6, "wounded": 12}
    assert events["missile_artillery_strike"].magnitude == {"missiles": 180}
    same_type = make_article(
        "Drones hit Kyiv",
        "Russian drones struck Kyiv overnight, wounding two people. Meanwhile, a Ukrainian drone strike on "
        "the Kursk region killed three people.",
    )
    # the other incident of the type is an event of its own (``incidents.py``), its toll kept apart
    drones, other = classify(same_type)
    assert drones.magnitude == {"wounded": 2}
    assert other.type == "air_drone_strike" and other.magnitude == {"killed": 3}


def test_people_in_evacuation_centres_are_the_floods_count_and_an_evacuation(make_article: Make) -> None:
    article = make_article(
        "Floods in Japan leave tens of thousands of homes destroyed",
        "Rivers burst their banks after days of torrential rain in western Japan, breaking levees. More "
        "than 30,000 people have been taken into evacuation centres.",
    )
    events = {e.type: e for e in classify(article)}
    # the labelling conventions: the evacuation is its own event, and the hazard carries its figure
    assert set(events) == {"natural_disaster", "evacuation"}
    assert events["natural_disaster"].magnitude["evacuated"] == 30_000
    assert events["evacuation"].magnitude == {"evacuated": 30_000}
    assert events["evacuation"].location == events["natural_disaster"].location
    # people rescued from the water were not moved out: no evacuation
    rescued = make_article(
        "More rain threatens flood-hit Texas as toll reaches 70",
        "At least 70 people have died in the flooding that followed relentless rain in central Texas on "
        "Thursday night and Friday, officials said on Sunday. About 650 people had been rescued by Sunday.",
    )
    assert {e.type for e in classify(rescued)} == {"natural_disaster"}
    ordered = make_article(
        "Thousands evacuated as typhoon batters the Philippines",
        "Hundreds of thousands of people were evacuated as the typhoon hit the Philippines.",
    )
    assert {e.type for e in classify(ordered)} == {"evacuation", "natural_disaster"}


def test_eight_other_missiles_beside_one_named_missile_are_nine() -> None:
    assert _measure(
        "missile_artillery_strike",
        "Russia used an intercontinental ballistic missile against Ukraine for the first time, the air force "
        "said.",
        "The missile was launched from the Astrakhan region, and eight other missiles were fired in the same "
        "attack; air defences downed six cruise missiles.",
    ) == {"missiles": 9}
    # one weapon said without a number is one
    assert _measure(
        "missile_artillery_strike", "Russia launched 23 drones and a cruise missile at Ukraine overnight."
    ) == {"missiles": 1}
    assert _measure("air_drone_strike", "Russia launched a drone attack on Kyiv.") == {}


def test_a_toll_naming_both_sides_is_not_one_sides() -> None:
    assert _measure(
        "armed_clash",
        "At least 26 rebels and soldiers die in battle for Raqa outskirts",
        "At least 16 rebels and 10 soldiers were killed on Saturday in a fierce battle, a monitor said.",
    ) == {"killed": 26}
    assert _measure(
        "territory_change",
        "Seventy-one people, 65 of them rebels, died in fighting around Birao, a government spokesman said.",
        "Six soldiers were among the dead, and the army has taken back the town.",
    ) == {"killed": 71}


def test_a_count_of_evacuees_put_at_a_figure() -> None:
    assert _measure(
        "evacuation", "Local authorities put the number of evacuees at 40,000, the weather service said."
    ) == {"evacuated": 40_000}


@pytest.mark.parametrize(
    ("title", "body", "types"),
    [
        (
            "25 dead as bus falls into gorge in Himachal Pradesh",
            "A private bus carrying more than 60 people fell into a 150-metre gorge in Kullu district on "
            "Thursday, killing at least 25 passengers and injuring 35, officials said.",
            {"industrial_accident"},
        ),
        (
            "Three soldiers and 11 militants killed in Bajaur clashes",
            "Three security personnel were killed on the fifth day of fighting between militants and "
            "security forces in Bajaur. Five officials and four members of a peace militia were wounded, a "
            "security official said.",
            {"armed_clash"},
        ),
        (
            "Iran fires about 30 missiles at Israel, 21 wounded",
            "A wave of Iranian missiles struck Israel on Sunday morning, wounding at least 21 people. The "
            "barrage came hours after the United States said seven B-2 bombers had hit three Iranian "
            "nuclear sites.",
            {"missile_artillery_strike"},
        ),
        (
            "Mexico remembers victims of two September 19 earthquakes",
            "Mexico on Wednesday honoured the victims of two earthquakes: one in 1985 that killed at least "
            "9,500 people and the magnitude 7.1 quake a year ago that killed more than 360.",
            set(),
        ),
    ],
)
def test_types_of_real_reports_around_their_numbers(
    make_article: Make, title: str, body: str, types: set[str]
) -> None:
    assert {e.type for e in classify(make_article(title, body))} == types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Searchers in Kerr County have found the bodies of 68 people after the river flooded.",
            {"killed": 68},
        ),
        (
            "Attackers opened fire on two substations, cutting power to more than 35,000 customers, the "
            "sheriff said.",
            {"affected": 35_000},
        ),
        ("About 1,000 customers lost power.", {"affected": 1000}),
        ("A notice put the number of people affected at 35.8 million.", {"affected": 35_800_000}),
        (
            "All 1,000 residents of West Point, Kentucky, were ordered to leave after a derailed rail car "
            "caught fire.",
            {"evacuated": 1000},
        ),
        (
            "About 1,200 residents in the London borough of Southwark were moved out of their homes.",
            {"evacuated": 1200},
        ),
        # where the people are is not another clause: "in Uttarakhand, and more than a dozen are missing"
        (
            "Floods have killed at least 41 people in Uttarakhand, and more than a dozen are missing.",
            {"killed": 41, "missing": 12},
        ),
        ("Two inmates were stabbed to death in the yard.", {"killed": 2}),
        (
            "German authorities moved 5,000 people out of their homes in Bonn on Wednesday.",
            {"evacuated": 5000},
        ),
        # "and left many missing" has a verb of its own: the missing are not the dead counted before it
        (
            "Floods in the valley have killed at least 41 people and left many missing, officials said.",
            {"killed": 41},
        ),
        # one person named and "N others": N + 1
        ("A local paper reported she and 14 others were detained at the sit-in.", {"arrested": 15}),
        ("Two soldiers and three others were wounded in the blast.", {"wounded": 5}),
        # where the people are may be a distance: "residents within six kilometres must now evacuate"
        (
            "At least 4,210 residents within five kilometres of the crater must now evacuate, police said.",
            {"evacuated": 4210},
        ),
        # people a mine or the rubble still holds are missing; one found alive is not
        (
            "Rescuers were digging through the night to reach nine miners trapped when the shaft caved in.",
            {"missing": 9},
        ),
        ("A woman was trapped under the rubble but alive, the governor said.", {}),
        ("The number of people officially listed as missing rose to 35 on Monday.", {"missing": 35}),
        # an outbreak's count told after its cases
        (
            "Confirmed cholera cases in the northern district outbreak rose to 312 on Friday, data show.",
            {"affected": 312},
        ),
        # a toll among the crowd is not the crowd's size
        (
            "At least four protesters were killed when police opened fire on the rally in the port city.",
            {"killed": 4},
        ),
        # the air force's word for drones: no aircraft count beside them
        (
            "Russia launched 87 unmanned aircraft at Ukraine overnight, most of them Shahed drones.",
            {"drones": 87},
        ),
        # people ordered out "this week" are the crisis's own count, not a weekly total of attacks
        (
            "Thousands of people in Northern California were ordered to leave their homes this week as the "
            "Dixie Fire spread.",
            {"evacuated": 2000},
        ),
    ],
)
def test_counts_said_the_way_reports_say_them(sentence: str, expected: dict[str, float]) -> None:
    assert {r.unit: r.value for r in read_text(sentence, 0)} == expected


def test_people_who_fled_a_hazard_are_its_evacuees_and_the_homeless_stay_displaced() -> None:
    fled = "More than 12,000 people have fled their homes near the Mayon volcano as lava flowed."
    assert _measure("evacuation", fled) == {"evacuated": 12_000}
    assert _measure("attack_on_civilians", "Gunmen forced 10,000 people to flee their villages.") == {
        "displaced": 10_000
    }
    fire = (
        "The Caldor fire has forced about 23,000 residents of El Dorado County, California, to leave their "
        "homes."
    )
    assert _measure("natural_disaster", fire) == {"evacuated": 23_000}
    leaving = "About 3,000 people were leaving their homes as the storm made landfall on the coast."
    assert _measure("natural_disaster", leaving) == {"evacuated": 3000}
    left = "More than 40,000 residents of the old town left their homes while the bomb was defused."
    assert _measure("evacuation", left) == {"evacuated": 40_000}
    # "left homeless" is displaced, and "left" alone is no death
    assert _measure("natural_disaster", "Floods left 40,000 people homeless.") == {"displaced": 40_000}


def test_people_who_fled_violence_are_displaced_and_people_who_fled_a_hazard_evacuated(
    make_article: Make,
) -> None:
    gangs = make_article(
        "Thirty killed as gang attacks Carrefour-Feuilles district of Haiti's capital",
        "Repeated attacks by a gang on residents of the Carrefour-Feuilles district of Port-au-Prince have "
        "killed 30 people, a Haitian human rights group said on Thursday. More than 5,000 people have fled "
        "the area since Tuesday, Haiti's civil protection agency said.",
    )
    events = {e.type: e for e in classify(gangs)}
    assert events["evacuation"].magnitude == {"displaced": 5000}
    bombs = make_article(
        "50,000 evacuated in Hanover as wartime bombs are defused",
        "More than 50,000 people in the German city of Hanover left their homes on Sunday while three "
        "unexploded World War Two bombs were removed from a building site in the centre.",
    )
    (evacuation,) = classify(bombs)
    assert evacuation.magnitude == {"evacuated": 50_000}


def test_a_headline_without_a_cue_still_sizes_the_event(make_article: Make) -> None:
    article = make_article(
        "Army says it has retaken Kadugli from the rebels",
        "Government troops and allied militias entered Kadugli, capital of South Kordofan state, early on "
        "Sunday and were clearing out remaining fighters, the army said.",
    )
    assert [(e.type, e.magnitude) for e in classify(article)] == [("territory_change", {"settlements": 1})]


def test_a_headlines_round_figure_yields_to_the_bodys_finer_one() -> None:
    found = [
        Reading("affected", 12_000_000, "about", 0),
        Reading("affected", 11_600_000, "exact", 3),
    ]
    assert measure("cyberattack", [3], found) == {"affected": 11_600_000}


def test_the_killers_count_of_the_enemys_dead_stays_on_the_record_as_claimed(make_article: Make) -> None:
    """af_pk_border: Kabul's 58 feeds no toll, but an analyst reading the event sees the claim beside
    the wounded the report stands by, with the sentence that gives it."""
    kabul = (
        "KABUL - Afghan forces killed 58 Pakistani soldiers and wounded about 30 in overnight operations "
        "along the border, government spokesman Zabihullah Mujahid said on Sunday."
    )
    article = make_article(
        "Taliban say 58 Pakistani soldiers killed, 25 posts captured in night of fighting", kabul
    )
    (clash,) = [e for e in classify(article) if e.type == "armed_clash"]
    assert "killed" not in clash.magnitude
    assert [(c.metric, c.value) for c in clash.claimed_counts] == [("killed", 58)]
    assert "58 Pakistani soldiers" in clash.claimed_counts[0].text


def test_a_toll_the_report_stands_by_is_not_a_claimed_count(make_article: Make) -> None:
    article = make_article(
        "Army says 23 soldiers killed in border clashes",
        "RAWALPINDI - Twenty-three Pakistani soldiers were killed and 29 wounded when Afghan Taliban forces "
        "attacked border posts overnight, the military's media wing ISPR said on Sunday.",
    )
    (clash,) = [e for e in classify(article) if e.type == "armed_clash"]
    assert clash.magnitude["killed"] == 23 and clash.claimed_counts == []
