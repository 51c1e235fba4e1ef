"""A report that pages its event's record also tells the desk the toll rose (issue 16, round 25):
"274 dead at Soma, Turkey's worst mining disaster on record" ranks the fire (a record) and raises its toll
from the alerted 238 (an update); "More than 200 dead and 500 missing in Mokwa's worst flood in 60 years"
after the alerted 151 likewise. Both pages go out; a first on the same report still stands alone."""

from __future__ import annotations

from tests.support.novelty_events import ev

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Claim, Event

MINE = dict(type="industrial_accident", severity=5)
SOMA = ("Soma", "TR", "Manisa")
CLAIM = "274 dead at Soma, Turkey's worst mining disaster on record"


def _record_claim_at_274() -> Event:
    """The next day's report: 274 dead and the claim of the country's worst mining disaster."""
    claims = [Claim(kind="record", text=CLAIM)]
    return ev(
        2, day=1, story="soma", where=SOMA, magnitude={"killed": 274}, title=CLAIM, claims=claims, **MINE
    )


def test_a_record_claimed_with_a_risen_toll_also_updates_the_story() -> None:
    det = NoveltyDetector({})
    assert det.observe(
        ev(1, story="soma", where=SOMA, magnitude={"killed": 200}, title="Mine fire kills 200", **MINE)
    )
    outcome = det.assess(_record_claim_at_274())
    assert sorted((a.rule, a.update_of is not None) for a in outcome.alerts) == [
        ("new_type", True),
        ("record", False),
    ]
    [update] = [a for a in outcome.alerts if a.update_of]
    assert update.evidence["escalation"]["magnitude"]["killed"] == {"previous": 200, "value": 274}


def test_a_record_claimed_without_a_rise_pages_once() -> None:
    det = NoveltyDetector({})
    assert det.observe(
        ev(1, story="soma", where=SOMA, magnitude={"killed": 274}, title="Mine fire kills 274", **MINE)
    )
    outcome = det.assess(_record_claim_at_274())
    assert [a.rule for a in outcome.alerts] == ["record"]
