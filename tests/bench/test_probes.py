"""Reading the stages' metrics, and deciding from samples when the pipeline has drained."""

from __future__ import annotations

from bench.pipeline.probes import StageCounts, parse_metrics
from bench.pipeline.runs import Sample, last_change, settled
from prometheus_client import CollectorRegistry, generate_latest

from herald.core.metrics import StageMetrics


def exposition(stage: str, topic: str, n_in: int, n_out: int, out_topic: str) -> str:
    """What a real stage serves on /metrics, from Herald's own metric classes."""
    registry = CollectorRegistry()
    metrics = StageMetrics.of(registry, stage)
    metrics.records_in.labels(stage, topic).inc(n_in)
    metrics.records_out.labels(stage, out_topic).inc(n_out)
    metrics.processing_seconds.labels(stage).observe(0.01)
    metrics.processing_seconds.labels(stage).observe(0.03)
    return generate_latest(registry).decode()


def test_counts_are_summed_over_processes_of_one_stage() -> None:
    counts = StageCounts()
    counts.add("enrich", parse_metrics(exposition("enrich", "news.unique", 40, 40, "news.enriched")))
    counts.add("enrich-2", parse_metrics(exposition("enrich", "news.unique", 25, 24, "news.enriched")))
    assert counts.records_in[("enrich", "news.unique")] == 65
    assert counts.stage_out("enrich") == 64
    assert counts.per_service_in == {"enrich": 40, "enrich-2": 25}
    assert counts.processing_count["enrich"] == 4
    assert counts.processing_sum["enrich"] == 0.08
    assert counts.topics() == {"news.unique", "news.enriched"}


def sample(t: float, consumed: float, end: int, delivered: int = 0) -> Sample:
    counts = StageCounts(records_in={("enrich", "news.unique"): consumed, ("dedup", "news.articles"): 100.0})
    return Sample(t, counts, {"news.unique": end, "news.articles": 100}, delivered, [])


def test_backlog_and_drained() -> None:
    busy = sample(0.0, consumed=60, end=100)
    assert busy.backlog("enrich") == 40
    assert busy.backlog("dedup") == 0
    assert not busy.drained()
    assert sample(1.0, consumed=100, end=100).drained()


def test_settled_needs_a_quiet_period_after_draining() -> None:
    samples = [sample(0.0, 60, 100), sample(1.0, 100, 100), sample(2.0, 100, 100)]
    assert not settled(samples, quiet_s=3.0)
    samples.append(sample(4.0, 100, 100))
    assert settled(samples, quiet_s=3.0)
    assert last_change(samples) == 1.0
    # A late alert is a change: the quiet period starts again.
    samples.append(sample(5.0, 100, 100, delivered=1))
    assert not settled(samples, quiet_s=3.0)
    # A service that does not answer is never taken for an idle one.
    silent = Sample(9.0, samples[-1].counts, samples[-1].ends, 1, ["delivery"])
    assert not settled([*samples, silent], quiet_s=3.0)
