"""Scores Herald's alerts on the project's alert scenario set (tests/data/alerts/timelines/).

Each timeline is a JSONL of articles written in the shape of real reporting (several outlets per event,
retellings, follow-ups with higher tolls, background mentions of earlier records, agencies abroad,
ordinary news between) and a ``.expected.yaml`` naming every alert a desk must get and the traps that
must stay quiet (format in that folder's README). The articles run through the same offline pipeline
as ``herald analyze`` (dedup, enrichment with the real spaCy model, classification, stories, novelty),
with fresh in-memory state per timeline; the alerts raised are matched to the labels by article URL and
kind.

Matching. An expected alert is matched by the first raised alert of its kind on its article or on one of
its ``also`` articles (other outlets' reports of the same event, where the alert is as good), about the
labelled country when one is given; it is matched once, so a second alert for the same event (a
retelling that started its own story) is wrong, and so is a first or record scoped to another country
(the reporting agency's, the attacker's, a namesake town abroad).
Every raised alert that matches nothing is wrong, with the reason the labels give (a ``must_not`` case
or a duplicate) or "unlabelled".

``python -m tests.support.alert_eval [FILE ...]`` prints per timeline and overall the alerts raised,
expected and matched, precision and recall, and lists every wrong and missed alert (default: every
timeline of the set; a FILE is a timeline's ``.expected.yaml`` or ``.articles.jsonl``, or its name).
``--set test_r8`` reads the eighth frozen test split (tests/data/alerts/test_timelines_r8/) instead, and
so on for each later one; ``--dir PATH`` any folder of timelines.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from herald.core.records import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "alerts" / "timelines"
# The frozen test splits: each written once from real reporting and scored once, never tuned against,
# so they measure what the rules do on events they were not shaped by.
SETS = {
    "dev": DATA,
    "test_r8": DATA.parent / "test_timelines_r8",
    "test_r9": DATA.parent / "test_timelines_r9",
    "test_r10": DATA.parent / "test_timelines_r10",
    "test_r11": DATA.parent / "test_timelines_r11",
}
KINDS = ("first", "record", "update")
ANY = "any"

# The one table from the rules' names to the kinds the labels speak of. An alert with ``update_of`` is
# an update whatever its rule; any other rule whose name contains "first" (a claimed-first rule) is a
# first. A rule that maps to no kind matches no label, so it counts as wrong until it is added here.
RULE_KINDS: dict[str, str] = {"new_type": "first", "record": "record"}


def country_of(alert: dict[str, Any]) -> str | None:
    """The country an alert is about: its record series' country, else its location's."""
    series = (alert.get("evidence") or {}).get("series")
    if isinstance(series, str) and " x " in series:
        return series.rsplit(" x ", 1)[-1]
    return ((alert.get("location") or {}).get("country_code")) or None


def kind_of(alert: dict[str, Any]) -> str:
    """The label kind of a raised alert line (``herald analyze``'s JSON)."""
    if alert.get("update_of"):
        return "update"
    rule = str(alert["rule"])
    if rule in RULE_KINDS:
        return RULE_KINDS[rule]
    return "first" if "first" in rule else rule


@dataclass(frozen=True)
class Expected:
    url: str
    kind: str
    why: str
    also: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2 the alert must be about; None: not checked

    @property
    def urls(self) -> tuple[str, ...]:
        return (self.url, *self.also)


@dataclass(frozen=True)
class MustNot:
    url: str
    kind: str  # one of KINDS, or "any"
    why: str


@dataclass
class Timeline:
    name: str
    articles: list[Article]
    expected: list[Expected]
    must_not: list[MustNot]
    learn_until: datetime | None
    labels: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Raised:
    url: str
    kind: str
    rule: str
    text: str
    title: str
    country: str | None = None


@dataclass
class Score:
    name: str
    raised: list[Raised] = field(default_factory=list)
    expected: list[Expected] = field(default_factory=list)
    matched: list[tuple[Expected, Raised]] = field(default_factory=list)
    wrong: list[tuple[Raised, str]] = field(default_factory=list)
    missed: list[Expected] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return len(self.matched) / len(self.raised) if self.raised else 1.0

    @property
    def recall(self) -> float:
        return len(self.matched) / len(self.expected) if self.expected else 1.0


def timeline_files(args: Sequence[str] = (), data: Path = DATA) -> list[Path]:
    """The ``.expected.yaml`` files named by ``args`` (paths, or names in ``data``), or every one there."""
    if not args:
        return sorted(data.glob("*.expected.yaml"))
    out = []
    for arg in args:
        path = Path(arg)
        name = path.name.removesuffix(".expected.yaml").removesuffix(".articles.jsonl")
        folder = path.parent if path.parent != Path(".") else data
        out.append(folder / f"{name}.expected.yaml")
    return out


def load(expected_path: Path) -> Timeline:
    """A timeline: its articles (JSONL next to the labels) and its labels."""
    name = expected_path.name.removesuffix(".expected.yaml")
    labels = yaml.safe_load(expected_path.read_text())
    articles_path = expected_path.with_name(f"{name}.articles.jsonl")
    articles = [
        Article.model_validate_json(line) for line in articles_path.read_text().splitlines() if line.strip()
    ]
    expected = [
        Expected(
            url=e["url"],
            kind=e["kind"],
            why=e["why"],
            also=tuple(e.get("also") or ()),
            country=e.get("country"),
        )
        for e in labels.get("expected") or []
    ]
    must_not = [MustNot(url=m["url"], kind=m["kind"], why=m["why"]) for m in labels.get("must_not") or []]
    learn_until = labels.get("learn_until")
    if isinstance(learn_until, str):
        learn_until = datetime.fromisoformat(learn_until.replace("Z", "+00:00"))
    return Timeline(name, articles, expected, must_not, learn_until, labels)


def run(timeline: Timeline, enricher: Any) -> list[dict[str, Any]]:
    """Every line ``herald analyze`` would print for the timeline, from fresh in-memory state.

    The timeline's ``learn_until`` is the one setting it brings: the days before it are history, as a
    deployment that has been running (or was backfilled) has, so a nightly strike is not a "first".
    """
    from herald.alerts.novelty import NoveltyConfig
    from herald.analyze import Replay

    config = replace(NoveltyConfig(), learn_until=timeline.learn_until)
    return list(Replay(enricher, novelty=config).run(timeline.articles))


def score(timeline: Timeline, lines: Iterable[dict[str, Any]]) -> Score:
    """Match the raised alerts (in the order they were raised) to the timeline's labels."""
    url_of = {a.id: a.url for a in timeline.articles}
    result = Score(timeline.name, expected=list(timeline.expected))
    open_ = list(timeline.expected)
    done: list[Expected] = []
    country_of_alert: dict[str, str | None] = {}
    for line in lines:
        if line.get("kind") != "alert":
            continue
        # An update is about its story: the country of the alert it updates, when it has one.
        country = country_of_alert.get(line.get("update_of") or "") or country_of(line)
        country_of_alert[line["id"]] = country
        raised = Raised(
            url=url_of.get(line["article_id"], line["urls"][0]),
            kind=kind_of(line),
            rule=line["rule"],
            text=line.get("text", ""),
            title=line.get("title", ""),
            country=country,
        )
        result.raised.append(raised)
        hits = [
            e
            for e in open_
            if e.kind == raised.kind and raised.url in e.urls and e.country in (None, raised.country)
        ]
        if hits:
            hit = next((e for e in hits if e.url == raised.url), hits[0])
            open_.remove(hit)
            done.append(hit)
            result.matched.append((hit, raised))
            continue
        result.wrong.append((raised, _why_wrong(raised, timeline, done)))
    result.missed = open_
    return result


def _why_wrong(raised: Raised, timeline: Timeline, done: list[Expected]) -> str:
    dup = next((e for e in done if e.kind == raised.kind and raised.url in e.urls), None)
    if dup is not None:
        return f"a second {raised.kind} for the same event (matched already: {dup.url})"
    same = next((e for e in timeline.expected if e.kind == raised.kind and raised.url in e.urls), None)
    if same is not None:
        return f"about {raised.country or 'no country'}, the event is in {same.country}"
    label = next((m for m in timeline.must_not if m.url == raised.url and m.kind in (raised.kind, ANY)), None)
    if label is not None:
        return f"must_not: {label.why}"
    return "unlabelled"


def total(scores: Sequence[Score]) -> Score:
    out = Score("overall")
    for s in scores:
        out.raised += s.raised
        out.expected += s.expected
        out.matched += s.matched
        out.wrong += s.wrong
        out.missed += s.missed
    return out


def report(scores: Sequence[Score], out: Any = sys.stdout) -> None:
    """The table, then every wrong and every missed alert."""
    rows = [*scores, total(scores)]
    out.write(f"{'timeline':<18}{'raised':>7}{'expected':>9}{'matched':>8}{'precision':>10}{'recall':>8}\n")
    for s in rows:
        out.write(
            f"{s.name:<18}{len(s.raised):>7}{len(s.expected):>9}{len(s.matched):>8}"
            f"{s.precision:>10.2f}{s.recall:>8.2f}\n"
        )
    for s in scores:
        for raised, why in s.wrong:
            where = f" [{raised.country}]" if raised.country else ""
            out.write(f"WRONG  {s.name}: {raised.kind} ({raised.rule}){where} on {raised.url}\n")
            out.write(f"         said: {raised.text}\n         why wrong: {why}\n")
        for e in s.missed:
            out.write(f"MISSED {s.name}: {e.kind} on {e.url}\n         why expected: {e.why}\n")


def evaluate(files: Sequence[Path], enricher: Any | None = None) -> list[Score]:
    """Score the given timelines; loads the spaCy model once when no enricher is passed."""
    if enricher is None:
        from herald.enrich import nlp
        from herald.enrich.extract import Enricher

        enricher = Enricher(nlp.load())
    scores = []
    for path in files:
        timeline = load(path)
        scores.append(score(timeline, run(timeline, enricher)))
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.support.alert_eval", description=__doc__)
    parser.add_argument("files", nargs="*", help="timelines (.expected.yaml, .articles.jsonl or names)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--set", choices=sorted(SETS), default="dev", help="dev (default) or a frozen test split"
    )
    where.add_argument("--dir", type=Path, help="a folder of timelines, instead of a named set")
    args = parser.parse_args(argv)
    report(evaluate(timeline_files(args.files, args.dir or SETS[args.set])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
