"""Fetching a feed ourselves (feedparser must never fetch): guarded, bounded, conditional."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from .guard import Blocked, check_url


@dataclass
class FetchResult:
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    final_url: str
    seconds: float


class FetchError(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class Fetcher:
    def __init__(self, *, user_agent: str, timeout: float, max_bytes: int, max_redirects: int, allowed: set[str]):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.allowed = allowed
        self.client = httpx.AsyncClient(
            headers={"user-agent": user_agent, "accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"},
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        )

    async def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        started = time.monotonic()
        try:
            return await asyncio.wait_for(self._fetch(url, etag, last_modified, started), self.timeout)
        except TimeoutError:
            raise FetchError("timeout", f"no complete response within {self.timeout:.0f}s") from None

    async def _fetch(self, url: str, etag: str | None, last_modified: str | None, started: float) -> FetchResult:
        headers = {}
        if etag:
            headers["if-none-match"] = etag
        if last_modified:
            headers["if-modified-since"] = last_modified
        for _ in range(self.max_redirects + 1):
            try:
                check_url(url, self.allowed)
            except Blocked as exc:
                raise FetchError("blocked", str(exc)) from None
            try:
                async with self.client.stream("GET", url, headers=headers) as resp:
                    if resp.status_code in (301, 302, 303, 307, 308) and "location" in resp.headers:
                        url = urljoin(url, resp.headers["location"])
                        continue
                    if resp.status_code == 304:
                        return FetchResult(304, b"", etag, last_modified, url, time.monotonic() - started)
                    if resp.status_code >= 400:
                        raise FetchError(f"http_{resp.status_code // 100}xx", f"HTTP {resp.status_code}")
                    chunks, size = [], 0
                    async for chunk in resp.aiter_bytes():
                        size += len(chunk)
                        if size > self.max_bytes:
                            raise FetchError("too_large", f"body over {self.max_bytes} bytes (decoded)")
                        chunks.append(chunk)
                    return FetchResult(
                        resp.status_code, b"".join(chunks), resp.headers.get("etag"),
                        resp.headers.get("last-modified"), url, time.monotonic() - started,
                    )
            except httpx.HTTPError as exc:
                raise FetchError("network", f"{type(exc).__name__}: {exc}") from None
        raise FetchError("redirects", f"more than {self.max_redirects} redirects")

    async def close(self) -> None:
        await self.client.aclose()
