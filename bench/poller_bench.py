"""How many feeds one poller process keeps on a 60-second schedule, and at what CPU and memory cost.

A child process serves N distinct feeds on 127.0.0.1 (20 entries each, a new entry per feed every
``--publish-every`` seconds, staggered; ETag and Last-Modified unless ``--no-conditional``). This
process runs the real poller loop (``Poller.run``: scheduler, guarded fetch, parse, normalise, seen
state) with every feed pinned to ``--interval`` seconds, for ``--duration`` seconds. Articles go to
a counting sink and state to the in-memory store, or to a real broker with ``--bootstrap`` /
``--with-broker``.

Printed: polls per minute in the steady window (after one interval of warm-up), how many feeds were
polled on schedule, schedule lag, CPU seconds of the poller process (the server's separately), and
peak resident memory of the poller process.

    PYTHONPATH=services .venv/bin/python bench/poller_bench.py --feeds 1000 --duration 180
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import multiprocessing as mp
import os
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "services"))

from prometheus_client import CollectorRegistry  # noqa: E402

from herald.core.http_server import BackgroundServer, QuietHandler  # noqa: E402
from herald.core.records import Article  # noqa: E402
from herald.poller.feeds import Feed  # noqa: E402
from herald.poller.memory import MemoryStateStore  # noqa: E402
from herald.poller.service import Poller  # noqa: E402
from herald.poller.settings import PollerSettings  # noqa: E402

ITEMS_PER_FEED = 20
TOPICS = (
    "port strike",
    "wildfire",
    "bridge closure",
    "grid outage",
    "flood warning",
    "election count",
    "rail delay",
)


# --------------------------------------------------------------------------- the feed server (child)


def serve(n: int, publish_every: float, conditional: bool, volatile: bool, ready: Any) -> None:
    """Serve /feeds/<i>.xml for i < n and /stats; runs until killed."""
    started = time.time()
    hits = [0] * n
    cache: dict[int, tuple[int, bytes]] = {}
    lock = threading.Lock()

    def version(i: int, now: float) -> int:
        # Feed i publishes every `publish_every` seconds, phase-shifted so feeds do not move together.
        return ITEMS_PER_FEED + int((now - started + i * publish_every / n) // publish_every)

    def render(i: int, v: int) -> bytes:
        items = []
        for k in range(v - 1, max(-1, v - 1 - ITEMS_PER_FEED), -1):
            topic = TOPICS[(i + k) % len(TOPICS)]
            when = format_datetime(datetime.fromtimestamp(started - 3600 + k * publish_every, UTC))
            items.append(
                f"<item><title>Desk {i}: {topic} update {k}, officials give new figures</title>"
                f"<link>https://desk{i}.example.org/news/{k}?utm_source=rss</link>"
                f"<guid>https://desk{i}.example.org/news/{k}</guid><pubDate>{when}</pubDate>"
                f"<description>&lt;p&gt;Local authorities in district {i % 97} said the {topic} affected "
                f"{(i * 7 + k * 13) % 900 + 100} residents; crews expect to finish work by evening.&lt;/p&gt;"
                f"</description></item>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>Desk {i}</title><link>https://desk{i}.example.org/</link><language>en</language>"
            f"<description>Regional desk {i}</description>{''.join(items)}</channel></rss>"
        ).encode()

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            if self.path == "/stats":
                cpu = psutil.Process().cpu_times()
                body = json.dumps({"hits": hits, "cpu_seconds": cpu.user + cpu.system}).encode()
                self._reply(200, {"content-type": "application/json"}, body)
                return
            try:
                i = int(self.path.removeprefix("/feeds/").removesuffix(".xml"))
                assert 0 <= i < n
            except (ValueError, AssertionError):
                self._reply(404, {}, b"not found")
                return
            with lock:
                hits[i] += 1
            v = version(i, time.time())
            etag = f'"{i}-{v}"'
            modified = format_datetime(datetime.fromtimestamp(started + v, UTC), usegmt=True)
            if conditional and self.headers.get("if-none-match") == etag:
                self._reply(304, {"etag": etag}, b"")
                return
            cached = cache.get(i)
            if cached is None or cached[0] != v:
                cached = cache[i] = (v, render(i, v))
            body = cached[1]
            if volatile:  # like the many feeds that stamp every response with the time it was made
                stamp = format_datetime(datetime.now(UTC)).encode()
                body = body.replace(
                    b"<language>", b"<lastBuildDate>" + stamp + b"</lastBuildDate><language>", 1
                )
            headers = {"content-type": "application/rss+xml; charset=utf-8"}
            if conditional:
                headers.update({"etag": etag, "last-modified": modified})
            self._reply(200, headers, body)

        def _reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.reply(status, body, headers)

    server = BackgroundServer(Handler, queue_size=1024)
    ready.put(server.port)
    server.serve_forever()


# --------------------------------------------------------------------------- the poller side


class CountingPublisher:
    """Serialises every article as the Kafka path would, counts it, keeps nothing."""

    def __init__(self) -> None:
        self.count = 0
        self.bytes = 0

    async def publish(self, articles: list[Article]) -> None:
        for article in articles:
            self.bytes += len(article.to_json())
        self.count += len(articles)

    async def close(self) -> None:
        return None


def histogram(registry: CollectorRegistry, name: str) -> tuple[list[tuple[float, float]], float]:
    buckets: list[tuple[float, float]] = []
    count = 0.0
    for family in registry.collect():
        for s in family.samples:
            if s.name == f"{name}_bucket":
                buckets.append((float(s.labels["le"]), s.value))
            elif s.name == f"{name}_count":
                count = s.value
    return sorted(buckets), count


def lag_share(buckets: list[tuple[float, float]], count: float, le: float) -> float:
    for bound, cumulative in buckets:
        if bound >= le:
            return cumulative / count if count else 0.0
    return 1.0


async def run_poller(args: argparse.Namespace, port: int, bootstrap: str | None) -> dict[str, Any]:
    feeds = [
        Feed(url=f"http://127.0.0.1:{port}/feeds/{i}.xml", name=f"desk-{i}", interval=args.interval)
        for i in range(args.feeds)
    ]
    env: dict[str, Any] = {
        "allow_hosts": "127.0.0.1",
        "startup_spread_seconds": args.interval,
        "interval_floor_seconds": min(60.0, args.interval),
        "max_concurrency": args.concurrency,
        "per_host_concurrency": args.per_host,
        "feed_label_limit": args.feeds,
    }
    registry = CollectorRegistry()
    if bootstrap:
        settings = PollerSettings(kafka_bootstrap=bootstrap, **env)
        poller = Poller(settings, feeds, registry)
        sink = None
    else:
        settings = PollerSettings(**env)
        sink = CountingPublisher()
        poller = Poller(settings, feeds, registry, sink, MemoryStateStore())
    me = psutil.Process()
    peak = {"rss": me.memory_info().rss}
    stop = asyncio.Event()

    async def sample() -> None:
        while not stop.is_set():
            peak["rss"] = max(peak["rss"], me.memory_info().rss)
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    cpu0 = me.cpu_times()
    t0 = time.monotonic()
    task = asyncio.create_task(poller.run(stop))
    # Warm-up: one interval, during which the start-up spread places every feed on its phase.
    await asyncio.sleep(args.interval)
    fetches0 = _fetch_count(registry)
    lag0, _ = histogram(registry, "herald_poller_schedule_lag_seconds")
    hits0 = _stats(port)["hits"]
    cpu1 = me.cpu_times()
    t1 = time.monotonic()
    await asyncio.sleep(max(0.0, args.duration - args.interval))
    t2 = time.monotonic()
    cpu2 = me.cpu_times()
    fetches2 = _fetch_count(registry)
    stats = _stats(port)
    stop.set()
    await task
    await sampler
    await poller.close()
    window = t2 - t1
    polls_per_feed = [b - a for a, b in zip(hits0, stats["hits"], strict=True)]
    due = int(window // args.interval)
    lag2, _ = histogram(registry, "herald_poller_schedule_lag_seconds")
    # Lag of the polls started in the steady window only (the warm-up includes every feed's first poll).
    buckets = [(bound, after - before) for (bound, after), (_, before) in zip(lag2, lag0, strict=True)]
    lag_count = buckets[-1][1] if buckets else 0.0
    outcomes = {
        s.labels["outcome"]: int(s.value)
        for family in registry.collect()
        for s in family.samples
        if s.name == "herald_feed_fetches_total" and s.value
    }
    steady_cpu = (cpu2.user + cpu2.system) - (cpu1.user + cpu1.system)
    return {
        "feeds": args.feeds,
        "interval_s": args.interval,
        "conditional": not args.no_conditional,
        "volatile": args.volatile,
        "kafka": bool(bootstrap),
        "window_s": round(window, 1),
        "polls_in_window": fetches2 - fetches0,
        "polls_per_min": round((fetches2 - fetches0) / window * 60, 1),
        "target_polls_per_min": round(args.feeds * 60 / args.interval, 1),
        "feeds_on_schedule": sum(p >= due for p in polls_per_feed),
        "polls_due_per_feed_in_window": due,
        "lag_share_le_1s": round(lag_share(buckets, lag_count, 1.0), 4),
        "lag_share_le_5s": round(lag_share(buckets, lag_count, 5.0), 4),
        "lag_share_le_30s": round(lag_share(buckets, lag_count, 30.0), 4),
        "outcomes": outcomes,
        "articles": sink.count if sink else None,
        "cpu_s_total": round((cpu2.user + cpu2.system) - (cpu0.user + cpu0.system), 1),
        "cpu_s_per_min_steady": round(steady_cpu / window * 60, 2),
        "cpu_share_of_one_core_steady": round(steady_cpu / window, 3),
        "peak_rss_mb": round(peak["rss"] / 2**20, 1),
        "server_cpu_s": round(stats["cpu_seconds"], 1),
        "elapsed_s": round(time.monotonic() - t0, 1),
        "load_avg": [round(x, 2) for x in os.getloadavg()],
    }


def _fetch_count(registry: CollectorRegistry) -> int:
    return int(
        sum(
            s.value
            for family in registry.collect()
            for s in family.samples
            if s.name == "herald_feed_fetches_total"
        )
    )


def _stats(port: int) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats", timeout=10) as resp:
        return json.loads(resp.read())  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--interval", type=float, default=60.0, help="Seconds between polls of each feed.")
    parser.add_argument("--duration", type=float, default=180.0, help="Total seconds, warm-up included.")
    parser.add_argument(
        "--publish-every", type=float, default=300.0, help="Seconds between new entries per feed."
    )
    parser.add_argument("--no-conditional", action="store_true", help="Server sends no ETag/Last-Modified.")
    parser.add_argument(
        "--volatile", action="store_true", help="Every response differs (a fresh lastBuildDate): worst case."
    )
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--per-host", type=int, default=8, help="All feeds share one host here.")
    parser.add_argument("--bootstrap", help="Send to this Kafka instead of the counting sink.")
    parser.add_argument("--with-broker", action="store_true", help="Start a local broker for the run.")
    parser.add_argument("--json", type=Path, help="Also write the result here.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)

    ctx = mp.get_context("spawn")
    ready = ctx.Queue()
    server = ctx.Process(
        target=serve,
        args=(args.feeds, args.publish_every, not args.no_conditional, args.volatile, ready),
        daemon=True,
    )
    server.start()
    port = ready.get(timeout=60)
    broker = None
    bootstrap = args.bootstrap
    try:
        if args.with_broker:
            from herald_dev.local.kafka import LocalKafka, LocalKafkaSettings
            from herald_dev.local.ports import free_port_pair

            broker = LocalKafka(
                LocalKafkaSettings(
                    kafka_bootstrap=f"127.0.0.1:{free_port_pair()}",
                    state_dir=Path(tempfile.mkdtemp(prefix="herald-bench-kafka-")),
                    kafka_dist_dir=ROOT / ".herald" / "kafka-dist",
                    partitions=6,
                )
            )
            broker.start(timeout_s=180)
            bootstrap = broker.settings.kafka_bootstrap
        result = asyncio.run(run_poller(args, port, bootstrap))
    finally:
        server.kill()
        if broker is not None:
            broker.stop()
            broker.wipe()
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key.ljust(width)}  {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
