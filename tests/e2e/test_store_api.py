"""The demo's news day through every service as a process, into the store, and back out of the API.

Poller, dedup, enrich (the real spaCy model), classify, novelty, delivery, the store stage (SQLite
under the run's state directory) and `herald api` on 127.0.0.1: an analyst asks for the story of the
472-drone barrage (its events, its outlet, its alert and how delivery went) and for the Ukraine drone
series with its record holders, the way they would after the alert at 3 a.m.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from tests.support.procs import Pipeline, running, wait_for

from herald.core.webhooks import decode_secret
from herald_dev.local.demo import load_day
from herald_dev.local.feedserver import FeedServer
from herald_dev.local.ports import free_port
from herald_dev.local.receiver import Receiver

pytestmark = [pytest.mark.kafka, pytest.mark.e2e, pytest.mark.slow]

SECRET = "whsec_" + "ZTJlLXN0b3JlLWFwaS1zZWNyZXQ="
BARRAGE = "Russia fires record 472 drones at Ukraine in largest attack of the war"


def get(base: str, path: str, **params: str) -> Any:
    response = httpx.get(base + path, params=params, timeout=10)
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    return response.json()


def barrage_events(base: str) -> list[dict[str, Any]]:
    found = get(base, "/v1/events", q="472 drones", country="UA", type="air_drone_strike")
    return found["events"]  # type: ignore[no-any-return]


def test_the_demo_day_is_in_the_store_and_the_api_answers_for_it(
    kafka: dict[str, str], tmp_path: Path
) -> None:
    server = FeedServer().start()
    receiver = Receiver(decode_secret(SECRET)).start()
    day = load_day()
    for feed in day.values():  # the whole day is out already: the poller takes it in one round
        feed.started = time.time() - max(item.offset for item in feed.items) - 1
    server.feeds.update(day)
    feeds_file = tmp_path / "feeds.yaml"
    feeds = [{"name": name, "url": server.url(name), "interval": 5} for name in day]
    feeds_file.write_text(yaml.safe_dump({"feeds": feeds}))
    env = {
        **kafka,
        "HERALD_ALLOW_HOSTS": "127.0.0.1",
        "HERALD_WEBHOOK_URL": receiver.url,
        "HERALD_WEBHOOK_SECRET": SECRET,
        "HERALD_POLL_INTERVAL_SECONDS": "5",
        "HERALD_STORE_BATCH_WAIT_SECONDS": "0.2",
    }
    pipeline = Pipeline(env, tmp_path / "logs")
    pipeline.add("store", "store")
    api_port = free_port()
    pipeline.add("api", "api", extra_env={"HERALD_API_PORT": str(api_port)})
    base = f"http://127.0.0.1:{api_port}"
    try:
        with running(pipeline, feeds_file):

            def barrage_stored() -> bool:
                try:
                    found = barrage_events(base)
                    if not found:
                        return False
                    story = get(base, f"/v1/stories/{found[0]['story_id']}")
                    series = get(base, "/v1/series", metric="drones", type="air_drone_strike", country="UA")
                except (httpx.TransportError, AssertionError):
                    return False
                delivered = bool(story["alerts"]) and all(a["deliveries"] for a in story["alerts"])
                return delivered and len(series["records"]) >= 2

            wait_for(barrage_stored, timeout=240, interval=2, what="the barrage, its alert and delivery")
            found = barrage_events(base)
            event = found[0]
            story = get(base, f"/v1/stories/{event['story_id']}")
            series = get(base, "/v1/series", metric="drones", type="air_drone_strike", country="UA")
    finally:
        server.stop()
        receiver.stop()

    assert all(e["title"] == BARRAGE and e["type"] == "air_drone_strike" for e in found)
    assert story["story"]["title"] == BARRAGE
    assert event["id"] in [e["id"] for e in story["events"]]
    assert [s["source"] for s in story["sources"]] == ["kyiv-ledger"]  # the feed's name in the feeds file
    assert story["sources"][0]["url"].endswith("/drones-472")
    # One alert or two (a first, then a record) depending on which drone report the stages saw first.
    assert story["alerts"], "the barrage's story carries its alert"
    for alert in story["alerts"]:
        assert alert["event_id"] in {e["id"] for e in story["events"]}
        assert {d["sink"]: d["status"] for d in alert["deliveries"]} == {"webhook": "delivered"}
        assert alert["id"] in receiver.unique_ids(), "the store's delivery outcome is the receiver's"
    # Record holders by publication: the 120-drone night, then the 472-drone barrage.
    assert [p["value"] for p in series["records"]] == [120.0, 472.0]
    assert series["records"][-1]["story_id"] in {e["story_id"] for e in found}
