"""Decoding Kafka values: each kind of poison gets its own dead-letter reason."""

from __future__ import annotations

import json

import pytest

from herald.core.codec import Poison, decode
from herald.core.deadletter import PAYLOAD_LIMIT, dead_letter
from herald.core.records import Article, DeadLetter

GOOD = json.dumps(
    {
        "id": "0" * 32,
        "url": "https://example.org/a",
        "source": "s",
        "title": "t",
        "published": "2026-11-25T00:00:00Z",
        "fetched_at": "2026-11-25T00:00:01Z",
    }
).encode()


def reason(raw: bytes | None, limit: int = 1 << 20) -> str:
    with pytest.raises(Poison) as info:
        decode(raw, Article, limit)
    return info.value.reason


def test_a_good_value_decodes() -> None:
    assert decode(GOOD, Article, 1 << 20).url == "https://example.org/a"


def test_poison_is_classified_by_reason() -> None:
    assert reason(b"\xff\xfe not utf-8") == "invalid_utf8"
    assert reason(b"{not json") == "invalid_json"
    assert reason(b'{"id": "x"}') == "schema_violation"
    assert reason(None) == "schema_violation"
    assert reason(GOOD, limit=10) == "too_large"


def test_a_huge_value_is_refused_before_parsing() -> None:
    huge = b"[" * (5 * 1024 * 1024)  # would blow the JSON parser's recursion if parsed
    assert reason(huge, limit=1 << 20) == "too_large"


def test_dead_letter_keeps_origin_and_truncates_payload() -> None:
    payload = b"x" * (PAYLOAD_LIMIT + 10)
    letter = dead_letter(
        stage="enrich",
        topic="news.unique",
        reason="too_large",
        error=ValueError("big"),
        payload=payload,
        key=b"k",
        partition=2,
        offset=7,
    )
    again = DeadLetter.model_validate_json(letter.to_json())
    assert (again.topic, again.partition, again.offset, again.key) == ("news.unique", 2, 7, "k")
    assert again.payload_bytes == len(payload) and again.payload_truncated
    assert len(again.payload) == PAYLOAD_LIMIT
    assert again.error == "ValueError: big"
