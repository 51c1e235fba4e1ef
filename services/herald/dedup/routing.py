"""Which partition owns what, and what a protocol step hands back to the worker.

Every fingerprint key and every article id maps to a bucket, and a bucket to a partition of the
internal topics, by a pure function: the same key reaches the same owner whichever partition or worker
the article came from, so copies meet however the input is spread (docs/dedup.md has the picture).
The steps return ``Send``, ``Unique`` and ``Dropped`` values; only the worker turns them into Kafka
records, so ``herald analyze`` and the tests run the same steps over dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from herald.core.records import Article

from .fingerprint import NearParams
from .messages import GatherMsg, Probe, StorySource


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

    def claim_log_key_partition(self, key: str) -> int:
        """Claims log records (``claim_log``): the partition is the key's first part; a key without
        one is a bucket of the earlier per-bucket layout."""
        head, dot, _ = key.partition(".")
        return int(head, 16) if dot else int(head, 16) % self.partitions

    def pending_key_partition(self, article_id: str) -> int:
        return self.verdict_partition(article_id)


def order_of(article: Article) -> int:
    """First-seen order: when Herald fetched this copy, in microseconds since the epoch.

    Ties are broken by article id, so the order is strict and total: an article is only ever a copy
    of an *earlier* one, and of any set of copies the earliest is never dropped.
    """
    return int(article.fetched_at.timestamp() * 1_000_000)


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
    """An article no earlier claimant matched: it goes on to ``news.unique``."""

    article: Article


@dataclass(frozen=True)
class Dropped:
    """An article recognised as a copy (for metrics and logs); ``kind`` is exact or near."""

    article_id: str
    duplicate_of: str
    kind: str
    redelivery: bool = False


Output = Send | Unique | Dropped | StorySource


def to_gather(config: DedupConfig, msg: GatherMsg) -> Send:
    """The message on its way to the gather partition of the article it is about (its ``target``)."""
    return Send("gather", config.verdict_partition(msg.target), msg.target, msg)
