"""Produce batches the broker stored per article, per topic, from a kept benchmark's broker data.

    herald bench --texts short --phases saturation --keep-state --out /tmp/run
    python -m bench.broker_batches /tmp/run/state

The broker's request counters are only reachable over JMX, which the local broker does not open. Its
log segments say nearly as much: every produce request appends one record batch to each partition it
carries records for, and the broker keeps that batch as it came (Herald's producers do not compress,
so nothing is recompressed), so the batches in a partition's segments are the produce batches that
partition took. A request may carry batches for several partitions, so batches per article is an
upper bound of produce requests per article; it falls as the producers pack more records into a batch.
Offset commits show up the same way: each commit a consumer group makes is one batch on
``__consumer_offsets``. Control batches (transaction markers) are not counted.

Read this right after the run: the log cleaner rewrites compacted segments it has rolled (changelogs),
merging batches; the benchmark's runs are too short to roll a segment.
"""

from __future__ import annotations

import argparse
import struct
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ARTICLES = "news.articles"
OFFSETS = "__consumer_offsets"
METADATA = "__cluster_metadata"

# Record batch v2 header (Kafka's DefaultRecordBatch): base offset (8), batch length (4), leader
# epoch (4), magic (1), CRC (4), attributes (2), last offset delta (4), ... The batch length counts
# the bytes after itself.
_HEAD = struct.Struct(">qiibIhi")
_CONTROL = 0x20  # attributes bit 5: a control batch (transaction marker)


@dataclass
class TopicCount:
    batches: int = 0
    records: int = 0


def batches(data: bytes) -> Iterator[tuple[int, bool]]:
    """(records, is control) of every whole record batch in one log segment's bytes."""
    pos = 0
    while pos + _HEAD.size <= len(data):
        _base, length, _epoch, magic, _crc, attributes, last_delta = _HEAD.unpack_from(data, pos)
        end = pos + 12 + length
        if length <= 0 or end > len(data):  # a preallocated or half-written tail
            return
        if magic != 2:
            raise ValueError(f"record batch of magic {magic} at byte {pos}: only v2 is read")
        yield last_delta + 1, bool(attributes & _CONTROL)
        pos = end


def topic_of(partition_dir: str) -> str:
    """``news.articles-3`` -> ``news.articles``."""
    name, _, number = partition_dir.rpartition("-")
    if not name or not number.isdigit():
        raise ValueError(f"not a partition directory: {partition_dir}")
    return name


def count(log_dirs: list[Path]) -> dict[str, TopicCount]:
    counts: dict[str, TopicCount] = {}
    for log_dir in log_dirs:
        for segment in sorted(log_dir.glob("*-*/*.log")):
            try:
                topic = topic_of(segment.parent.name)
            except ValueError:
                continue
            if topic == METADATA:  # the KRaft controller's own log, not produced by clients
                continue
            tally = counts.setdefault(topic, TopicCount())
            for records, control in batches(segment.read_bytes()):
                if not control:
                    tally.batches += 1
                    tally.records += records
    return counts


def find_log_dirs(root: Path) -> list[Path]:
    """Every broker log directory under ``root`` (a state dir or a log dir): holding ``meta.properties``."""
    return sorted({p.parent for p in root.rglob("meta.properties")})


def report(counts: dict[str, TopicCount]) -> str:
    articles = counts.get(ARTICLES, TopicCount()).records
    if not articles:
        raise SystemExit(f"no records on {ARTICLES}: is this a kept benchmark state?")
    lines = [
        f"articles on {ARTICLES}: {articles}",
        f"{'topic':<48} {'batches':>9} {'records':>9} {'rec/batch':>9} {'batches/article':>16}",
    ]
    total: Counter[str] = Counter()
    for topic, c in sorted(counts.items(), key=lambda kv: -kv[1].batches):
        if not c.batches:
            continue
        lines.append(
            f"{topic:<48} {c.batches:>9} {c.records:>9} {c.records / c.batches:>9.1f} "
            f"{c.batches / articles:>16.3f}"
        )
        key = "commits" if topic == OFFSETS else "produce"
        total[key] += c.batches
    lines.append(f"produce batches per article (all topics but offsets): {total['produce'] / articles:.3f}")
    lines.append(f"offset-commit batches per article: {total['commits'] / articles:.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("state", type=Path, help="a kept benchmark's state dir (<out>/state), or a log dir")
    args = parser.parse_args()
    log_dirs = find_log_dirs(args.state)
    if not log_dirs:
        raise SystemExit(f"no broker log directory (meta.properties) under {args.state}")
    print(report(count(log_dirs)))


if __name__ == "__main__":
    main()
