"""A flood's rising toll in a report placed nowhere, a toll revised down and the evacuees counted beside
the dead (issue 16, rs_floods): "Flood toll jumps to 78 as Lula returns; Guaiba peaks above 5.3 metres"
names only a river and "the state", so no country is read; the floods alerted in Brazil alone, at 56, so
the 78 is their update. "Civil defence lowers flood toll to 147", with more missing, escalates nothing;
and "Flood toll reaches 100 ...; 163,000 displaced" updates by its dead, not by its displaced."""

from __future__ import annotations

from tests.support.novelty_events import ev, held

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import stable_id

FLOOD = dict(type="natural_disaster", severity=5)
PORTO_ALEGRE = ("Porto Alegre", "BR", "Rio Grande do Sul")


def _floods() -> NoveltyDetector:
    det = NoveltyDetector({})
    det.observe(
        ev(0, day=-40, story="old", where=("Manaus", "BR", "Amazonas"), magnitude={"killed": 5}, **FLOOD)
    )
    first = det.observe(
        ev(
            1,
            story="floods",
            where=PORTO_ALEGRE,
            magnitude={"killed": 56, "missing": 67},
            title="Guaiba breaks its 1941 record as floods kill 56, the state's deadliest disaster",
            **FLOOD,
        )
    )
    assert first
    return det


RISEN = dict(
    title="Flood toll jumps to 78 as Lula returns; Guaiba peaks above 5.3 metres",
    sentences=["The floods have killed 78 people, with 105 missing, the state civil defence said on Sunday."],
)


def test_a_risen_toll_placed_nowhere_updates_the_one_country_s_alerted_story() -> None:
    det = _floods()
    outcome = det.assess(
        ev(2, day=1.04, story="nowhere", where=None, magnitude={"killed": 78}, **RISEN, **FLOOD)
    )
    [update] = outcome.alerts
    assert update.update_of is not None
    assert update.evidence["escalation"]["magnitude"]["killed"] == {"previous": 56, "value": 78}
    assert ("any", "retelling") in held(outcome)


def test_a_risen_toll_placed_nowhere_updates_nothing_when_two_countries_alerted() -> None:
    det = _floods()
    det.observe(ev(3, day=0.5, story="peru", where=("Lima", "PE", "Lima"), magnitude={"killed": 30}, **FLOOD))
    outcome = det.assess(
        ev(2, day=1.04, story="nowhere", where=None, magnitude={"killed": 78}, **RISEN, **FLOOD)
    )
    assert [a for a in outcome.alerts if a.update_of] == []


def test_a_toll_revised_down_escalates_nothing_whatever_its_missing() -> None:
    det = _floods()
    det.observe(
        ev(4, day=2, story="floods", where=PORTO_ALEGRE, magnitude={"killed": 149, "missing": 105}, **FLOOD)
    )
    outcome = det.assess(
        ev(
            5,
            day=3,
            story="floods",
            where=PORTO_ALEGRE,
            magnitude={"killed": 147, "missing": 127},
            title="Civil defence lowers flood toll to 147 after two deaths counted twice",
            **FLOOD,
        )
    )
    assert outcome.alerts == []
    assert ("update", "lower_revision") in held(outcome)


def test_evacuees_counted_beside_the_dead_leave_the_update_to_the_deadly_event() -> None:
    """Both events of the report are placed nowhere and name the alerted story's place; the evacuation,
    read first, would page its displaced and leave the dead's update as an "earlier report"."""
    det = _floods()
    det.observe(
        ev(
            6,
            day=1,
            story="floods",
            where=PORTO_ALEGRE,
            magnitude={"killed": 78, "displaced": 115000},
            **FLOOD,
        )
    )
    title = "Flood toll reaches 100 as rain returns to Porto Alegre"
    moved = ev(7, day=4, story="moved", where=None, magnitude={"displaced": 163000}, title=title)
    moved = moved.model_copy(update={"type": "evacuation", "severity": 5})
    assert [a for a in det.assess(moved).alerts if a.update_of] == []
    dead = ev(
        7,
        day=4,
        story="dead",
        where=None,
        magnitude={"killed": 100, "displaced": 163000},
        title=title,
        **FLOOD,
    )
    dead = dead.model_copy(update={"id": stable_id("e", "7-dead")})
    [update] = det.assess(dead).alerts
    assert update.evidence["escalation"]["magnitude"]["killed"] == {"previous": 78, "value": 100}


def test_a_second_risen_toll_placed_nowhere_updates_the_story_its_earlier_update_spoke_for() -> None:
    """An eruption's toll rises twice in reports that name no country: the first of them updated the
    story alerted in the country and was recorded with no country of its own. The second speaks for the
    same story, the country of that story's first alert, and updates it again."""
    det = NoveltyDetector({})
    volcano = dict(type="natural_disaster", severity=4)
    slopes = ("Lumajang", "ID", "East Java")
    assert det.observe(ev(1, story="eruption", where=slopes, magnitude={"killed": 1}, **volcano))
    first_rise = det.assess(
        ev(
            2,
            day=1,
            story="nowhere-1",
            where=None,
            magnitude={"killed": 13},
            title="Volcano death toll rises to 13, seven still missing",
            **volcano,
        )
    )
    assert [a for a in first_rise.alerts if a.update_of]
    second_rise = det.assess(
        ev(
            3,
            day=6,
            story="nowhere-2",
            where=None,
            magnitude={"killed": 46},
            title="Eruption deaths reach 46 as searchers comb the sand mines",
            **volcano,
        )
    )
    [update] = [a for a in second_rise.alerts if a.update_of]
    assert update.evidence["escalation"]["magnitude"]["killed"] == {"previous": 13, "value": 46}
