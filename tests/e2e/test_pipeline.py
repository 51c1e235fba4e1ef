"""The whole pipeline, as processes, on the real broker: a feed served over HTTP becomes an alert.

Every stage runs as its own `herald` process; the feed is real HTTP on 127.0.0.1; the alert arrives
at a local webhook receiver that checks its Standard Webhooks signature; and every record on every
topic is checked against schemas/.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from tests.support.procs import Pipeline, Wire, json_values, read_topic, running, wait_for
from tests.support.schemas import errors

from herald.core import topics
from herald_dev.local.feedserver import Item, ScriptedFeed

pytestmark = [pytest.mark.kafka, pytest.mark.e2e]

SECRET = "whsec_" + "ZTJlLXRlc3Qtc2VjcmV0LWJ5dGVzLTEyMzQ1Ng=="


def _feed(run: str) -> ScriptedFeed:
    base = f"https://e2e.herald.invalid/{run}"
    return ScriptedFeed(
        "E2E Wire",
        [
            Item(
                title="Russia launches 472 drones at Kyiv in massive overnight attack",
                link=f"{base}/drones",
                summary=(
                    "Russia launched 472 drones and seven missiles at Kyiv overnight, Ukraine's air force "
                    "said. At least 12 people were killed and 40 wounded in the capital, officials said."
                ),
            ),
            Item(
                title="Stadium sets record attendance as visitors strike late",
                link=f"{base}/football",
                summary="A record crowd of 70,000 watched the visitors strike twice late in the second half.",
            ),
        ],
    )


def test_feed_item_becomes_a_signed_webhook_alert(kafka: dict[str, str], tmp_path: Path) -> None:
    run = uuid.uuid4().hex[:8]
    wire = Wire.start(kafka, tmp_path, _feed(run), SECRET, name="e2e-wire")
    receiver = wire.receiver
    pipeline = Pipeline(wire.env, tmp_path / "logs")
    try:
        with running(pipeline, wire.feeds_file):
            wait_for(
                lambda: len(receiver.deliveries) >= 1, timeout=150, what="the first alert at the receiver"
            )
            wait_for(
                lambda: read_topic(kafka["HERALD_KAFKA_BOOTSTRAP"], topics.EVENTS.name) != [],
                30,
                what="events",
            )
    finally:
        wire.stop()

    alerts = [d.body for d in receiver.deliveries]
    assert all(d.signature_ok for d in receiver.deliveries), "every delivery carries a valid signature"
    assert all(d.webhook_id == d.body["id"] for d in receiver.deliveries), "webhook-id is the alert id"
    assert {a["urls"][0] for a in alerts} == {f"https://e2e.herald.invalid/{run}/drones"}, (
        "only the strike alerts"
    )
    for alert in alerts:
        assert errors("alert.json", alert) == []

    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    seen_any = {}
    for spec in topics.ALL:
        if spec.schema is None:
            continue
        values = json_values(read_topic(bootstrap, spec.name))
        seen_any[spec.name] = len(values)
        for value in values:
            assert errors(spec.schema, value) == [], (spec.name, value)
    assert seen_any[topics.ARTICLES.name] == 2
    assert seen_any[topics.UNIQUE.name] == 2
    assert seen_any[topics.ENRICHED.name] == 2
    assert seen_any[topics.EVENTS.name] >= 1
    assert seen_any[topics.ALERTS.name] >= 1
    assert seen_any[topics.DEADLETTER.name] == 0
