"""The benchmark's arithmetic, on numbers worked out by hand."""

from __future__ import annotations

import math

import pytest
from bench.pipeline import stats


def test_percentile_interpolates_between_ranks() -> None:
    values = [0.4, 0.1, 0.3, 0.2, 0.5]  # sorted: 0.1 .. 0.5
    assert stats.percentile(values, 0) == pytest.approx(0.1)
    assert stats.percentile(values, 50) == pytest.approx(0.3)
    assert stats.percentile(values, 100) == pytest.approx(0.5)
    assert stats.percentile(values, 90) == pytest.approx(0.46)  # rank 3.6: 0.4 + 0.6 * 0.1
    assert math.isnan(stats.percentile([], 99))


def test_crossing_is_linear_between_samples() -> None:
    times = [0.0, 1.0, 2.0, 3.0]
    counts = [0.0, 10.0, 30.0, 30.0]
    assert stats.crossing(times, counts, 20.0) == pytest.approx(1.5)
    assert stats.crossing(times, counts, 30.0) == pytest.approx(2.0)
    assert stats.crossing(times, counts, 31.0) is None


def test_sustained_rate_leaves_out_start_and_tail() -> None:
    # Slow start (5/s for 2 s), then 100/s, then a slow tail: the 10-90 % window sees only 100/s.
    times = [0.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 14.0]
    counts = [0.0, 10.0, 110.0, 210.0, 310.0, 410.0, 510.0, 610.0, 710.0, 810.0, 830.0]
    assert stats.sustained_rate(times, counts, 830.0) == pytest.approx(100.0)
    assert stats.sustained_rate(times, counts, 0.0) is None


def test_rates_over_a_trailing_window() -> None:
    times = [0.0, 1.0, 2.0, 3.0]
    counts = [0.0, 10.0, 30.0, 60.0]
    assert stats.rates(times, counts, window=2.0) == [
        (0.0, 0.0),
        (1.0, pytest.approx(10.0)),
        (2.0, pytest.approx(15.0)),
        (3.0, pytest.approx(25.0)),
    ]


def test_busy_rate_counts_only_intervals_with_work_waiting() -> None:
    times = [0.0, 1.0, 2.0, 3.0, 4.0]
    done = [0.0, 50.0, 100.0, 110.0, 110.0]
    backlog = [100.0, 50.0, 10.0, 0.0, 0.0]
    rate, busy = stats.busy_rate(times, done, backlog)
    assert busy == pytest.approx(2.0)
    assert rate == pytest.approx(50.0)
    assert stats.busy_rate(times, done, [0.0] * 5) == (None, 0.0)


def test_sustained_rate_needs_a_steady_state() -> None:
    # One batch of 64 done between two samples: no window to measure a rate over.
    assert stats.sustained_rate([0.0, 0.5, 1.0], [0.0, 0.0, 64.0], 64.0) is None


def test_first_to_saturate_compares_queues_per_article() -> None:
    articles = 1000.0
    loads = [
        # The burst lands on dedup first: a deep queue, but drained fast.
        stats.StageLoad("dedup", busy_rate=900.0, busy_seconds=12.0, peak_backlog=990, per_article=1.0),
        stats.StageLoad("enrich", busy_rate=100.0, busy_seconds=10.0, peak_backlog=800, per_article=1.0),
        # Events arrive in bursts behind the NLP: briefly "busy" at the arrival rate, never queued deep.
        stats.StageLoad("stories", busy_rate=30.0, busy_seconds=9.0, peak_backlog=60, per_article=0.4),
        stats.StageLoad("classify", busy_rate=None, busy_seconds=0.0, peak_backlog=64, per_article=1.0),
    ]
    assert stats.first_to_saturate(loads, run_seconds=12.0, articles=articles) == "enrich"
    # A stage that handles fewer records per article is judged per article: 30 events/s at 0.1
    # events per article is 300 articles/s, more than enrich's 100.
    deep_stories = [*loads[:2], stats.StageLoad("stories", 30.0, 11.0, 90, 0.1)]
    assert stats.first_to_saturate(deep_stories, run_seconds=12.0, articles=articles) == "enrich"
    slow_stories = [*loads[:2], stats.StageLoad("stories", 30.0, 11.0, 300, 0.4)]
    assert stats.first_to_saturate(slow_stories, run_seconds=12.0, articles=articles) == "stories"


def test_first_to_saturate_without_a_steady_queue_names_the_deepest() -> None:
    loads = [
        stats.StageLoad("dedup", None, 0.0, peak_backlog=10, per_article=1.0),
        stats.StageLoad("enrich", None, 0.0, peak_backlog=40, per_article=1.0),
    ]
    assert stats.first_to_saturate(loads, run_seconds=3.0, articles=50) == "enrich"
    assert stats.first_to_saturate([], run_seconds=3.0, articles=50) is None


def test_value_at_interpolates_a_sampled_counter() -> None:
    times, cpu = [10.0, 10.5, 11.0], [2.0, 2.4, 3.4]
    assert stats.value_at(times, cpu, 10.75) == pytest.approx(2.9)
    assert stats.value_at(times, cpu, 10.5) == pytest.approx(2.4)
    assert stats.value_at(times, cpu, 9.0) is None  # before the first sample: unknown
    assert stats.value_at(times, cpu, 11.5) is None
    assert stats.value_at([], [], 1.0) is None


def test_cpu_per_article_splits_spacy_from_the_rest() -> None:
    cpu = {"enrich": 6.0, "dedup": 2.0, "kafka": 1.5, "bench": 0.5}
    split = stats.cpu_per_article(cpu, 1000, spacy_ms_per_text=5.0)
    assert split is not None
    assert split.per_process == {"enrich": 6.0, "dedup": 2.0, "kafka": 1.5, "bench": 0.5}
    assert split.stack == pytest.approx(9.5)  # the bench process drives the run: not the stack's
    assert split.spacy == 5.0
    assert split.non_spacy == pytest.approx(4.5)  # 1 ms of enrich around spaCy, dedup, the broker
    assert split.non_spacy_ratio == pytest.approx(0.9)


def test_cpu_per_article_without_a_ceiling_or_articles() -> None:
    split = stats.cpu_per_article({"dedup": 1.0}, 500, spacy_ms_per_text=None)
    assert split is not None and split.stack == pytest.approx(2.0) and split.non_spacy is None
    assert stats.cpu_per_article({"dedup": 1.0}, 0, spacy_ms_per_text=5.0) is None
