"""The packed verdict records: what goes in comes out, and a bucket forgets only what it should."""

from __future__ import annotations

import json
import struct

import pytest

from herald.core.records import stable_id
from herald.dedup import verdicts


def aid(name: str) -> bytes:
    return bytes.fromhex(stable_id("test", name))


def original(order: int) -> dict[str, object]:
    return {"o": order, "d": None, "k": None, "s": "0a0b" * 64, "m": [7, 65535], "c": [], "t": []}


def test_records_round_trip_with_copies_and_stories() -> None:
    copy = {
        "o": 1_780_000_000_000_000,
        "d": stable_id("test", "first"),
        "k": "near",
        "s": "ffff0001",
        "m": [],
        "c": [[stable_id("test", "c1"), 5, "Wire «Ost»", "https://copy.example/1?a=b", "exact"]],
        "t": [["fire", stable_id("test", "story")]],
    }
    blob = verdicts.put(b"", aid("copy"), copy)
    blob = verdicts.put(blob, aid("orig"), original(3))
    assert verdicts.read(blob, aid("copy")) == copy
    assert verdicts.read(blob, aid("orig")) == original(3)
    assert verdicts.read(blob, aid("absent")) is None
    assert verdicts.count(blob) == 2
    empty = {"o": 9, "d": None, "k": None, "s": "", "m": [], "c": [], "t": []}
    assert verdicts.read(verdicts.put(b"", aid("empty"), empty), aid("empty")) == empty


def test_put_replaces_the_record_and_forgets_only_older_than_the_horizon() -> None:
    blob = b""
    for i in range(5):
        blob = verdicts.put(blob, aid(str(i)), original(100 + i))
    updated = {**original(100), "t": [["flood", stable_id("test", "s")]]}
    blob = verdicts.put(blob, aid("0"), updated)  # no horizon: an update forgets nothing
    assert verdicts.count(blob) == 5 and verdicts.read(blob, aid("0")) == updated
    blob = verdicts.put(blob, aid("new"), original(200), horizon=103)
    assert [verdicts.read(blob, aid(str(i))) is not None for i in range(5)] == [False] * 3 + [True] * 2
    assert verdicts.read(blob, aid("new")) == original(200)


def test_an_id_found_inside_another_record_is_not_taken_for_a_record() -> None:
    # Another record's signature that happens to contain the id's bytes.
    inner = aid("x")
    blob = verdicts.put(b"", aid("host"), {**original(1), "s": inner.hex()})
    assert verdicts.find(blob, inner) == -1
    assert verdicts.read(blob, inner) is None


def test_a_bucket_written_as_json_before_this_layout_is_read_and_converted() -> None:
    copy = {**original(5), "d": stable_id("test", "0"), "k": "exact", "c": [], "t": [["fire", "ab" * 16]]}
    legacy = json.dumps({stable_id("test", "0"): original(4), stable_id("test", "1"): copy}).encode()
    assert verdicts.count(legacy) == 2
    assert verdicts.read(legacy, aid("1")) == copy
    blob = verdicts.put(legacy, aid("2"), original(6), horizon=5)
    assert blob[:1] == verdicts.FORMAT
    assert [verdicts.read(blob, aid(str(i))) for i in range(3)] == [None, copy, original(6)]
    with pytest.raises(ValueError):
        verdicts.read(b"\x7fnot a bucket", aid("0"))


def test_values_the_layout_cannot_hold_are_refused() -> None:
    with pytest.raises(ValueError):
        verdicts.pack(aid("a"), {**original(1), "d": "ab", "k": "exact"})
    with pytest.raises(ValueError):
        verdicts.pack(aid("a"), {**original(1), "d": stable_id("x"), "k": None})
    with pytest.raises(ValueError):
        verdicts.pack(aid("a"), {**original(1), "s": "xyz"})
    with pytest.raises(ValueError):
        verdicts.put(b"", b"short", original(1))
    with pytest.raises(struct.error):  # a marker over 16 bits
        verdicts.pack(aid("a"), {**original(1), "m": [70_000]})
