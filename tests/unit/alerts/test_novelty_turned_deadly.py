"""An outbreak declared with no one dead whose next report counts its dead turned deadly (issue 16,
marburg_rwanda): "Rwanda declares an outbreak of Marburg virus disease" (the first time the virus was
found there, a claimed first with cases only), then "Six die of Marburg in Rwanda". No earlier report told
of deaths without a number, so six is the outbreak's toll rising from none: an update. A war's strike is
not read so (its wire retelling gives the dead its first report left out), nor is a report whose headline
tells of no deaths."""

from __future__ import annotations

from tests.support.novelty_events import at_country, ev, held, rules

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Claim

OUTBREAK = dict(type="disease_outbreak")
FOUND = (
    "The health ministry confirmed Marburg virus disease in patients at several health facilities, the "
    "first time the virus has been found in Rwanda, and began tracing their contacts."
)


def _declared() -> NoveltyDetector:
    det = NoveltyDetector({})
    first = det.observe(
        at_country(
            ev(
                0,
                story="declared",
                severity=3,
                title="Rwanda declares an outbreak of Marburg virus disease",
                sentences=[FOUND],
                claims=[Claim(kind="first", text=FOUND)],
                **OUTBREAK,
            ),
            "Rwanda",
            "RW",
        )
    )
    assert rules(first) == ["new_type"]
    return det


def test_the_first_deaths_of_an_outbreak_declared_without_any_update_it() -> None:
    det = _declared()
    outcome = det.assess(
        at_country(
            ev(
                1,
                day=0.75,
                story="deaths",
                severity=4,
                magnitude={"killed": 6},
                title="Six die of Marburg in Rwanda, most of them health workers",
                sentences=[
                    "Six people have died of Marburg virus disease in Rwanda, most of them health workers."
                ],
                **OUTBREAK,
            ),
            "Rwanda",
            "RW",
        )
    )
    [update] = outcome.alerts
    assert update.update_of is not None
    assert update.evidence["escalation"]["magnitude"]["killed"]["value"] == 6
    assert ("update", "new_count") not in held(outcome)


def test_dead_the_headline_does_not_tell_of_are_no_update() -> None:
    det = _declared()
    outcome = det.assess(
        at_country(
            ev(
                1,
                day=0.75,
                story="deaths",
                severity=4,
                magnitude={"killed": 537},
                title="Rwanda traces contacts of Marburg patients",
                sentences=[
                    "Congo remains the worst hit by mpox, with more than 15,600 cases and 537 deaths."
                ],
                **OUTBREAK,
            ),
            "Rwanda",
            "RW",
        )
    )
    assert [a for a in outcome.alerts if a.update_of] == []


def test_a_strike_s_dead_given_by_its_retelling_are_no_update() -> None:
    """A record night alerted without its dead; the wire's "two dead" an hour later is the same night."""
    det = NoveltyDetector({})
    strike = dict(type="air_drone_strike", where=("Kyiv", "UA", "Kyiv City"))
    det.observe(ev(0, day=-3, story="earlier", magnitude={"drones": 100}, **strike))
    record = det.observe(
        ev(
            1,
            story="night",
            magnitude={"drones": 610},
            title="Russia fires record 610 drones at Ukraine",
            **strike,
        )
    )
    assert rules(record) == ["record"]
    outcome = det.assess(
        ev(
            2,
            day=0.05,
            story="night",
            magnitude={"drones": 610, "killed": 2},
            title="Russia hits Ukraine with record 610 drones, Kyiv says; two dead",
            **strike,
        )
    )
    assert outcome.alerts == []
    assert ("update", "new_count") in held(outcome)
