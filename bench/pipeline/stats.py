"""Pure arithmetic over what the probes sampled: rates, percentiles, backlogs, the first stage to saturate.

No I/O and no clocks here, so every figure the benchmark prints can be checked by a unit test on
numbers made up by hand.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear between closest ranks (numpy's default method)."""
    if not values:
        return math.nan
    data = sorted(values)
    pos = (len(data) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def crossing(times: Sequence[float], counts: Sequence[float], level: float) -> float | None:
    """When a non-decreasing count first reached ``level`` (linear between samples); None if never."""
    for i, count in enumerate(counts):
        if count >= level:
            if i == 0 or counts[i - 1] == count:
                return times[i]
            t0, c0 = times[i - 1], counts[i - 1]
            return t0 + (times[i] - t0) * (level - c0) / (count - c0)
    return None


def sustained_rate(
    times: Sequence[float], counts: Sequence[float], total: float, lo: float = 0.1, hi: float = 0.9
) -> float | None:
    """Records per second between the moments ``lo`` and ``hi`` of ``total`` were done.

    Leaving out the first and last tenth keeps start-up (consumer fetches, first batches) and the tail
    (partitions that finish at different times) out of the steady-state rate.
    """
    if total <= 0:
        return None
    t_lo = crossing(times, counts, lo * total)
    t_hi = crossing(times, counts, hi * total)
    if t_lo is None or t_hi is None or t_hi <= t_lo:
        return None
    return (hi - lo) * total / (t_hi - t_lo)


def rates(times: Sequence[float], counts: Sequence[float], window: float = 2.0) -> list[tuple[float, float]]:
    """(time, records per second over the trailing ``window`` seconds) at every sample."""
    out: list[tuple[float, float]] = []
    j = 0
    for i, t in enumerate(times):
        while j < i and t - times[j] > window:
            j += 1
        if i > j and t > times[j]:
            out.append((t, (counts[i] - counts[j]) / (t - times[j])))
        else:
            out.append((t, 0.0))
    return out


def busy_rate(
    times: Sequence[float], done: Sequence[float], backlog: Sequence[float]
) -> tuple[float | None, float]:
    """A stage's throughput while it had work waiting the whole interval: its capacity, measured.

    Returns (records per busy second or None, busy seconds). An interval counts as busy when the
    stage's input backlog was above zero at both of its ends.
    """
    busy_t = 0.0
    busy_n = 0.0
    for i in range(1, len(times)):
        if backlog[i - 1] > 0 and backlog[i] > 0:
            busy_t += times[i] - times[i - 1]
            busy_n += done[i] - done[i - 1]
    return (busy_n / busy_t if busy_t > 0 else None), busy_t


@dataclass(frozen=True)
class StageLoad:
    stage: str
    busy_rate: float | None
    busy_seconds: float
    processing_capacity: float | None  # records per second of pure handler time (no Kafka, no Faust)


def first_to_saturate(
    loads: Sequence[StageLoad], run_seconds: float, min_busy_share: float = 0.2
) -> str | None:
    """The stage whose capacity is lowest: the one that limits the pipeline when the rate rises.

    Measured capacity (throughput while backlogged) is trusted for stages that were busy for at least
    ``min_busy_share`` of the run; a stage behind the bottleneck never builds a backlog, so for it only
    the handler-time capacity is known, which is an optimistic bound and is used only as a fallback.
    """
    measured = [
        ld
        for ld in loads
        if ld.busy_rate is not None and run_seconds > 0 and ld.busy_seconds >= min_busy_share * run_seconds
    ]
    if measured:
        return min(measured, key=lambda ld: ld.busy_rate or math.inf).stage
    bounded = [ld for ld in loads if ld.processing_capacity]
    if bounded:
        return min(bounded, key=lambda ld: ld.processing_capacity or math.inf).stage
    return None


def ratio(value: float | None, reference: float | None) -> float | None:
    if value is None or not reference:
        return None
    return value / reference
