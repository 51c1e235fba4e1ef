"""The heartbeat's canary in novelty and delivery: one ``heartbeat`` alert per canary event, no
novelty state touched, and a route of its own that users' sinks never share."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import CollectorRegistry
from tests.support.schemas import errors

from herald.alerts import delivery_agent
from herald.alerts.dispatch import SinkDispatcher
from herald.alerts.ledger import Ledger
from herald.alerts.novelty import NoveltyConfig, NoveltyDetector
from herald.alerts.routing import Decision, Route
from herald.alerts.settings import AlertSettings
from herald.alerts.sinks.memory import MemorySink
from herald.alerts.sinks.retry import Retrier, RetryPolicy
from herald.alerts.sinks.webhook import WebhookSink
from herald.core.heartbeat_markers import HEARTBEAT_RULE, HEARTBEAT_TYPE
from herald.core.records import Actor, Alert, Event, Location, stable_id

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
SECRET = "whsec_" + "aGVhcnRiZWF0LXVuaXQtdGVzdC1rZXk="


def heartbeat_event(n: int, **kw: Any) -> Event:
    article_id = stable_id("url", f"http://heartbeat:9107/rounds/{n}")
    event_id = stable_id("event", article_id, HEARTBEAT_TYPE)
    return Event(
        id=event_id,
        article_id=article_id,
        story_id=stable_id("story", HEARTBEAT_TYPE, event_id),
        type=HEARTBEAT_TYPE,
        severity=1,
        magnitude={},
        location=None,
        actors=[],
        published=T0 + timedelta(minutes=5 * n),
        fetched_at=T0 + timedelta(minutes=5 * n, seconds=20),
        title=f"Herald heartbeat {n}: pipeline check",
        url=f"http://heartbeat:9107/rounds/{n}",
        source="herald-heartbeat",
        **kw,
    )


def coup(n: int) -> Event:
    article_id = stable_id("article", str(n))
    event_id = stable_id("event", article_id, "coup")
    return Event(
        id=event_id,
        article_id=article_id,
        story_id=stable_id("story", event_id),
        type="coup",
        severity=5,
        magnitude={},
        location=Location(name="Bamako", country_code="ML", admin1="Bamako"),
        actors=[Actor(name="the army")],
        published=T0 + timedelta(hours=n),
        fetched_at=T0 + timedelta(hours=n),
        title=f"Soldiers seize state broadcaster in Bamako ({n})",
        url=f"https://wire.example.test/coup/{n}",
        source="Wire",
    )


# -- novelty ---------------------------------------------------------------------------------------


def test_every_heartbeat_event_raises_exactly_one_alert_keyed_by_the_event() -> None:
    store: dict[str, Any] = {}
    detector = NoveltyDetector(store, NoveltyConfig(min_severity=4))
    beat = heartbeat_event(1)
    (alert,) = detector.observe(beat, now=T0)
    assert alert.rule == HEARTBEAT_RULE and alert.type == HEARTBEAT_TYPE and alert.severity == 1
    assert (alert.event_id, alert.story_id, alert.article_id) == (beat.id, beat.story_id, beat.article_id)
    assert alert.urls == [beat.url], "the heartbeat server reads the round from the alert's link"
    assert alert.update_of is None
    assert errors("alert.json", alert.model_dump(mode="json")) == []
    # Redelivered: the same id, so delivery's ledger (and the heartbeat server) see a repeat.
    (again,) = detector.observe(beat, now=T0 + timedelta(minutes=1))
    assert again.id == alert.id
    # Every round raises its own, even though each is "the same kind of thing" as the last.
    ids = {a.id for n in range(2, 6) for a in detector.observe(heartbeat_event(n))}
    assert len(ids) == 4 and alert.id not in ids
    assert store == {}, "no first-of-type, series, warm-up or story state for canaries"


def test_canaries_alert_during_the_learning_period_and_leave_user_novelty_alone() -> None:
    config = NoveltyConfig(min_severity=4, learn_until=T0 + timedelta(days=30), warmup=timedelta(days=1))
    store: dict[str, Any] = {}
    assert len(NoveltyDetector(store, config).observe(heartbeat_event(1))) == 1
    assert store == {}

    # With or without canaries before it, the first coup is news and raises the same alert.
    plain, with_beats = NoveltyDetector({}), NoveltyDetector({})
    for n in range(3):
        with_beats.observe(heartbeat_event(n))
    first_plain, first_after = plain.assess(coup(1), now=T0), with_beats.assess(coup(1), now=T0)
    assert [a.rule for a in first_plain.alerts] == ["new_type"]
    assert [a.id for a in first_after.alerts] == [a.id for a in first_plain.alerts]
    assert with_beats.store == plain.store


def test_a_backfilled_canary_is_history_and_raises_nothing() -> None:
    store: dict[str, Any] = {}
    assert NoveltyDetector(store).observe(heartbeat_event(1, learn_only=True)) == []
    assert store == {}


# -- routing and delivery --------------------------------------------------------------------------


def alert_of(event: Event) -> Alert:
    (alert,) = NoveltyDetector({}).observe(event, now=T0)
    return alert


def test_routes_keep_canary_alerts_and_users_alerts_apart() -> None:
    beat, news = alert_of(heartbeat_event(1)), alert_of(coup(1))
    heartbeat = Route.for_heartbeat()
    assert heartbeat.decide(beat) is Decision.SEND
    assert heartbeat.decide(news) is Decision.SKIP
    # A user route with no filter at all, or with filters a canary would pass, still never takes one.
    for route in (
        Route(),
        Route(min_severity=1, types=frozenset({HEARTBEAT_TYPE})),
        Route(min_severity=5, digest_min_severity=1),
    ):
        assert route.decide(beat) is Decision.SKIP, route
    assert Route().decide(news) is Decision.SEND


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_dispatchers_deliver_each_alert_only_to_its_side_once() -> None:
    clock, store = Clock(), {}
    retrier = Retrier(RetryPolicy(), sleep=clock.sleep, clock=clock)
    user_sink, beat_sink = MemorySink("webhook"), MemorySink("heartbeat")
    user = SinkDispatcher(user_sink, Route(), Ledger(store), retrier, clock=clock)
    beat = SinkDispatcher(beat_sink, Route.for_heartbeat(), Ledger(store), retrier, clock=clock)
    alerts = [alert_of(heartbeat_event(1)), alert_of(coup(1)), alert_of(heartbeat_event(2))]
    outcomes = {
        (d.name, a.rule): asyncio.run(d.handle(a)).outcome for a in alerts + alerts[:1] for d in (user, beat)
    }
    assert outcomes == {
        ("webhook", HEARTBEAT_RULE): "skipped",
        ("heartbeat", HEARTBEAT_RULE): "duplicate",  # the last one handled is the redelivered canary
        ("webhook", "new_type"): "delivered",
        ("heartbeat", "new_type"): "skipped",
    }
    assert [a.id for a in beat_sink.alerts] == [alerts[0].id, alerts[2].id]
    assert [a.id for a in user_sink.alerts] == [alerts[1].id]


def settings(tmp_path: Path, **kw: Any) -> AlertSettings:
    return AlertSettings(state_dir=tmp_path, **kw)


def test_the_heartbeat_sink_is_a_signed_webhook_of_its_own(tmp_path: Path) -> None:
    configured = delivery_agent.sinks_from(
        settings(
            tmp_path,
            webhook_url="https://hooks.example.test/desk",
            webhook_secret="whsec_" + "ZGVzay1zZWNyZXQ=",
            console_sink=True,
            heartbeat_webhook_url="http://heartbeat:9107/alerts",
            heartbeat_secret=SECRET,
        )
    )
    by_name = {sink.name: (sink, route) for sink, route in configured}
    assert set(by_name) == {"webhook", "console", "heartbeat"}
    sink, route = by_name["heartbeat"]
    assert isinstance(sink, WebhookSink) and sink.url == "http://heartbeat:9107/alerts"
    assert route == Route.for_heartbeat()
    assert not any(route.heartbeat for name, (_, route) in by_name.items() if name != "heartbeat")
    assert "heartbeat" not in {s.name for s, _ in delivery_agent.sinks_from(settings(tmp_path))}


def test_a_heartbeat_url_without_a_secret_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="HERALD_HEARTBEAT_SECRET"):
        delivery_agent.sinks_from(settings(tmp_path, heartbeat_webhook_url="http://heartbeat:9107/alerts"))
    with pytest.raises(ValueError, match="http"):
        settings(tmp_path, heartbeat_webhook_url="heartbeat:9107/alerts", heartbeat_secret=SECRET)


def test_delivery_runs_a_delivery_heartbeat_agent_with_its_own_metrics(tmp_path: Path) -> None:
    registry = CollectorRegistry()
    app = delivery_agent.build(
        settings(tmp_path, heartbeat_webhook_url="http://127.0.0.1:9/alerts", heartbeat_secret=SECRET),
        registry,
    )
    assert list(app.agents) == ["herald.delivery_heartbeat"], "no user sink configured: the heartbeat's alone"
    assert registry.get_sample_value("herald_up", {"stage": "delivery_heartbeat"}) == 1
    for outcome in ("delivered", "duplicate", "skipped", "failed"):
        labels = {"sink": "heartbeat", "outcome": outcome}
        assert registry.get_sample_value("herald_deliveries_total", labels) == 0
