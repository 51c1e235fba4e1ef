"""Scores Herald's reading of the real-reporting evaluation set (tests/data/reporting/).

Each item runs through the real enrichment (spaCy model, gazetteer) and the classifier, exactly as
the workers and ``herald analyze`` run them. The figures are the ones a desk cares about:

* micro precision and recall over (article, type) pairs;
* non-event false alarms: articles labelled with no event that raised one;
* country accuracy: found events whose location's country is the labelled one (events labelled
  with no country are not counted; when an article holds several events of one type, each found
  event is paired with one label of its type, the pairing that agrees most);
* number accuracy: found events whose magnitude holds exactly the labelled metrics, each value right
  (a number within half a percent, or inside a labelled ``[low, high]`` interval).

``python -m tests.support.reporting_eval [FILE ...]`` prints the report (default: every file of the
set); the quality gate in tests/unit/classify reads the same functions.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import permutations
from pathlib import Path
from typing import Any

import yaml

from herald.core.records import Article, EnrichedArticle, Event, stable_id

DATA = Path(__file__).resolve().parents[1] / "data" / "reporting"
WHEN = datetime(2025, 6, 1, 6, 0, tzinfo=UTC)

Item = dict[str, Any]
Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def load(*files: Path) -> list[Item]:
    """Items of the given files, each tagged with the file it came from."""
    items: list[Item] = []
    for path in files:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            items.append({**item, "file": path.name})
    return items


def as_article(item: Item) -> Article:
    published = item.get("published") or WHEN
    if isinstance(published, str):
        published = datetime.fromisoformat(published.replace("Z", "+00:00"))
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return Article(
        id=stable_id("reporting", item["id"]),
        url=f"https://reporting.invalid/{item['id']}",
        source="reporting set",
        title=item["title"],
        content=item["body"],
        published=published,
        fetched_at=published,
    )


def number_right(expected: Any, got: float | None) -> bool:
    if got is None:
        return False
    if isinstance(expected, list):
        low, high = expected
        return float(low) <= got <= float(high)
    return abs(got - float(expected)) <= max(0.005 * abs(float(expected)), 1e-9)


def numbers_right(expected: dict[str, Any], magnitude: dict[str, float]) -> bool:
    return set(expected) == set(magnitude) and all(
        number_right(value, magnitude.get(metric)) for metric, value in expected.items()
    )


@dataclass
class Outcome:
    """One item's labels beside what Herald made of it."""

    item: Item
    events: list[Event]

    @property
    def expected_types(self) -> set[str]:
        return {e["type"] for e in self.item["events"]}

    @property
    def found_types(self) -> set[str]:
        return {e.type for e in self.events}

    def found(self) -> Iterable[tuple[dict[str, Any], Event]]:
        """Each found event beside the label of its type it reads best, one to one: a report of two
        raids found as one event is scored once, on the raid it is, not twice against one event."""
        for code in sorted(self.expected_types & self.found_types):
            labels = [label for label in self.item["events"] if label["type"] == code]
            events = [e for e in self.events if e.type == code]
            yield from best_pairs(labels, events)


def agreement(label: dict[str, Any], event: Event) -> int:
    """How many of a label's checked fields an event gets right (its country, its numbers)."""
    got = event.location.country_code if event.location else None
    right = bool(label.get("country")) and got == label["country"]
    return right + ("numbers" in label and numbers_right(label["numbers"] or {}, event.magnitude))


def best_pairs(labels: list[dict[str, Any]], events: list[Event]) -> list[tuple[dict[str, Any], Event]]:
    """The one-to-one pairing of labels and events of one type that agrees most (the first in label
    order on a tie); as many pairs as the shorter list holds."""
    if len(labels) <= len(events):
        options = (list(zip(labels, chosen, strict=True)) for chosen in permutations(events, len(labels)))
    else:
        options = (list(zip(chosen, events, strict=True)) for chosen in permutations(labels, len(events)))
    return max(options, key=lambda pairs: sum(agreement(label, event) for label, event in pairs))


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    non_events: int = 0
    false_alarms: int = 0
    countries: int = 0
    countries_right: int = 0
    numbers: int = 0
    numbers_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        expected, found = outcome.expected_types, outcome.found_types
        for code in found & expected:
            self.tp[code] += 1
        for code in found - expected:
            self.fp[code] += 1
        for code in expected - found:
            self.fn[code] += 1
        ident = outcome.item["id"]
        if expected != found:
            self.misses.append(f"{ident}: types expected {sorted(expected)}, got {sorted(found)}")
        if not expected:
            self.non_events += 1
            self.false_alarms += bool(found)
        for label, event in outcome.found():
            if label.get("country"):
                self.countries += 1
                got = event.location.country_code if event.location else None
                if got == label["country"]:
                    self.countries_right += 1
                else:
                    want = label["country"]
                    self.misses.append(f"{ident}: {label['type']} placed in {got}, expected {want}")
            if "numbers" in label:
                self.numbers += 1
                if numbers_right(label["numbers"] or {}, event.magnitude):
                    self.numbers_right += 1
                else:
                    self.misses.append(
                        f"{ident}: {label['type']} numbers {event.magnitude}, expected {label['numbers']}"
                    )

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        tp = sum(self.tp.values())
        return self._ratio(tp, tp + sum(self.fp.values()))

    @property
    def recall(self) -> float:
        tp = sum(self.tp.values())
        return self._ratio(tp, tp + sum(self.fn.values()))

    @property
    def country_accuracy(self) -> float:
        return self._ratio(self.countries_right, self.countries)

    @property
    def number_accuracy(self) -> float:
        return self._ratio(self.numbers_right, self.numbers)

    def per_code(self) -> dict[str, tuple[float, float, int]]:
        codes = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        out = {}
        for code in codes:
            tp, fp, fn = self.tp[code], self.fp[code], self.fn[code]
            out[code] = (self._ratio(tp, tp + fp), self._ratio(tp, tp + fn), tp + fn)
        return out

    def report(self, title: str) -> list[str]:
        lines = [
            f"{title}",
            f"  precision {self.precision:.3f}  recall {self.recall:.3f}  (micro, article x type)",
            f"  non-events that raised an event: {self.false_alarms} of {self.non_events}",
            f"  events placed in the right country: {self.countries_right} of {self.countries}"
            f" ({self.country_accuracy:.1%})",
            f"  events with the right numbers: {self.numbers_right} of {self.numbers}"
            f" ({self.number_accuracy:.1%})",
            f"  {'code':26s} {'P':>5s} {'R':>5s} {'n':>4s}",
        ]
        lines += [f"  {code:26s} {p:5.2f} {r:5.2f} {n:4d}" for code, (p, r, n) in self.per_code().items()]
        return lines


def evaluate(items: Sequence[Item], enrich: Enrich, veto: bool | None = None) -> list[Outcome]:
    """Herald's reading of each item; ``veto`` turns the learned type veto on or off (None: the
    default, as HERALD_CLASSIFY_TYPE_VETO's)."""
    from herald.classify.rules import classify
    from herald.classify.type_veto import ON_BY_DEFAULT

    on = ON_BY_DEFAULT if veto is None else veto
    enriched = enrich([as_article(item) for item in items])
    return [Outcome(item, classify(a, veto=on)) for item, a in zip(items, enriched, strict=True)]


def score(outcomes: Iterable[Outcome]) -> Scores:
    scores = Scores()
    for outcome in outcomes:
        scores.add(outcome)
    return scores


def real_enrichment() -> Enrich:
    """The enrichment stage the workers run: the real spaCy model and gazetteer, loaded once."""
    from herald.enrich import nlp
    from herald.enrich.extract import Enricher

    enricher = Enricher(nlp.load())

    def run(articles: Sequence[Article]) -> list[EnrichedArticle]:
        return list(enricher.enrich(list(articles)))

    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        help="item files (default: the tuning files, dev*.yaml; a frozen test split only when named)",
    )
    parser.add_argument("--misses", action="store_true", help="list every item Herald read differently")
    parser.add_argument(
        "--veto",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the learned type veto on or off (default: as HERALD_CLASSIFY_TYPE_VETO's default)",
    )
    args = parser.parse_args(argv)
    files = args.files or sorted(DATA.glob("dev*.yaml"))
    enrich = real_enrichment()
    everything = Scores()
    for path in files:
        outcomes = evaluate(load(path), enrich, args.veto)
        scores = score(outcomes)
        print("\n".join(scores.report(f"{path.name} ({len(outcomes)} items)")))
        if args.misses:
            print("\n".join(f"    {line}" for line in scores.misses) or "    none")
        for outcome in outcomes:
            everything.add(outcome)
    if len(files) > 1:
        print("\n".join(everything.report("all files")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
