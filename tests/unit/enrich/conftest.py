"""One spaCy pipeline and one gazetteer for every enrichment test module (loading takes seconds)."""

from __future__ import annotations

from typing import Any

import pytest

from herald.enrich import gazetteer, nlp
from herald.enrich.extract import Enricher


@pytest.fixture(scope="session")
def enricher() -> Enricher:
    return Enricher(nlp.load(), gazetteer.shared())


@pytest.fixture(scope="session")
def gaz(enricher: Enricher) -> Any:
    return enricher.gazetteer
