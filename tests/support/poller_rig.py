"""The poller wired for tests: real HTTP on 127.0.0.1, Kafka replaced by the in-memory publisher and
state store (injected, not patched), and the feeds the poller and its fault scenarios read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpcore
from prometheus_client import CollectorRegistry

from herald.poller.feeds import Feed
from herald.poller.fetch import Fetcher
from herald.poller.memory import MemoryPublisher, MemoryStateStore
from herald.poller.service import Poller
from herald.poller.settings import PollerSettings

# A billion-laughs entity bomb on one line: refused before any parser expands it.
BILLION_LAUGHS_ONE_LINE = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lollollollollollollollollollol">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
    b'<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">'
    b'<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>'
    b'<rss version="2.0"><channel><title>&i;</title><item><title>x</title></item></channel></rss>'
)


RSS = {"content-type": "application/rss+xml; charset=utf-8"}


def wire_items(prefix: str, n: int, start: int = 0) -> list[dict[str, str]]:
    base = datetime(2026, 3, 14, 6, 0, tzinfo=UTC)
    return [
        {
            "title": f"{prefix}: convoy reaches flooded district, {i * 40 + 120} families sheltered",
            "link": f"https://wire.example.org/{prefix.lower()}/{i}?utm_source=rss",
            "guid": f"https://wire.example.org/{prefix.lower()}/{i}",
            "description": f"<p>Relief convoy {i} arrived after the river crested overnight.</p>",
            "pubDate": format_datetime(base + timedelta(minutes=10 * i)),
        }
        for i in range(start, start + n)
    ]


class Recording(httpcore.AsyncNetworkBackend):
    """The real network backend, recording which address every connection went to."""

    def __init__(self) -> None:
        self.inner = httpcore.AnyIOBackend()
        self.connected: list[str] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connected.append(host)
        return await self.inner.connect_tcp(host, port, timeout, local_address, socket_options)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class Names:
    """A resolver double: test host names (.test is reserved, never in real DNS) to addresses."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.calls: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        if host not in self.table:
            raise httpcore.ConnectError(f"cannot resolve {host}")
        return self.table[host]


def settings(**overrides: Any) -> PollerSettings:
    base: dict[str, Any] = {
        "allow_hosts": "127.0.0.1",
        "startup_spread_seconds": 0,
        "fetch_timeout_seconds": 5,
        "interval_floor_seconds": 1,
        "interval_ceiling_seconds": 8,
        "poll_interval_seconds": 1,
    }
    base.update(overrides)
    return PollerSettings(**base)


def poller(
    feeds: list[Feed],
    *,
    publisher: MemoryPublisher | None = None,
    store: MemoryStateStore | None = None,
    resolver: Names | None = None,
    backend: Recording | None = None,
    **overrides: Any,
) -> Poller:
    s = settings(**overrides)
    fetcher = Fetcher(
        user_agent=s.user_agent,
        timeout=s.fetch_timeout_seconds,
        max_bytes=s.max_body_bytes,
        max_redirects=s.max_redirects,
        allowed=s.allowed,
        per_host=s.per_host_concurrency,
        **({"resolver": resolver} if resolver else {}),
        network_backend=backend,
    )
    return Poller(
        s,
        feeds,
        CollectorRegistry(),
        publisher or MemoryPublisher(),
        store or MemoryStateStore(),
        fetcher=fetcher,
    )


def feed_of(url: str, name: str = "Relief Wire", **kw: Any) -> Feed:
    return Feed(url=url, name=name, **kw)
