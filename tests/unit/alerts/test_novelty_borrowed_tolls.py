"""A report read as another family's event that gives the alerted event's toll borrows it (issue 16,
soma_mine): "Erdogan heckled in Soma as toll stands at 274, the worst in Turkish mining history", read as
a protest with 274 dead hours after the mine fire's 274 alerted, was the world's first protest in a month.
The same death toll as a story of another family alerted in the country within the retelling window is
that event's; the report raises nothing of its own."""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector

SOMA = ("Soma", "TR", "Manisa")


def _mine() -> NoveltyDetector:
    det = NoveltyDetector({})
    alerted = det.observe(
        ev(0, story="mine", type="industrial_accident", severity=5, where=SOMA, magnitude={"killed": 274})
    )
    assert rules(alerted) == ["new_type"]
    return det


def test_a_protest_with_the_mine_s_toll_is_no_first_of_its_own() -> None:
    det = _mine()
    outcome = det.assess(
        ev(
            1,
            day=0.1,
            story="heckled",
            type="protest",
            severity=5,
            where=SOMA,
            magnitude={"killed": 274},
            title="Erdogan heckled in Soma as toll stands at 274, the worst in Turkish mining history",
        )
    )
    assert outcome.alerts == []
    assert ("any", "retelling") in held(outcome)


def test_a_protest_with_its_own_dead_in_another_country_still_pages() -> None:
    det = _mine()
    outcome = det.assess(
        ev(
            1,
            day=0.1,
            story="protest",
            type="protest",
            severity=5,
            where=("Nairobi", "KE", "Nairobi"),
            magnitude={"killed": 274},
            title="Police fire on protesters in Nairobi",
        )
    )
    assert rules(outcome.alerts) == ["new_type"]
