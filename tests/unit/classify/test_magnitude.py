"""Reading counts from wire copy: numbers in words and digits, hedges, and what is not a count."""

from __future__ import annotations

import pytest

from herald.classify.magnitude import Reading, measure, read_text
from herald.core.number_words import parse_number


@pytest.mark.parametrize(
    ("phrase", "value", "vague"),
    [
        ("12", 12, False),
        ("1,200", 1200, False),
        ("2.5 million", 2_500_000, False),
        ("seven", 7, False),
        ("twenty-three", 23, False),
        ("a dozen", 12, False),
        ("dozens", 24, True),
        ("tens of thousands", 20_000, True),
        ("hundreds of thousands", 200_000, True),
    ],
)
def test_number_phrases(phrase: str, value: float, vague: bool) -> None:
    assert parse_number(phrase) == (value, vague)


def _units(text: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(text, 0)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Strikes hit Kyiv, killing at least 12 people and wounding 40 others.",
            {"killed": 12, "wounded": 40},
        ),
        ("Russia launched 472 drones and seven missiles at Ukraine.", {"drones": 472, "missiles": 7}),
        ("Two people were wounded in Bila Tserkva.", {"wounded": 2}),
        ("The death toll rose to 41 on Tuesday.", {"killed": 41}),
        ("A magnitude 6.1 earthquake struck near Malatya.", {"magnitude": 6.1}),
        ("A 5.4-magnitude quake hit the region.", {"magnitude": 5.4}),
        ("Floods forced more than 20,000 people from their homes.", {"displaced": 20_000}),
        (
            "Police detained 45 people as tens of thousands of protesters marched.",
            {"arrested": 45, "protesters": 20_000},
        ),
        ("Some 200,000 households were left without power.", {"affected": 200_000}),
        ("Hackers stole the data of 2.3 million customers.", {"affected": 2_300_000}),
        ("Russian forces captured three villages.", {"settlements": 3}),
        ("Twelve Ukrainian soldiers were killed.", {"killed": 12}),
        # enga_landslide: the government's letter gives the slide's toll as people buried alive
        ("The landslide at Yambali buried more than 2,000 people alive.", {"killed": 2000}),
        ("The slide buried 150 houses and a stretch of highway.", {}),
        # iberia_fires
        ("The number of people killed by the wildfires in Portugal has risen to 45.", {"killed": 45}),
    ],
)
def test_counts_read_from_text(text: str, expected: dict[str, float]) -> None:
    assert _units(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He blamed saboteurs; no one was hurt.",  # negated
        "The bridge collapse that killed 15 people last year was not repeated.",  # background
        "A similar attack killed 30 people in 2019.",  # background
        "Russia-Ukraine war, day 1,037",  # a day count is not a count of anything
    ],
)
def test_what_is_not_a_count(text: str) -> None:
    assert _units(text) == {}


def test_evacuated_places_are_not_evacuated_people() -> None:
    assert _units("Authorities ordered the evacuation of 11 border villages.") == {"settlements": 11}


def test_hedges_are_kept_as_qualifiers() -> None:
    (reading,) = read_text("Shelling killed more than 60 people.", 0)
    assert reading.qualifier == "more_than"


def test_measure_keeps_the_types_metrics_the_events_segments_and_the_largest_value() -> None:
    readings = [
        Reading("drones", 472, "exact", 0),
        Reading("missiles", 7, "exact", 0),
        Reading("killed", 5, "exact", 1),
        Reading("killed", 12, "at_least", 1),
        Reading("killed", 99, "exact", 2),  # another event's segment
        Reading("wounded", 300, "less_than", 1),  # "fewer than 300" is no count to rank by
    ]
    assert measure("air_drone_strike", [0, 1], readings) == {"drones": 472, "killed": 12}
    assert measure("missile_artillery_strike", [0, 1], readings) == {"missiles": 7, "killed": 12}
    assert measure("peace_talks", [0, 1, 2], readings) == {}


# ----------------------------------------------------------------------------- whose number it is
# Real constructions (tests/data/reporting/dev_numbers.yaml names the reports): only this event's own
# counts are read; totals, earlier figures, intercepted parts, model names and other incidents are not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 1,100 drones were fired at Ukraine over the past week.", {}),
        ("Over the past week Russia used about 600 attack drones and almost 20 missiles.", {}),
        (
            "Russia has launched more than 1,700 attack drones, nearly 1,000 guided bombs and 80 missiles "
            "against Ukraine over the past week, Zelensky said.",
            {},
        ),
        ("More than 10,000 people have fled their homes in the past week.", {"displaced": 10_000}),
        ("Russia has fired at least 1,961 Shahed drones at Ukraine since February 2022.", {}),
        ("Since the start of the year Somalia has recorded 4,328 cholera cases and 12 deaths.", {}),
        ("In the last days of last year Russia fired almost 300 missiles at Ukraine.", {}),
        ("The barrage beat last year's record of 728 drones.", {}),
        (
            "Russia launched 472 drones; air defences shot down 385 drones and seven missiles.",
            {"drones": 472},
        ),
        ("It was not clear what happened to the two drones that were not shot down.", {}),
        ("Russia launched 17 drones at Ukraine's northern regions overnight.", {"drones": 17}),
        ("Officials said they were S-300 missiles.", {}),
        ("Russia fired seven S-300 missiles at Mykolaiv.", {"missiles": 7}),
        ("Launched were 48 Shahed-136/131 drones.", {"drones": 48}),
        ("The death toll rose to 41 from 30 on Monday.", {"killed": 41}),
        ("A woman was killed in the Dniprovskyi district of Kherson.", {"killed": 1}),
        ("One woman died at the scene.", {"killed": 1}),
        ("Strikes hit Kharkiv, killing a 10-year-old boy.", {"killed": 1}),
        ("A day earlier, one person was killed in Kyiv.", {}),
        ("Meanwhile, a Ukrainian drone strike on the Kursk region killed three people.", {}),
        ("The USGS said an earthquake of this magnitude could cause anywhere from 1 to 100 deaths.", {}),
        ("The blast caused a magnitude 2.2 seismic shock.", {}),
        ("Seismologists recorded a 2.2-magnitude tremor caused by the blast.", {}),
        ("At least six 155mm shells struck the Kirovsky district.", {"missiles": 6}),
        ("The quake destroyed about 2,000 homes.", {}),  # damage: no people counted, no interception
        ("The toll rose to 41, up from 38 on Saturday.", {"killed": 41}),
        ("Rescuers pulled 12 bodies from the rubble a day after the quake.", {"killed": 12}),
        ("The strike came a day after the same weapon left more than 52 civilians dead.", {}),
        ("Tens of thousands of people were evacuated.", {"evacuated": 20_000}),
        ("A landslide of construction waste in Shenzhen in December killed at least 58 people.", {}),
        ("Eleven people were rescued and taken to hospital.", {}),
        ("About 650 people had been rescued from flooded homes by Sunday.", {"evacuated": 650}),
        ("45 arrested after protesters clash with police outside president's home", {"arrested": 45}),
    ],
)
def test_only_this_events_own_counts_are_read(text: str, expected: dict[str, float]) -> None:
    assert _units(text) == expected


def test_a_vague_amount_is_marked_so_an_exact_figure_beats_it() -> None:
    (vague,) = read_text("Dozens of people were detained.", 1)
    (exact,) = read_text("At least 40 people were detained.", 2)
    assert vague.vague and not exact.vague
    assert measure("protest", [1, 2], [vague, exact], lead=(1,)) == {"arrested": 40}


def test_the_lead_figure_wins_over_another_agencys() -> None:
    """ "A 6.8-magnitude earthquake ..., the USGS said. ... 7 on the Richter scale, the national network
    said": the report leads with 6.8; the largest would be 7."""
    readings = [Reading("magnitude", 6.8, "exact", 0), Reading("magnitude", 7.0, "exact", 3)]
    assert measure("natural_disaster", [0, 3], readings) == {"magnitude": 6.8}


def test_a_round_headline_figure_is_refined_by_the_exact_one_under_it() -> None:
    """ "More than 1,000 killed" in the headline, "at least 1,037" in the body."""
    readings = [Reading("killed", 1000, "more_than", 0), Reading("killed", 1037, "at_least", 2)]
    assert measure("natural_disaster", [0, 2], readings) == {"killed": 1037}


def test_a_floor_the_report_stands_by_is_not_replaced_by_other_sources_estimates() -> None:
    """ "At least 30 villagers were killed, police said. Residents put the toll at 37; a church at 40." """
    readings = [
        Reading("killed", 30, "at_least", 0),
        Reading("killed", 37, "exact", 2),
        Reading("killed", 40, "more_than", 2),
    ]
    assert measure("attack_on_civilians", [0, 2], readings) == {"killed": 30}


def test_a_toll_update_supersedes_the_first_figure() -> None:
    readings = [Reading("killed", 3, "exact", 0), Reading("killed", 12, "exact", 3, update=True)]
    assert measure("missile_artillery_strike", [0, 3], readings) == {"killed": 12}
    (update,) = read_text("The death toll later rose to 12.", 3)
    assert update.update
    (hearsay,) = read_text("Two residents said the toll had risen to 37.", 3)
    assert not hearsay.update


def test_without_a_lead_figure_the_largest_stands() -> None:
    """Parts and the whole: "two security guards died ... a soldier was also killed ... three killed"."""
    readings = [Reading("killed", 2, "exact", 2), Reading("killed", 3, "exact", 3)]
    assert measure("missile_artillery_strike", [2, 3], readings) == {"killed": 3}


def _measured(code: str, *sentences: str) -> dict[str, float]:
    readings = [r for k, s in enumerate(sentences) for r in read_text(s, k)]
    return measure(code, range(len(sentences)), readings)


@pytest.mark.parametrize(
    ("code", "sentences", "expected"),
    [
        (
            "missile_artillery_strike",
            (
                "Russian ballistic missile hits Mykolaiv, casualties reported",
                "A Russian ballistic missile struck the southern Ukrainian city of Mykolaiv shortly before 7 "
                "a.m. on Saturday, and regional military chief Vitalii Kim said there were injured people.",
            ),
            {"missiles": 1},
        ),
        (
            "missile_artillery_strike",
            (
                "A Russian missile strike on the southern Ukrainian city of Mykolaiv on Thursday killed at "
                "least one person and injured four, a local official said.",
                "The mayor said a ballistic missile was used.",
            ),
            {"killed": 1, "wounded": 4, "missiles": 1},
        ),
        (
            "air_drone_strike",
            (
                "Two men travelling by car were killed on Tuesday evening when a Russian drone struck them "
                "in Hoptivka, a village in the Kharkiv region.",
            ),
            {"drones": 1},
        ),
        (
            "missile_artillery_strike",
            (
                "A missile from an S-300 air defence system struck a residential building in central "
                "Kharkiv overnight, the head of the regional administration said on Telegram.",
            ),
            {"missiles": 1},
        ),
        # the debris of one drone of a larger attack does not size the attack
        (
            "air_drone_strike",
            (
                "A woman was killed in the Kyiv region when debris from a Russian drone hit her, regional "
                "governor Ruslan Kravchenko said on Saturday.",
            ),
            {"killed": 1},
        ),
        # one missile stopped short is still the attack's one missile
        (
            "missile_artillery_strike",
            (
                "The army said on Thursday it had intercepted a missile fired from Yemen after air raid "
                "sirens went off across the centre of the country.",
            ),
            {"missiles": 1},
        ),
        (
            "missile_artillery_strike",
            (
                "A ballistic missile launched from Yemen was shot down over the desert early on Monday, "
                "the military said.",
            ),
            {"missiles": 1},
        ),
        # "a missile strike" says nothing of how many missiles
        (
            "missile_artillery_strike",
            ("A Russian missile strike on Kryvyi Rih killed three people.",),
            {"killed": 3},
        ),
    ],
)
def test_one_weapon_said_as_the_subject_of_its_strike_is_one(
    code: str, sentences: tuple[str, ...], expected: dict[str, float]
) -> None:
    assert _measured(code, *sentences) == expected


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (
            (
                "Russia says it has taken Kostiantynopolske in eastern Ukraine",
                "The Russian defence ministry said on Saturday that its troops had captured "
                "Kostiantynopolske, a village in Ukraine's Donetsk region that Russia calls Ostrovsky.",
            ),
            {"settlements": 1},
        ),
        (
            (
                "Somali government forces retook the town of Gambale in the Middle Shabelle region on "
                "Saturday after al-Shabaab fighters withdrew without a fight, officials said.",
            ),
            {"settlements": 1},
        ),
        (
            (
                "Nigerian troops backed by civilian vigilantes were back in control of the northeastern town "
                "of Chibok on Sunday, days after Boko Haram fighters overran it.",
            ),
            {"settlements": 1},
        ),
        (
            (
                "Russia says it captured tiny Donetsk village of Umanske",
                'Russia\'s Defence Ministry said on Sunday its troops had "liberated" Umanske, a village '
                "about 25 km northwest of Russian-held Donetsk city.",
            ),
            {"settlements": 1},
        ),
        # the capital taken is one city, named or not
        (
            ("Rebels pull out of Goma as the army takes the capital",),
            {"settlements": 1},
        ),
        (
            (
                "Insurgents seized the provincial capital on Sunday after government troops withdrew "
                "overnight, officials said.",
            ),
            {"settlements": 1},
        ),
        # a counted capture keeps its count; the named one among them is not a second figure
        (
            ("Russian forces took control of five villages in the Donetsk region, among them Pivdenne.",),
            {"settlements": 5},
        ),
        # a region or a facility taken is no settlement
        (("Russian forces captured Kharkiv region's main airport.",), {}),
    ],
)
def test_one_named_settlement_taken_is_one(sentences: tuple[str, ...], expected: dict[str, float]) -> None:
    assert _measured("territory_change", *sentences) == expected


def test_people_driven_from_their_homes_are_displaced() -> None:
    assert _units(
        "At least 48 people have died and 23,000 have been driven from their homes by flash floods in 10 "
        "of the country's 23 districts, President Peter Mutharika said on Tuesday."
    ) == {"killed": 48, "displaced": 23_000}


def test_people_an_accident_made_ill_are_its_wounded() -> None:
    sentence = (
        "A chlorine leak at a water treatment works made seven workers ill on Wednesday and forced more "
        "than 400 residents out of their homes, the fire service said."
    )
    assert _measured("industrial_accident", sentence) == {"wounded": 7, "evacuated": 400}


def test_people_an_outbreak_made_ill_are_its_cases() -> None:
    sentence = "Contaminated well water in the district made 640 people ill last week, health officials said."
    assert _measured("disease_outbreak", sentence) == {"affected": 640}


def test_a_figure_later_put_higher_revises_the_count_before_it() -> None:
    assert _measured(
        "missile_artillery_strike",
        "Shelling hit the centre of the town on Monday morning, killing two people, the mayor said.",
        "She first said six people were injured and later put the figure at 14.",
    ) == {"killed": 2, "wounded": 14}
