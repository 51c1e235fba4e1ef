"""From a feedparser entry to an :class:`Article`: canonical URL, stable id, plain text, UTC dates."""

from __future__ import annotations

import calendar
import html
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from herald.core.records import Article, stable_id

_TAGS = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$", re.I)


def canonical_url(url: str) -> str:
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    netloc = parts.netloc.lower()
    if (parts.scheme == "http" and netloc.endswith(":80")) or (parts.scheme == "https" and netloc.endswith(":443")):
        netloc = netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def plain(text: str | None) -> str:
    return _WS.sub(" ", html.unescape(_TAGS.sub(" ", text or ""))).strip()


def _date(entry: Any, now: datetime) -> datetime:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            when = datetime.fromtimestamp(calendar.timegm(value), UTC)
            # A date in the future is a publisher's clock or time-zone error: clamp it to now.
            return min(when, now + timedelta(minutes=5)) if when <= now + timedelta(minutes=5) else now
    return now


def article_from_entry(entry: Any, *, source: str, feed_url: str, language: str | None, now: datetime) -> Article | None:
    link = entry.get("link") or ""
    guid = entry.get("id") or None
    if not link.startswith(("http://", "https://")):
        if not guid:
            return None
        link = feed_url
    url = canonical_url(link)
    ident = stable_id("url", url) if entry.get("link") else stable_id("guid", source, guid or "")
    content = ""
    if entry.get("content"):
        content = plain(" ".join(c.get("value", "") for c in entry["content"]))
    summary = plain(entry.get("summary"))
    if content == summary:
        content = ""
    return Article(
        id=ident,
        url=url,
        source=source,
        guid=guid,
        title=plain(entry.get("title"))[:2000],
        summary=summary,
        content=content,
        published=_date(entry, now),
        fetched_at=now,
        language=language,
        tags=[t.get("term", "") for t in entry.get("tags", []) if t.get("term")][:20],
    )
