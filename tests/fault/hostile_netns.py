"""The hostile-feed scenario's inside half: runs in a fresh network namespace, prints JSON.

Run by ``tests/fault/test_hostile_feeds.py`` as ``unshare -n python -m tests.fault.hostile_netns``.
A private namespace is what lets the test own 169.254.169.254: it puts the address on its own
loopback and listens there (and on 127.0.0.1:80), so "no request reached the internal address" is
observed by a real listener, not inferred from the poller's own bookkeeping. The host's network is
never touched; the script refuses to run in the namespace it was started from.

Everything on the feed side is the real poller (guarded fetch, bounded inflate, entity check,
feedparser, normalisation) with its in-memory publisher and state store, as in
``tests/integration/test_poller_http.py``, whose helpers it reuses. No broker is needed: the poller's
Kafka path is tested elsewhere and does not change how a hostile body is refused.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from herald.poller.memory import MemoryPublisher
from herald_dev.webfixture import Reply, WebFixture, rss
from tests.support.poller_rig import BILLION_LAUGHS_ONE_LINE, RSS, feed_of, poller, wire_items

METADATA = "169.254.169.254"
FEED_HOST = "127.0.0.2"  # the feed server; the only address on the poller's allow-list
FEED_PORT = 8080
DEADLINE_S = 3.0  # the poller's total fetch deadline in this scenario
BODY_CAP = 4 * 1024 * 1024  # the poller's body cap in this scenario (bytes, after decoding)


@dataclass
class Case:
    name: str
    reason: str  # the poller's last_status for the feed: "200", or why it was refused
    articles: int
    seconds: float
    deadline: float
    rss_before_kb: int
    rss_peak_kb: int  # the process's high-water mark during this case alone (VmHWM, reset before it)


class Listener:
    """A real TCP listener on an internal address: counts every connection and what it was asked."""

    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_server((host, port))
        self.address = f"{host}:{port}"
        self.requests: list[str] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._serve, daemon=True, name=f"listener-{host}").start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    head = conn.recv(4096).decode("latin-1").split("\r\n", 1)[0]
                except OSError:
                    head = "<no request line>"
                with self.lock:
                    self.requests.append(head)
                # Answer like a metadata service would, with a feed: a leak would even produce articles.
                body = rss("instance metadata", wire_items("Secret", 1))
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\n"
                    + f"content-length: {len(body)}\r\nconnection: close\r\n\r\n".encode()
                    + body
                )

    def count(self) -> int:
        with self.lock:
            return len(self.requests)


def rss_kb(field: str) -> int:
    match = re.search(rf"{field}:\s+(\d+) kB", Path("/proc/self/status").read_text())
    return int(match.group(1)) if match else -1


def reset_peak() -> None:
    """Reset VmHWM to the current RSS (Linux >= 4.0), so the next peak is one case's own."""
    Path("/proc/self/clear_refs").write_text("5")


def gzip_bomb(inflated: int = 1 << 30) -> bytes:
    """``inflated`` bytes (an RSS start, then zeros) in about 1 MB: 64 gzip members of 16 MiB each.

    Concatenated members are one valid gzip stream (RFC 1952). Each member is compressed from 1 MiB
    pieces, so making the bomb does not itself raise the process's memory.
    """
    piece = b"\0" * (1 << 20)

    def member(start: bytes) -> bytes:
        comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        out = [comp.compress(start), *(comp.compress(piece) for _ in range(16))]
        return b"".join(out) + comp.flush()

    members = inflated >> 24
    return member(b"<rss>") + member(b"") * (members - 1)


def big_body(total: int = 50 * 1024 * 1024) -> Iterator[bytes]:
    """A well-formed start, then entries forever: 50 MB streamed without a Content-Length."""
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>'
    yield head
    item = b"<item><title>Filler</title><description>" + b"x" * 8000 + b"</description></item>"
    chunk = item * 8
    sent = len(head)
    while sent < total:
        yield chunk
        sent += len(chunk)


def trickle() -> Iterator[bytes]:
    """One byte a second, for ten minutes: never idle long enough for a read timeout to fire."""
    doc = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Drip</title>' + b" " * 600
    for i in range(len(doc)):
        yield doc[i : i + 1]


def setup_namespace(parent_netns: int) -> None:
    if os.stat("/proc/self/ns/net").st_ino == parent_netns:
        raise SystemExit("refusing to run: not in a new network namespace (run under `unshare -n`)")
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    subprocess.run(["ip", "addr", "add", f"{METADATA}/32", "dev", "lo"], check=True)


async def run_case(web: WebFixture, name: str, reply: Reply, **overrides: Any) -> Case:
    path = f"/{name.replace(' ', '-')}.xml"
    web.route(path, reply)
    url = web.url(path, host=FEED_HOST)
    pub = MemoryPublisher()
    limits: dict[str, Any] = {
        "allow_hosts": FEED_HOST,
        "fetch_timeout_seconds": DEADLINE_S,
        "max_body_bytes": BODY_CAP,
    }
    p = poller([feed_of(url, name)], publisher=pub, **{**limits, **overrides})
    await p.start()
    before = rss_kb("VmRSS")
    reset_peak()
    started = time.monotonic()
    try:
        await p.poll_feed(p.feeds[url])
    finally:
        seconds = time.monotonic() - started
        peak = rss_kb("VmHWM")
        await p.close()
    return Case(name, p.state[url].health.last_status, len(pub.articles), seconds, DEADLINE_S, before, peak)


async def run_corpus(web: WebFixture, corpus: Path, sample: int) -> dict[str, Any]:
    """Every file (or every n-th) served as a feed and polled once by one poller."""
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "LICENSE")
    if sample and sample < len(files):
        step = len(files) / sample
        files = [files[int(i * step)] for i in range(sample)]
    feeds = []
    for i, path in enumerate(files):
        headers = dict(RSS)
        if path.suffix == ".gz":
            headers["content-encoding"] = "gzip"
        elif path.suffix == ".z":
            headers["content-encoding"] = "deflate"
        route = f"/corpus/{i}.xml"
        web.route(route, Reply(200, headers, path.read_bytes()))
        feeds.append(feed_of(web.url(route, host=FEED_HOST), f"corpus {i}"))
    pub = MemoryPublisher()
    p = poller(
        feeds,
        publisher=pub,
        allow_hosts=FEED_HOST,
        fetch_timeout_seconds=DEADLINE_S,
        max_body_bytes=BODY_CAP,
        per_host_concurrency=4,
    )
    before = rss_kb("VmRSS")
    reset_peak()
    started = time.monotonic()
    await p.run_once()
    seconds = time.monotonic() - started
    outcomes = Counter(p.state[f.url].health.last_status for f in feeds)
    await p.close()
    return {
        "files": len(files),
        "articles": len(pub.articles),
        "outcomes": dict(outcomes),
        "seconds": seconds,
        "rss_before_kb": before,
        "rss_peak_kb": rss_kb("VmHWM"),
    }


async def scenario(corpus: Path | None, sample: int) -> dict[str, Any]:
    metadata = Listener(METADATA, 80)
    loopback = Listener("127.0.0.1", 80)
    bomb = gzip_bomb()
    baseline = rss_kb("VmRSS")
    with WebFixture(host=FEED_HOST, port=FEED_PORT) as web:
        cases = [
            await run_case(web, "billion laughs", Reply(200, RSS, BILLION_LAUGHS_ONE_LINE)),
            await run_case(web, "gzip bomb 1 GiB", Reply(200, {**RSS, "content-encoding": "gzip"}, bomb)),
            await run_case(web, "50 MB body", Reply(200, RSS, big_body())),
            await run_case(web, "1 byte a second", Reply(200, RSS, trickle(), pause=1.0)),
            await run_case(
                web, "redirect to metadata", Reply(302, {"location": f"http://{METADATA}/latest/meta-data/"})
            ),
            await run_case(
                web,
                "redirect to ::ffff:127.0.0.1",
                Reply(302, {"location": "http://[::ffff:127.0.0.1]/admin"}),
            ),
            # The address as one decimal number: the system resolver turns it into 169.254.169.254.
            await run_case(
                web, "redirect to decimal metadata", Reply(301, {"location": "http://2852039166/latest/"})
            ),
        ]
        hops = web.url("/hop-2.xml", host=FEED_HOST)
        web.route("/hop-2.xml", Reply(307, {"location": f"http://{METADATA}/latest/user-data"}))
        cases.append(await run_case(web, "two hops then metadata", Reply(301, {"location": hops})))
        guarded = {"metadata": metadata.count(), "loopback": loopback.count()}
        # Positive control: the same redirect with the internal addresses allow-listed does reach the
        # listener, so the zero above is the guard's doing and not a listener nobody could reach.
        control = await run_case(
            web,
            "control: metadata allow-listed",
            Reply(302, {"location": f"http://{METADATA}/latest/meta-data/"}),
            allow_hosts=f"{FEED_HOST},{METADATA}",
        )
        corpus_result = await run_corpus(web, corpus, sample) if corpus else None
    return {
        "cases": [asdict(c) for c in cases],
        "control": asdict(control),
        "connections_while_guarded": guarded,
        "connections_after_control": {"metadata": metadata.count(), "loopback": loopback.count()},
        "metadata_requests": metadata.requests,
        "corpus": corpus_result,
        "rss_baseline_kb": baseline,
        "deadline_s": DEADLINE_S,
        "body_cap_bytes": BODY_CAP,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parent-netns", type=int, required=True, help="inode of the starting namespace")
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--sample", type=int, default=0, help="poll every n-th corpus file; 0: all")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # the poller logs every refusal; the JSON says it all
    setup_namespace(args.parent_netns)
    result = asyncio.run(scenario(args.corpus, args.sample))
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
