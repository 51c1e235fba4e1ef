"""Slack incoming webhooks, with Block Kit messages that feed text cannot hijack.

* Every string that comes from a feed (title, text, place, metric names) is escaped: ``&``, ``<``,
  ``>`` become entities, ampersand first, so a title like ``<!channel>`` or ``<https://evil|bank>``
  shows as text and pings or links nobody. Links are built only from http(s) URLs without ``<>|``
  or spaces.
* Lengths stay within Slack's limits (section text 3000, header 150, context 2000, ``text`` fallback
  kept short); truncation happens after escaping and never splits an entity.
* ``unfurl_links``/``unfurl_media`` are off: Slack does not fetch the articles' URLs.
* At most one message per ``min_interval`` per webhook (Slack allows about one a second); a 429's
  ``Retry-After`` also pauses the next messages, not only the retried one.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

from herald.core.records import Alert

from . import http_common
from .base import DeliveryError, Digest

SECTION_LIMIT = 3000
HEADER_LIMIT = 150
CONTEXT_LIMIT = 2000
FALLBACK_LIMIT = 1000
DIGEST_LINES = 40  # a digest names at most this many alerts; the rest are counted
_SAFE_URL = re.compile(r"^https?://[^\s<>|]+$")
_RULE_LABEL = {"new_type": "New", "record": "Record"}


def escape(text: str) -> str:
    """Slack's three control characters, ampersand first (docs: "Escaping text")."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(escaped: str, limit: int) -> str:
    """Cut escaped text to ``limit`` characters, with an ellipsis, never inside ``&amp;``-style entities."""
    if len(escaped) <= limit:
        return escaped
    cut = escaped[: limit - 1]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + "…"


def safe(text: str, limit: int) -> str:
    return truncate(escape(text), limit)


def link(url: str, label: str) -> str:
    """``<url|label>`` when the URL is a plain http(s) URL; otherwise just the escaped label."""
    label = escape(label).replace("|", "¦")
    if _SAFE_URL.match(url):
        return f"<{url}|{label}>"
    return label


def where(alert: Alert) -> str:
    if not alert.location:
        return ""
    loc = alert.location
    parts = [p for p in (loc.name, loc.admin1 if loc.admin1 != loc.name else None, loc.country_code) if p]
    return ", ".join(parts)


def message(alert: Alert) -> dict[str, Any]:
    """The Block Kit payload for one alert."""
    label = _RULE_LABEL.get(alert.rule, alert.rule.replace("_", " ").title())
    kind = alert.type.replace("_", " ")
    header = f"{'Update — ' if alert.update_of else ''}{label}: {kind} (severity {alert.severity})"
    title = link(alert.urls[0], alert.title)
    body = truncate(f"*{title}*\n{escape(alert.text)}", SECTION_LIMIT)
    if len(title) + 3 > SECTION_LIMIT:  # a title too long to link whole: shorten the label instead
        body = truncate(f"*{safe(alert.title, SECTION_LIMIT // 2)}*\n{escape(alert.text)}", SECTION_LIMIT)
    context = " · ".join(
        p for p in (escape(where(alert)), f"{len(alert.urls)} source(s)", f"alert {alert.id[:12]}") if p
    )
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": safe(header, HEADER_LIMIT), "emoji": False},
        },
        {"type": "section", "text": {"type": "mrkdwn", "text": body}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(context, CONTEXT_LIMIT)}]},
    ]
    fallback = truncate(f"{escape(header)}: {escape(alert.title)}", FALLBACK_LIMIT)
    return {"text": fallback, "blocks": blocks, "unfurl_links": False, "unfurl_media": False}


def digest_message(digest: Digest) -> dict[str, Any]:
    lines = [
        f"• sev {a.severity} {escape(a.type.replace('_', ' '))}: {link(a.urls[0], a.title[:200])}"
        for a in digest.alerts[:DIGEST_LINES]
    ]
    more = len(digest.alerts) - DIGEST_LINES
    if more > 0:
        lines.append(f"… and {more} more")
    header = f"Herald digest: {len(digest.alerts)} lower-severity alert(s)"
    body, blocks = "", []
    for line in lines:  # several sections rather than one cut-off list
        if len(body) + len(line) + 1 > SECTION_LIMIT - 10:
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": body}})
            body = ""
        body = f"{body}\n{truncate(line, SECTION_LIMIT - 10)}" if body else truncate(line, SECTION_LIMIT - 10)
    if body:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": body}})
    return {
        "text": header,
        "blocks": [{"type": "header", "text": {"type": "plain_text", "text": header}}, *blocks[:45]],
        "unfurl_links": False,
        "unfurl_media": False,
    }


class Pacer:
    """Spaces messages at least ``interval`` apart and honours a pause a 429 asked for."""

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self.next_at = 0.0

    async def wait(self) -> None:
        delay = self.next_at - self.clock()
        if delay > 0:
            await self.sleep(delay)
        self.next_at = self.clock() + self.interval

    def pause(self, seconds: float) -> None:
        self.next_at = max(self.next_at, self.clock() + seconds)


class SlackSink:
    def __init__(
        self, webhook_url: str, *, name: str = "slack", timeout: float = 10.0, min_interval: float = 1.0
    ) -> None:
        self.name = name
        self.url = webhook_url
        self.http = http_common.client(timeout)
        self.pacer = Pacer(min_interval)

    async def send(self, alert: Alert) -> None:
        await self._post(message(alert))

    async def send_digest(self, digest: Digest) -> None:
        await self._post(digest_message(digest))

    async def _post(self, payload: dict[str, Any]) -> None:
        await self.pacer.wait()
        body = json.dumps(payload, ensure_ascii=False).encode()
        try:
            await http_common.post(
                self.http, self.url, content=body, headers={"content-type": "application/json"}
            )
        except DeliveryError as exc:
            if exc.retry_after is not None:
                self.pacer.pause(exc.retry_after)
            raise

    async def close(self) -> None:
        await self.http.aclose()
