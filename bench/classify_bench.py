"""How much classification adds to enrichment, per article.

Runs the real enrichment stage (the Enricher over the spaCy model, batched as the worker batches)
and then ``classify`` on the same articles, and prints both costs per article and their ratio. The
articles are the labelled set in tests/data/classify (wire-style, 2-7 sentences), repeated to get
stable timings. CPU time is printed next to wall time because the benchmark machine is shared: CPU
time is what the classifier itself costs.

    PYTHONPATH=services python bench/classify_bench.py [--repeat 3] [--batch-size 64]

The speed bar: classification adds under 20% to the enrichment stage's per-article cost.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "classify"
SPLITS = ("articles_dev.yaml", "articles_heldout.yaml", "articles_blind.yaml", "articles_final.yaml")


def corpus(repeat: int) -> list:  # type: ignore[type-arg]
    from herald.core.records import Article, stable_id

    now = datetime.now(UTC)
    items = [
        it for name in SPLITS for it in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["articles"]
    ]
    return [
        Article(
            id=stable_id("bench", str(r), it["id"]),
            url=f"https://bench.invalid/{r}/{it['id']}",
            source="bench",
            title=it["title"],
            content=it["body"],
            published=now,
            fetched_at=now,
        )
        for r in range(repeat)
        for it in items
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="copies of the labelled set to run")
    parser.add_argument(
        "--batch-size", type=int, default=64, help="enrichment batch size (the worker's is 64)"
    )
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args()

    started = time.perf_counter()
    from herald.classify import rules  # compiling the rule patterns happens here, once per process

    import_s = time.perf_counter() - started
    from herald.enrich import nlp
    from herald.enrich.extract import Enricher

    enricher = Enricher(nlp.load(), batch_size=args.batch_size)
    articles = corpus(args.repeat)
    enricher.enrich(articles[: args.batch_size])  # warm-up: first-batch allocations are not per-article cost
    rules.classify(enricher.enrich(articles[:1])[0])

    wall, cpu = time.perf_counter(), time.process_time()
    enriched = enricher.enrich(articles)
    enrich_wall, enrich_cpu = time.perf_counter() - wall, time.process_time() - cpu

    per_article = []
    events = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for article in enriched:
        t = time.perf_counter()
        events += len(rules.classify(article))
        per_article.append(time.perf_counter() - t)
    classify_wall, classify_cpu = time.perf_counter() - wall, time.process_time() - cpu

    n = len(articles)
    quantiles = statistics.quantiles(per_article, n=100)
    result = {
        "articles": n,
        "events": events,
        "enrich_ms_per_article_wall": 1000 * enrich_wall / n,
        "enrich_ms_per_article_cpu": 1000 * enrich_cpu / n,
        "classify_ms_per_article_wall": 1000 * classify_wall / n,
        "classify_ms_per_article_cpu": 1000 * classify_cpu / n,
        "classify_ms_p50": 1000 * quantiles[49],
        "classify_ms_p95": 1000 * quantiles[94],
        "classify_ms_max": 1000 * max(per_article),
        "added_to_enrichment_pct_wall": 100 * classify_wall / enrich_wall,
        "added_to_enrichment_pct_cpu": 100 * classify_cpu / enrich_cpu,
        "classify_import_s": import_s,
    }
    print(
        f"articles: {n} (labelled set x{args.repeat}), events: {events}, enrichment batch size "
        f"{args.batch_size}"
    )
    print(
        f"enrichment:     {result['enrich_ms_per_article_wall']:7.2f} ms/article wall, "
        f"{result['enrich_ms_per_article_cpu']:7.2f} ms CPU"
    )
    print(
        f"classification: {result['classify_ms_per_article_wall']:7.2f} ms/article wall, "
        f"{result['classify_ms_per_article_cpu']:7.2f} ms CPU "
        f"(p50 {result['classify_ms_p50']:.2f}, p95 {result['classify_ms_p95']:.2f}, max "
        f"{result['classify_ms_max']:.2f} ms)"
    )
    print(
        f"classification adds {result['added_to_enrichment_pct_wall']:.1f}% (wall) / "
        f"{result['added_to_enrichment_pct_cpu']:.1f}% (CPU) to enrichment's per-article cost; bar: < 20%"
    )
    print(f"one-time cost of importing the rules: {import_s * 1000:.0f} ms")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
