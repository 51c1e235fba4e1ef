"""Enrichment throughput against raw spaCy, on the same texts, in one run.

Measures articles per second for title+summary texts (~60 words) and full articles (~600 words):

* raw: ``nlp.pipe`` over the texts with exactly the pipeline enrichment uses (``herald.enrich.nlp.load``);
* herald: ``Enricher.enrich`` over the same articles (language detection, NER, places, quantities,
  actors, records), in batches of 64 like the stream stage.

Rounds alternate raw and herald so that load from other processes on a shared machine hits both;
the best round of each is reported. Prints the ratio (the bar: herald keeps >= 80% of raw) and the
worker's resident memory after loading the model, after building the gazetteer, and at the end.

``--record-only`` times only what enrichment adds after the model (``Enricher._record``: places,
quantities, actors, records) on docs parsed beforehand: CPU milliseconds per article, best of
``--rounds`` (5 is a good number there; it takes seconds).

    PYTHONPATH=services python bench/enrich_bench.py [--rounds 3] [--short 256] [--long 48] [--record-only]
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


def _rate(fn, n: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Articles per second of wall time and of this process's CPU time.

    On a machine shared with other work, wall time swings with their load; CPU time counts only what
    this process spent, so the ratio is taken on CPU time (both are printed).
    """
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return n / (time.perf_counter() - wall), n / (time.process_time() - cpu)


def run(
    articles: list[Article], pipeline, enricher: Enricher, rounds: int
) -> tuple[tuple[float, float], tuple[float, float]]:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in articles]

    def raw() -> None:
        for _ in pipeline.pipe(texts, batch_size=BATCH):
            pass

    def herald() -> None:
        for i in range(0, len(articles), BATCH):
            enricher.enrich(articles[i : i + BATCH])

    raw(), herald()  # warm-up: caches, lazy loads
    raw_best = herald_best = (0.0, 0.0)
    for _ in range(rounds):
        raw_best = max(raw_best, _rate(raw, len(texts)), key=lambda r: r[1])
        herald_best = max(herald_best, _rate(herald, len(articles)), key=lambda r: r[1])
    return raw_best, herald_best


def record_ms(articles: list[Article], pipeline, enricher: Enricher, rounds: int) -> float:  # type: ignore[no-untyped-def]
    """``Enricher._record``'s CPU milliseconds per article, the model's work done once beforehand."""
    texts = [a.text() for a in articles]
    docs = list(pipeline.pipe(texts, batch_size=BATCH))
    places, counts = enricher._finders()

    def records() -> None:
        for article, doc, text in zip(articles, docs, texts, strict=True):
            enricher._record(article, doc, text, places, counts)

    records()  # warm-up
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        cpu = time.process_time()
        records()
        best = min(best, time.process_time() - cpu)
    return 1000 * best / len(articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--short", type=int, default=256)
    parser.add_argument("--long", type=int, default=48)
    parser.add_argument("--record-only", action="store_true", help="time Enricher._record alone")
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
    if args.record_only:
        for name, arts in (("title+summary", short), ("full article", long)):
            ms = record_ms(arts, pipeline, enricher, args.rounds)
            print(f"{name:<14} {words(arts):4.0f} words | _record {ms:6.3f} CPU-ms per article")
        return 0
    ok = True
    for name, arts in (("title+summary", short), ("full article", long)):
        (raw_wall, raw_cpu), (herald_wall, herald_cpu) = run(arts, pipeline, enricher, args.rounds)
        ratio = herald_cpu / raw_cpu
        ok &= ratio >= 0.8
        print(
            f"{name:<14} {words(arts):4.0f} words | per CPU-second: raw spaCy {raw_cpu:6.1f} art/s, "
            f"herald {herald_cpu:6.1f} art/s, ratio {ratio:.2f} ({'ok' if ratio >= 0.8 else 'BELOW 0.80'}) "
            f"| wall: raw {raw_wall:6.1f} art/s, herald {herald_wall:6.1f} art/s, "
            f"ratio {herald_wall / raw_wall:.2f}"
        )
    end_mb = mb()
    print(
        f"memory (RSS): interpreter+imports {base:.0f} MiB, +model {model_mb - base:.0f} MiB, "
        f"+gazetteer {gaz_mb - model_mb:.0f} MiB, after runs {end_mb:.0f} MiB per worker"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
