"""A report that ranks its own event below a record sets no record, whatever a thin series says.

The case is the dev timeline nato_drones: "Russia launched 579 drones and 40 missiles at Ukraine
overnight, fewer than the record 810 of 7 September". The timeline's series holds missile salvos of 13
and 31 only, so 40 missiles "beat" it; the report itself says the attack is below the record.
"""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector

MISSILES = dict(type="missile_artillery_strike", severity=4, where=("Dnipro", "UA", "Dnipropetrovsk Oblast"))
BELOW = (
    "Russia launched 579 drones and 40 missiles at Ukraine overnight, the air force said, fewer than the "
    "record 810 of 7 September."
)


def _detector() -> NoveltyDetector:
    det = NoveltyDetector({})
    det.observe(ev(0, story="kyiv", magnitude={"missiles": 31}, **MISSILES))
    return det


def test_a_count_in_a_report_ranking_its_event_below_the_record_is_no_record() -> None:
    det = _detector()
    night = ev(1, day=23, story="dnipro", magnitude={"missiles": 40}, sentences=[BELOW], **MISSILES)
    outcome = det.assess(night)
    assert "record" not in rules(outcome.alerts)
    assert ("record", "below_record") in held(outcome)


def test_the_same_count_without_that_wording_is_a_record() -> None:
    det = _detector()
    night = ev(1, day=23, story="dnipro", magnitude={"missiles": 40}, **MISSILES)
    assert rules(det.observe(night)) == ["record"]
