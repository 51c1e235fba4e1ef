"""Reading the labelled set and scoring enrichment against it (shared by the test and the bench)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from herald.core.records import Article, EnrichedArticle, stable_id

DATA = Path(__file__).resolve().parents[1] / "data" / "enrich"
LABELLED = DATA / "labelled.yaml"
HOLDOUT = DATA / "holdout.yaml"
LABELS = ("places", "persons", "orgs", "norp", "quantities")


def load(path: Path = LABELLED) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def article(item: dict[str, Any]) -> Article:
    when = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
    return Article(
        id=stable_id("labelled", item["id"]),
        url=f"https://labelled.invalid/{item['id']}",
        source="labelled",
        title=item["title"],
        summary=item.get("summary") or "",
        published=when,
        fetched_at=when,
    )


def _norm(text: str) -> str:
    text = " ".join(text.split())
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.casefold()


def predicted(record: EnrichedArticle) -> dict[str, Counter]:
    """What enrichment found, in the shape the labels use."""
    out: dict[str, Counter] = {label: Counter() for label in LABELS}
    for e in record.entities:
        if e.label in ("GPE", "LOC"):
            out["places"][(_norm(e.text), e.geo.country_code if e.geo else e.country_code)] += 0  # key only
        elif e.label == "PERSON":
            out["persons"][(_norm(e.text),)] += 0
        elif e.label == "ORG":
            out["orgs"][(_norm(e.text),)] += 0
        elif e.label == "NORP":
            out["norp"][(_norm(e.text), e.country_code)] += 0
    for label in ("places", "persons", "orgs", "norp"):
        out[label] = Counter(dict.fromkeys(out[label], 1))  # distinct surface forms
    for q in record.quantities:
        # The labels give a range's upper bound; a vague amount's ceiling ("dozens": under 120) is the
        # enrichment's own reading, not something the labels state.
        out["quantities"][(float(q.value), q.unit, q.qualifier, None if q.vague else q.value_max)] += 1
    return out


def expected(item: dict[str, Any]) -> dict[str, Counter]:
    out: dict[str, Counter] = {label: Counter() for label in LABELS}
    for text, cc in item.get("places") or []:
        out["places"][(_norm(text), cc)] = 1
    for (text,) in item.get("persons") or []:
        out["persons"][(_norm(text),)] = 1
    for (text,) in item.get("orgs") or []:
        out["orgs"][(_norm(text),)] = 1
    for text, cc in item.get("norp") or []:
        out["norp"][(_norm(text), cc)] = 1
    for q in item.get("quantities") or []:
        value, unit, qualifier, *rest = q
        out["quantities"][(float(value), unit, qualifier, float(rest[0]) if rest else None)] += 1
    return out


def _matches(label: str, pred: Counter, exp: Counter) -> int:
    if label != "places":
        return sum((pred & exp).values())
    # A place without a country in the labels (a sea, a mountain range) matches on its text alone.
    hits = 0
    for (text, cc), _ in exp.items():
        if cc is None and any(t == text for t, _ in pred):
            hits += 1
        elif (text, cc) in pred:
            hits += 1
    return hits


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(items: list[dict[str, Any]], records: list[EnrichedArticle]) -> dict[str, Score]:
    scores = {label: Score() for label in LABELS}
    for item, record in zip(items, records, strict=True):
        pred, exp = predicted(record), expected(item)
        for label in LABELS:
            hits = _matches(label, pred[label], exp[label])
            s = scores[label]
            s.tp += hits
            s.fp += sum(pred[label].values()) - hits
            s.fn += sum(exp[label].values()) - hits
            if label == "places":
                missing = [k for k in exp[label] if not _matches(label, pred[label], Counter({k: 1}))]
                extra = [
                    k
                    for k in pred[label]
                    if not any(_matches(label, Counter({k: 1}), Counter({e: 1})) for e in exp[label])
                ]
            else:
                missing = list((exp[label] - pred[label]).elements())
                extra = list((pred[label] - exp[label]).elements())
            s.misses += [f"{item['id']}: {m}" for m in missing]
            s.extras += [f"{item['id']}: {x}" for x in extra]
    return scores


def report(scores: dict[str, Score]) -> str:
    lines = [f"{'label':<11} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for label, s in scores.items():
        lines.append(f"{label:<11} {s.precision:>9.3f} {s.recall:>7.3f} {s.tp:>4} {s.fp:>4} {s.fn:>4}")
    return "\n".join(lines)
