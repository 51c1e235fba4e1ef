"""Novelty per type family: one real-world event pages once, however classify typed its reports.

Each case is the shape of a wrong alert seen on the dev alert timelines (tests/data/alerts/timelines/).
"""

from __future__ import annotations

from dataclasses import replace

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector
from herald.core.families import families, family_of


def test_families_are_data_and_every_type_is_in_one_at_most() -> None:
    assert family_of("armed_clash") == family_of("attack_on_civilians")
    assert family_of("air_drone_strike") == family_of("missile_artillery_strike")
    assert family_of("cyberattack") == "cyberattack"  # not listed: a family of its own
    assert len(families()) == len(set(families()))


def test_a_barrage_typed_twice_in_one_report_raises_one_record() -> None:
    """The 610-drone record night: the report's drone strike is part of the alerted record; its 44
    missiles, typed a missile strike, beat that series too but are the same night, not a second record."""
    det = NoveltyDetector({})
    det.observe(ev(0, severity=3, magnitude={"drones": 400}))
    det.observe(ev(1, severity=3, type="missile_artillery_strike", magnitude={"missiles": 20}))
    assert rules(det.observe(ev(2, day=7, story="night", magnitude={"drones": 610}))) == ["record"]
    report = ev(3, day=7.1, story="night", magnitude={"drones": 610})
    missiles = ev(4, day=7.1, story="m", type="missile_artillery_strike", magnitude={"missiles": 44})
    missiles = missiles.model_copy(update={"article_id": report.article_id})
    det.observe(report)
    outcome = det.assess(missiles)
    assert outcome.alerts == []
    assert ("any", "same_event_other_type") in held(outcome)
    # Without the report's drone event the 44 missiles are a record of their own.
    alone = NoveltyDetector({})
    alone.observe(ev(1, severity=3, type="missile_artillery_strike", magnitude={"missiles": 20}))
    assert rules(alone.observe(missiles)) == ["record"]


def test_a_later_report_of_the_barrage_read_as_its_missiles_only_updates_the_record() -> None:
    """ua_barrages: the record night's reports were read as drones (alerted) and missiles (held as the
    same event); "Death toll from Russian attack on Kyiv rises to six", read as the missile strike alone,
    paged a record of 44 missiles. It is the alerted night's later report: its toll, 2 -> 6, updates it."""
    det = NoveltyDetector({})
    det.observe(ev(0, type="missile_artillery_strike", magnitude={"missiles": 20}))
    det.observe(ev(1, day=1, magnitude={"drones": 400}))
    drones = ev(2, day=7, story="night", magnitude={"drones": 610, "killed": 2})
    record = det.observe(drones)
    assert rules(record) == ["record"]
    missiles = ev(3, day=7, story="m", type="missile_artillery_strike", magnitude={"missiles": 44})
    assert det.observe(missiles.model_copy(update={"article_id": drones.article_id})) == []
    toll = ev(4, day=7.4, story="m", type="missile_artillery_strike", magnitude={"missiles": 44, "killed": 6})
    update = det.observe(toll)
    assert [(a.rule, a.update_of) for a in update] == [("record", record[0].id)]
    assert update[0].evidence["escalation"]["magnitude"]["killed"] == {"previous": 2, "value": 6}


def test_a_type_seen_in_the_family_is_no_first_in_the_country() -> None:
    """Burkina Faso saw an armed clash ten days before: a massacre typed an attack on civilians is not
    the first of its kind there."""
    det = NoveltyDetector({})
    det.observe(ev(0, type="armed_clash", where=("Djibo", "BF", "Sahel"), magnitude={"killed": 15}))
    massacre = ev(1, day=10, type="attack_on_civilians", where=("Burkina Faso", "BF", None))
    assert det.observe(massacre) == []
    elsewhere = ev(2, day=10, type="attack_on_civilians", where=("Gao", "ML", None))
    assert rules(det.observe(elsewhere)) == ["new_type"]


def test_a_later_report_split_off_updates_the_alerted_story() -> None:
    """Herat: 15 killed raised the first, 1,000 came as an update; a report of 2,053 that story grouping
    split off is the same quake's toll rising, not a record; the revision to 1,480 is no update."""
    det = NoveltyDetector({})
    quake = dict(type="natural_disaster", where=("Herat", "AF", "Herat"))
    first = det.observe(ev(0, story="q", magnitude={"killed": 15}, **quake))
    assert rules(first) == ["new_type"]
    assert det.observe(ev(1, day=0.2, story="q", magnitude={"killed": 1000}, **quake))[0].update_of
    later = det.assess(ev(2, day=0.8, story="split", magnitude={"killed": 2053}, **quake))
    assert [a.update_of for a in later.alerts] == [first[0].id]
    assert ("record", "follow_up") in held(later)
    assert det.observe(ev(3, day=1.5, story="q", magnitude={"killed": 1480}, **quake)) == []
    # Two days on, a higher toll in the country is a record of its own.
    assert rules(det.observe(ev(4, day=3, story="other", magnitude={"killed": 3000}, **quake))) == ["record"]


def test_a_retelling_abroad_of_an_updated_toll_is_no_first() -> None:
    """The Myanmar quake: 144 dead came as an update; a Paris report of the same 144, placed in
    Bangkok, is the same quake retold, not Thailand's first disaster."""
    det = NoveltyDetector({})
    quake = dict(type="natural_disaster", severity=5)
    det.observe(ev(0, story="q", where=("Mandalay", "MM", "Mandalay"), magnitude={"killed": 20}, **quake))
    assert det.observe(
        ev(1, day=0.2, story="q", where=("Mandalay", "MM", None), magnitude={"killed": 144}, **quake)
    )
    retold = det.assess(
        ev(2, day=0.3, story="p", where=("Bangkok", "TH", None), magnitude={"killed": 144}, **quake)
    )
    assert retold.alerts == []
    assert held(retold) == [("any", "retelling")]


def test_a_place_first_on_the_day_of_an_alerted_coup_is_the_coup() -> None:
    """Gabon: the coup alerted in the morning; "gunfire in Libreville", typed an armed clash, is the same
    event told from the capital. A clash in another country that day is still a first."""
    det = NoveltyDetector({})
    det.observe(ev(0, type="armed_clash", severity=3, where=("Lagos", "NG", None)))
    assert rules(det.observe(ev(1, day=40, type="coup", where=("Gabon", "GA", None)))) == ["new_type"]
    gunfire = det.assess(ev(2, day=40.1, type="armed_clash", where=("Libreville", "GA", "Estuaire")))
    assert gunfire.alerts == []
    assert ("new_type", "alerted_in_country") in held(gunfire)
    cameroon = ev(3, day=40.2, type="armed_clash", where=("Bamenda", "CM", "North-West"))
    assert rules(det.observe(cameroon)) == ["new_type"]


def test_an_evacuation_in_a_report_that_alerted_as_a_strike_is_that_strike() -> None:
    """thai_cambodia_border: "Twelve killed in Thailand as Cambodian rockets hit petrol station" paged as
    Thailand's first artillery strike; the same report's 40,000 evacuated from border districts, typed an
    evacuation (another family), was the world's first evacuation in a month: the strike's part, one page."""
    det = NoveltyDetector({})
    th = ("Si Sa Ket", "TH", "Si Sa Ket")
    strike = ev(0, type="missile_artillery_strike", where=th, magnitude={"killed": 12})
    assert rules(det.observe(strike)) == ["new_type"]
    fled = ev(1, type="evacuation", where=th, magnitude={"evacuated": 40000})
    outcome = det.assess(fled.model_copy(update={"article_id": strike.article_id}))
    assert outcome.alerts == []
    assert ("any", "same_event_other_type") in held(outcome)
    # The same evacuation reported alone, with no war in the country, is a first.
    assert rules(NoveltyDetector({}).observe(fled)) == ["new_type"]


def test_a_war_s_running_total_of_evacuees_is_no_record_of_its_own() -> None:
    """Two days on, "more than 138,000 have now left" in a report of five more soldiers killed beat the
    40,000 of the first day as a record evacuation: the count of people fleeing the border war that paged
    in Thailand, that war's part, as is the first evacuation in Cambodia told from Singapore."""
    det = NoveltyDetector({})
    th = ("Si Sa Ket", "TH", "Si Sa Ket")
    strike = ev(0, type="missile_artillery_strike", where=th, magnitude={"killed": 12})
    det.observe(strike)
    det.observe(
        ev(1, type="evacuation", where=th, magnitude={"evacuated": 40000}).model_copy(
            update={"article_id": strike.article_id}
        )
    )
    later = det.assess(
        ev(2, day=2, type="evacuation", where=("Thailand", "TH", None), magnitude={"evacuated": 138000})
    )
    assert later.alerts == []
    assert ("record", "part_of_alerted_event") in held(later)
    kh_strike = ev(
        3, day=2.1, type="missile_artillery_strike", where=("Pursat", "KH", "Pursat"), magnitude={"killed": 1}
    )
    det.observe(kh_strike)
    told = det.assess(
        ev(4, day=2.2, type="evacuation", where=("Cambodia", "KH", None), magnitude={"displaced": 40000})
    )
    assert ("new_type", "part_of_alerted_event") in held(told)
    # Twelve days on, the war's alert is too old to speak for a new evacuation's record.
    far = NoveltyDetector({})
    far.observe(strike)
    far.observe(ev(5, day=1, severity=3, type="evacuation", where=th, magnitude={"evacuated": 40000}))
    assert rules(
        far.observe(ev(6, day=12, type="evacuation", where=th, magnitude={"evacuated": 138000}))
    ) == ["record"]


def test_a_first_air_strike_days_after_deadly_ground_fighting_is_the_same_war() -> None:
    """af_pk_border: Pakistani strikes on Paktika killed ten three days after the deadly fighting at Spin
    Boldak, and paged as Afghanistan's first air strike in a month: seen per family, the strikes were new,
    but to a desk they are the same war's next turn. The knob (HERALD_NOVELTY_CONFLICT_SEEN_DAYS) sets how
    long a deadly event of one conflict family makes the country seen for the others."""
    fighting = ev(0, type="armed_clash", where=("Spin Boldak", "AF", "Kandahar"), magnitude={"killed": 12})
    strikes = ev(1, day=3, where=("Urgun", "AF", "Paktika"), magnitude={"killed": 10})
    det = NoveltyDetector({})
    det.observe(fighting)
    outcome = det.assess(strikes)
    assert outcome.alerts == []
    assert ("new_type", "conflict_in_country") in held(outcome)
    # A week and more after the fighting, or with the knob off, the strikes are Afghanistan's first.
    later = NoveltyDetector({})
    later.observe(fighting)
    assert rules(later.observe(ev(2, day=9, where=("Urgun", "AF", "Paktika"), magnitude={"killed": 10}))) == [
        "new_type"
    ]
    off = NoveltyDetector({}, replace(NoveltyConfig(), conflict_seen_window=None))
    off.observe(fighting)
    assert rules(off.observe(strikes)) == ["new_type"]
    # Fighting that killed no one leaves the strikes a first.
    calm = NoveltyDetector({})
    calm.observe(ev(3, type="armed_clash", where=("Spin Boldak", "AF", "Kandahar")))
    assert rules(calm.observe(strikes)) == ["new_type"]


def test_a_report_that_the_toll_of_a_resumed_war_rose_is_no_first_nine_days_on() -> None:
    """thai_cambodia_border: "Cambodian civilian death toll in border conflict rises to 17", typed shelling,
    nine days after four civilians died as the border fighting resumed (an armed clash, alerted), paged as
    the world's first artillery strike in a month. By its own words the toll rose: the conflict is under
    way, so the deadly fighting keeps the country seen for the span of a country's running toll."""
    where = ("Oddar Meanchey", "KH", "Oddar Meanchey")
    fighting = ev(0, type="armed_clash", where=where, magnitude={"killed": 4})
    rose = ev(
        1,
        day=9,
        type="missile_artillery_strike",
        where=where,
        title="Cambodian civilian death toll in border conflict rises to 17",
    )
    det = NoveltyDetector({})
    det.observe(fighting)
    outcome = det.assess(rose)
    assert outcome.alerts == []
    assert ("new_type", "conflict_in_country") in held(outcome)
    # A report that says nothing of a rising toll, nine days on, is a first as before.
    fresh = NoveltyDetector({})
    fresh.observe(fighting)
    shelled = ev(
        2, day=9, type="missile_artillery_strike", where=where, title="Thai artillery shells border villages"
    )
    assert rules(fresh.observe(shelled)) == ["new_type"]


def test_a_new_wave_the_morning_after_a_raised_toll_is_no_retelling_of_the_strikes() -> None:
    """Missile strikes page a country's first in the evening; the next noon a higher toll pages their
    update. A drone wave on two cities the morning after, 36 hours after the strikes paged, is an event of
    its own: the update does not stretch the window in which a place report is the strikes told again."""
    det = NoveltyDetector({})
    strikes = dict(type="missile_artillery_strike", story="strikes", where=("Muridke", "PK", "Punjab"))
    assert rules(det.observe(ev(0, day=0.85, magnitude={"killed": 8}, **strikes))) == ["new_type"]
    assert rules(det.observe(ev(1, day=1.55, magnitude={"killed": 31}, **strikes))) == ["new_type"]
    drones = ev(2, day=2.4, story="drones", where=("Lahore", "PK", "Punjab"), magnitude={"killed": 1})
    assert rules(det.observe(drones)) == ["new_type"]
