"""The claims index's changelog: a batch's new claims as one record per partition, not one per bucket.

The claims index (``ClaimIndex``) keeps its buckets in memory. Written to a Faust table bucket by
bucket, an article's ~17 keys fall into ~17 different buckets of 2^18: ~17 changelog records an
article, each produced by the worker and stored, replicated and compacted by the broker, which was
most of the dedup worker's producing. Here the table holds the *log* of claims instead: a batch's
new claims for one partition are one record (the same 32-byte records a bucket holds, in the order
they were claimed), and the buckets are rebuilt from those records on recovery by replaying them
through ``ClaimIndex.claim``. Replaying a partition's claims in the order they were made gives the
buckets the worker had: which claimants a key keeps depends only on the claims and their order.

A log record key is ``<partition>.<newest order>.<writer>.<n>`` (hex): the partition it belongs to
(its changelog partition), and the newest claim's order, so a record is deleted once even that one
is older than the retention. A key without a dot is a bucket written by the earlier per-bucket
layout, whose value is the same records: it is replayed the same way, so a worker upgraded over an
old changelog keeps what it remembers, and deleted when it expires.

Held like the other dedup state (``HeldBuffers``): a batch's records reach the table only once its
outputs are on the broker, and ``undo``/``discard`` forget a failed call's or batch's claims.
"""

from __future__ import annotations

import heapq
import secrets
import struct
from collections.abc import Iterable, MutableMapping
from itertools import count

from .claims import ClaimIndex
from .routing import DedupConfig

_ORDER = struct.Struct(">Q")  # at offset 8 of a 32-byte claim record
_RECORD_SIZE = 32


def newest_order(blob: bytes) -> int:
    """The largest order among a log record's (or legacy bucket's) claim records."""
    return max((_ORDER.unpack_from(blob, at + 8)[0] for at in range(0, len(blob), _RECORD_SIZE)), default=0)


class ClaimLog:
    """The claims a batch added, held per partition until ``flush`` writes one record each.

    ``table`` is the changelog-backed store (the Faust table in the worker); ``index`` the claims
    buckets, in memory, that ``replay`` rebuilds from it.
    """

    def __init__(self, table: MutableMapping[str, bytes], config: DedupConfig) -> None:
        self.table = table
        self.config = config
        self.held: dict[int, list[bytes]] = {}
        self._kept: dict[int, int] = {}  # per partition: how many held records the kept calls made
        self._writer = secrets.token_hex(4)  # one owner of a partition after another never collide
        self._serial = count()
        self._expiry: list[tuple[int, int, str]] = []  # heap of (newest order, partition, table key)
        self._applied: set[str] = set()  # log records the buckets hold already (written or replayed)

    # -- what the claims index calls ---------------------------------------------------------------

    def add(self, key: int, record: bytes) -> None:
        """``ClaimIndex``'s journal: a new claim (not a redelivered one) of ``key``."""
        self.held.setdefault(self.config.claim_partition(key), []).append(record)

    # -- the buffer protocol of ``HeldBuffers`` ----------------------------------------------------

    def keep(self) -> None:
        self._kept = {p: len(records) for p, records in self.held.items()}

    def undo(self) -> None:
        for p in list(self.held):
            kept = self._kept.get(p, 0)
            if kept:
                del self.held[p][kept:]
            else:
                del self.held[p]

    def discard(self) -> None:
        self.held.clear()
        self._kept.clear()

    def flush(self) -> int:
        """One table record per partition with new claims, and deletes of that partition's expired
        records; returns how many writes that took."""
        writes = 0
        for p, records in self.held.items():
            blob = b"".join(records)
            newest = newest_order(blob)
            key = f"{p:x}.{newest:x}.{self._writer}.{next(self._serial):x}"
            self.table[key] = blob
            self._applied.add(key)
            heapq.heappush(self._expiry, (newest, p, key))
            writes += 1 + self._expire(p, newest - self.config.retention_us)
        self.held.clear()
        self._kept.clear()
        return writes

    def _expire(self, partition: int, horizon: int) -> int:
        """Delete records whose every claim is older than ``horizon``, of partitions this worker
        writes (it owns them); others' wait for their owner."""
        deleted, later = 0, []
        while self._expiry and self._expiry[0][0] < horizon:
            entry = heapq.heappop(self._expiry)
            if entry[2] not in self.table:
                self._applied.discard(entry[2])
                continue  # deleted already, or its partition left this worker
            if entry[1] != partition:
                later.append(entry)
            else:
                del self.table[entry[2]]
                self._applied.discard(entry[2])
                deleted += 1
        for entry in later:
            heapq.heappush(self._expiry, entry)
        return deleted

    # -- recovery ----------------------------------------------------------------------------------

    def replay(self, index: ClaimIndex, changes: Iterable[tuple[str, bytes | None]]) -> int:
        """Rebuild ``index``'s buckets from changelog records (key, value; None for a delete), in
        changelog order; returns how many claims were replayed.

        ``index`` must not journal (the claims are on the changelog already). A log record the
        buckets hold already (this worker wrote it, or a partition is recovered again) is skipped:
        replayed after later claims, its claims could displace the earliest live claimant of a key
        that only became the earliest when theirs expired.
        """
        replayed = 0
        for key, blob in changes:
            if not blob or key in self._applied:
                continue  # a deleted record's claims have expired from the buckets by then
            if "." in key:
                self._applied.add(key)
            for at in range(0, len(blob), _RECORD_SIZE):
                claim_key, order = struct.unpack_from(">QQ", blob, at)
                index.claim(claim_key, order, blob[at + 16 : at + _RECORD_SIZE])
                replayed += 1
            partition = self.config.claim_log_key_partition(key)
            heapq.heappush(self._expiry, (newest_order(blob), partition, key))
        return replayed
