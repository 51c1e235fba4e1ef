"""A later report of a retold story that claims a record as its toll passes the story's pages the record.

The case is the dev timeline malawi_cholera: the outbreak's first went out on a Blantyre report (595 dead);
a London retelling of the 595 hours later started a story of its own, taken for that one's retelling; three
weeks on "Malawi cholera deaths pass 1,000, worst outbreak on record", grouped with the London story, went
out only as the update 595 -> 1,002. It pages the record too; a retelling's claim of a record with nothing
bigger ("the biggest outbreak in a decade", the same 595) stays quiet.
"""

from __future__ import annotations

from tests.support.novelty_events import ev

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Claim

OUTBREAK = dict(type="disease_outbreak", severity=5)
MALAWI = ("Malawi", "MW", None)
RECORD = "Malawi cholera deaths pass 1,000, worst outbreak on record"


def _start(det: NoveltyDetector) -> None:
    det.observe(ev(0, day=-400, where=("Lilongwe", "MW", "Central"), magnitude={"killed": 19}, **OUTBREAK))
    det.observe(
        ev(1, story="blantyre", where=("Blantyre", "MW", "Southern"), magnitude={"killed": 595}, **OUTBREAK)
    )


def _retelling(det: NoveltyDetector, claim: str) -> list[object]:
    retold = ev(
        2, day=0.2, story="london", where=("Lilongwe", "MW", "Central"), magnitude={"killed": 595},
        title=claim, claims=[Claim(kind="record", text=claim)], **OUTBREAK,
    )  # fmt: skip
    return list(det.observe(retold))


def test_a_retelling_claiming_a_record_with_nothing_bigger_stays_quiet() -> None:
    det = NoveltyDetector({})
    _start(det)
    assert _retelling(det, "the UN says this is the biggest outbreak on record") == []


def test_its_later_report_claiming_a_record_as_the_toll_passes_pages_the_record() -> None:
    det = NoveltyDetector({})
    _start(det)
    _retelling(det, "Malawi keeps city classrooms closed as cholera spreads")
    later = ev(
        3, day=22, story="london", where=MALAWI, magnitude={"killed": 1002},
        title=RECORD, claims=[Claim(kind="record", text=RECORD)], **OUTBREAK,
    )  # fmt: skip
    alerts = det.observe(later)
    assert sorted((a.rule, a.update_of is not None) for a in alerts) == [
        ("new_type", True),
        ("record", False),
    ]
    record = [a for a in alerts if a.rule == "record"]
    assert [a.location.country_code for a in record if a.location is not None] == ["MW"]
