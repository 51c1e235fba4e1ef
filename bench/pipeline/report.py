"""Turning a run's results into what people read: a table, targets met or not, JSON and a PNG plot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# The targets for a 2-core machine.
TARGET_RATIO = 0.8  # pipeline throughput at saturation / raw spaCy ceiling
TARGET_P99_S = 1.0  # end-to-end latency p99 at 20 articles per second
TARGET_STACK_MB = 2048  # the whole stack resident, broker included
EMM_DAY = 300_000  # articles a day EMM NewsBrief handles
TARGET_EMM_DAY_MIN = 40.0  # minutes to carry EMM's day


def _f(value: Any, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}{unit}"
    return f"{value}{unit}"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target, with the measured value and whether it is met (None: not measured)."""
    out: list[dict[str, Any]] = []
    for run in results.get("saturation", []):
        ratio = run.get("ratio_to_ceiling")
        out.append(
            {
                "target": f"{run['run']}: throughput >= {TARGET_RATIO:.0%} of the spaCy ceiling",
                "value": None if ratio is None else f"{ratio:.0%}",
                "met": None if ratio is None else ratio >= TARGET_RATIO,
            }
        )
        rate = run.get("throughput")
        if rate:
            minutes = EMM_DAY / rate / 60
            out.append(
                {
                    "target": f"{run['run']}: a day of EMM ({EMM_DAY:,} articles) "
                    f"in < {TARGET_EMM_DAY_MIN:.0f} min",
                    "value": f"{minutes:.0f} min",
                    "met": minutes < TARGET_EMM_DAY_MIN,
                }
            )
    lat = results.get("latency")
    if lat:
        p99 = lat["latency_seconds"]["p99"]
        out.append(
            {
                "target": f"end-to-end p99 <= {TARGET_P99_S:g} s "
                f"at {lat['rate']:g} articles/s ({lat['length']})",
                "value": None if p99 is None else f"{p99:.3f} s (n={lat['latency_seconds']['count']})",
                "met": None if p99 is None else p99 <= TARGET_P99_S,
            }
        )
    peak = results.get("stack_peak_rss_mb")
    if peak is not None:
        out.append(
            {
                "target": f"whole stack (broker included) < {TARGET_STACK_MB} MB resident",
                "value": f"{peak:.0f} MB",
                "met": peak < TARGET_STACK_MB,
            }
        )
    return out


def summary(results: dict[str, Any]) -> str:
    parts: list[str] = []
    m = results.get("machine", {})
    parts.append(
        f"Herald pipeline benchmark  {results.get('started_at', '')}\n"
        f"machine: {m.get('cpus')} CPUs, load average {m.get('load_start')} at start, "
        f"{m.get('load_end')} at end; "
        f"{m.get('memory_gb')} GB RAM; spaCy {m.get('spacy')} ({m.get('model')})"
    )
    if m.get("warning"):
        parts.append(f"WARNING: {m['warning']}")
    ceiling = results.get("ceiling", {})
    if ceiling:
        rows = [
            [
                length,
                str(c["processes"]),
                _f(c["rate"]),
                _f(c["rate_per_cpu_second"]),
                _f(c["cpu_seconds"] / c["seconds"] if c["seconds"] else None, 2),
                str(c["texts"]),
                ",".join(c["pipe_names"]),
            ]
            for length, by_n in ceiling.items()
            for c in by_n.values()
        ]
        parts.append(
            "CEILING  raw spaCy nlp.pipe on the same texts, same components\n"
            + _table(["texts", "procs", "texts/s", "texts/cpu-s", "cores", "n", "components"], rows)
        )
    sat = results.get("saturation", [])
    if sat:
        rows = [
            [
                r["run"],
                str(r["articles"]),
                _f(r["throughput"]),
                _f(r["throughput_sustained"]),
                _f(r["throughput_overall"]),
                _f(r.get("ceiling_rate")),
                _f(100 * r["ratio_to_ceiling"] if r.get("ratio_to_ceiling") is not None else None, 0, "%"),
                _f(r.get("stack_cpu_ms_per_article"), 1),
                _f(r.get("cpu_bound_rate"), 0),
                _f(r.get("nlp_cpu_ms_per_article"), 1),
                _f(100 * r["nlp_share_of_stack_cpu"] if r.get("nlp_share_of_stack_cpu") else None, 0, "%"),
                str(r["first_to_saturate"]),
                _f(r["stack_peak_rss_mb"], 0),
            ]
            for r in sat
        ]
        parts.append(
            "SATURATION  as fast as possible; articles/s through NLP and classification (sustained 10-90 %, "
            "else overall)\n"
            + _table(
                [
                    "run",
                    "articles",
                    "articles/s",
                    "sustained/s",
                    "overall/s",
                    "ceiling/s",
                    "ratio",
                    "stack cpu-ms/art",
                    "cpu-bound/s",
                    "nlp cpu-ms/art",
                    "nlp share",
                    "saturates first",
                    "stack MB",
                ],
                rows,
            )
        )
        for r in sat:
            rows = [
                [
                    stage,
                    str(s["records_in"]),
                    _f(s["mean_rate"]),
                    _f(s["busy_rate"]),
                    _f(s["busy_seconds"]),
                    _f(s["handler_capacity"]),
                    _f(s.get("mean_batch")),
                    str(s["peak_backlog"]),
                ]
                for stage, s in r["stages"].items()
            ]
            parts.append(
                f"  stages of {r['run']}\n"
                + _indent(
                    _table(
                        ["stage", "in", "mean/s", "busy/s", "busy s", "handler/s", "batch", "peak backlog"],
                        rows,
                    )
                )
            )
            if r.get("cpu_split"):
                parts.append(cpu_section(r))
    lat = results.get("latency")
    if lat:
        ls = lat["latency_seconds"]
        rows = [
            [hop, _f(v["p50"], 3), _f(v["p95"], 3), _f(v["p99"], 3), str(v["count"])]
            for hop, v in lat["hops"].items()
        ]
        parts.append(
            f"LATENCY  {lat['rate']:g} articles/s for {lat['seconds']:g} s ({lat['length']}), "
            "produced -> delivered\n"
            f"  alerts {lat['alerts']} (severe articles {lat['severe_articles']}, with an alert "
            f"{lat['severe_with_alert']}); p50 {_f(ls['p50'], 3)} s  p95 {_f(ls['p95'], 3)} s  "
            f"p99 {_f(ls['p99'], 3)} s  max {_f(ls['max'], 3)} s; delivery worker's own mean "
            f"{_f(lat['delivery_metric_mean_seconds'], 3)} s\n"
            + _indent(_table(["hop", "p50 s", "p95 s", "p99 s", "n"], rows))
        )
    res = results.get("resources")
    if res:
        rows = [
            [name, _f(v["cpu_seconds"], 1), _f(v["peak_rss_mb"], 0)]
            for name, v in sorted(res["services"].items())
        ]
        parts.append(
            "RESOURCES  whole benchmark, per process (CPU seconds; peak resident MB)\n"
            + _table(["process", "cpu s", "peak MB"], rows)
            + "\n  whole stack peak (sum of simultaneous RSS, broker included): "
            + f"{res['stack_peak_rss_mb']:.0f} MB"
        )
    rows = [
        [t["target"], str(t["value"]), {True: "met", False: "NOT met", None: "-"}[t["met"]]]
        for t in results.get("targets") or targets(results)
    ]
    if rows:
        parts.append("TARGETS\n" + _table(["target", "measured", ""], rows))
    return "\n\n".join(parts) + "\n"


def _indent(text: str, by: str = "  ") -> str:
    return "\n".join(by + line for line in text.splitlines())


def write_json(results: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(results, indent=1, sort_keys=False, default=str))


def plot(results: dict[str, Any], path: Path) -> bool:
    """Per-stage throughput over time for each run, and latency over time; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    from .stats import percentile, rates

    runs = list(results.get("saturation", []))
    lat = results.get("latency")
    panels = len(runs) + (2 if lat else 0)
    if panels == 0:
        return False
    fig, axes = plt.subplots(panels, 1, figsize=(10, 3.2 * panels), squeeze=False)
    i = 0
    for run in runs:
        ax = axes[i][0]
        i += 1
        tl = run["timeline"]
        # Cumulative counts: stages take batches (64 articles for NLP), so per-second rates are jagged.
        for stage, counts in tl["stage_in"].items():
            ax.plot(tl["t"], counts, label=stage, lw=1.2)
        if run.get("ceiling_rate") and tl["t"]:
            end = min(tl["t"][-1], run["analysed"] / run["ceiling_rate"])
            ax.plot([0, end], [0, end * run["ceiling_rate"]], "k--", lw=1, label="spaCy ceiling's pace")
        ax.set_title(f"{run['run']}: records taken in by each stage (cumulative)")
        ax.set_xlabel("seconds since the first article was produced")
        ax.set_ylabel("records")
        ax.legend(fontsize=7, ncol=4)
    if lat:
        ax = axes[i][0]
        tl = lat["timeline"]
        for stage, counts in tl["stage_in"].items():
            series = rates(tl["t"], counts, window=5.0)
            ax.plot([p[0] for p in series], [p[1] for p in series], label=stage, lw=1.2)
        ax.set_title(f"{lat['run']}: records in per second, per stage (5 s window)")
        ax.set_xlabel("seconds")
        ax.set_ylabel("records/s")
        ax.legend(fontsize=7, ncol=4)
        ax = axes[i + 1][0]
        pts = sorted(lat["points"])
        ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=6, alpha=0.6, label="one alert")
        window = 10.0
        roll = [
            (t, percentile([q[1] for q in pts if t - window <= q[0] <= t], 99))
            for t, _ in pts
            if t >= pts[0][0]
        ]
        if roll:
            ax.plot(
                [r[0] for r in roll],
                [r[1] for r in roll],
                color="r",
                lw=1,
                label=f"p99, trailing {window:g} s",
            )
        ax.axhline(TARGET_P99_S, color="k", ls="--", lw=1, label="target p99")
        ax.set_title("end-to-end latency: article produced -> alert delivered")
        ax.set_xlabel("seconds (article produced)")
        ax.set_ylabel("seconds")
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def cpu_section(run: dict[str, Any]) -> str:
    """CPU per article of each process over a saturation run's window, and the non-spaCy part."""
    split = run["cpu_split"]
    services = run["services"]
    idle = run.get("idle_cores") or {}
    rows = [
        [
            name,
            _f(services[name]["cpu_seconds"], 2),
            _f(services[name]["cores"], 2),
            _f(ms, 2),
            _f(idle.get(name), 3),
        ]
        for name, ms in sorted(split["per_process_ms"].items(), key=lambda kv: -kv[1])
    ]
    load = run.get("load_1min") or [None, None]
    line = f"stack {_f(split['stack_ms'], 2)} ms/article (the bench process not counted)"
    if split.get("spacy_ms") is not None:
        line += (
            f"; spaCy's own {_f(split['spacy_ms'], 2)} (the ceiling's CPU per text), the rest "
            f"{_f(split['non_spacy_ms'], 2)} = {_f(split['non_spacy_to_spacy'], 2)} x spaCy's"
        )
    return (
        f"  CPU per article of {run['run']}, saturation window only; 1-minute load "
        f"{_f(load[0], 1)} at start, {_f(load[1], 1)} at end\n"
        + _indent(_table(["process", "cpu s", "cores", "cpu-ms/art", "idle cores"], rows))
        + f"\n    {line}"
    )
