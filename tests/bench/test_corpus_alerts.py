"""The benchmark's alerting articles alert, and its ordinary news does not, through today's stages.

The latency figure is measured on alerts, so the generated severe articles must raise them with the
stage code of this checkout. This replays a sample through ``herald analyze``'s in-memory pipeline
(real spaCy, the real dedup, classification, story and novelty functions); when the rules change
and this fails, the corpus needs new templates, not the rules.
"""

from __future__ import annotations

from collections import Counter

import pytest
from bench.pipeline.corpus import Corpus

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def replayed() -> tuple[list, list[dict]]:  # type: ignore[type-arg]
    from datetime import UTC, datetime

    from herald.analyze import Replay
    from herald.enrich import nlp
    from herald.enrich.extract import Enricher

    corpus = Corpus("alerts-check", seed=11, severe_fraction=0.4, minor_fraction=0.2)
    drafts = corpus.drafts(60, "short") + corpus.drafts(10, "long")
    now = datetime.now(UTC)
    lines = list(Replay(Enricher(nlp.load())).run(d.article(now) for d in drafts))
    return drafts, lines


def test_severe_articles_raise_alerts(replayed: tuple[list, list[dict]]) -> None:  # type: ignore[type-arg]
    drafts, lines = replayed
    alerted = Counter(line["article_id"] for line in lines if line["kind"] == "alert")
    severe = [d for d in drafts if d.kind == "severe"]
    with_alert = [d for d in severe if alerted[d.id]]
    assert len(severe) >= 15
    assert len(with_alert) >= 0.8 * len(severe), [d.title for d in severe if not alerted[d.id]]


def test_ordinary_news_raises_nothing_and_no_article_is_dropped(
    replayed: tuple[list, list[dict]],  # type: ignore[type-arg]
) -> None:
    drafts, lines = replayed
    kinds = {d.id: d.kind for d in drafts}
    events = [line for line in lines if line["kind"] == "event"]
    alerts = [line for line in lines if line["kind"] == "alert"]
    assert not [e["title"] for e in events if kinds[e["article_id"]] == "ordinary"]
    assert not [a["title"] for a in alerts if kinds[a["article_id"]] != "severe"]
    articles = [line for line in lines if line["kind"] == "article"]
    assert len(articles) == len(drafts)
    assert not [a["title"] for a in articles if a.get("duplicate_of")]
