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
    times: Sequence[float],
    counts: Sequence[float],
    total: float,
    lo: float = 0.1,
    hi: float = 0.9,
    min_samples: int = 4,
) -> float | None:
    """Records per second between the moments ``lo`` and ``hi`` of ``total`` were done.

    Leaving out the first and last tenth keeps start-up (consumer fetches, first batches) and the tail
    (partitions that finish at different times) out of the steady-state rate. None when fewer than
    ``min_samples`` samples fall in that window: a run of a batch or two has no steady state.
    """
    if total <= 0:
        return None
    t_lo = crossing(times, counts, lo * total)
    t_hi = crossing(times, counts, hi * total)
    if t_lo is None or t_hi is None or t_hi <= t_lo:
        return None
    if sum(1 for t in times if t_lo <= t <= t_hi) < min_samples:
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
    busy_rate: float | None  # records per second while backlogged
    busy_seconds: float
    peak_backlog: float  # records
    per_article: float  # records this stage handles per article (events per article for late stages)


def first_to_saturate(
    loads: Sequence[StageLoad],
    run_seconds: float,
    articles: float,
    min_busy_share: float = 0.2,
    min_backlog_share: float = 0.25,
) -> str | None:
    """The stage whose capacity, in articles per second, is lowest among those that really queued.

    Stages handle different records (articles, then events: fewer of them), so rates are compared
    per article. A stage counts as saturated when its queue held at least ``min_backlog_share`` of
    the run's articles and it was busy for ``min_busy_share`` of the run: a stage fed in bursts by
    a batching upstream is briefly "busy" at its arrival rate, which says nothing about its capacity.
    Without such a stage (a run too short to queue), the one whose queue grew largest.
    """
    if not loads or articles <= 0:
        return None
    saturated = [
        ld
        for ld in loads
        if ld.busy_rate is not None
        and ld.per_article > 0
        and ld.busy_seconds >= min_busy_share * run_seconds
        and ld.peak_backlog / ld.per_article >= min_backlog_share * articles
    ]
    if saturated:
        return min(saturated, key=lambda ld: (ld.busy_rate or 0.0) / ld.per_article).stage
    queued = [ld for ld in loads if ld.per_article > 0 and ld.peak_backlog > 0]
    if not queued:
        return None
    return max(queued, key=lambda ld: ld.peak_backlog / ld.per_article).stage


def ratio(value: float | None, reference: float | None) -> float | None:
    if value is None or not reference:
        return None
    return value / reference


def value_at(times: Sequence[float], values: Sequence[float], t: float) -> float | None:
    """A sampled counter's value at ``t``, linear between the samples around it; None outside them.

    CPU seconds are read every sample; the saturation window ends at the run's last change, between
    two samples, and the quiet period after it must not count.
    """
    if not times or t < times[0] or t > times[-1]:
        return None
    for i in range(1, len(times)):
        if times[i] >= t:
            t0, t1 = times[i - 1], times[i]
            if t1 <= t0:
                return values[i]
            return values[i - 1] + (values[i] - values[i - 1]) * (t - t0) / (t1 - t0)
    return values[0]


@dataclass(frozen=True)
class CpuPerArticle:
    """Where a run's CPU went, in CPU-milliseconds per article.

    ``spacy`` is spaCy's own cost per text, from the ceiling (the same texts, the same model and
    components); everything else the stack spent is the pipeline's own cost (``non_spacy``): Kafka,
    Faust, JSON, the light stages, and the enrichment stage's work around its spaCy call. On two
    cores with one enrichment worker, the pipeline reaches the ceiling only if ``non_spacy`` fits
    beside spaCy's core: ``non_spacy_ratio`` below 1.
    """

    per_process: dict[str, float]
    stack: float
    spacy: float | None
    non_spacy: float | None
    non_spacy_ratio: float | None  # non_spacy / spacy


def cpu_per_article(
    cpu_seconds: dict[str, float],
    articles: float,
    spacy_ms_per_text: float | None,
    outside: frozenset[str] = frozenset({"bench"}),
) -> CpuPerArticle | None:
    """CPU-ms per article of every process, of the stack (all but ``outside``) and its non-spaCy part."""
    if articles <= 0:
        return None
    per = {name: 1000.0 * cpu / articles for name, cpu in cpu_seconds.items()}
    stack = sum(v for name, v in per.items() if name not in outside)
    if spacy_ms_per_text is None or spacy_ms_per_text <= 0:
        return CpuPerArticle(per, stack, None, None, None)
    non_spacy = stack - spacy_ms_per_text
    return CpuPerArticle(per, stack, spacy_ms_per_text, non_spacy, non_spacy / spacy_ms_per_text)
