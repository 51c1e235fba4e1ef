"""The scatter-gather protocol in memory: partitions as queues, delivered in arbitrary interleavings."""

from __future__ import annotations

import random
from datetime import timedelta

from tests.support.dedup_articles import article, report, syndicated
from tests.support.dedup_protocol import assert_safely_decided, cluster_articles

from herald.core.records import Article
from herald.dedup.claims import ClaimIndex, claim_records
from herald.dedup.gathering import Gatherer, verdict_records
from herald.dedup.local_bus import LocalBus
from herald.dedup.offline import Deduplicator
from herald.dedup.routing import DedupConfig, Dropped, Unique
from herald.dedup.scatter import scatter


def bus(pick: random.Random | None = None, **config: object) -> LocalBus:
    cfg = DedupConfig(partitions=6, **config)  # type: ignore[arg-type]
    picker = (lambda ready: pick.choice(ready)) if pick else None
    return LocalBus(ClaimIndex({}, cfg), Gatherer({}, {}, cfg), picker)


def run(b: LocalBus, articles: list[Article]) -> list[object]:
    for a in articles:
        b.post(scatter(a, b.claims.config))
    return b.run()


def test_copies_after_their_original_are_caught_whatever_the_interleaving() -> None:
    for seed in range(15):
        rng = random.Random(seed)
        b = bus(rng)
        originals, copies = cluster_articles()
        first = run(b, originals)
        assert {o.article.id for o in first if isinstance(o, Unique)} == {a.id for a in originals}
        second = run(b, copies)
        dropped = {o.article_id: o.duplicate_of for o in second if isinstance(o, Dropped)}
        assert dropped == {c.id: o.id for c, o in zip(copies, originals, strict=True)}
        assert not [o for o in second if isinstance(o, Unique)]


def test_concurrent_copies_never_drop_each_other() -> None:
    """All at once on six partitions: the earliest copy of each text always passes; no cycles."""
    for seed in range(25):
        rng = random.Random(seed)
        b = bus(rng)
        originals, copies = cluster_articles()
        articles = originals + copies
        rng.shuffle(articles)
        assert_safely_decided(run(b, articles), articles, originals)


def test_redelivery_is_re_emitted_identically() -> None:
    d = Deduplicator()
    original, copy = (
        article("https://wire/1", report("Brno", 7, "Monday")),
        article("https://copy/1", syndicated(report("Brno", 7, "Monday")), minutes=5),
    )
    assert not d.check(original).is_duplicate
    assert d.check(copy).duplicate_of == original.id
    again = d.bus.post(scatter(original, d.config)) or d.bus.run()
    assert [o for o in again if isinstance(o, Unique)] == [Unique(original)]
    again = d.bus.post(scatter(copy, d.config)) or d.bus.run()
    assert [o for o in again if isinstance(o, Dropped)] == [
        Dropped(copy.id, original.id, "near", redelivery=True)
    ]


def test_same_url_fetched_again_or_from_another_feed_is_an_exact_copy() -> None:
    d = Deduplicator()
    first = article("https://wire/1", report("Brno", 7, "Monday"))
    again = first.model_copy(
        update={"fetched_at": first.fetched_at + timedelta(hours=3), "source": "Aggregator"}
    )
    assert not d.check(first).is_duplicate
    verdict = d.check(again)
    assert verdict.duplicate_of == first.id and verdict.kind == "exact"


def test_exact_text_and_global_guid_across_feeds() -> None:
    d = Deduplicator()
    a = article("https://a/1", "A short item with the same words.", guid="urn:wire:77")
    b = article("https://b/2", "A short item with the same words.", minutes=1, source="B")
    c = article(
        "https://c/3",
        "Rewritten entirely by the syndicator, nothing shared.",
        minutes=2,
        source="C",
        guid="urn:wire:77",
    )
    assert not d.check(a).is_duplicate
    assert d.check(b).kind == "exact" and d.check(c).kind == "exact"


def test_same_template_with_other_figures_is_not_a_copy() -> None:
    d = Deduplicator()
    assert not d.check(article("https://wire/1", report("Brno", 7, "Monday"))).is_duplicate
    assert not d.check(article("https://wire/2", report("Brno", 11, "Tuesday"), minutes=60 * 24)).is_duplicate


def test_copies_are_counted_on_the_story_of_their_original() -> None:
    d = Deduplicator()
    original = article("https://wire/1", report("Brno", 7, "Monday"))
    early_copy = article("https://copy/1", syndicated(report("Brno", 7, "Monday")), minutes=3, source="Early")
    d.check(original)
    d.check(early_copy)
    story = "0" * 32
    notices = d.member(original.id, "fire", story)  # the story stage: the original's event joined a story
    assert [(n.story_id, n.article_id, n.source) for n in notices] == [(story, early_copy.id, "Early")]
    late_copy = article("https://copy/2", syndicated(report("Brno", 7, "Monday")), minutes=9, source="Late")
    d.check(late_copy)
    assert [(n.article_id, n.source) for n in d.drain_story_sources()] == [(late_copy.id, "Late")]


def test_forgets_after_retention_and_state_stays_bounded() -> None:
    config = DedupConfig(retention=timedelta(days=1), claim_buckets_log2=6, verdict_buckets_log2=4)
    d = Deduplicator({}, config)
    old = article("https://wire/old", report("Brno", 7, "Monday"))
    d.check(old)
    later = article("https://copy/old", syndicated(report("Brno", 7, "Monday")), minutes=2 * 24 * 60)
    assert not d.check(later).is_duplicate, "a copy of an article older than the window is news again"
    # Ten days of articles, 30 a day: what is held is about one window's worth, not the whole history.
    for i in range(300):
        d.check(
            article(
                f"https://wire/{i}",
                f"item {i} " + report(f"Town{i}", i, "Monday"),
                minutes=3 * 24 * 60 + i * 48,
            )
        )
    claims = claim_records(d.claims.store)  # type: ignore[arg-type]
    verdicts = verdict_records(d.gatherer.verdicts)  # type: ignore[arg-type]
    assert verdicts < 120 and claims < 120 * 18, (verdicts, claims)
    assert not d.gatherer.pending, "nothing is left half-decided"


def test_redelivered_url_copy_is_counted_once() -> None:
    d = Deduplicator()
    first = article("https://wire/1", report("Brno", 7, "Monday"))
    again = first.model_copy(
        update={"fetched_at": first.fetched_at + timedelta(hours=1), "source": "Aggregator"}
    )
    d.check(first)
    outputs = []
    for _ in range(2):  # Kafka delivers it twice
        d.bus.post(scatter(again, d.config))
        outputs += [o for o in d.bus.run() if isinstance(o, Dropped)]
    assert [o.redelivery for o in outputs] == [False, True]
    assert all(o.duplicate_of == first.id and o.kind == "exact" for o in outputs)


def test_a_lost_reply_is_healed_by_a_nudge() -> None:
    now = [1000.0]
    cfg = DedupConfig(partitions=6)
    b = LocalBus(ClaimIndex({}, cfg), Gatherer({}, {}, cfg, clock=lambda: now[0]))
    original, copy = cluster_articles()[0][0], cluster_articles()[1][0]
    run(b, [original])
    sends = scatter(copy, cfg)
    b.post([s for s in sends if not (s.topic == "probes" and s.value.part == 0)])  # a probe is lost
    assert not [o for o in b.run() if isinstance(o, Dropped)]
    assert copy.id in b.gatherer.pending
    assert b.gatherer.resend_stalled(older_than=30) == [], "too early to ask again"
    now[0] += 60
    b.post(b.gatherer.resend_stalled(older_than=30))
    assert [o.duplicate_of for o in b.run() if isinstance(o, Dropped)] == [original.id]
    assert not b.gatherer.pending


def test_a_gather_is_asked_again_ever_less_often_and_a_call_sends_at_most_its_limit() -> None:
    now = [1000.0]
    cfg = DedupConfig(partitions=1)
    b = LocalBus(ClaimIndex({}, cfg), Gatherer({}, {}, cfg, clock=lambda: now[0]))
    waiting = [waiting_article for group in cluster_articles() for waiting_article in group][:3]
    for waiting_article in waiting:  # every probe is still queued: the gathers wait
        b.gatherer.handle(next(s.value for s in scatter(waiting_article, cfg) if s.topic == "gather"))
    assert set(b.gatherer.pending) == {a.id for a in waiting}
    now[0] += 31
    assert len(b.gatherer.resend_stalled(older_than=30, limit=2)) == 2, "the limit caps one call"
    assert len(b.gatherer.resend_stalled(older_than=30, limit=2)) == 1, "the rest goes out on the next call"
    assert b.gatherer.resend_stalled(older_than=30) == [], (
        "each was asked once at 30 s; the next ask is at 60 s"
    )
    now[0] += 30
    assert len(b.gatherer.resend_stalled(older_than=30)) == 3
    now[0] += 50
    assert b.gatherer.resend_stalled(older_than=30) == [], "and then at 120 s"
    now[0] += 10
    assert len(b.gatherer.resend_stalled(older_than=30)) == 3


def test_only_live_gathers_of_owned_partitions_are_asked_again() -> None:
    """Another worker's gathers (standby copies) and leftovers of decided articles are not re-asked."""
    now = [1000.0]
    cfg = DedupConfig(partitions=6)
    b = LocalBus(ClaimIndex({}, cfg), Gatherer({}, {}, cfg, clock=lambda: now[0]))
    originals = cluster_articles()[0]
    for waiting_article in originals:  # every probe is still queued: the gathers wait
        b.gatherer.handle(next(s.value for s in scatter(waiting_article, cfg) if s.topic == "gather"))
    homes = {a.id: cfg.verdict_partition(a.id) for a in originals}
    mine = {homes[originals[0].id], homes[originals[1].id]}
    now[0] += 31
    asked = {s.value.article_id for s in b.gatherer.resend_stalled(older_than=30, owns=mine.__contains__)}  # type: ignore[union-attr]
    assert asked == {a.id for a in originals if homes[a.id] in mine}

    decided = originals[0]
    leftover = b.gatherer.pending[decided.id]
    run(b, [decided])
    assert b.gatherer.verdict(decided.id) is not None
    b.gatherer.pending[decided.id] = leftover  # its deletion never reached the changelog
    now[0] += 1000
    asked = {s.value.article_id for s in b.gatherer.resend_stalled(older_than=30)}  # type: ignore[union-attr]
    assert decided.id not in asked and asked


def test_a_candidate_that_never_answers_is_given_up() -> None:
    now = [1000.0]
    cfg = DedupConfig(partitions=6)
    b = LocalBus(ClaimIndex({}, cfg), Gatherer({}, {}, cfg, clock=lambda: now[0]))
    original, copy = cluster_articles()[0][0], cluster_articles()[1][0]
    # Its article message is lost, and so is the probe that carries it too.
    b.post([s for s in scatter(original, cfg) if s.topic == "probes" and s.value.part != 0])  # type: ignore[union-attr]
    b.run()
    assert not [o for o in run(b, [copy]) if isinstance(o, (Unique, Dropped))], "waits for the candidate"
    now[0] += 60
    b.post(b.gatherer.resend_stalled(older_than=30))
    assert not [o for o in b.run() if isinstance(o, (Unique, Dropped))], "still asks the candidate"
    now[0] += 600
    b.post(b.gatherer.resend_stalled(older_than=30))
    assert [o.article.id for o in b.run() if isinstance(o, Unique)] == [copy.id], "passes rather than waits"


def test_a_lost_article_message_arrives_with_its_first_reply() -> None:
    cfg = DedupConfig(partitions=6)
    b = LocalBus(ClaimIndex({}, cfg), Gatherer({}, {}, cfg))
    original = cluster_articles()[0][0]
    b.post([s for s in scatter(original, cfg) if s.topic == "probes"])  # the direct message is lost
    assert [o.article.id for o in b.run() if isinstance(o, Unique)] == [original.id]


def test_a_restarted_gatherer_decides_from_its_pending_record() -> None:
    cfg = DedupConfig(partitions=6)
    claims: dict[str, bytes] = {}
    verdicts: dict[str, bytes] = {}
    pending: dict[str, object] = {}
    original = cluster_articles()[0][0]
    sends = scatter(original, cfg)
    first = LocalBus(ClaimIndex(claims, cfg), Gatherer(verdicts, pending, cfg))
    first.post([s for s in sends if s.topic == "gather"])  # the article arrives, then the worker dies
    assert first.run() == [] and original.id in pending
    # A new process: the same tables (recovered from their changelogs), nothing held in memory.
    second = LocalBus(ClaimIndex(claims, cfg), Gatherer(verdicts, pending, cfg))
    second.post([s for s in sends if s.topic == "probes"])
    assert [o for o in second.run() if isinstance(o, Unique)] == [Unique(original)]
