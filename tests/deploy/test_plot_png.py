"""``herald plot``: a JSON time series becomes a PNG with one panel per unit; bad input is explained."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from herald_dev.plot import PlotInputError, load, parse, plot
from tests.support.environment import herald_env


def bench_series() -> dict[str, object]:
    """A made-up benchmark run: throughput ramps up, p95 latency follows the load."""
    throughput = [[float(t), 200.0 + 15.0 * min(t, 20)] for t in range(60)]
    latency = [[float(t), 0.010 + 0.0004 * min(t, 20)] for t in range(60)]
    return {
        "title": "enrich benchmark",
        "series": [
            {"name": "throughput", "unit": "records/s", "points": throughput},
            {"name": "latency p95", "unit": "s", "points": latency},
            {"name": "latency p50", "unit": "s", "points": [[t, v / 2] for t, v in latency]},
        ],
    }


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_benchmark_series_becomes_a_png_with_a_panel_per_unit(tmp_path: Path) -> None:
    two_units = plot(bench_series(), tmp_path / "bench.png")
    one_unit = plot({"series": [bench_series()["series"][0]]}, tmp_path / "one.png")  # type: ignore[index]
    width, height = png_size(two_units)
    assert width == 1200
    assert height > png_size(one_unit)[1], "two units (records/s, s) get two stacked panels"
    assert parse(bench_series()).panels().keys() == {"records/s", "s"}


def test_a_replay_with_timestamps_plots_against_time_of_day(tmp_path: Path) -> None:
    replay = {
        "title": "replay of news_day.jsonl",
        "series": [
            {
                "name": "alerts per minute",
                "unit": "alerts/min",
                "points": [[f"2026-11-25T05:{m:02d}:00Z", float(m % 3)] for m in range(30)],
            }
        ],
    }
    assert parse(replay).absolute
    png_size(plot(replay, tmp_path / "nested" / "replay.png"))


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"series": []}, "series"),
        ({"series": [{"name": "x", "unit": "s", "points": [[0, "fast"]]}]}, "points"),
        (
            {"series": [{"name": "x", "unit": "s", "points": [[0, 1.0], ["2026-11-25T05:00:00Z", 2.0]]}]},
            "mix",
        ),
        ({"series": [{"name": "x", "unit": "s", "points": [["2026-11-25T05:00:00", 2.0]]}]}, "points"),
    ],
)
def test_bad_input_gets_a_clear_error(document: object, message: str) -> None:
    with pytest.raises(PlotInputError, match=message):
        parse(document)


def test_herald_plot_command_writes_the_png(tmp_path: Path) -> None:
    source = tmp_path / "run.json"
    source.write_text(json.dumps(bench_series()))
    result = subprocess.run(
        [sys.executable, "-m", "herald.cli", "plot", str(source), "--out", str(tmp_path / "out.png")],
        env=herald_env({}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert png_size(tmp_path / "out.png")[0] == 1200
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    result = subprocess.run(
        [sys.executable, "-m", "herald.cli", "plot", str(broken)],
        env=herald_env({}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "not JSON" in result.stderr
    with pytest.raises(PlotInputError, match=r"broken\.json"):
        load(broken)
