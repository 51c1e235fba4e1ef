"""Round 23's number constructions, through the real enrichment: each sentence is in the shape of a
dev report whose figures the rules read wrong before (tests/data/reporting, issue 15)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article

from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def events(enrich: Enrich, title: str, body: str) -> dict[str, Event]:
    [article] = enrich([as_article(f"r23-{title[:20]}", title, body)])
    return {e.type: e for e in classify(article)}


def test_the_hazard_carries_the_evacuation_told_in_a_sentence_of_its_own(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Fertiliser depot blast kills 5, injures 40",
        "An explosion ripped through a fertiliser depot outside the port on Sunday, killing five workers "
        "and injuring 40, the fire service said. About 800 nearby residents were evacuated as a precaution.",
    )
    assert found["evacuation"].magnitude == {"evacuated": 800}
    assert found["industrial_accident"].magnitude == {"killed": 5, "wounded": 40, "evacuated": 800}
