"""What the benchmark observes while the pipeline runs, without touching it.

Three read-only probes, sampled together on one clock:

* each service's Prometheus ``/metrics`` (records in and out per stage and topic, processing time,
  the delivery worker's end-to-end histogram): per-stage throughput and backlog;
* the end offsets of every topic (kafka-python): what each stage has produced;
* psutil on every process, the broker's JVM included: resident memory (peak) and CPU seconds.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import httpx
import psutil
from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.errors import KafkaError
from prometheus_client.parser import text_string_to_metric_families

Labels = tuple[tuple[str, str], ...]


def parse_metrics(text: str) -> dict[tuple[str, Labels], float]:
    """Prometheus text exposition -> {(sample name, sorted labels): value}."""
    out: dict[tuple[str, Labels], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = float(sample.value)
    return out


@dataclass
class StageCounts:
    """Herald's stage metrics summed over every process that runs a stage (two enrich workers: one sum)."""

    records_in: dict[tuple[str, str], float] = field(default_factory=dict)  # (stage, topic)
    records_out: dict[tuple[str, str], float] = field(default_factory=dict)
    processing_sum: dict[str, float] = field(default_factory=dict)  # per-record seconds, summed per batch
    processing_count: dict[str, float] = field(default_factory=dict)  # batches
    last_processed: dict[str, float] = field(default_factory=dict)
    e2e_sum: float = 0.0
    e2e_count: float = 0.0
    per_service_in: dict[str, float] = field(default_factory=dict)

    def stage_in(self, stage: str) -> float:
        return sum(v for (s, _), v in self.records_in.items() if s == stage)

    def stage_out(self, stage: str) -> float:
        return sum(v for (s, _), v in self.records_out.items() if s == stage)

    def stages(self) -> list[str]:
        return sorted({s for s, _ in self.records_in} | {s for s, _ in self.records_out})

    def topics(self) -> set[str]:
        return {t for _, t in self.records_in} | {t for _, t in self.records_out}

    def add(self, service: str, samples: dict[tuple[str, Labels], float]) -> None:
        total_in = 0.0
        for (name, labels), value in samples.items():
            lab = dict(labels)
            if name == "herald_records_in_total":
                key = (lab.get("stage", "?"), lab.get("topic", "?"))
                self.records_in[key] = self.records_in.get(key, 0.0) + value
                total_in += value
            elif name == "herald_records_out_total":
                key = (lab.get("stage", "?"), lab.get("topic", "?"))
                self.records_out[key] = self.records_out.get(key, 0.0) + value
            elif name == "herald_processing_seconds_sum":
                stage = lab.get("stage", "?")
                self.processing_sum[stage] = self.processing_sum.get(stage, 0.0) + value
            elif name == "herald_processing_seconds_count":
                stage = lab.get("stage", "?")
                self.processing_count[stage] = self.processing_count.get(stage, 0.0) + value
            elif name == "herald_last_processed_timestamp_seconds":
                stage = lab.get("stage", "?")
                self.last_processed[stage] = max(self.last_processed.get(stage, 0.0), value)
            elif name == "herald_end_to_end_seconds_sum":
                self.e2e_sum += value
            elif name == "herald_end_to_end_seconds_count":
                self.e2e_count += value
        self.per_service_in[service] = total_in


class MetricsProbe:
    """Scrapes every service's /metrics; a service that does not answer yet is reported as missing."""

    def __init__(self, ports: dict[str, int], timeout_s: float = 2.0) -> None:
        self.ports = dict(ports)
        self.client = httpx.Client(timeout=timeout_s, trust_env=False)

    def add(self, service: str, port: int) -> None:
        self.ports[service] = port

    def read(self) -> tuple[StageCounts, list[str]]:
        counts = StageCounts()
        missing: list[str] = []
        for service, port in self.ports.items():
            try:
                resp = self.client.get(f"http://127.0.0.1:{port}/metrics")
                resp.raise_for_status()
            except httpx.HTTPError:
                missing.append(service)
                continue
            counts.add(service, parse_metrics(resp.text))
        return counts, missing

    def close(self) -> None:
        self.client.close()


class OffsetProbe:
    """End offsets of topics (summed over partitions), and the records between two sets of offsets."""

    def __init__(self, bootstrap: str) -> None:
        self.bootstrap = bootstrap
        self.consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
        self.admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="herald-bench-admin")
        self._parts: dict[str, list[TopicPartition]] = {}

    def partitions(self, topic: str) -> list[TopicPartition]:
        if topic not in self._parts:
            parts = self.consumer.partitions_for_topic(topic) or set()
            if not parts:
                return []
            self._parts[topic] = [TopicPartition(topic, p) for p in sorted(parts)]
        return self._parts[topic]

    def end_offsets(self, topics: Iterable[str], attempts: int = 10) -> dict[TopicPartition, int]:
        topics = list(topics)
        for attempt in range(attempts):
            tps = [tp for t in topics for tp in self.partitions(t)]
            if not tps:
                return {}
            try:
                return dict(self.consumer.end_offsets(tps))
            except (KeyError, KafkaError):
                # A partition the broker did not answer for (a topic reset between runs, a leader
                # moving): kafka-python raises KeyError. Fresh metadata, then ask again.
                if attempt == attempts - 1:
                    raise
                self._parts.clear()
                time.sleep(1.0)
        return {}

    def ends(self, topics: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for tp, end in self.end_offsets(topics).items():
            out[tp.topic] += end
        return dict(out)

    def committed(self, prefix: str = "herald") -> dict[str, int]:
        """Offsets the stages' consumer groups have committed, summed per topic.

        A Faust worker commits an offset only after the batch holding it was processed and its outputs
        acknowledged, so committed == end offset means "done", which a counter that moves when a
        batch starts cannot say.
        """
        groups = [
            str(g.get("group_id") or g.get("group") or "") if isinstance(g, dict) else str(g)
            for g in self.admin.list_groups()
        ]
        groups = [g for g in groups if g.startswith(prefix)]
        if not groups:
            return {}
        highest: dict[TopicPartition, int] = {}
        for offsets in self.admin.list_group_offsets(groups).values():
            for tp, meta in offsets.items():
                if meta.offset >= 0:
                    highest[tp] = max(highest.get(tp, 0), meta.offset)
        out: dict[str, int] = defaultdict(int)
        for tp, offset in highest.items():
            out[tp.topic] += offset
        return dict(out)

    def read_range(
        self, start: dict[TopicPartition, int], end: dict[TopicPartition, int], timeout_s: float = 30.0
    ) -> list[object]:
        """Every record from ``start`` up to ``end`` (per partition), with its Kafka timestamp."""
        consumer = KafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False)
        try:
            tps = [tp for tp in end if end[tp] > start.get(tp, 0)]
            if not tps:
                return []
            consumer.assign(tps)
            for tp in tps:
                consumer.seek(tp, start.get(tp, 0))
            records: list[object] = []
            deadline = time.monotonic() + timeout_s
            while time.monotonic() < deadline and any(consumer.position(tp) < end[tp] for tp in tps):
                for tp, batch in consumer.poll(timeout_ms=500).items():
                    records.extend(r for r in batch if r.offset < end[tp])
            return records
        finally:
            consumer.close()

    def close(self) -> None:
        self.consumer.close()
        self.admin.close()


@dataclass
class ResourceSample:
    t: float
    rss: dict[str, int]
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds (user + system) so far


class ResourceSampler:
    """Samples resident memory and CPU seconds of every tracked process on a thread (and on demand).

    RSS counts shared pages (libraries, the Python runtime) once per process, so the stack total is
    an upper bound of what the machine actually spends; it is what "resident" means to an operator.
    """

    def __init__(self, interval_s: float = 0.5) -> None:
        self.interval_s = interval_s
        self.procs: dict[str, psutil.Process] = {}
        self.peak: dict[str, int] = {}
        self.peak_total = 0
        self.samples: list[ResourceSample] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-resources", daemon=True)

    def track(self, name: str, proc: psutil.Process) -> None:
        with self._lock:
            self.procs[name] = proc

    def start(self) -> ResourceSampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():  # a ceiling-only run never starts the sampler
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval_s)

    def sample(self) -> ResourceSample:
        with self._lock:
            procs = dict(self.procs)
        rss: dict[str, int] = {}
        cpu: dict[str, float] = {}
        for name, proc in procs.items():
            try:
                # The process alone: the benchmark's own children are the services, tracked by name.
                rss[name] = proc.memory_info().rss
                times = proc.cpu_times()
                cpu[name] = times.user + times.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        sample = ResourceSample(time.time(), rss, cpu)
        with self._lock:
            for name, value in rss.items():
                self.peak[name] = max(self.peak.get(name, 0), value)
            stack_total = sum(v for n, v in rss.items() if n != "bench")
            self.peak_total = max(self.peak_total, stack_total)
            self.samples.append(sample)
        return sample

    def cpu(self) -> dict[str, float]:
        """CPU seconds (user + system) of every tracked process so far, each on its own."""
        with self._lock:
            procs = dict(self.procs)
        out: dict[str, float] = {}
        for name, proc in procs.items():
            try:
                t = proc.cpu_times()
                out[name] = t.user + t.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        return out
