"""The heartbeat's HTTP server: the canary feed out, the canary's alert back in, metrics for both.

Routes: ``GET /feed.xml`` (the current round), ``GET /rounds/<n>`` (the page a canary item links
to), ``POST /alerts`` (the heartbeat alert route's webhook, Standard Webhooks signed),
``GET /metrics`` and ``GET /healthz``. A post that fails verification or names no canary round is
counted by outcome and answered 4xx, never allowed to advance the heartbeat: a forged or misrouted
post must not be able to hide a dead pipeline.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from herald.core import webhooks
from herald.core.http_server import BackgroundServer, QuietHandler

from . import canary_feed
from .metrics import HeartbeatMetrics
from .settings import HeartbeatSettings

log = logging.getLogger("herald.heartbeat")

DEFAULT_PORT = 9107
MAX_BODY_BYTES = 1_048_576


class Heartbeat:
    """The server's state: which round came back last. Thread-safe; the HTTP handler calls it."""

    def __init__(
        self, settings: HeartbeatSettings, registry: CollectorRegistry, clock: Callable[[], float] = time.time
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.secret = webhooks.decode_secret(settings.heartbeat_secret.get_secret_value())
        self.metrics = HeartbeatMetrics(registry)
        self.metrics.interval.set(settings.heartbeat_interval_seconds)
        # Until the first round returns, "last seen" is the start: a pipeline that never delivers one
        # still trips the missing-heartbeat alert three rounds after the server came up.
        self.last_seen = clock()
        self.metrics.last_seen.set(self.last_seen)
        self.newest_round: int | None = None
        self._lock = threading.Lock()

    def current(self) -> canary_feed.Round:
        return canary_feed.current(
            self.clock(), self.settings.heartbeat_interval_seconds, self.settings.heartbeat_base_url
        )

    def feed(self) -> bytes:
        self.metrics.feed_requests.inc()
        return canary_feed.render_feed(self.current())

    def receive(self, headers: dict[str, str], body: bytes) -> tuple[int, str]:
        """Handle one post to ``/alerts``; returns (HTTP status, outcome)."""
        now = self.clock()
        if self.secret and (
            webhooks.check(self.secret, headers, body, now, self.settings.heartbeat_max_clock_skew_seconds)
            is not webhooks.Verdict.OK
        ):
            return self._count(401, "bad_signature", headers)
        try:
            alert = json.loads(body)
            urls = alert["urls"]
            if not isinstance(urls, list):
                raise TypeError("urls is not a list")
        except (ValueError, KeyError, TypeError):
            return self._count(400, "invalid", headers)
        # A round that has not started yet was never published: any feed can carry the canary's tag
        # and a link that looks like ours, and a far-future round would pin "last seen" for good.
        settings = self.settings
        latest = int((now + settings.heartbeat_max_clock_skew_seconds) // settings.heartbeat_interval_seconds)
        rounds = [
            r
            for r in (canary_feed.round_of(str(u), self.settings.heartbeat_base_url) for u in urls)
            if r is not None and r <= latest
        ]
        if not rounds:
            # A real alert routed here is a routing bug worth seeing, but it proves nothing about canaries.
            return self._count(422, "foreign", headers)
        number = max(rounds)
        started = number * self.settings.heartbeat_interval_seconds
        with self._lock:
            fresh = self.newest_round is None or number > self.newest_round
            if fresh:
                self.newest_round = number
                self.last_seen = max(started, self.last_seen)
                self.metrics.last_seen.set(self.last_seen)
        if not fresh:
            # Redelivery is normal (at-least-once); acknowledge so the sink stops retrying.
            return self._count(200, "repeat", headers)
        self.metrics.round_trip.observe(max(0.0, now - started))
        log.info(
            "heartbeat round came back", extra={"round": number, "round_trip_s": round(now - started, 3)}
        )
        return self._count(200, "ok", headers)

    def _count(self, status: int, outcome: str, headers: dict[str, str]) -> tuple[int, str]:
        self.metrics.received.labels(outcome).inc()
        if status >= 400:
            log.warning(
                "heartbeat post refused", extra={"outcome": outcome, "webhook_id": headers.get("webhook-id")}
            )
        return status, outcome


class HeartbeatServer:
    """Serves a :class:`Heartbeat` over HTTP on ``host:port`` (port 0 picks a free one)."""

    def __init__(self, heartbeat: Heartbeat, registry: CollectorRegistry, host: str, port: int) -> None:
        self.heartbeat = heartbeat
        beat = heartbeat

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                if path == "/feed.xml":
                    self._reply(200, "application/rss+xml; charset=utf-8", beat.feed())
                elif path.startswith("/rounds/"):
                    page = (
                        f"<!doctype html><title>Herald heartbeat</title><p>Canary round {path[8:]}: not news."
                    )
                    self._reply(200, "text/html; charset=utf-8", page.encode())
                elif path == "/metrics":
                    self._reply(200, CONTENT_TYPE_LATEST, generate_latest(registry))
                elif path == "/healthz":
                    self._reply(200, "application/json", b'{"ok": true}')
                else:
                    self._reply(404, "text/plain", b"not found")

            def do_POST(self) -> None:
                if self.path.split("?", 1)[0] != "/alerts":
                    self._reply(404, "text/plain", b"not found")
                    return
                length = int(self.headers.get("content-length") or 0)
                if length > MAX_BODY_BYTES:
                    self._reply(413, "text/plain", b"too large")
                    return
                body = self.rfile.read(length)
                status, outcome = beat.receive({k.lower(): v for k, v in self.headers.items()}, body)
                self._reply(status, "application/json", json.dumps({"outcome": outcome}).encode())

            def _reply(self, status: int, content_type: str, body: bytes) -> None:
                self.reply(status, body, {"content-type": content_type})

        self.http = BackgroundServer(Handler, host, port, name="heartbeat-http")

    @property
    def url(self) -> str:
        return self.http.base_url

    def start(self) -> HeartbeatServer:
        self.http.start()
        return self

    def stop(self) -> None:
        self.http.stop()
