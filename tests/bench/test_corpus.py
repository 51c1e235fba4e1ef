"""The benchmark's generated articles: valid, unique, of realistic length, and not look-alikes."""

from __future__ import annotations

import itertools
import json
import re
from datetime import UTC, datetime

from bench.pipeline.corpus import Corpus, place_names
from tests.support.schemas import errors

WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def test_same_seed_and_run_give_the_same_articles_and_new_runs_new_ids() -> None:
    a = Corpus("run-a", seed=3).drafts(50, "short")
    b = Corpus("run-a", seed=3).drafts(50, "short")
    c = Corpus("run-b", seed=3).drafts(50, "short")
    assert a == b
    assert {d.id for d in a}.isdisjoint({d.id for d in c})
    assert {d.url for d in a}.isdisjoint({d.url for d in c})


def test_articles_are_valid_records_with_unique_ids_and_urls() -> None:
    corpus = Corpus("valid", seed=5)
    drafts = corpus.drafts(200, "short") + corpus.drafts(30, "long")
    now = datetime.now(UTC)
    for draft in drafts:
        record = json.loads(draft.article(now).to_json())
        assert errors("article.json", record) == [], draft.title
        assert draft.article(now).text() == draft.text()
    assert len({d.id for d in drafts}) == len(drafts)
    assert len({d.url for d in drafts}) == len(drafts)


def test_severe_articles_never_repeat_a_place_and_ordinary_news_never_uses_theirs() -> None:
    corpus = Corpus("places", seed=2, severe_fraction=0.5)
    drafts = corpus.drafts(600, "short")
    severe = [d.place for d in drafts if d.kind == "severe"]
    others = {d.place for d in drafts if d.kind != "severe"}
    assert len(severe) > 200
    assert len(set(severe)) == len(severe)
    assert others.isdisjoint(severe)
    assert all(d.place in d.text() for d in drafts if d.kind == "severe")


def test_mix_follows_the_fractions() -> None:
    drafts = Corpus("mix", seed=4, severe_fraction=0.3, minor_fraction=0.2).drafts(2000, "short")
    share = {k: sum(d.kind == k for d in drafts) / len(drafts) for k in ("severe", "minor", "ordinary")}
    assert abs(share["severe"] - 0.3) < 0.04
    assert abs(share["minor"] - 0.2) < 0.04


def test_lengths_are_title_and_summary_or_full_text() -> None:
    corpus = Corpus("lengths", seed=6)
    short = [len(d.text().split()) for d in corpus.drafts(300, "short")]
    long = [len(d.text().split()) for d in corpus.drafts(60, "long")]
    assert 55 <= sum(short) / len(short) <= 75 and min(short) >= 40
    assert 500 <= sum(long) / len(long) <= 650 and min(long) >= 400
    assert all(not d.content for d in corpus.drafts(20, "short"))


def test_no_article_looks_like_a_copy_of_another() -> None:
    """Near-duplicate detection must not drop generated articles, or the benchmark measures less work.

    The check is harsher than a typical detector: Jaccard of word 3-shingles over the first 100 body
    words with every number and weekday removed, and a pair counts only when its figures do not
    contradict (one set contains the other), the way copies of a report look.
    """
    drafts = Corpus("lookalikes", seed=8).drafts(500, "short")

    def features(text: str) -> tuple[set[tuple[str, ...]], set[str]]:
        words = re.findall(r"[a-z0-9]+", text.lower())[:100]
        kept = [w for w in words if not w.isdigit() and w not in WEEKDAYS]
        markers = {w for w in words if w.isdigit() or w in WEEKDAYS}
        return {tuple(kept[i : i + 3]) for i in range(len(kept) - 2)}, markers

    feats = [features(d.content or d.summary) for d in drafts]
    copies = set()
    for (i, (a, ma)), (j, (b, mb)) in itertools.combinations(enumerate(feats), 2):
        if len(a & b) / len(a | b) >= 0.5 and (ma <= mb or mb <= ma):
            copies.update((i, j))
    assert len(copies) <= 0.01 * len(drafts), f"{len(copies)} of {len(drafts)} articles have a look-alike"


def test_gazetteer_order_spreads_consecutive_places_over_regions() -> None:
    places = place_names(seed=7)
    assert len(places) > 10_000
    first = places[:500]
    assert len({p.name for p in first}) == 500
    assert len({p.country for p in first}) > 50  # round robin over regions, not one country's list
    assert all(p.where.startswith(p.name) for p in first)


def test_places_stay_unique_beyond_the_gazetteer() -> None:
    corpus = Corpus("many", seed=1, severe_fraction=1.0, minor_fraction=0.0)
    half = len(corpus.places) // 2
    corpus._next_place = half - 2  # skip ahead: generating ten thousand articles is slow
    names = [corpus.draft("short").place for _ in range(4)]
    assert len(set(names)) == 4
    assert names[2].split(" ", 1)[0] == "North"
