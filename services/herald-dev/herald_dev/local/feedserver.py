"""Serving feeds from memory over real HTTP on 127.0.0.1: the demo's news day and the tests' feeds.

A :class:`ScriptedFeed` releases its items over time (each at ``start + offset``), so the demo
unfolds like a news day and a test can make a feed grow while the pipeline runs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from herald.core.http_server import BackgroundServer, QuietHandler


@dataclass
class Item:
    title: str
    link: str
    summary: str
    offset: float = 0.0  # seconds after the feed starts when the item appears
    published_ago: float = 0.0  # how long before its release it was "published"
    guid: str | None = None


@dataclass
class ScriptedFeed:
    title: str
    items: list[Item]
    started: float = field(default_factory=time.time)

    def visible(self, now: float | None = None) -> list[Item]:
        now = now or time.time()
        return [i for i in self.items if self.started + i.offset <= now]

    def render(self, now: float | None = None) -> bytes:
        parts = []
        for item in reversed(self.visible(now)):
            published = datetime.fromtimestamp(self.started + item.offset, UTC) - timedelta(
                seconds=item.published_ago
            )
            parts.append(
                "<item>"
                f"<title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
                f"<guid>{escape(item.guid or item.link)}</guid>"
                f"<pubDate>{format_datetime(published)}</pubDate>"
                f"<description>{escape(item.summary)}</description>"
                "</item>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(self.title)}</title><link>http://127.0.0.1/</link><language>en</language>"
            f"<description>{escape(self.title)}</description>{''.join(parts)}</channel></rss>"
        ).encode()


class FeedServer:
    """Serves ``/feeds/<name>.xml`` from the feeds it holds; paths can be swapped at run time."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.feeds: dict[str, ScriptedFeed] = {}
        self.raw: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.hits: dict[str, int] = {}
        server = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                server.hits[path] = server.hits.get(path, 0) + 1
                if path in server.raw:
                    status, headers, body = server.raw[path]
                elif path.startswith("/feeds/") and path[7:].removesuffix(".xml") in server.feeds:
                    status, headers = 200, {"content-type": "application/rss+xml; charset=utf-8"}
                    body = server.feeds[path[7:].removesuffix(".xml")].render()
                else:
                    status, headers, body = 404, {}, b"not found"
                self.reply(status, body, headers)

        self.http = BackgroundServer(Handler, host, port, name="feedserver")

    def url(self, name: str) -> str:
        return f"{self.http.base_url}/feeds/{name}.xml"

    def start(self) -> FeedServer:
        self.http.start()
        return self

    def stop(self) -> None:
        self.http.stop()
