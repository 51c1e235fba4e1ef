"""The heartbeat server over real HTTP on 127.0.0.1: its canary feed, and the alert coming back.

The canary is fetched and normalised by the poller's own code, and the alert is posted by the delivery
worker's real ``WebhookSink``, so the three agree on the feed format and the Standard Webhooks
signature. Time is the real clock plus an offset the test moves, so rounds can pass instantly.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
import pytest
from prometheus_client import CollectorRegistry

from herald.alerts.sinks.base import DeliveryError
from herald.alerts.sinks.webhook import WebhookSink
from herald.core.records import Alert, Article, stable_id
from herald.heartbeat import canary_feed as canary
from herald.heartbeat.server import Heartbeat, HeartbeatServer
from herald.heartbeat.settings import HeartbeatSettings
from herald.poller.normalize import article_from_entry
from herald.poller.service import parse
from herald_dev.local.ports import free_port
from tests.support.environment import herald_env

SECRET = "whsec_" + "aGVhcnRiZWF0LXRlc3Qtc2lnbmluZy1rZXk="  # base64 of a test phrase
INTERVAL = 60.0


@dataclass
class Clock:
    offset: float = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@dataclass
class Running:
    server: HeartbeatServer
    registry: CollectorRegistry
    clock: Clock

    def metric(self, name: str, **labels: str) -> float:
        value = self.registry.get_sample_value(name, labels)
        assert value is not None, name
        return value

    def fetch_article(self) -> Article:
        body = httpx.get(f"{self.server.url}/feed.xml", timeout=5).content
        (entry,) = parse(body).entries
        article = article_from_entry(
            entry,
            source="herald-heartbeat",
            feed_url=f"{self.server.url}/feed.xml",
            language="en",
            now=datetime.now(UTC),
        )
        assert article is not None
        return article

    def deliver(self, alert: Alert, secret: str = SECRET) -> None:
        async def send() -> None:
            sink = WebhookSink(f"{self.server.url}/alerts", secret, name="heartbeat")
            try:
                await sink.send(alert)
            finally:
                await sink.close()

        asyncio.run(send())


def alert_for(article: Article, url: str | None = None) -> Alert:
    """The alert the pipeline's heartbeat route would raise for a canary article."""
    return Alert(
        id=stable_id("alert", article.id),
        rule="heartbeat",
        event_id=stable_id("event", article.id),
        article_id=article.id,
        story_id=stable_id("story", article.id),
        type="heartbeat",
        severity=1,
        title=article.title,
        text="pipeline heartbeat",
        urls=[url or article.url],
        created_at=datetime.now(UTC),
        published=article.published,
        fetched_at=article.fetched_at,
    )


def start(secret: str = SECRET) -> Running:
    clock = Clock()
    registry = CollectorRegistry()
    base = "http://127.0.0.1:{port}"
    port = free_port()
    settings = HeartbeatSettings(
        heartbeat_interval_seconds=INTERVAL,
        heartbeat_base_url=base.format(port=port),
        heartbeat_secret=secret,
    )
    server = HeartbeatServer(Heartbeat(settings, registry, clock), registry, "127.0.0.1", port).start()
    return Running(server, registry, clock)


@pytest.fixture
def hb() -> Iterator[Running]:
    running = start()
    try:
        yield running
    finally:
        running.server.stop()


def test_the_canary_feed_is_one_tagged_item_that_changes_each_round(hb: Running) -> None:
    first = hb.fetch_article()
    assert canary.CANARY_TAG in first.tags, "the stages recognise canaries by this tag"
    assert canary.round_of(first.url, hb.server.heartbeat.settings.heartbeat_base_url) is not None
    assert hb.fetch_article().id == first.id, "within a round the poller sees the same article"
    hb.clock.offset += INTERVAL
    second = hb.fetch_article()
    assert second.id != first.id and second.title != first.title and second.summary != first.summary
    assert second.published > first.published
    assert hb.metric("herald_heartbeat_feed_requests_total") == 3
    assert hb.metric("herald_heartbeat_interval_seconds") == INTERVAL


def test_a_signed_canary_alert_advances_the_heartbeat(hb: Running) -> None:
    started_at = hb.metric("herald_heartbeat_last_seen_timestamp_seconds")
    article = hb.fetch_article()
    rnd = canary.round_of(article.url, hb.server.heartbeat.settings.heartbeat_base_url)
    assert rnd is not None
    hb.deliver(alert_for(article))
    assert hb.metric("herald_heartbeat_alerts_received_total", outcome="ok") == 1
    assert hb.metric("herald_heartbeat_last_seen_timestamp_seconds") == max(rnd * INTERVAL, started_at)
    assert hb.metric("herald_heartbeat_round_trip_seconds_count") == 1
    assert 0 <= hb.metric("herald_heartbeat_round_trip_seconds_sum") <= INTERVAL + 5

    # A redelivery is acknowledged (so the sink stops retrying) but proves nothing new.
    hb.deliver(alert_for(article))
    assert hb.metric("herald_heartbeat_alerts_received_total", outcome="repeat") == 1
    assert hb.metric("herald_heartbeat_round_trip_seconds_count") == 1

    # The next round's alert moves the heartbeat on by one interval.
    hb.clock.offset += INTERVAL
    later = hb.fetch_article()
    hb.deliver(alert_for(later))
    assert hb.metric("herald_heartbeat_last_seen_timestamp_seconds") == (rnd + 1) * INTERVAL
    # And a late copy of the old round does not move it back.
    hb.deliver(alert_for(article))
    assert hb.metric("herald_heartbeat_last_seen_timestamp_seconds") == (rnd + 1) * INTERVAL


def test_a_forged_or_misrouted_post_never_counts(hb: Running) -> None:
    before = hb.metric("herald_heartbeat_last_seen_timestamp_seconds")
    article = hb.fetch_article()
    with pytest.raises(DeliveryError, match="HTTP 401"):
        hb.deliver(alert_for(article), secret="whsec_" + "d3Jvbmcta2V5LXdyb25nLWtleQ==")
    with pytest.raises(DeliveryError, match="HTTP 422"):
        hb.deliver(alert_for(article, url="https://news.example.org/2026/11/25/drones"))
    response = httpx.post(f"{hb.server.url}/alerts", content=b"not json", timeout=5)
    assert response.status_code == 401, "unsigned posts are refused when a secret is set"
    assert hb.metric("herald_heartbeat_alerts_received_total", outcome="bad_signature") == 2
    assert hb.metric("herald_heartbeat_alerts_received_total", outcome="foreign") == 1
    assert hb.metric("herald_heartbeat_last_seen_timestamp_seconds") == before
    assert hb.metric("herald_heartbeat_round_trip_seconds_count") == 0


def test_a_round_that_has_not_started_is_foreign(hb: Running) -> None:
    """Any feed can carry the canary's tag and a link shaped like ours: a far-future round must not
    pin "last seen" ahead of the clock, where it would silence the missing-heartbeat alert for good."""
    before = hb.metric("herald_heartbeat_last_seen_timestamp_seconds")
    article = hb.fetch_article()
    rnd = canary.round_of(article.url, hb.server.heartbeat.settings.heartbeat_base_url)
    assert rnd is not None
    base = hb.server.heartbeat.settings.heartbeat_base_url
    ahead = int(hb.server.heartbeat.settings.heartbeat_max_clock_skew_seconds // INTERVAL) + 2
    with pytest.raises(DeliveryError, match="HTTP 422"):
        hb.deliver(alert_for(article, url=f"{base}/rounds/{rnd + ahead}"))
    assert hb.metric("herald_heartbeat_alerts_received_total", outcome="foreign") == 1
    assert hb.metric("herald_heartbeat_last_seen_timestamp_seconds") == before
    # The round that is on the feed now still counts.
    hb.deliver(alert_for(article))
    assert hb.metric("herald_heartbeat_alerts_received_total", outcome="ok") == 1


def test_a_replayed_signature_from_long_ago_is_refused(hb: Running) -> None:
    article = hb.fetch_article()
    hb.clock.offset += 10 * 60  # the server's now is ten minutes after the sink's timestamp
    with pytest.raises(DeliveryError, match="HTTP 401"):
        hb.deliver(alert_for(article))


def test_without_a_secret_unsigned_posts_are_accepted_and_garbage_is_invalid() -> None:
    running = start(secret="")
    try:
        article = running.fetch_article()
        response = httpx.post(f"{running.server.url}/alerts", content=alert_for(article).to_json(), timeout=5)
        assert response.status_code == 200 and response.json() == {"outcome": "ok"}
        response = httpx.post(f"{running.server.url}/alerts", content=b"{not json", timeout=5)
        assert response.status_code == 400
        assert running.metric("herald_heartbeat_alerts_received_total", outcome="invalid") == 1
    finally:
        running.server.stop()


def test_metrics_and_health_over_http(hb: Running) -> None:
    text = httpx.get(f"{hb.server.url}/metrics", timeout=5).text
    assert "herald_heartbeat_last_seen_timestamp_seconds" in text
    assert httpx.get(f"{hb.server.url}/healthz", timeout=5).json() == {"ok": True}
    assert httpx.get(f"{hb.server.url}/nothing", timeout=5).status_code == 404


def test_herald_heartbeat_serve_runs_as_a_process_and_stops_on_sigterm(tmp_path: object) -> None:
    port = free_port()
    env = herald_env(
        {
            "HERALD_METRICS_PORT": str(port),
            "HERALD_HEARTBEAT_INTERVAL_SECONDS": "30",
            "HERALD_HEARTBEAT_BASE_URL": f"http://127.0.0.1:{port}",
            "HERALD_STATE_DIR": str(tmp_path),
        }
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "herald.cli", "heartbeat", "serve"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                metrics = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline, "heartbeat did not start"
                time.sleep(0.1)
        assert "herald_heartbeat_interval_seconds 30.0" in metrics
        assert "process_resident_memory_bytes" in metrics  # the global registry, as Prometheus sees it
        feed = httpx.get(f"http://127.0.0.1:{port}/feed.xml", timeout=2).text
        assert f"http://127.0.0.1:{port}/rounds/" in feed
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
