"""An outbreak confirmed in a country that has not seen one pages before anyone has died.

The cases are the dev timeline malawi_cholera: "Malawi confirms cholera case at Machinga district
hospital", "Mozambique declares cholera outbreak in Niassa's Lago district", "South Africa confirms two
cholera cases imported from Malawi", each severity 2 and each its country's first in years. A suspected
case, travellers who tested negative, or a district's first case in a country already hit do not page.
"""

from __future__ import annotations

from dataclasses import replace

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector

OUTBREAK = dict(type="disease_outbreak", severity=2)


def _history(det: NoveltyDetector) -> None:
    det.observe(ev(0, where=("Lusaka", "ZM", "Lusaka"), title="Cholera deaths top 70 in Lusaka", **OUTBREAK))


MACHINGA = "Malawi confirms cholera case at Machinga district hospital"


def _machinga(n: int = 1, title: str = MACHINGA) -> object:
    return ev(n, day=60, story=f"mw{n}", where=("Machinga", "MW", "Southern"), title=title, **OUTBREAK)


def test_a_confirmed_outbreak_is_its_countrys_first() -> None:
    det = NoveltyDetector({})
    _history(det)
    alerts = det.observe(_machinga())  # type: ignore[arg-type]
    assert rules(alerts) == ["new_type"]


def test_an_outbreak_declared_is_one_too() -> None:
    det = NoveltyDetector({})
    _history(det)
    lago = ev(
        1, day=60, where=("Niassa", "MZ", "Niassa"),
        title="Mozambique declares cholera outbreak in Niassa's Lago district", **OUTBREAK,
    )  # fmt: skip
    assert rules(det.observe(lago)) == ["new_type"]


def test_a_suspected_case_or_negative_tests_do_not_page() -> None:
    for n, title in enumerate(
        (
            "Thailand isolates European traveller with suspected new mpox strain",
            "Germany isolates two travellers from Rwanda over Marburg fears; both test negative",
        ),
        start=1,
    ):
        det = NoveltyDetector({})
        _history(det)
        outcome = det.assess(_machinga(n, title))  # type: ignore[arg-type]
        assert rules(outcome.alerts) == [] and ("new_type", "low_severity") in held(outcome)


def test_a_district_first_in_a_country_already_hit_does_not_page() -> None:
    det = NoveltyDetector({})
    _history(det)
    det.observe(_machinga())  # type: ignore[arg-type]
    likoma = ev(
        2, day=70, story="likoma", where=("Likoma", "MW", "Northern"),
        title="Likoma island confirms its first cholera case as outbreak reaches every district", **OUTBREAK,
    )  # fmt: skip
    assert rules(det.observe(likoma)) == []


def test_the_knob_at_the_usual_floor_turns_it_off() -> None:
    det = NoveltyDetector({}, replace(NoveltyConfig(), outbreak_first_min_severity=4))
    _history(det)
    assert rules(det.observe(_machinga())) == []  # type: ignore[arg-type]
