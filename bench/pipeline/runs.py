"""The measured runs against a live stack: warm-up, saturation (as fast as possible) and latency (paced).

Every run samples the same probes on one clock: per-stage records in and out (/metrics), topic end
offsets, receiver deliveries, and CPU and memory of every process. A run ends when the pipeline has
settled: every stage has consumed everything on its input topics and nothing moved for a quiet
period (a batch that is being processed is invisible to the counters, so the quiet period must be
longer than the slowest batch; it is an option).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kafka import TopicPartition

from herald.core import topics

from . import stats
from .corpus import Corpus, Draft, Kind, Length
from .feed import Feeder
from .probes import MetricsProbe, OffsetProbe, ResourceSampler, StageCounts
from .stack import Stack

log = logging.getLogger("bench.runs")

WATCHED = (
    topics.ARTICLES.name,
    topics.UNIQUE.name,
    topics.ENRICHED.name,
    topics.CLASSIFIED.name,
    topics.EVENTS.name,
    topics.ALERTS.name,
    topics.DEADLETTER.name,
)
# Pipeline order, for tables; stages the metrics name that are not listed here go last.
STAGE_ORDER = ("dedup", "enrich", "classify", "stories", "novelty", "delivery")


@dataclass
class Sample:
    t: float
    counts: StageCounts
    ends: dict[str, int]
    delivered: int
    missing: list[str]

    def drained(self) -> bool:
        """Every stage has consumed every record on every topic it reads."""
        return all(self.ends.get(topic, 0) <= seen for (_, topic), seen in self.counts.records_in.items())

    def signature(self) -> tuple[Any, ...]:
        return (
            tuple(sorted(self.counts.records_in.items())),
            tuple(sorted(self.ends.items())),
            self.delivered,
        )

    def backlog(self, stage: str) -> float:
        return sum(
            max(0.0, self.ends.get(topic, 0) - seen)
            for (s, topic), seen in self.counts.records_in.items()
            if s == stage
        )


class Observer:
    """Samples the probes; metrics are read before offsets, so a record in between looks undrained."""

    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.metrics = MetricsProbe({s.name: s.metrics_port for s in stack.services})
        self.offsets = OffsetProbe(stack.bootstrap)

    def refresh_services(self) -> None:
        for svc in self.stack.services:
            if svc.name not in self.metrics.ports:
                self.metrics.add(svc.name, svc.metrics_port)

    def sample(self) -> Sample:
        counts, missing = self.metrics.read()
        ends = self.offsets.ends(set(WATCHED) | counts.topics())
        receiver = self.stack.receiver
        delivered = len(receiver.unique_ids()) if receiver else 0
        return Sample(time.time(), counts, ends, delivered, missing)

    def close(self) -> None:
        self.metrics.close()
        self.offsets.close()


def settled(samples: list[Sample], quiet_s: float) -> bool:
    """Drained, and nothing changed for ``quiet_s`` seconds."""
    if not samples or not samples[-1].drained() or samples[-1].missing:
        return False
    last = samples[-1]
    sig = last.signature()
    for s in reversed(samples):
        if s.signature() != sig:
            return False
        if last.t - s.t >= quiet_s:
            return True
    return False


def committed_all(sample: Sample, committed: dict[str, int]) -> bool:
    """Every topic a stage reads has its consumer group's commits at the end offset.

    Counters move when a batch starts, so a long NLP batch still being processed looks idle to them;
    the group commits its offsets only after the batch is done.
    """
    inputs = {topic for _, topic in sample.counts.records_in}
    return all(committed.get(topic, 0) >= sample.ends.get(topic, 0) for topic in inputs)


def last_change(samples: list[Sample]) -> float:
    """Time of the first sample that already showed the final state (the pipeline's finishing time)."""
    sig = samples[-1].signature()
    t = samples[-1].t
    for s in reversed(samples):
        if s.signature() != sig:
            break
        t = s.t
    return t


@dataclass
class Context:
    """Everything the runs share: the live stack, the probes, the corpus and the run's options."""

    stack: Stack
    corpus: Corpus
    feeder: Feeder
    observer: Observer
    resources: ResourceSampler
    interval_s: float = 0.5
    quiet_s: float = 5.0
    drain_timeout_s: float = 300.0
    progress: bool = True

    def wait_settled(self, samples: list[Sample], on_sample: Callable[[Sample], None] | None = None) -> None:
        """Sample until the pipeline is idle: drained, quiet, and every input offset committed."""
        deadline = time.monotonic() + self.drain_timeout_s
        while True:
            self.stack.check_alive()
            time.sleep(self.interval_s)
            sample = self.observer.sample()
            samples.append(sample)
            if on_sample:
                on_sample(sample)
            if settled(samples, self.quiet_s) and committed_all(sample, self.observer.offsets.committed()):
                return
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"the pipeline did not settle within {self.drain_timeout_s:.0f}s "
                    f"(backlogs: { {s: samples[-1].backlog(s) for s in samples[-1].counts.stages()} })"
                )


def _bar(enabled: bool, total: float, desc: str, unit: str) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, dynamic_ncols=True, leave=True)


def warm_up(ctx: Context, timeout_s: float, round_size: int = 12) -> float:
    """Feed small rounds of articles until every service has consumed some and an alert arrived.

    Returns the seconds it took. This also waits out consumer-group joins and rebalances (a second
    enrichment worker takes partitions from the first), so the measured runs start on a stack that
    is ready, then waits until the pipeline is idle again.
    """
    started = time.monotonic()
    ctx.observer.refresh_services()
    names = [s.name for s in ctx.stack.services]
    bar = _bar(ctx.progress, len(names) + 1, "warm-up", "ready")
    done = 0
    while True:
        ctx.stack.check_alive()
        kinds: list[Kind] = ["severe", "ordinary", "minor"]
        ctx.feeder.burst(ctx.corpus.draft("short", kinds[i % 3]) for i in range(round_size))
        time.sleep(2.0)
        sample = ctx.observer.sample()
        ready = [n for n in names if sample.counts.per_service_in.get(n, 0) > 0 and n not in sample.missing]
        now_done = len(ready) + (1 if sample.delivered > 0 else 0)
        if bar is not None:
            bar.update(now_done - done)
        done = now_done
        if now_done == len(names) + 1:
            break
        if time.monotonic() - started > timeout_s:
            if bar is not None:
                bar.close()
            waiting = [n for n in names if n not in ready] + ([] if sample.delivered else ["first alert"])
            raise TimeoutError(f"warm-up: still waiting for {', '.join(waiting)} after {timeout_s:.0f}s")
    if bar is not None:
        bar.close()
    ctx.wait_settled([sample])
    return time.monotonic() - started


def _cpu_table(
    ctx: Context, cpu0: dict[str, float], cpu1: dict[str, float], t0: float, t1: float, articles: int
) -> dict[str, Any]:
    samples = [s for s in ctx.resources.samples if t0 <= s.t <= t1]
    out: dict[str, Any] = {}
    seconds = max(t1 - t0, 1e-9)
    for name in sorted(cpu1):
        cpu = cpu1[name] - cpu0.get(name, 0.0)
        peak = max((s.rss.get(name, 0) for s in samples), default=0)
        out[name] = {
            "cpu_seconds": round(cpu, 3),
            "cores": round(cpu / seconds, 3),
            "cpu_ms_per_article": round(1000 * cpu / articles, 3) if articles else None,
            "peak_rss_mb": round(peak / 2**20, 1),
        }
    stack_totals = [sum(v for n, v in s.rss.items() if n != "bench") for s in samples]
    return {
        "services": out,
        "stack_peak_rss_mb": round(max(stack_totals, default=0) / 2**20, 1),
        "stack_cpu_seconds": round(sum(v["cpu_seconds"] for n, v in out.items() if n != "bench"), 3),
    }


def _stage_table(
    samples: list[Sample], base: Sample, seconds: float, articles: int
) -> tuple[dict[str, Any], str | None]:
    stages = base.counts.stages()
    stages = sorted(stages, key=lambda s: (STAGE_ORDER.index(s) if s in STAGE_ORDER else 99, s))
    times = [s.t for s in samples]
    out: dict[str, Any] = {}
    loads = []
    for stage in stages:
        done = [s.counts.stage_in(stage) - base.counts.stage_in(stage) for s in samples]
        backlog = [s.backlog(stage) for s in samples]
        busy, busy_s = stats.busy_rate(times, done, backlog)
        last = samples[-1].counts
        p_sum = last.processing_sum.get(stage, 0.0) - base.counts.processing_sum.get(stage, 0.0)
        p_count = last.processing_count.get(stage, 0.0) - base.counts.processing_count.get(stage, 0.0)
        capacity = p_count / p_sum if p_sum > 0 else None  # batches x (per-record seconds) -> records/s
        per_article = done[-1] / articles if done and articles else 0.0
        loads.append(stats.StageLoad(stage, busy, busy_s, max(backlog, default=0), per_article))
        out[stage] = {
            "records_in": int(done[-1]) if done else 0,
            "records_out": int(last.stage_out(stage) - base.counts.stage_out(stage)),
            "mean_rate": round(done[-1] / seconds, 2) if done and seconds > 0 else None,
            "busy_rate": round(busy, 2) if busy is not None else None,
            "busy_seconds": round(busy_s, 2),
            "handler_capacity": round(capacity, 1) if capacity else None,
            # records per handler call: how full the batches were that the stage was given (NLP is
            # cheaper per text in batches of 64 than of 4)
            "mean_batch": round(done[-1] / p_count, 1) if done and p_count > 0 else None,
            "peak_backlog": int(max(backlog, default=0)),
            "per_article": round(per_article, 3),
        }
    return out, stats.first_to_saturate(loads, seconds, articles)


def _timeline(samples: list[Sample], base: Sample, t0: float) -> dict[str, Any]:
    stages = base.counts.stages()
    return {
        "t": [round(s.t - t0, 3) for s in samples],
        "stage_in": {
            st: [s.counts.stage_in(st) - base.counts.stage_in(st) for s in samples] for st in stages
        },
        "backlog": {st: [s.backlog(st) for s in samples] for st in stages},
        "delivered": [s.delivered - base.delivered for s in samples],
    }


def saturation(ctx: Context, length: Length, drafts: list[Draft], workers: int) -> dict[str, Any]:
    """Put ``drafts`` on ``news.articles`` as fast as possible and time the pipeline through them."""
    articles = len(drafts)
    severe = sum(1 for d in drafts if d.kind == "severe")
    base = ctx.observer.sample()
    cpu0 = ctx.resources.cpu()
    load_start = os.getloadavg()[0]
    samples = [base]
    t0 = time.time()
    produced: dict[str, float] = {}

    def feed() -> None:
        produced["start"], produced["end"] = ctx.feeder.burst(drafts)

    feeder = threading.Thread(target=feed, name="bench-feed")
    feeder.start()
    bar = _bar(ctx.progress, articles, f"saturation {length} x{workers}", "art")
    classified = topics.ENRICHED.name

    def on_sample(sample: Sample) -> None:
        if bar is not None:
            done = sum(v for (_, t), v in sample.counts.records_in.items() if t == classified)
            done -= sum(v for (_, t), v in base.counts.records_in.items() if t == classified)
            bar.n = min(articles, int(done))
            bar.refresh()

    try:
        while feeder.is_alive():
            time.sleep(ctx.interval_s)
            samples.append(ctx.observer.sample())
            on_sample(samples[-1])
        feeder.join()
        ctx.wait_settled(samples, on_sample)
    finally:
        if bar is not None:
            bar.close()
    t_end = last_change(samples)
    cpu_settled, t_settled = ctx.resources.cpu(), time.time()
    cpu1 = _cpu_at(ctx, t_end, cpu_settled)
    load_end = os.getloadavg()[0]
    # The quiet period after the last change: what each process burns with nothing to do (timers,
    # commits, fetch polls, heartbeats), a cost per second rather than per article.
    quiet_s = t_settled - t_end
    idle_cores = {
        name: round((cpu_settled[name] - cpu1[name]) / quiet_s, 4) for name in cpu1 if quiet_s >= 1.0
    }
    window = [s for s in samples if s.t <= t_end + 1e-6]
    seconds = t_end - t0
    times = [s.t for s in window]
    # "Done" = articles the classifier has taken in: through NLP and into classification. Its
    # events are on news.events moments later (the run ends only when they are).
    done = [
        sum(v for (_, t), v in s.counts.records_in.items() if t == classified)
        - sum(v for (_, t), v in base.counts.records_in.items() if t == classified)
        for s in window
    ]
    last = window[-1]
    dedup_in = last.ends.get(topics.ARTICLES.name, 0) - base.ends.get(topics.ARTICLES.name, 0)
    unique = last.ends.get(topics.UNIQUE.name, 0) - base.ends.get(topics.UNIQUE.name, 0)
    total = done[-1] if done else 0
    sustained = stats.sustained_rate(times, done, total)
    stage_table, first = _stage_table(window, base, seconds, articles)
    events = last.ends.get(topics.EVENTS.name, 0) - base.ends.get(topics.EVENTS.name, 0)
    result = {
        "run": f"saturation-{length}-{workers}w",
        "length": length,
        "enrich_workers": workers,
        "articles": articles,
        "severe_articles": severe,
        "produced_seconds": round(produced.get("end", t0) - t0, 3),
        "duplicates_dropped": int(dedup_in - unique),
        "analysed": int(total),
        "events": int(events),
        "alerts_delivered": last.delivered - base.delivered,
        "seconds": round(seconds, 3),
        "throughput_sustained": round(sustained, 2) if sustained else None,
        "throughput_overall": round(total / seconds, 2) if seconds > 0 else None,
        # The headline: the steady-state rate when the run had one, else the whole run's average.
        "throughput": round(sustained or (total / seconds if seconds > 0 else 0.0), 2),
        "throughput_basis": "sustained (10-90 %)"
        if sustained
        else "overall (run too short for a steady state)",
        "events_per_second": round(events / seconds, 2) if seconds > 0 else None,
        "stages": stage_table,
        "first_to_saturate": first,
        "timeline": _timeline(window, base, t0),
        # Other work on the machine: CPU per article hardly moves with it, rates do.
        "load_1min": [round(load_start, 2), round(load_end, 2)],
        "cpu_window": "first article produced to the last change (the quiet period after it left out)",
        "idle_cores": idle_cores,
    }
    result.update(_cpu_table(ctx, cpu0, cpu1, t0, t_end, int(total)))
    return result


def _cpu_at(ctx: Context, t: float, fallback: dict[str, float]) -> dict[str, float]:
    """Each process's CPU seconds at ``t``, from the resource samples around it (else ``fallback``)."""
    samples = [s for s in ctx.resources.samples if s.cpu]
    out = dict(fallback)
    for name in fallback:
        points = [(s.t, s.cpu[name]) for s in samples if name in s.cpu]
        value = stats.value_at([p[0] for p in points], [p[1] for p in points], t)
        if value is not None:
            out[name] = value
    return out


def latency(
    ctx: Context, rate: float, seconds: float, severe_fraction: float, length: Length = "short"
) -> dict[str, Any]:
    """Feed a fixed rate for a fixed time; every delivered alert gives one end-to-end latency."""
    rng_corpus = ctx.corpus
    kinds_rng = rng_corpus.rng

    def drafts() -> Any:
        while True:
            kind: Kind = "severe" if kinds_rng.random() < severe_fraction else "ordinary"
            if kind == "ordinary" and kinds_rng.random() < rng_corpus.minor_fraction:
                kind = "minor"
            yield rng_corpus.draft(length, kind)

    sent_before = set(ctx.feeder.sent)
    base = ctx.observer.sample()
    start_offsets = ctx.observer.offsets.end_offsets(WATCHED)
    cpu0 = ctx.resources.cpu()
    samples = [base]
    stop = threading.Event()
    count: dict[str, int] = {}
    severe_ids: set[str] = set()
    stream = drafts()

    def tracked() -> Any:
        for d in stream:
            if d.kind == "severe":
                severe_ids.add(d.id)
            yield d

    t0 = time.time()
    feeder = threading.Thread(
        target=lambda: count.update(n=ctx.feeder.paced(tracked(), rate, seconds, stop)), name="bench-paced"
    )
    feeder.start()
    bar = _bar(ctx.progress, round(seconds), f"latency {rate:g}/s", "s")
    try:
        while feeder.is_alive():
            ctx.stack.check_alive()
            time.sleep(ctx.interval_s)
            samples.append(ctx.observer.sample())
            if bar is not None:
                bar.n = min(round(seconds), int(time.time() - t0))
                bar.refresh()
        ctx.wait_settled(samples)
    finally:
        stop.set()
        feeder.join()
        if bar is not None:
            bar.close()
    t_end = last_change(samples)
    cpu1 = ctx.resources.cpu()
    ids = set(ctx.feeder.sent) - sent_before
    receiver = ctx.stack.receiver
    first: dict[str, Any] = {}
    for d in list(receiver.deliveries) if receiver else []:
        if d.body.get("article_id") in ids and d.webhook_id not in first:
            first[d.webhook_id] = d
    from datetime import datetime

    points = []
    for d in first.values():
        fetched = datetime.fromisoformat(d.body["fetched_at"]).timestamp()
        points.append((fetched - t0, d.received_at - fetched, d.body["article_id"]))
    latencies = [p[1] for p in points]
    last = samples[-1]
    e2e_count = last.counts.e2e_count - base.counts.e2e_count
    e2e_sum = last.counts.e2e_sum - base.counts.e2e_sum
    window = [s for s in samples if s.t <= t_end + 1e-6]
    stage_table, _ = _stage_table(window, base, t_end - t0, count.get("n", 0))
    alerted = {p[2] for p in points}
    result = {
        "run": f"latency-{length}-{rate:g}per_s",
        "length": length,
        "rate": rate,
        "seconds": seconds,
        "articles": count.get("n", 0),
        "severe_articles": len(severe_ids),
        "alerts": len(points),
        "severe_with_alert": len(alerted & severe_ids),
        "other_with_alert": len(alerted - severe_ids),
        "latency_seconds": {
            "count": len(latencies),
            "p50": _r(stats.percentile(latencies, 50)),
            "p95": _r(stats.percentile(latencies, 95)),
            "p99": _r(stats.percentile(latencies, 99)),
            "max": _r(max(latencies, default=float("nan"))),
            "mean": _r(sum(latencies) / len(latencies)) if latencies else None,
        },
        "delivery_metric_mean_seconds": _r(e2e_sum / e2e_count) if e2e_count else None,
        "hops": _hops(ctx, start_offsets, points, first),
        "stages": stage_table,
        "points": [[round(p[0], 3), round(p[1], 4)] for p in points],
        "timeline": _timeline(window, base, t0),
    }
    result.update(_cpu_table(ctx, cpu0, cpu1, t0, t_end, count.get("n", 0)))
    return result


def _r(value: float) -> float | None:
    return None if value != value else round(value, 4)  # NaN -> None


def _hops(
    ctx: Context,
    start: dict[TopicPartition, int],
    points: list[tuple[float, float, str]],
    first: dict[str, Any],
) -> dict[str, Any]:
    """Where the time of an alerted article goes: Kafka timestamps of its records on each topic.

    Each stage's producer stamps the record when it sends it, so the differences are the time an
    article spent waiting for and inside each stage (clock: this machine's, for every process).
    """
    end = ctx.observer.offsets.end_offsets(WATCHED)
    wanted = {p[2] for p in points}
    stamps: dict[str, dict[str, float]] = {a: {} for a in wanted}
    for record in ctx.observer.offsets.read_range(start, end):
        topic = getattr(record, "topic", "")
        try:
            value = json.loads(getattr(record, "value", b"") or b"{}")
        except ValueError:
            continue
        article = value.get("article_id") or value.get("id")
        if article in stamps:
            ts = getattr(record, "timestamp", 0) / 1000.0
            prev = stamps[article].get(topic)
            stamps[article][topic] = ts if prev is None else min(prev, ts)
    order = [
        ("dedup", None, topics.UNIQUE.name),
        ("enrich", topics.UNIQUE.name, topics.ENRICHED.name),
        ("classify", topics.ENRICHED.name, topics.CLASSIFIED.name),
        ("stories", topics.CLASSIFIED.name, topics.EVENTS.name),
        ("novelty", topics.EVENTS.name, topics.ALERTS.name),
    ]
    hops: dict[str, list[float]] = {name: [] for name, _, _ in order}
    hops["delivery"] = []
    fetched_at = ctx.feeder.sent
    for d in first.values():
        article = d.body.get("article_id")
        st = stamps.get(article, {})
        prev_t = fetched_at.get(article)
        for name, _, out_topic in order:
            t = st.get(out_topic)
            if t is None or prev_t is None:
                prev_t = None
                continue
            hops[name].append(t - prev_t)
            prev_t = t
        if prev_t is not None:
            hops["delivery"].append(d.received_at - prev_t)
    return {
        name: {
            "count": len(v),
            "p50": _r(stats.percentile(v, 50)),
            "p95": _r(stats.percentile(v, 95)),
            "p99": _r(stats.percentile(v, 99)),
        }
        for name, v in hops.items()
    }
