"""The heartbeat through the whole pipeline, as processes, on the real broker.

``herald heartbeat serve`` publishes a canary round every 10 s; the poller fetches it next to a
user's feed; every stage runs as its own process; delivery has a user webhook (a local receiver)
and the heartbeat's own route back to the server. The canary's alert must reach the heartbeat
server, and only there; the user's alert must reach the user, and only there. Each side's delivery
agent must have seen the other side's alert and skipped it, so "not delivered" is not "not yet".
"""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families
from tests.support.procs import Pipeline, json_values, read_topic, running, wait_for
from tests.support.schemas import errors

from herald.core import topics
from herald.core.heartbeat_markers import HEARTBEAT_RULE, HEARTBEAT_TYPE
from herald.core.webhooks import decode_secret
from herald_dev.local.feedserver import FeedServer, Item, ScriptedFeed
from herald_dev.local.receiver import Receiver

pytestmark = [pytest.mark.kafka]

USER_SECRET = "whsec_" + "dXNlci1kZXNrLXdlYmhvb2stc2VjcmV0"  # base64 of a test phrase
HEARTBEAT_SECRET = "whsec_" + "aGVhcnRiZWF0LXBpcGVsaW5lLXNlY3JldA=="  # base64 of another


def samples(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """A /metrics page as {(sample name, sorted labels): value}; empty while the process is starting."""
    try:
        text = httpx.get(url, timeout=2).text
    except httpx.TransportError:
        return {}
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(page: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return page.get((name, tuple(sorted(labels.items()))), 0.0)


def test_a_canary_round_comes_back_to_the_heartbeat_and_only_there(
    kafka: dict[str, str], tmp_path: Path
) -> None:
    run = uuid.uuid4().hex[:8]
    news = FeedServer().start()
    news.feeds["wire"] = ScriptedFeed(
        "Heartbeat Test Wire",
        [
            Item(
                title="Russia launches 472 drones at Kyiv in massive overnight attack",
                link=f"https://wire.herald.invalid/{run}/drones",
                summary=(
                    "Russia launched 472 drones and seven missiles at Kyiv overnight, Ukraine's air force "
                    "said. At least 12 people were killed and 40 wounded in the capital, officials said."
                ),
            )
        ],
    )
    receiver = Receiver(decode_secret(USER_SECRET)).start()
    env = dict(kafka)
    env.update(
        HERALD_ALLOW_HOSTS="127.0.0.1",
        HERALD_POLL_INTERVAL_SECONDS="2",
        HERALD_WEBHOOK_URL=receiver.url,
        HERALD_WEBHOOK_SECRET=USER_SECRET,
        HERALD_HEARTBEAT_SECRET=HEARTBEAT_SECRET,
        HERALD_HEARTBEAT_INTERVAL_SECONDS="10",
    )
    pipeline = Pipeline(env, tmp_path / "logs")
    heartbeat = pipeline.add("heartbeat", "heartbeat", "serve")
    server = f"http://127.0.0.1:{heartbeat.metrics_port}"
    heartbeat.env["HERALD_HEARTBEAT_BASE_URL"] = server
    pipeline.env["HERALD_HEARTBEAT_WEBHOOK_URL"] = f"{server}/alerts"  # for the services added next
    feeds_file = tmp_path / "feeds.yaml"
    feeds_file.write_text(
        yaml.safe_dump(
            {
                "feeds": [
                    {"name": "herald-heartbeat", "url": f"{server}/feed.xml", "interval": 2},
                    {"name": "test-wire", "url": news.url("wire"), "interval": 2},
                ]
            }
        )
    )
    try:
        with running(pipeline, feeds_file):
            wait_for(lambda: samples(f"{server}/metrics") != {}, 30, what="the heartbeat server")
            started = value(samples(f"{server}/metrics"), "herald_heartbeat_last_seen_timestamp_seconds")
            delivery = f"http://127.0.0.1:{pipeline.services['delivery'].metrics_port}/metrics"

            def both_sides_done() -> bool:
                beat, sent = samples(f"{server}/metrics"), samples(delivery)
                return (
                    value(beat, "herald_heartbeat_alerts_received_total", outcome="ok") >= 1
                    and value(beat, "herald_heartbeat_last_seen_timestamp_seconds") > started
                    and len(receiver.deliveries) >= 1
                    # Each side's agent has seen the other side's alert, and skipped it.
                    and value(sent, "herald_deliveries_total", sink="webhook", outcome="skipped") >= 1
                    and value(sent, "herald_deliveries_total", sink="heartbeat", outcome="skipped") >= 1
                )

            wait_for(both_sides_done, 150, interval=1.0, what="a canary round back and the user's alert out")
            beat, sent = samples(f"{server}/metrics"), samples(delivery)
    finally:
        news.stop()
        receiver.stop()

    # The canary came back: signed (a bad signature would be counted, not ok), and it moved the heartbeat.
    assert value(beat, "herald_heartbeat_alerts_received_total", outcome="ok") >= 1
    assert value(beat, "herald_heartbeat_last_seen_timestamp_seconds") > started
    assert value(beat, "herald_heartbeat_round_trip_seconds_count") >= 1
    for outcome in ("bad_signature", "invalid", "foreign"):
        assert value(beat, "herald_heartbeat_alerts_received_total", outcome=outcome) == 0, outcome
    assert value(sent, "herald_deliveries_total", sink="heartbeat", outcome="delivered") >= 1
    assert value(sent, "herald_deliveries_total", sink="heartbeat", outcome="failed") == 0

    # The user got the news and nothing of the heartbeat.
    assert all(d.signature_ok for d in receiver.deliveries)
    assert {d.body["rule"] for d in receiver.deliveries} <= {"new_type", "record"}
    assert not any(u.startswith(server) for d in receiver.deliveries for u in d.body["urls"])
    assert {d.body["urls"][0] for d in receiver.deliveries} == {f"https://wire.herald.invalid/{run}/drones"}

    # On the topics: heartbeat events and alerts are ordinary records of the contract.
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    events = [
        e for e in json_values(read_topic(bootstrap, topics.EVENTS.name)) if e["type"] == HEARTBEAT_TYPE
    ]
    alerts = [
        a for a in json_values(read_topic(bootstrap, topics.ALERTS.name)) if a["rule"] == HEARTBEAT_RULE
    ]
    assert events and alerts
    assert {a["event_id"] for a in alerts} <= {e["id"] for e in events}
    assert all(a["urls"][0].startswith(f"{server}/rounds/") for a in alerts)
    for record, schema in [*((e, "event.json") for e in events), *((a, "alert.json") for a in alerts)]:
        assert errors(schema, record) == [], record
    assert json_values(read_topic(bootstrap, topics.DEADLETTER.name)) == []
