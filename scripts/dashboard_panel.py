"""Append a time-series panel to a provisioned dashboard and refresh the chart's copy.

Usage: python scripts/dashboard_panel.py DASHBOARD.json "Title" 'PROMQL' "{{legend}}" UNIT "Description"

Why a script: every exported herald_* metric must be on a dashboard (tests/deploy checks it), and
the Helm chart ships byte-identical copies of the dashboards; doing both by hand invites drift.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHART_COPIES = ROOT / "helm" / "herald" / "dashboards"


def add_panel(path: Path, title: str, expr: str, legend: str, unit: str, description: str) -> None:
    doc = json.loads(path.read_text())
    panels = doc["panels"]
    bottom = max((p["gridPos"]["y"] + p["gridPos"]["h"] for p in panels), default=0)
    last = panels[-1] if panels else None
    side_by_side = last is not None and last["gridPos"]["x"] == 0 and last["gridPos"]["w"] == 12
    x, y = (12, last["gridPos"]["y"]) if side_by_side and last else (0, bottom)
    ds = {"type": "prometheus", "uid": "${datasource}"}
    panels.append(
        {
            "id": max((p["id"] for p in panels), default=0) + 1,
            "type": "timeseries",
            "title": title,
            "description": description,
            "datasource": ds,
            "gridPos": {"x": x, "y": y, "w": 12, "h": 8},
            "fieldConfig": {
                "defaults": {
                    "unit": unit,
                    "custom": {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10, "showPoints": "never"},
                },
                "overrides": [],
            },
            "options": {
                "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                "tooltip": {"mode": "multi", "sort": "desc"},
            },
            "targets": [
                {"refId": "A", "datasource": ds, "expr": expr, "legendFormat": legend, "range": True}
            ],
        }
    )
    path.write_text(json.dumps(doc, indent=2) + "\n")
    copy = CHART_COPIES / path.name
    if copy.parent.exists():
        shutil.copyfile(path, copy)


if __name__ == "__main__":
    dashboard, title, expr, legend, unit, description = sys.argv[1:7]
    add_panel(Path(dashboard), title, expr, legend, unit, description)
