"""One real-world event pages once, however an outlet placed it (bird_flu_firsts, vanuatu_quake,
la_wildfires): a claimed first retold from a third country and placed by a namesake town abroad, a
quake told by the agency abroad that measured it, and a vague "tens of thousands" that a new fire's
exact count would otherwise beat."""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Claim, Event


def _first(sentence: str) -> list[Claim]:
    return [Claim(kind="first", text=sentence)]


def _claimed_outbreak_first(n: int, title: str, where: tuple[str, str, str | None], day: float = 0) -> Event:
    """A report of a disease's first case in a country, claiming the first in its own title."""
    return ev(n, day=day, type="disease_outbreak", severity=3, where=where, title=title, claims=_first(title))


def test_a_claimed_first_retold_from_abroad_and_placed_by_a_namesake_town_raises_nothing() -> None:
    det = NoveltyDetector({})
    melbourne = "Australia records its first human case of H5N1 bird flu, in a child in Victoria"
    first = det.observe(_claimed_outbreak_first(0, melbourne, ("Australia", "AU", None)))
    assert rules(first) == ["new_type"]
    delhi = "Child who caught bird flu in India becomes Australia's first human case"
    outcome = det.assess(_claimed_outbreak_first(1, delhi, ("Victoria", "HK", None), day=0.15))
    assert outcome.alerts == []
    assert ("any", "retelling") in held(outcome)


def test_a_claimed_first_in_another_country_still_pages() -> None:
    det = NoveltyDetector({})
    australia = "Australia records its first human case of H5N1 bird flu"
    det.observe(_claimed_outbreak_first(0, australia, ("Australia", "AU", None)))
    mexico = "Mexico confirms its first human case of H5N2 bird flu"
    outcome = det.assess(_claimed_outbreak_first(1, mexico, ("Mexico", "MX", None), day=3))
    assert rules(outcome.alerts) == ["new_type"]


def test_a_quake_told_by_the_agency_abroad_that_measured_it_is_no_first_there() -> None:
    det = NoveltyDetector({})
    vila = det.observe(
        ev(
            0,
            type="natural_disaster",
            severity=5,
            where=("Port-Vila", "VU", None),
            magnitude={"magnitude": 7.3, "killed": 1},
            title="Magnitude 7.3 quake strikes Vanuatu, collapsing buildings in Port Vila; one reported dead",
        )
    )
    assert rules(vila) == ["new_type"]
    golden = det.assess(
        ev(
            1,
            day=0.15,
            type="natural_disaster",
            severity=5,
            where=("Golden", "US", "Colorado"),
            magnitude={"magnitude": 7.3, "killed": 1},
            title="USGS scientists in Golden track aftershocks from South Pacific quake",
        )
    )
    assert golden.alerts == []
    assert ("any", "retelling") in held(golden)


def test_a_quake_of_another_magnitude_the_same_day_is_its_own_event() -> None:
    det = NoveltyDetector({})
    det.observe(
        ev(
            0,
            type="natural_disaster",
            severity=5,
            where=("Port-Vila", "VU", None),
            magnitude={"magnitude": 7.3, "killed": 1},
            title="Magnitude 7.3 quake strikes Vanuatu",
        )
    )
    outcome = det.assess(
        ev(
            1,
            day=0.3,
            type="natural_disaster",
            severity=5,
            where=("Hualien", "TW", None),
            magnitude={"magnitude": 6.4, "killed": 2},
            title="Magnitude 6.4 quake kills two in Taiwan",
        )
    )
    assert rules(outcome.alerts) == ["new_type"]


LA = ("Los Angeles", "US", "California")


def _castaic_evacuates_31000() -> Event:
    """A new fire's exact count of evacuees, 13 days after the first fires'."""
    title = "New Hughes fire near Castaic forces 31,000 to evacuate"
    return ev(
        1,
        day=13,
        type="evacuation",
        where=("Castaic", "US", "California"),
        magnitude={"evacuated": 31000},
        title=title,
    )


def test_a_vague_amount_neither_sets_nor_beats_a_series() -> None:
    det = NoveltyDetector({})
    vague = "Five dead as Hollywood stars joined the tens of thousands who fled their homes."
    det.observe(ev(0, type="evacuation", where=LA, magnitude={"evacuated": 20000}, title=vague))
    outcome = det.assess(_castaic_evacuates_31000())
    assert "record" not in rules(outcome.alerts)


def test_an_exact_count_beats_an_exact_high() -> None:
    det = NoveltyDetector({})
    det.observe(
        ev(
            0,
            type="evacuation",
            where=LA,
            magnitude={"evacuated": 20000},
            title="20,000 ordered to leave as fires spread",
        )
    )
    outcome = det.assess(_castaic_evacuates_31000())
    assert "record" in rules(outcome.alerts)
