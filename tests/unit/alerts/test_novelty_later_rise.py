"""A toll rising by less than the update floor days after the last alerted report (issue 16, round 27):
the search still finding the dead is the event escalating, whoever gives the new count ("Official toll
rises to 222 as search enters seventh day", three days after a minister's 210); one more body found days
on (15 to 16) is no page, and another body's slightly higher figure within hours is still a count
settling."""

from __future__ import annotations

from dataclasses import replace

from tests.support.novelty_events import ev, held

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector

SLIDE = dict(type="natural_disaster", severity=5, story="slides", where=("Meppadi", "IN", "Kerala"))


def _alerted(config: NoveltyConfig | None = None) -> NoveltyDetector:
    det = NoveltyDetector({}, config)
    first = det.observe(
        ev(
            1,
            magnitude={"killed": 210},
            title="Hill district toll rises to 210; 218 still missing",
            attributions=["the state's tourism minister said on Friday"],
            **SLIDE,
        )
    )
    assert first
    return det


def _later(killed: float, *, day: float) -> object:
    return ev(
        2,
        day=day,
        magnitude={"killed": killed},
        title=f"Official toll rises to {killed:g} as the search enters its seventh day",
        attributions=["the state government put the official toll"],
        **SLIDE,
    )


def test_a_toll_still_rising_days_later_is_an_update_whoever_counts_it() -> None:
    outcome = _alerted().assess(_later(222, day=3))
    [update] = outcome.alerts
    rise = update.evidence["escalation"]["magnitude"]["killed"]
    assert (rise["previous"], rise["value"]) == (210, 222)


def test_the_same_small_rise_within_hours_is_the_count_settling() -> None:
    outcome = _alerted().assess(_later(222, day=0.5))
    assert outcome.alerts == []
    assert ("update", "below_floor") in held(outcome)


def test_one_more_body_found_days_later_is_no_page() -> None:
    outcome = _alerted().assess(_later(211, day=4))
    assert outcome.alerts == []


def test_the_later_rise_can_be_switched_off() -> None:
    config = replace(NoveltyConfig(), escalation_later_rise_after=None)
    assert _alerted(config).assess(_later(222, day=3)).alerts == []
