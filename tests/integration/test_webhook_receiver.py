"""The local receiver over real HTTP refuses what a Standard Webhooks receiver must: a stale or badly
signed post is answered 401 and is no delivery; a replayed one is acknowledged and not acted on twice."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from herald.core import webhooks
from herald.core.webhooks import TOLERANCE_SECONDS, Verdict
from herald_dev.local.receiver import Delivery, Receiver

KEY = b"receiver test key"
BODY = b'{"id": "alert-7", "title": "t"}'


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, list[Delivery]]]:
    acted_on: list[Delivery] = []
    rec = Receiver(KEY, on_delivery=acted_on.append).start()
    yield rec, acted_on
    rec.stop()


def post(rec: Receiver, headers: dict[str, str], body: bytes = BODY) -> int:
    return httpx.post(rec.url, content=body, headers=headers, timeout=10).status_code


def test_a_stale_delivery_is_refused(receiver: tuple[Receiver, list[Delivery]]) -> None:
    rec, acted_on = receiver
    old = int(time.time() - TOLERANCE_SECONDS - 60)  # a validly signed capture from six minutes ago
    assert post(rec, webhooks.headers(KEY, "alert-7", old, BODY)) == 401
    assert rec.deliveries == [] and acted_on == []
    assert [a.status for a in rec.attempts] == [401]


def test_a_badly_signed_delivery_is_refused(receiver: tuple[Receiver, list[Delivery]]) -> None:
    rec, acted_on = receiver
    assert post(rec, webhooks.headers(b"not the key", "alert-7", int(time.time()), BODY)) == 401
    assert rec.deliveries == [] and acted_on == []


def test_a_replayed_delivery_is_acknowledged_but_acted_on_once(
    receiver: tuple[Receiver, list[Delivery]],
) -> None:
    rec, acted_on = receiver
    captured = webhooks.headers(KEY, "alert-7", int(time.time()), BODY)
    assert post(rec, captured) == 200
    assert post(rec, captured) == 200, "acknowledged: an honest sender's retry must stop"
    assert [d.verdict for d in rec.deliveries] == [Verdict.OK, Verdict.DUPLICATE]
    assert [d.webhook_id for d in acted_on] == ["alert-7"]
    other = webhooks.headers(KEY, "alert-8", int(time.time()), BODY)
    assert post(rec, other) == 200 and [d.webhook_id for d in acted_on] == ["alert-7", "alert-8"]


def test_a_scripted_failure_does_not_use_up_the_id(receiver: tuple[Receiver, list[Delivery]]) -> None:
    """The sink's retry after a 503 carries the same id: it is the first delivery, not a duplicate."""
    rec, acted_on = receiver
    rec.script.steps = [(503, {}, 0.0)]
    assert post(rec, webhooks.headers(KEY, "alert-7", int(time.time()), BODY)) == 503
    assert post(rec, webhooks.headers(KEY, "alert-7", int(time.time()), BODY)) == 200
    assert [d.verdict for d in rec.deliveries] == [Verdict.OK] and len(acted_on) == 1


def test_an_unsigned_post_is_only_an_attempt(receiver: tuple[Receiver, list[Delivery]]) -> None:
    """Slack and Alertmanager stand-ins: recorded as attempts, never verified, never deliveries."""
    rec, acted_on = receiver
    assert post(rec, {"content-type": "application/json"}) == 200
    assert len(rec.attempts) == 1 and rec.deliveries == [] and acted_on == []
