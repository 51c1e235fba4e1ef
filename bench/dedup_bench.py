"""Dedup benchmark: per-article cost and state bytes per remembered article.

Runs the protocol the worker runs (fingerprint, claims, gather, verdicts; ``herald.dedup``) in
one process over dict stores, first to remember ``--remember`` articles, then times a measured batch
(unique articles, near copies and exact copies of remembered ones) against that state. Kafka and
Faust overhead are not included: this is the cost of the dedup logic itself.

State bytes are reported two ways:

* changelog bytes: keys plus values as they are written to the tables' changelog topics (what the
  broker keeps after compaction, and what a restarted worker reads back);
* in-process bytes: the Python objects the worker holds for that state (keys, values, dict slots).

Usage: ``PYTHONPATH=services python bench/dedup_bench.py [--remember 100000] [--measure 3000]``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from herald.core.records import Article, stable_id
from herald.dedup.claims import claim_records
from herald.dedup.fingerprint import NearParams, fingerprint
from herald.dedup.gathering import verdict_records
from herald.dedup.offline import Deduplicator
from herald.dedup.routing import DedupConfig

T0 = datetime(2026, 6, 1, tzinfo=UTC)


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(size)]


def text(rng: random.Random, words: list[str], n: int) -> str:
    # Zipf word frequencies (s = 1), as in real prose: the commonest word is about one in ten.
    picks = rng.choices(words, cum_weights=_cumulative(len(words)), k=n)
    numbers = [str(rng.randint(1, 500)) for _ in range(3)]
    return " ".join(picks[: n // 2] + numbers + picks[n // 2 :]) + "."


_CUM: dict[int, list[float]] = {}


def _cumulative(size: int) -> list[float]:
    if size not in _CUM:
        total, cum = 0.0, []
        for rank in range(1, size + 1):
            total += 1.0 / rank
            cum.append(total)
        _CUM[size] = cum
    return _CUM[size]


def make(i: int, body: str, title: str, minutes: float, source: str = "Wire") -> Article:
    fetched = T0 + timedelta(minutes=minutes)
    url = f"https://bench.example/{source}/{i}"
    return Article(
        id=stable_id("url", url),
        url=url,
        source=source,
        title=title,
        summary=body,
        published=fetched,
        fetched_at=fetched,
    )


def sizeof_store(store: dict[str, Any], prefix: str) -> tuple[int, int]:
    """(changelog bytes, in-process bytes) of one table held in ``store`` under ``prefix``."""
    changelog = inproc = n = 0
    for key, value in store.items():
        if not key.startswith(prefix):
            continue
        n += 1
        raw_key = key[len(prefix) :]
        changelog += len(raw_key) + 2 + len(value)  # JSON-quoted key, raw value bytes
        inproc += sys.getsizeof(raw_key) + sys.getsizeof(value)
    # Dict slots: CPython keeps ~1.5 entries of 24 bytes plus an index byte-width per key at this size.
    inproc += int(n * (24 * 1.5 + 4 * 3))
    return changelog, inproc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--remember", type=int, default=100_000)
    parser.add_argument("--measure", type=int, default=3_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    words = vocabulary(rng)
    config = DedupConfig()
    store: dict[str, Any] = {}
    dedup = Deduplicator(store, config)

    # Spread over six days so nothing expires within the default seven-day window.
    spacing = 6 * 24 * 60 / max(args.remember, 1)
    bodies: list[tuple[str, str]] = []
    started = time.perf_counter()
    for i in range(args.remember):
        body, title = text(rng, words, rng.randint(50, 120)), text(rng, words, 8)
        bodies.append((body, title))
        dedup.check(make(i, body, title, i * spacing))
        if i and i % 20_000 == 0:
            print(
                f"  remembered {i} articles ({(time.perf_counter() - started) / i * 1e3:.3f} ms each so far)",
                flush=True,
            )
    fill = (time.perf_counter() - started) / max(args.remember, 1)

    # The measured batch: a third unique, a third near copies, a third exact copies of remembered ones.
    # One article a second after the fill, each copy of a different remembered article, all within the
    # retention window.
    batch: list[tuple[str, str | None, Article]] = []
    end = args.remember * spacing
    picks = rng.sample(range(len(bodies)), k=min(len(bodies), args.measure))
    for j in range(args.measure):
        kind, at = j % 3, end + j / 60
        if kind == 0:
            batch.append(
                ("unique", None, make(10_000_000 + j, text(rng, words, 90), text(rng, words, 8), at))
            )
            continue
        i = picks[j % len(picks)]
        body, title = bodies[i]
        original = make(i, body, title, i * spacing).id
        if kind == 1:
            copy = make(
                20_000_000 + j,
                f"By a staff reporter. {body} More to follow.",
                "UPDATE 1-" + title,
                at,
                source="Copy",
            )
            batch.append(("near", original, copy))
        else:
            batch.append(("exact", original, make(30_000_000 + j, body, title, at, source="Mirror")))
    counts = {"unique": 0, "near": 0, "exact": 0}
    started, cpu = time.perf_counter(), time.process_time()
    found = []
    for _, _, art in batch:
        found.append(dedup.check(art))
    per_article = (time.perf_counter() - started) / max(args.measure, 1)
    per_article_cpu = (time.process_time() - cpu) / max(args.measure, 1)
    for (expected, original_id, _), verdict in zip(batch, found, strict=True):
        counts[expected] += verdict.duplicate_of == original_id and (verdict.kind or "unique") == expected

    started, cpu = time.perf_counter(), time.process_time()
    for _, _, art in batch[:1000]:
        fingerprint(art, NearParams())
    fp_cost = (time.perf_counter() - started) / min(1000, len(batch))
    fp_cpu = (time.process_time() - cpu) / min(1000, len(batch))

    remembered = verdict_records(dedup.gatherer.verdicts)  # type: ignore[arg-type]
    claims = claim_records(dedup.claims.store)  # type: ignore[arg-type]
    c_log, c_mem = sizeof_store(store, "claim:")
    v_log, v_mem = sizeof_store(store, "verdict:")
    p_log, p_mem = sizeof_store({k: str(v) for k, v in store.items() if k.startswith("pending:")}, "pending:")
    print(
        f"\nremembered articles: {remembered}  (claim records: {claims}, "
        f"{claims / max(remembered, 1):.1f} per article)"
    )
    print(f"per-article dedup cost while filling: {fill * 1e3:.3f} ms")
    print(
        f"per-article dedup cost with {remembered} remembered: {per_article * 1e3:.3f} ms wall, "
        f"{per_article_cpu * 1e3:.3f} ms CPU (fingerprint alone {fp_cost * 1e3:.3f} ms wall, "
        f"{fp_cpu * 1e3:.3f} ms CPU)"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        "measured batch recognised: "
        + ", ".join(f"{k} {counts[k]}/{sum(1 for b in batch if b[0] == k)}" for k in counts)
    )
    print(
        f"state, changelog bytes per remembered article: {(c_log + v_log + p_log) / max(remembered, 1):.0f} "
        f"(claims {c_log / max(remembered, 1):.0f}, verdicts {v_log / max(remembered, 1):.0f})"
    )
    print(
        f"state, in-process bytes per remembered article: {(c_mem + v_mem + p_mem) / max(remembered, 1):.0f} "
        f"(claims {c_mem / max(remembered, 1):.0f}, verdicts {v_mem / max(remembered, 1):.0f})"
    )
    print(f"pending gathers left: {sum(1 for k in store if k.startswith('pending:'))}")


if __name__ == "__main__":
    main()
