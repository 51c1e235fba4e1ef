"""nlp.pipe batches are cut by characters as well as texts, without changing any record."""

from __future__ import annotations

from datetime import UTC, datetime

from herald.core.records import Article, stable_id
from herald.enrich.extract import Enricher

NOW = datetime(2026, 12, 4, tzinfo=UTC)


def article(n: int, paragraphs: int) -> Article:
    body = " ".join(
        f"Rescue teams in Lviv said {n + k} people were evacuated after shelling on Tuesday night."
        for k in range(paragraphs)
    )
    return Article(
        id=stable_id("batch", str(n)), url=f"https://batch.invalid/{n}", source="Batch Wire",
        title=f"Shelling forces evacuation number {n}", summary=body, published=NOW, fetched_at=NOW,
    )  # fmt: skip


def test_full_articles_go_in_smaller_batches_than_summaries(enricher: Enricher) -> None:
    cutter = Enricher(enricher.nlp, enricher.gazetteer, batch_size=64, batch_chars=4000)
    short = [len(article(n, 1).text()) for n in range(40)]
    long = [len(article(n, 20).text()) for n in range(40)]
    short_chunks = cutter._chunks(list(range(40)), [("x" * n) for n in short])
    long_chunks = cutter._chunks(list(range(40)), [("x" * n) for n in long])
    assert [i for c in long_chunks for i in c] == list(range(40)), "every text once, in order"
    assert max(len(c) for c in short_chunks) > max(len(c) for c in long_chunks)
    assert all(sum(long[i] for i in c) <= 4000 or len(c) == 1 for c in long_chunks)
    assert len(cutter._chunks([0], ["x" * 10_000])) == 1, "a text longer than the limit goes alone"


def test_cut_batches_give_the_same_records(enricher: Enricher) -> None:
    articles = [article(n, 1 + n % 7) for n in range(12)]
    whole = Enricher(enricher.nlp, enricher.gazetteer, batch_size=64, batch_chars=1_000_000)
    cut = Enricher(enricher.nlp, enricher.gazetteer, batch_size=64, batch_chars=1000)
    assert len(cut._chunks(list(range(12)), [a.text() for a in articles])) > 3
    drop = {"enriched_at"}
    assert [r.model_dump(exclude=drop) for r in cut.enrich(articles)] == [
        r.model_dump(exclude=drop) for r in whole.enrich(articles)
    ]
