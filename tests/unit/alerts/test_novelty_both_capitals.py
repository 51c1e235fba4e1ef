"""Strikes between two countries told from both capitals (issue 16, india_pakistan): each country's toll
is its own event, with one first and its updates.

- "Islamabad raised the toll from the overnight Indian strikes to 26 ...; the attacks on Bahawalpur and
  Muridke are the first Indian strikes on Pakistan's Punjab heartland since the 1971 war": a report that
  updates the alerted strikes (8 -> 26) claims their first; it is no second page.
- "Toll from Indian strikes rises to 31", placed at Bahawalpur without naming Pakistan, the day India's
  shelling of Poonch (12 dead) alerted too: Bahawalpur is in the country where the strikes alerted, so it
  is no namesake town of a story abroad, and India's 12 does not rise to 31.
"""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Claim

STRIKE = dict(type="missile_artillery_strike", severity=5)
BAHAWALPUR = ("Bahawalpur", "PK", "Punjab")
POONCH = ("Poonch", "IN", "Jammu and Kashmir")
CLAIM = (
    "Islamabad raised the toll from the overnight Indian strikes to 26 civilians dead and 46 wounded; the "
    "attacks on Bahawalpur and Muridke are the first Indian strikes on Pakistan's Punjab heartland since the "
    "1971 war."
)


def _strikes() -> NoveltyDetector:
    det = NoveltyDetector({})
    first = det.observe(
        ev(
            0,
            story="pk",
            where=BAHAWALPUR,
            magnitude={"killed": 8},
            title="Indian missiles strike six places in Pakistan, eight killed, army says",
            **STRIKE,
        )
    )
    assert rules(first) == ["new_type"]
    return det


def test_a_claimed_first_in_the_report_that_updates_the_strikes_is_theirs() -> None:
    det = _strikes()
    outcome = det.assess(
        ev(
            1,
            day=0.35,
            story="pk-retold",
            where=("Islamabad", "PK", "Islamabad"),
            magnitude={"killed": 26},
            title="Pakistan says 26 civilians killed in India's deepest strikes since 1971",
            sentences=[CLAIM],
            claims=[Claim(kind="first", text=CLAIM)],
            # Read as the strikes' other type of the family, as the timeline's report was.
            type="air_drone_strike",
            severity=5,
        )
    )
    [update] = outcome.alerts
    assert update.update_of is not None
    # The report is the strikes' later report (the country's toll of a war, whatever type it was read
    # as), or at least a follow-up of theirs: either way its claimed first pages nothing of its own.
    reasons = set(held(outcome))
    assert reasons & {("new_type", "follow_up"), ("any", "retelling")}


def test_a_town_in_the_country_where_the_strikes_alerted_is_no_namesake() -> None:
    det = _strikes()
    det.observe(
        ev(
            1,
            day=0.5,
            story="in",
            where=POONCH,
            magnitude={"killed": 12},
            title="Pakistani shelling kills 12 civilians in Poonch",
            **STRIKE,
        )
    )
    outcome = det.assess(
        ev(
            2,
            day=0.7,
            story="pk-toll",
            where=BAHAWALPUR,
            magnitude={"killed": 31},
            title="Toll from Indian strikes rises to 31 dead, 57 injured",
            **STRIKE,
        )
    )
    assert all(a.location is None or a.location.country_code != "IN" for a in outcome.alerts)
    assert not any("a country it never names" in h["detail"] for h in outcome.held)
