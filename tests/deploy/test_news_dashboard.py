"""Every SQL query of the herald-news dashboard runs against a real PostgreSQL holding the demo store.

Grafana cannot run here, so the test does what its PostgreSQL data source would: it expands the
macros and template variables the dashboard uses, runs each panel's and variable's query, and checks
the rows have the shape the panel type reads. The expansion, so a reader can trust what is tested:

- ``$__timeFilter(col)``          -> ``col BETWEEN '<from>' AND '<to>'`` (the range covers the demo week)
- ``$__timeGroupAlias(col, $__interval)`` -> ``floor(extract(epoch from col)/3600)*3600 AS "time"``
  (Grafana's own expansion, with a one-hour interval)
- ``$name`` / ``${name}``         -> the value in ``VARIABLES`` (the 472-drone story, UA, severity 1)

A macro or variable the test does not know fails it, so a new one gets a documented expansion here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from tests.support.deploy_checks import DASHBOARDS
from tests.support.store_rows import DAY, NOW, S472, demo_store

BOARD: dict[str, Any] = json.loads((DASHBOARDS / "herald-news.json").read_text(encoding="utf-8"))
FROM, TO = DAY - timedelta(days=7), NOW + timedelta(hours=1)
VARIABLES = {"story": S472, "country": "UA", "min_severity": "1"}
INTERVAL_S = 3600
PG_TYPE = "grafana-postgresql-datasource"


def expand(sql: str) -> str:
    sql = re.sub(
        r"\$__timeGroupAlias\(\s*([\w.]+)\s*,\s*\$__interval\s*\)",
        rf'floor(extract(epoch from \1)/{INTERVAL_S})*{INTERVAL_S} AS "time"',
        sql,
    )
    sql = re.sub(
        r"\$__timeFilter\(\s*([\w.]+)\s*\)",
        rf"\1 BETWEEN '{FROM.isoformat()}' AND '{TO.isoformat()}'",
        sql,
    )
    sql = re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: VARIABLES[m.group(1) or m.group(2)], sql)
    assert "$" not in sql, f"unexpanded macro or variable in: {sql}"
    return sql


def panels() -> list[dict[str, Any]]:
    return [p for p in BOARD["panels"] if p["type"] != "row"]


@pytest.fixture(scope="module")
def pg(postgres_url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(postgres_url)
    demo_store().insert(engine)
    yield engine
    engine.dispose()


def run(engine: sa.Engine, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        result = conn.exec_driver_sql(expand(sql))
        return list(result.keys()), [tuple(r) for r in result]


def numeric(value: Any) -> bool:
    return isinstance(value, int | float) or type(value).__name__ == "Decimal"


def override_fields(panel: dict[str, Any]) -> set[str]:
    return {
        o["matcher"]["options"]
        for o in panel["fieldConfig"].get("overrides", [])
        if o["matcher"]["id"] == "byName"
    }


def check_shape(panel: dict[str, Any], target: dict[str, Any], columns: list[str], rows: list[tuple]) -> None:
    where = f"panel {panel['title']!r} target {target['refId']}"
    assert rows, f"{where}: no rows from the demo store"
    values = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    if panel["type"] == "timeseries":
        assert target["format"] == "time_series", where
        assert set(columns) <= {"time", "metric", "value"} and {"time", "value"} <= set(columns), where
        assert all(isinstance(t, datetime) or numeric(t) for t in values["time"]), where
        assert all(numeric(v) for v in values["value"]), where
        assert all(isinstance(m, str) for m in values.get("metric", [])), where
        assert values["time"] == sorted(values["time"]), f"{where}: time series must come in time order"
    elif panel["type"] == "geomap":
        layer = panel["options"]["layers"][0]
        needed = {layer["location"]["latitude"], layer["location"]["longitude"]}
        needed |= {
            s["field"] for s in layer["config"]["style"].values() if isinstance(s, dict) and "field" in s
        }
        assert needed <= set(columns), f"{where}: missing {needed - set(columns)}"
        assert all(-90 <= v <= 90 for v in values["latitude"]), where
        assert all(-180 <= v <= 180 for v in values["longitude"]), where
    elif panel["type"] == "table":
        assert target["format"] == "table", where
        assert "time" in columns and all(isinstance(t, datetime) for t in values["time"]), where
    else:
        pytest.fail(f"{where}: no shape check for panel type {panel['type']}")
    missing = override_fields(panel) - set(columns)
    assert not missing, f"{where}: overrides name columns the query does not return: {missing}"


def test_the_board_uses_the_postgresql_datasource_variable() -> None:
    variables = {v["name"]: v for v in BOARD["templating"]["list"]}
    assert variables["datasource"] == {**variables["datasource"], "type": "datasource", "query": PG_TYPE}
    for panel in panels():
        assert panel["datasource"] == {"type": PG_TYPE, "uid": "${datasource}"}, panel["title"]
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == "${datasource}" and target["rawSql"], panel["title"]
    used = {name for p in panels() for t in p["targets"] for name in re.findall(r"\$(\w+)", t["rawSql"])}
    assert used - {"__timeFilter", "__timeGroupAlias", "__interval"} <= set(variables)


@pytest.mark.parametrize(
    ("panel", "target"),
    [(p, t) for p in panels() for t in p["targets"]],
    ids=[f"{p['title']}-{t['refId']}" for p in panels() for t in p["targets"]],
)
def test_every_panel_query_returns_the_shape_its_panel_reads(
    pg: sa.Engine, panel: dict[str, Any], target: dict[str, Any]
) -> None:
    columns, rows = run(pg, target["rawSql"])
    check_shape(panel, target, columns, rows)


@pytest.mark.parametrize(
    "var", [v for v in BOARD["templating"]["list"] if v["type"] == "query"], ids=lambda v: v["name"]
)
def test_every_variable_query_returns_values(pg: sa.Engine, var: dict[str, Any]) -> None:
    columns, rows = run(pg, var["query"])
    assert rows, var["name"]
    assert len(columns) == 1 or set(columns) == {"__value", "__text"}, var["name"]


def by_title(title: str) -> dict[str, Any]:
    return next(p for p in panels() if p["title"] == title)


def test_the_record_markers_are_the_record_holders(pg: sa.Engine) -> None:
    """120 then 472 drones beat the series, 85 did not; the only missile figure is its first record."""
    records = by_title("Drone and missile series")["targets"][1]["rawSql"]
    _, rows = run(pg, records)
    assert [(metric, value) for _, metric, value in rows] == [
        ("drones record", 120.0),
        ("drones record", 472.0),
        ("missiles record", 7.0),
    ]


def test_the_story_timeline_lists_its_outlets_in_order(pg: sa.Engine) -> None:
    columns, rows = run(pg, by_title("Story timeline: who carried it when")["targets"][0]["rawSql"])
    table = [dict(zip(columns, r, strict=True)) for r in rows]
    assert [r["source"] for r in table] == ["kyiv-ledger", "world-wire", "danube-courier"]
    assert table[0]["alerts"] == "record" and table[1]["alerts"] is None
    _, outlets = run(pg, by_title("Story: outlets over time")["targets"][0]["rawSql"])
    assert [v for _, _, v in outlets] == [1, 2, 3]


def test_the_alert_table_links_to_the_story_and_its_source(pg: sa.Engine) -> None:
    columns, rows = run(pg, by_title("Latest alerts")["targets"][0]["rawSql"])
    first = dict(zip(columns, rows[0], strict=True))
    assert first["story_id"] and first["source_url"].startswith("https://")
    record = next(dict(zip(columns, r, strict=True)) for r in rows if r[columns.index("rule")] == "record")
    assert record["delivery"] == "slack: delivered, webhook: dead_lettered"
