"""A golden check for enrichment speed-ups: every record field must stay byte-identical.

Enriches every item of the real-reporting development files (``tests/data/reporting/dev_*.yaml``:
title and body, as the classifier's evaluation reads them), of the enrichment label sets
(``tests/data/enrich/*.yaml``: title and summary) and the benchmark's long articles, and writes or
compares the full ``EnrichedArticle`` JSON of each (without ``enriched_at``, the only field that
depends on the clock). Take the snapshot on the code before a change, compare after it:

    PYTHONPATH=services python bench/enrich_golden.py --write /tmp/enrichperf-golden.json
    PYTHONPATH=services python bench/enrich_golden.py --check /tmp/enrichperf-golden.json

The snapshot stays out of git: it pins one model version and one gazetteer build, not behaviour.
The frozen test splits (``test_r*.yaml``) are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

from bench.enrich_bench import _article, corpora
from herald.core.records import Article, stable_id
from herald.enrich import gazetteer, nlp
from herald.enrich.extract import Enricher

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
BATCH = 64
FIXED = datetime(2025, 1, 1, tzinfo=UTC)


def _reporting() -> list[Article]:
    out = []
    for path in sorted((DATA / "reporting").glob("dev_*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            published = item.get("published") or FIXED
            out.append(
                Article(
                    id=stable_id("golden", item["id"]),
                    url=f"https://golden.invalid/{item['id']}",
                    source="golden",
                    title=item["title"],
                    content=item.get("body") or "",
                    published=published,
                    fetched_at=published,
                )
            )
    return out


def _labelled() -> list[Article]:
    out = []
    for path in sorted((DATA / "enrich").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            out.append(
                _article(f"{path.stem}-{item['id']}", item["title"], summary=item.get("summary") or "")
            )
    return out


def snapshot() -> dict[str, str]:
    """Each article's enriched record as JSON, by article id."""
    enricher = Enricher(nlp.load(), gazetteer.shared(), batch_size=BATCH)
    short, long = corpora(64, 16)
    # The bench builds its articles at the current time: pin it, the record copies it.
    articles = _reporting() + [
        a.model_copy(update={"published": FIXED, "fetched_at": FIXED}) for a in _labelled() + short + long
    ]
    out: dict[str, str] = {}
    for i in range(0, len(articles), BATCH):
        for record in enricher.enrich(articles[i : i + BATCH]):
            out[record.id] = record.model_dump_json(exclude={"enriched_at"})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, help="take the snapshot into this file")
    mode.add_argument("--check", type=Path, help="compare against this snapshot")
    args = parser.parse_args(argv)
    now = snapshot()
    if args.write:
        args.write.write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")
        print(f"wrote {len(now)} records to {args.write}")
        return 0
    golden: dict[str, str] = json.loads(args.check.read_text(encoding="utf-8"))
    differ = sorted(k for k in golden.keys() | now.keys() if golden.get(k) != now.get(k))
    for k in differ[:5]:
        old, new = golden.get(k) or "", now.get(k) or ""
        at = next(
            (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new))
        )
        print(
            f"{k}: differs at {at}:\n  was {old[max(0, at - 80) : at + 120]}"
            f"\n  now {new[max(0, at - 80) : at + 120]}"
        )
    print(f"{len(now)} records, {len(differ)} differ from {args.check}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
