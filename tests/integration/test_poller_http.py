"""The poller against real HTTP servers on 127.0.0.1 (herald_dev.webfixture).

Kafka is replaced by the in-memory publisher and state store here (injected, not patched); the
Kafka path has its own tests in test_poller_kafka.py. Everything on the HTTP side is real: sockets,
redirects, gzip, slow responses, the guarded network backend.
"""

from __future__ import annotations

import asyncio
import gzip
import logging
import threading
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from tests.support.poller_rig import RSS, Names, Recording, feed_of, poller, wire_items

from herald.poller.memory import MemoryPublisher, MemoryStateStore
from herald.poller.parsing import REJECT_REASONS
from herald.poller.service import Poller
from herald_dev.webfixture import Reply, Request, WebFixture, rss


def metric(p: Poller, name: str, **labels: str) -> float:
    value = p.registry.get_sample_value(name, labels)
    assert value is not None, (name, labels)
    return value


def run(coro: Any) -> Any:
    return asyncio.run(coro)


@pytest.fixture
def web() -> Iterator[WebFixture]:
    with WebFixture() as server:
        yield server


# --------------------------------------------------------------------------- conditional GET


def test_304_handling_sends_validators_and_nothing_new(web: WebFixture) -> None:
    body = rss("Relief Wire", wire_items("Relief", 3))
    modified = "Sat, 14 Mar 2026 06:30:00 GMT"

    def handler(req: Request) -> Reply:
        if req.headers.get("if-none-match") == '"r1"' and req.headers.get("if-modified-since") == modified:
            return Reply(304, {"etag": '"r1"'})
        return Reply(200, {**RSS, "etag": '"r1"', "last-modified": modified}, body)

    url = web.route("/relief.xml", handler)
    pub = MemoryPublisher()
    p = poller([feed_of(url)], publisher=pub)

    async def go() -> tuple[int, int]:
        await p.start()
        first = await p.poll_feed(p.feeds[url])
        second = await p.poll_feed(p.feeds[url])
        await p.close()
        return first, second

    assert run(go()) == (3, 0)
    assert len(pub.articles) == 3
    assert "if-none-match" not in web.requests[0].headers
    assert web.requests[1].headers["if-none-match"] == '"r1"'
    health = p.state[url].health
    assert (health.fetches_ok, health.not_modified, health.last_status) == (2, 1, "304")
    assert metric(p, "herald_feed_fetches_total", outcome="not_modified") == 1
    assert metric(p, "herald_feed_fetches_total", outcome="ok") == 1
    assert metric(p, "herald_feed_entries_total", kind="new") == 3


def test_restart_does_not_resend_and_uses_stored_validators(web: WebFixture) -> None:
    items = wire_items("Quake", 4)
    state = {"items": items[:3]}

    def handler(req: Request) -> Reply:
        etag = f'"q{len(state["items"])}"'
        if req.headers.get("if-none-match") == etag:
            return Reply(304, {"etag": etag})
        return Reply(200, {**RSS, "etag": etag}, rss("Quake Desk", state["items"]))

    url = web.route("/quake.xml", handler)
    pub, store = MemoryPublisher(), MemoryStateStore()
    assert run(poller([feed_of(url)], publisher=pub, store=store).run_once()) == 3
    assert run(poller([feed_of(url)], publisher=pub, store=store).run_once()) == 0  # restarted: 304
    assert web.requests[-1].headers.get("if-none-match") == '"q3"'
    state["items"] = items  # one more entry published
    assert run(poller([feed_of(url)], publisher=pub, store=store).run_once()) == 1
    assert [a.title for a in pub.articles] == [i["title"] for i in items]
    assert len({a.id for a in pub.articles}) == 4


# --------------------------------------------------------------------------- server hints, backoff


@pytest.mark.parametrize(
    ("status", "retry_after", "reason", "at_least"),
    [
        (429, "120", "rate_limited", 120.0),
        (503, "HTTP-DATE", "http_5xx", 590.0),
    ],
)
def test_retry_after_is_honoured(
    web: WebFixture, status: int, retry_after: str, reason: str, at_least: float
) -> None:
    if retry_after == "HTTP-DATE":
        retry_after = format_datetime(datetime.now(UTC) + timedelta(seconds=600), usegmt=True)
    url = web.route("/busy.xml", Reply(status, {"retry-after": retry_after}, b"slow down"))
    p = poller([feed_of(url)], interval_ceiling_seconds=60)
    run(p.run_once())
    health = p.state[url].health
    assert health.last_status == reason and health.consecutive_errors == 1
    assert health.next_poll is not None and health.last_attempt is not None
    assert health.next_poll - health.last_attempt >= at_least  # beyond the 60 s ceiling: the server said so
    assert metric(p, "herald_feed_fetches_total", outcome=reason) == 1


def test_cache_control_max_age_postpones_the_next_poll(web: WebFixture) -> None:
    url = web.route(
        "/cached.xml", Reply(200, {**RSS, "cache-control": "public, max-age=5"}, rss("C", wire_items("C", 1)))
    )
    p = poller([feed_of(url, interval=1)])
    run(p.run_once())
    health = p.state[url].health
    assert health.next_poll - health.last_success >= 5  # type: ignore[operator]


def test_backoff_grows_to_the_ceiling_and_the_feed_recovers(web: WebFixture) -> None:
    state = {"down": True}

    def handler(req: Request) -> Reply:
        if state["down"]:
            return Reply(500, {}, b"upstream database unavailable")
        return Reply(200, RSS, rss("Grid Watch", wire_items("Grid", 2)))

    url = web.route("/grid.xml", handler)
    pub = MemoryPublisher()
    p = poller([feed_of(url, "Grid Watch")], publisher=pub)  # floor 1 s, ceiling 8 s

    async def go() -> list[float]:
        await p.start()
        delays = []
        for _ in range(6):
            await p.poll_feed(p.feeds[url])
            h = p.state[url].health
            delays.append(h.next_poll - h.last_attempt)  # type: ignore[operator]
        assert metric(p, "herald_feeds", health="failing") == 1
        assert metric(p, "herald_feed_consecutive_errors", feed="Grid Watch") == 6
        state["down"] = False
        await p.poll_feed(p.feeds[url])
        await p.close()
        return delays

    delays = run(go())
    for n, delay in enumerate(delays, 1):
        step = min(8.0, 2.0 ** (n - 1))
        assert step / 2 <= delay <= step + 1e-6, (n, delay)
    assert web.hits["/grid.xml"] == 7  # every poll went out: never disabled
    health = p.state[url].health
    assert (health.consecutive_errors, health.errors_total, health.last_status) == (0, 6, "200")
    assert len(pub.articles) == 2
    assert metric(p, "herald_feeds", health="failing") == 0
    assert metric(p, "herald_feed_consecutive_errors", feed="Grid Watch") == 0
    assert metric(p, "herald_feed_fetches_total", outcome="http_5xx") == 6
    assert metric(p, "herald_feed_last_success_timestamp_seconds", feed="Grid Watch") == health.last_success


def test_run_loop_retries_a_failing_feed_and_keeps_polling_a_healthy_one(web: WebFixture) -> None:
    """The scheduler itself: fixed 0.2 s intervals, a feed failing three times, a feed answering 304."""
    flaky = {"left": 3}

    def flaky_handler(req: Request) -> Reply:
        if flaky["left"] > 0:
            flaky["left"] -= 1
            return Reply(503, {}, b"maintenance")
        return Reply(200, RSS, rss("Flaky", wire_items("Flaky", 2)))

    def steady_handler(req: Request) -> Reply:
        if req.headers.get("if-none-match") == '"s"':
            return Reply(304, {})
        return Reply(200, {**RSS, "etag": '"s"'}, rss("Steady", wire_items("Steady", 3)))

    feeds = [
        feed_of(web.route("/flaky.xml", flaky_handler), "Flaky", interval=0.2),
        feed_of(web.route("/steady.xml", steady_handler), "Steady", interval=0.2),
    ]
    pub = MemoryPublisher()
    p = poller(feeds, publisher=pub, interval_floor_seconds=0.1, interval_ceiling_seconds=0.5)

    async def go() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(p.run(stop))
        async with asyncio.timeout(60):  # a liveness bound, not a speed assertion
            while not (len(pub.articles) == 5 and web.hits["/steady.xml"] >= 4):
                await asyncio.sleep(0.05)
        stop.set()
        await task
        await p.close()

    run(go())
    assert sorted(a.title.split(":")[0] for a in pub.articles) == ["Flaky"] * 2 + ["Steady"] * 3
    assert p.state[feeds[0].url].health.errors_total == 3
    assert p.state[feeds[0].url].health.consecutive_errors == 0
    assert p.state[feeds[1].url].health.not_modified >= 3


# --------------------------------------------------------------------------- politeness


def test_per_host_cap_holds_across_many_feeds(web: WebFixture) -> None:
    """Three hosts, four feeds each, cap 2: the server sees exactly two requests at a time per host.

    Each request waits for a second one to the same host (a barrier), so a working cap is observed
    as exactly 2 without relying on timing; a cap of 1 would never pair up, a broken cap exceeds 2.
    """
    barriers = {h: threading.Barrier(2, timeout=10) for h in ("a.feeds.test", "b.feeds.test", "c.feeds.test")}

    def handler(req: Request) -> Reply:
        try:
            barriers[req.host].wait()
        except threading.BrokenBarrierError:
            pass
        return Reply(200, RSS, rss(req.host, wire_items(req.path.strip("/").replace("/", "-"), 1)))

    feeds = []
    for host in barriers:
        for i in range(4):
            web.route(f"/{host}/{i}", handler)
            feeds.append(feed_of(web.url(f"/{host}/{i}", host=host), f"{host} {i}"))
    names = Names({h: ["127.0.0.1"] for h in barriers})
    p = poller(feeds, resolver=names, per_host_concurrency=2)
    assert run(p.run_once()) == 12
    assert dict(web.max_active) == {h: 2 for h in barriers}
    assert not any(b.broken for b in barriers.values())


# --------------------------------------------------------------------------- limits


def test_body_over_the_cap_is_refused(web: WebFixture) -> None:
    big = rss("Huge", wire_items("Huge", 3000))
    declared = web.route("/declared.xml", Reply(200, RSS, big))
    streamed = web.route(
        "/streamed.xml", Reply(200, RSS, (big[i : i + 8192] for i in range(0, len(big), 8192)))
    )
    p = poller([feed_of(declared, "Declared"), feed_of(streamed, "Streamed")], max_body_bytes=200_000)
    assert run(p.run_once()) == 0
    assert p.state[declared].health.last_status == "too_large"
    assert p.state[streamed].health.last_status == "too_large"
    assert metric(p, "herald_feed_fetches_total", outcome="too_large") == 2


def test_slow_server_hits_the_total_deadline(web: WebFixture) -> None:
    drip = Reply(200, RSS, (b"<rss version='2.0'>" if i == 0 else b" " for i in range(10_000)), pause=0.05)
    url = web.route("/drip.xml", drip)
    p = poller([feed_of(url, "Drip")], fetch_timeout_seconds=1)
    assert run(p.run_once()) == 0
    assert p.state[url].health.last_status == "timeout"
    assert metric(p, "herald_feed_fetches_total", outcome="timeout") == 1


def test_gzip_bomb_is_refused_with_bounded_memory(web: WebFixture) -> None:
    bomb = gzip.compress(b"<rss>" + b"\0" * 24_000_000, 9)  # ~23 KB on the wire, 24 MB inflated
    url = web.route("/bomb.xml", Reply(200, {**RSS, "content-encoding": "gzip"}, bomb))
    p = poller([feed_of(url, "Bomb")], max_body_bytes=1_000_000)

    async def go() -> int:
        await p.start()
        tracemalloc.start()
        try:
            await p.poll_feed(p.feeds[url])
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            await p.close()

    peak = run(go())
    assert p.state[url].health.last_status == "too_large"
    assert "after gzip decoding" in p.state[url].health.last_error
    assert peak < 8_000_000  # the cap plus one decompression step, not 24 MB


def test_billion_laughs_feed_is_refused_with_bounded_memory(web: WebFixture) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lollollollollollollollollollol">'
        + b"".join(
            b"<!ENTITY " + bytes([c]) + b' "' + (b"&" + bytes([c - 1]) + b";") * 10 + b'">'
            for c in range(ord("b"), ord("j"))
        )
        + b']><rss version="2.0"><channel><title>&i;</title><item><title>&i;</title></item></channel></rss>'
    )
    url = web.route("/laughs.xml", Reply(200, RSS, laughs))
    p = poller([feed_of(url, "Laughs")])

    async def go() -> int:
        await p.start()
        tracemalloc.start()
        try:
            await p.poll_feed(p.feeds[url])
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            await p.close()

    peak = run(go())
    assert p.state[url].health.last_status == "xml_entities"
    assert metric(p, "herald_feed_fetches_total", outcome="xml_entities") == 1
    assert peak < 8_000_000


# --------------------------------------------------------------------------- SSRF


@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.20.30.40/feed.xml",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[2002:a9fe:a9fe::1]/",
        "http://internal.feeds.test/admin",  # resolves to a private address (the resolver double)
        "http://rebind.feeds.test/",  # resolves to a public and a private address
        "file:///etc/passwd",
        "gopher://127.0.0.1:70/",
    ],
)
def test_redirect_into_private_addresses_is_refused_before_connecting(web: WebFixture, location: str) -> None:
    url = web.route("/moved.xml", Reply(302, {"location": location}))
    backend = Recording()
    names = Names({"internal.feeds.test": ["192.168.7.7"], "rebind.feeds.test": ["127.0.0.1", "10.0.0.8"]})
    p = poller([feed_of(url, "Moved")], resolver=names, backend=backend)
    assert run(p.run_once()) == 0
    assert p.state[url].health.last_status == "blocked"
    assert set(backend.connected) == {"127.0.0.1"}  # no connection to anything but the allowed server
    assert metric(p, "herald_feed_fetches_total", outcome="blocked") == 1


def test_connection_goes_to_the_vetted_address_and_keeps_the_name(web: WebFixture) -> None:
    web.route("/named.xml", Reply(200, RSS, rss("Named", wire_items("Named", 1))))
    names = Names({"wire.feeds.test": ["127.0.0.1"]})
    backend = Recording()
    url = web.url("/named.xml", host="wire.feeds.test")
    p = poller([feed_of(url, "Named")], resolver=names, backend=backend)
    assert run(p.run_once()) == 1
    assert backend.connected == ["127.0.0.1"]  # connected to the address that was checked ...
    assert names.calls == ["wire.feeds.test"]  # ... resolved once, no second lookup to rebind
    assert web.requests[-1].headers["host"] == f"wire.feeds.test:{web.port}"  # ... and the name kept


def test_without_allow_list_loopback_is_refused(web: WebFixture) -> None:
    url = web.route("/local.xml", Reply(200, RSS, rss("L", wire_items("L", 1))))
    backend = Recording()
    p = poller([feed_of(url, "Local")], allow_hosts="", backend=backend)
    assert run(p.run_once()) == 0
    assert p.state[url].health.last_status == "blocked" and backend.connected == []


def test_redirect_limit_and_permanent_redirects(web: WebFixture) -> None:
    web.route("/loop-a", Reply(302, {"location": "/loop-b"}))
    loop = web.route("/loop-b", Reply(302, {"location": "/loop-a"}))
    old = web.route("/old.xml", Reply(301, {"location": "/new.xml"}))
    web.route("/new.xml", Reply(200, RSS, rss("Moved", wire_items("Moved", 2))))
    p = poller([feed_of(loop, "Loop"), feed_of(old, "Old")], max_redirects=3)
    run(p.run_once())
    assert p.state[loop].health.last_status == "redirects"
    assert p.state[old].health.fetch_url == web.url("/new.xml")

    async def again() -> None:
        await p.poll_feed(p.feeds[old])
        await p.close()

    run(again())
    assert web.hits["/old.xml"] == 1 and web.hits["/new.xml"] == 2  # went straight to the new place


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("body", "headers", "outcome"),
    [
        (
            b"<!DOCTYPE html><html><head><title>Welcome</title></head><body>Subscribe</body></html>",
            {"content-type": "text/html"},
            "not_a_feed",
        ),
        (b"", RSS, "empty"),
        (b"<rss version='2.0'><channel><title>Broken</title", RSS, "malformed"),
        (b'{"items": []}', {"content-type": "application/json"}, "not_a_feed"),
        (b"\x1f\x8b\x08\x00garbage-not-gzip-at-all", {**RSS, "content-encoding": "gzip"}, "bad_compression"),
        (b"", {"content-encoding": "br"}, "bad_compression"),
    ],
)
def test_bad_input_gives_a_reason_a_counter_and_a_log_line(
    web: WebFixture, caplog: pytest.LogCaptureFixture, body: bytes, headers: dict[str, str], outcome: str
) -> None:
    url = web.route("/bad.xml", Reply(200, headers, body))
    p = poller([feed_of(url, "Odd Source")])
    with caplog.at_level(logging.WARNING, logger="herald.poller"):
        assert run(p.run_once()) == 0
    assert p.state[url].health.last_status == outcome
    assert metric(p, "herald_feed_fetches_total", outcome=outcome) == 1
    if outcome in REJECT_REASONS:
        assert metric(p, "herald_feed_parse_errors_total", reason=outcome) == 1
    lines = [r for r in caplog.records if getattr(r, "feed", None) == "Odd Source"]
    assert lines and lines[0].reason == outcome  # type: ignore[attr-defined]


def test_recovered_problems_still_deliver_entries(web: WebFixture, caplog: pytest.LogCaptureFixture) -> None:
    broken = rss("Broken", wire_items("Broken", 2)).replace(b"</channel>", b"<unclosed></channel>")
    latin = rss("Latin", wire_items("Café", 1)).decode().encode("latin-1")  # declared utf-8, is latin-1
    a = web.route("/broken.xml", Reply(200, RSS, broken))
    b = web.route("/latin.xml", Reply(200, RSS, latin))
    p = poller([feed_of(a, "Broken"), feed_of(b, "Latin")])
    with caplog.at_level(logging.WARNING, logger="herald.poller"):
        assert run(p.run_once()) == 3
    assert metric(p, "herald_feed_parse_problems_total", reason="malformed") >= 1
    assert metric(p, "herald_feed_parse_problems_total", reason="bad_encoding") == 1
    assert {getattr(r, "feed", None) for r in caplog.records} >= {"Broken", "Latin"}


# --------------------------------------------------------------------------- Kafka unavailable


def test_broker_outage_waits_retries_and_sends_each_article_once(web: WebFixture) -> None:
    url = web.route("/outage.xml", Reply(200, RSS, rss("Outage", wire_items("Outage", 3))))
    pub, store = MemoryPublisher(), MemoryStateStore()
    pub.fail_next = 3
    p = poller([feed_of(url, "Outage")], publisher=pub, store=store)
    assert run(p.run_once()) == 3
    assert pub.failures == 3 and len(pub.articles) == 3
    assert metric(p, "herald_producer_errors_total", kind="articles") == 3
    assert metric(p, "herald_poller_broker_waiting") == 0
    assert store.seen_writes == 1 and len(store.seen[url].seen) == 3


def test_state_does_not_advance_before_the_broker_acknowledged(web: WebFixture) -> None:
    """A poller stopped while Kafka is down has not recorded the entries, so the next one sends them."""
    url = web.route(
        "/pending.xml", Reply(200, {**RSS, "etag": '"p"'}, rss("Pending", wire_items("Pending", 2)))
    )
    pub, store = MemoryPublisher(), MemoryStateStore()
    pub.fail_next = 1000
    p = poller([feed_of(url, "Pending")], publisher=pub, store=store)

    async def crash_during_outage() -> None:
        await p.start()
        task = asyncio.create_task(p.poll_feed(p.feeds[url]))
        async with asyncio.timeout(30):
            while pub.failures < 2:
                await asyncio.sleep(0.02)
        assert not p.broker_ok.is_set()  # new fetches are held meanwhile
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await p.close()

    run(crash_during_outage())
    assert pub.articles == [] and url not in store.seen
    pub.fail_next = 0
    assert run(poller([feed_of(url, "Pending")], publisher=pub, store=store).run_once()) == 2
    assert "if-none-match" not in web.requests[-1].headers  # the validators were not stored either


def test_backoff_survives_a_restart(web: WebFixture) -> None:
    url = web.route("/down.xml", Reply(503, {"retry-after": "900"}, b"down for maintenance"))
    store = MemoryStateStore()
    run(poller([feed_of(url, "Down")], store=store).run_once())
    assert store.health[url].next_poll is not None
    p = poller([feed_of(url, "Down")], store=store)

    async def restart() -> float:
        await p.start()
        return p.next_due[url] - time.monotonic()

    assert run(restart()) > 800  # not polled again right away: the Retry-After still holds
    assert p.state[url].health.consecutive_errors == 1


def test_unchanged_body_without_validators_is_not_parsed_again(web: WebFixture) -> None:
    state = {"items": wire_items("Static", 2)}
    url = web.route("/static.xml", lambda req: Reply(200, RSS, rss("Static", state["items"])))
    pub = MemoryPublisher()
    p = poller([feed_of(url, "Static")], publisher=pub)

    async def go() -> list[int]:
        await p.start()
        sent = [await p.poll_feed(p.feeds[url]), await p.poll_feed(p.feeds[url])]
        state["items"] = wire_items("Static", 3)
        sent.append(await p.poll_feed(p.feeds[url]))
        await p.close()
        return sent

    assert run(go()) == [2, 0, 1]
    assert metric(p, "herald_feed_fetches_total", outcome="unchanged") == 1
    assert metric(p, "herald_feed_fetches_total", outcome="ok") == 2
    assert metric(p, "herald_feed_entries_total", kind="seen") == 2  # only the third poll parsed old ones
    assert p.state[url].health.unchanged == 1
