"""``herald bench`` (also ``python -m bench.pipeline``): the pipeline benchmark, end to end.

Order of a full run, so each measurement sees the machine as quiet as this run can make it:

1. the ceiling: raw spaCy on the texts, in 1 and 2 processes, before anything else starts;
2. a fresh broker (wiped state), every service as its own process, a webhook receiver; warm-up;
3. latency: a fixed rate of title+summary articles for a fixed time, alerts timed at the receiver;
4. saturation: for each text length, a backlog sized to last about ``--saturation-seconds`` at the
   ceiling's rate, put on ``news.articles`` as fast as possible;
5. scale-out: more enrichment workers join the same group (six partitions), warm-up, saturation again.

Every duration and rate is an option; ``--quick`` shrinks them all to prove the harness works.
"""

from __future__ import annotations

import json
import logging
import math
import os
import platform
import shlex
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from . import stats

app = typer.Typer(add_completion=False, no_args_is_help=False, help=__doc__)

PHASES = ("ceiling", "latency", "saturation", "scale")
CEILING_TEXTS = {"short": 1000, "long": 300}  # the pool the ceiling cycles over, per length
# At least eight NLP batches of 64: fewer have no steady state to measure.
MIN_BACKLOG = {"short": 512, "long": 512}
WORKERS = ("dedup", "enrich", "classify", "novelty", "delivery")
# ``--light``: one `herald worker light` process runs dedup, classify and novelty.
WORKERS_LIGHT = ("light", "enrich", "delivery")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


@app.command()
def run(
    quick: Annotated[
        bool, typer.Option(help="Short everything (about a minute on a quiet machine) to prove the harness.")
    ] = False,
    texts: Annotated[
        str, typer.Option(help="Text lengths to measure: short (title+summary), long.")
    ] = "short,long",
    phases: Annotated[str, typer.Option(help=f"Phases to run, from: {', '.join(PHASES)}.")] = ",".join(
        PHASES
    ),
    ceiling_seconds: Annotated[float, typer.Option(help="Seconds each ceiling measurement runs.")] = 20.0,
    ceiling_processes: Annotated[str, typer.Option(help="spaCy process counts for the ceiling.")] = "1,2",
    saturation_seconds: Annotated[
        float, typer.Option(help="Size each saturation backlog to last this long at the ceiling's rate.")
    ] = 60.0,
    saturation_articles: Annotated[
        int, typer.Option(help="Backlog size of each saturation run (0: from --saturation-seconds).")
    ] = 0,
    latency_rate: Annotated[float, typer.Option(help="Articles per second in the latency run.")] = 20.0,
    latency_seconds: Annotated[float, typer.Option(help="Seconds the latency run feeds articles.")] = 150.0,
    latency_severe_fraction: Annotated[
        float,
        typer.Option(help="Share of alerting articles in the latency run (the alerts are the samples)."),
    ] = 0.3,
    severe_fraction: Annotated[
        float, typer.Option(help="Share of alerting articles in saturation runs.")
    ] = 0.25,
    minor_fraction: Annotated[
        float, typer.Option(help="Share of minor events (classified, no alert).")
    ] = 0.15,
    scale_workers: Annotated[int, typer.Option(help="Enrichment workers in the scale-out run.")] = 2,
    light: Annotated[
        bool,
        typer.Option(help="Run dedup, classify and novelty in one `herald worker light` process."),
    ] = False,
    partitions: Annotated[int, typer.Option(help="Partitions of every topic.")] = 6,
    sample_interval: Annotated[float, typer.Option(help="Seconds between probe samples.")] = 0.5,
    quiet_seconds: Annotated[
        float, typer.Option(help="A run has ended when nothing moved for this long (> the slowest batch).")
    ] = 6.0,
    drain_timeout: Annotated[
        float, typer.Option(help="Give up waiting for the pipeline to drain after this.")
    ] = 900.0,
    startup_timeout: Annotated[
        float, typer.Option(help="Seconds allowed for services to start and warm up.")
    ] = 300.0,
    nlp_batch_size: Annotated[
        int, typer.Option(help="nlp.pipe batch size of the ceiling (the stage uses 64).")
    ] = 64,
    broker_heap_mb: Annotated[int, typer.Option(help="Max heap of the broker's JVM.")] = 512,
    service_log_level: Annotated[str, typer.Option(help="HERALD_LOG_LEVEL of the services.")] = "INFO",
    setting: Annotated[
        list[str] | None,
        typer.Option(
            help="NAME=VALUE: a Herald setting (HERALD_NAME) for every service and the article producer, "
            "to compare settings on the same code; repeatable."
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the generated articles.")] = 1,
    out: Annotated[Path | None, typer.Option(help="Output directory (default .herald/bench/<time>).")] = None,
    keep_state: Annotated[bool, typer.Option(help="Keep the broker's data after the run.")] = False,
    progress: Annotated[bool, typer.Option(help="Progress bars on stderr.")] = True,
    plot: Annotated[bool, typer.Option(help="Write plot.png (matplotlib).")] = True,
    write_corpus: Annotated[
        Path | None,
        typer.Option(help="Only write --corpus-articles generated articles as JSONL here and exit."),
    ] = None,
    corpus_articles: Annotated[int, typer.Option(help="How many articles --write-corpus writes.")] = 500,
) -> None:
    """Benchmark the real pipeline on this machine: ceiling, saturation, latency, resources, scale-out."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # A fresh broker elects partition leaders just after the topics exist; the producer retries
    # those sends by itself, so its warnings are noise here.
    logging.getLogger("kafka").setLevel(logging.ERROR)
    from .corpus import Corpus

    lengths = _csv(texts)
    for length in lengths:
        if length not in ("short", "long"):
            raise typer.BadParameter(f"unknown text length {length!r}: use short, long")
    if write_corpus is not None:
        _write_corpus(
            Corpus("corpus", seed, severe_fraction, minor_fraction), write_corpus, corpus_articles, lengths
        )
        return
    if quick:
        lengths = ["short"]
        ceiling_seconds = min(ceiling_seconds, 4.0)
        saturation_seconds = min(saturation_seconds, 8.0)
        latency_seconds = min(latency_seconds, 15.0)
        quiet_seconds = min(quiet_seconds, 3.0)
    selected = _csv(phases)
    unknown = set(selected) - set(PHASES)
    if unknown:
        raise typer.BadParameter(
            f"unknown phase(s) {', '.join(sorted(unknown))}: choose from {', '.join(PHASES)}"
        )
    settings = _settings(setting or [])
    procs = sorted(
        {int(p) for p in _csv(ceiling_processes)} | ({scale_workers} if "scale" in selected else set())
    )
    given = dict(locals())
    options = {k: (str(v) if isinstance(v, Path) else v) for k, v in given.items() if k in _OPTION_NAMES}
    out_dir = out or Path(".herald/bench") / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out_dir.mkdir(parents=True, exist_ok=True)
    results = execute(
        out_dir=out_dir,
        options=options,
        lengths=lengths,  # type: ignore[arg-type]
        phases=selected,
        ceiling_seconds=ceiling_seconds,
        ceiling_processes=procs,
        saturation_seconds=saturation_seconds,
        saturation_articles=saturation_articles,
        latency_rate=latency_rate,
        latency_seconds=latency_seconds,
        latency_severe_fraction=latency_severe_fraction,
        severe_fraction=severe_fraction,
        minor_fraction=minor_fraction,
        scale_workers=scale_workers,
        light=light,
        partitions=partitions,
        sample_interval=sample_interval,
        quiet_seconds=quiet_seconds,
        drain_timeout=drain_timeout,
        startup_timeout=startup_timeout,
        nlp_batch_size=nlp_batch_size,
        broker_heap_mb=broker_heap_mb,
        service_log_level=service_log_level,
        settings=settings,
        seed=seed,
        keep_state=keep_state,
        progress=progress,
    )
    from . import report

    report.write_json(results, out_dir / "results.json")
    text = report.summary(results)
    (out_dir / "summary.txt").write_text(text)
    if plot and report.plot(results, out_dir / "plot.png"):
        text += f"plot: {out_dir / 'plot.png'}\n"
    text += f"results: {out_dir / 'results.json'}; service logs: {out_dir / 'logs'}\n"
    sys.stdout.write("\n" + text)


_OPTION_NAMES = {
    "quick",
    "texts",
    "phases",
    "ceiling_seconds",
    "ceiling_processes",
    "saturation_seconds",
    "saturation_articles",
    "latency_rate",
    "latency_seconds",
    "latency_severe_fraction",
    "severe_fraction",
    "minor_fraction",
    "scale_workers",
    "light",
    "partitions",
    "sample_interval",
    "quiet_seconds",
    "drain_timeout",
    "startup_timeout",
    "nlp_batch_size",
    "broker_heap_mb",
    "service_log_level",
    "setting",
    "seed",
    "out",
}


def _settings(pairs: list[str]) -> dict[str, str]:
    """``["producer_batch_bytes=16384"]`` -> ``{"HERALD_PRODUCER_BATCH_BYTES": "16384"}``."""
    settings: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"--setting takes NAME=VALUE, not {pair!r}")
        name = name.strip().upper().removeprefix("HERALD_")
        settings[f"HERALD_{name}"] = value
    return settings


def _write_corpus(corpus: Any, path: Path, n: int, lengths: list[str]) -> None:
    """Articles for ``herald analyze``: the check that generated articles raise alerts with today's rules."""
    now = datetime.now(UTC)
    path.parent.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, str] = {}
    with path.open("w") as f:
        for i in range(n):
            draft = corpus.draft(lengths[i % len(lengths)])
            kinds[draft.id] = draft.kind
            f.write(draft.article(now).to_json().decode() + "\n")
    path.with_suffix(".kinds.json").write_text(json.dumps(kinds))
    severe = sum(1 for k in kinds.values() if k == "severe")
    sys.stdout.write(
        f"wrote {n} articles ({severe} severe) to {path}; kinds in {path.with_suffix('.kinds.json')}\n"
    )


def _machine() -> dict[str, Any]:
    import psutil

    info: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "load_start": [round(x, 2) for x in os.getloadavg()],
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }
    try:
        import spacy

        from herald.enrich import nlp

        info["spacy"] = spacy.__version__
        info["model"] = nlp.MODEL
    except ImportError:
        info["spacy"] = None
    return info


def execute(
    *,
    out_dir: Path,
    options: dict[str, Any],
    lengths: list[Any],
    phases: list[str],
    ceiling_seconds: float,
    ceiling_processes: list[int],
    saturation_seconds: float,
    saturation_articles: int,
    latency_rate: float,
    latency_seconds: float,
    latency_severe_fraction: float,
    severe_fraction: float,
    minor_fraction: float,
    scale_workers: int,
    light: bool,
    partitions: int,
    sample_interval: float,
    quiet_seconds: float,
    drain_timeout: float,
    startup_timeout: float,
    nlp_batch_size: int,
    broker_heap_mb: int,
    service_log_level: str,
    settings: dict[str, str],
    seed: int,
    keep_state: bool,
    progress: bool,
) -> dict[str, Any]:
    """Run the selected phases and return every figure (JSON-ready)."""
    import psutil

    from . import ceiling, report, runs
    from .corpus import Corpus
    from .feed import Feeder
    from .probes import ResourceSampler
    from .stack import Stack

    run_id = uuid.uuid4().hex[:10]
    started = time.time()
    results: dict[str, Any] = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "run_id": run_id,
        "machine": _machine(),
        "options": options,
        "command": " ".join(["herald bench", *(shlex.quote(a) for a in _ARGV)]),
    }
    load = results["machine"]["load_start"][0]
    if load > 0.5 * (os.cpu_count() or 1):
        results["machine"]["warning"] = (
            f"the machine was busy at start (1-minute load {load:.1f} on {os.cpu_count()} CPUs): every rate "
            "and latency here is distorted by other work; texts per CPU-second and CPU-ms per article are "
            "the figures least affected"
        )
    corpus = Corpus(run_id, seed, severe_fraction, minor_fraction)
    # The ceiling cycles over the first drafts of each length; the 1-worker saturation run starts
    # with exactly these, so both measure the same texts.
    pools = {length: corpus.drafts(CEILING_TEXTS[length], length) for length in lengths}

    if "ceiling" in phases:
        results["ceiling"] = {}
        for length in lengths:
            by_n: dict[str, Any] = {}
            for n in ceiling_processes:
                if progress:
                    sys.stderr.write(
                        f"ceiling: spaCy on {length} texts in {n} process(es), {ceiling_seconds:g}s...\n"
                    )
                measured = ceiling.measure(
                    [d.text() for d in pools[length]], n, ceiling_seconds, nlp_batch_size, out_dir
                )
                by_n[str(n)] = measured.to_json()
            results["ceiling"][length] = by_n

    def ceiling_of(length: str, n: int) -> dict[str, Any] | None:
        return results.get("ceiling", {}).get(length, {}).get(str(n))

    def backlog_size(length: str, n: int) -> int:
        if saturation_articles > 0:
            return saturation_articles
        c = ceiling_of(length, n)
        if c is None:
            raise typer.BadParameter("without the ceiling phase, give --saturation-articles")
        return max(MIN_BACKLOG[length], math.ceil(c["rate"] * saturation_seconds))

    stack = Stack(
        out_dir,
        partitions=partitions,
        broker_heap_mb=broker_heap_mb,
        service_log_level=service_log_level,
        service_settings=settings,
    )
    resources = ResourceSampler(sample_interval)
    resources.track("bench", psutil.Process())
    needs_stack = any(p in phases for p in ("latency", "saturation", "scale"))
    ctx: runs.Context | None = None
    try:
        if needs_stack:
            seconds = stack.start_broker()
            results["broker_start_seconds"] = round(seconds, 1)
            broker = stack.broker_process()
            if broker:
                resources.track("kafka", broker)
            stack.start_receiver()
            for stage in WORKERS_LIGHT if light else WORKERS:
                svc = stack.add_worker(stage)
                if svc.ps:
                    resources.track(svc.name, svc.ps)
            resources.start()
            feeder = Feeder(stack.core_settings())
            ctx = runs.Context(
                stack,
                corpus,
                feeder,
                runs.Observer(stack),
                resources,
                interval_s=sample_interval,
                quiet_s=quiet_seconds,
                drain_timeout_s=drain_timeout,
                progress=progress,
            )
            results["warm_up_seconds"] = [round(runs.warm_up(ctx, startup_timeout), 1)]
        if ctx is not None and "latency" in phases:
            results["latency"] = runs.latency(ctx, latency_rate, latency_seconds, latency_severe_fraction)
        results["saturation"] = []
        if ctx is not None and "saturation" in phases:
            for length in lengths:
                n = backlog_size(length, 1)
                drafts = pools[length][:n] + corpus.drafts(max(0, n - len(pools[length])), length)
                res = runs.saturation(ctx, length, drafts, workers=1)
                _compare(res, ceiling_of(length, 1))
                results["saturation"].append(res)
        if ctx is not None and "scale" in phases and scale_workers > 1:
            for _ in range(scale_workers - 1):
                svc = stack.add_worker("enrich")
                if svc.ps:
                    resources.track(svc.name, svc.ps)
            results["warm_up_seconds"].append(round(runs.warm_up(ctx, startup_timeout), 1))
            for length in lengths:
                n = backlog_size(length, scale_workers)
                res = runs.saturation(ctx, length, corpus.drafts(n, length), workers=scale_workers)
                _compare(res, ceiling_of(length, scale_workers))
                results["saturation"].append(res)
    finally:
        if ctx is not None:
            ctx.feeder.close()
            ctx.observer.close()
        resources.stop()
        results["resources"] = _whole_run(resources)
        stack.stop(keep_state=keep_state)
    results["machine"]["load_end"] = [round(x, 2) for x in os.getloadavg()]
    results["seconds"] = round(time.time() - started, 1)
    results["stack_peak_rss_mb"] = results["resources"]["stack_peak_rss_mb"] if needs_stack else None
    results["targets"] = report.targets(results)
    return results


def _compare(run: dict[str, Any], ceiling: dict[str, Any] | None) -> None:
    """Put a saturation run next to the ceiling of as many spaCy processes as it had enrichment workers."""
    services = run["services"]
    analysed = run["analysed"] or 1
    nlp_cpu = sum(v["cpu_seconds"] for n, v in services.items() if n.startswith("enrich"))
    run["enrich_cpu_ms_per_article"] = round(1000 * nlp_cpu / analysed, 2)
    run["stack_cpu_ms_per_article"] = round(1000 * run["stack_cpu_seconds"] / analysed, 2)
    # What the stack's own CPU cost allows on this machine's cores if nothing else ran: independent of
    # how much of the machine other work took during the run (an estimate, not a measurement).
    if run["stack_cpu_ms_per_article"]:
        run["cpu_bound_rate"] = round((os.cpu_count() or 1) * 1000 / run["stack_cpu_ms_per_article"], 1)
    if ceiling is None:
        run["ceiling_rate"] = run["ratio_to_ceiling"] = run["nlp_cpu_ms_per_article"] = None
        _cpu_split(run)
        return
    run["ceiling_rate"] = round(ceiling["rate"], 2)
    run["nlp_cpu_ms_per_article"] = (
        round(1000 / ceiling["rate_per_cpu_second"], 2) if ceiling["rate_per_cpu_second"] else None
    )
    rate = run["throughput"]
    run["ratio_to_ceiling"] = round(rate / ceiling["rate"], 3) if rate and ceiling["rate"] else None
    # Load-independent view: spaCy's CPU cost per text against what the whole stack spent per article.
    if run["nlp_cpu_ms_per_article"]:
        run["nlp_share_of_stack_cpu"] = round(
            run["nlp_cpu_ms_per_article"] / run["stack_cpu_ms_per_article"], 3
        )
    _cpu_split(run)


def _cpu_split(run: dict[str, Any]) -> None:
    """Per process CPU-ms per article over the run's window, and the stack's non-spaCy part."""
    split = stats.cpu_per_article(
        {name: v["cpu_seconds"] for name, v in run["services"].items()},
        run["analysed"],
        run.get("nlp_cpu_ms_per_article"),
    )
    if split is None:
        return
    run["cpu_split"] = {
        "per_process_ms": {name: round(v, 3) for name, v in split.per_process.items()},
        "stack_ms": round(split.stack, 3),
        "spacy_ms": round(split.spacy, 3) if split.spacy is not None else None,
        "non_spacy_ms": round(split.non_spacy, 3) if split.non_spacy is not None else None,
        "non_spacy_to_spacy": round(split.non_spacy_ratio, 3) if split.non_spacy_ratio is not None else None,
    }


def _whole_run(resources: Any) -> dict[str, Any]:
    peaks = {name: round(v / 2**20, 1) for name, v in resources.peak.items()}
    cpu = resources.cpu()
    return {
        "services": {
            name: {"cpu_seconds": round(cpu.get(name, 0.0), 2), "peak_rss_mb": peaks.get(name, 0.0)}
            for name in sorted(set(peaks) | set(cpu))
        },
        "stack_peak_rss_mb": round(resources.peak_total / 2**20, 1),
    }


_ARGV: list[str] = []  # the command line, recorded in the results so a run can be reproduced


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``herald bench`` and ``python -m bench.pipeline``; returns the exit code."""
    _ARGV[:] = list(sys.argv[1:] if argv is None else argv)
    try:
        app(args=argv, prog_name="herald bench")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0
