"""A report that opens "A week after <the event>, ..." retells the event's figures inside that clause:
they are of an earlier happening, not the report's own. A figure in the main clause after the comma
stays the event's. The shape of week-on summaries in the dev alert timelines, in sentences of our own."""

from __future__ import annotations

from datetime import UTC, datetime

from herald.core.records import Article, Quantity, stable_id
from herald.enrich.extract import Enricher


def quantities(enricher: Enricher, body: str) -> list[Quantity]:
    now = datetime(2026, 5, 20, tzinfo=UTC)
    article = Article(
        id=stable_id("week-after", body), url="https://case.invalid/", source="case",
        title="Both capitals play down further action", content=body, published=now, fetched_at=now,
    )  # fmt: skip
    return list(enricher.enrich([article])[0].quantities)


def test_figures_inside_a_week_after_clause_are_earlier(enricher: Enricher) -> None:
    found = quantities(
        enricher,
        "A week after the rebels fired more than 400 rockets at the capital, both sides signalled "
        "they were done.",
    )
    [rockets] = [q for q in found if q.value == 400]
    assert rockets.time_ref == "earlier"


def test_a_toll_after_the_clause_is_still_the_events(enricher: Enricher) -> None:
    found = quantities(enricher, "A week after the collapse, the toll rose to 301, officials said.")
    [toll] = [q for q in found if q.value == 301]
    assert toll.time_ref == "this_event"
