"""Deaths still being looked into are not yet an outbreak's toll; suspected deaths an outbreak counts are.
The shape of a first outbreak report in a dev alert timeline, in sentences of our own."""

from __future__ import annotations

from datetime import UTC, datetime

from herald.core.records import Article, EnrichedArticle, stable_id
from herald.enrich.extract import Enricher


def enrich(enricher: Enricher, body: str) -> EnrichedArticle:
    now = datetime(2026, 3, 2, tzinfo=UTC)
    article = Article(
        id=stable_id("unexplained", body), url="https://case.invalid/", source="case",
        title="Health ministry confirms Marburg case", content=body, published=now, fetched_at=now,
    )  # fmt: skip
    return enricher.enrich([article])[0]


def killed(record: EnrichedArticle) -> list[float]:
    return [q.value for q in record.quantities if q.unit == "killed"]


def test_suspicious_deaths_being_investigated_are_no_toll(enricher: Enricher) -> None:
    record = enrich(
        enricher,
        "A farmer who tested positive died on Sunday. Nine suspicious deaths in the district this "
        "month are being investigated.",
    )
    assert 9 not in killed(record)


def test_suspected_deaths_of_an_outbreak_are_its_toll(enricher: Enricher) -> None:
    record = enrich(enricher, "The outbreak has caused 42 suspected cholera deaths since January.")
    assert 42 in killed(record)
