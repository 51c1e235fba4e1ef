"""Articles for the classifier's tests: built by hand, or taken from the labelled sets in tests/data/classify.

``build_article`` is an in-memory double of what the enrichment stage emits (the record contract), so
rules can be tested against exact entities, places and quantities without the NLP model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle, Entity, Event, Geo, Quantity, Sentence, stable_id

DATA = Path(__file__).resolve().parents[1] / "data" / "classify"
WHEN = datetime(2025, 5, 1, 6, 0, tzinfo=UTC)

EntitySpec = tuple[str, str] | tuple[str, str, dict[str, Any] | None]


def build_article(
    title: str,
    body: str,
    entities: Iterable[EntitySpec] = (),
    quantities: Iterable[tuple[float, str, str]] = (),
    article_id: str = "a1",
) -> EnrichedArticle:
    """An enriched article whose sentences are the title and the body split after . ! ?

    ``entities``: (text, label[, geo fields]); each occurrence of the text becomes an entity.
    ``quantities``: (value, unit, text span) placed in the sentence that contains the span.
    """
    text = f"{title}\n\n{body}"
    bounds = [(0, len(title))]
    start = len(title) + 2
    for m in re.finditer(r"[^.!?]+[.!?]+", body):
        a = start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        bounds.append((a, start + m.end()))

    def sentence_of(offset: int) -> int:
        return max(i for i, (a, _) in enumerate(bounds) if a <= offset)

    ents = []
    for spec in entities:
        name, label = spec[0], spec[1]
        geo = Geo(**spec[2]) if len(spec) > 2 and spec[2] else None  # type: ignore[misc]
        for m in re.finditer(re.escape(name), text):
            ents.append(
                Entity(
                    text=name,
                    label=label,
                    start=m.start(),
                    end=m.end(),
                    sentence=sentence_of(m.start()),
                    geo=geo,
                )
            )
    qs = []
    for value, unit, span in quantities:
        at = text.index(span)
        i = sentence_of(at)
        qs.append(
            Quantity(
                value=value, unit=unit, text=span, sentence=i, sentence_text=text[bounds[i][0] : bounds[i][1]]
            )
        )
    return EnrichedArticle(
        id=stable_id(article_id),
        url=f"https://wire.invalid/{article_id}",
        source="test wire",
        title=title,
        content=body,
        published=WHEN,
        fetched_at=WHEN,
        duplicate_of=None,
        sentences=[Sentence(start=a, end=b) for a, b in bounds],
        entities=sorted(ents, key=lambda e: e.start),
        quantities=qs,
        enriched_at=WHEN,
    )


def load_articles(*names: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for name in names:
        for item in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["articles"]:
            items.append({**item, "split": name.removesuffix(".yaml").removeprefix("articles_")})
    return items


def as_article(key: str, title: str, body: str) -> Article:
    return Article(
        id=stable_id("labelled", key),
        url=f"https://wire.invalid/{key}",
        source="labelled set",
        title=title,
        content=body,
        published=WHEN,
        fetched_at=WHEN,
    )


Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def read_events(enrich: Enrich, title: str, body: str) -> dict[str, Event]:
    """A report of our own through the real enrichment and the rules: its events by type."""
    [article] = enrich([as_article(f"{title}|{body}", title, body)])
    return {e.type: e for e in classify(article)}


def read_types(enrich: Enrich, title: str, body: str) -> set[str]:
    """The event types the rules raise on a report of our own, through the real enrichment."""
    return set(read_events(enrich, title, body))
