"""The feeder and the offset probe against the real broker: what is sent is what the probe reads back."""

from __future__ import annotations

import json
import threading

import pytest
from bench.pipeline.corpus import Corpus
from bench.pipeline.feed import Feeder
from bench.pipeline.probes import OffsetProbe

from herald.core import topics
from herald.core.settings import CoreSettings

pytestmark = pytest.mark.kafka


def test_burst_and_paced_feeding_land_on_news_articles(kafka: dict[str, str]) -> None:
    bootstrap = kafka["HERALD_KAFKA_BOOTSTRAP"]
    probe = OffsetProbe(bootstrap)
    feeder = Feeder(CoreSettings(kafka_bootstrap=bootstrap))
    corpus = Corpus("probe-test", seed=1)
    try:
        start = probe.end_offsets([topics.ARTICLES.name])
        feeder.burst(corpus.drafts(7, "short"))
        sent = feeder.paced(corpus.stream("short"), rate=50.0, seconds=0.1, stop=threading.Event())
        assert sent == 5
        end = probe.end_offsets([topics.ARTICLES.name])
        assert probe.ends([topics.ARTICLES.name])[topics.ARTICLES.name] - sum(start.values()) == 12
        records = probe.read_range(start, end)
    finally:
        feeder.close()
        probe.close()
    values = [json.loads(r.value) for r in records]  # type: ignore[attr-defined]
    assert {v["id"] for v in values} == set(feeder.sent)
    assert all(r.key.decode() == json.loads(r.value)["id"] for r in records)  # type: ignore[attr-defined]
    for v in values:
        # fetched_at is the moment of sending: the start of every end-to-end latency.
        assert (
            abs(
                feeder.sent[v["id"]]
                - __import__("datetime").datetime.fromisoformat(v["fetched_at"]).timestamp()
            )
            < 1e-3
        )
