"""Helpers for the deployment tests: the tools in .tools/, the services' metric catalogue, PromQL names.

The catalogue is read from the services' own registries (each built exactly as its entry point builds
it, against a fresh ``CollectorRegistry``), so a dashboard or rule naming a metric no service exports
fails a test instead of showing an empty panel in production.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from prometheus_client import CollectorRegistry, GCCollector, PlatformCollector, ProcessCollector

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".tools" / "bin"
DASHBOARDS = ROOT / "deploy" / "grafana" / "dashboards"
PROMETHEUS = ROOT / "deploy" / "prometheus"
CHART = ROOT / "helm" / "herald"

# Every scrape target of ours carries these, added by Prometheus rather than the exporter.
TARGET_LABELS = {"job", "instance"}
# Series Prometheus makes itself for every target.
PROMETHEUS_SERIES = {"up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_series_added"}


def tool(name: str) -> Path:
    """A tool installed by scripts/install-tools.sh; in CI its absence fails the test, locally it skips."""
    path = TOOLS / name
    if path.exists() and os.access(path, os.X_OK):
        return path
    message = f"{name} is not installed in {TOOLS}: run scripts/install-tools.sh"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


# -- the services' metric catalogue -----------------------------------------------------------------
@dataclass
class Catalogue:
    """Sample names every service exports, with the label names each may carry."""

    labels: dict[str, set[str]] = field(default_factory=dict)
    by_service: dict[str, set[str]] = field(default_factory=dict)

    def add(self, service: str, registry: CollectorRegistry) -> None:
        names = self.by_service.setdefault(service, set())
        for sample, labelnames in _samples(registry).items():
            names.add(sample)
            self.labels.setdefault(sample, set()).update(labelnames)

    def __contains__(self, name: str) -> bool:
        return name in self.labels


def _default_collectors(registry: CollectorRegistry) -> None:
    """What prometheus_client's global REGISTRY holds, which every entry point serves."""
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    GCCollector(registry=registry)


def _samples(registry: CollectorRegistry) -> dict[str, set[str]]:
    """Every sample name a registry can expose, even for labelled families that have no child yet."""
    out: dict[str, set[str]] = {}
    collectors = dict(registry._names_to_collectors)
    for family in registry.collect():
        collector = collectors.get(family.name) or collectors.get(family.name + "_total")
        labelnames = set(getattr(collector, "_labelnames", ()))
        for sample in family.samples:
            out.setdefault(sample.name, set()).update(sample.labels)
        suffixes = {
            "counter": ("_total", "_created"),
            "gauge": ("",),
            "histogram": ("_bucket", "_count", "_sum", "_created"),
            "summary": ("", "_count", "_sum", "_created"),
            "info": ("_info",),
        }.get(family.type, ("",))
        for suffix in suffixes:
            names = labelnames | ({"le"} if suffix == "_bucket" else set())
            out.setdefault(family.name + suffix, set()).update(names)
    return out


def build_catalogue(state_dir: Path) -> Catalogue:
    """Build each service's registry the way its entry point does, without starting anything."""
    from herald.alerts import delivery_agent, novelty_agent
    from herald.alerts.settings import AlertSettings
    from herald.api.metrics import ApiMetrics
    from herald.classify import agent as classify_agent
    from herald.core.settings import CoreSettings
    from herald.dedup import agent as dedup_agent
    from herald.enrich import agent as enrich_agent
    from herald.heartbeat.server import Heartbeat
    from herald.heartbeat.settings import HeartbeatSettings
    from herald.poller.service import PollerMetrics
    from herald.store import agent as store_agent
    from herald.store.settings import StoreSettings

    catalogue = Catalogue()
    core = CoreSettings(state_dir=state_dir)
    alerts = AlertSettings(state_dir=state_dir)
    builders = {
        "poller": lambda r: PollerMetrics(r),
        "dedup": lambda r: dedup_agent.build(core, r),
        "enrich": lambda r: enrich_agent.build(core, r),
        "classify": lambda r: classify_agent.build(core, r),
        "novelty": lambda r: novelty_agent.build(alerts, r),
        "delivery": lambda r: delivery_agent.build(alerts, r),
        "heartbeat": lambda r: Heartbeat(HeartbeatSettings(state_dir=state_dir), r),
        "store": lambda r: store_agent.build(StoreSettings(state_dir=state_dir), r),
        "api": lambda r: ApiMetrics(r),
    }
    for service, build in builders.items():
        registry = CollectorRegistry()
        _default_collectors(registry)
        build(registry)
        catalogue.add(service, registry)
    return catalogue


# -- PromQL: which series and labels an expression names --------------------------------------------
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_SELECTOR = re.compile(r"([A-Za-z_:][A-Za-z0-9_:]*)?\s*\{([^}]*)\}")
_MATCHER_LABEL = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)")
_GROUPING = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)")
_RANGE = re.compile(r"\[[^\]]*\]")
_IDENT = re.compile(r"(?<![\w:$.])([A-Za-z_:][A-Za-z0-9_:]*)\b(?!\s*\()")
_KEYWORDS = {
    "and",
    "or",
    "unless",
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "bool",
    "offset",
    "inf",
    "nan",
    "atan2",
}
_GRAFANA_VARIABLE_QUERY = re.compile(r"^\s*label_values\(\s*(.+?)\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*$")


@dataclass
class Reference:
    metric: str
    labels: set[str]


@dataclass
class Query:
    references: list[Reference]
    grouping_labels: set[str]


def parse_promql(expr: str) -> Query:
    """Series names and label names in a PromQL expression (enough of PromQL for our queries)."""
    variable = _GRAFANA_VARIABLE_QUERY.match(expr)
    if variable:
        inner = parse_promql(variable.group(1))
        inner.grouping_labels.add(variable.group(2))
        return inner
    # Label values may contain anything, Grafana variables included: keep the quotes, drop the text.
    text = _STRING.sub('""', expr)
    text = _RANGE.sub("", text)
    references: list[Reference] = []
    grouping: set[str] = set()
    for match in _GROUPING.finditer(text):
        grouping.update(x.strip() for x in match.group(2).split(",") if x.strip())
    text = _GROUPING.sub(" ", text)

    def selector(match: re.Match[str]) -> str:
        labels = set(_MATCHER_LABEL.findall(match.group(2)))
        name = match.group(1)
        if name is None:
            names = re.findall(r'__name__\s*=\s*""', match.group(2))
            if names:
                raise ValueError(f"__name__ matchers are not checked; name the metric: {expr!r}")
            return " "
        references.append(Reference(name, labels - {"__name__"}))
        return " "

    text = _SELECTOR.sub(selector, text)
    text = re.sub(r"\$\{?\w+\}?", " ", text)  # Grafana variables outside strings ($__range in [..] is gone)
    for name in _IDENT.findall(text):
        if name.lower() in _KEYWORDS or re.fullmatch(r"[0-9eE.+-]+", name):
            continue
        references.append(Reference(name, set()))
    return Query(references, grouping)


def recording_rules() -> dict[str, str]:
    """Recording rule name -> expression, from every rule file Prometheus loads."""
    out: dict[str, str] = {}
    for path in sorted((PROMETHEUS / "rules").glob("*.yml")):
        for group in yaml.safe_load(path.read_text())["groups"]:
            for rule in group["rules"]:
                if "record" in rule:
                    out[rule["record"]] = rule["expr"]
    return out


def check_query(expr: str, catalogue: Catalogue, recorded: dict[str, str]) -> list[str]:
    """Problems with one query: series nobody exports, labels the series do not have."""
    problems: list[str] = []
    query = parse_promql(expr)
    known_labels = set(TARGET_LABELS) | {"le"}
    for ref in query.references:
        if ref.metric in recorded:
            # A recorded series has the labels its expression keeps; check against its inputs.
            inner = parse_promql(recorded[ref.metric])
            known_labels |= inner.grouping_labels
            continue
        if ref.metric in PROMETHEUS_SERIES:
            known_labels |= TARGET_LABELS
            continue
        if ref.metric not in catalogue:
            problems.append(f"{ref.metric}: no Herald service exports it")
            continue
        labels = catalogue.labels[ref.metric]
        known_labels |= labels
        unknown = ref.labels - labels - TARGET_LABELS
        if unknown:
            problems.append(f"{ref.metric}{{{', '.join(sorted(unknown))}}}: labels it does not have")
    unknown_grouping = query.grouping_labels - known_labels
    if unknown_grouping:
        problems.append(f"groups by {sorted(unknown_grouping)}, which none of its series carry")
    if not query.references:
        problems.append("names no series at all")
    return problems
