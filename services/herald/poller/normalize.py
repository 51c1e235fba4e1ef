"""From a feedparser entry to an :class:`Article`: canonical URL, stable id, plain text, UTC dates.

Pure: no I/O. ``herald analyze`` uses :func:`article_from_entry` on files, the poller on fetches, so
the same entry gets the same id everywhere.

The id is what "exactly the new entries" rests on, in this feed and across feeds: it comes from the
canonical URL (tracking parameters, fragment, default port, host case and credentials removed), so
the same story linked from two feeds, or with a different ``utm_source`` tomorrow, has one id. Only
when an entry has no usable link does the id come from its GUID (scoped to the feed, because GUIDs
are only unique within one), and only when it has neither from its text.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any

from herald.core.records import Article, stable_id
from herald.core.urls import canonical_url, url_article_id

__all__ = ["article_from_entry", "canonical_url", "entry_identity", "plain", "published_at"]

TITLE_MAX = 2000
SUMMARY_MAX = 10_000
CONTENT_MAX = 100_000
TAGS_MAX = 20
FUTURE_SKEW = timedelta(minutes=10)  # clocks differ; more than this ahead is a publisher error
EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)  # before feeds existed: a parse failure (epoch zero, year 1)

_WS = re.compile(r"\s+")
_BLOCK = {
    "p",
    "br",
    "div",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "ul",
    "ol",
    "table",
    "section",
    "article",
    "figure",
    "figcaption",
    "dd",
    "dt",
}
_SKIP = {"script", "style", "template", "noscript", "head", "title"}


class _Text(HTMLParser):
    """Text content of an HTML fragment: script and style dropped, block boundaries kept as spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def plain(text: str | None, limit: int | None = None) -> str:
    """Plain text from a feed field that may hold HTML; whitespace collapsed, cut at ``limit`` chars."""
    if not text:
        return ""
    if "<" in text or "&" in text:
        parser = _Text()
        try:
            parser.feed(text)
            parser.close()
            text = "".join(parser.parts)
        except Exception:
            text = re.sub(r"<[^>]*>", " ", text)
    text = _WS.sub(" ", text).strip()
    return text[:limit] if limit is not None else text


def entry_date(entry: Any, now: datetime) -> datetime | None:
    """The entry's own publication (or update) date in UTC, or None when it has no believable one.

    feedparser gives parsed dates as UTC ``struct_time``. A date before feeds existed is a parse
    failure (epoch zero, year one); one more than a few minutes ahead is a publisher's clock or
    time-zone error. Neither is believed.
    """
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if not value:
            continue
        try:
            when = datetime.fromtimestamp(calendar.timegm((*tuple(value)[:6], 0, 0, 0)), UTC)
        except (TypeError, ValueError, OverflowError):
            continue
        if when < EARLIEST:
            continue
        return when if when <= now + FUTURE_SKEW else None
    return None


def published_at(entry: Any, now: datetime) -> datetime:
    """When the entry was published, in UTC: its own date if believable, else ``now``.

    ``now`` is when we first saw it, the honest guess for a missing date; a future date would
    otherwise sort the entry above everything else for days.
    """
    return entry_date(entry, now) or now


def normalize_language(value: str | None) -> str | None:
    """A BCP 47-ish tag in lower case (``en-gb``), or None; feeds write ``en_US``, ``EN``, ``en-us ``."""
    if not value:
        return None
    tag = str(value).strip().replace("_", "-").lower()
    return tag[:35] if re.match(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$", tag) else None


def entry_identity(entry: Any, feed_url: str, base: str | None = None) -> tuple[str, str | None] | None:
    """(article id, canonical URL or None) of an entry, cheaply: no HTML is parsed here.

    The poller compares ids with what it has seen before doing the full normalisation, so entries it
    already sent cost almost nothing. None when the entry has nothing to identify it by. Relative
    links resolve against ``base`` (where the feed was fetched from, after redirects).
    """
    url = canonical_url(str(entry.get("link") or ""), base or feed_url)
    if url:
        return url_article_id(url), url
    guid = str(entry.get("id") or "").strip()
    if guid:
        return stable_id("guid", feed_url, guid), None
    title, summary = str(entry.get("title") or ""), str(entry.get("summary") or "")
    if title.strip() or summary.strip():
        return stable_id("text", feed_url, title.strip(), summary.strip()[:2000]), None
    return None


def article_from_entry(
    entry: Any,
    *,
    source: str,
    feed_url: str,
    language: str | None,
    now: datetime,
    site_url: str | None = None,
    identity: tuple[str, str | None] | None = None,
) -> Article | None:
    """The article an entry describes, or None when the entry has nothing to identify it by.

    An entry without a usable link points at the feed's site (or the feed itself), because every
    article needs a URL; its id still comes from its GUID or text, never from that fallback URL.
    """
    ident = identity or entry_identity(entry, feed_url)
    if ident is None:
        return None
    article_id, url = ident
    if url is None:
        url = canonical_url(site_url or "", feed_url) or canonical_url(feed_url) or feed_url
    content = ""
    if entry.get("content"):
        content = plain(" ".join(str(c.get("value", "")) for c in entry["content"]), CONTENT_MAX)
    summary = plain(entry.get("summary"), SUMMARY_MAX)
    if content == summary:
        content = ""
    detail = entry.get("title_detail") or {}
    tags = [plain(t.get("term"), 100) for t in entry.get("tags") or [] if t.get("term")]
    guid = str(entry.get("id")).strip()[:2000] if entry.get("id") else None
    return Article(
        id=article_id,
        url=url,
        source=(source.strip() or "unnamed feed")[:200],
        guid=guid or None,
        title=plain(entry.get("title"), TITLE_MAX),
        summary=summary,
        content=content,
        published=published_at(entry, now),
        fetched_at=now,
        language=normalize_language(detail.get("language")) or normalize_language(language),
        tags=[t for t in tags if t][:TAGS_MAX],
    )
