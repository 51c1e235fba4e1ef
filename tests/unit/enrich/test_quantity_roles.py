"""Each quantity says what it counts relative to the reported event, through the real model.

One case per construction of real reporting (tests/data/reporting/dev_numbers.yaml has the reports
they come from): only ``role == "event"`` with ``time_ref == "this_event"`` may size the event.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from herald.core.records import Article, EnrichedArticle, Quantity, stable_id
from herald.enrich.extract import Enricher


def enrich(enricher: Enricher, title: str, body: str) -> EnrichedArticle:
    now = datetime(2025, 7, 9, tzinfo=UTC)
    article = Article(
        id=stable_id("roles", title, body), url="https://case.invalid/", source="case", title=title,
        content=body, published=now, fetched_at=now,
    )  # fmt: skip
    return enricher.enrich([article])[0]


def quantity(record: EnrichedArticle, value: float, unit: str) -> Quantity:
    found = [q for q in record.quantities if q.value == value and q.unit == unit]
    assert len(found) == 1, record.quantities
    return found[0]


# (body, value, unit, role, time_ref)
CASES = [
    # cumulative totals
    ("More than 1,100 drones were fired over the past week.", 1100, "drones", "event", "cumulative"),
    (
        "Over the past week Russia used more than 800 guided bombs, about 600 attack drones and almost 20 "
        "missiles, Zelenskiy said.",
        20, "missiles", "event", "cumulative",
    ),
    ("Since the start of the year Somalia has seen 4,328 cases.", 4328, "cases", "event", "cumulative"),
    # a month's tally of many attacks across a country (peshawar_mosque_bombing); a day's attacks across a
    # city stay the event's (ecuador_gangs)
    (
        "At least 134 people were killed in militant attacks across Pakistan in January, the highest "
        "monthly figure since July 2018, an Islamabad think tank said.",
        134, "killed", "event", "cumulative",
    ),
    (
        "Eight people were killed in attacks across Guayaquil, and Noboa declared an armed conflict.",
        8, "killed", "event", "this_event",
    ),
    # a date with its day starts a running total too (ua_winter_grid: Zelensky's missiles since the invasion)
    (
        "Zelensky said Russia had launched more than 4,700 missiles at Ukraine since 24 February.",
        4700, "missiles", "event", "cumulative",
    ),
    (
        "Russia has fired at least 1,961 Shahed drones at Ukraine since February 2022.",
        1961, "drones", "event", "cumulative",
    ),
    # an earlier figure ("up from 9") is that number's alone, not the list after it
    (
        "The explosion killed 14 workers, up from 9 first reported, with three missing and 30 injured.",
        30, "wounded", "event", "this_event",
    ),
    # an earlier year in a clause of its own frames nothing after ", and"
    (
        "Police fired on marchers on the anniversary of the rallies in 1990, and at least 12 people "
        "were killed and 31 injured across the country.",
        31, "wounded", "event", "this_event",
    ),
    # the breakdown of a salvo shot down, after a colon, shares its fate
    (
        "Air defences shot down 41 drones overnight, the ministry said: 9 over the Kursk region, 20 over "
        "Bryansk and 12 over Oryol.",
        20, "drones", "intercepted", "this_event",
    ),
    # a truce's or a war's toll since it began, even told as "from <month> <year>"
    (
        "Health officials have counted about 2,000 breaches since the January truce, with 140 dead and "
        "over 300 wounded.",
        300, "wounded", "event", "cumulative",
    ),
    (
        "The war in Lebanon from October 2023 killed more than 4,000 people and injured about 16,000.",
        16_000, "wounded", "event", "cumulative",
    ),
    (
        "The war has killed an estimated 40,000 people and displaced more than two million.",
        40_000, "killed", "event", "cumulative",
    ),
    (
        "The army resumed its offensive in the north, where more than 9,000 people have been killed.",
        9000, "killed", "event", "cumulative",
    ),
    # a campaign's first week and a war's days, counted whole (issue 16, ecuador_gangs, india_pakistan)
    (
        "Security forces detained more than a thousand people and killed five suspected gang members in the "
        "first week of operations, the armed forces said.",
        1000, "arrested", "event", "cumulative",
    ),
    (
        "Over the four days of hostilities, 40 civilians and 11 members of the armed forces were killed, the "
        "military said in its final count.",
        40, "civilians", "event", "cumulative",
    ),
    # ... but a crisis's own period or its own outbreak is the event's
    (
        "More than 10,000 people have fled their homes in Port-au-Prince in the past week.",
        10_000, "displaced", "event", "this_event",
    ),
    (
        "The ministry said 75 people had died of cholera since the outbreak began last month.",
        75, "killed", "event", "this_event",
    ),
    ("The death toll from this year's dengue outbreak rose to 350.", 350, "killed", "event", "this_event"),
    (
        "Traders protested over fuel prices that have tripled since May, and police arrested 14 people.",
        14, "arrested", "event", "this_event",
    ),
    # earlier figures
    ("The barrage beat last year's record of 728 drones.", 728, "drones", "event", "earlier"),
    (
        "In the last days of last year Russia fired almost 300 missiles at Ukraine.",
        300, "missiles", "event", "earlier",
    ),
    ("The death toll rose to 41 from 30 deaths on Monday.", 30, "killed", "event", "earlier"),
    ("A day earlier, one person was killed in Kyiv.", 1, "killed", "event", "earlier"),
    (
        "It was the deadliest attack since Solhan in June 2021, when 160 people were killed.",
        160, "killed", "event", "earlier",
    ),
    # intercepted and launched
    ("Air defences shot down 385 drones.", 385, "drones", "intercepted", "this_event"),
    ("A missile strike destroyed two aircraft on the ground.", 2, "aircraft", "event", "this_event"),
    ("Russia launched 17 drones overnight, the air force said.", 17, "drones", "event", "this_event"),
    ("Russian air defences shoot down five Ukrainian drones", 5, "drones", "intercepted", "this_event"),
    (
        "It was not clear what happened to the two drones that were not shot down.",
        2, "drones", "intercepted", "this_event",
    ),
    (
        "Ukraine shot down every one of the 14 drones Russia launched at its territory overnight.",
        14, "drones", "event", "this_event",
    ),
    # model and calibre names
    ("Officials said the city was hit by S-300 missiles.", 300, "missiles", "model", "this_event"),
    ("In all 48 Shahed-136 drones were launched.", 48, "drones", "event", "this_event"),
    # another incident, a hypothetical
    (
        "Meanwhile, a Ukrainian drone strike on the Kursk region killed three people.",
        3, "killed", "other_event", "this_event",
    ),
    (
        "The US Geological Survey recorded four aftershocks above magnitude 5.",
        5, "magnitude", "other_event", "this_event",
    ),
    (
        "Somalia recorded 435 cholera cases in November, against 567 cases in October.",
        567, "cases", "event", "earlier",
    ),
    (
        "Vanuatu to evacuate all 11,000 people on ash-covered Ambae island.",
        11_000, "evacuated", "event", "this_event",
    ),
    # a toll's own words
    (
        "The death toll from the attack on Zamzam camp in Sudan's North Darfur has passed 400, the UN said.",
        400, "killed", "event", "this_event",
    ),
    # an earlier month named before the count
    (
        "A landslide of construction waste in Shenzhen in December killed at least 58 people.",
        58, "killed", "event", "earlier",
    ),
    # the toll of the thing a relative clause names, in a report of a protest about it
    (
        "Hundreds of protesters gathered in Derna demanding that officials be held to account for the "
        "collapse of the dams, whose floods killed thousands of people this month.",
        2000, "killed", "other_event", "this_event",
    ),
    # the toll of the earlier event a "... after the X that killed N" clause names, not this fire's
    (
        "A fire in a tenement in Sham Shui Po killed two people on Saturday, two weeks after the Tai Po "
        "blaze that killed 160, the fire department said.",
        160, "killed", "other_event", "this_event",
    ),
    # the dead a protest is about or mourns
    (
        "Thousands marched in the capital on Sunday, demanding accountability for the collapse of the "
        "market roof that killed 23 people in March.",
        23, "killed", "other_event", "this_event",
    ),
    (
        "The crowd held a minute of silence for the 23 people killed when the market roof fell.",
        23, "killed", "other_event", "this_event",
    ),
    # one person said without a number
    ("A woman was killed in the Dniprovskyi district of Kherson.", 1, "killed", "event", "this_event"),
    ("One woman died at the scene, officials said.", 1, "killed", "event", "this_event"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "value", "unit", "role", "time_ref"), CASES)
def test_each_number_carries_its_role_and_time_reference(
    enricher: Enricher, body: str, value: float, unit: str, role: str, time_ref: str
) -> None:
    q = quantity(enrich(enricher, "Overnight report", body), value, unit)
    assert (q.role, q.time_ref) == (role, time_ref)
    assert q.is_event_count == (role == "event" and time_ref == "this_event")


def test_launched_and_shot_down_in_one_report(enricher: Enricher) -> None:
    r = enrich(
        enricher,
        "Russia fires 472 drones at Ukraine",
        "Russia launched 472 drones overnight. Air defences shot down 385 drones and seven missiles, and "
        "another 60 drones were lost from radar.",
    )
    assert [q.value for q in r.quantities if q.is_event_count and q.unit == "drones"] == [472, 472]
    assert {q.value for q in r.quantities if q.role == "intercepted"} == {385, 7, 60}


def test_a_vague_amount_is_a_floor_and_a_ceiling(enricher: Enricher) -> None:
    q = quantity(
        enrich(enricher, "Floods", "Tens of thousands of people were evacuated."), 20_000, "evacuated"
    )
    assert q.vague and q.qualifier == "at_least" and q.value_max == 99_999
    exact = quantity(enrich(enricher, "Floods", "Some 30,000 people were evacuated."), 30_000, "evacuated")
    assert not exact.vague and exact.value_max is None


def test_no_one_is_no_count(enricher: Enricher) -> None:
    r = enrich(enricher, "Drones hit Odesa", "Apartment blocks were damaged in Odesa but no one was killed.")
    assert [q for q in r.quantities if q.unit == "killed"] == []


def test_a_blast_registered_as_a_tremor_is_not_an_earthquake_magnitude(enricher: Enricher) -> None:
    r = enrich(
        enricher,
        "Chemical plant explosion kills 64",
        "Windows 6 kilometers away were blown out by the blast, which caused a magnitude 2.2 seismic shock.",
    )
    q = quantity(r, 2.2, "magnitude")
    assert q.role == "other_event"


def test_people_rescued_from_a_collapse_are_survivors_not_evacuees(enricher: Enricher) -> None:
    """ "Eleven people were rescued and taken to hospital" after a landslide; "crews rescued 20,000
    people from flooded areas" is still an evacuation."""
    survivors = enrich(enricher, "Landslide", "Eleven people were rescued and taken to hospital.")
    assert not [q for q in survivors.quantities if q.unit == "evacuated"]
    flood = enrich(
        enricher, "Floods", "Emergency crews had rescued more than 20,000 people from flooded areas."
    )
    assert quantity(flood, 20_000, "evacuated").is_event_count


def test_attackers_counted_are_no_troop_deployment(enricher: Enricher) -> None:
    r = enrich(enricher, "Checkpoint attacked", "At least 50 militants attacked a paramilitary checkpoint.")
    assert not [q for q in r.quantities if q.unit == "troops"]


def test_a_toll_gets_its_own_figure_not_a_later_number(enricher: Enricher) -> None:
    r = enrich(enricher, "Zambia cholera toll reaches 222 as cases rise to 5,462", "Cholera spread.")
    assert not [q for q in r.quantities if q.unit == "killed" and q.value == 5462]


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Officers fired back while one policeman died and two constables were hurt.", 2),
        ("An avalanche killed nine guides. Three more guides were injured.", 3),
        ("Five other people were treated for gunshot wounds.", 5),
        ("The blast killed two men and sent 38 others to hospital.", 38),
        ("At least 23 children died when the bus fell. Ten children are in hospital.", 10),
        ("The fire department reported fallen walls and one minor injury.", 1),
    ],
)
def test_the_wounded_are_read_however_the_report_says_they_were_hurt(
    enricher: Enricher, body: str, value: int
) -> None:
    assert quantity(enrich(enricher, "Casualties", body), value, "wounded").is_event_count


def test_a_plural_noun_that_does_the_harm_is_not_its_victim(enricher: Enricher) -> None:
    """Only a passive verb makes an unlisted noun the victims: the ports are where the strikes hit."""
    r = enrich(enricher, "Israeli airstrikes on two Houthi-held ports kill one, wound nine", "Ports hit.")
    assert not [q for q in r.quantities if q.unit == "killed" and q.value == 2]


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("A toxic gas leak forced more than 2,000 residents to leave late on Friday.", 2000, "evacuated"),
        ("About 60,000 residents were ordered to leave as crews fought the blaze.", 60_000, "evacuated"),
        ("More than 600,000 villagers took shelter inland as the cyclone neared.", 600_000, "evacuated"),
        ("Seventeen people were injured and three protesters were held.", 3, "arrested"),
    ],
)
def test_what_happened_to_people_said_by_where_they_went(
    enricher: Enricher, body: str, value: int, unit: str
) -> None:
    assert quantity(enrich(enricher, "Residents", body), value, unit).is_event_count


def test_people_held_hostage_are_not_arrested(enricher: Enricher) -> None:
    r = enrich(enricher, "Siege", "Gunmen stormed the school and twelve teachers were held hostage.")
    assert not [q for q in r.quantities if q.unit == "arrested"]


@pytest.mark.parametrize(
    "body",
    [
        "Russian opposition leader Alexei Navalny was detained by police outside his home in Moscow.",
        "Police in Dakar arrested opposition leader Ousmane Sonko on his way to court.",
    ],
)
def test_one_named_person_arrested_is_a_count_of_one(enricher: Enricher, body: str) -> None:
    assert quantity(enrich(enricher, "Opposition leader held", body), 1, "arrested").is_event_count


def test_a_named_person_who_kills_is_no_victim(enricher: Enricher) -> None:
    r = enrich(enricher, "Gunman named", "Police said John Smith killed five people before fleeing.")
    assert not [q for q in r.quantities if q.unit == "killed" and q.value == 1]


def test_a_count_after_an_aside_takes_the_verb_after_the_aside(enricher: Enricher) -> None:
    r = enrich(
        enricher, "Ambush", "Three soldiers were killed and eight, among them an officer, were wounded."
    )
    assert quantity(r, 8, "wounded").is_event_count
    assert not [q for q in r.quantities if q.unit == "killed" and q.value == 8]


def test_a_bare_number_with_a_verb_of_its_own_is_not_the_list_before_it(enricher: Enricher) -> None:
    body = "Four miners were killed when the rock burst and 14 escaped on their own."
    r = enrich(enricher, "Rock burst", body)
    assert not [q for q in r.quantities if q.unit == "killed" and q.value == 14]


def test_leaders_held_by_police_are_arrested(enricher: Enricher) -> None:
    r = enrich(enricher, "Two Sierra Leone opposition leaders held overnight by police", "Police held them.")
    assert quantity(r, 2, "arrested").is_event_count


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("Gunmen went from house to house, shooting and hacking 19 people to death.", 19, "killed"),
        ("Sixteen people were killed and 16 others suffered serious wounds.", 16, "wounded"),
        ("One man died at the scene and another employee was hurt.", 1, "wounded"),
        ("The health ministry said one patient has died and four cases are confirmed.", 1, "killed"),
    ],
)
def test_harm_said_around_the_people(enricher: Enricher, body: str, value: int, unit: str) -> None:
    assert quantity(enrich(enricher, "Casualties", body), value, unit).is_event_count


def test_flood_victims_shifted_to_relief_camps_are_evacuees(enricher: Enricher) -> None:
    """ "More than 4,000 flood victims have been shifted to 15 relief camps": victims are people, and
    shifted to camps is moved to safety."""
    record = enrich(
        enricher,
        "River in spate",
        "The revenue minister said more than 4,000 flood victims had been shifted to 15 relief camps.",
    )
    assert quantity(record, 4_000, "evacuated").is_event_count


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("One man was shot dead and six people were wounded in the market on Saturday.", 1, "killed"),
        ("Two guards were gunned down at the checkpoint, the army said.", 2, "killed"),
        ("Three villagers were beaten to death by the mob.", 3, "killed"),
        ("Four workers were badly burned when the tank caught fire.", 4, "wounded"),
        ("Officials said 41 people went to emergency rooms with breathing problems.", 41, "wounded"),
        ("At least 12 residents sought medical treatment after the leak.", 12, "wounded"),
        ("About 2,000 people from the valley were evacuated overnight.", 2_000, "evacuated"),
        ("Around 800 people from ward 6 have been moved to the local school.", 800, "evacuated"),
        ("At least 15,000 residents were under evacuation orders on Sunday.", 15_000, "evacuated"),
        ("An estimated 90,000 people who left their homes are in shelters.", 90_000, "displaced"),
        ("Tens of thousands of people had to leave their homes as the river rose.", 20_000, "displaced"),
    ],
)
def test_harm_and_flight_in_the_words_reports_use(
    enricher: Enricher, body: str, value: int, unit: str
) -> None:
    assert quantity(enrich(enricher, "Casualties", body), value, unit).is_event_count


def test_houses_burned_are_damage_not_people_hurt(enricher: Enricher) -> None:
    r = enrich(enricher, "Village attacked", "Police said more than 30 houses were burned in the raid.")
    assert not [q for q in r.quantities if q.unit == "wounded"]


def test_the_number_of_a_ward_is_no_count(enricher: Enricher) -> None:
    r = enrich(enricher, "Landslide", "Around 800 people from ward 6 have been moved to the local school.")
    assert not [q for q in r.quantities if q.value == 6]


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("A blast at the mill killed three workers and injured a fourth, police said.", 1, "wounded"),
        ("Two guards were killed at the post and another wounded.", 1, "wounded"),
        ("One worker had a minor injury, the company said.", 1, "wounded"),
        ("A tank car caught fire near the depot, badly burning two workers.", 2, "wounded"),
        ("Three women travelling by bus were killed when the drone struck.", 3, "killed"),
    ],
)
def test_one_more_and_the_hurt_said_by_their_wounds(
    enricher: Enricher, body: str, value: int, unit: str
) -> None:
    assert quantity(enrich(enricher, "Casualties", body), value, unit).is_event_count


def test_people_burned_to_death_are_not_wounded(enricher: Enricher) -> None:
    r = enrich(enricher, "Mob attack", "The mob set fire to the house, burning five people to death.")
    assert not [q for q in r.quantities if q.unit == "wounded"]


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("Over half a million people were ordered to leave the coast.", 500_000, "evacuated"),
        (
            "The fire tore through the valley, putting about 9,000 under evacuation orders.",
            9_000,
            "evacuated",
        ),
        ("About 600 civilians have been brought out of the town over two days.", 600, "evacuated"),
        ("More than 300,000 villagers along the coast took shelter inland.", 300_000, "evacuated"),
    ],
)
def test_moves_said_around_the_people(enricher: Enricher, body: str, value: int, unit: str) -> None:
    assert quantity(enrich(enricher, "Residents", body), value, unit).is_event_count


@pytest.mark.parametrize(
    "body",
    [
        "Seven miners were brought out alive and 50 are still trapped.",
        "Of the 140 people on the site, 60 got out safely.",
        "Up to 700 people in the affected villages may have been exposed.",
    ],
)
def test_survivors_and_the_exposed_are_no_evacuees(enricher: Enricher, body: str) -> None:
    r = enrich(enricher, "Mine", body)
    assert not [q for q in r.quantities if q.unit in ("evacuated", "affected") and q.value in (7, 60, 700)]


def test_an_aside_naming_one_of_them_does_not_cut_the_count_from_its_verb(enricher: Enricher) -> None:
    body = "Two soldiers, one of them a junior officer, were killed in the gunfight."
    assert quantity(enrich(enricher, "Gunfight", body), 2, "killed").is_event_count


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("All 4,000 people living on the island have been ordered off by the agency.", 4_000, "evacuated"),
        ("More than 3,000 people living in a shantytown on the bay were evacuated.", 3_000, "evacuated"),
        ("A total of 640 residents of 150 households have been moved to safe places.", 640, "evacuated"),
        ("By noon 12,400 people, along with 900 cattle, had reached cyclone shelters.", 12_400, "evacuated"),
    ],
)
def test_the_moved_told_past_a_place_a_total_or_what_came_with_them(
    enricher: Enricher, body: str, value: int, unit: str
) -> None:
    assert quantity(enrich(enricher, "Residents", body), value, unit).is_event_count


@pytest.mark.parametrize(
    "body",
    [
        "A missile attack on Odesa on Nov. 18 killed at least 10 people.",
        "An attack on the market on Sept. 3 killed 4 people.",
    ],
)
def test_a_day_after_a_month_cut_short_is_a_date_not_a_count(enricher: Enricher, body: str) -> None:
    r = enrich(enricher, "Attack", body)
    assert not [q for q in r.quantities if q.value in (18, 3)]
