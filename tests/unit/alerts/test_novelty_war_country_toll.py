"""A war's country toll, read as another conflict type than the story that paged, updates that story
(tripoli_offensive: shelling of the capital paged; a day on, "the World Health Organization put the dead
of the fighting for the capital at 205", read as an air strike, is the offensive's toll, not a record)."""

from __future__ import annotations

from dataclasses import replace

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector
from herald.core.records import Event

SHELLED_QUARTER = ("Old Quarter", "LY", "Capital District")


def _shelling_paged(config: NoveltyConfig | None = None) -> NoveltyDetector:
    det = NoveltyDetector({}, config or NoveltyConfig())
    first = det.observe(
        ev(
            1,
            story="shelling",
            type="missile_artillery_strike",
            where=SHELLED_QUARTER,
            magnitude={"killed": 6},
            title="Rockets hit a crowded quarter of the capital, six killed",
        )
    )
    assert rules(first) == ["new_type"]
    return det


def _country_toll(event_type: str) -> Event:
    return ev(
        2,
        day=1,
        story="toll",
        type=event_type,
        severity=5,
        where=("Libya", "LY", None),
        magnitude={"killed": 205},
        title="Libya's death toll from the fighting for the capital rises to 205, health agency says",
    )


def test_a_war_toll_read_as_an_air_strike_updates_the_shelling_that_paged() -> None:
    det = _shelling_paged()
    outcome = det.assess(_country_toll("air_drone_strike"))
    assert [a.update_of is not None for a in outcome.alerts] == [True]
    assert "record" not in [a.rule for a in outcome.alerts if a.update_of is None]
    assert any(reason == "retelling" for _, reason in held(outcome))


def test_a_war_toll_read_as_ground_fighting_updates_the_shelling_too() -> None:
    det = _shelling_paged()
    outcome = det.assess(_country_toll("armed_clash"))
    assert [a.update_of is not None for a in outcome.alerts] == [True]


def test_with_the_knob_off_only_a_toll_of_the_same_type_is_that_story_s() -> None:
    det = _shelling_paged(replace(NoveltyConfig(), country_toll_across_conflict=False))
    outcome = det.assess(_country_toll("air_drone_strike"))
    assert not any(reason == "retelling" for _, reason in held(outcome))
