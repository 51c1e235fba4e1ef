"""Round 27's places pass: an attack on a ship off one country told by the country whose crew died,
through the real enrichment (dev timeline red_sea_shipping), in sentences of our own."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_the_foreign_affairs_department_counting_its_sailors_is_not_where_the_ship_was_hit(
    enrich: Enrich,
) -> None:
    found = read_events(
        enrich,
        "Two Filipino sailors among the dead as missile hits bulk carrier",
        "The Department of Foreign Affairs in Manila said on Thursday that two Filipino crew members were "
        "killed when a missile struck a bulk carrier off Yemen. Most of the ship's crew are Filipino.",
    )
    location = found["missile_artillery_strike"].location
    assert location is not None and location.country_code == "YE"


def test_the_dead_broken_down_by_nationality_leave_the_headline_to_say_where(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Shipping body urges protection of crews after three die off Aden",
        "The head of the shipping body said seafarers must not become collateral victims after a missile "
        "killed three crew of a bulk carrier on Wednesday. Two Filipinos and one Vietnamese died.",
    )
    location = next(iter(found.values())).location
    assert location is not None and location.country_code == "YE"
