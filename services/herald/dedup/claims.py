"""Step 2: the claims index, which remembers per fingerprint key who claimed it first.

A probe claims each of its keys and is answered with the earlier claimants remembered; the gather
partition decides what they mean. A claim is idempotent (the same article claiming again changes
nothing), so a redelivered probe gets the same reply.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, MutableMapping

from .messages import Probe, ReplyMsg
from .routing import DedupConfig, Send, to_gather

_RECORD = struct.Struct(">QQ16s")  # key, order (microseconds), article id
_KEY_ORDER = struct.Struct(">QQ")
_ORDER = struct.Struct(">Q")  # at offset 8 of a record


class ClaimIndex:
    """Key -> its earliest claimant and the latest few, in buckets of 32-byte binary records.

    The earliest claimant is the candidate original. The latest few are kept as well because
    template-heavy wire copy (the same report with other figures, night after night) makes many
    different articles share a band: if only the earliest were kept, it would mask the true original
    of a copy that shares that band with both.
    """

    def __init__(
        self,
        store: MutableMapping[str, bytes],
        config: DedupConfig,
        keep_latest: int = 6,
        journal: Callable[[int, bytes], None] | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.keep_latest = keep_latest
        # Told every new claim (key, its 32-byte record): the worker's changelog is these, not the
        # buckets (``claim_log``).
        self.journal = journal
        self._shift = 64 - config.claim_buckets_log2
        self._retention = config.retention_us

    def handle(self, probe: Probe) -> list[Send]:
        """Claim the probe's keys; the reply (to the article's gather) lists the earlier claimants."""
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
        return [to_gather(self.config, reply)]

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
        else:
            record = _RECORD.pack(key, order, article_id)
            if (
                len(mine) <= self.keep_latest
                and (not blob or _ORDER.unpack_from(blob, len(blob) - 24)[0] <= order)
                and (not blob or _ORDER.unpack_from(blob, 8)[0] >= horizon)
            ):
                self.store[bucket] = blob + record
            else:
                self.store[bucket] = self._rewrite(blob, key, sorted([*mine, me]), horizon)
            if self.journal is not None:
                self.journal(key, record)
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
    """How many claims a claims store remembers (the benchmark and the tests size state with it)."""
    return sum(len(v) // _RECORD.size for v in store.values())
