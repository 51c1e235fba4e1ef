"""``herald analyze``: the offline replay of the whole pipeline, with in-memory state.

It runs exactly the stage functions the stream workers run (dedup, enrichment, classification,
stories, novelty), in ``published`` order, and yields what each produced. Users backtest rules with
it; the project measures quality with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector, Outcome
from herald.classify import type_veto
from herald.classify.live_hazards import LiveHazards
from herald.classify.rules import classify
from herald.classify.type_veto import ON_BY_DEFAULT
from herald.core.records import Alert, Article, EnrichedArticle, Event
from herald.core.urls import canonical_url, url_article_id
from herald.dedup.offline import Deduplicator
from herald.dedup.stories import StoryTracker
from herald.enrich.extract import Enricher
from herald.poller.normalize import article_from_entry
from herald.poller.service import parse


@dataclass(frozen=True)
class BadLine:
    """A JSONL line that could not be read as an article: where, which field, why."""

    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: field {self.field!r}: {self.message}"


_HEX_ID = re.compile(r"^[0-9a-f]{32}$")


def article_from_json(data: Any, now: datetime) -> Article:
    """An article from what an analyst has: at least a URL, a title, a summary or content, a date.

    What is missing is derived the way the poller derives it: the id from the canonical URL (also
    when the given id is not 32 hex digits), the source from the URL's host, ``fetched_at`` = now.
    Raises ``ValueError`` naming the field at fault.
    """
    if not isinstance(data, dict):
        raise _Bad("(line)", "not a JSON object")
    record = dict(data)
    url = canonical_url(str(record.get("url") or ""))
    if url is None:
        raise _Bad("url", "missing, or not an http(s) URL")
    record["url"] = url
    if not isinstance(record.get("id"), str) or not _HEX_ID.match(record["id"]):
        record["id"] = url_article_id(url)
    if not record.get("source"):
        record["source"] = urlsplit(url).hostname or "unknown"
    if not record.get("published"):
        raise _Bad("published", "missing: when the article was published (ISO 8601 with a time zone)")
    record.setdefault("title", "")
    if not (record["title"] or record.get("summary") or record.get("content")):
        raise _Bad("title", "the article has no title, summary or content")
    record.setdefault("fetched_at", now.isoformat())
    try:
        return Article.model_validate(record)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise _Bad(".".join(str(part) for part in err["loc"]) or "(line)", err["msg"]) from exc


class _Bad(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def read_articles(path: Path, bad: list[BadLine] | None = None) -> list[Article]:
    """Articles from JSONL (one article per line, minimal ones too) or from an RSS/Atom file.

    A JSONL line that cannot be read is skipped and added to ``bad`` (line number and field), so one
    broken line does not stop a replay; without ``bad`` it raises ``ValueError``.
    """
    raw = path.read_bytes()
    now = datetime.now(UTC)
    if path.suffix in {".jsonl", ".ndjson", ".json"} or raw.lstrip()[:1] == b"{":
        out: list[Article] = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                try:
                    data = json.loads(line)
                except ValueError as exc:
                    raise _Bad("(line)", f"not JSON: {exc}") from exc
                out.append(article_from_json(data, now))
            except _Bad as exc:
                problem = BadLine(path, number, exc.field, exc.message)
                if bad is None:
                    raise ValueError(str(problem)) from exc
                bad.append(problem)
        return out
    parsed = parse(raw)
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


def read_events(path: Path, bad: list[BadLine] | None = None) -> list[Event]:
    """Event records from JSONL (one per line): scenario files and ``herald backfill --output``.

    A line that is not an event is skipped and added to ``bad``; without ``bad`` it raises.
    """
    out: list[Event] = []
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(Event.model_validate_json(line))
        except ValidationError as exc:
            err = exc.errors()[0]
            problem = BadLine(path, number, ".".join(str(p) for p in err["loc"]) or "(line)", err["msg"])
            if bad is None:
                raise ValueError(str(problem)) from exc
            bad.append(problem)
    return out


def replay_events(
    events: Iterable[Event], config: NoveltyConfig | None = None, explain: bool = False
) -> Iterator[dict[str, Any]]:
    """Feed events straight to the novelty rules, in ``published`` order (no NLP, no stories).

    This is how novelty is tested and tuned independently of the upstream stages: the events carry
    their own types, severities, magnitudes and story ids.
    """
    detector = NoveltyDetector({}, config or NoveltyConfig())
    for event in sorted(events, key=lambda e: e.published):
        yield {"kind": "event", **event.model_dump(mode="json")}
        yield from _outcome_lines(event, detector.assess(event, now=event.published), explain)


def _outcome_lines(event: Event, outcome: Outcome, explain: bool) -> Iterator[dict[str, Any]]:
    for alert in outcome.alerts:
        yield {"kind": "alert", **alert.model_dump(mode="json")}
    if explain and (outcome.alerts or outcome.held):
        yield explanation(event, outcome)


def explanation(event: Event, outcome: Outcome) -> dict[str, Any]:
    """Why an event raised its alerts and why its other candidates were held back (``--explain``)."""
    return {
        "kind": "explain",
        "event_id": event.id,
        "story_id": event.story_id,
        "type": event.type,
        "severity": event.severity,
        "title": event.title,
        "source": event.source,
        "published": event.published.isoformat(),
        "fired": [_why(alert) for alert in outcome.alerts],
        "held": outcome.held,
    }


def _why(alert: Alert) -> dict[str, Any]:
    ev = alert.evidence
    why: dict[str, Any] = {"alert_id": alert.id, "rule": alert.rule, "text": alert.text}
    if alert.update_of:
        why["update_of"] = alert.update_of
        why["escalation"] = ev.get("escalation")
        return why
    why["trigger"] = ev.get("trigger")
    if "scopes" in ev:
        why["scopes"] = ev["scopes"]
        why["last_seen"] = ev.get("last_seen")
    if ev.get("series") or ev.get("metric"):
        why["series"] = ev.get("series")
        why["value"] = ev.get("value")
        why["previous_high"] = {
            k: ev.get(f"previous{suffix}")
            for k, suffix in (("value", ""), ("at", "_at"), ("source", "_source"), ("url", "_url"))
        }
    if "claim" in ev:
        why["claim"] = ev["claim"]["sentence"]
    return why


def vetoed(article: EnrichedArticle, kept: list[Event]) -> Iterator[dict[str, Any]]:
    """The types the rules found in the article and the learned type veto dropped, each with the
    model's probability and the type's threshold (``--explain``): an analyst sees why a report raised
    no event of a type its words suggest."""
    dropped = {e.type for e in classify(article, veto=False)} - {e.type for e in kept}
    if not dropped:
        return
    model = type_veto.shipped()
    probs = model.probabilities(*type_veto.read_text(article), dropped)
    yield {
        "kind": "vetoed",
        "article_id": article.id,
        "title": article.title,
        "types": [
            {"type": code, "probability": round(probs[code], 4), "threshold": model.thresholds[code]}
            for code in sorted(dropped)
        ],
    }


@dataclass
class Replay:
    """The pipeline's pure stages wired in memory."""

    enricher: Enricher
    novelty: NoveltyConfig = field(default_factory=NoveltyConfig)
    explain: bool = False
    type_veto: bool = ON_BY_DEFAULT  # HERALD_CLASSIFY_TYPE_VETO (classify/type_veto.py)

    def __post_init__(self) -> None:
        self.dedup = Deduplicator({})
        self.stories = StoryTracker({})
        self.detector = NoveltyDetector({}, self.novelty)
        self.hazards = LiveHazards()  # as the classify worker keeps them

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
            events = classify(record, veto=self.type_veto, hazards=self.hazards.live(record.published))
            self.hazards.learn(events)
            if self.explain and self.type_veto:
                yield from vetoed(record, events)
            for event in events:
                event = self.stories.assign(event)
                for notice in self.dedup.member(article.id, event.type, event.story_id):
                    self.stories.add_copy(notice)
                yield {"kind": "event", **event.model_dump(mode="json")}
                outcome = self.detector.assess(event, now=event.published)
                yield from _outcome_lines(event, outcome, self.explain)


# The lines the store keeps, with the record each one is (explain lines are not records).
STORED_LINES: dict[str, type[Article | Event | Alert]] = {
    "article": EnrichedArticle,
    "event": Event,
    "alert": Alert,
}


def store_lines(
    lines: Iterable[dict[str, Any]], write: Callable[[list[Any]], Any], batch_size: int = 500
) -> Iterator[dict[str, Any]]:
    """Pass ``lines`` through unchanged, handing their records to ``write`` in batches on the way.

    ``write`` is the store's ``Writer.write``: the rows are the ones the store stage would write for
    the same records, so a replay can be queried like the live pipeline's database.
    """
    batch: list[Any] = []
    for line in lines:
        model = STORED_LINES.get(line.get("kind", ""))
        if model is not None:
            batch.append(model.model_validate({k: v for k, v in line.items() if k != "kind"}))
            if len(batch) >= batch_size:
                write(batch)
                batch = []
        yield line
    if batch:
        write(batch)


def dumps(line: dict[str, Any]) -> str:
    return json.dumps(line, ensure_ascii=False, sort_keys=False)
