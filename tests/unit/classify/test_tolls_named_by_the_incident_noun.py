"""Later reports that give a toll and name the incident only by its noun ("Friday's crash", "Saturday's
attack") or as "the number of people killed has risen from X to Y": the shape of follow-ups in the dev
alert timelines (tests/data/alerts/timelines/), each in sentences of our own."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_crash_toll_with_no_vehicle_named_is_an_accident(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Officials put Kestrel Junction toll at 96",
        "The death toll in Tuesday's crash has reached 96, with 410 injured, the rail operator said "
        "on Wednesday night.",
    )
    assert found["industrial_accident"].magnitude["killed"] == 96


def test_a_market_crash_is_still_no_accident(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Shares slide for a third day",
        "Investors counted the cost of Tuesday's crash as the index fell another 3% on Wednesday.",
    )
    assert "industrial_accident" not in found


def test_the_toll_from_a_days_attack_without_attackers_is_an_attack_on_civilians(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Theatre death toll climbs to 61",
        "Rescuers searching the burned theatre found more bodies, taking the death toll from Sunday's "
        "attack to 61, investigators said.",
    )
    assert found["attack_on_civilians"].magnitude["killed"] == 61


def test_people_killed_in_last_weeks_attack_is_an_attack_on_civilians(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Names of the dead published",
        "The ministry published a list of 64 people killed in last Sunday's attack on the theatre, up "
        "from the 61 it gave before.",
    )
    assert found["attack_on_civilians"].magnitude["killed"] == 64


def test_a_toll_risen_from_one_figure_to_another_gives_the_new_figure(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Storm's toll rises sharply",
        "The number of people killed in the southern highlands by Cyclone Odalys has risen from 140 to "
        "212, the president said on Monday.",
    )
    assert found["natural_disaster"].magnitude["killed"] == 212
