"""The claims log: few changelog records per batch, and buckets rebuilt from them on recovery.

The worker's claims buckets live in memory; what reaches the changelog is a batch's new claims, one
record per partition. Replaying those records (as Faust hands them over on recovery) must rebuild the
very buckets the worker had, so a restarted worker answers every probe as its predecessor would.
"""

from __future__ import annotations

import random
from datetime import timedelta

from herald.dedup.claim_log import ClaimLog
from herald.dedup.claims import ClaimIndex
from herald.dedup.routing import DedupConfig

CONFIG = DedupConfig(partitions=3, claim_buckets_log2=4, retention=timedelta(seconds=100))
START = 1_780_000_000_000_000


class Recording(dict[str, bytes]):
    """A table that counts its writes (each one a changelog record) and keeps them in order."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple[str, bytes | None]] = []

    def __setitem__(self, key: str, value: bytes) -> None:
        self.log.append((key, value))
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self.log.append((key, None))
        super().__delitem__(key)


def worker(table: Recording) -> tuple[ClaimIndex, ClaimLog, dict[str, bytes]]:
    buckets: dict[str, bytes] = {}
    log = ClaimLog(table, CONFIG)
    return ClaimIndex(buckets, CONFIG, keep_latest=2, journal=log.add), log, buckets


def random_batches(seed: int, batches: int = 60, size: int = 12) -> list[list[tuple[int, int, bytes]]]:
    """Claims in batches: hot keys, redeliveries, late claims, and time passing the retention."""
    rng = random.Random(seed)
    keys = [rng.getrandbits(64) for _ in range(20)]
    articles = [rng.randbytes(16) for _ in range(50)]
    clock, history, out = START, [], []
    for _ in range(batches):
        batch = []
        for _ in range(size):
            clock += rng.randint(0, 3_000_000)
            if history and rng.random() < 0.15:
                claim = rng.choice(history)
            else:
                claim = (
                    rng.choice(keys),
                    clock - rng.choice([0, 0, rng.randint(0, 30_000_000)]),
                    rng.choice(articles),
                )
                history.append(claim)
            batch.append(claim)
        out.append(batch)
    return out


def test_a_batch_is_one_record_per_partition_it_claimed_in() -> None:
    table = Recording()
    index, log, _ = worker(table)
    keys = [random.Random(1).getrandbits(64) for _ in range(40)]
    for n, key in enumerate(keys):
        index.claim(key, START + n, bytes([n]) * 16)
    log.keep()
    assert log.flush() == len({CONFIG.claim_partition(k) for k in keys})
    assert len(table) == len({CONFIG.claim_partition(k) for k in keys}) <= CONFIG.partitions
    for key, blob in table.items():
        assert len(blob) % 32 == 0
        assert {CONFIG.claim_log_key_partition(key)} == {
            CONFIG.claim_partition(int.from_bytes(blob[at : at + 8], "big")) for at in range(0, len(blob), 32)
        }, "a record holds the claims of the partition its key names"


def test_replaying_the_log_rebuilds_the_buckets() -> None:
    for seed in range(10):
        table = Recording()
        index, log, buckets = worker(table)
        for batch in random_batches(seed):
            for key, order, article_id in batch:
                index.claim(key, order, article_id)
            log.keep()
            log.flush()
        heir_buckets: dict[str, bytes] = {}
        heir_log = ClaimLog(Recording(), CONFIG)
        heir_log.replay(ClaimIndex(heir_buckets, CONFIG, keep_latest=2), table.log)
        horizon = max(o for b in buckets.values() for o in _orders(b)) - CONFIG.retention_us
        assert _live(heir_buckets, horizon) == _live(buckets, horizon)
        # Replayed twice (a partition recovered again): nothing changes.
        again = dict(heir_buckets)
        heir_log.replay(ClaimIndex(heir_buckets, CONFIG, keep_latest=2), table.log)
        assert _live(heir_buckets, horizon) == _live(again, horizon)


def test_expired_log_records_are_deleted_and_live_ones_kept() -> None:
    table = Recording()
    index, log, _ = worker(table)
    for batch in random_batches(3, batches=100):
        for key, order, article_id in batch:
            index.claim(key, order, article_id)
        log.keep()
        log.flush()
    newest = max(o for blob in table.values() for o in _orders(blob))
    deleted = [k for k, v in table.log if v is None]
    assert deleted, "records past the retention are deleted"
    for key in deleted:
        assert key not in table
    # What is left holds every claim still inside the retention of the partitions written last.
    assert all(max(_orders(blob)) >= newest - 2 * CONFIG.retention_us for blob in table.values())


def test_a_failed_call_or_batch_leaves_no_record() -> None:
    table = Recording()
    index, log, _ = worker(table)
    index.claim(1 << 60, START, b"a" * 16)
    log.keep()
    index.claim(2 << 60, START + 1, b"b" * 16)
    log.undo()  # the second call failed: only the first claim stays held
    log.flush()
    assert [v for _, v in table.log] == [(1 << 60).to_bytes(8, "big") + START.to_bytes(8, "big") + b"a" * 16]
    index.claim(3 << 60, START + 2, b"c" * 16)
    log.keep()
    log.discard()  # the batch's outputs failed: it is redelivered
    assert log.flush() == 0 and len(table.log) == 1


def test_an_old_per_bucket_changelog_is_replayed_too() -> None:
    """A changelog written bucket by bucket (the earlier layout) holds the same 32-byte records."""
    old_buckets: dict[str, bytes] = {}
    index = ClaimIndex(old_buckets, CONFIG, keep_latest=2)
    for batch in random_batches(5, batches=20):
        for key, order, article_id in batch:
            index.claim(key, order, article_id)
    rebuilt: dict[str, bytes] = {}
    ClaimLog(Recording(), CONFIG).replay(ClaimIndex(rebuilt, CONFIG, keep_latest=2), old_buckets.items())
    horizon = max(o for b in old_buckets.values() for o in _orders(b)) - CONFIG.retention_us
    assert _live(rebuilt, horizon) == _live(old_buckets, horizon)
    assert {CONFIG.claim_log_key_partition(k) for k in old_buckets} <= set(range(CONFIG.partitions))


def _orders(blob: bytes) -> list[int]:
    return [int.from_bytes(blob[at + 8 : at + 16], "big") for at in range(0, len(blob), 32)]


def _live(buckets: dict[str, bytes], horizon: int) -> dict[str, set[bytes]]:
    """The records a bucket answers with (those inside the retention), as a set per bucket."""
    out = {}
    for bucket, blob in buckets.items():
        records = {blob[at : at + 32] for at in range(0, len(blob), 32)}
        live = {r for r in records if int.from_bytes(r[8:16], "big") >= horizon}
        if live:
            out[bucket] = live
    return out
