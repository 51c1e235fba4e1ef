"""A second, distinct event of a family is never taken for a later report of an alerted one.

Each case is the shape of a wrong alert on the dev timelines of distinct events days apart
(tests/data/alerts/timelines/himalaya_cloudbursts, herat_quakes, plateau_massacres): a report joined to
an alerted story by country, place or family that tells of an event of its own, either in its wording
("a new 6.3 quake") or by naming the alerted toll as another event's ("a day after a cloudburst across
the border killed 60"). Its count is not the alerted event's toll rising.
"""

from __future__ import annotations

from tests.support.novelty_events import at_country, ev, held, rules

from herald.alerts.novelty import NoveltyDetector
from herald.alerts.novelty_wording import recalls_count, tells_of_another_event
from herald.core.records import Claim, Event

QUAKE = dict(type="natural_disaster", severity=5)
ATTACK = dict(type="attack_on_civilians", severity=5)


def _kishtwar() -> tuple[NoveltyDetector, list[object]]:
    det = NoveltyDetector({})
    det.observe(
        ev(0, story="himachal", where=("Mandi", "IN", "Himachal Pradesh"), magnitude={"killed": 8}, **QUAKE)
    )
    record = det.observe(
        ev(
            1,
            day=20,
            story="kishtwar",
            where=("Kishtwar", "IN", "Kashmir"),
            magnitude={"killed": 60},
            **QUAKE,
        )
    )
    assert rules(record) == ["record"]
    return det, record


PAKISTAN = [
    "ISLAMABAD - A cloudburst set off flash floods in Pakistan's north-west on Friday, killing at least 157 "
    "people, a day after a cloudburst across the border in India killed 60 in Kashmir."
]


def test_a_second_disaster_joined_to_the_story_is_no_update_of_it() -> None:
    """Pakistan's 157 dead, read in the alerted Kishtwar story (joined to it by place): the report
    names Kishtwar's 60 as the day before's, so 157 is not Kishtwar's toll rising 60 -> 157."""
    det, _ = _kishtwar()
    # Placed in Kishtwar: the place "Kashmir" the report names only in its clause about India's event
    # would place it in Pakistan (test_novelty_background_places), and Pakistan's own first would go out.
    joined = ev(
        2,
        day=21,
        story="kishtwar",
        where=("Kishtwar", "IN", "Kashmir"),
        sentences=PAKISTAN,
        magnitude={"killed": 157},
        **QUAKE,
    )
    outcome = det.assess(joined)
    assert [a for a in outcome.alerts if a.update_of] == []
    assert ("update", "new_event") in held(outcome)
    # The same story's own later report ("toll rises to 75") still updates it.
    rose = ev(
        3,
        day=21.2,
        story="kishtwar",
        where=("Kishtwar", "IN", "Kashmir"),
        magnitude={"killed": 75},
        sentences=["The Kishtwar cloudburst toll rose to 75, up from 60."],
        **QUAKE,
    )
    assert [(a.evidence["previous"], a.evidence["value"]) for a in det.observe(rose)] == [(60, 75)]


def test_an_event_abroad_that_recalls_the_alerted_one_is_not_its_retelling() -> None:
    """Placed in Pakistan only and naming India: told from abroad? Not when it names India's 60 as the
    day before's and gives its own 157: Pakistan's own floods, with Pakistan's record."""
    det, _ = _kishtwar()
    det.observe(at_country(ev(4, day=5, story="punjab", magnitude={"killed": 25}, **QUAKE), "Pakistan", "PK"))
    abroad = at_country(
        ev(5, day=21, story="pk", sentences=PAKISTAN, magnitude={"killed": 157}, **QUAKE), "Pakistan", "PK"
    )
    outcome = det.assess(abroad)
    assert ("any", "retelling") not in held(outcome)
    assert [(a.rule, a.update_of) for a in outcome.alerts] == [("record", None)]


def test_a_new_quake_at_the_alerted_place_is_not_its_report() -> None:
    """ "A new 6.3 earthquake struck Herat ..., four days after quakes in the same area killed more than
    2,000": placed nowhere, naming Herat; a new quake, not the first one's toll."""
    det = NoveltyDetector({})
    det.observe(ev(0, story="floods", where=("Badghis", "AF", "Badghis"), magnitude={"killed": 30}, **QUAKE))
    record = det.observe(
        ev(1, day=19, story="herat", where=("Herat", "AF", "Herat"), magnitude={"killed": 320}, **QUAKE)
    )
    assert rules(record) == ["record"]
    new = ["A new 6.3 earthquake struck Herat early on Wednesday, killing 400, officials said."]
    outcome = det.assess(
        ev(2, day=23, story="new", where=None, sentences=new, magnitude={"killed": 400}, **QUAKE)
    )
    assert ("any", "retelling") not in held(outcome)
    assert [a for a in outcome.alerts if a.update_of] == []
    # Without the new-event wording the placeless report is the alerted quake's later report.
    later = ["The Herat earthquake toll rose to 400."]
    update = det.observe(
        ev(3, day=23.5, story="later", where=None, sentences=later, magnitude={"killed": 400}, **QUAKE)
    )
    assert [(a.update_of, a.evidence["value"]) for a in update] == [(record[0].id, 400)]


def test_a_new_massacre_beating_the_alerted_one_is_its_own_record() -> None:
    """Zike's 63 dead twelve days after Bokkos's 52, told as past? "less than two weeks after 52 people
    were killed in the October attack on Bokkos" tells of Bokkos as past and names its place, but
    recalls its toll as another event's: the new attack's toll is a record of its own."""
    det = NoveltyDetector({})
    det.observe(ev(0, story="wase", where=("Wase", "NG", "Plateau"), magnitude={"killed": 40}, **ATTACK))
    bokkos = det.observe(
        ev(1, day=19, story="bokkos", where=("Bokkos", "NG", "Plateau"), magnitude={"killed": 52}, **ATTACK)
    )
    assert rules(bokkos) == ["record"]
    zike = [
        "The toll from Monday's attack on Zike rose to 63, less than two weeks after 52 people were "
        "killed in the October attack on Bokkos."
    ]
    outcome = det.assess(
        ev(
            2,
            day=31,
            story="zike",
            where=("Bokkos", "NG", "Plateau"),
            sentences=zike,
            magnitude={"killed": 63},
            **ATTACK,
        )
    )
    assert [(a.rule, a.update_of) for a in outcome.alerts] == [("record", None)]


def test_the_wording_cues() -> None:
    def said(*sentences: str, killed: float = 5) -> Event:
        return ev(0, sentences=list(sentences), magnitude={"killed": killed}, **QUAKE)

    assert tells_of_another_event(said("Third strong quake in a week hits Herat, four dead"), {})
    assert tells_of_another_event(said("New flash floods kill 7 in Kathua villages"), {})
    assert tells_of_another_event(said("Gunmen kill 47 in new attack on Bassa villages"), {})
    assert tells_of_another_event(said("The toll rose to 610."), {"killed": 250}) is None
    assert (
        tells_of_another_event(said("The toll rose to 610, up from 250.", killed=610), {"killed": 250})
        is None
    )
    assert recalls_count(said("It came weeks after the blaze that killed 2,053."), 2053)
    assert recalls_count(said("The toll rose to 2,205 from 1,400."), 1400) is None
    # The same count is a retelling, not another event.
    assert (
        tells_of_another_event(said("It came a day after 60 were killed.", killed=60), {"killed": 60}) is None
    )


def test_a_record_of_the_rain_is_no_record_toll() -> None:
    """Floods in Jowzjan "after the heaviest December rain on record, killing 12", two months after
    quakes that killed 2,053: the record claimed is the rain's, so no record alert; the floods are a
    first all the same (no natural disaster in two months)."""
    det = NoveltyDetector({})
    det.observe(ev(0, story="herat", where=("Herat", "AF", "Herat"), magnitude={"killed": 2053}, **QUAKE))
    said = (
        "Flash floods swept through villages in Jowzjan province on Thursday after the heaviest "
        "December rain on record, killing 12 people."
    )
    floods = ev(
        1,
        day=70,
        story="jowzjan",
        where=("Jowzjan", "AF", "Jowzjan"),
        sentences=[said],
        magnitude={"killed": 12},
        claims=[Claim(kind="record", text=said)],
        **QUAKE,
    )
    outcome = det.assess(floods)
    assert "record" not in [a.rule for a in outcome.alerts]
    assert ("record", "claim_of_a_measure") in held(outcome)
    assert "new_type" in [a.rule for a in outcome.alerts]
    # A claim about the event itself is still a record claim.
    own = "The floods were the deadliest on record in the province, killing 12 people."
    claimed = ev(
        2,
        story="own",
        where=("Jowzjan", "AF", "Jowzjan"),
        sentences=[own],
        magnitude={"killed": 12},
        claims=[Claim(kind="record", text=own)],
        **QUAKE,
    )
    assert "record" in [a.rule for a in NoveltyDetector({}).observe(claimed)]
