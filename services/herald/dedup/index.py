"""Exact and near-duplicate detection across partitions: a scatter-gather protocol over keyed state.

Pure logic over dict-like stores (Faust tables in the worker, dicts in ``herald analyze`` and the
tests); the worker only moves the messages this module returns between Kafka partitions.

Why a protocol at all
---------------------
``news.articles`` is keyed by article id (the hash of the canonical URL), so two copies of one wire
report with different URLs sit on different partitions, owned by different workers. A table local to
the partition that reads the article can never see the other copy. So every fingerprint key gets an
owner partition, and an article *visits* the owners of its keys::

    news.articles (key: article id)          any partition, any worker
          │  front: fingerprint -> exact keys + 16 LSH band keys; no state
          ├──────────────► herald.dedup.probes      partition = claim bucket mod P
          │                 claims: bucket table  key -> earliest claimant (order, article id)
          │                          │ reply: the earlier claimants of my keys
          ▼                          ▼
    herald.dedup.gather      partition = verdict bucket of the article id mod P
          gather: pending[article] collects the article + one reply per probe, then decides:
            exact claimant           -> duplicate (exact) of the earliest one
            band claimants           -> VERIFY at the candidate's own gather partition,
                                        which compares signatures and answers VERIFIED
            nothing                  -> unique: news.unique
          verdicts: bucket table  article id -> decision, signature, copies, story memberships

    copy X of Y, different URLs:  X ─probe─► owner(band k) ◄─probe─ Y   the two meet at band k's owner

The same key always goes to the same partition (the bucket of a 64-bit key is a pure function of
it), whichever partition or worker the article came from, so candidates meet however the input is
spread. Nothing assumes one worker: each step's state is keyed by what routed the message there.

First-seen order, and why it makes the protocol safe under any interleaving
--------------------------------------------------------------------------
Partitions run concurrently, so two copies can be in flight at once and reach the owners of their
keys in different orders. If "first" meant "arrived first at this key", copy A could be first at one
key and copy B at another, and each would be dropped as the other's copy. Instead every article has
an **order**: the time Herald fetched it (microseconds), ties broken by article id. A claims bucket
keeps, per key, the claimant with the smallest order (and the latest few, see ``ClaimIndex``); an
article is a duplicate only of a claimant *earlier* than itself. A strict total order has no cycles,
so of any set of copies the earliest one is never dropped: no article is lost, whatever the
interleaving. The price: when a later-fetched copy is
decided before an earlier one reaches dedup (its partition lags by more than the fetch gap), both are
passed on. The protocol errs towards a repeated article, never towards a lost one.

Verification is deadlock-free for the same reason: an article only ever waits for the verdict of an
*earlier* article (the candidate parks the question until it is itself decided, so the answer names
the candidate's own original), and the chain of earlier articles is finite.

Idempotence under redelivery (Kafka is at-least-once)
-----------------------------------------------------
* A claim by an article already recorded (same order and id) changes nothing and gets the same reply.
* Replies, verifications, copies and memberships are stored as sets keyed by their origin.
* An article whose id already has a verdict with the *same* order is a redelivery: its decision is
  re-emitted identically (the unique article again, or the same copy notice). The same id with a
  *different* order is the same canonical URL fetched again or from another feed: an exact copy.

Failure semantics
-----------------
Every step is at-least-once (see ``herald.core.streams``) and idempotent, so a crash or rebalance
replays messages without changing decisions. Faust's at-least-once has gaps around rebalances (a
fetched message can be dropped while the offsets after it are committed), so the protocol does not
rely on every internal message arriving: the first probe carries the article as well, and its reply
brings it back should the direct message be lost; a timer re-sends what a gather has waited for too
long (``Gatherer.nudge``), and gives up on a candidate original that never answers (the article
passes as unique). A message a step cannot handle is dead-lettered by the stage plumbing.

State and retention
-------------------
Claims and verdicts live in **buckets**: a fixed number of table keys, each holding a compact blob of
records. A Faust table costs a changelog record and a Python object per key; bucketing makes a
remembered article cost about its raw bytes, and a bucket drops its records older than the retention
window (by first-seen order) whenever it is written. The number of keys is fixed, and each bucket only
holds what was seen within the window when it was last written, so memory stays bounded without a
sweeper. Pending gathers are deleted when decided.

A bucket holds more records the more articles are remembered, so what reads it must not cost per
record, or the per-article cost grows with the state: a claims bucket is 32-byte records (key, order,
article id) in first-seen order, where a key's records are found by a substring search, the oldest
record is the first and an in-order claim is an append (``ClaimIndex.claim``); a verdict bucket is
packed binary records (``herald.dedup.verdicts``) where an absent article costs one substring search
and a present one is decoded alone.
"""

from __future__ import annotations

import struct
import time
from collections import deque
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from typing import Any

from herald.core.heartbeat_markers import is_canary
from herald.core.records import Article

from . import verdicts as verdict_bucket
from .fingerprint import Fingerprint, NearParams, fingerprint, markers_agree, similarity
from .messages import (
    ArticleMsg,
    CopyMsg,
    Gather,
    GatherMsg,
    MemberMsg,
    Probe,
    ReplyMsg,
    StorySource,
    VerifiedMsg,
    VerifyMsg,
)

_RECORD = struct.Struct(">QQ16s")  # key, order (microseconds), article id
_KEY_ORDER = struct.Struct(">QQ")
_ORDER = struct.Struct(">Q")  # at offset 8 of a record
MAX_VERIFY = 12  # candidates verified per article: those sharing the most bands, then the earliest
MAX_COPIES = 200  # copies remembered per original (more are counted by the story, not listed)
MAX_ARRIVED = 10_000  # in-flight articles a gatherer keeps decoded (a cache: the pending table is the record)


@dataclass(frozen=True)
class DedupConfig:
    """The protocol's shape. ``partitions`` must be the partition count of the internal topics."""

    partitions: int = 1
    near: NearParams = field(default_factory=NearParams)
    retention: timedelta = timedelta(days=7)
    claim_buckets_log2: int = 18
    verdict_buckets_log2: int = 14

    @cached_property
    def retention_us(self) -> int:
        return int(self.retention.total_seconds() * 1_000_000)

    def claim_bucket(self, key: int) -> int:
        return key >> (64 - self.claim_buckets_log2)

    def claim_partition(self, key: int) -> int:
        return self.claim_bucket(key) % self.partitions

    def verdict_bucket(self, article_id: str) -> int:
        return int(article_id[:8], 16) & ((1 << self.verdict_buckets_log2) - 1)

    def verdict_partition(self, article_id: str) -> int:
        return self.verdict_bucket(article_id) % self.partitions

    # The partition that owns a table key: where its changelog records go (see the worker).

    def bucket_key_partition(self, bucket: str) -> int:
        """Claims and verdict buckets: the table key is the bucket number in hex."""
        return int(bucket, 16) % self.partitions

    def pending_key_partition(self, article_id: str) -> int:
        return self.verdict_partition(article_id)


def order_of(article: Article) -> int:
    """First-seen order: when Herald fetched this copy, in microseconds since the epoch."""
    return int(article.fetched_at.timestamp() * 1_000_000)


# ---------------------------------------------------------------------------------------------
# Outputs the worker turns into Kafka records


@dataclass(frozen=True)
class Send:
    """A protocol message for an internal topic, with the partition that owns its key."""

    topic: str  # "probes" or "gather"
    partition: int
    key: str
    value: Probe | GatherMsg


@dataclass(frozen=True)
class Unique:
    article: Article


@dataclass(frozen=True)
class Dropped:
    """An article recognised as a copy (for metrics and logs); ``kind`` is exact or near."""

    article_id: str
    duplicate_of: str
    kind: str
    redelivery: bool = False


Output = Send | Unique | Dropped | StorySource


# ---------------------------------------------------------------------------------------------
# Step 1: the front (stateless)


def front(article: Article, config: DedupConfig) -> list[Send | Unique]:
    """What the front emits for one article: its protocol messages, or, for the heartbeat's canary,
    the article itself, unique at once.

    The canary never enters the protocol: it claims no key (so no user article can ever be taken
    for a copy of it), waits for no verdict, and can never be dropped as a copy itself, however its
    text compares. A redelivered canary passes again; the same article gives the same event and
    alert ids downstream, and delivery's ledger skips the repeat.
    """
    if is_canary(article.tags):
        return [Unique(article)]
    return [*scatter(article, config)]


def scatter(article: Article, config: DedupConfig, fp: Fingerprint | None = None) -> list[Send]:
    """The probes for an article's keys, grouped by owner partition, and the article for its gather."""
    fp = fp or fingerprint(article, config.near)
    order = order_of(article)
    keys = [(k, True) for k in fp.exact] + [(k, False) for k in fp.bands]
    by_partition: dict[int, list[tuple[int, int, bool]]] = {}
    shift, partitions = 64 - config.claim_buckets_log2, config.partitions  # claim_partition, inlined
    for index, (key, exact) in enumerate(keys):
        by_partition.setdefault((key >> shift) % partitions, []).append((index, key, exact))
    msg = ArticleMsg.model_construct(
        target=article.id,
        article=article,
        order=order,
        parts=len(by_partition),
        signature=fp.signature.hex(),
        markers=list(fp.markers),
    )
    sends = [
        Send(
            "probes",
            p,
            f"p{p}",
            Probe.model_construct(
                article_id=article.id, order=order, part=part, items=items, carry=msg if part == 0 else None
            ),
        )
        for part, (p, items) in enumerate(sorted(by_partition.items()))
    ]
    return [_to_gather(config, msg), *sends]


def _to_gather(config: DedupConfig, msg: GatherMsg) -> Send:
    return Send("gather", config.verdict_partition(msg.target), msg.target, msg)


def joined_story(config: DedupConfig, article_id: str, event_type: str, story_id: str) -> Send:
    """The story stage's notice that an original joined a story (its copies are counted there)."""
    msg = MemberMsg(target=article_id, event_type=event_type, story_id=story_id)
    return _to_gather(config, msg)


# ---------------------------------------------------------------------------------------------
# Step 2: claims


class ClaimIndex:
    """Key -> its earliest claimant and the latest few, in buckets of 32-byte binary records.

    The earliest claimant is the candidate original. The latest few are kept as well because
    template-heavy wire copy (the same report with other figures, night after night) makes many
    different articles share a band: if only the earliest were kept, it would mask the true original
    of a copy that shares that band with both.
    """

    def __init__(self, store: MutableMapping[str, bytes], config: DedupConfig, keep_latest: int = 6) -> None:
        self.store = store
        self.config = config
        self.keep_latest = keep_latest
        self._shift = 64 - config.claim_buckets_log2
        self._retention = config.retention_us

    def handle(self, probe: Probe) -> list[Send]:
        claimants = []
        me = bytes.fromhex(probe.article_id)
        for index, key, exact in probe.items:
            for order, article_id in self.claim(key, probe.order, me):
                claimants.append((index, article_id, order, exact))
        reply = ReplyMsg.model_construct(
            target=probe.article_id,
            order=probe.order,
            part=probe.part,
            claimants=claimants,
            carry=probe.carry,
        )
        return [_to_gather(self.config, reply)]

    def claim(self, key: int, order: int, article_id: bytes) -> list[tuple[int, str]]:
        """Record ``article_id`` as a claimant of ``key``; return the earlier claimants remembered.

        A bucket's records are kept in first-seen order, so its oldest record is its first and the
        common cases touch no record but the key's own: they are found by a substring search (a hit
        off a record boundary is a coincidence inside another record, skipped), and a claim later
        than the bucket's last record, with nothing to forget, is appended. A bucket is rewritten
        (and sorted) only when a record has expired, a key has more claimants than are kept, or a
        claim comes out of order (a lagging partition).
        """
        bucket = f"{key >> self._shift:05x}"  # config.claim_bucket(key), inlined: 18 calls an article
        blob = self.store.get(bucket) or b""
        horizon = order - self._retention
        mine: list[tuple[int, bytes]] = []
        needle = key.to_bytes(8, "big")
        at = blob.find(needle)
        while at >= 0:
            if not at % _RECORD.size:
                _, rec_order, rec_id = _RECORD.unpack_from(blob, at)
                if rec_order >= horizon:
                    mine.append((rec_order, rec_id))
            at = blob.find(needle, at + 1)
        me = (order, article_id)
        if me in mine:  # a redelivery: nothing to record, unless there is something to forget
            if _ORDER.unpack_from(blob, 8)[0] < horizon:
                self.store[bucket] = self._rewrite(blob, key, sorted(mine), horizon)
        elif (
            len(mine) <= self.keep_latest
            and (not blob or _ORDER.unpack_from(blob, len(blob) - 24)[0] <= order)
            and (not blob or _ORDER.unpack_from(blob, 8)[0] >= horizon)
        ):
            self.store[bucket] = blob + _RECORD.pack(key, order, article_id)
        else:
            self.store[bucket] = self._rewrite(blob, key, sorted([*mine, me]), horizon)
        return [(o, i.hex()) for o, i in sorted(mine) if (o, i) < me] if mine else []

    def _rewrite(self, blob: bytes, key: int, claimants: list[tuple[int, bytes]], horizon: int) -> bytes:
        """The bucket without expired records, with ``key``'s earliest claimant and its latest few,
        in first-seen order."""
        size = _RECORD.size
        records = []
        for offset in range(0, len(blob), size):
            rec_key, rec_order = _KEY_ORDER.unpack_from(blob, offset)
            if rec_key != key and rec_order >= horizon:
                records.append(blob[offset : offset + size])
        kept = claimants[:1] + claimants[1:][-self.keep_latest :]  # the earliest, and the latest few
        records += [_RECORD.pack(key, o, i) for o, i in kept]
        records.sort(key=lambda r: r[8:16])  # big-endian: byte order is numeric order
        return b"".join(records)


def claim_records(store: MutableMapping[str, bytes]) -> int:
    return sum(len(v) // _RECORD.size for v in store.values())


# ---------------------------------------------------------------------------------------------
# Step 3: gather, verify, decide


@dataclass
class Verdict:
    duplicate_of: str | None
    kind: str | None  # "exact" or "near" for copies

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None


class Gatherer:
    """Collects what an article's probes found, verifies near candidates, decides, remembers.

    ``verdicts`` maps a verdict bucket to its packed records (see ``herald.dedup.verdicts``);
    ``pending`` maps an article id to the gather in progress (deleted once decided).
    """

    def __init__(
        self,
        verdicts: MutableMapping[str, bytes],
        pending: MutableMapping[str, Any],
        config: DedupConfig,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.verdicts = verdicts
        self.pending = pending
        self.config = config
        self.clock = clock
        # How many times each pending gather was asked again (in memory: a restart only asks sooner).
        self._asked: dict[str, int] = {}
        # The in-flight articles as the objects they arrived as, so a decision does not rebuild the
        # article from its pending record (which is there for recovery; a miss falls back to it).
        self._arrived: dict[str, Article] = {}

    # -- verdict buckets ---------------------------------------------------------------------

    def _bucket_key(self, article_id: str) -> str:
        return f"{self.config.verdict_bucket(article_id):04x}"

    def verdict(self, article_id: str) -> dict[str, Any] | None:
        """The record of a remembered article (see ``verdicts.pack`` for its fields), else None."""
        blob = self.verdicts.get(self._bucket_key(article_id))
        return verdict_bucket.read(blob, bytes.fromhex(article_id)) if blob else None

    def _store_verdict(self, article_id: str, rec: dict[str, Any], now: int | None) -> None:
        key = self._bucket_key(article_id)
        horizon = None if now is None else now - self.config.retention_us
        blob = self.verdicts.get(key) or b""
        self.verdicts[key] = verdict_bucket.put(blob, bytes.fromhex(article_id), rec, horizon)

    # -- dispatch ------------------------------------------------------------------------------

    def handle(self, msg: GatherMsg | Gather) -> list[Output]:
        if isinstance(msg, Gather):
            msg = msg.root
        if isinstance(msg, ArticleMsg):
            return self._on_article(msg)
        if isinstance(msg, ReplyMsg):
            return self._on_reply(msg)
        if isinstance(msg, VerifyMsg):
            return self._on_verify(msg)
        if isinstance(msg, VerifiedMsg):
            return self._on_verified(msg)
        if isinstance(msg, CopyMsg):
            return self._on_copy(msg)
        return self._on_member(msg)

    def _pending(self, article_id: str) -> dict[str, Any]:
        found = self.pending.get(article_id)
        if found is None:
            return {"a": None, "r": {}, "v": None, "w": [], "c": [], "t": self.clock()}
        return dict(found)

    def _on_article(self, msg: ArticleMsg) -> list[Output]:
        article = msg.article
        rec = self.verdict(article.id)
        if rec is not None:
            if rec["o"] == msg.order:
                return self._replay(article, rec)
            # Same canonical URL seen before (another feed, or fetched again): an exact copy. It is
            # listed on the record (a dropped copy's record lists them only to know a redelivery).
            entry = [article.id, msg.order, article.source, article.url, "exact"]
            root = rec["d"] or article.id
            if entry in rec["c"]:  # this very copy, redelivered
                return [Dropped(article.id, root, "exact", redelivery=True)]
            if len(rec["c"]) < MAX_COPIES:
                rec["c"].append(entry)
            self._store_verdict(article.id, rec, None)
            if rec["d"]:
                return self._copy_of(article, msg.order, root, "exact")
            return [Dropped(article.id, root, "exact"), *self._sources_for(article.id, rec, [entry])]
        p = self._pending(article.id)
        if p["a"] is not None:
            if p["o"] != msg.order:  # the same URL while the first copy is still in flight
                entry = [article.id, msg.order, article.source, article.url, "exact"]
                if entry in p["c"]:
                    return [Dropped(article.id, article.id, "exact", redelivery=True)]
                p["c"] = [*p["c"], entry]
                self.pending[article.id] = p
                return [Dropped(article.id, article.id, "exact")]
            return []  # redelivered while still in flight: its replies are on their way
        p.update(a=article.model_dump(mode="json"), o=msg.order, n=msg.parts, s=msg.signature, m=msg.markers)
        self._arrive(article)
        return self._advance(article.id, p)

    def _arrive(self, article: Article) -> None:
        if len(self._arrived) >= MAX_ARRIVED:  # gathers another worker took over: forget the oldest
            del self._arrived[next(iter(self._arrived))]
        self._arrived[article.id] = article

    def _on_reply(self, msg: ReplyMsg) -> list[Output]:
        if self.verdict(msg.target) is not None:
            return []
        p = self._pending(msg.target)
        carry = msg.carry
        if carry is not None and p["a"] is None:  # the article's direct message was lost, or is late
            p.update(
                a=carry.article.model_dump(mode="json"),
                o=carry.order,
                n=carry.parts,
                s=carry.signature,
                m=carry.markers,
            )
            self._arrive(carry.article)
        p["r"] = {
            **p["r"],
            f"{msg.order}:{msg.part}": [list(c) for c in msg.claimants],
        }
        return self._advance(msg.target, p)

    def _on_verify(self, msg: VerifyMsg) -> list[Output]:
        rec = self.verdict(msg.target)
        if rec is not None:
            return [self._answer(msg, rec["s"], rec["m"], rec["d"] or msg.target)]
        if msg.target_order < msg.asker_order - self.config.retention_us:
            return [self._answer(msg, "", [], msg.target)]  # forgotten: too old to be the original
        # Not decided yet: park the question, so the answer can name the candidate's own original.
        p = self._pending(msg.target)
        waiting = [w for w in p["w"] if w["asker"] != msg.asker]
        p["w"] = [*waiting, msg.model_dump(exclude={"schema_version"})]
        self.pending[msg.target] = p
        return []

    def _answer(self, msg: VerifyMsg, signature: str, markers: list[int], root: str) -> Send:
        answer = VerifiedMsg.model_construct(
            target=msg.asker,
            candidate=msg.target,
            candidate_order=msg.target_order,
            similarity=similarity(bytes.fromhex(signature), bytes.fromhex(msg.signature)),
            agree=markers_agree(markers, msg.markers),
            root=root,
        )
        return _to_gather(self.config, answer)

    def _on_verified(self, msg: VerifiedMsg) -> list[Output]:
        if self.verdict(msg.target) is not None:
            return []
        p = self._pending(msg.target)
        if p["v"] is None or msg.candidate not in p["v"]:
            return []
        p["v"] = {**p["v"], msg.candidate: [msg.similarity, msg.agree, msg.root, msg.candidate_order]}
        return self._advance(msg.target, p)

    def _on_copy(self, msg: CopyMsg) -> list[Output]:
        rec = self.verdict(msg.target)
        entry = [msg.copy_id, msg.order, msg.source, msg.url, msg.how]
        if rec is None:
            p = self._pending(msg.target)
            if entry not in p["c"]:
                p["c"] = [*p["c"], entry]
                self.pending[msg.target] = p
            return []
        if rec["d"]:  # the target is itself a copy: its original collects the sources
            forwarded = msg.model_copy(update={"target": rec["d"]})
            return [_to_gather(self.config, forwarded)]
        if any(c[0] == msg.copy_id and c[1] == msg.order for c in rec["c"]):
            return self._sources_for(msg.target, rec, [entry])  # redelivery: same notices again
        if len(rec["c"]) < MAX_COPIES:
            rec["c"].append(entry)
        self._store_verdict(msg.target, rec, None)
        return self._sources_for(msg.target, rec, [entry])

    def _on_member(self, msg: MemberMsg) -> list[Output]:
        rec = self.verdict(msg.target)
        if rec is None:
            return []  # forgotten (older than the retention window)
        membership = [msg.event_type, msg.story_id]
        if membership not in rec["t"]:
            rec["t"].append(membership)
            self._store_verdict(msg.target, rec, None)
        out: list[Output] = []
        for copy_id, _, source, url, _ in rec["c"]:
            out.append(
                StorySource.model_construct(
                    event_type=msg.event_type,
                    story_id=msg.story_id,
                    original_id=msg.target,
                    article_id=copy_id,
                    source=source,
                    url=url,
                )
            )
        return out

    def _sources_for(self, original: str, rec: dict[str, Any], copies: list[list[Any]]) -> list[Output]:
        return [
            StorySource.model_construct(
                event_type=t, story_id=s, original_id=original, article_id=c[0], source=c[2], url=c[3]
            )
            for t, s in rec["t"]
            for c in copies
        ]

    # -- healing -------------------------------------------------------------------------------

    def nudge(self, older_than: float, give_up_after: float = 600.0, limit: int = 500) -> list[Send]:
        """Ask again for what gathers waiting longer than ``older_than`` seconds still miss.

        Every step is idempotent, so asking twice is harmless; asking again heals a message that was
        lost on the way (the stream layer's at-least-once has gaps around rebalances, see the
        project's reliability notes). A candidate original that has not answered after
        ``give_up_after`` seconds (its own article never arrived) is taken as "not the original":
        the article passes as unique rather than wait for ever. Only reads state: safe from a timer.

        A gather that waits is far more often *queued* than lost: under a backlog every reply is
        late. Re-asking then only lengthens the queue it waits in, so each gather is asked again
        after ``older_than``, then twice that, four times that... and at most ``limit`` messages go
        out per call (the rest wait for the next). The worker also skips nudging while its own
        inputs are backlogged (see the agent).
        """
        now = self.clock()
        out: list[Send] = []
        asked: dict[str, int] = {}
        for article_id, p in list(self.pending.items()):
            age = now - p.get("t", now)
            times = self._asked.get(article_id, 0)
            if p.get("a") is None or age < older_than * 2**times:
                if times:
                    asked[article_id] = times
                continue
            if len(out) >= limit:
                asked[article_id] = times
                continue
            asked[article_id] = times + 1
            if p["v"] is None:
                got = {k.split(":", 1)[1] for k in p["r"] if k.startswith(f"{p['o']}:")}
                for send in scatter(Article.model_validate(p["a"]), self.config)[1:]:
                    if isinstance(send.value, Probe) and str(send.value.part) not in got:
                        out.append(send)
                continue
            orders = {c[1]: c[2] for cs in p["r"].values() for c in cs}
            for candidate, answer in p["v"].items():
                if answer is not None:
                    continue
                msg: GatherMsg
                if age >= give_up_after:
                    msg = VerifiedMsg.model_construct(
                        target=article_id,
                        candidate=candidate,
                        candidate_order=orders.get(candidate, 0),
                        similarity=0.0,
                        agree=False,
                        root=candidate,
                    )
                else:
                    msg = VerifyMsg.model_construct(
                        target=candidate,
                        target_order=orders.get(candidate, 0),
                        asker=article_id,
                        asker_order=p["o"],
                        signature=p["s"],
                        markers=p["m"],
                    )
                out.append(_to_gather(self.config, msg))
        self._asked = asked
        return out

    # -- deciding ------------------------------------------------------------------------------

    def _advance(self, article_id: str, p: dict[str, Any]) -> list[Output]:
        """Decide if everything the decision needs is in; otherwise remember what we have."""
        if p["a"] is None or sum(1 for k in p["r"] if k.startswith(f"{p['o']}:")) < p["n"]:
            self.pending[article_id] = p
            return []
        if p["v"] is None:
            claimants = [
                c for k, cs in p["r"].items() if k.startswith(f"{p['o']}:") for c in cs if c[1] != article_id
            ]
            exact = sorted((c[2], c[1]) for c in claimants if c[3])
            if exact:
                return self._decide(article_id, p, exact[0][1], "exact")
            shared: dict[tuple[int, str], set[int]] = {}
            for c in claimants:
                if not c[3]:
                    shared.setdefault((c[2], c[1]), set()).add(c[0])
            near = sorted(shared, key=lambda k: (-len(shared[k]), k))[:MAX_VERIFY]
            if not near:
                return self._decide(article_id, p, None, None)
            p["v"] = {cid: None for _, cid in near}
            self.pending[article_id] = p
            return [
                _to_gather(
                    self.config,
                    VerifyMsg.model_construct(
                        target=cid,
                        target_order=order,
                        asker=article_id,
                        asker_order=p["o"],
                        signature=p["s"],
                        markers=p["m"],
                    ),
                )
                for order, cid in near
            ]
        if any(v is None for v in p["v"].values()):
            self.pending[article_id] = p
            return []
        threshold = self.config.near.threshold
        matches = sorted((v[3], v[2]) for v in p["v"].values() if v[0] >= threshold and v[1])
        if matches:
            return self._decide(article_id, p, matches[0][1], "near")
        return self._decide(article_id, p, None, None)

    def _decide(
        self, article_id: str, p: dict[str, Any], original: str | None, kind: str | None
    ) -> list[Output]:
        rec = {"o": p["o"], "d": original, "k": kind, "s": p["s"], "m": p["m"], "c": [], "t": []}
        out: list[Output] = []
        if original is None:
            rec["c"] = p["c"][:MAX_COPIES]
            article = self._arrived.get(article_id)
            out.append(Unique(article if article is not None else Article.model_validate(p["a"])))
        else:
            a = p["a"]
            copy = CopyMsg.model_construct(
                target=original,
                copy_id=article_id,
                order=p["o"],
                source=a["source"],
                url=a["url"],
                how="near" if kind == "near" else "exact",
            )
            out.append(Dropped(article_id, original, kind or "exact"))
            out.append(_to_gather(self.config, copy))
            # Copies of this copy that arrived while it was undecided belong to its original.
            for copy_id, order, source, url, how in p["c"]:
                msg = CopyMsg.model_construct(
                    target=original, copy_id=copy_id, order=order, source=source, url=url, how=how
                )
                out.append(_to_gather(self.config, msg))
        self._store_verdict(article_id, rec, p["o"])
        self.pending.pop(article_id, None)
        self._arrived.pop(article_id, None)
        for waiting in p["w"]:
            out.append(
                self._answer(VerifyMsg.model_construct(**waiting), p["s"], p["m"], original or article_id)
            )
        return out

    def _copy_msg(self, article: Article, order: int, original: str, how: str) -> CopyMsg:
        return CopyMsg.model_construct(
            target=original,
            copy_id=article.id,
            order=order,
            source=article.source,
            url=article.url,
            how="near" if how == "near" else "exact",
        )

    def _copy_of(self, article: Article, order: int, original: str, how: str) -> list[Output]:
        return [
            Dropped(article.id, original, how),
            _to_gather(self.config, self._copy_msg(article, order, original, how)),
        ]

    def _replay(self, article: Article, rec: dict[str, Any]) -> list[Output]:
        """A redelivered article: the outputs of its first decision, again."""
        if rec["d"] is None:
            return [Unique(article)]
        return [
            Dropped(article.id, rec["d"], rec["k"], redelivery=True),
            _to_gather(self.config, self._copy_msg(article, rec["o"], rec["d"], rec["k"])),
        ]


def verdict_records(store: MutableMapping[str, bytes]) -> int:
    return sum(verdict_bucket.count(v) for v in store.values())


# ---------------------------------------------------------------------------------------------
# The whole protocol in one process: herald analyze, unit tests, the benchmark


class Prefixed(MutableMapping[str, Any]):
    """A view of one dict under a key prefix, so one store can hold every table offline."""

    def __init__(self, store: MutableMapping[str, Any], prefix: str) -> None:
        self.store, self.prefix = store, prefix

    def __getitem__(self, key: str) -> Any:
        return self.store[self.prefix + key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.store.get(self.prefix + key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        self.store[self.prefix + key] = value

    def __delitem__(self, key: str) -> None:
        del self.store[self.prefix + key]

    def __iter__(self) -> Iterator[str]:
        n = len(self.prefix)
        return (k[n:] for k in list(self.store) if k.startswith(self.prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Staged(MutableMapping[str, Any]):
    """A store whose writes are held until ``flush``: one write per key, none for a key that came and
    went.

    Every write to a Faust table is a changelog record. Answered in process (the worker's local
    shortcut), a gather is created, updated by each reply and deleted within one batch, and an
    article's claims touch buckets other articles of the batch touch too: written through, that is
    a dozen changelog records an article for state that either did not outlive the batch or was
    overwritten within it. ``discard`` forgets held writes (a batch that failed is retried).
    """

    _GONE = object()

    def __init__(self, store: MutableMapping[str, Any]) -> None:
        self.store = store
        self.held: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        value = self.held.get(key, self)
        if value is self:
            return self.store[key]
        if value is Staged._GONE:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.held[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self.held[key] = Staged._GONE

    def __contains__(self, key: object) -> bool:
        value = self.held.get(key, self)  # type: ignore[call-overload]
        if value is self:
            return key in self.store
        return value is not Staged._GONE

    def __iter__(self) -> Iterator[str]:
        held = self.held
        yield from (k for k in list(self.store) if k not in held)
        yield from (k for k, v in list(held.items()) if v is not Staged._GONE)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def flush(self) -> int:
        """Write what is held to the store; returns how many writes that took."""
        writes = 0
        for key, value in self.held.items():
            if value is Staged._GONE:
                if key in self.store:
                    del self.store[key]
                    writes += 1
            else:
                self.store[key] = value
                writes += 1
        self.held.clear()
        return writes

    def discard(self) -> None:
        self.held.clear()


Picker = Callable[[list[int]], int]


class LocalBus:
    """Delivers protocol messages in memory, one FIFO queue per (topic, partition) like Kafka.

    ``pick`` chooses which non-empty queue goes next; the default drains them in turn. Tests pass a
    random picker to play partitions running at different speeds.

    ``local`` says which messages this process may answer itself (the worker: those for partitions
    it owns); the others come out of ``run`` as ``Send`` outputs, for Kafka. By default all are.
    """

    def __init__(
        self,
        claims: ClaimIndex,
        gatherer: Gatherer,
        pick: Picker | None = None,
        local: Callable[[Send], bool] | None = None,
    ) -> None:
        self.claims, self.gatherer = claims, gatherer
        self.queues: dict[tuple[str, int], deque[Send]] = {}
        self.pick = pick or (lambda ready: ready[0])
        self.local = local
        self.remote: list[Send] = []
        self.handled = 0  # messages answered in process
        self.sent = 0  # messages handed out for other processes

    def post(self, sends: list[Send]) -> None:
        for send in sends:
            if self.local is not None and not self.local(send):
                self.remote.append(send)
                self.sent += 1
                continue
            self.queues.setdefault((send.topic, send.partition), deque()).append(send)

    def run(self) -> list[Output]:
        out: list[Output] = []
        while True:
            ready = [i for i, q in enumerate(self.queues.values()) if q]
            if not ready:
                break
            queue = list(self.queues.values())[self.pick(ready)]
            send = queue.popleft()
            self.handled += 1
            results: list[Any]
            if send.topic == "probes":
                assert isinstance(send.value, Probe)
                results = list(self.claims.handle(send.value))
            else:
                results = self.gatherer.handle(send.value)  # type: ignore[arg-type]
            for r in results:
                if isinstance(r, Send):
                    self.post([r])
                else:
                    out.append(r)
        out.extend(self.remote)
        self.remote = []
        return out

    def settle(self, outputs: list[Any]) -> list[Any]:
        """A batch's outputs with its protocol messages carried as far as this process may take them:
        what is not a message passes through, local messages are answered, the rest come out."""
        self.post([o for o in outputs if isinstance(o, Send)])
        return [o for o in outputs if not isinstance(o, Send)] + self.run()


class Deduplicator:
    """The whole protocol over in-memory stores, one article at a time: what ``herald analyze`` runs.

    ``store`` holds every table under a prefix (a dict offline). ``check`` runs the article's
    messages to completion and returns its verdict. The copy notices the story stage would consume
    collect until ``drain_story_sources``; ``member`` is the story stage's notice that an original
    joined a story, and returns the notices it releases.
    """

    def __init__(
        self, store: MutableMapping[str, Any] | None = None, config: DedupConfig | None = None
    ) -> None:
        store = {} if store is None else store
        self.config = config or DedupConfig()
        self.claims = ClaimIndex(Prefixed(store, "claim:"), self.config)
        self.gatherer = Gatherer(Prefixed(store, "verdict:"), Prefixed(store, "pending:"), self.config)
        self.bus = LocalBus(self.claims, self.gatherer)
        self.story_sources: list[StorySource] = []

    def check(self, article: Article) -> Verdict:
        if is_canary(article.tags):
            return Verdict(None, None)  # see front(): the canary is always unique and leaves no state
        self.bus.post(scatter(article, self.config))
        return self._settle(article.id)

    def member(self, article_id: str, event_type: str, story_id: str) -> list[StorySource]:
        self.bus.post([joined_story(self.config, article_id, event_type, story_id)])
        self._settle(article_id)
        return self.drain_story_sources()

    def drain_story_sources(self) -> list[StorySource]:
        notices, self.story_sources = self.story_sources, []
        return notices

    def _settle(self, article_id: str) -> Verdict:
        verdict = Verdict(None, None)
        for out in self.bus.run():
            if isinstance(out, StorySource):
                self.story_sources.append(out)
            elif isinstance(out, Dropped) and out.article_id == article_id:
                verdict = Verdict(out.duplicate_of, out.kind)
        return verdict
