"""The claims index against a plain model of what it must remember and answer.

``ClaimIndex.claim`` takes shortcuts (substring search for the key, append without a rewrite, the
first record taken as the oldest); the model below is the definition it must agree with, on crowded
buckets, hot keys, out-of-order and repeated claims, and records expiring.
"""

from __future__ import annotations

import random
import struct
from datetime import timedelta

from herald.dedup.claims import ClaimIndex
from herald.dedup.routing import DedupConfig

RECORD = struct.Struct(">QQ16s")
KEEP = 3


class Model:
    """Per key: claimants within the window; the earliest and the latest ``KEEP`` are kept."""

    def __init__(self, config: DedupConfig) -> None:
        self.config = config
        self.buckets: dict[int, set[tuple[int, int, bytes]]] = {}

    def claim(self, key: int, order: int, article_id: bytes) -> list[tuple[int, str]]:
        bucket = self.buckets.setdefault(self.config.claim_bucket(key), set())
        horizon = order - self.config.retention_us
        mine = sorted((o, i) for k, o, i in bucket if k == key and o >= horizon)
        me = (order, article_id)
        expired = {r for r in bucket if r[1] < horizon}
        if me not in mine:
            claimants = sorted([*mine, me])
            kept = claimants[:1] + claimants[1:][-KEEP:]
            bucket -= {r for r in bucket if r[0] == key} | expired
            bucket |= {(key, o, i) for o, i in kept}
        elif expired:
            bucket -= expired
        return [(o, i.hex()) for o, i in mine if (o, i) < me]


def stored(store: dict[str, bytes]) -> dict[int, set[tuple[int, int, bytes]]]:
    out = {}
    for bucket, blob in store.items():
        records = [RECORD.unpack_from(blob, at) for at in range(0, len(blob), RECORD.size)]
        assert len(records) == len(set(records)), "a record is stored once"
        orders = [order for _, order, _ in records]
        assert orders == sorted(orders), "records are kept in first-seen order (the oldest first)"
        out[int(bucket, 16)] = set(records)
    return out


def test_claims_agree_with_the_model() -> None:
    config = DedupConfig(claim_buckets_log2=3, retention=timedelta(seconds=50))
    for seed in range(20):
        rng = random.Random(seed)
        store: dict[str, bytes] = {}
        index, model = ClaimIndex(store, config, keep_latest=KEEP), Model(config)
        keys = [rng.getrandbits(64) for _ in range(12)]
        articles = [rng.randbytes(16) for _ in range(40)]
        clock, history = 1_780_000_000_000_000, []
        for _ in range(400):
            clock += rng.randint(0, 4_000_000)
            if history and rng.random() < 0.2:  # redelivered
                key, order, article_id = rng.choice(history)
            else:  # mostly in order, some late (a lagging partition)
                order = clock - rng.choice([0, 0, 0, rng.randint(0, 60_000_000)])
                key, article_id = rng.choice(keys), rng.choice(articles)
                history.append((key, order, article_id))
            assert index.claim(key, order, article_id) == model.claim(key, order, article_id)
        assert stored(store) == model.buckets


def test_a_key_found_inside_another_record_is_not_a_claim() -> None:
    config = DedupConfig(claim_buckets_log2=3)
    store: dict[str, bytes] = {}
    index = ClaimIndex(store, config)
    key = 0xE000_0000_0000_0001  # bucket 7
    inside = key.to_bytes(8, "big") * 2  # an article id whose bytes spell the key
    assert index.claim(key + 1, 10, inside) == []
    assert index.claim(key, 20, bytes(16)) == []
