"""A bombing's toll told days later as "killed in last Saturday's bombing" is that bombing's later
report: it updates the alerted record, it is no record of its own over the bombing's first count."""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector

CIV = dict(type="attack_on_civilians", severity=5)


def test_a_toll_days_later_told_of_last_weekdays_bombing_updates_the_record() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, story="market", where=("Harbour Town", "SO", None), magnitude={"killed": 39}, **CIV))
    record = det.observe(
        ev(1, day=30, story="junction", where=("Harbour Town", "SO", None), magnitude={"killed": 190}, **CIV)
    )
    assert rules(record) == ["record"]
    later = ev(
        2,
        day=35,
        story="minister",
        where=("Harbour Town", "SO", None),
        title="Toll from Harbour Town truck bombing rises to 360",
        sentences=["At least 360 people were killed in last Saturday's bombing, the minister said."],
        magnitude={"killed": 360},
        **CIV,
    )
    outcome = det.assess(later)
    assert [(a.update_of, a.evidence["value"]) for a in outcome.alerts] == [(record[0].id, 360)]
    assert ("record", "follow_up") in held(outcome)
