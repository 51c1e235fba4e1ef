"""Fixtures for the classifier's tests.

``make_article`` builds an ``EnrichedArticle`` by hand: an in-memory double of what the enrichment
stage emits (the record contract), so rules can be tested against exact entities, places and
quantities without the NLP model. ``enriched`` runs the real enrichment (spaCy model, the
Enricher) once per session for the labelled-set tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from tests.support.classify_articles import build_article

from herald.core.records import Article, EnrichedArticle


@pytest.fixture
def make_article() -> Callable[..., EnrichedArticle]:
    return build_article


@pytest.fixture(scope="session")
def enricher() -> Any:
    """The real enrichment stage: the Enricher over the real spaCy model, loaded once."""
    pytest.importorskip("spacy")
    from herald.enrich import nlp
    from herald.enrich.extract import Enricher

    return Enricher(nlp.load())


@pytest.fixture(scope="session")
def enrich(enricher: Any) -> Callable[[Sequence[Article]], list[EnrichedArticle]]:
    def run(articles: Sequence[Article]) -> list[EnrichedArticle]:
        return list(enricher.enrich(list(articles)))

    return run
