"""``herald plot``: a PNG of a benchmark's or a replay's time series (throughput and latency over time).

Input is one JSON document, the format benchmarks and replays write::

    {
      "title": "enrich benchmark, 2 workers",          (optional)
      "series": [
        {"name": "throughput", "unit": "records/s", "points": [[0.0, 410.5], [1.0, 398.0]]},
        {"name": "latency p95", "unit": "s",         "points": [[0.0, 0.021], [1.0, 0.024]]}
      ]
    }

A point is ``[t, value]``: ``t`` is seconds since the run started, or an RFC 3339 timestamp with a
time zone (a replay's article times); one document uses one kind. Series that share a unit share a
panel, so throughput and latency get one panel each, stacked over the same time axis.

matplotlib is imported only when a plot is drawn (herald-dev depends on it), so importing this
module, and therefore ``herald --help``, stays cheap.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import AwareDatetime, BaseModel, Field, ValidationError, model_validator


class Series(BaseModel):
    name: str = Field(min_length=1)
    unit: str = Field(min_length=1, description="Series with the same unit share a panel.")
    points: list[tuple[float | AwareDatetime, float]] = Field(min_length=1)


class TimeSeries(BaseModel):
    title: str = ""
    series: list[Series] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_kind_of_time(self) -> TimeSeries:
        kinds = {isinstance(t, datetime) for s in self.series for t, _ in s.points}
        if len(kinds) > 1:
            raise ValueError("points mix seconds and timestamps; use one kind of t in a document")
        return self

    @property
    def absolute(self) -> bool:
        return isinstance(self.series[0].points[0][0], datetime)

    def panels(self) -> dict[str, list[Series]]:
        """Series grouped by unit, in the order units first appear."""
        out: dict[str, list[Series]] = {}
        for s in self.series:
            out.setdefault(s.unit, []).append(s)
        return out


class PlotInputError(ValueError):
    """The input is not a time series document; the message says where and why."""


def load(path: Path) -> TimeSeries:
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as exc:
        raise PlotInputError(f"{path}: not JSON ({exc})") from exc
    except PlotInputError as exc:
        raise PlotInputError(f"{path}: {exc}") from exc


def parse(data: Any) -> TimeSeries:
    try:
        return TimeSeries.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'document'}: {e['msg']}" for e in exc.errors()
        )
        raise PlotInputError(f"not a time series document ({problems})") from exc


def plot(data: TimeSeries | dict[str, Any], out: Path, *, width_px: int = 1200, dpi: int = 100) -> Path:
    """Write ``data`` as a PNG to ``out`` (parents created) and return the path."""
    series = data if isinstance(data, TimeSeries) else parse(data)
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only: never try to open a window on a server
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ImportError("herald plot needs matplotlib, a herald-dev dependency (scripts/setup.sh)") from exc

    panels = series.panels()
    height_in = 1.0 + 2.6 * len(panels)
    fig, axes = plt.subplots(
        len(panels), 1, sharex=True, squeeze=False, figsize=(width_px / dpi, height_in), dpi=dpi
    )
    try:
        for ax, (unit, members) in zip(axes[:, 0], panels.items(), strict=True):
            for s in members:
                xs = [t for t, _ in s.points]
                ax.plot(
                    xs,
                    [v for _, v in s.points],
                    label=s.name,
                    linewidth=1.4,
                    marker="." if len(xs) < 60 else None,
                )
            ax.set_ylabel(unit)
            ax.grid(True, alpha=0.3)
            ax.legend(loc="upper left", fontsize="small")
        axes[-1, 0].set_xlabel("time (UTC)" if series.absolute else "seconds since start")
        if series.absolute:
            fig.autofmt_xdate()
        if series.title:
            fig.suptitle(series.title)
        fig.tight_layout()
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out, format="png")
    finally:
        plt.close(fig)
    return out


def command(
    source: Annotated[
        Path, typer.Argument(help="JSON time series written by a benchmark or a replay.", exists=True)
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="PNG to write (default: next to the input).")
    ] = None,
) -> None:
    """Plot a benchmark's or a replay's throughput and latency over time as a PNG."""
    target = out or source.with_suffix(".png")
    try:
        plot(load(source), target)
    except PlotInputError as exc:
        raise typer.BadParameter(str(exc), param_hint="SOURCE") from exc
    typer.echo(f"wrote {target}")
