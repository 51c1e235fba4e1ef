"""``herald analyze``: the offline replay of the whole pipeline, with in-memory state.

It runs exactly the stage functions the stream workers run (dedup, enrichment, classification,
stories, novelty), in ``published`` order, and yields what each produced. Users backtest rules with
it; the project measures quality with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector
from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle
from herald.dedup.index import Deduplicator
from herald.dedup.stories import StoryTracker
from herald.enrich.extract import Enricher
from herald.poller.normalize import article_from_entry
from herald.poller.service import parse


def read_articles(path: Path) -> list[Article]:
    """Articles from JSONL (one article record per line) or from an RSS/Atom file."""
    raw = path.read_bytes()
    if path.suffix in {".jsonl", ".ndjson", ".json"} or raw.lstrip()[:1] == b"{":
        return [Article.model_validate_json(line) for line in raw.splitlines() if line.strip()]
    parsed = parse(raw)
    now = datetime.now(UTC)
    source = parsed.feed.get("title") or path.stem
    items = (
        article_from_entry(
            e,
            source=source,
            feed_url=f"https://{path.stem}.invalid/",
            language=parsed.feed.get("language"),
            now=now,
        )
        for e in parsed.entries
    )
    return [a for a in items if a is not None]


@dataclass
class Replay:
    """The pipeline's pure stages wired in memory."""

    enricher: Enricher
    novelty: NoveltyConfig = field(default_factory=NoveltyConfig)

    def __post_init__(self) -> None:
        self.dedup = Deduplicator({})
        self.stories = StoryTracker({})
        self.detector = NoveltyDetector({}, self.novelty)

    def run(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[dict[str, Any]]:
        ordered = sorted(articles, key=lambda a: a.published)
        for start in range(0, len(ordered), batch_size):
            yield from self._batch(ordered[start : start + batch_size])

    def _batch(self, batch: list[Article]) -> Iterator[dict[str, Any]]:
        verdicts = [self.dedup.check(a) for a in batch]
        for notice in self.dedup.drain_story_sources():  # copies count on their original's story
            self.stories.add_copy(notice)
        unique = [a for a, v in zip(batch, verdicts, strict=True) if not v.is_duplicate]
        enriched = {e.id: e for e in self.enricher.enrich(unique)}
        for article, verdict in zip(batch, verdicts, strict=True):
            if verdict.is_duplicate:
                copy = EnrichedArticle(
                    **article.model_dump(),
                    duplicate_of=verdict.duplicate_of,
                    enriched=False,
                    entities=[],
                    quantities=[],
                )
                yield {"kind": "article", **copy.model_dump(mode="json")}
                continue
            record = enriched[article.id]
            yield {"kind": "article", **record.model_dump(mode="json")}
            for event in classify(record):
                event = self.stories.assign(event)
                for notice in self.dedup.member(article.id, event.type, event.story_id):
                    self.stories.add_copy(notice)
                yield {"kind": "event", **event.model_dump(mode="json")}
                for alert in self.detector.observe(event, now=event.published):
                    yield {"kind": "alert", **alert.model_dump(mode="json")}


def dumps(line: dict[str, Any]) -> str:
    return json.dumps(line, ensure_ascii=False, sort_keys=False)
