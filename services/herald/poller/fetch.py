"""Fetching a feed ourselves: guarded, bounded, conditional, polite.

feedparser never fetches: its HTTP code has no total deadline, no size cap and decompresses whole
bodies in memory. This module sends conditional GETs (ETag, Last-Modified) through httpcore with the
SSRF-guarded network backend, follows redirects itself (checking each hop), caps fetches per host,
decodes gzip/deflate itself in bounded steps so a decompression bomb never gets inflated beyond the
cap, and reads the server's hints about when to come back (Retry-After, Cache-Control max-age).

A fetch either returns a :class:`FetchResult` (200 with a body, or 304) or raises
:class:`FetchError` with a reason from :data:`FETCH_ERRORS`, a bounded vocabulary used as a metric
label. Nothing else escapes.
"""

from __future__ import annotations

import asyncio
import re
import time
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.parse import urljoin

import httpcore

from herald.core.retry_after import retry_after_seconds

from .guard import AddressPolicy, Blocked, GuardedBackend, Resolver, check_url, system_resolver

FETCH_ERRORS = (
    "timeout",
    "too_large",
    "blocked",
    "redirects",
    "network",
    "bad_compression",
    "rate_limited",
    "http_3xx",
    "http_4xx",
    "http_5xx",
)
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "*/*;q=0.1"
)
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d+)", re.I)
_STEP = 64 * 1024  # decoded bytes produced per decompression step: the most one step can allocate


@dataclass
class FetchResult:
    status: int  # 200 (or another 2xx) with a body, or 304 with none
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    final_url: str
    permanent_url: str | None  # where the feed now lives, when every redirect on the way was permanent
    raw_bytes: int
    seconds: float
    max_age: float | None  # Cache-Control: max-age, seconds


class FetchError(Exception):
    """A fetch that produced no usable response. ``reason`` is one of :data:`FETCH_ERRORS`."""

    def __init__(
        self, reason: str, detail: str, *, status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.status = status
        self.retry_after = retry_after


def max_age_seconds(cache_control: str | None) -> float | None:
    if not cache_control or "no-store" in cache_control.lower() or "no-cache" in cache_control.lower():
        return None
    match = _MAX_AGE.search(cache_control)
    return float(match.group(1)) if match else None


class Inflater:
    """Undo a Content-Encoding in bounded steps: every call yields at most :data:`_STEP` bytes.

    ``zlib``'s ``max_length`` keeps a 1 KiB gzip bomb from allocating gigabytes in one call, which
    is what a plain ``decompress(chunk)`` (as httpx's decoder does) would do. A body that claims
    gzip or deflate but is not compressed is passed through, as browsers and feedparser do.
    """

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._d: zlib._Decompress | None = None
        self._passthrough = encoding == "identity"
        self._started = False

    def _start(self, data: bytes) -> None:
        self._started = True
        if self.encoding == "gzip":
            if data[:2] == b"\x1f\x8b":
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                self._passthrough = True
        elif self.encoding == "deflate":
            # "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
            if len(data) >= 2 and (data[0] & 0x0F) == 8 and ((data[0] << 8) | data[1]) % 31 == 0:
                self._d = zlib.decompressobj(zlib.MAX_WBITS)
            else:
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if not self._started:
            self._start(data)
        if self._passthrough:
            yield data
            return
        assert self._d is not None
        try:
            while data:
                out = self._d.decompress(data, _STEP)
                if out:
                    yield out
                data = self._d.unconsumed_tail
                if self._d.eof and self._d.unused_data:
                    rest = self._d.unused_data  # a further gzip member follows
                    self._d = zlib.decompressobj(16 + zlib.MAX_WBITS) if rest[:2] == b"\x1f\x8b" else None
                    if self._d is None:
                        return  # trailing garbage after the stream: ignore, as gzip(1) does
                    data = rest
        except zlib.error as exc:
            raise FetchError("bad_compression", f"{self.encoding} stream is corrupt: {exc}") from None

    def finish(self) -> Iterator[bytes]:
        if self._d is not None and not self._passthrough:
            try:
                tail = self._d.flush(_STEP)
            except zlib.error as exc:
                raise FetchError("bad_compression", f"{self.encoding} stream is corrupt: {exc}") from None
            if tail:
                yield tail


def _content_encoding(value: str | None) -> str:
    coding = (value or "identity").strip().lower()
    if coding in ("", "identity"):
        return "identity"
    if coding in ("gzip", "x-gzip"):
        return "gzip"
    if coding == "deflate":
        return "deflate"
    raise FetchError(
        "bad_compression", f"unsupported Content-Encoding {coding!r} (we ask for gzip or deflate)"
    )


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


class Fetcher:
    """Fetches feeds; one per poller process, shared by every feed (connection pool, host caps)."""

    def __init__(
        self,
        *,
        user_agent: str,
        timeout: float,
        max_bytes: int,
        max_redirects: int,
        allowed: set[str],
        per_host: int = 2,
        max_connections: int = 64,
        connect_timeout: float = 10.0,
        resolver: Resolver = system_resolver,
        network_backend: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.timeout = timeout
        self.connect_timeout = min(connect_timeout, timeout)
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.per_host = per_host
        self.user_agent = user_agent.encode()
        self.policy = AddressPolicy(allowed)
        self.backend = GuardedBackend(self.policy, resolver=resolver, inner=network_backend)
        self.pool = httpcore.AsyncConnectionPool(
            network_backend=self.backend,
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=30.0,
            http1=True,
            http2=False,
            retries=0,
        )
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def _host_slot(self, host: str) -> AsyncIterator[None]:
        """At most ``per_host`` fetches to one host at a time: politeness, and not getting blocked."""
        sem = self._hosts.get(host)
        if sem is None:
            sem = self._hosts[host] = asyncio.Semaphore(self.per_host)
        async with sem:
            yield

    async def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """One conditional GET within the total deadline; the wait for a host slot is not counted."""
        try:
            host = check_url(url).host.lower()
        except Blocked as exc:
            raise FetchError("blocked", str(exc)) from None
        async with self._host_slot(host):
            started = time.monotonic()
            try:
                async with asyncio.timeout(self.timeout):
                    return await self._follow(url, etag, last_modified, started)
            except TimeoutError:
                raise FetchError("timeout", f"no complete response within {self.timeout:g}s") from None

    async def _follow(
        self, url: str, etag: str | None, last_modified: str | None, started: float
    ) -> FetchResult:
        headers = [
            (b"User-Agent", self.user_agent),
            (b"Accept", ACCEPT.encode()),
            (b"Accept-Encoding", b"gzip, deflate"),
        ]
        if etag:
            headers.append((b"If-None-Match", etag.encode("latin-1", "replace")))
        if last_modified:
            headers.append((b"If-Modified-Since", last_modified.encode("latin-1", "replace")))
        permanent = True
        for _hop in range(self.max_redirects + 1):
            try:
                check_url(url)
            except Blocked as exc:
                raise FetchError("blocked", str(exc)) from None
            location, status = await self._one(url, headers, started, permanent)
            if isinstance(location, FetchResult):
                return location
            permanent = permanent and status in _PERMANENT
            url = location
        raise FetchError("redirects", f"more than {self.max_redirects} redirects")

    async def _one(
        self, url: str, headers: list[tuple[bytes, bytes]], started: float, permanent: bool
    ) -> tuple[FetchResult | str, int]:
        """One request: a result, or the next URL to follow and the redirect status."""
        extensions = {
            "timeout": {
                "connect": self.connect_timeout,
                "read": self.timeout,
                "write": self.timeout,
                "pool": self.timeout,
            }
        }
        try:
            async with self.pool.stream("GET", url, headers=headers, extensions=extensions) as resp:
                status, rh = resp.status, resp.headers
                if status in _REDIRECTS:
                    location = _header(rh, b"location")
                    if not location:
                        raise FetchError("http_3xx", f"HTTP {status} without Location", status=status)
                    return urljoin(url, location.strip()), status
                if status == 304:
                    return self._result(304, b"", 0, rh, url, started, permanent), status
                if not 200 <= status < 300:
                    retry = retry_after_seconds(_header(rh, b"retry-after"))
                    reason = "rate_limited" if status == 429 else f"http_{min(max(status // 100, 3), 5)}xx"
                    raise FetchError(reason, f"HTTP {status}", status=status, retry_after=retry)
                declared = _header(rh, b"content-length")
                if declared and declared.strip().isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(
                        "too_large", f"Content-Length {declared} over the {self.max_bytes}-byte cap"
                    )
                body, raw = await self._read(resp, _content_encoding(_header(rh, b"content-encoding")))
                return self._result(status, body, raw, rh, url, started, permanent), status
        except (httpcore.TimeoutException, TimeoutError) as exc:
            raise FetchError("timeout", f"{type(exc).__name__}: {exc}") from None
        except Blocked as exc:
            raise FetchError("blocked", str(exc)) from None
        except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol, OSError) as exc:
            raise FetchError("network", f"{type(exc).__name__}: {exc}") from None

    async def _read(self, resp: httpcore.Response, encoding: str) -> tuple[bytes, int]:
        """Stream the body, counting raw and decoded bytes; stop at the cap, whatever the ratio."""
        inflater = Inflater(encoding)
        chunks: list[bytes] = []
        raw = decoded = 0
        stream = resp.aiter_stream()
        async for chunk in stream:
            raw += len(chunk)
            if raw > self.max_bytes:
                raise FetchError("too_large", f"body over {self.max_bytes} bytes on the wire")
            for piece in inflater.feed(chunk):
                decoded += len(piece)
                if decoded > self.max_bytes:
                    raise FetchError(
                        "too_large", f"body over {self.max_bytes} bytes after {encoding} decoding"
                    )
                chunks.append(piece)
        for piece in inflater.finish():
            decoded += len(piece)
            if decoded > self.max_bytes:
                raise FetchError("too_large", f"body over {self.max_bytes} bytes after {encoding} decoding")
            chunks.append(piece)
        return b"".join(chunks), raw

    def _result(
        self,
        status: int,
        body: bytes,
        raw: int,
        headers: list[tuple[bytes, bytes]],
        url: str,
        started: float,
        permanent: bool,
    ) -> FetchResult:
        return FetchResult(
            status=status,
            body=body,
            content_type=_header(headers, b"content-type"),
            etag=_header(headers, b"etag"),
            last_modified=_header(headers, b"last-modified"),
            final_url=url,
            permanent_url=url if permanent else None,
            raw_bytes=raw,
            seconds=time.monotonic() - started,
            max_age=max_age_seconds(_header(headers, b"cache-control")),
        )

    async def close(self) -> None:
        await self.pool.aclose()
