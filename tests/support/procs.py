"""Running Herald services as real child processes in tests, and reading Kafka topics."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from kafka import KafkaConsumer, TopicPartition

from herald.cli import LIGHT, LIGHT_STAGES
from herald.core.webhooks import decode_secret
from herald_dev.local.feedserver import FeedServer, ScriptedFeed
from herald_dev.local.ports import free_port
from herald_dev.local.receiver import Receiver
from tests.support.environment import herald_env
from tests.support.installed import child_env, herald_argv

STAGES = ("dedup", "enrich", "classify", "novelty", "delivery")
# The same pipeline with `herald worker light` in place of the light stages' own workers.
LIGHT_WORKERS = (LIGHT, *(s for s in STAGES if s not in LIGHT_STAGES))
_RECONNECT_NOISE = ("Marking the coordinator", "Group Coordinator Request failed")


@dataclass
class Service:
    name: str
    argv: list[str]
    env: dict[str, str]
    log: Path
    metrics_port: int
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Service:
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                self.argv, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        self.terminate()
        self.wait_stopped()

    def terminate(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)

    def wait_stopped(self) -> None:
        if self.proc:
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def tail(self, lines: int = 40) -> str:
        """The end of the log, without the client's reconnect chatter, for failure messages."""
        try:
            text = self.log.read_text(errors="replace")
        except FileNotFoundError:
            return f"--- {self.name}: <no log> ---"
        kept = [ln for ln in text.splitlines() if not any(n in ln for n in _RECONNECT_NOISE)]
        return f"--- {self.name} ({self.log}) ---\n" + "\n".join(kept[-lines:])


@dataclass
class Pipeline:
    """Every Herald service as its own process, against the test's broker.

    The processes are the source tree's ``herald``, or an installed wheel's when ``HERALD_TEST_PYTHON``
    is set (``tests/support/installed.py``).
    """

    env: dict[str, str]
    logs: Path
    services: dict[str, Service] = field(default_factory=dict)

    def add(self, name: str, *args: str, extra_env: dict[str, str] | None = None) -> Service:
        if name in self.services:
            raise ValueError(f"a service named {name!r} is already in the pipeline: remove it first")
        port = free_port()
        env = child_env(herald_env({**self.env, **(extra_env or {}), "HERALD_METRICS_PORT": str(port)}))
        self.logs.mkdir(parents=True, exist_ok=True)
        svc = Service(name, herald_argv(*args), env, self.logs / f"{name}.log", port)
        self.services[name] = svc
        return svc

    def start_all(self, feeds_file: Path | None = None, light: bool = False) -> Pipeline:
        """Every service; ``light``: one ``worker light`` process (named "light") for dedup, classify
        and novelty."""
        if feeds_file is not None:
            self.add("poller", "poll", extra_env={"HERALD_FEEDS_FILE": str(feeds_file)})
        for stage in LIGHT_WORKERS if light else STAGES:
            self.add(stage, "worker", stage)
        for svc in self.services.values():
            svc.start()
        return self

    def stop_all(self) -> None:
        # All at once: each worker's clean shutdown takes seconds, and they need not take turns.
        for svc in self.services.values():
            svc.terminate()
        for svc in self.services.values():
            svc.wait_stopped()

    def report(self) -> str:
        return "\n".join(s.tail() for s in self.services.values())


@contextmanager
def running(pipeline: Pipeline, feeds_file: Path | None = None) -> Iterator[Pipeline]:
    pipeline.start_all(feeds_file)
    try:
        yield pipeline
    except BaseException:
        sys.stderr.write(pipeline.report())
        raise
    finally:
        pipeline.stop_all()


@dataclass
class Wire:
    """A scripted feed over HTTP and a signed webhook receiver, and the env that points services at both."""

    server: FeedServer
    receiver: Receiver
    feeds_file: Path
    env: dict[str, str]

    @classmethod
    def start(
        cls,
        kafka_env: dict[str, str],
        tmp: Path,
        feed: ScriptedFeed,
        secret: str,
        name: str = "wire",
        poll_interval: float = 2,
        **extra_env: str,
    ) -> Wire:
        server = FeedServer().start()
        server.feeds[name] = feed
        receiver = Receiver(decode_secret(secret)).start()
        feeds_file = tmp / "feeds.yaml"
        feeds_file.write_text(
            yaml.safe_dump({"feeds": [{"name": name, "url": server.url(name), "interval": poll_interval}]})
        )
        env = {
            **kafka_env,
            "HERALD_ALLOW_HOSTS": "127.0.0.1",
            "HERALD_WEBHOOK_URL": receiver.url,
            "HERALD_WEBHOOK_SECRET": secret,
            "HERALD_POLL_INTERVAL_SECONDS": f"{poll_interval:g}",
            **extra_env,
        }
        return cls(server, receiver, feeds_file, env)

    def stop(self) -> None:
        self.server.stop()
        self.receiver.stop()


def wait_for(
    condition: Callable[[], bool], timeout: float, interval: float = 0.25, what: str = "condition"
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def read_topic(bootstrap: str, topic: str, timeout_s: float = 5.0) -> list[Any]:
    """Every record on a topic from the beginning to its current end."""
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, consumer_timeout_ms=int(timeout_s * 1000)
    )
    try:
        parts = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in parts]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        out: list[Any] = []
        deadline = time.monotonic() + timeout_s
        while any(consumer.position(tp) < end[tp] for tp in tps) and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=500).values():
                out.extend(batch)
        return out
    finally:
        consumer.close()


def json_values(records: list[Any]) -> list[dict[str, Any]]:
    return [json.loads(r.value) for r in records]
