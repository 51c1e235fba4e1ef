"""A hazard that crosses borders is one event per country: each country's toll has its own first and
updates, a report from one country naming another's toll as background is its own country's event, and
a sum of several countries' tolls is no country's count.

Each case is the shape of a wrong alert, or of a rule that would have raised one, on the dev alert
timelines (tests/data/alerts/timelines/): storm_daniel (Greece's floods, then Libya's; an agency's sum of
three countries; a Greek body found at another place bringing Greece's toll to 16) and hurricane_beryl
(Jamaica's toll reported beside Grenada's).
"""

from __future__ import annotations

from tests.support.novelty_events import at_country, ev, held, rules

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Actor, Claim, Event

STORM = dict(type="natural_disaster", severity=5)


def _greece() -> tuple[NoveltyDetector, list]:
    det = NoveltyDetector({})
    first = det.observe(
        ev(0, story="gr", where=("Karditsa", "GR", "Thessaly"), magnitude={"killed": 15}, **STORM)
    )
    assert rules(first) == ["new_type"]
    return det, first


def test_a_sum_of_several_countries_tolls_updates_no_country() -> None:
    """ "Storm Daniel heads for Libya after killing 27 in three countries", joined to Greece's story
    (placed in Greece): 27 is Greece's, Turkey's and Bulgaria's tolls together, not Greece's 15 rising."""
    summed = [
        "Storm Daniel, which has killed at least 27 people across Greece, Turkey and Bulgaria, moved on."
    ]
    det, _ = _greece()
    outcome = det.assess(
        at_country(
            ev(
                1,
                day=5,
                story="gr",
                title="Storm heads for Libya after killing 27 in three countries",
                sentences=summed,
                magnitude={"killed": 27},
                **STORM,
            ),
            "Greece",
            "GR",
        )
    )
    assert outcome.alerts == [] and ("any", "sum_of_countries") in held(outcome)
    # The same story's own toll rising to 27 is an update: the sum's wording is what holds it.
    det, first = _greece()
    rose = det.observe(
        ev(1, day=5, story="gr", title="Greece's flood toll rises to 27", magnitude={"killed": 27}, **STORM)
    )
    assert [(a.update_of, a.evidence["value"]) for a in rose] == [(first[0].id, 27)]


def test_a_sum_naming_three_countries_beats_no_series() -> None:
    """A count whose sentence names three countries adds them up ("killed at least seven people across
    Grenada, Jamaica and Venezuela"): it is no record over any one country's high."""
    det = NoveltyDetector({})
    det.observe(
        ev(0, story="alberto", where=("Monterrey", "MX", "Nuevo Leon"), magnitude={"killed": 4}, **STORM)
    )
    said = [
        "Beryl has killed at least 12 people in Grenada, Jamaica and Venezuela, officials in Mexico said."
    ]
    outcome = det.assess(
        ev(
            1,
            day=3,
            story="sum",
            where=("Cancun", "MX", "Quintana Roo"),
            sentences=said,
            magnitude={"killed": 12},
            **STORM,
        )
    )
    assert "record" not in rules(outcome.alerts) and ("any", "sum_of_countries") in held(outcome)


def test_another_countrys_toll_naming_the_alerted_country_is_its_own_event() -> None:
    """ "Jamaica's Beryl death toll rises to four ... The storm killed three people in Grenada before it
    reached the island", placed in Jamaica within a day of Grenada's alert: Jamaica's own first, not
    Grenada's toll rising 3 -> 4 (the rule for an agency abroad that names the alerted country would
    take it for that)."""
    det = NoveltyDetector({})
    grenada = det.observe(
        ev(0, story="gd", where=("Carriacou", "GD", None), magnitude={"killed": 3}, **STORM)
    )
    assert rules(grenada) == ["new_type"]
    said = [
        "Four people have died in Jamaica in Hurricane Beryl, the government said.",
        "The storm killed three people in Grenada before it reached the island.",
    ]
    jamaica = at_country(
        ev(
            1,
            day=0.8,
            story="jm",
            title="Jamaica's Beryl death toll rises to four",
            sentences=said,
            magnitude={"killed": 4},
            **STORM,
        ),
        "Jamaica",
        "JM",
    )
    outcome = det.assess(jamaica)
    assert ("any", "retelling") not in held(outcome)
    assert [
        (a.rule, a.update_of, a.location.country_code if a.location else None) for a in outcome.alerts
    ] == [("new_type", None, "JM")]


def test_a_countrys_toll_told_at_another_place_updates_that_countrys_story() -> None:
    """ "Rescuers found a body near Palamas, bringing the death toll from the floods in Greece to 16",
    split off from the Karditsa floods' story by its place: Greece's toll, 15 -> 16, not a record (16
    beats 15) or a first in Palamas. Libya's floods the same week stay Libya's own event."""
    det, _ = _greece()
    said = ["Rescuers found a body near Palamas, bringing the death toll from the floods in Greece to 16."]
    outcome = det.assess(
        ev(
            1,
            day=4,
            story="palamas",
            where=("Palamas", "GR", "Thessaly"),
            sentences=said,
            magnitude={"killed": 16},
            **STORM,
        )
    )
    assert outcome.alerts == [] and ("any", "retelling") in held(outcome)
    # Without the words placing its toll in Greece, the split-off report is read as its own record.
    det, _ = _greece()
    plain = ["Rescuers found a body near Palamas; 16 people were killed."]
    alone = det.observe(
        ev(
            1,
            day=4,
            story="palamas",
            where=("Palamas", "GR", "Thessaly"),
            sentences=plain,
            magnitude={"killed": 16},
            **STORM,
        )
    )
    assert rules(alone) == ["record"]
    # Libya's toll, naming Greece's 15 as background, is not Greece's story's.
    libya = ["At least 150 people were killed in Derna; the storm had killed 15 people in Greece."]
    derna = det.observe(
        ev(
            2,
            day=6,
            story="ly",
            where=("Derna", "LY", None),
            sentences=libya,
            magnitude={"killed": 150},
            **STORM,
        )
    )
    assert [(a.rule, a.update_of) for a in derna] == [("new_type", None)]


def test_a_countrys_toll_weeks_after_another_event_there_is_not_its_update() -> None:
    """storm_boris: "Poland's flood toll rises to seven" on 17 September was taken for the later report of
    the gale that killed two on 30 August (alerted as Poland's first), and paged as its update 2 -> 7.
    Eighteen days on, it is the flood's own toll; four days on (Greece's 16th victim) it is the story's."""
    det = NoveltyDetector({})
    gale = det.observe(
        ev(
            0,
            story="gale",
            where=("Bialy Kosciol", "PL", None),
            magnitude={"killed": 2},
            severity=3,
            type="natural_disaster",
        )
    )
    assert rules(gale) == ["new_type"]
    said = ["Poland's flood toll rises to seven, police chief says."]
    flood = det.assess(
        ev(1, day=18, story="flood", where=None, sentences=said, magnitude={"killed": 7}, **STORM)
    )
    assert ("any", "retelling") not in held(flood)
    assert all(a.update_of is None for a in flood.alerts)


def galicia_three_dead() -> Event:
    """The story a fire toll across the border is joined to: three dead in Galicia."""
    return ev(
        0,
        story="gal",
        where=("Vigo", "ES", "Galicia"),
        magnitude={"killed": 3},
        severity=3,
        type="natural_disaster",
    )


def test_a_toll_placed_in_two_countries_at_once_updates_neither() -> None:
    """iberia_fires: "Wildfires kill more than 30 in Portugal and Spain", "39 people, 36 of them in
    Portugal" and "45 people, 41 in Portugal and four in Galicia", joined to Galicia's story (three dead),
    are both countries' tolls summed, not Galicia's rising 3 -> 30 -> 39."""
    fire = dict(type="natural_disaster", severity=4)
    for title, sentence, killed in (
        ("Wildfires kill more than 30 in Portugal and Spain", "Officials gave no breakdown.", 30),
        ("Wildfires kill 39", "The fires have killed 39 people, 36 of them in Portugal.", 39),
        ("Iberian wildfire toll hits 45", "They killed 45 people, 41 in Portugal and four in Galicia.", 45),
    ):
        det = NoveltyDetector({})
        first = det.observe(galicia_three_dead())
        assert rules(first) == ["new_type"]
        outcome = det.assess(
            ev(
                1,
                story="gal",
                title=title,
                sentences=[sentence],
                where=("Galicia", "ES", "Galicia"),
                magnitude={"killed": killed},
                **fire,
            )
        )
        assert outcome.alerts == [] and ("any", "sum_of_countries") in held(outcome), title
    # Two places of one country are no sum.
    det = NoveltyDetector({})
    det.observe(galicia_three_dead())
    outcome = det.assess(
        ev(
            1,
            story="gal",
            title="Fires kill 30 in Vigo and Ourense",
            where=("Vigo", "ES", "Galicia"),
            magnitude={"killed": 30},
            **fire,
        )
    )
    assert ("any", "sum_of_countries") not in held(outcome)


def test_a_border_wars_toll_on_the_other_side_is_that_countrys_event() -> None:
    """thai_cambodia_border: story grouping joined "Cambodia says Thai shelling killed a villager" (KH,
    alerted) and "Twelve killed in Thailand as Cambodian rockets hit petrol station"; the Thai toll paged
    as Cambodia's update 1 -> 12. It is Thailand's own event: its first. Then "Thirteen people have been
    killed on the Cambodian side", split off at Pursat, is Cambodia's toll rising, 1 -> 13, not a record."""
    strike = dict(type="missile_artillery_strike", severity=4)
    det = NoveltyDetector({})
    villager = det.observe(
        ev(
            0,
            story="war",
            where=("Oddar Meanchey", "KH", "Oddar Meanchey"),
            magnitude={"killed": 1},
            **strike,
        )
    )
    assert rules(villager) == ["new_type"]
    said = ["Twelve killed in Thailand as Cambodian rockets hit petrol station"]
    thai = det.observe(
        ev(
            1,
            day=0.2,
            story="war",
            where=("Si Sa Ket", "TH", "Si Sa Ket"),
            sentences=said,
            magnitude={"killed": 12},
            **strike,
        )
    )
    assert [(a.rule, a.update_of, a.location.country_code if a.location else None) for a in thai] == [
        ("new_type", None, "TH")
    ]
    side = ["Thirteen people have been killed on the Cambodian side, the defence ministry said."]
    cambodia = det.observe(
        ev(
            2,
            day=2,
            story="pursat",
            where=("Pursat", "KH", "Pursat"),
            sentences=side,
            magnitude={"killed": 13},
            actors=[Actor(name="Cambodian", role="target", country_code="KH")],
            **strike,
        )
    )
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in cambodia] == [
        (villager[0].id, 1, 13)
    ]


def test_the_number_of_a_countrys_flood_deaths_updates_its_first_though_fewer_are_missing() -> None:
    """storm_boris: "the first confirmed death from the floods in the Czech Republic" (1 dead, 7 missing)
    alerted; two days on, a missing woman found in the Jesenik district, "bringing the number of flood
    deaths in the Czech Republic to four", was split off by its place. Its toll is the country's, 1 -> 4,
    though the missing fell from seven to one."""
    det = NoveltyDetector({})
    first = det.observe(
        ev(
            0,
            story="cz",
            where=("Bruntal", "CZ", "Moravia-Silesia"),
            magnitude={"killed": 1, "missing": 7},
            **STORM,
        )
    )
    assert rules(first) == ["new_type"]
    said = [
        "The body of a woman was found in the Jesenik district, police said, bringing the number of flood "
        "deaths in the Czech Republic to four."
    ]
    later = det.observe(
        ev(
            1,
            day=2,
            story="jes",
            where=("Jesenik", "CZ", "Olomouc"),
            sentences=said,
            magnitude={"killed": 4, "missing": 1},
            **STORM,
        )
    )
    assert [(a.update_of, a.evidence["escalation"]["magnitude"]["killed"]["value"]) for a in later] == [
        (first[0].id, 4)
    ]


def test_a_record_claimed_over_several_countries_is_no_country_s() -> None:
    """typhoon_yagi: a regional toll placed in Vietnam, claiming "the deadliest storm in the region this
    year" in the sentence that counts six countries, raises no record for Vietnam."""

    sentence = (
        "Counting Vietnam, Myanmar, Thailand, Laos, the Philippines and China, the storm and its floods have "
        "taken over 350 lives, making Yagi the deadliest storm in the region this year."
    )
    det = NoveltyDetector({})
    det.observe(ev(0, story="vn", where=("Hanoi", "VN", "Hanoi"), magnitude={"killed": 74}, **STORM))
    outcome = det.assess(
        at_country(
            ev(
                1,
                day=6,
                story="region",
                magnitude={"killed": 350},
                title="Yagi has now killed more than 350 people across Asia",
                sentences=[sentence],
                claims=[Claim(kind="record", text=sentence)],
                **STORM,
            ),
            "Vietnam",
            "VN",
        )
    )
    assert [a for a in outcome.alerts if a.rule == "record"] == []
    assert ("record", "sum_of_countries") in held(outcome)
