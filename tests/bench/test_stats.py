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


def test_first_to_saturate_prefers_measured_capacity() -> None:
    loads = [
        stats.StageLoad("dedup", busy_rate=900.0, busy_seconds=3.0, processing_capacity=5000.0),
        stats.StageLoad("enrich", busy_rate=120.0, busy_seconds=40.0, processing_capacity=150.0),
        # Behind the bottleneck: never backlogged, so only its handler capacity is known.
        stats.StageLoad("classify", busy_rate=None, busy_seconds=0.0, processing_capacity=80.0),
    ]
    # dedup was busy for too short a share of the run to count; classify's bound is not a measurement.
    assert stats.first_to_saturate(loads, run_seconds=50.0) == "enrich"
    unmeasured = [stats.StageLoad(ld.stage, None, 0.0, ld.processing_capacity) for ld in loads]
    assert stats.first_to_saturate(unmeasured, run_seconds=50.0) == "classify"
    assert stats.first_to_saturate([], run_seconds=50.0) is None
