"""A place named only in a clause about an earlier event does not place the event.

The case is the dev timeline himalaya_cloudbursts: Pakistan's floods told from Islamabad, "a day after
a cloudburst across the border in India killed 60 in Kashmir", placed in Kashmir by classify. Their 157
dead are Pakistan's record, not India's.
"""

from __future__ import annotations

from tests.support.novelty_events import at_country, ev, rules

from herald.alerts.novelty import NoveltyDetector
from herald.alerts.novelty_scopes import where

DISASTER = dict(type="natural_disaster", severity=5)
PAKISTAN = (
    "ISLAMABAD - A cloudburst set off flash floods that swept away homes in Pakistan's mountainous "
    "north-west on Friday, killing at least 157 people, disaster officials said, a day after a cloudburst "
    "across the border in India killed 60 in Kashmir."
)


def _floods(n: int = 2) -> object:
    return ev(
        n,
        day=20,
        story="buner",
        where=("Kashmir", "IN", "Kashmir"),
        title="Flash floods kill at least 157 in north-west Pakistan",
        sentences=[PAKISTAN],
        magnitude={"killed": 157},
        **DISASTER,
    )


def test_the_floods_are_placed_where_their_own_toll_is() -> None:
    loc = where(_floods())  # type: ignore[arg-type]
    assert loc is not None and (loc.country_code, loc.kind) == ("PK", "country")


def test_their_toll_is_pakistans_record_not_indias() -> None:
    det = NoveltyDetector({})
    det.observe(at_country(ev(0, story="punjab", magnitude={"killed": 25}, **DISASTER), "Pakistan", "PK"))
    det.observe(
        ev(
            1,
            day=19,
            story="kishtwar",
            where=("Kishtwar", "IN", "Kashmir"),
            magnitude={"killed": 60},
            **DISASTER,
        )
    )
    alerts = det.observe(_floods())  # type: ignore[arg-type]
    assert rules(alerts) == ["record"]
    assert alerts[0].evidence["series"] == "killed x natural_disaster x PK"


def test_a_place_named_outside_the_clause_stays() -> None:
    bangkok = ev(
        3,
        where=("Bangkok", "TH", "Bangkok"),
        sentences=[
            "BANGKOK - A tower under construction collapsed in Bangkok on Friday as the earthquake "
            "centred in Myanmar shook the Thai capital, killing three workers."
        ],
        magnitude={"killed": 3},
        **DISASTER,
    )
    loc = where(bangkok)
    assert loc is not None and loc.country_code == "TH"
