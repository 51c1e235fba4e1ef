"""Novelty per type family: one real-world event pages once, however classify typed its reports.

Each case is the shape of a wrong alert seen on the dev alert timelines (tests/data/alerts/timelines/).
"""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector
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
