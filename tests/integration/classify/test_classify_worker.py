"""The classification worker on the real broker: enriched articles in, events out, poison parked.

Starts ``herald worker classify`` as a process (free metrics port), writes records to
``news.enriched`` with kafka-python, and reads ``news.classified`` and ``news.deadletter``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from kafka import KafkaConsumer
from tests.support.environment import herald_env

from herald.core import topics
from herald.core.kafka import producer
from herald.core.records import DeadLetter, EnrichedArticle, Event, Sentence, stable_id
from herald.core.settings import CoreSettings
from herald_dev.local.ports import free_port

pytestmark = [pytest.mark.kafka, pytest.mark.slow]

DEADLINE_S = 90.0


@pytest.fixture(scope="module")
def worker(kafka: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = free_port()
    log = tmp_path_factory.mktemp("classify-worker") / "worker.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "herald.cli", "worker", "classify"],
            env=herald_env({**kafka, "HERALD_METRICS_PORT": str(port)}),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            yield port
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    if proc.returncode not in (0, -15):
        sys.stderr.write(Path(log).read_text(errors="replace")[-4000:])


def build_article(title: str, body: str, article_id: str) -> EnrichedArticle:
    """What the enrichment stage would emit, minus entities: headline and body sentences."""
    text = f"{title}\n\n{body}"
    bounds = [(0, len(title))]
    for part in body.split(". "):
        start = text.index(part)
        bounds.append((start, start + len(part)))
    when = "2025-05-01T06:00:00+00:00"
    return EnrichedArticle.model_validate(
        {
            "id": stable_id(article_id),
            "url": f"https://wire.invalid/{article_id}",
            "source": "test wire",
            "title": title,
            "content": body,
            "published": when,
            "fetched_at": when,
            "duplicate_of": None,
            "sentences": [Sentence(start=a, end=b) for a, b in bounds],
            "entities": [],
            "quantities": [],
        }
    )


def _read(settings: CoreSettings, topic: str, want: int) -> list[tuple[bytes | None, bytes]]:
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=settings.bootstrap_servers,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=1000,
    )
    found: list[tuple[bytes | None, bytes]] = []
    deadline = time.monotonic() + DEADLINE_S
    try:
        while len(found) < want and time.monotonic() < deadline:
            for message in consumer:
                found.append((message.key, message.value))
    finally:
        consumer.close()
    return found


def test_worker_classifies_articles_and_dead_letters_poison(kafka: dict[str, str], worker: int) -> None:
    settings = CoreSettings(kafka_bootstrap=kafka["HERALD_KAFKA_BOOTSTRAP"])
    wrap_up = build_article(
        "Drones hit Odesa as talks open in Istanbul",
        "Russian drones struck the port of Odesa overnight, wounding four dock workers. "
        "Ukrainian and Russian negotiators met in Istanbul for peace talks on Thursday.",
        article_id="kafka-wrap-up",
    )
    sport = build_article(
        "Home side strikes late in front of record crowd",
        "A record crowd watched the home side strike twice in the last ten minutes.",
        article_id="kafka-sport",
    )
    send = producer(settings, "test-classify")
    try:
        for article in (wrap_up, sport):
            send.send(topics.ENRICHED.name, key=article.id.encode(), value=article.to_json())
        send.send(topics.ENRICHED.name, key=b"poison", value=b"{not json")
        send.flush(timeout=30)
    finally:
        send.close()

    classified = _read(settings, topics.CLASSIFIED.name, want=2)
    events = [Event.model_validate_json(value) for _, value in classified]
    assert sorted(e.type for e in events) == ["air_drone_strike", "peace_talks"]
    assert all(key == e.type.encode() for (key, _), e in zip(classified, events, strict=True))
    assert {e.article_id for e in events} == {wrap_up.id}

    letters = [DeadLetter.model_validate_json(v) for _, v in _read(settings, topics.DEADLETTER.name, want=1)]
    assert [(d.stage, d.reason) for d in letters] == [("classify", "invalid_json")]

    metrics = httpx.get(f"http://127.0.0.1:{worker}/metrics", timeout=10).text
    counted = [line for line in metrics.splitlines() if line.startswith("herald_classified_events_total{")]
    emitted = {json.dumps(line) for line in counted if not line.endswith(" 0.0")}
    assert len(emitted) == 2, counted
