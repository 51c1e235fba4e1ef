"""Later reports of an alerted event that story grouping did not join: they update it, never page anew.

Each case is the shape of a wrong or missed alert on the dev alert timelines (tests/data/alerts/
timelines/): a retelling split off whose toll then rises (sudan_camp), a toll revised five weeks later
(sahel_massacre) or two weeks later (hk_fire), an agency abroad that placed the quake at home
(kunar_quake), a first report whose deaths had no number (nato_drones), and an attack whose own report
ranks it below the massacre of six weeks before (sahel_massacre's Djibo).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.support.novelty_events import at_country, ev, held, rules

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector
from herald.core.records import Actor, Claim

SD = dict(type="attack_on_civilians", severity=5)


def test_a_retelling_split_off_speaks_for_its_story_as_the_toll_rises() -> None:
    """Zamzam: 100 dead alerted as a record; the government's "100 killed", typed an armed clash, is a
    retelling in a story of its own; the UN's 300 and "passes 400" join that story. They are the
    assault's toll rising (updates of the record), not nothing and not a record against 100."""
    det = NoveltyDetector({})
    det.observe(
        ev(0, story="shelter", where=("El Fasher", "SD", "North Darfur"), magnitude={"killed": 57}, **SD)
    )
    record = det.observe(
        ev(1, day=10, story="zamzam", where=("El Fasher", "SD", None), magnitude={"killed": 100}, **SD)
    )
    assert rules(record) == ["record"]
    clash = dict(type="armed_clash", severity=5, story="government")
    retold = det.assess(
        ev(2, day=10.1, where=("North Darfur", "SD", "North Darfur"), magnitude={"killed": 100}, **clash)
    )
    assert retold.alerts == [] and ("any", "retelling") in held(retold)
    un = det.observe(ev(3, day=10.5, where=None, magnitude={"killed": 300}, **clash))
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in un] == [
        (record[0].id, 100, 300)
    ]
    passes = det.observe(
        ev(4, day=11.1, where=("North Darfur", "SD", "North Darfur"), magnitude={"killed": 400}, **clash)
    )
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in passes] == [
        (record[0].id, 300, 400)
    ]
    # The story's series point is the assault's highest toll: a later attack of 350 is no record.
    later = ev(5, day=14, story="later", where=("Tawila", "SD", None), magnitude={"killed": 350}, **SD)
    assert "record" not in rules(det.observe(later))


BF = dict(type="attack_on_civilians", severity=5)
REVISED = "Up to 600 people were killed in the August attack on Barsalogho, a French assessment says."


def _barsalogho(config: NoveltyConfig | None = None) -> tuple[NoveltyDetector, Any]:
    det = NoveltyDetector({}, config)
    det.observe(ev(0, story="east", where=("Fada", "BF", "Est"), magnitude={"killed": 30}, **BF))
    record = det.observe(
        ev(1, day=10, story="kaya", where=("Kaya", "BF", None), magnitude={"killed": 200}, **BF)
    )
    assert rules(record) == ["record"]
    # A Paris retelling placed at Barsalogho, split off: it names the place the later reports use.
    det.observe(
        ev(2, day=10.1, story="paris", where=("Barsalogho", "BF", None), magnitude={"killed": 200}, **BF)
    )
    return det, record


def test_a_toll_revised_weeks_later_updates_the_story_it_names() -> None:
    """Five weeks on, "600 killed in the August attack on Barsalogho" finds Burkina Faso quiet since:
    without the rule it paged a first in the country and a record over the massacre's own 200."""
    det, record = _barsalogho()
    later = ev(
        3,
        day=45,
        story="french",
        title="Assessment puts Barsalogho toll at 600",
        sentences=[REVISED],
        magnitude={"killed": 600},
        **BF,
    )
    outcome = det.assess(at_country(later, "Burkina Faso", "BF"))
    assert [(a.update_of, a.evidence["value"]) for a in outcome.alerts] == [(record[0].id, 600)]
    assert ("record", "follow_up") in held(outcome) and ("new_type", "follow_up") in held(outcome)


def test_a_bigger_event_weeks_later_is_a_record_of_its_own() -> None:
    """The same count weeks later without a word of the past event or its place is a new event: the
    country's first in a month, and, with ``record_after_first``, a record too (off by default: one event
    pages once, its first, and the count that beats the series is held as ``first_instead``)."""
    det, _ = _barsalogho()
    new = ev(3, day=45, story="new", title="Jihadists kill 600 in Dori", magnitude={"killed": 600}, **BF)
    out = det.assess(at_country(new, "Burkina Faso", "BF"))
    assert [(a.rule, a.update_of) for a in out.alerts] == [("new_type", None)]
    assert "first_instead" in out.suppressed
    det, _ = _barsalogho(replace(NoveltyConfig(), record_after_first=True))
    assert sorted(rules(det.observe(at_country(new, "Burkina Faso", "BF")))) == ["new_type", "record"]
    det, _ = _barsalogho(replace(NoveltyConfig(), record_after_first=True))
    past_elsewhere = ev(
        3,
        day=45,
        story="new",
        sentences=["Up to 600 were killed in the August attack on Dori."],
        magnitude={"killed": 600},
        **BF,
    )
    assert "record" in rules(det.observe(at_country(past_elsewhere, "Burkina Faso", "BF")))


def test_a_toll_revised_after_the_follow_up_window_updates_the_fire() -> None:
    """Tai Po: the fire's alert said 128; "last month's fire ... revised up to 160" nine days after the
    last report is that fire's toll, not a new story's record or nothing."""
    det = NoveltyDetector({})
    fire = dict(type="industrial_accident", severity=5, where=("Tai Po", "HK", None))
    first = det.observe(ev(0, story="fire", magnitude={"killed": 4}, **fire))
    assert rules(first) == ["new_type"]
    assert det.observe(ev(1, day=2, story="fire", magnitude={"killed": 128}, **fire))
    assert det.observe(ev(2, day=4, story="fire", magnitude={"killed": 146}, **fire)) == []  # 14 %: held
    revised = ["The toll from last month's fire at Wang Fuk Court in Tai Po was revised up to 160."]
    update = det.observe(ev(3, day=13, story="new", sentences=revised, magnitude={"killed": 160}, **fire))
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in update] == [
        (first[0].id, 128, 160)
    ]


def test_a_toll_a_week_on_from_a_town_of_the_region_updates_the_blast() -> None:
    """sigachi_blast: the plant blast in Telangana alerted at 34; "the death toll in the June 30 blast
    at Sigachi Industries rose to 42" a week on, placed at a hospital town of Telangana (Patancheru) and
    naming none of the story's places, is the blast's toll rising, not a new story's record over 39.
    The same toll in a town of another region is a new event."""
    blast = dict(type="industrial_accident", severity=4)

    def detector() -> tuple[NoveltyDetector, Any]:
        det = NoveltyDetector({})
        det.observe(
            ev(
                0,
                story="old",
                where=("Anakapalli", "IN", "Andhra Pradesh"),
                magnitude={"killed": 17},
                **blast,
            )
        )
        first = det.observe(
            ev(
                1,
                day=300,
                story="plant",
                where=("Telangana", "IN", "Telangana"),
                magnitude={"killed": 2},
                **blast,
            )
        )
        assert rules(first) == ["new_type"]
        det.observe(
            ev(
                2,
                day=301,
                story="plant",
                where=("Telangana", "IN", "Telangana"),
                magnitude={"killed": 34},
                **blast,
            )
        )
        return det, first

    said = ["The death toll in the June 30 blast at Sigachi Industries rose to 42 on Sunday."]
    det, first = detector()
    later = det.observe(
        ev(
            3,
            day=307,
            story="new",
            where=("Patancheru", "IN", "Telangana"),
            sentences=said,
            magnitude={"killed": 42},
            **blast,
        )
    )
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in later] == [
        (first[0].id, 34, 42)
    ]
    det, _ = detector()
    elsewhere = det.observe(
        ev(
            3,
            day=307,
            story="new",
            where=("Pune", "IN", "Maharashtra"),
            sentences=said,
            magnitude={"killed": 42},
            **blast,
        )
    )
    assert all(a.update_of is None for a in elsewhere)


def test_an_agency_abroad_that_placed_the_quake_at_home_updates_it() -> None:
    """ "ISLAMABAD - ... the toll from the earthquake in eastern Afghanistan rose to 610", placed in
    Pakistan: the Afghan quake's toll rising, not Pakistan's first disaster in 30 days."""
    det = NoveltyDetector({})
    quake = dict(type="natural_disaster", severity=5)
    record = det.observe(ev(0, story="q", where=("Kunar", "AF", "Kunar"), magnitude={"killed": 250}, **quake))
    assert rules(record) == ["new_type"]
    said = [
        "ISLAMABAD - Pakistan sent aid as the toll from the earthquake in eastern Afghanistan rose to 610."
    ]
    abroad = at_country(
        ev(1, day=0.2, story="isb", sentences=said, magnitude={"killed": 610}, **quake), "Pakistan", "PK"
    )
    outcome = det.assess(abroad)
    assert [(a.update_of, a.evidence["value"]) for a in outcome.alerts] == [(record[0].id, 610)]
    assert ("any", "retelling") in held(outcome)
    # A Pakistani report that names no Afghanistan is Pakistan's own event.
    own = at_country(
        ev(
            2, day=0.3, story="pk", sentences=["Floods killed 30 in Swat."], magnitude={"killed": 30}, **quake
        ),
        "Pakistan",
        "PK",
    )
    assert rules(det.observe(own)) == ["new_type"]


def test_a_toll_the_report_says_rose_is_an_update_without_an_earlier_number() -> None:
    """The record night's first report: "a young woman and her baby were killed" (no number read);
    "death toll ... rises to four" is the toll rising. A report that only gives "four killed" is a
    better reading of the same deaths, held as before."""

    def night() -> tuple[NoveltyDetector, Any]:
        det = NoveltyDetector({})
        det.observe(ev(0, day=50, severity=5, story="july", magnitude={"drones": 728}))
        record = det.observe(ev(1, day=60, severity=5, story="night", magnitude={"drones": 810}))
        assert rules(record) == ["record"]
        return det, record

    det, record = night()
    rose = ev(
        2,
        day=60.4,
        severity=5,
        story="night",
        title="Death toll from the record drone attack rises to four",
        magnitude={"killed": 4, "drones": 810},
    )
    update = det.observe(rose)
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in update] == [
        (record[0].id, None, 4)
    ]
    assert "killed rose to 4" in update[0].text
    det, _ = night()
    reread = ev(
        2,
        day=60.4,
        severity=5,
        story="night",
        title="Four killed in the record drone attack",
        magnitude={"killed": 4, "drones": 810},
    )
    outcome = det.assess(reread)
    assert outcome.alerts == [] and ("update", "new_count") in held(outcome)


def test_a_local_first_whose_report_ranks_it_below_an_earlier_event_is_routine() -> None:
    """Djibo, 25 dead, "the deadliest attack since Barsalogho in August, in which up to 600 people were
    killed": Burkina Faso sees such attacks, and its own report says a deadlier one came weeks before,
    so its 25 dead do not make a place first news. Without the concession it is severe enough alone, the
    deadlier attack being older than the look-back for the country's high (``routine_high_window``)."""
    since = "It was the deadliest attack since Barsalogho in August, in which up to 600 people were killed."

    def djibo(claims: list[Claim]) -> tuple[list[str], list[tuple[str, str]]]:
        det = NoveltyDetector({})
        det.observe(
            ev(0, story="b", where=("Barsalogho", "BF", "Centre-Nord"), magnitude={"killed": 600}, **BF)
        )
        det.observe(
            ev(1, day=65, story="revised", where=("Kaya", "BF", "Centre-Nord"), magnitude={"killed": 3}, **BF)
        )
        attack = ev(
            2,
            day=67,
            story="d",
            where=("Djibo", "BF", "Sahel"),
            magnitude={"killed": 25},
            claims=claims,
            **BF,
        )
        outcome = det.assess(attack)
        return rules(outcome.alerts), held(outcome)

    alerts, why = djibo([Claim(kind="record", text=since)])
    assert alerts == [] and ("new_type", "routine_in_country") in why
    alerts, why = djibo([])
    assert alerts == ["new_type"]


FIRE = dict(type="industrial_accident", severity=5)


def test_a_report_placed_nowhere_that_names_the_story_s_place_updates_it() -> None:
    """ "Tai Po fire: 55 dead ..." had no place read, so it made a story of its own that could raise
    nothing; it names the alerted fire's place, so its toll is that fire's, 36 -> 55."""
    det = NoveltyDetector({})
    first = det.observe(ev(0, story="fire", where=("Tai Po", "HK", None), magnitude={"killed": 36}, **FIRE))
    assert rules(first) == ["new_type"]
    nowhere = ev(
        1, day=0.6, story="n", where=None, title="Tai Po fire: 55 dead", magnitude={"killed": 55}, **FIRE
    )
    update = det.observe(nowhere)
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in update] == [
        (first[0].id, 36, 55)
    ]
    other = ev(
        2, day=0.7, story="o", where=None, title="Mong Kok fire: 80 dead", magnitude={"killed": 80}, **FIRE
    )
    assert det.observe(other) == []  # names no alerted place: nothing to update, no scope to alert in


def test_a_report_placed_nowhere_names_the_story_s_province_without_its_accent() -> None:
    """iran_port_blast: "Hormozgan governor says port explosion has killed 40" was placed nowhere; the
    alerted blast's province is the gazetteer's "Hormozgān", so the rise 14 -> 40 was missed."""
    det = NoveltyDetector({})
    where = ("Hormozgān", "IR", "Hormozgān")
    first = det.observe(ev(0, story="blast", where=where, magnitude={"killed": 14}, **FIRE))
    nowhere = ev(
        1,
        day=0.6,
        story="n",
        where=None,
        title="Hormozgan governor says port explosion has killed 40",
        magnitude={"killed": 40},
        **FIRE,
    )
    update = det.observe(nowhere)
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in update] == [
        (first[0].id, 14, 40)
    ]


def test_a_deadliest_since_claim_naming_a_bigger_toll_is_no_record() -> None:
    """ "Hong Kong's deadliest fire since a warehouse blaze killed 176 in 1948", on a fire with 128 dead:
    the claim names the deadlier fire it does not beat. The same claim without a toll stands."""

    def claimed(sentence: str) -> tuple[list[str], list[tuple[str, str]]]:
        det = NoveltyDetector({})
        det.observe(ev(0, story="fire", where=("Tai Po", "HK", None), magnitude={"killed": 36}, **FIRE))
        claim = [Claim(kind="record", text=sentence)]
        later = ev(
            1,
            day=2,
            story="fire",
            where=("Tai Po", "HK", None),
            magnitude={"killed": 128},
            claims=claim,
            **FIRE,
        )
        outcome = det.assess(later)
        return [a.rule for a in outcome.alerts if a.update_of is None], held(outcome)

    alerts, why = claimed("It is the deadliest fire since a warehouse blaze killed 176 in 1948.")
    assert alerts == [] and ("record", "claim_concedes_higher") in why
    alerts, why = claimed("It is the city's deadliest fire since 1948.")
    assert alerts == ["record"]


def test_a_retelling_of_another_type_raises_the_series_point_of_the_story_it_retells() -> None:
    """Barsalogho: the UN's 200 was typed an armed clash, the residents' 400 (in a retelling story typed
    an attack on civilians) updated it; five weeks on, the revised 600 beats that 400 and must find the
    armed-clash story it belongs to, or it pages a first in Burkina Faso and a record."""
    det = NoveltyDetector({})
    det.observe(ev(0, story="east", where=("Fada", "BF", "Est"), magnitude={"killed": 30}, **BF))
    clash = dict(type="armed_clash", severity=5)
    kaya = ev(1, day=10, story="kaya", where=("Kaya", "BF", None), magnitude={"killed": 200}, **clash)
    record = det.observe(kaya)  # a first in Kaya and the record: updates name the story's first alert
    assert "record" in rules(record)
    det.observe(
        ev(2, day=10.1, story="paris", where=("Barsalogho", "BF", None), magnitude={"killed": 200}, **BF)
    )
    residents = det.observe(
        ev(3, day=11, story="paris", where=("Kaya", "BF", None), magnitude={"killed": 400}, **BF)
    )
    assert [(a.update_of, a.evidence["value"]) for a in residents] == [(record[0].id, 400)]
    later = ev(4, day=45, story="french", sentences=[REVISED], magnitude={"killed": 600}, **BF)
    outcome = det.assess(at_country(later, "Burkina Faso", "BF"))
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in outcome.alerts] == [
        (record[0].id, 400, 600)
    ]


def test_a_claimed_first_retold_by_another_story_is_its_later_report() -> None:
    """first_cases: "Mexico confirms its first human case of H5N1" pages a claimed first; Washington's
    "the country's first human infection" a day on, and "the girl who was Mexico's first case died"
    four days on, split off by story grouping, are that case's later reports, not second firsts. Another
    country's claimed first of the type, or Mexico's a season later, still pages."""
    outbreak = dict(type="disease_outbreak", severity=3)

    def claimed(n: int, day: float, country: str, said: str) -> Any:
        return ev(
            n, day=day, where=(country, country, None), claims=[Claim(kind="first", text=said)], **outbreak
        )

    det = NoveltyDetector({})
    first = det.observe(claimed(0, 0, "MX", "Mexico confirms its first human case of H5N1 bird flu"))
    assert rules(first) == ["new_type"]
    retold = det.assess(claimed(1, 1, "MX", "Child critically ill in Mexico's first H5N1 infection"))
    assert retold.alerts == [] and ("any", "retelling") in held(retold)
    died = det.assess(claimed(2, 4, "MX", "The girl who was Mexico's first human case of H5N1 died."))
    assert died.alerts == [] and ("any", "retelling") in held(died)
    assert rules(det.observe(claimed(3, 5, "ET", "Ethiopia confirms its first ever Marburg outbreak"))) == [
        "new_type"
    ]
    assert rules(det.observe(claimed(4, 60, "MX", "Mexico reports its first human case of H7N9"))) == [
        "new_type"
    ]


def test_the_same_people_displaced_as_were_evacuated_is_a_retelling() -> None:
    """thai_cambodia_border: "More than 40,000 residents of the border districts have been moved to
    shelters" alerted as Thailand's first evacuation; Singapore's "fighting leaves a dozen dead and 40,000
    displaced" two hours on, placed in Cambodia, paged Cambodia's first evacuation. One count, worded
    two ways."""
    moved = dict(type="evacuation", severity=4)
    det = NoveltyDetector({})
    first = det.observe(
        ev(0, story="th", where=("Si Sa Ket", "TH", "Si Sa Ket"), magnitude={"evacuated": 40000}, **moved)
    )
    assert rules(first) == ["new_type"]
    retold = det.assess(
        ev(1, day=0.1, story="sg", where=("Cambodia", "KH", None), magnitude={"displaced": 40000}, **moved)
    )
    assert retold.alerts == [] and ("any", "retelling") in held(retold)


def test_the_first_case_dying_is_the_storys_update() -> None:
    """first_cases: "Girl with Mexico's first H5N1 case dies", split off by story grouping, was held as a
    better reading of a toll no report had given (killed none -> 1); the case the story is about died
    since: an update."""
    outbreak = dict(type="disease_outbreak", severity=3)
    said = "Mexico confirms its first human case of H5N1 bird flu, a girl of three"
    det = NoveltyDetector({})
    first = det.observe(
        ev(0, where=("Mexico", "MX", None), claims=[Claim(kind="first", text=said)], title=said, **outbreak)
    )
    assert rules(first) == ["new_type"]
    title = "Girl with Mexico's first H5N1 case dies"
    died = ev(
        1,
        day=4,
        where=("Mexico", "MX", None),
        title=title,
        claims=[Claim(kind="first", text=title)],
        magnitude={"killed": 1},
        **{**outbreak, "severity": 4},
    )
    assert [
        (a.update_of, a.evidence["escalation"]["magnitude"]["killed"]["value"]) for a in det.observe(died)
    ] == [(first[0].id, 1)]


def test_the_outbreaks_first_death_after_a_claimed_first_case_is_its_update() -> None:
    """lebanon_cholera: "Lebanon records its first cholera case since 1993, in Akkar" pages a claimed
    first; six days on "Lebanon records first cholera death of the outbreak", placed in the country only
    and claiming no first, was split off by story grouping (the first report gave no toll to join it by)
    and paged the country's first outbreak. It is the outbreak's later report, and its first death is
    the toll rising from none. A report of the type elsewhere in the country is not pulled in."""
    outbreak = dict(type="disease_outbreak")
    said = "Lebanon records its first cholera case since 1993, in Akkar"
    det = NoveltyDetector({})
    first = det.observe(
        ev(
            0,
            where=("Akkar", "LB", "Akkar"),
            claims=[Claim(kind="first", text=said)],
            title=said,
            severity=3,
            **outbreak,
        )
    )
    assert rules(first) == ["new_type"]
    title = "Lebanon records first cholera death of the outbreak; cases reach 26"
    died = det.assess(
        at_country(
            ev(1, day=6, title=title, magnitude={"killed": 1, "affected": 26}, severity=5, **outbreak),
            "Lebanon",
            "LB",
        )
    )
    assert ("any", "retelling") in held(died)
    assert [(a.update_of, a.evidence["escalation"]["magnitude"]["killed"]["value"]) for a in died.alerts] == [
        (first[0].id, 1)
    ]
    elsewhere = det.assess(
        ev(
            2,
            day=7,
            where=("Baalbek", "LB", "Baalbek-Hermel"),
            magnitude={"killed": 3},
            severity=5,
            **outbreak,
        )
    )
    assert ("any", "retelling") not in held(elsewhere)


def test_a_strike_after_a_claimed_first_strike_is_its_own_event() -> None:
    """A war's strikes are each their own event: after "drones hit an air base in Siberia in the first
    attack of its kind", the next week's barrage on Russia, claiming no first, is not that one's report."""
    det = NoveltyDetector({})
    said = "Drones hit an air base in Siberia in the first attack of its kind"
    first = det.observe(
        ev(0, where=("Irkutsk", "RU", "Irkutsk Oblast"), claims=[Claim(kind="first", text=said)], title=said)
    )
    assert rules(first) == ["new_type"]
    later = det.assess(at_country(ev(1, day=7, magnitude={"drones": 120}), "Russia", "RU"))
    assert ("any", "retelling") not in held(later)


def test_a_rising_toll_placed_by_a_namesake_town_abroad_is_the_storys_later_report() -> None:
    """fuego_volcano: "The number of dead rose to 69 ... halted the search in San Miguel Los Lotes", the
    village read as El Salvador's San Miguel, paged El Salvador's first evacuation the day after
    Guatemala's eruption alerted at 62. The report never names El Salvador, and a toll rises from an
    earlier report's: it is the eruption's later report, and its 12,000 evacuated update it, through the
    report's deadly event (its evacuation, whose headline tells of the dead, leaves the update to it). A
    report that names the country it is placed in stays that country's."""
    hazard = dict(type="natural_disaster", severity=5)
    det = NoveltyDetector({})
    first = det.observe(
        ev(0, story="gt", where=("Escuintla", "GT", "Escuintla"), magnitude={"killed": 25}, **hazard)
    )
    assert rules(first) == ["new_type"]
    det.observe(
        ev(
            1,
            day=0.6,
            story="gt",
            where=("Guatemala", "GT", None),
            magnitude={"killed": 62, "evacuated": 3263},
            **hazard,
        )
    )
    title = "Fuego toll reaches 69; new eruption forces seven villages to evacuate"
    said = (
        "The number of dead rose to 69 as a fresh burst of pyroclastic flows forced the evacuation of seven "
        "more villages and halted the search in San Miguel Los Lotes; more than 12,000 people have left "
        "their homes."
    )
    namesake = ("San Miguel", "SV", "San Miguel")
    moved = det.assess(
        ev(
            2,
            day=1.4,
            where=namesake,
            title=title,
            sentences=[title, said],
            magnitude={"evacuated": 12000},
            type="evacuation",
            severity=4,
        )
    )
    assert ("any", "retelling") in held(moved)
    assert [a.update_of for a in moved.alerts] == []
    toll = det.assess(
        ev(
            3,
            day=1.4,
            where=namesake,
            title=title,
            sentences=[title, said],
            magnitude={"killed": 69, "evacuated": 12000},
            **hazard,
        )
    )
    assert ("any", "retelling") in held(toll)
    assert [a.update_of for a in toll.alerts] == [first[0].id]
    own = "San Miguel, El Salvador: flood toll rises to 80"
    assert ("any", "retelling") not in held(
        det.assess(ev(4, day=1.5, where=namesake, title=own, magnitude={"killed": 80}, **hazard))
    )


HT = dict(type="disease_outbreak", severity=5)


def test_a_split_off_story_that_updated_the_outbreak_goes_on_updating_it() -> None:
    """haiti_cholera: "Cholera confirmed in Haiti for the first time in a century; 138 dead" pages, the
    next day's "Cholera toll climbs to 194", placed in the capital, is a story of its own that updates
    it; five days on that story's "Haiti's cholera deaths pass 300" paged a record beating 138 (the
    event's own first figure), and a department's later 629 an update of the first story under the
    national 1,034. The split-off story speaks for the outbreak however long after."""
    det = NoveltyDetector({})
    det.observe(ev(0, day=-60, story="nigeria", where=("Kano", "NG", "Kano"), magnitude={"killed": 15}, **HT))
    first = det.observe(
        ev(
            1,
            day=0,
            story="artibonite",
            where=("Artibonite", "HT", "Artibonite"),
            magnitude={"killed": 138},
            **HT,
        )
    )
    assert rules(first) == ["new_type"]
    capital = dict(story="capital", where=("Port-au-Prince", "HT", None), **HT)
    climbs = det.observe(ev(2, day=0.9, magnitude={"killed": 194}, **capital))
    assert [(a.update_of, a.evidence["value"]) for a in climbs] == [(first[0].id, 194)]
    passes = det.observe(ev(3, day=5.7, magnitude={"killed": 303}, **capital))
    assert [(a.update_of, a.evidence["previous"], a.evidence["value"]) for a in passes] == [
        (first[0].id, 194, 303)
    ]
    # The capital's first cases, told in that story, are the outbreak's later report: no first of their own.
    said = "Cholera has reached the capital, the health ministry said, confirming its first cases."
    capital_cases = det.assess(
        ev(9, day=18, magnitude={"killed": 303}, claims=[Claim(kind="first", text=said)], **capital)
    )
    assert capital_cases.alerts == [] and ("new_type", "follow_up") in held(capital_cases)
    national = det.observe(ev(4, day=26, magnitude={"killed": 1034}, **capital))
    assert [a.update_of for a in national] == [first[0].id]
    # A department's share of the national toll, in the first story, is no rise.
    share = det.observe(
        ev(
            5,
            day=28,
            story="artibonite",
            where=("Artibonite", "HT", "Artibonite"),
            magnitude={"killed": 629},
            **HT,
        )
    )
    assert share == []


def _rs_floods() -> tuple[NoveltyDetector, list[Any]]:
    """rs_floods: 2023's cyclone floods in the history, then the 2024 floods' record of 56 dead."""
    flood = dict(type="natural_disaster", severity=5)
    det = NoveltyDetector({})
    det.observe(
        ev(0, day=-240, story="cyclone", where=("Mucum", "BR", None), magnitude={"killed": 41}, **flood)
    )
    det.observe(
        ev(1, day=-1, story="rains", where=("Bento Goncalves", "BR", None), magnitude={"killed": 9}, **flood)
    )
    record = det.observe(
        ev(
            2,
            story="floods",
            where=("Porto Alegre", "BR", None),
            magnitude={"killed": 56, "evacuated": 24000},
            title="Guaiba breaks its 1941 record as floods kill 56, the state's deadliest disaster",
            **flood,
        )
    )
    assert rules(record) == ["record"]
    return det, record


def test_evacuees_counted_in_a_report_of_the_dead_are_the_floods_count() -> None:
    """ "Floods kill 143; towns on the Lagoa dos Patos told to evacuate": its evacuation event, read
    before the floods' own, paged a record of 538,000 evacuated; the floods' event updates instead."""
    det, record = _rs_floods()
    title = "Floods kill 143; towns on the Lagoa dos Patos told to evacuate"
    det.observe(
        ev(
            3,
            day=-20,
            story="old",
            type="evacuation",
            severity=4,
            where=("Canoas", "BR", None),
            magnitude={"evacuated": 20000},
        )
    )
    evacuees = det.assess(
        ev(
            4,
            day=8,
            story="lagoa",
            type="evacuation",
            severity=5,
            where=("Lagoa", "BR", None),
            magnitude={"evacuated": 538000},
            title=title,
        )
    )
    assert evacuees.alerts == [] and ("record", "part_of_deadly_event") in held(evacuees)
    floods = det.observe(
        ev(
            5,
            day=8,
            story="floods",
            type="natural_disaster",
            severity=5,
            where=("Lagoa", "BR", None),
            magnitude={"killed": 143},
            title=title,
        )
    )
    assert [(a.update_of, a.rule) for a in floods] == [(record[0].id, "record")]


def test_a_story_that_paged_raises_no_place_first_where_it_spreads() -> None:
    """The floods' story paged its record at Porto Alegre; a week on its 143 dead placed at the Lagoa
    dos Patos passed as a place first (143 killed above the local floor) and held back the update."""
    det, record = _rs_floods()
    outcome = det.assess(
        ev(
            3,
            day=8,
            story="floods",
            type="natural_disaster",
            severity=5,
            where=("Lagoa", "BR", None),
            magnitude={"killed": 143},
        )
    )
    assert [a.update_of for a in outcome.alerts] == [record[0].id]
    assert ("new_type", "story_alerted") in held(outcome)


def test_a_claimed_first_strike_on_a_country_is_not_a_retelling_of_the_attackers_first() -> None:
    """A country's first direct attack on another pages as a claimed first there; days later the victim's
    reply, "the first time the attacker has been reported striking the victim's territory", names the
    first attacker too. It is claimed for the country struck back, not retold from the first one's."""
    strike = dict(type="air_drone_strike", severity=3)
    det = NoveltyDetector({})
    salvo = ev(
        0,
        where=("Israel", "IL", None),
        claims=[Claim(kind="first", text="Iran's first direct attack on Israel")],
        actors=[Actor(name="Iran", role="attacker", country_code="IR")],
        **strike,
    )
    assert rules(det.observe(salvo)) == ["new_type"]
    reply = ev(
        1,
        day=5,
        where=("Iran", "IR", None),
        claims=[
            Claim(
                kind="first", text="It is the first time Israel has been reported striking Iranian territory."
            )
        ],
        actors=[Actor(name="Israel", role="attacker", country_code="IL")],
        **strike,
    )
    assert rules(det.observe(reply)) == ["new_type"]


MA = dict(type="natural_disaster", severity=5)


def test_a_toll_beating_a_small_retold_rise_updates_the_alerted_story() -> None:
    """A quake pages at 296 dead; a wire abroad says "nearly 300" in a story of its own, too small a rise
    to page; the ministry's 1,037 in a third story beats that 300. It is the quake's toll rising from
    the alerted 296, not a record over a count that only retold it; nor is the 2,946 days later, whose
    story had already carried one of the quake's updates, a record over the 1,037."""
    det = NoveltyDetector({})
    det.observe(ev(0, day=-60, story="old", where=("Izmir", "TR", None), magnitude={"killed": 3}, **MA))
    first = det.observe(
        ev(1, day=0, story="haouz", where=("Al Haouz", "MA", None), magnitude={"killed": 296}, **MA)
    )
    assert rules(first) == ["new_type"]
    nearly = det.assess(
        ev(2, day=0.1, story="abroad", where=("Marrakesh", "MA", None), magnitude={"killed": 300}, **MA)
    )
    assert nearly.alerts == [] and ("record", "follow_up") in held(nearly)
    passes = det.observe(
        ev(3, day=0.5, story="passes", where=("Rabat", "MA", None), magnitude={"killed": 1037}, **MA)
    )
    assert [(a.rule, a.update_of, a.evidence["previous"]) for a in passes] == [("new_type", first[0].id, 296)]
    exceeds = det.observe(
        ev(4, day=0.8, story="mourning", where=("Agadir", "MA", None), magnitude={"killed": 2012}, **MA)
    )
    assert [(a.update_of, a.evidence["value"]) for a in exceeds] == [(first[0].id, 2012)]
    later = det.observe(
        ev(5, day=4.5, story="mourning", where=("Agadir", "MA", None), magnitude={"killed": 2946}, **MA)
    )
    assert [(a.update_of, a.evidence["value"]) for a in later] == [(first[0].id, 2946)]
