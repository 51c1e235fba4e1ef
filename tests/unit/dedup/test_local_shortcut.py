"""The worker's local shortcut: messages for partitions a worker owns are answered in process.

Two workers split six partitions; each answers its own partitions' messages at once and hands the
rest to the other (as Kafka would). Decisions must be those of the protocol run message by message,
and held state must reach the tables once per batch, or not at all when it did not outlive it, and
never before the batch's outputs are on the broker.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, MutableMapping
from typing import Any

from tests.support.dedup_protocol import assert_safely_decided, cluster_articles

from herald.core.write_buffers import WriteBuffer
from herald.dedup.claims import ClaimIndex
from herald.dedup.gathering import Gatherer
from herald.dedup.local_bus import LocalBus
from herald.dedup.routing import DedupConfig, Dropped, Send, Unique
from herald.dedup.scatter import route_article

CFG = DedupConfig(partitions=6)


class Recording(MutableMapping[str, Any]):
    """A dict that counts the writes it receives, as a changelog would."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.writes = 0

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.writes += 1
        self.data[key] = value

    def __delitem__(self, key: str) -> None:
        self.writes += 1
        del self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


class Worker:
    """The protocol state a dedup worker holds, behind the staging its batches use."""

    def __init__(self, owns: set[int], rng: random.Random) -> None:
        self.owns = owns
        self.tables = (Recording(), Recording(), Recording())
        self.staged = tuple(WriteBuffer(t) for t in self.tables)
        claims = ClaimIndex(self.staged[0], CFG)
        gatherer = Gatherer(self.staged[1], self.staged[2], CFG)
        self.bus = LocalBus(
            claims, gatherer, pick=lambda ready: rng.choice(ready), local=lambda s: s.partition in owns
        )

    def batch(self, outputs: list[Any]) -> list[Any]:
        """One batch, its outputs acknowledged: its held state is written."""
        results = self.handle(outputs)
        self.outputs_acked()
        return results

    def handle(self, outputs: list[Any]) -> list[Any]:
        """A batch handled, its outputs sent but not yet acknowledged (as the agent runs a call)."""
        results = self.bus.answer_locally(outputs)
        for store in self.staged:
            store.keep()
        return results

    def outputs_acked(self) -> None:
        for store in self.staged:
            store.flush()

    @classmethod
    def taking_over(cls, dead: Worker, rng: random.Random) -> Worker:
        """The next owner of a dead worker's partitions: their state as its changelogs hold it."""
        heir = cls(dead.owns, rng)
        heir.tables = dead.tables
        heir.staged = tuple(WriteBuffer(t) for t in heir.tables)
        heir.bus = LocalBus(
            ClaimIndex(heir.staged[0], CFG),
            Gatherer(heir.staged[1], heir.staged[2], CFG),
            pick=lambda ready: rng.choice(ready),
            local=lambda s: s.partition in heir.owns,
        )
        return heir


def run_two_workers(articles: list[Any], rng: random.Random) -> tuple[list[Any], list[Worker], int]:
    """Articles go to the worker owning their input partition; remote sends cross over in batches."""
    workers = [Worker({0, 1, 2}, rng), Worker({3, 4, 5}, rng)]
    inbox: list[list[Any]] = [[], []]
    for a in articles:
        inbox[rng.randrange(2)].extend(route_article(a, CFG))
    decided: list[Any] = []
    crossed = 0
    while any(inbox):
        k = rng.randrange(2)
        if not inbox[k]:
            continue
        batch, inbox[k] = inbox[k], []
        for out in workers[k].batch(batch):
            if isinstance(out, Send):
                assert out.partition not in workers[k].owns, "a message for an owned partition left"
                inbox[1 - k].append(out)
                crossed += 1
            else:
                decided.append(out)
    return decided, workers, crossed


def test_two_workers_answering_their_own_partitions_decide_like_the_protocol() -> None:
    for seed in range(20):
        rng = random.Random(seed)
        originals, copies = cluster_articles()
        articles = originals + copies
        rng.shuffle(articles)
        decided, _, crossed = run_two_workers(articles, rng)
        assert_safely_decided(decided, articles, originals)
        assert crossed > 0, "the test needs messages for the other worker's partitions"


def test_a_worker_owning_every_partition_sends_nothing_and_catches_copies() -> None:
    rng = random.Random(7)
    worker = Worker(set(range(6)), rng)
    originals, copies = cluster_articles()
    first = worker.batch([o for a in originals for o in route_article(a, CFG)])
    second = worker.batch([o for a in copies for o in route_article(a, CFG)])
    assert not [o for o in first + second if isinstance(o, Send)]
    assert {o.article.id for o in first if isinstance(o, Unique)} == {a.id for a in originals}
    dropped = {o.article_id: o.duplicate_of for o in second if isinstance(o, Dropped)}
    assert dropped == {c.id: o.id for c, o in zip(copies, originals, strict=True)}


def test_gathers_decided_within_a_batch_never_reach_the_pending_table() -> None:
    worker = Worker(set(range(6)), random.Random(1))
    originals, _ = cluster_articles()
    worker.batch([o for a in originals for o in route_article(a, CFG)])
    claims, verdicts, pending = worker.tables
    assert pending.writes == 0 and not pending.data
    assert verdicts.writes == len({CFG.verdict_bucket(a.id) for a in originals})
    assert claims.writes == len(claims.data), "each touched claims bucket is written once"


def test_a_gather_still_waiting_at_the_end_of_a_batch_is_kept_until_decided() -> None:
    """Its replies come from another worker's partitions: the gather must survive a restart meanwhile."""
    rng = random.Random(3)
    original = cluster_articles()[0][0]
    home = CFG.verdict_partition(original.id)
    gathering, others = Worker({home}, rng), Worker(set(range(6)) - {home}, rng)
    probes = gathering.batch(route_article(original, CFG))
    assert probes and all(isinstance(o, Send) and o.topic == "probes" for o in probes)
    assert original.id in gathering.tables[2].data, "the waiting gather is on its table"
    replies = others.batch(probes)
    decided = gathering.batch(replies)
    assert [o.article.id for o in decided if isinstance(o, Unique)] == [original.id]
    assert not gathering.tables[2].data and gathering.tables[2].writes == 2  # written once, deleted


def test_staged_writes_are_held_coalesced_and_discarded_on_failure() -> None:
    store = Recording()
    store["kept"] = 1
    store.writes = 0
    staged = WriteBuffer(store)
    staged["a"] = 1
    staged["a"] = 2
    staged["b"] = 1
    del staged["b"]
    del staged["kept"]
    assert staged.get("a") == 2 and "b" not in staged and "kept" not in staged
    assert sorted(staged) == ["a"]
    assert store.writes == 0, "nothing reaches the store before flush"
    staged.discard()
    assert staged.get("kept") == 1 and "a" not in staged
    staged["a"] = 3
    del staged["kept"]
    assert staged.flush() == 2
    assert store.data == {"a": 3} and store.writes == 2


def test_a_worker_killed_before_its_decision_was_on_the_broker_leaves_it_to_be_made_again() -> None:
    """The verdict says the article went to news.unique: it must not outlive an output that did not.

    The gathering worker decides on the last reply from another worker, and is killed while the
    article is on its way to news.unique. Its successor starts from the tables and is redelivered the
    replies (their offsets were not committed): it must emit the article. Had the verdict been
    written first, the successor would find it and emit nothing (shown at the end).
    """
    rng = random.Random(5)
    original = cluster_articles()[0][0]
    home = CFG.verdict_partition(original.id)
    gathering, others = Worker({home}, rng), Worker(set(range(6)) - {home}, rng)
    replies = others.batch(gathering.batch(route_article(original, CFG)))
    assert replies and all(isinstance(r, Send) for r in replies), "the replies come through Kafka"

    decided = gathering.handle(replies)  # the article is sent; the worker dies before the broker acks
    assert [o.article.id for o in decided if isinstance(o, Unique)] == [original.id]
    assert gathering.tables[1].writes == 0, "no verdict reaches the changelog before its article"

    heir = Worker.taking_over(gathering, rng)
    again = heir.batch(replies)
    assert [o.article.id for o in again if isinstance(o, Unique)] == [original.id]

    written_first = Worker.taking_over(heir, rng)  # the verdict is on the tables now
    assert not [o for o in written_first.batch(replies) if isinstance(o, Unique)]


def test_a_failed_call_forgets_its_own_writes_and_keeps_the_batchs() -> None:
    store = Recording()
    store["kept"] = 1
    store.writes = 0
    staged = WriteBuffer(store)
    staged["a"] = 1
    staged.keep()  # a call that succeeded
    staged["a"] = 2
    staged["b"] = 1
    del staged["kept"]
    staged.undo()  # a call that failed
    assert staged.get("a") == 1 and "b" not in staged and staged.get("kept") == 1
    assert store.writes == 0
    assert staged.flush() == 1
    assert store.data == {"kept": 1, "a": 1}
