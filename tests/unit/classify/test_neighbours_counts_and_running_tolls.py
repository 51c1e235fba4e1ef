"""A neighbour's figures set beside a country's own outbreak, and an outbreak's toll since it began
(issue 16, cholera's return to Lebanon), through the real enrichment: the report's event counts its own
country's dead, and a running toll dated by when the outbreak began is the toll now."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article, read_events

from herald.classify.hazard_dead import without_hazards_dead
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_a_neighbours_toll_in_a_clause_of_its_own_is_not_the_outbreaks(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Jordan records first cholera death of the outbreak; cases reach 31",
        "A woman has died of cholera in Jordan, the first death since the disease arrived, and 31 cases "
        "have been recorded this month, the health ministry said; Iraq's own outbreak has killed 57 people.",
    )
    assert found["disease_outbreak"].magnitude.get("killed") == 1


def test_a_neighbours_cases_and_deaths_placed_in_it_are_not_the_outbreaks(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Cholera claims one life in Jordan as infections spread in camps",
        "One person has been killed by cholera in Jordan, the health ministry in Amman said, where 31 "
        "infections have been counted since early May; in Iraq more than 900 cases and 57 deaths are "
        "recorded.",
    )
    assert found["disease_outbreak"].magnitude == {"killed": 1}


def test_a_headline_naming_both_countries_keeps_both_counts(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Cholera spreads from Iraq to Jordan",
        "One person has died of cholera in Jordan, the health ministry said; in Iraq the outbreak has "
        "killed 57 people.",
    )
    assert found["disease_outbreak"].magnitude.get("killed") == 57


def toll_time(enrich: Enrich, title: str, body: str, value: int) -> str:
    [article] = enrich([as_article(f"nb-{title[:20]}", title, body)])
    [toll] = [q for q in article.quantities if q.value == value and q.unit == "killed" and q.sentence == 1]
    return toll.time_ref


def test_a_toll_since_the_outbreak_began_some_time_ago_is_the_toll_now(enrich: Enrich) -> None:
    body = "Cholera has killed 23 people in Jordan since the outbreak began a month ago, the ministry said."
    assert toll_time(enrich, "Jordan's cholera toll reaches 23", body, 23) == "this_event"


def test_a_toll_a_month_ago_is_still_an_earlier_figure(enrich: Enrich) -> None:
    body = "A month ago, cholera had killed 23 people in Jordan, the ministry said."
    assert toll_time(enrich, "Jordan's cholera cases climb", body, 23) == "earlier"


def test_the_dead_of_the_disaster_that_set_off_a_protest_are_not_the_protests(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Mine toll rises to 64; police use tear gas on protesters in the capital",
        "At least 64 miners have died in the mine fire, officials said on Friday, as police fired "
        "tear gas and water cannon at thousands protesting in the capital.",
    )
    assert found["industrial_accident"].magnitude.get("killed") == 64
    assert "killed" not in found["protest"].magnitude


def test_protesters_killed_at_a_rally_over_a_disaster_stay_the_protests_toll() -> None:
    # "Police shot dead three protesters ... as the toll of the mine fire rose to 64"
    kept = without_hazards_dead("protest", {"killed": 3}, {"industrial_accident": {"killed": 64}})
    assert kept == {"killed": 3}
