"""A quake centred in one country that kills hundreds in another is that other country's own disaster.

The case is the dev timeline turkey_syria_quake: "Quake kills 237 in Syria as buildings fall in Aleppo,
Hama and Latakia ... after the earthquake centred in southern Turkey shook Syria, the health ministry in
Damascus said", two hours after Turkey's first. Syria's toll is its own first, then its own updates; the
Bangkok tower's three dead under the Myanmar quake stay that quake's (test_novelty_deadly_firsts).
"""

from __future__ import annotations

from dataclasses import replace

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector

QUAKE = dict(type="natural_disaster", severity=5)
SYRIA = (
    "At least 237 people were killed and 639 injured across Aleppo, Hama, Latakia and Tartus provinces "
    "after the earthquake centred in southern Turkey shook Syria, the health ministry in Damascus said."
)


def _syria(n: int = 1, killed: float = 237, day: float = 0.1) -> object:
    return ev(
        n,
        day=day,
        story="syria",
        where=("Aleppo", "SY", "Aleppo"),
        title=f"Quake kills {killed:g} in Syria as buildings fall in Aleppo, Hama and Latakia",
        sentences=[SYRIA.replace("237", f"{killed:g}")],
        magnitude={"killed": killed},
        **QUAKE,
    )


def _turkey(det: NoveltyDetector) -> None:
    gaziantep = ("Gaziantep", "TR", "Gaziantep")
    det.observe(ev(0, story="turkey", where=gaziantep, magnitude={"killed": 76}, **QUAKE))


def test_a_countrys_own_toll_of_a_quake_centred_abroad_is_its_first() -> None:
    det = NoveltyDetector({})
    _turkey(det)
    alerts = det.observe(_syria())  # type: ignore[arg-type]
    assert rules(alerts) == ["new_type"] and alerts[0].update_of is None
    assert alerts[0].location is not None and alerts[0].location.country_code == "SY"


def test_its_rising_toll_updates_its_own_first() -> None:
    det = NoveltyDetector({})
    _turkey(det)
    first = det.observe(_syria())  # type: ignore[arg-type]
    updates = det.observe(_syria(2, killed=2662, day=2))  # type: ignore[arg-type]
    assert [a.update_of for a in updates] == [first[0].id]


def test_below_the_knob_it_is_the_quake_felt_abroad() -> None:
    det = NoveltyDetector({}, replace(NoveltyConfig(), felt_abroad_own_min_killed=1000))
    _turkey(det)
    outcome = det.assess(_syria())  # type: ignore[arg-type]
    assert not [a for a in outcome.alerts if a.update_of is None] and ("any", "retelling") in held(outcome)
