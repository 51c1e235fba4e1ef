"""Routing, digests, the ledger, the retry stage and Slack's text handling, with in-memory doubles."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from herald.alerts.backfill import as_history, is_events_file, publish
from herald.alerts.digest import DigestBuffer
from herald.alerts.dispatch import SinkDispatcher
from herald.alerts.ledger import DIGESTED, Ledger
from herald.alerts.routing import Decision, Route
from herald.alerts.settings import AlertSettings
from herald.alerts.sinks.base import DeliveryError, Digest
from herald.alerts.sinks.memory import MemorySink
from herald.alerts.sinks.retry import Retrier, RetryPolicy
from herald.alerts.sinks.slack import digest_message, escape, link, message, truncate
from herald.core.records import Alert, Event, Location, stable_id

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def alert(n: int, severity: int = 5, type: str = "coup", country: str | None = "ML", **kw: Any) -> Alert:
    return Alert(
        id=stable_id("alert", str(n)),
        rule="new_type",
        event_id=stable_id("e", str(n)),
        article_id=stable_id("a", str(n)),
        story_id=stable_id("s", str(n)),
        type=type,
        severity=severity,
        title=f"Alert {n}",
        text="First coup reported in ML in 30 days.",
        urls=[f"https://news.example.test/{n}"],
        created_at=NOW,
        published=NOW,
        fetched_at=NOW,
        location=Location(name="Bamako", country_code=country) if country else None,
        **kw,
    )


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def retrier(clock: FakeClock, policy: RetryPolicy | None = None) -> Retrier:
    return Retrier(policy or RetryPolicy(), sleep=clock.sleep, clock=clock, rng=random.Random(7))


def test_route_filters_by_severity_type_country_and_digest() -> None:
    route = Route(
        min_severity=4, types=frozenset({"coup"}), countries=frozenset({"ML"}), digest_min_severity=2
    )
    assert route.decide(alert(1)) is Decision.SEND
    assert route.decide(alert(1, severity=3)) is Decision.DIGEST
    assert route.decide(alert(1, severity=1)) is Decision.SKIP
    assert route.decide(alert(1, type="protest")) is Decision.SKIP
    assert route.decide(alert(1, country="NE")) is Decision.SKIP
    assert route.decide(alert(1, country=None)) is Decision.SKIP
    assert Route().decide(alert(1, severity=1, country=None)) is Decision.SEND


def test_settings_build_routes_from_comma_lists(monkeypatch: Any) -> None:
    monkeypatch.setenv("HERALD_SLACK_TYPES", "coup, air_drone_strike")
    monkeypatch.setenv("HERALD_SLACK_COUNTRIES", "ml,ua")
    monkeypatch.setenv("HERALD_SLACK_MIN_SEVERITY", "4")
    monkeypatch.setenv("HERALD_SLACK_DIGEST_MIN_SEVERITY", "2")
    monkeypatch.setenv("HERALD_NOVELTY_ROUTINE_MIN_DAYS", "5")
    settings = AlertSettings()
    assert settings.route("slack") == Route(
        4, frozenset({"coup", "air_drone_strike"}), frozenset({"ML", "UA"}), 2
    )
    assert settings.route("webhook") == Route()
    assert settings.novelty().routine_min_days == 5


def test_dispatch_delivers_once_and_the_ledger_skips_repeats() -> None:
    clock = FakeClock()
    sink = MemorySink()
    ledger = Ledger({})
    disp = SinkDispatcher(sink, Route(), ledger, retrier(clock), clock=clock)
    assert asyncio.run(disp.handle(alert(1))).outcome == "delivered"
    assert asyncio.run(disp.handle(alert(1))).outcome == "duplicate"
    assert [a.id for a in sink.alerts] == [alert(1).id]
    assert ledger.status("memory", alert(1).id) == "delivered"


def test_retry_backs_off_with_jitter_and_honours_retry_after() -> None:
    clock = FakeClock()
    failures = [
        DeliveryError("HTTP 503", retryable=True),
        DeliveryError("HTTP 503", retryable=True),
        DeliveryError("HTTP 429", retryable=True, retry_after=7.0),
        DeliveryError("HTTP 503", retryable=True),
    ]
    sink = MemorySink(failures=failures)
    policy = RetryPolicy(initial=1.0, maximum=8.0, give_up_after=100.0)
    result = asyncio.run(
        SinkDispatcher(sink, Route(), Ledger({}), retrier(clock, policy), clock=clock).handle(alert(2))
    )
    assert result.outcome == "delivered" and result.attempts == 5
    assert clock.slept[2] == 7.0
    for attempt, wait in [(1, clock.slept[0]), (2, clock.slept[1]), (4, clock.slept[3])]:
        base = min(8.0, 2 ** (attempt - 1))
        assert base / 2 <= wait <= base


def test_retry_gives_up_at_the_deadline_and_permanent_errors_at_once() -> None:
    clock = FakeClock()
    sink = MemorySink(failures=[DeliveryError("HTTP 500", retryable=True)] * 1000)
    policy = RetryPolicy(initial=1.0, maximum=10.0, give_up_after=60.0)
    result = asyncio.run(
        SinkDispatcher(sink, Route(), Ledger({}), retrier(clock, policy), clock=clock).handle(alert(3))
    )
    assert result.outcome == "failed" and result.error is not None and result.error.retryable
    assert sum(clock.slept) <= 60.0 and sink.attempts >= 5
    sink = MemorySink(failures=[DeliveryError("HTTP 403", retryable=False)])
    result = asyncio.run(
        SinkDispatcher(sink, Route(), Ledger({}), retrier(clock), clock=clock).handle(alert(4))
    )
    assert result.outcome == "failed" and sink.attempts == 1


def test_a_sink_that_raises_anything_else_is_a_permanent_failure() -> None:
    class Broken(MemorySink):
        async def send(self, a: Alert) -> None:
            raise KeyError("bug")

    clock = FakeClock()
    result = asyncio.run(
        SinkDispatcher(Broken(), Route(), Ledger({}), retrier(clock), clock=clock).handle(alert(5))
    )
    assert result.outcome == "failed" and result.error is not None
    assert not result.error.retryable and "KeyError" in str(result.error)


def test_digest_collects_low_severity_and_sends_once_when_due() -> None:
    clock = FakeClock()
    store: dict[str, Any] = {}
    sink = MemorySink()
    route = Route(min_severity=4, digest_min_severity=2)
    disp = SinkDispatcher(sink, route, Ledger(store), retrier(clock), DigestBuffer(store, 60.0), clock=clock)
    assert asyncio.run(disp.handle(alert(1, severity=3), "p0")).outcome == "digested"
    assert asyncio.run(disp.handle(alert(1, severity=3), "p0")).outcome == "duplicate"  # redelivered
    assert asyncio.run(disp.handle(alert(2, severity=2), "p0")).outcome == "digested"
    assert asyncio.run(disp.handle(alert(3, severity=5), "p0")).outcome == "delivered"
    assert Ledger(store).status("memory", alert(2).id) == DIGESTED
    assert asyncio.run(disp.flush_digest("p0")) is None  # not due yet
    clock.now += 61
    result = asyncio.run(disp.flush_digest("p0"))
    assert result is not None and result.outcome == "delivered"
    (digest,) = sink.digests
    assert [a.id for a in digest.alerts] == [alert(1).id, alert(2).id]
    assert digest.id == Digest.of("memory", list(digest.alerts)).id
    assert asyncio.run(disp.flush_digest("p0", force=True)) is None  # emptied
    assert [a.id for a in sink.alerts] == [alert(3).id]


def test_slack_text_helpers() -> None:
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    assert truncate(escape("a&b" * 10), 8) == "a&amp;b…"
    assert truncate("abc", 3) == "abc"
    assert link("https://x.test/a", "T|<t>") == "<https://x.test/a|T¦&lt;t&gt;>"
    assert link("javascript:alert(1)", "T") == "T"
    payload = message(alert(6, update_of=stable_id("alert", "5")))
    assert payload["blocks"][0]["text"]["text"].startswith("Update — New: coup")
    many = Digest.of("slack", [alert(i, severity=2) for i in range(60)])
    d = digest_message(many)
    assert "and 20 more" in str(d["blocks"]) and len(d["blocks"]) <= 50


def test_backfill_marks_history_and_keys_by_type_family(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[2] / "data" / "alerts" / "death_toll.events.jsonl"
    assert is_events_file(data)
    articles = tmp_path / "a.jsonl"
    articles.write_text('{"id": "x", "title": "t", "url": "https://x.test"}\n')
    assert not is_events_file(articles)
    events = [Event.model_validate_json(line) for line in data.read_text().splitlines()]
    history = as_history(reversed(events))
    assert all(e.learn_only for e in history)
    assert [e.published for e in history] == sorted(e.published for e in events)
    sent: list[tuple[str, bytes, bytes]] = []
    assert publish(history, lambda t, k, v: sent.append((t, k, v)), "news.events") == len(events)
    assert {k for _, k, _ in sent} == {b"disaster"}  # natural_disaster's family: novelty's partitioning


def test_sinks_come_from_settings_and_empty_values_mean_off() -> None:
    from herald.alerts.delivery_agent import sinks_from

    off = AlertSettings(webhook_url="", slack_webhook_url="", alertmanager_url="", console_sink=False)
    assert sinks_from(off) == []
    on = AlertSettings(
        webhook_url="http://127.0.0.1:9/hook",
        webhook_secret="whsec_c2VjcmV0",
        slack_webhook_url="http://127.0.0.1:9/slack",
        slack_min_severity=4,
        alertmanager_url="http://127.0.0.1:9/",
        console_sink=True,
    )
    configured = sinks_from(on)
    assert [(s.name, r.min_severity) for s, r in configured] == [
        ("webhook", 1),
        ("slack", 4),
        ("alertmanager", 1),
        ("console", 1),
    ]

    async def close() -> None:
        for sink, _ in configured:
            await sink.close()

    asyncio.run(close())
