"""Where a type's stories are kept: lists of entries in buckets, with an index of when each is due.

Open stories are bucketed by the country of their first place (an event reads only the buckets its
country can reach), closed ones by the hour of their latest report (forgotten bucket by bucket). Each
bucket's earliest due time sits in a small per-type index, so an event opens only the buckets with
something to close or forget.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

NO_COUNTRY = "-"  # the bucket of open stories whose places have no country (or that have no places)


class StoryBuckets:
    """Lists of entries kept under ``<prefix>:<bucket>``, with an index of when each is next due.

    The index (``{bucket: earliest due time of its entries}``) is what an event reads to learn which
    buckets exist and which have something to act on; a bucket is read only when asked for and
    written back (with the index, if that changed) by ``flush``. Stored lists are never changed in
    place: ``put`` takes a new list, so what a dict or Faust table holds changes only by assignment.
    """

    def __init__(
        self, store: MutableMapping[str, Any], prefix: str, index_key: str, due: Callable[[list[Any]], int]
    ) -> None:
        self._store, self._prefix, self._index_key, self._due = store, prefix, index_key, due
        self._stored: dict[str, int] = store.get(index_key) or {}
        self.index: dict[str, int] = dict(self._stored)
        self._lists: dict[str, list[list[Any]]] = {}
        self._changed: set[str] = set()

    def due(self, entry: list[Any]) -> int:
        return self._due(entry)

    def entries(self, bucket: str) -> list[list[Any]]:
        if bucket not in self._lists:
            self._lists[bucket] = self._store.get(f"{self._prefix}:{bucket}") or []
        return self._lists[bucket]

    def put(self, bucket: str, entries: list[list[Any]]) -> None:
        self._lists[bucket] = entries
        self._changed.add(bucket)
        if entries:
            self.index[bucket] = min(self._due(e) for e in entries)
        else:
            self.index.pop(bucket, None)

    def flush(self) -> None:
        for bucket in self._changed:
            key = f"{self._prefix}:{bucket}"
            if self._lists[bucket]:
                self._store[key] = self._lists[bucket]
            elif key in self._store:
                del self._store[key]
        self._changed.clear()
        if self.index != self._stored:
            self._store[self._index_key] = dict(self.index)
            self._stored = dict(self.index)


def country_bucket(story: dict[str, Any]) -> str:
    """The bucket of a story: the country of its places ("-" while none has one)."""
    return next((p["cc"] for p in story["places"] if p.get("cc")), NO_COUNTRY)


def hour_bucket(us: int) -> str:
    """The bucket of a closed story: the hour of its latest report."""
    return str(us // 3_600_000_000)


def last_report_us(entry: list[Any]) -> int:
    """When a closed story is due to be forgotten, before retention: its latest report."""
    last: int = entry[-1]
    return last
