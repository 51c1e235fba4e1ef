"""What the poller remembers per feed: what it has sent (and the validators that go with it), and
how the feed is doing.

The two halves are kept apart because they change at different rates and need different care:

* :class:`SeenState` (ids already sent, ETag, Last-Modified) is written only after the broker
  acknowledged every article it records, and only when it changed. If it advanced first, a crash
  would lose those articles for good; written after, a crash at worst re-sends them, and their
  stable ids let dedup drop the copies.
* :class:`FeedHealth` (last success, last status, error counts, next poll, interval) changes on every
  poll and is advisory: losing the newest copy costs one early or late poll, never an article.

Both survive restarts in the compacted topic ``herald.poller.state`` (see ``store.py``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class SeenState:
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)  # oldest first
    body_hash: str | None = None  # of the last body fully handled: skips parsing an unchanged feed

    def advance(self, current: list[str], extra: int) -> bool:
        """Remember ``current`` (ids handled in this fetch) and up to ``extra`` older ids; True if changed.

        Everything in the latest fetch is kept whatever its size, so an entry still in the feed is
        never forgotten and re-sent. Older ids are kept for feeds that reshuffle (an entry dropping
        off a "top stories" feed and coming back).
        """
        now = set(current)
        older = [i for i in self.seen if i not in now]
        merged = older[-extra:] + list(dict.fromkeys(current)) if extra else list(dict.fromkeys(current))
        changed = merged != self.seen
        self.seen = merged
        return changed

    def to_json(self) -> bytes:
        return json.dumps(asdict(self)).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> SeenState:
        data: dict[str, Any] = json.loads(raw)
        return cls(
            data.get("etag"),
            data.get("last_modified"),
            [str(i) for i in data.get("seen", [])],
            data.get("body_hash"),
        )


@dataclass
class FeedHealth:
    last_attempt: float | None = None  # Unix seconds
    last_success: float | None = None  # a 200 that parsed, or a 304
    last_status: str = ""  # "200", "304", or the reason of the last failure ("timeout", "http_5xx", ...)
    last_error: str = ""  # detail of the last failure, for people
    consecutive_errors: int = 0
    errors_total: int = 0
    fetches_ok: int = 0
    not_modified: int = 0  # 304 answers
    unchanged: int = 0  # 200 answers with the same bytes as last time (servers without validators)
    interval: float | None = None  # the adapted interval, seconds
    next_poll: float | None = None  # Unix seconds
    fetch_url: str | None = None  # where the feed lives after a permanent redirect

    def not_modified_ratio(self) -> float | None:
        return self.not_modified / self.fetches_ok if self.fetches_ok else None

    def to_json(self) -> bytes:
        return json.dumps(asdict(self)).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> FeedHealth:
        data: dict[str, Any] = json.loads(raw)
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class FeedState:
    seen: SeenState = field(default_factory=SeenState)
    health: FeedHealth = field(default_factory=FeedHealth)
