"""bench/broker_batches.py reads record batch headers as Kafka writes them."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from bench import broker_batches


def batch(records: int, control: bool = False, body: int = 40) -> bytes:
    """A v2 record batch header (and filler) for ``records`` records; only the fields read are real."""
    attributes = 0x20 if control else 0
    # After the length: leader epoch, magic, CRC, attributes, last offset delta, then the rest.
    rest = struct.pack(">ibIhi", 0, 2, 0, attributes, records - 1) + b"\0" * body
    return struct.pack(">qi", 0, len(rest)) + rest


def test_batches_counts_records_and_flags_control_batches() -> None:
    data = batch(3) + batch(1) + batch(1, control=True) + b"\0" * 30  # a preallocated tail
    assert list(broker_batches.batches(data)) == [(3, False), (1, False), (1, True)]


def test_a_half_written_batch_is_not_counted() -> None:
    whole = batch(2)
    assert list(broker_batches.batches(whole + batch(5)[:-3])) == [(2, False)]


def test_old_message_formats_are_refused() -> None:
    data = bytearray(batch(1))
    data[16] = 1  # magic
    with pytest.raises(ValueError, match="magic 1"):
        list(broker_batches.batches(bytes(data)))


def test_count_sums_partitions_per_topic_and_skips_the_metadata_log(tmp_path: Path) -> None:
    log_dir = tmp_path / "kafka" / "data"
    for name, data in {
        "news.articles-0": batch(10) + batch(10),
        "news.articles-1": batch(20),
        "news.unique-0": batch(1) + batch(1) + batch(1, control=True),
        "__consumer_offsets-7": batch(2),
        "__cluster_metadata-0": batch(4),
    }.items():
        (log_dir / name).mkdir(parents=True)
        (log_dir / name / "00000000000000000000.log").write_bytes(data)
    (log_dir / "meta.properties").write_text("version=1\n")
    dirs = broker_batches.find_log_dirs(tmp_path)
    assert dirs == [log_dir]
    counts = broker_batches.count(dirs)
    assert (counts["news.articles"].batches, counts["news.articles"].records) == (3, 40)
    assert (counts["news.unique"].batches, counts["news.unique"].records) == (2, 2)
    assert "__cluster_metadata" not in counts
    text = broker_batches.report(counts)
    assert "produce batches per article (all topics but offsets): 0.125" in text  # 5 / 40
    assert "offset-commit batches per article: 0.025" in text
