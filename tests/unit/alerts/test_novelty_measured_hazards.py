"""A hazard measured by an agency, with no one counted and no harm told, is no first yet; the first report
of its dead is (morocco_quake: a seismology bulletin from abroad paged hours before the interior
ministry's toll, which then went out as nothing)."""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector
from herald.alerts.novelty_config import NoveltyConfig

QUAKE = dict(type="natural_disaster", severity=4)
BULLETIN = dict(
    title="M6.5 earthquake strikes the Zagros, Iran",
    sentences=[
        "RESTON, Virginia - A magnitude 6.5 earthquake struck the Zagros mountains at a depth of 12 km, "
        "the US Geological Survey said."
    ],
    attributions=["the US Geological Survey said"],
    magnitude={"magnitude": 6.5},
)


def test_an_agencys_bulletin_with_no_harm_is_no_first() -> None:
    det = NoveltyDetector({})
    outcome = det.assess(ev(1, story="bulletin", where=("Shiraz", "IR", "Fars"), **QUAKE, **BULLETIN))
    assert rules(outcome.alerts) == [] and ("new_type", "no_harm_yet") in held(outcome)


def test_the_first_report_of_its_dead_is_the_countrys_first() -> None:
    det = NoveltyDetector({})
    det.observe(ev(1, story="bulletin", where=("Shiraz", "IR", "Fars"), **QUAKE, **BULLETIN))
    dead = ev(
        2,
        day=0.1,
        story="toll",
        where=("Kazerun", "IR", "Fars"),
        title="Quake kills 40 in southern Iran, provincial governor says",
        magnitude={"killed": 40},
        type="natural_disaster",
        severity=5,
    )
    [first] = det.observe(dead)
    assert first.rule == "new_type" and "country:IR" in first.evidence["scopes"]


def test_a_later_measurement_of_the_same_quake_stays_held() -> None:
    det = NoveltyDetector({})
    det.observe(ev(1, story="bulletin", where=("Shiraz", "IR", "Fars"), **QUAKE, **BULLETIN))
    sizes = ev(
        2,
        day=0.2,
        story="bulletin",
        where=("Shiraz", "IR", "Fars"),
        title="Agencies put the Zagros quake at 6.4 or 6.6",
        magnitude={"magnitude": 6.6},
        **QUAKE,
    )
    assert rules(det.observe(sizes)) == []


def test_a_bulletin_that_tells_of_damage_is_a_first() -> None:
    det = NoveltyDetector({})
    damaged = ev(
        1,
        where=("Shiraz", "IR", "Fars"),
        **QUAKE,
        **{**BULLETIN, "sentences": [*BULLETIN["sentences"], "Houses were damaged in nearby villages."]},
    )
    assert rules(det.observe(damaged)) == ["new_type"]


def test_the_knob_lets_the_bulletin_page() -> None:
    det = NoveltyDetector({}, NoveltyConfig(first_before_harm=True))
    assert rules(det.observe(ev(1, where=("Shiraz", "IR", "Fars"), **QUAKE, **BULLETIN))) == ["new_type"]
