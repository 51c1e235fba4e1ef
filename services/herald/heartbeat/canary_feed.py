"""The canary feed: which round it is, what that round's item says, and which round a link names.

Pure functions of the clock, so every replica and restart of the server publishes the same item for
the same round (the poller's seen-set and dedup's exact match then treat a re-fetch as the same
article, never a new one), and tests can move time by passing ``now``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from herald.core.heartbeat_markers import CANARY_TAG

_ROUND_PATH = re.compile(r"/rounds/(\d+)$")


@dataclass(frozen=True)
class Round:
    """One canary item: round ``number`` starts at ``number * interval`` seconds since the epoch."""

    number: int
    interval: float
    base_url: str

    @property
    def started(self) -> float:
        return self.number * self.interval

    @property
    def link(self) -> str:
        return f"{self.base_url}/rounds/{self.number}"

    @property
    def guid(self) -> str:
        return f"{CANARY_TAG}-{self.number}"

    @property
    def title(self) -> str:
        return f"Herald heartbeat {self.number}: pipeline check at {_stamp(self.started)}"

    @property
    def summary(self) -> str:
        # Different words every round, so near-duplicate detection sees no resemblance between rounds
        # even before a stage special-cases the tag.
        words = " ".join(_word(self.number, i) for i in range(12))
        return (
            f"Synthetic canary item {self.number} published by Herald's heartbeat server at "
            f"{_stamp(self.started)}. It exists to prove every stage is moving; it is not news. "
            f"Round code: {words}."
        )


def current(now: float, interval: float, base_url: str) -> Round:
    return Round(int(now // interval), interval, base_url.rstrip("/"))


def round_of(url: str, base_url: str) -> int | None:
    """The round a canary link names, or None when the URL is not one of ours."""
    base = base_url.rstrip("/")
    if not url.startswith(base + "/"):
        return None
    match = _ROUND_PATH.search(url[len(base) :])
    return int(match.group(1)) if match else None


def render_feed(rnd: Round) -> bytes:
    """RSS 2.0 with the round's single item, tagged so the stages can route it to the heartbeat."""
    published = format_datetime(datetime.fromtimestamp(rnd.started, UTC))
    item = (
        "<item>"
        f"<title>{escape(rnd.title)}</title><link>{escape(rnd.link)}</link>"
        f'<guid isPermaLink="false">{escape(rnd.guid)}</guid>'
        f"<pubDate>{published}</pubDate><category>{CANARY_TAG}</category>"
        f"<description>{escape(rnd.summary)}</description>"
        "</item>"
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Herald heartbeat</title><link>{escape(rnd.base_url)}/feed.xml</link><language>en</language>"
        "<description>One synthetic item per round; its alert proves the pipeline moves.</description>"
        f"<ttl>{max(1, int(rnd.interval // 60))}</ttl>{item}</channel></rss>"
    ).encode()


def _stamp(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pu", "do", "fe", "gi", "ha", "ju", "by")


def _word(number: int, position: int) -> str:
    """A pronounceable pseudo-word from the round number: deterministic, unlike any other round's."""
    value = (number * 2654435761 + position * 40503) & 0xFFFFFFFF
    return "".join(_SYLLABLES[(value >> shift) & 0xF] for shift in (0, 4, 8, 12))
