"""From fetched bytes to feed entries: refuse what is dangerous, parse the rest, say what was wrong.

Pure (no network, no Kafka): ``herald analyze`` and the corpus test call it directly. feedparser
receives bytes in a file object, never a URL or a path, so it cannot fetch anything.

XML bombs: feedparser's own defence is a regex that drops some ``<!ENTITY`` lines, which a one-line
DOCTYPE slips past, leaving only libexpat's amplification limit (expat >= 2.4). So before parsing,
:func:`check_entities` allows only plain internal entities (a short literal, no references, no
parameter or external entities) and refuses a document whose declared entities would expand past
the body cap. Real feeds almost never declare entities; the few that do use the plain kind.

Outcomes: :func:`read_feed` returns a :class:`ParsedFeed` (possibly with ``problems`` it recovered
from, e.g. malformed XML that the loose parser still read entries from) or raises
:class:`FeedRejected` with a reason from :data:`REJECT_REASONS`. Both vocabularies are metric labels.
"""

from __future__ import annotations

import io
import pyexpat
import re
from dataclasses import dataclass, field
from typing import Any

import feedparser

REJECT_REASONS = ("empty", "xml_entities", "not_a_feed", "malformed")
PROBLEMS = ("malformed", "bad_encoding", "no_entries")

# The oldest libexpat the Python documentation does not warn about for billion laughs, quadratic
# blow-up and large tokens. Older ones are still protected by check_entities and the body cap.
SAFE_EXPAT = (2, 7, 2)
MAX_ENTITIES = 64
MAX_ENTITY_VALUE = 1024

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_SAFE_ENTITY = re.compile(rb"<!ENTITY\s+([A-Za-z_][\w.-]{0,63})\s+(\"[^\"&%<]*\"|'[^'&%<]*')\s*>", re.I)
_WIDE_ENTITY = tuple("<!ENTITY".encode(enc) for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_HTML = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.I | re.S,
)
_SY_PERIOD = {
    "hourly": 3600.0,
    "daily": 86_400.0,
    "weekly": 604_800.0,
    "monthly": 2_592_000.0,
    "yearly": 31_536_000.0,
}


class FeedRejected(Exception):
    """The bytes are not a feed we will read. ``reason`` is one of :data:`REJECT_REASONS`."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass
class ParsedFeed:
    title: str
    link: str | None
    language: str | None
    version: str
    entries: list[Any]
    ttl_seconds: float | None  # what the feed says about how often to fetch it (<ttl>, sy:updatePeriod)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (reason from PROBLEMS, detail)


def expat_is_current() -> bool:
    """Whether the linked libexpat is one the Python docs call safe (checked once at start-up)."""
    return pyexpat.version_info >= SAFE_EXPAT


def parse(body: bytes, content_type: str | None = None) -> feedparser.FeedParserDict:
    """Parse bytes we fetched (or read from a file); feedparser never sees a URL or a path.

    HTML sanitising is off: every text field is reduced to plain text by ``normalize.plain`` (which
    drops scripts and styles) and never rendered as HTML, and the sanitiser is a fifth of the parse
    time. Relative URIs in content are not resolved for the same reason.
    """
    headers = {"content-type": content_type} if content_type else None
    return feedparser.parse(
        io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False, response_headers=headers
    )


def check_entities(body: bytes, limit: int) -> None:
    """Refuse entity declarations that can amplify; raises :class:`FeedRejected` ("xml_entities")."""
    if any(wide in body for wide in _WIDE_ENTITY):
        raise FeedRejected("xml_entities", "entity declarations in a UTF-16/32 document are refused")
    decls = list(_ENTITY_DECL.finditer(body))
    if not decls:
        return
    if len(decls) > MAX_ENTITIES:
        raise FeedRejected("xml_entities", f"{len(decls)} entity declarations (at most {MAX_ENTITIES})")
    expansion = 0
    for decl in decls:
        safe = _SAFE_ENTITY.match(body, decl.start())
        if safe is None:
            raise FeedRejected(
                "xml_entities",
                "an entity declaration is external, a parameter entity or refers to other entities",
            )
        value = safe.group(2)[1:-1]
        if len(value) > MAX_ENTITY_VALUE:
            raise FeedRejected("xml_entities", f"an entity value is over {MAX_ENTITY_VALUE} bytes")
        expansion += len(value) * body.count(b"&" + safe.group(1) + b";")
    if expansion > limit:
        raise FeedRejected("xml_entities", f"entities would expand to {expansion} bytes (cap {limit})")


def looks_like_html(body: bytes, content_type: str | None) -> bool:
    if content_type and content_type.split(";", 1)[0].strip().lower() in (
        "text/html",
        "application/xhtml+xml",
    ):
        return True
    return bool(_HTML.match(body[:4096].lstrip(b"\xef\xbb\xbf")))


def _looks_like_xml(body: bytes) -> bool:
    head = body[:8]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<", b"\x00\x00")):
        return True  # UTF-16/32, with or without a byte-order mark
    return body[:4096].lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"<")


def _ttl(feed: Any) -> float | None:
    ttl = str(feed.get("ttl") or "").strip()
    if ttl.isdigit() and int(ttl) > 0:
        return int(ttl) * 60.0
    period = _SY_PERIOD.get(str(feed.get("sy_updateperiod") or "").strip().lower())
    if period is None:
        return None
    frequency = str(feed.get("sy_updatefrequency") or "1").strip()
    return period / max(1, int(frequency)) if frequency.isdigit() else period


def _exception_name(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}"[:300] if exc is not None else "unknown"


def read_feed(
    body: bytes, content_type: str | None = None, *, max_expansion: int = 15 * 1024 * 1024
) -> ParsedFeed:
    """Check, parse and classify a fetched body; raises :class:`FeedRejected`, nothing else.

    feedparser itself is written not to raise on bad input; the broad ``except`` is the last line
    that keeps one odd feed from taking the poller down, and it is reported, not swallowed.
    """
    if not body.strip():
        raise FeedRejected("empty", "the response body is empty")
    check_entities(body, max_expansion)
    try:
        parsed = parse(body, content_type)
    except Exception as exc:
        raise FeedRejected("malformed", f"parser failed: {type(exc).__name__}: {exc}"[:300]) from None
    version = str(parsed.get("version") or "")
    feed = parsed.get("feed") or {}
    entries = list(parsed.get("entries") or [])
    problems: list[tuple[str, str]] = []
    if not entries:
        if looks_like_html(body, content_type) and not version:
            raise FeedRejected("not_a_feed", "an HTML page, not a feed")
        if not version:
            if not _looks_like_xml(body):
                raise FeedRejected("not_a_feed", "not XML (JSON, text or binary?)")
            if parsed.get("bozo"):
                raise FeedRejected("malformed", _exception_name(parsed))
            raise FeedRejected("not_a_feed", "no RSS, Atom or RDF structure found")
    encoding_only = "Encoding" in type(parsed.get("bozo_exception")).__name__
    if not entries:
        if parsed.get("bozo") and not encoding_only:
            raise FeedRejected("malformed", "no entries could be read: " + _exception_name(parsed))
        problems.append(("no_entries", "the feed has no entries"))
    if parsed.get("bozo"):
        problems.append(("bad_encoding" if encoding_only else "malformed", _exception_name(parsed)))
    return ParsedFeed(
        title=str(feed.get("title") or ""),
        link=feed.get("link"),
        language=(str(feed.get("language")).strip() or None) if feed.get("language") else None,
        version=version,
        entries=entries,
        ttl_seconds=_ttl(feed),
        problems=problems,
    )
