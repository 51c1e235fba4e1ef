"""A country's everyday short name ("Korea" for South Korea) is the country, not a place in it: an
outbreak's later report placed at "Korea" is no place first beside the country's first case."""

from __future__ import annotations

from tests.support.novelty_events import ev, rules

from herald.alerts.novelty import NoveltyDetector
from herald.alerts.novelty_scopes import scopes


def test_a_report_placed_at_the_countrys_short_name_is_placed_at_country_level() -> None:
    assert scopes(ev(1, where=("Korea", "KR", None))) == ["global", "country:KR"]


def test_a_later_outbreak_report_placed_at_the_short_name_is_no_new_first() -> None:
    det = NoveltyDetector({})
    first = ev(
        1, type="disease_outbreak", where=("South Korea", "KR", None), title="Virus reaches the country"
    )
    assert rules(det.observe(first)) == ["new_type"]
    later = ev(
        2,
        day=12,
        type="disease_outbreak",
        where=("Korea", "KR", None),
        magnitude={"killed": 25},
        title="Outbreak claims its first lives as cases rise",
    )
    assert "new_type" not in rules(det.observe(later))
