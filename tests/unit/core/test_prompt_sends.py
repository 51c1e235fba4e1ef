"""A stage's outputs leave at once and take the changelog records that were waiting with them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiokafka.producer.message_accumulator import MessageAccumulator
from aiokafka.structs import TopicPartition
from prometheus_client import CollectorRegistry

from herald.core import prompt_sends
from herald.core.settings import CoreSettings
from herald.core.streams import make_app


class OneBroker:
    """The cluster metadata the accumulator asks: every partition led by broker 0."""

    def leader_for_partition(self, tp: TopicPartition) -> int:
        return 0


def accumulator(linger_s: float) -> MessageAccumulator:
    return MessageAccumulator(
        OneBroker(), batch_size=16384, compression_type=0, batch_ttl=30, linger_ms=linger_s * 1000
    )


def test_the_installed_aiokafka_has_what_send_now_needs() -> None:
    assert prompt_sends.missing_internals() == []


def test_a_changelog_record_lingers_until_outputs_are_sent_then_goes_with_them() -> None:
    async def scenario() -> tuple[list[str], list[str]]:
        acc = accumulator(linger_s=10.0)
        changelog = TopicPartition("herald-dedup-stories-changelog", 2)
        output = TopicPartition("news.events", 4)
        await acc.add_message(changelog, b"story:1", b"{}", timeout=1)
        lingering, _ = acc.drain_by_nodes(ignore_nodes=set())
        await acc.add_message(output, b"air", b"{}", timeout=1)
        prompt_sends.close_and_wake(acc)
        sent, _ = acc.drain_by_nodes(ignore_nodes=set())
        return [tp.topic for tps in lingering.values() for tp in tps], sorted(
            tp.topic for tps in sent.values() for tp in tps
        )

    lingering, sent = asyncio.run(scenario())
    assert lingering == []  # alone, the changelog record waits out its linger
    assert sent == ["herald-dedup-stories-changelog", "news.events"]  # one request, both records


def test_a_record_sent_after_send_now_starts_a_new_batch() -> None:
    async def scenario() -> int:
        acc = accumulator(linger_s=10.0)
        tp = TopicPartition("news.events", 0)
        await acc.add_message(tp, b"a", b"1", timeout=1)
        prompt_sends.close_and_wake(acc)
        acc.drain_by_nodes(ignore_nodes=set())  # the sender takes the closed batch
        await acc.add_message(tp, b"b", b"2", timeout=1)
        return len(acc._batches[tp])

    assert asyncio.run(scenario()) == 1


def test_with_no_changelog_linger_a_worker_keeps_the_plain_linger_and_flush(tmp_path: Path) -> None:
    settings = CoreSettings(state_dir=tmp_path, changelog_linger_seconds=0, producer_linger_seconds=0.005)
    app = make_app(settings, "plainlinger", CollectorRegistry(), 9197)
    assert app.conf.producer_linger == 0.005
    assert "herald_send_now" not in app.__dict__
    prompt_sends.send_now(app)  # a no-op


def test_a_commit_flush_sends_at_once_before_waiting(tmp_path: Path) -> None:
    """Faust's commit flushes the producer: the lingering records must not make it wait the linger."""
    settings = CoreSettings(state_dir=tmp_path, changelog_linger_seconds=0.25)
    app = make_app(settings, "commitflush", CollectorRegistry(), 9196)
    seen: list[bool] = []

    async def scenario() -> None:
        acc = accumulator(linger_s=10.0)
        tp = TopicPartition("herald-novelty-state-changelog", 1)
        await acc.add_message(tp, b"k", b"v", timeout=1)

        class Client:  # the aiokafka producer Faust's producer flushes
            _message_accumulator = acc

            async def flush(self) -> None:
                seen.append(acc._batches[tp][0].remaining_linger() is None)  # ready: no linger left

        app.producer._producer = Client()
        await app.producer.flush()

    asyncio.run(scenario())
    assert seen == [True]
