"""Sinks and the retry stage against real HTTP servers on 127.0.0.1 (no broker needed).

The receiver is ``herald_dev.local.receiver`` scripted to fail; Slack and Alertmanager are stood in for by
the same receiver (it keeps every request), and by a real Alertmanager when its binary is installed.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from herald.alerts.dispatch import SinkDispatcher
from herald.alerts.ledger import Ledger
from herald.alerts.routing import Route
from herald.alerts.sinks.alertmanager import AlertmanagerSink
from herald.alerts.sinks.base import DeliveryError
from herald.alerts.sinks.retry import Retrier, RetryPolicy
from herald.alerts.sinks.slack import HEADER_LIMIT, SECTION_LIMIT, SlackSink
from herald.alerts.sinks.webhook import WebhookSink
from herald.core import webhooks
from herald.core.records import Alert, Location, stable_id
from herald.core.webhooks import Verdict
from herald_dev.local.ports import free_port
from herald_dev.local.receiver import Receiver

SECRET = "whsec_" + base64.b64encode(b"a test secret of thirty-two byte").decode()
FAST = RetryPolicy(initial=0.05, maximum=0.2, give_up_after=20.0)


def alert(n: int, **overrides: Any) -> Alert:
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    fields: dict[str, Any] = dict(
        id=stable_id("alert", str(n)),
        rule="record",
        event_id=stable_id("event", str(n)),
        article_id=stable_id("article", str(n)),
        story_id=stable_id("story", str(n)),
        type="air_drone_strike",
        severity=5,
        title=f"Record barrage number {n}",
        text="Record drones: 472 — previous high 250 on 2026-05-07.",
        urls=[f"https://news.example.test/{n}"],
        created_at=now,
        published=now,
        fetched_at=now,
        location=Location(name="Kyiv", country_code="UA", admin1="Kyiv City"),
        evidence={"value": 472, "previous": 250, "previous_at": "2026-05-07T03:00:00+00:00"},
    )
    fields.update(overrides)
    return Alert(**fields)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    from herald.core.webhooks import decode_secret

    rec = Receiver(decode_secret(SECRET)).start()
    yield rec
    rec.stop()


def dispatcher(sink: Any, policy: RetryPolicy = FAST) -> SinkDispatcher:
    return SinkDispatcher(sink, Route(), Ledger({}), Retrier(policy))


def test_webhook_signature_verifies_and_fails_when_tampered(receiver: Receiver) -> None:
    sink = WebhookSink(receiver.url, SECRET)
    a = alert(1)
    result = asyncio.run(dispatcher(sink).handle(a))
    asyncio.run(sink.close())
    assert result.outcome == "delivered"
    (attempt,) = receiver.attempts
    assert attempt.headers["webhook-id"] == a.id
    assert Alert.model_validate_json(attempt.body) == a
    key, now = webhooks.decode_secret(SECRET), time.time()
    assert webhooks.check(key, attempt.headers, attempt.body, now) is Verdict.OK
    tampered = attempt.body.replace(b"472", b"473")
    assert webhooks.check(key, attempt.headers, tampered, now) is Verdict.BAD_SIGNATURE
    other = b"another secret, not the sender's"
    assert webhooks.check(other, attempt.headers, attempt.body, now) is Verdict.BAD_SIGNATURE


def test_5xx_is_retried_with_growing_jittered_waits(receiver: Receiver) -> None:
    receiver.script.steps = [(503, {}, 0.0), (500, {}, 0.0), (502, {}, 0.0)]
    sink = WebhookSink(receiver.url, SECRET)
    result = asyncio.run(dispatcher(sink).handle(alert(2)))
    asyncio.run(sink.close())
    assert result.outcome == "delivered" and result.attempts == 4
    assert [a.status for a in receiver.attempts] == [503, 500, 502, 200]
    assert len(receiver.deliveries) == 1
    for attempt, wait in enumerate(result.waits, start=1):  # equal jitter: within [base/2, base]
        base = min(FAST.maximum, FAST.initial * 2 ** (attempt - 1))
        assert base / 2 <= wait <= base


def test_429_waits_for_retry_after(receiver: Receiver) -> None:
    receiver.script.steps = [(429, {"Retry-After": "1"}, 0.0)]
    sink = WebhookSink(receiver.url, SECRET)
    result = asyncio.run(dispatcher(sink).handle(alert(3)))
    asyncio.run(sink.close())
    assert result.outcome == "delivered" and result.waits == [1.0]
    first, second = receiver.attempts
    assert second.received_at - first.received_at >= 0.85  # waited as told (lower bound, not speed)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 422])
def test_4xx_is_permanent_and_not_retried(receiver: Receiver, status: int) -> None:
    receiver.script.steps = [(status, {}, 0.0)]
    sink = WebhookSink(receiver.url, SECRET)
    ledger = Ledger({})
    result = asyncio.run(SinkDispatcher(sink, Route(), ledger, Retrier(FAST)).handle(alert(4)))
    asyncio.run(sink.close())
    assert result.outcome == "failed"
    assert result.error is not None and not result.error.retryable
    assert len(receiver.attempts) == 1
    assert not ledger.done("webhook", alert(4).id)  # a redelivery tries again rather than losing it


def test_transient_failures_give_up_at_the_deadline(receiver: Receiver) -> None:
    receiver.script.steps = [(503, {}, 0.0)] * 50
    sink = WebhookSink(receiver.url, SECRET)
    policy = RetryPolicy(initial=0.05, maximum=0.1, give_up_after=0.5)
    result = asyncio.run(dispatcher(sink, policy).handle(alert(5)))
    asyncio.run(sink.close())
    assert result.outcome == "failed" and result.error is not None and result.error.retryable
    assert 3 <= len(receiver.attempts) < 50


def test_connection_refused_is_transient() -> None:
    sink = WebhookSink(f"http://127.0.0.1:{free_port()}/nobody", SECRET)
    policy = RetryPolicy(initial=0.02, maximum=0.05, give_up_after=0.2)
    result = asyncio.run(dispatcher(sink, policy).handle(alert(6)))
    asyncio.run(sink.close())
    assert result.outcome == "failed" and result.error is not None
    assert result.error.retryable and result.error.reason == "network"


HOSTILE = "<!channel> <https://evil.example|Click: bank.com> & <@U024BE7LH> <!subteam^S0123>"


def test_slack_payload_escapes_hostile_feed_text(receiver: Receiver) -> None:
    hostile = alert(
        7,
        title=HOSTILE + " " + "x" * 10_000,
        text=f"Record in {HOSTILE}",
        urls=["https://news.example.test/a|b>c"],
        location=Location(name="<!here>", country_code="UA"),
    )
    sink = SlackSink(receiver.url, min_interval=0)
    result = asyncio.run(dispatcher(sink).handle(hostile))
    asyncio.run(sink.close())
    assert result.outcome == "delivered"
    payload = json.loads(receiver.attempts[0].body)
    assert payload["unfurl_links"] is False and payload["unfurl_media"] is False
    texts = [payload["text"]]
    for block in payload["blocks"]:
        if "text" in block:
            texts.append(block["text"]["text"])
        texts += [e["text"] for e in block.get("elements", [])]
    joined = "\n".join(texts)
    for control in ("<!channel>", "<!here>", "<@U024BE7LH>", "<!subteam", "<https://evil"):
        assert control not in joined
    assert "&lt;!channel&gt;" in joined and "&amp;" in joined
    assert "<https://news.example.test/a|b>c" not in joined  # an unsafe URL is not linked
    assert (
        payload["blocks"][0]["type"] == "header" and len(payload["blocks"][0]["text"]["text"]) <= HEADER_LIMIT
    )
    assert all(len(t) <= SECTION_LIMIT for t in texts)
    # Truncation never leaves half an entity behind.
    for t in texts:
        for i, ch in enumerate(t):
            if ch == "&":
                assert t[i : i + 5] in ("&amp;", "&lt;&", "&gt;&") or t[i : i + 4] in ("&lt;", "&gt;")


def test_slack_paces_messages_and_honours_429(receiver: Receiver) -> None:
    receiver.script.steps = [(200, {}, 0.0), (429, {"Retry-After": "1"}, 0.0)]
    sink = SlackSink(receiver.url, min_interval=0.3)
    disp = dispatcher(sink)

    async def burst() -> list[str]:
        return [(await disp.handle(alert(10 + i))).outcome for i in range(3)]

    outcomes = asyncio.run(burst())
    asyncio.run(sink.close())
    assert outcomes == ["delivered"] * 3
    times = [a.received_at for a in receiver.attempts]
    assert [a.status for a in receiver.attempts] == [200, 429, 200, 200]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # Paced (0.3 s apart, 1 s after the 429), with a margin for when each request reaches the server.
    assert gaps[0] >= 0.2 and gaps[1] >= 0.85 and gaps[2] >= 0.2


def test_slack_4xx_is_permanent(receiver: Receiver) -> None:
    receiver.script.steps = [(404, {}, 0.0)]
    sink = SlackSink(receiver.url, min_interval=0)
    result = asyncio.run(dispatcher(sink).handle(alert(20)))
    asyncio.run(sink.close())
    assert result.outcome == "failed" and isinstance(result.error, DeliveryError)
    assert not result.error.retryable


def test_alertmanager_payload_is_a_v2_postable_alert_list(receiver: Receiver) -> None:
    a = alert(30, update_of=stable_id("alert", "29"))
    sink = AlertmanagerSink(receiver.url.removesuffix("/hooks/herald"))
    asyncio.run(dispatcher(sink).handle(a))
    asyncio.run(sink.close())
    (attempt,) = receiver.attempts
    assert attempt.path == "/api/v2/alerts"
    (posted,) = json.loads(attempt.body)
    assert set(posted) == {"labels", "annotations", "startsAt", "endsAt", "generatorURL"}
    assert all(isinstance(v, str) for v in {**posted["labels"], **posted["annotations"]}.values())
    assert posted["labels"] == {
        "alertname": "HeraldAlert",
        "severity": "critical",
        "herald_rule": "record",
        "herald_type": "air_drone_strike",
        "herald_alert_id": a.id,
        "country": "UA",
    }
    assert posted["annotations"]["update_of"] == a.update_of
    assert datetime.fromisoformat(posted["endsAt"]) > datetime.fromisoformat(posted["startsAt"])


_TOOLS_ALERTMANAGER = Path(__file__).resolve().parents[2] / ".tools" / "bin" / "alertmanager"
ALERTMANAGER = (
    str(_TOOLS_ALERTMANAGER)
    if _TOOLS_ALERTMANAGER.exists()
    else shutil.which("alertmanager") or shutil.which("prometheus-alertmanager")
)


@pytest.mark.skipif(
    ALERTMANAGER is None,
    reason="no Alertmanager binary: scripts/install-tools.sh unpacks one into .tools/bin",
)
def test_a_real_alertmanager_accepts_and_lists_the_alert(tmp_path: Path) -> None:
    port = free_port()
    config = tmp_path / "alertmanager.yml"
    config.write_text("route:\n  receiver: desk\nreceivers:\n  - name: desk\n")
    proc = subprocess.Popen(
        [
            ALERTMANAGER,
            f"--config.file={config}",
            f"--storage.path={tmp_path / 'data'}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/-/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "Alertmanager did not start"
            time.sleep(0.2)
        a = alert(31, created_at=datetime.now(UTC))
        sink = AlertmanagerSink(base)

        async def twice() -> list[str]:
            first = await dispatcher(sink).handle(a)
            # The same alert again with an empty ledger, as after a crash before the ledger write.
            second = await dispatcher(sink).handle(a)
            await sink.close()
            return [first.outcome, second.outcome]

        assert asyncio.run(twice()) == ["delivered", "delivered"]
        listed = httpx.get(f"{base}/api/v2/alerts", timeout=5).json()
        mine = [x for x in listed if x["labels"].get("herald_alert_id") == a.id]
        assert len(mine) == 1, "Alertmanager merges a re-post of the same alert"
        assert mine[0]["labels"]["severity"] == "critical"
        assert mine[0]["annotations"]["summary"] == a.title
    finally:
        proc.terminate()
        proc.wait(timeout=10)
