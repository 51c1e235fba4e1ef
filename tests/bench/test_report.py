"""The benchmark's report: targets judged from the figures, a readable table, a PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.pipeline import report


def results() -> dict[str, Any]:
    stages = {
        "dedup": {
            "records_in": 400,
            "records_out": 400,
            "mean_rate": 80.0,
            "busy_rate": 900.0,
            "busy_seconds": 0.5,
            "handler_capacity": 3000.0,
            "mean_batch": 6.2,
            "peak_backlog": 390,
        },
        "enrich": {
            "records_in": 400,
            "records_out": 400,
            "mean_rate": 80.0,
            "busy_rate": 85.0,
            "busy_seconds": 4.5,
            "handler_capacity": 90.0,
            "mean_batch": 48.5,
            "peak_backlog": 300,
        },
    }
    timeline = {
        "t": [0.0, 1.0, 2.0, 5.0],
        "stage_in": {"dedup": [0, 200, 400, 400], "enrich": [0, 80, 160, 400]},
    }
    return {
        "started_at": "2026-11-25T12:00:00+00:00",
        "machine": {"cpus": 2, "load_start": [0.1, 0.1, 0.1], "load_end": [1.9, 1.5, 1.0]},
        "ceiling": {
            "short": {
                "1": {
                    "processes": 1,
                    "texts": 2000,
                    "seconds": 10.0,
                    "rate": 200.0,
                    "cpu_seconds": 9.9,
                    "rate_per_cpu_second": 202.0,
                    "pipe_names": ["tok2vec", "ner"],
                    "batch_size": 64,
                }
            }
        },
        "saturation": [
            {
                "run": "saturation-short-1w",
                "articles": 400,
                "analysed": 400,
                "throughput": 170.0,
                "throughput_sustained": 170.0,
                "throughput_overall": 150.0,
                "ceiling_rate": 200.0,
                "ratio_to_ceiling": 0.85,
                "stack_cpu_ms_per_article": 9.0,
                "nlp_cpu_ms_per_article": 5.0,
                "nlp_share_of_stack_cpu": 0.55,
                "first_to_saturate": "enrich",
                "stack_peak_rss_mb": 900.0,
                "stages": stages,
                "timeline": timeline,
            }
        ],
        "latency": {
            "run": "latency-short-20per_s",
            "rate": 20.0,
            "seconds": 120.0,
            "length": "short",
            "alerts": 700,
            "severe_articles": 720,
            "severe_with_alert": 690,
            "latency_seconds": {"count": 700, "p50": 0.2, "p95": 0.7, "p99": 1.3, "max": 2.0, "mean": 0.3},
            "delivery_metric_mean_seconds": 0.31,
            "hops": {"enrich": {"p50": 0.1, "p95": 0.3, "p99": 0.5, "count": 700}},
            "points": [[0.5, 0.2], [1.0, 0.4], [1.5, 1.3]],
            "timeline": timeline,
        },
        "resources": {
            "services": {"kafka": {"cpu_seconds": 30.0, "peak_rss_mb": 420.0}},
            "stack_peak_rss_mb": 1500,
        },
        "stack_peak_rss_mb": 1500.0,
    }


def test_targets_are_judged_from_the_figures() -> None:
    met = {t["target"]: t["met"] for t in report.targets(results())}
    assert len(met) == 4

    def judged(fragment: str) -> bool | None:
        (value,) = [v for k, v in met.items() if fragment in k]
        return value

    assert judged("80% of the spaCy ceiling") is True  # 170 / 200 = 85 %
    assert judged("a day of EMM") is True  # 300,000 articles at 170/s: 29 minutes
    assert judged("p99 <= 1 s") is False  # 1.3 s
    assert judged("< 2048 MB") is True


def test_summary_shows_every_section() -> None:
    text = report.summary(results())
    for heading in ("CEILING", "SATURATION", "LATENCY", "RESOURCES", "TARGETS"):
        assert heading in text
    assert "85%" in text and "NOT met" in text and "enrich" in text


def test_plot_writes_a_png(tmp_path: Path) -> None:
    path = tmp_path / "plot.png"
    assert report.plot(results(), path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_saturation_cpu_is_split_per_process_and_against_spacy() -> None:
    from bench.pipeline import cli

    run = results()["saturation"][0]
    run["analysed"] = 2000
    run["services"] = {
        name: {"cpu_seconds": cpu, "cores": cpu / 20.0}
        for name, cpu in {"enrich": 12.0, "dedup": 3.0, "classify": 2.0, "kafka": 3.0, "bench": 1.0}.items()
    }
    run["stack_cpu_seconds"] = 20.0
    run["load_1min"] = [0.4, 1.9]
    ceiling = {"rate": 200.0, "rate_per_cpu_second": 200.0}  # spaCy: 5 ms of CPU a text
    cli._compare(run, ceiling)
    split = run["cpu_split"]
    assert split["per_process_ms"]["dedup"] == 1.5
    assert split["stack_ms"] == 10.0
    assert split["spacy_ms"] == 5.0 and split["non_spacy_ms"] == 5.0 and split["non_spacy_to_spacy"] == 1.0
    text = report.cpu_section(run)
    assert "1-minute load 0.4 at start, 1.9 at end" in text
    assert "the rest 5.00 = 1.00 x spaCy's" in text
    lines = text.splitlines()
    assert lines.index(next(x for x in lines if " enrich " in x)) < lines.index(
        next(x for x in lines if " dedup " in x)
    )  # the largest first
    full = results()
    full["saturation"] = [run]
    assert "CPU per article of saturation-short-1w" in report.summary(full)


def test_the_stage_table_shows_how_full_each_stages_batches_were() -> None:
    lines = report.summary(results()).splitlines()
    header = next(x for x in lines if "handler/s" in x)
    column = header.index(" batch ") + 1
    rows = {x.split()[0]: x for x in lines[lines.index(header) + 2 :][:2]}
    assert rows["enrich"][column:].split()[0] == "48.5"
    assert rows["dedup"][column:].split()[0] == "6.2"
