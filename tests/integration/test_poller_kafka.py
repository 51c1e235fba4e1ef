"""The poller as a process against the real broker: restarts do not re-send, a broker outage loses
nothing, and ``herald feeds list`` shows what the poller recorded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
import yaml
from tests.support.environment import ROOT, herald_env
from tests.support.procs import read_topic, wait_for

from herald.core import topics
from herald.core.settings import CoreSettings
from herald.poller.output import read_state
from herald_dev.local.ports import free_port
from herald_dev.webfixture import Reply, Request, WebFixture, rss

pytestmark = pytest.mark.kafka


def items(n: int, desk: str) -> list[dict[str, str]]:
    base = datetime(2026, 3, 14, 5, 0, tzinfo=UTC)
    return [
        {
            "title": f"Ministry confirms {i + 2} aftershocks near coastal town, schools closed",
            "link": f"https://coast.example.org/{desk}/quake/{i}?utm_medium=rss",
            "description": f"Seismologists recorded aftershock {i}, magnitude {4 + i / 10:.1f}, before dawn.",
            "pubDate": format_datetime(base + timedelta(minutes=7 * i)),
        }
        for i in range(n)
    ]


class GrowingFeed:
    """A feed whose entries can be added while the poller runs; honours If-None-Match."""

    def __init__(self, n: int, desk: str) -> None:
        self.n = n
        self.desk = desk

    def __call__(self, req: Request) -> Reply:
        etag = f'"coast-{self.n}"'
        if req.headers.get("if-none-match") == etag:
            return Reply(304, {"etag": etag})
        return Reply(
            200,
            {"content-type": "application/rss+xml", "etag": etag},
            rss("Coast Desk", items(self.n, self.desk)),
        )


def article_ids(bootstrap: str) -> list[str]:
    return [json.loads(r.value)["id"] for r in read_topic(bootstrap, topics.ARTICLES.name) if r.value]


def herald(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "herald.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def coast(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[WebFixture, GrowingFeed, Path]]:
    feed = GrowingFeed(3, request.node.name[:40])  # distinct article URLs per test
    with WebFixture() as web:
        url = web.route("/coast.xml", feed)
        path = tmp_path / "feeds.yaml"
        path.write_text(yaml.safe_dump({"feeds": [{"name": "Coast Desk", "url": url, "tags": ["quake"]}]}))
        yield web, feed, path


def test_restart_does_not_resend_seen_entries(
    kafka: dict[str, str], coast: tuple[WebFixture, GrowingFeed, Path]
) -> None:
    web, feed, path = coast
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    env = herald_env(
        {
            **kafka,
            "HERALD_FEEDS_FILE": str(path),
            "HERALD_ALLOW_HOSTS": "127.0.0.1",
            "HERALD_STARTUP_SPREAD_SECONDS": "0",
        }
    )

    def poll_once() -> str:
        result = herald({**env, "HERALD_METRICS_PORT": str(free_port())}, "poll", "--once")
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    assert "sent 3 new articles" in poll_once()
    first = article_ids(bootstrap)
    assert len(first) == 3
    assert "sent 0 new articles" in poll_once()  # a new process: state came back from Kafka
    assert web.requests[-1].headers.get("if-none-match") == '"coast-3"'
    assert sorted(article_ids(bootstrap)) == sorted(first)
    feed.n = 5
    assert "sent 2 new articles" in poll_once()
    ids = article_ids(bootstrap)
    assert set(first) < set(ids) and len(ids) == 5 and len(set(ids)) == 5

    remembered = read_state(CoreSettings(kafka_bootstrap=bootstrap))[web.url("/coast.xml")]
    assert set(ids) <= set(remembered.seen.seen)
    assert remembered.health.fetches_ok == 3 and remembered.health.not_modified == 1

    listed = herald({**env, "HERALD_METRICS_PORT": str(free_port())}, "feeds", "list", "--json")
    assert listed.returncode == 0, listed.stderr[-3000:]
    (row,) = [json.loads(line) for line in listed.stdout.splitlines() if line.startswith("{")]
    assert row["name"] == "Coast Desk" and row["health"] == "ok"
    assert row["last_status"] == "200" and row["ratio_304"] == "33%" and row["errors"] == "0/0"
    assert row["next_poll"].startswith("in ")


def _metric(port: int, name: str) -> float | None:
    try:
        text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2).read().decode()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            return float(line.rsplit(" ", 1)[1])
    return None


@pytest.mark.fault
def test_broker_outage_makes_the_poller_wait_and_lose_nothing(
    kafka: dict[str, str], kafka_broker: object, tmp_path: Path, coast: tuple[WebFixture, GrowingFeed, Path]
) -> None:
    """The broker is frozen (SIGSTOP: connections hang, nothing is acknowledged, as in a long GC pause
    or a network black hole) while the poller runs and entries arrive; once it thaws, every entry is
    in Kafka and the poller's state covers them. Freezing the session's broker instead of restarting
    a broker of its own keeps this test to seconds; it is always thawed in ``finally``."""
    web, feed, path = coast
    path.write_text(
        yaml.safe_dump({"feeds": [{"name": "Coast Desk", "url": web.url("/coast.xml"), "interval": 1}]})
    )
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    before = set(article_ids(bootstrap))
    metrics_port = free_port()
    env = herald_env(
        {
            **kafka,
            "HERALD_FEEDS_FILE": str(path),
            "HERALD_ALLOW_HOSTS": "127.0.0.1",
            "HERALD_STARTUP_SPREAD_SECONDS": "0",
            "HERALD_INTERVAL_FLOOR_SECONDS": "1",
            "HERALD_INTERVAL_CEILING_SECONDS": "2",
            "HERALD_METRICS_PORT": str(metrics_port),
            "HERALD_KAFKA_ACK_TIMEOUT_SECONDS": "3",
        }
    )
    pid = kafka_broker.pid()  # type: ignore[attr-defined]
    assert pid
    log_path = tmp_path / "poller.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "herald.cli", "poll"], env=env, cwd=ROOT, stdout=log, stderr=log
        )
        try:
            feed.n = 3
            wait_for(
                lambda: len(set(article_ids(bootstrap)) - before) == 3, 120, what="the first three articles"
            )
            os.kill(pid, signal.SIGSTOP)
            try:
                feed.n = 6  # news arrives while Kafka does not answer
                wait_for(
                    lambda: _metric(metrics_port, "herald_poller_broker_waiting") == 1.0,
                    120,
                    what="the poller to hold",
                )
                held_at = web.hits["/coast.xml"]
                time.sleep(2.5)  # more than two intervals: the poller must not fetch while holding
                assert web.hits["/coast.xml"] == held_at
            finally:
                os.kill(pid, signal.SIGCONT)
            wait_for(
                lambda: len(set(article_ids(bootstrap)) - before) == 6,
                120,
                what="all six articles after the thaw",
            )
            wait_for(
                lambda: _metric(metrics_port, "herald_poller_broker_waiting") == 0.0,
                120,
                what="the poller to resume",
            )
            wait_for(lambda: web.hits["/coast.xml"] > held_at + 1, 120, what="polling to resume")
            sent = set(article_ids(bootstrap)) - before
            remembered = read_state(CoreSettings(kafka_bootstrap=bootstrap))[web.url("/coast.xml")]
            assert sent <= set(remembered.seen.seen)
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    text = log_path.read_text()
    assert proc.returncode == 0, text[-3000:]
    assert "Kafka did not acknowledge" in text and "Kafka acknowledged again" in text
