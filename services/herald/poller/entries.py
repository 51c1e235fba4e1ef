"""Which entries of a fetched feed are new: the articles to send and the ids to remember.

Pure but for logging: the poller sends ``fresh`` and, once Kafka acknowledged them, remembers
``handled``. An entry beyond ``max_entries`` new ones is deferred, not skipped: it is neither sent nor
remembered, so the next poll finds it new again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from herald.core.records import Article

from .feeds import Feed
from .normalize import article_from_entry, entry_date, entry_identity
from .parsing import ParsedFeed

log = logging.getLogger("herald.poller")


@dataclass
class NewEntries:
    """One response's entries sorted out: what to send, what to remember, and the counts for metrics."""

    fresh: list[Article] = field(default_factory=list)
    handled: list[str] = field(default_factory=list)  # ids of the entries sent or seen before
    dates: list[datetime] = field(default_factory=list)  # every dated entry's date (the publishing rate)
    seen: int = 0
    skipped: int = 0
    deferred: int = 0


def new_entries(
    feed: Feed, parsed: ParsedFeed, final_url: str, known_ids: set[str], *, max_entries: int, now: datetime
) -> NewEntries:
    """Sort ``parsed``'s entries against ``known_ids`` (the feed's seen ids); logs what it skips."""
    out = NewEntries()
    known = set(known_ids)
    for entry in parsed.entries:
        when = entry_date(entry, now)
        if when is not None:
            out.dates.append(when)
        ident = entry_identity(entry, feed.url, final_url)
        if ident is None:
            out.skipped += 1
            continue
        if ident[0] in known:
            out.seen += 1
            out.handled.append(ident[0])
            continue
        if len(out.fresh) >= max_entries:
            out.deferred += 1
            continue
        try:
            article = article_from_entry(
                entry,
                source=feed.name,
                feed_url=feed.url,
                language=parsed.language,
                now=now,
                site_url=parsed.link,
                identity=ident,
            )
        except (ValidationError, ValueError, TypeError) as exc:
            out.skipped += 1
            log.warning(
                "entry skipped",
                extra={"feed": feed.name, "reason": "invalid_entry", "detail": str(exc)[:300]},
            )
            continue
        if article is None:
            out.skipped += 1
            continue
        known.add(article.id)
        out.handled.append(article.id)
        out.fresh.append(article)
    if out.skipped:
        log.warning(
            "entries without link, guid or text skipped", extra={"feed": feed.name, "count": out.skipped}
        )
    if out.deferred:
        log.warning(
            "feed has more new entries than one poll takes; the rest follow on the next poll",
            extra={"feed": feed.name, "deferred": out.deferred, "cap": max_entries},
        )
    return out
