"""A border war told from both capitals: each side's dead are its own toll, counted by the country that
lost them, so two equal counts of different nationalities are two tolls, not one retold.

- A wire in a third capital reports about 40 soldiers of one country killed, and hours later the other
  country's defence ministry gives 40 of its own servicemen dead: the second is that country's own page,
  not a retelling of the first, and its later rise updates its own story.
- The same 40 retold from another capital, the dead named by the same nationality, stays a retelling.
"""

from __future__ import annotations

from tests.support.novelty_events import ev, held

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Actor

CLASH = dict(type="armed_clash", severity=5)
NORTH = ("Northland", "NL", None)


def _first_side(det: NoveltyDetector) -> None:
    alerts = det.observe(
        ev(
            0,
            story="north",
            where=("Norther", "NL", None),
            magnitude={"killed": 40},
            title="About 40 Norther soldiers killed in overnight border fighting, minister says",
            **CLASH,
        )
    )
    assert alerts


def test_the_other_sides_close_toll_is_its_own_page() -> None:
    det = NoveltyDetector({})
    _first_side(det)
    outcome = det.assess(
        ev(
            1,
            day=0.2,
            story="south",
            where=("Souther", "SL", None),
            magnitude={"killed": 40},
            title="Forty Souther servicemen killed repelling attack, ministry says",
            **CLASH,
        )
    )
    assert ("any", "retelling") not in held(outcome)
    assert outcome.alerts
    assert all(a.update_of is None for a in outcome.alerts)
    rise = det.assess(
        ev(
            2,
            day=1.0,
            story="south",
            where=("Souther", "SL", None),
            magnitude={"killed": 60},
            title="Souther military death toll rises to 60",
            actors=[Actor(name="Souther", role="actor", country_code="SL")],
            **CLASH,
        )
    )
    [update] = rise.alerts
    assert update.update_of == outcome.alerts[0].id


def test_the_same_sides_dead_told_from_abroad_stay_a_retelling() -> None:
    det = NoveltyDetector({})
    _first_side(det)
    outcome = det.assess(
        ev(
            1,
            day=0.1,
            story="north-abroad",
            where=NORTH,
            magnitude={"killed": 40},
            title="Some 40 Norther troops dead as border war flares, capital says",
            actors=[Actor(name="Norther", role="actor", country_code="NL")],
            **CLASH,
        )
    )
    assert ("any", "retelling") in held(outcome)
    assert not outcome.alerts
