"""The system under test: a fresh local broker, every Herald service as its own process, a receiver.

Nothing here is simulated: the broker is ``herald_dev.local.kafka.LocalKafka`` (the one ``herald up``
runs) with its own state directory, wiped before the run; each stage is ``python -m herald.cli
worker <stage>`` with its own /metrics port; alerts go over signed HTTP to
``herald_dev.local.receiver.Receiver``, which timestamps every delivery.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from herald.core.settings import CoreSettings
from herald_dev.local.kafka import REPO_ROOT, LocalKafka, LocalKafkaSettings
from herald_dev.local.ports import free_port, free_port_pair
from herald_dev.local.receiver import Receiver

log = logging.getLogger("bench.stack")

# A fixed, obviously-local secret: the receiver verifies every signature with it.
WEBHOOK_SECRET = "whsec_" + "aGVyYWxkLWJlbmNoLXNlY3JldC1ub3QtZm9yLXByb2R1Y3Rpb24="
DEFAULT_DIST = Path(".herald/kafka-dist")


@dataclass
class Service:
    """One Herald process: its command, its /metrics port, its log, and psutil's view of it."""

    name: str
    stage: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    metrics_port: int
    proc: subprocess.Popen[bytes] | None = None
    ps: psutil.Process | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as out:
            self.proc = subprocess.Popen(
                self.argv, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.ps = psutil.Process(self.proc.pid)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout_s: float = 20.0) -> None:
        """SIGTERM (Faust commits on the way out), then SIGKILL; only this service's own group."""
        if not self.alive() or self.proc is None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "<no log>"


@dataclass
class Stack:
    """Broker, services and receiver of one benchmark run, under ``root`` (wiped on start)."""

    root: Path
    partitions: int = 6
    broker_heap_mb: int = 512
    service_log_level: str = "INFO"
    # HERALD_* variables every service gets (and the article producer, see ``core_settings``).
    service_settings: dict[str, str] = field(default_factory=dict)
    services: list[Service] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.state = self.root / "state"
        self.logs = self.root / "logs"
        self.broker: LocalKafka | None = None
        self.receiver: Receiver | None = None
        self.settings: CoreSettings | None = None

    # -- broker ------------------------------------------------------------------------------------
    def start_broker(self) -> float:
        """Start a broker of our own on free ports over a wiped state dir; returns seconds to ready."""
        shutil.rmtree(self.state, ignore_errors=True)
        self.state.mkdir(parents=True)
        base = LocalKafkaSettings()
        dist = base.kafka_dist_dir
        if dist == DEFAULT_DIST:  # the default is relative to the working directory: pin it to the repo
            dist = REPO_ROOT / DEFAULT_DIST
        settings = base.model_copy(
            update={
                "kafka_bootstrap": f"127.0.0.1:{free_port_pair()}",
                "state_dir": self.state,
                "kafka_dist_dir": dist,
                "kafka_heap_mb": self.broker_heap_mb,
                "partitions": self.partitions,
            }
        )
        self.broker = LocalKafka(settings)
        _, seconds = self.broker.start(timeout_s=180)  # also creates every topic of the registry
        self.settings = CoreSettings(
            kafka_bootstrap=settings.kafka_bootstrap, state_dir=self.state, partitions=self.partitions
        )
        return seconds

    @property
    def bootstrap(self) -> str:
        if self.settings is None:
            raise RuntimeError("the broker is not started")
        return self.settings.kafka_bootstrap

    def core_settings(self) -> CoreSettings:
        """The broker's settings with ``service_settings`` applied, for the harness's own producer."""
        if self.settings is None:
            raise RuntimeError("the broker is not started")
        fields = {
            name.removeprefix("HERALD_").lower(): value for name, value in self.service_settings.items()
        }
        known = {k: v for k, v in fields.items() if k in CoreSettings.model_fields}
        return self.settings.model_validate({**self.settings.model_dump(), **known})

    def broker_process(self) -> psutil.Process | None:
        pid = self.broker.pid() if self.broker else None
        return psutil.Process(pid) if pid else None

    # -- receiver and services ---------------------------------------------------------------------
    def start_receiver(self) -> Receiver:
        from herald.core.webhooks import decode_secret

        self.receiver = Receiver(decode_secret(WEBHOOK_SECRET)).start()
        return self.receiver

    def _env(self, metrics_port: int) -> dict[str, str]:
        # Children inherit PATH, PYTHONPATH and the like, but no HERALD_* setting from the caller.
        env = {k: v for k, v in os.environ.items() if not k.startswith("HERALD_")}
        env.update(self.service_settings)
        env.update(
            HERALD_KAFKA_BOOTSTRAP=self.bootstrap,
            HERALD_STATE_DIR=str(self.state),
            HERALD_PARTITIONS=str(self.partitions),
            HERALD_METRICS_PORT=str(metrics_port),
            HERALD_LOG_LEVEL=self.service_log_level,
            HERALD_ALLOW_HOSTS="127.0.0.1",
            HERALD_WEBHOOK_SECRET=WEBHOOK_SECRET,
        )
        if self.receiver is not None:
            env["HERALD_WEBHOOK_URL"] = self.receiver.url
        return env

    def add_worker(self, stage: str) -> Service:
        """Start one more ``herald worker <stage>`` process (a second one joins the same group)."""
        n = sum(1 for s in self.services if s.stage == stage)
        port = free_port()
        name = stage if n == 0 else f"{stage}-{n + 1}"
        svc = Service(
            name,
            stage,
            [sys.executable, "-m", "herald.cli", "worker", stage],
            self._env(port),
            self.logs / f"{name}.log",
            port,
        )
        svc.start()
        self.services.append(svc)
        log.info("started %s (pid %s, metrics :%d)", name, svc.proc.pid if svc.proc else "?", port)
        return svc

    def check_alive(self) -> None:
        dead = [s for s in self.services if not s.alive()]
        if dead:
            tails = "\n".join(
                f"--- {s.name} (exit {s.proc.returncode if s.proc else '?'}) ---\n{s.tail()}" for s in dead
            )
            raise RuntimeError(f"service(s) died: {', '.join(s.name for s in dead)}\n{tails}")

    def stop(self, keep_state: bool = False) -> None:
        for svc in self.services:
            svc.stop()
        if self.receiver is not None:
            self.receiver.stop()
        if self.broker is not None:
            self.broker.stop()
        if not keep_state:
            shutil.rmtree(self.state, ignore_errors=True)
