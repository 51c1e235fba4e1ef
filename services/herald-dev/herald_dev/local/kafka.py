"""A real Kafka (KRaft) on this machine, from Maven jars: no Docker needed.

``deploy/kafka/pom.xml`` names the broker version; Maven resolves its runtime classpath once into
``<state>/kafka/<version>/libs``. The broker's storage is formatted once, its pid and log live next
to its data, and start/stop are idempotent, so scripts and tests can call them blindly.

:class:`LocalKafka` is one node; on its own it is a whole single-node cluster. The same class is a
member of a several-node cluster when it is given a :class:`Quorum` (``herald_dev.local.cluster``).
"""

from __future__ import annotations

import base64
import logging
import os
import re
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from herald.core.kafka import ensure_topics, wait_ready
from herald.core.settings import CoreSettings

log = logging.getLogger("herald_dev.local.kafka")

REPO_ROOT = Path(__file__).resolve().parents[4]  # services/herald-dev/herald_dev/local/
POM = REPO_ROOT / "deploy" / "kafka" / "pom.xml"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.11.0"


class LocalKafkaSettings(CoreSettings):
    kafka_heap_mb: int = Field(512, ge=128, description="Max heap of the local broker's JVM.")
    kafka_gc: Literal["g1", "parallel", "serial"] = Field(
        "g1", description="The broker JVM's garbage collector (bench/broker_bench.py compares them)."
    )
    kafka_controller_port: int = Field(0, ge=0, description="KRaft controller port; 0 means broker port + 1.")
    kafka_pom: Path = Field(POM, description="Maven project that names the broker version.")
    kafka_dist_dir: Path = Field(
        Path(".herald/kafka-dist"),
        description="Where Maven puts the broker's jars (shared by every state dir).",
    )
    java: str = Field("java", description="Java executable for the local broker (17 or newer).")
    mvn: str = Field("mvn", description="Maven executable used to resolve the broker's jars.")


# The JVM options of each collector the broker may run with.
GC_OPTIONS: dict[str, tuple[str, ...]] = {
    "g1": ("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20"),
    "parallel": ("-XX:+UseParallelGC", "-XX:ParallelGCThreads=1"),
    "serial": ("-XX:+UseSerialGC",),
}


def kafka_version(pom: Path = POM) -> str:
    match = re.search(r"<kafka.version>([^<]+)</kafka.version>", pom.read_text())
    if not match:
        raise ValueError(f"{pom} does not define <kafka.version>")
    return match.group(1).strip()


@dataclass(frozen=True)
class Quorum:
    """What a node needs to know to be one of several: the shared cluster id and the voters.

    ``voters`` is the static ``controller.quorum.voters`` string (``id@host:port,...``); every node
    of the cluster is a controller and a broker (combined mode), so the quorum and the brokers are
    the same processes.
    """

    node_id: int
    voters: str
    cluster_id: str
    size: int
    min_insync_replicas: int


def new_cluster_id(random_bytes: Callable[[], bytes] = lambda: uuid.uuid4().bytes) -> str:
    """A Kafka ``Uuid`` string: URL-safe base64 without padding, as ``StorageTool random-uuid`` prints.

    One id in 64 would start with "-", which ``StorageTool format -t`` reads as an option and refuses;
    Kafka's own ``Uuid.randomUuid`` draws again in that case, and so does this.
    """
    while True:
        cluster_id = base64.urlsafe_b64encode(random_bytes()).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


@dataclass
class Status:
    running: bool
    pid: int | None
    answering: bool
    bootstrap: str
    log_file: Path


class LocalKafka:
    def __init__(self, settings: LocalKafkaSettings, quorum: Quorum | None = None) -> None:
        self.settings = settings
        self.quorum = quorum
        host, _, port = settings.bootstrap_servers[0].rpartition(":")
        self.host = host or "127.0.0.1"
        self.port = int(port)
        self.controller_port = settings.kafka_controller_port or self.port + 1
        self.version = kafka_version(settings.kafka_pom)
        self.root = settings.state_dir.resolve() / "kafka"
        self.libs = settings.kafka_dist_dir.resolve() / self.version / "libs"
        self.data = self.root / f"data-{self.port}"
        self.config = self.root / f"server-{self.port}.properties"
        self.pid_file = self.root / f"broker-{self.port}.pid"
        self.log_file = self.root / f"broker-{self.port}.log"

    # -- install -----------------------------------------------------------------------------------
    def installed(self) -> bool:
        return (self.libs / ".complete").exists()

    def install(self) -> None:
        """Resolve the broker's jars with Maven (once per version)."""
        if self.installed():
            return
        self.libs.mkdir(parents=True, exist_ok=True)
        cmd = [
            self.settings.mvn,
            "-B",
            "-q",
            "-f",
            str(self.settings.kafka_pom),
            f"{DEPENDENCY_PLUGIN}:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={self.libs}",
        ]
        log.info("resolving Kafka %s with Maven", self.version)
        subprocess.run(cmd, check=True)
        (self.libs / ".complete").write_text(self.version)

    # -- lifecycle ---------------------------------------------------------------------------------
    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return None
        # A recycled pid belongs to someone else: only our java with our config counts.
        return pid if b"kafka.Kafka" in cmdline and str(self.config).encode() in cmdline else None

    def status(self) -> Status:
        pid = self.pid()
        answering = False
        if pid:
            try:
                wait_ready(self.settings, timeout_s=3.0)
                answering = True
            except TimeoutError:
                answering = False
        return Status(pid is not None, pid, answering, self.settings.kafka_bootstrap, self.log_file)

    def _write_config(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        quorum = self.quorum
        replicas = str(quorum.size if quorum else 1)
        min_isr = str(quorum.min_insync_replicas if quorum else 1)
        lines = {
            "process.roles": "broker,controller",
            "node.id": str(quorum.node_id if quorum else 1),
            "controller.quorum.voters": quorum.voters if quorum else f"1@{self.host}:{self.controller_port}",
            "listeners": f"PLAINTEXT://{self.host}:{self.port},CONTROLLER://{self.host}:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://{self.host}:{self.port}",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "controller.listener.names": "CONTROLLER",
            "inter.broker.listener.name": "PLAINTEXT",
            "log.dirs": str(self.data),
            "num.partitions": str(self.settings.partitions),
            # Internal topics replicated on every node (one node cannot hold Kafka's default of 3).
            "offsets.topic.replication.factor": replicas,
            "offsets.topic.num.partitions": "6",
            "transaction.state.log.replication.factor": replicas,
            "transaction.state.log.min.isr": min_isr,
            "share.coordinator.state.topic.replication.factor": replicas,
            "share.coordinator.state.topic.min.isr": min_isr,
            "default.replication.factor": replicas,
            "min.insync.replicas": min_isr,
            "group.initial.rebalance.delay.ms": "0",
            "auto.create.topics.enable": "false",
            "message.max.bytes": str(8 * 1024 * 1024),
            "log.cleaner.dedupe.buffer.size": str(16 * 1024 * 1024),
        }
        self.config.write_text("".join(f"{k}={v}\n" for k, v in lines.items()))

    def _format(self) -> None:
        if (self.data / "meta.properties").exists():
            return
        cluster_id = self.quorum.cluster_id if self.quorum else new_cluster_id()
        subprocess.run(
            [
                self.settings.java,
                "-cp",
                f"{self.libs}/*",
                "kafka.tools.StorageTool",
                "format",
                "-t",
                cluster_id,
                "-c",
                str(self.config),
                "--ignore-formatted",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def start(self, timeout_s: float = 90.0) -> tuple[bool, float]:
        """Start the broker unless it runs; returns (started_now, seconds until it answered)."""
        if self.pid():
            return False, 0.0
        started = time.monotonic()
        proc = self.launch()
        try:
            wait_ready(self.settings, timeout_s=timeout_s)
        except TimeoutError:
            if proc.poll() is not None:
                raise RuntimeError(f"Kafka exited with {proc.returncode}; see {self.log_file}") from None
            raise
        if self.quorum is None:
            ensure_topics(self.settings)  # a cluster creates them once every node answers
        return True, time.monotonic() - started

    def launch(self) -> subprocess.Popen[bytes]:
        """Format the storage if it is new and start the JVM, without waiting for it to answer.

        A cluster's nodes are launched together and waited for together: a node alone answers
        nothing until a majority of the controller quorum is up.
        """
        self.install()
        self._write_config()
        self._format()
        heap = self.settings.kafka_heap_mb
        cmd = [
            self.settings.java,
            f"-Xms{min(heap, 256)}m",
            f"-Xmx{heap}m",
            *GC_OPTIONS[self.settings.kafka_gc],
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-cp",
            f"{self.libs}/*",
            "kafka.Kafka",
            str(self.config),
        ]
        with open(self.log_file, "ab") as logf:
            proc = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, start_new_session=True)
        self.pid_file.write_text(str(proc.pid))
        return proc

    def wipe(self) -> None:
        """Delete the broker's data (only when it is stopped): the demo starts from a clean slate."""
        if self.pid():
            raise RuntimeError("refusing to wipe the data of a running broker")
        shutil.rmtree(self.data, ignore_errors=True)

    def stop(self, timeout_s: float = 30.0, hard: bool = False) -> bool:
        """Stop the broker (controlled shutdown, then SIGKILL); returns False when it was not running."""
        pid = self.pid()
        if not pid:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGKILL if hard else signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
            if _zombie(pid):
                break
            time.sleep(0.1)
        if Path(f"/proc/{pid}").exists() and not _zombie(pid):
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True


def _zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"
