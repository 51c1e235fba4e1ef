"""Enrichment throughput against raw spaCy, on the same texts, in one run.

Measures articles per second for title+summary texts (~60 words) and full articles (~600 words):

* raw: ``nlp.pipe`` over the texts with exactly the pipeline enrichment uses (``herald.enrich.nlp.load``);
* herald: ``Enricher.enrich`` over the same articles (language detection, NER, places, quantities,
  actors, records), in batches of 64 like the stream stage.

Rounds alternate raw and herald so that load from other processes on a shared machine hits both;
the best round of each is reported. Prints the ratio (the bar: herald keeps >= 80% of raw) and the
worker's resident memory after loading the model, after building the gazetteer, and at the end.

    PYTHONPATH=services python bench/enrich_bench.py [--rounds 3] [--short 256] [--long 48]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil
import yaml

from herald.core.records import Article, stable_id
from herald.enrich import gazetteer, nlp
from herald.enrich.extract import Enricher

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "enrich"
BATCH = 64


def _texts() -> list[tuple[str, str]]:
    items = []
    for name in ("labelled.yaml", "holdout.yaml"):
        items += yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["items"]
    return [(i["title"], i["summary"]) for i in items]


def _article(key: str, title: str, summary: str = "", content: str = "") -> Article:
    now = datetime.now(UTC)
    return Article(
        id=stable_id("bench", key),
        url=f"https://bench.invalid/{key}",
        source="bench",
        title=title,
        summary=summary,
        content=content,
        published=now,
        fetched_at=now,
    )


def corpora(n_short: int, n_long: int) -> tuple[list[Article], list[Article]]:
    """Short: title+summary as feeds give it (~60 words). Long: a title and ~600 words of body, built
    from sixteen consecutive items of the labelled sets (the same kinds of sentences, ten times longer)."""
    texts = _texts()
    short = []
    for k in range(n_short):
        title, summary = texts[k % len(texts)]
        more = texts[(k + 1) % len(texts)][1].split(". ")[0]  # feeds' summaries run two or three sentences
        short.append(_article(f"s{k}", title, summary=f"{summary} {more}."))
    long = []
    for k in range(n_long):
        parts = [texts[(k + j) % len(texts)] for j in range(16)]
        body = "\n\n".join(f"{t}. {s}" for t, s in parts)
        long.append(_article(f"l{k}", parts[0][0], content=body))
    return short, long


def _rate(fn, n: int) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    start = time.perf_counter()
    fn()
    return n / (time.perf_counter() - start)


def run(articles: list[Article], pipeline, enricher: Enricher, rounds: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in articles]

    def raw() -> None:
        for _ in pipeline.pipe(texts, batch_size=BATCH):
            pass

    def herald() -> None:
        for i in range(0, len(articles), BATCH):
            enricher.enrich(articles[i : i + BATCH])

    raw(), herald()  # warm-up: caches, lazy loads
    raw_best = herald_best = 0.0
    for _ in range(rounds):
        raw_best = max(raw_best, _rate(raw, len(texts)))
        herald_best = max(herald_best, _rate(herald, len(articles)))
    return raw_best, herald_best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--short", type=int, default=256)
    parser.add_argument("--long", type=int, default=48)
    args = parser.parse_args(argv)

    proc = psutil.Process()
    mb = lambda: proc.memory_info().rss / 2**20  # noqa: E731
    base = mb()
    t0 = time.perf_counter()
    pipeline = nlp.load()
    t1 = time.perf_counter()
    model_mb = mb()
    gaz = gazetteer.build()
    t2 = time.perf_counter()
    gc.collect()
    gaz_mb = mb()
    enricher = Enricher(pipeline, gaz, batch_size=BATCH)
    short, long = corpora(args.short, args.long)

    print(f"pipeline: {pipeline.pipe_names} (model {nlp.MODEL})")
    print(f"load: model {t1 - t0:.1f} s, gazetteer {t2 - t1:.1f} s ({len(gaz.names)} names)")
    words = lambda arts: sum(len(a.text().split()) for a in arts) / len(arts)  # noqa: E731
    ok = True
    for name, arts in (("title+summary", short), ("full article", long)):
        raw, herald = run(arts, pipeline, enricher, args.rounds)
        ratio = herald / raw
        ok &= ratio >= 0.8
        print(
            f"{name:<14} {words(arts):5.0f} words  raw spaCy {raw:7.1f} art/s  herald {herald:7.1f} art/s"
            f"  ratio {ratio:.2f}  ({'ok' if ratio >= 0.8 else 'BELOW 0.80'})"
        )
    end_mb = mb()
    print(
        f"memory (RSS): interpreter+imports {base:.0f} MiB, +model {model_mb - base:.0f} MiB, "
        f"+gazetteer {gaz_mb - model_mb:.0f} MiB, after runs {end_mb:.0f} MiB per worker"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
