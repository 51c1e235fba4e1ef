"""A count given for one place only is not the event's, and "the toll rose" speaks of the dead.

The case is the dev timeline valencia_dana: the report of 51 dead in the Valencia region adds that six
people are missing in Letur, in a neighbouring province; days later Spain's first overall count of the
missing, 93, under the headline "Spain's flood toll reaches 219", is no rise from six, and the death
toll's wording says nothing of the missing.
"""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector

FLOODS = dict(type="natural_disaster", severity=5, where=("Valencia", "ES", "Valencian Community"))


def _alerted() -> NoveltyDetector:
    det = NoveltyDetector({})
    assert rules(det.observe(ev(0, story="valencia", magnitude={"killed": 13}, **FLOODS))) == ["new_type"]
    fifty_one = ev(
        1,
        day=0.3,
        story="valencia",
        magnitude={"killed": 51, "missing": 6},
        sentences=[
            "The provisional toll from the flash floods in the Valencia region has risen to 51.",
            "Six people are missing in Letur, in neighbouring Albacete province.",
        ],
        **FLOODS,
    )
    assert [a.update_of is not None for a in det.observe(fifty_one)] == [True]
    return det


def test_the_missing_of_another_place_are_not_the_events_count() -> None:
    det = _alerted()
    later = ev(
        2,
        day=4,
        story="valencia",
        magnitude={"killed": 55, "missing": 93},
        sentences=["Authorities confirmed 55 deaths and said at least 93 people were still missing."],
        **FLOODS,
    )
    outcome = det.assess(later)
    assert outcome.alerts == []
    assert ("update", "new_count") in held(outcome)


def test_the_death_tolls_wording_does_not_make_the_missing_rise() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, story="valencia", magnitude={"killed": 200}, **FLOODS))
    later = ev(
        1,
        day=4,
        story="valencia",
        title="Spain's flood toll reaches 219, with at least 93 people missing",
        magnitude={"killed": 219, "missing": 93},
        **FLOODS,
    )
    # Four days on, 19 more dead is the toll still rising (HERALD_NOVELTY_ESCALATION_LATER_RISE_*); the
    # missing, counted for the first time, are no rise of their own.
    rises = [a.evidence["escalation"]["magnitude"] for a in det.observe(later)]
    assert [sorted(r) for r in rises] == [["killed"]]
