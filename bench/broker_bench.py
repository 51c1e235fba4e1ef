"""The local broker's own CPU per record, under each garbage collector it can run with.

The pipeline's broker costs about as much CPU per article as a light stage, and on a small host it
shares the cores with spaCy. This starts ``LocalKafka`` (the broker ``herald up`` and ``herald bench``
run) over a fresh state dir for each collector, produces short-article-sized records at a fixed rate
with Herald's producer settings (acks=all, 5 ms linger) over the article topic's partitions while a
consumer group reads them, and prints the broker's CPU-ms per thousand records and its idle cores
(the same broker with the consumer still polling and nothing produced). CPU time is measured, not
wall time: the machine may be shared.

    PYTHONPATH=services:services/herald-dev:. python bench/broker_bench.py --gc g1 serial parallel
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
import time
from pathlib import Path

import psutil
from kafka import KafkaConsumer, KafkaProducer

from herald.core import topics
from herald_dev.local.kafka import LocalKafka, LocalKafkaSettings
from herald_dev.local.ports import free_port_pair

REPO_ROOT = Path(__file__).resolve().parents[1]


def cpu_seconds(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return t.user + t.system + getattr(t, "children_user", 0.0) + getattr(t, "children_system", 0.0)


def measure(gc: str, rate: float, seconds: float, idle_seconds: float, size: int) -> dict[str, float]:
    state = Path(tempfile.mkdtemp(prefix=f"broker-bench-{gc}-"))
    settings = LocalKafkaSettings(
        kafka_bootstrap=f"127.0.0.1:{free_port_pair()}",
        state_dir=state,
        kafka_dist_dir=REPO_ROOT / ".herald" / "kafka-dist",
        kafka_gc=gc,  # type: ignore[arg-type]
    )
    broker = LocalKafka(settings)
    broker.start(timeout_s=180)
    consumed = 0
    stop = threading.Event()

    def consume() -> None:
        nonlocal consumed
        consumer = KafkaConsumer(
            topics.ARTICLES.name,
            bootstrap_servers=settings.kafka_bootstrap,
            group_id="broker-bench",
            auto_offset_reset="earliest",
            auto_commit_interval_ms=1000,
        )
        while not stop.is_set():
            for records in consumer.poll(timeout_ms=200).values():
                consumed += len(records)
        consumer.close()

    reader = threading.Thread(target=consume)
    reader.start()
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all", linger_ms=5)
    value = b"x" * size
    try:
        pid = broker.pid()
        assert pid is not None
        proc = psutil.Process(pid)
        for i in range(200):  # warm-up: the JIT, the group join
            producer.send(topics.ARTICLES.name, key=str(i).encode(), value=value)
        producer.flush()
        time.sleep(5)
        sent, started, cpu0 = 0, time.monotonic(), cpu_seconds(proc)
        while (now := time.monotonic()) < started + seconds:
            due = int((now - started) * rate)
            while sent < due:
                producer.send(topics.ARTICLES.name, key=str(sent).encode(), value=value)
                sent += 1
            time.sleep(0.002)
        producer.flush()
        busy_cpu = cpu_seconds(proc) - cpu0
        time.sleep(2)
        idle0 = cpu_seconds(proc)
        time.sleep(idle_seconds)
        idle_cpu = cpu_seconds(proc) - idle0
    finally:
        stop.set()
        reader.join()
        producer.close()
        broker.stop()
        shutil.rmtree(state, ignore_errors=True)
    busy_s = seconds
    return {
        "records": sent,
        "cpu_ms_per_1000_records": 1e6 * busy_cpu / sent,
        "busy_cores": busy_cpu / busy_s,
        "idle_cores": idle_cpu / idle_seconds,
        "consumed": consumed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gc", nargs="+", default=["g1", "serial", "parallel"], help="collectors to compare")
    parser.add_argument("--rate", type=float, default=800.0, help="records a second (about the pipeline's)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to produce")
    parser.add_argument("--idle-seconds", type=float, default=15.0, help="how long to measure idling")
    parser.add_argument("--size", type=int, default=1200, help="record size in bytes (a short article)")
    args = parser.parse_args()
    print(f"load average at start: {psutil.getloadavg()[0]:.1f}")
    print(f"{'gc':9} {'records':>8} {'cpu-ms/1000 rec':>16} {'busy cores':>11} {'idle cores':>11}")
    for gc in args.gc:
        r = measure(gc, args.rate, args.seconds, args.idle_seconds, args.size)
        print(
            f"{gc:9} {r['records']:8.0f} {r['cpu_ms_per_1000_records']:16.1f} {r['busy_cores']:11.3f} "
            f"{r['idle_cores']:11.3f}"
        )
    print(f"load average at end: {psutil.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
