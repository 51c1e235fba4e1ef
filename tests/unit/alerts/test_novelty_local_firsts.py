"""A deadly event in a new region of a country that sees its type is news as a record, not as a first.

Cases from the dev timelines (tests/data/alerts/timelines/herat_quakes, kunar_quake,
himalaya_cloudbursts): a quake killing 15 in Herat three weeks after floods killed 30 in Badghis, a
landslide killing 34 twelve days after a cloudburst killed 60 in Kishtwar. The first report's toll
reaches ``local_min_killed`` but not the country's high, so the region first is held; the record rule
pages the event once its toll beats that high.
"""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector

DISASTER = dict(type="natural_disaster", severity=4)


def _after_floods() -> NoveltyDetector:
    det = NoveltyDetector({})
    det.observe(
        ev(0, story="badghis", where=("Badghis", "AF", "Badghis"), magnitude={"killed": 30}, **DISASTER)
    )
    return det


def test_a_deadly_region_first_below_the_country_high_is_held() -> None:
    det = _after_floods()
    quake = ev(1, day=19, story="herat", where=("Herat", "AF", "Herat"), magnitude={"killed": 15}, **DISASTER)
    outcome = det.assess(quake)
    assert rules(outcome.alerts) == []
    assert ("new_type", "routine_in_country") in held(outcome)


def test_the_same_event_pages_as_a_record_once_its_toll_beats_the_high() -> None:
    det = _after_floods()
    det.observe(
        ev(1, day=19, story="herat", where=("Herat", "AF", "Herat"), magnitude={"killed": 15}, **DISASTER)
    )
    later = ev(
        2, day=19.3, story="herat", where=("Herat", "AF", "Herat"), magnitude={"killed": 320}, **DISASTER
    )
    assert rules(det.observe(later)) == ["record"]


def test_a_deadly_region_first_above_the_country_high_still_goes_out_once() -> None:
    # 45 beats Badghis's 30: the report raises the record, which says it better than the first.
    det = _after_floods()
    quake = ev(1, day=19, story="herat", where=("Herat", "AF", "Herat"), magnitude={"killed": 45}, **DISASTER)
    assert rules(det.observe(quake)) == ["record"]


def test_a_city_first_where_the_country_saw_the_family_yields_to_the_records_page() -> None:
    """Kerman's twin bombings (dev timeline kerman_bombing): a police ambush in Saravan three weeks before,
    typed an armed clash, made Iran's conflict family seen but not the type; "Two blasts near Soleimani's
    tomb in Kerman kill at least 20" beats the ambush's 5. The record pages the event; Kerman's first
    attack on civilians beside it would page it twice."""
    det = NoveltyDetector({})
    det.observe(
        ev(
            0,
            type="armed_clash",
            severity=3,
            where=("Saravan", "IR", "Sistan and Baluchestan"),
            magnitude={"killed": 5},
            title="Gunmen kill five police officers in ambush in Sistan-Baluchestan",
        )
    )
    bombing = ev(
        1,
        day=22,
        type="attack_on_civilians",
        where=("Kerman", "IR", "Kerman"),
        magnitude={"killed": 20},
        title="Two blasts near Soleimani's tomb in Kerman kill at least 20",
    )
    outcome = det.assess(bombing)
    assert rules(outcome.alerts) == ["record"]
    assert ("new_type", "record_instead") in held(outcome)


STRIKE = dict(type="missile_artillery_strike", severity=5)


def _war_after_a_deadly_barrage() -> NoveltyDetector:
    """A barrage kills 14 in one city; five weeks later a strike elsewhere keeps the type routine."""
    det = NoveltyDetector({})
    det.observe(
        ev(0, story="barrage", where=("Lviv", "UA", "Lviv Oblast"), magnitude={"killed": 14}, **STRIKE)
    )
    det.observe(
        ev(1, day=40, story="odesa", where=("Odesa", "UA", "Odesa Oblast"), magnitude={"killed": 2}, **STRIKE)
    )
    return det


def test_ten_dead_in_a_new_city_six_weeks_after_fourteen_are_held() -> None:
    # The barrage has left the 30-day routine window, but not the look-back for the country's high.
    det = _war_after_a_deadly_barrage()
    kyiv = ev(2, day=44, story="kyiv", where=("Kyiv", "UA", "Kyiv City"), magnitude={"killed": 10}, **STRIKE)
    outcome = det.assess(kyiv)
    assert rules(outcome.alerts) == []
    assert ("new_type", "routine_in_country") in held(outcome)


def test_a_high_older_than_the_look_back_no_longer_holds_the_first() -> None:
    det = NoveltyDetector({})
    det.observe(
        ev(0, story="barrage", where=("Lviv", "UA", "Lviv Oblast"), magnitude={"killed": 14}, **STRIKE)
    )
    det.observe(
        ev(1, day=70, story="odesa", where=("Odesa", "UA", "Odesa Oblast"), magnitude={"killed": 2}, **STRIKE)
    )
    kyiv = ev(2, day=74, story="kyiv", where=("Kyiv", "UA", "Kyiv City"), magnitude={"killed": 10}, **STRIKE)
    assert rules(det.observe(kyiv)) == ["new_type"]
