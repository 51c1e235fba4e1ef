"""The labelled set (tests/data/dedup/labelled.jsonl) run through the dedup protocol and story matcher.

Shared by the quality test and the benchmark. Articles go through in fetch order; a unique article's
gold event (what a classifier should read from it) goes to the story matcher, and the copy notices the
protocol emits are counted on the stories, exactly as the worker's stages do.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from herald.core.records import Actor, Article, Event, Location, stable_id
from herald.dedup.offline import Deduplicator, Verdict
from herald.dedup.routing import DedupConfig
from herald.dedup.stories import StoryTracker

DATA = Path(__file__).resolve().parents[1] / "data" / "dedup" / "labelled.jsonl"


def load(path: Path = DATA) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return sorted(rows, key=lambda r: r["article"]["fetched_at"])


def event_for(article: Article, gold: dict[str, Any]) -> Event:
    event_id = stable_id("event", article.id, gold["type"])
    return Event(
        id=event_id,
        article_id=article.id,
        story_id=stable_id("story", event_id),
        type=gold["type"],
        severity=3,
        magnitude={k: float(v) for k, v in gold.get("magnitude", {}).items()},
        location=Location(**gold["location"]) if gold.get("location") else None,
        actors=[Actor(**a) for a in gold.get("actors", [])],
        published=article.published,
        fetched_at=article.fetched_at,
        title=article.title,
        url=article.url,
        source=article.source,
    )


@dataclass
class Outcome:
    rows: list[dict[str, Any]]
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    story_of: dict[str, str] = field(default_factory=dict)
    tracker: StoryTracker | None = None

    # -- duplicate detection ---------------------------------------------------------------------

    def duplicate_scores(self) -> dict[str, float]:
        group = {r["article"]["id"]: r["group"] for r in self.rows}
        seen: set[str] = set()
        tp = fp = fn = 0
        for row in self.rows:
            aid, g = row["article"]["id"], row["group"]
            gold = g in seen
            seen.add(g)
            verdict = self.verdicts[aid]
            predicted = verdict.is_duplicate
            if predicted and gold and group.get(verdict.duplicate_of or "") == g:
                tp += 1
            elif predicted:
                fp += 1
            if gold and not (predicted and group.get(verdict.duplicate_of or "") == g):
                fn += 1
        return {
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }

    # -- stories ---------------------------------------------------------------------------------

    def story_scores(self) -> dict[str, float]:
        labelled = [r for r in self.rows if r["story"]]
        tp = fp = fn = 0
        for a, b in itertools.combinations(labelled, 2):
            ia, ib = a["article"]["id"], b["article"]["id"]
            same_gold = a["story"] == b["story"]
            sa, sb = self.story_of.get(ia, f"none:{ia}"), self.story_of.get(ib, f"none:{ib}")
            same_pred = sa == sb
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "pairs": len(labelled) * (len(labelled) - 1) / 2,
        }


def run(rows: list[dict[str, Any]], config: DedupConfig | None = None) -> Outcome:
    dedup = Deduplicator({}, config)
    tracker = StoryTracker({})
    outcome = Outcome(rows, tracker=tracker)
    for row in rows:
        article = Article.model_validate(row["article"])
        verdict = dedup.check(article)
        outcome.verdicts[article.id] = verdict
        if not verdict.is_duplicate and row["event"]:
            event = tracker.assign(event_for(article, row["event"]))
            outcome.story_of[article.id] = event.story_id
            notices = dedup.member(article.id, event.type, event.story_id)
        else:
            notices = dedup.drain_story_sources()
        # The copy notices the protocol emitted: a dropped copy counts on its original's story.
        for notice in notices:
            if tracker.add_copy(notice) != "unknown_story":
                outcome.story_of[notice.article_id] = notice.story_id
    return outcome
