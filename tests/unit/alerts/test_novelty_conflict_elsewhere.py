"""A war's small deadly exchange in one region does not silence a massacre in another, and an event that
paged a region first goes on as updates, not a record by its count (moscow_concert_attack: shelling that
killed two in a border oblast, then gunmen firing on a concert audience near the capital)."""

from __future__ import annotations

from dataclasses import replace

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector
from herald.core.records import Event

BORDER = ("Border Town", "RU", "Border Oblast")
CAPITAL = ("Suburb", "RU", "Capital Oblast")


def _shelled(killed: float, config: NoveltyConfig | None = None) -> NoveltyDetector:
    det = NoveltyDetector({}, config or NoveltyConfig())
    det.observe(ev(0, type="missile_artillery_strike", where=BORDER, magnitude={"killed": killed}))
    return det


def _gunmen(
    n: int = 1,
    day: float = 6,
    where: tuple[str, str | None, str | None] = CAPITAL,
    magnitude: dict[str, float] | None = None,
) -> Event:
    return ev(
        n,
        day=day,
        story="hall",
        type="attack_on_civilians",
        where=where,
        magnitude=magnitude,
        title="Gunmen open fire on a concert audience",
    )


def test_shelling_that_killed_two_in_a_border_region_leaves_an_attack_near_the_capital_a_first() -> None:
    det = _shelled(2)
    assert rules(det.observe(_gunmen())) == ["new_type"]


def test_fighting_that_killed_many_keeps_the_whole_country_at_war() -> None:
    det = _shelled(12)
    outcome = det.assess(_gunmen())
    assert outcome.alerts == []
    assert ("new_type", "conflict_in_country") in held(outcome)


def test_a_small_deadly_exchange_in_the_same_region_is_still_the_same_conflict() -> None:
    det = _shelled(2)
    outcome = det.assess(_gunmen(where=BORDER))
    assert ("new_type", "conflict_in_country") in held(outcome)


def test_with_the_knob_off_any_deadly_exchange_keeps_the_country_seen() -> None:
    det = _shelled(2, replace(NoveltyConfig(), conflict_seen_elsewhere_min_killed=None))
    assert det.assess(_gunmen()).alerts == []


def _after_a_region_first(config: NoveltyConfig | None = None) -> NoveltyDetector:
    det = NoveltyDetector({}, config or NoveltyConfig())
    # Two plotters shot dead by police in another region: the country saw the family, not the type.
    det.observe(ev(0, type="armed_clash", where=BORDER, magnitude={"killed": 2}))
    first = det.observe(_gunmen(1, day=15))
    assert rules(first) == ["new_type"]
    assert first[0].evidence["scopes"][0].startswith("region:")
    return det


def test_the_toll_of_an_event_that_paged_a_region_first_raises_no_record() -> None:
    det = _after_a_region_first()
    outcome = det.assess(_gunmen(2, day=15.1, magnitude={"killed": 40}))
    assert "record" not in rules(outcome.alerts)
    assert ("record", "first_instead") in held(outcome)


def test_a_desk_that_wants_the_record_too_sets_the_knob() -> None:
    det = _after_a_region_first(replace(NoveltyConfig(), record_after_local_first=True))
    assert "record" in rules(det.observe(_gunmen(2, day=15.1, magnitude={"killed": 40})))
