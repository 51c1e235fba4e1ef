"""The Grafana dashboards: fixed uids, a datasource variable, sane layout, and only real metrics.

Every query in every panel and variable is checked against the metrics the services actually export
(read from their registries), so renaming a metric or a label breaks this test, not a 3 a.m. panel.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.deploy_checks import (
    DASHBOARDS,
    ROOT,
    Catalogue,
    check_query,
    parse_promql,
    recording_rules,
)

EXPECTED = {"herald-pipeline", "herald-feeds", "herald-alerts", "herald-news"}
FILES = sorted(DASHBOARDS.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def datasource_type(path: Path) -> str:
    return next(v["query"] for v in load(path)["templating"]["list"] if v["type"] == "datasource")


# The metric dashboards; herald-news reads the event store over SQL and has its own test
# (test_news_dashboard.py runs every query of it against PostgreSQL).
PROMETHEUS_FILES = [p for p in FILES if datasource_type(p) == "prometheus"]


def panels(board: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for panel in board["panels"]:
        out.append(panel)
        out.extend(panel.get("panels", []))  # collapsed rows keep their panels inside
    return out


def queries(board: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, PromQL) for every panel target and every query variable."""
    out = [
        (f"panel {p['title']!r} target {t['refId']}", t["expr"])
        for p in panels(board)
        for t in p.get("targets", [])
    ]
    for var in board["templating"]["list"]:
        if var["type"] == "query":
            query = var["query"]["query"] if isinstance(var["query"], dict) else var["query"]
            out.append((f"variable ${var['name']}", query))
    return out


def test_the_three_dashboards_exist_with_fixed_unique_uids() -> None:
    uids = [load(p)["uid"] for p in FILES]
    assert sorted(uids) == sorted(EXPECTED)
    for path in FILES:
        board = load(path)
        assert board["uid"] == path.stem, "file name and uid must match, so links and provisioning agree"
        assert len(board["uid"]) <= 40  # Grafana's limit
        assert board["title"].startswith("Herald / ")
        assert "herald" in board["tags"]
        assert board.get("id") is None, "an exported numeric id would clash between Grafana instances"


def test_every_dashboard_but_the_news_one_reads_prometheus() -> None:
    assert {p.stem for p in FILES} - {p.stem for p in PROMETHEUS_FILES} == {"herald-news"}


@pytest.mark.parametrize("path", PROMETHEUS_FILES, ids=lambda p: p.stem)
def test_every_panel_uses_the_datasource_variable(path: Path) -> None:
    board = load(path)
    variables = {v["name"]: v for v in board["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    for panel in panels(board):
        if panel["type"] == "row":
            continue
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
        assert panel["targets"], f"panel {panel['title']!r} has no query"
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == "${datasource}", panel["title"]
    for var in variables.values():
        if var["type"] == "query":
            assert var["datasource"]["uid"] == "${datasource}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_layout_ids_and_descriptions(path: Path) -> None:
    board = load(path)
    ids = [p["id"] for p in panels(board)]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    cells: dict[tuple[int, int], str] = {}
    for panel in panels(board):
        pos = panel["gridPos"]
        assert 0 <= pos["x"] and pos["x"] + pos["w"] <= 24, panel["title"]
        if panel["type"] != "row":
            assert panel.get("description"), f"panel {panel['title']!r} needs a description"
        for x in range(pos["x"], pos["x"] + pos["w"]):
            for y in range(pos["y"], pos["y"] + pos["h"]):
                assert (x, y) not in cells, f"{panel['title']!r} overlaps {cells[(x, y)]!r}"
                cells[(x, y)] = panel["title"]
    refs = [t["refId"] for p in panels(board) for t in p.get("targets", [])]
    assert all(refs)


@pytest.mark.parametrize("path", PROMETHEUS_FILES, ids=lambda p: p.stem)
def test_every_query_names_only_exported_metrics_and_labels(path: Path, catalogue: Catalogue) -> None:
    recorded = recording_rules()
    problems = [
        f"{where}: {problem}"
        for where, expr in queries(load(path))
        for problem in check_query(expr, catalogue, recorded)
    ]
    assert not problems, "\n".join(problems)


def test_the_dashboards_show_every_herald_metric(catalogue: Catalogue) -> None:
    """ "Grafana shows the whole pipeline": a metric a service exports but no panel plots is a blind spot."""
    shown = {
        ref.metric
        for path in PROMETHEUS_FILES
        for _, expr in queries(load(path))
        for ref in parse_promql(expr).references
    }
    families = {_family(name) for name in catalogue.labels if name.startswith("herald_")}
    shown_families = {_family(name) for name in shown}
    assert not families - shown_families, f"exported but on no dashboard: {sorted(families - shown_families)}"


def _family(sample: str) -> str:
    for suffix in ("_bucket", "_count", "_sum", "_created", "_total"):
        if sample.endswith(suffix):
            return sample.removesuffix(suffix)
    return sample


def test_the_metric_check_catches_rot(catalogue: Catalogue) -> None:
    """The check above must fail on exactly the mistakes it exists for."""
    recorded = recording_rules()
    assert check_query("sum(rate(herald_records_in_total[5m]))", catalogue, recorded) == []
    assert check_query("rate(herald_records_consumed_total[5m])", catalogue, recorded)  # renamed metric
    assert check_query('herald_records_in_total{stag="enrich"}', catalogue, recorded)  # misspelt label
    assert check_query(
        "sum by (feed) (rate(herald_records_in_total[5m]))", catalogue, recorded
    )  # wrong grouping
    assert check_query("herald_processing_seconds", catalogue, recorded)  # a histogram has no bare series


def test_grafana_provisioning_loads_these_files() -> None:
    import yaml

    provider = yaml.safe_load((ROOT / "deploy/grafana/provisioning/dashboards/herald.yml").read_text())[
        "providers"
    ][0]
    assert provider["type"] == "file"
    assert provider["options"]["path"] == "/var/lib/grafana/dashboards"
    source = yaml.safe_load((ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text())
    assert [d["type"] for d in source["datasources"]] == ["prometheus"]
    store = yaml.safe_load((ROOT / "deploy/grafana/provisioning/datasources/herald-store.yml").read_text())
    assert [d["type"] for d in store["datasources"]] == ["grafana-postgresql-datasource"]
