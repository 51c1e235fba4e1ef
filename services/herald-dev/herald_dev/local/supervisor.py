"""Supervising Herald's services as child processes: start all, restart the ones that die, stop all.

Each service runs as its own process (``herald poll``, ``herald worker <stage>``), logging to
``<state>/logs/<name>.log``. A crashed child is restarted with backoff; Ctrl-C stops every child
with SIGTERM (Faust commits on the way out) and SIGKILLs the ones that do not stop in time.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("herald_dev.local.supervisor")

SERVICES = ("dedup", "enrich", "classify", "novelty", "delivery")


@dataclass
class Child:
    name: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    next_start: float = 0.0
    started_at: float = field(default=0.0)

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as out:
            self.proc = subprocess.Popen(
                self.argv, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.started_at = time.monotonic()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def signal(self, sig: int) -> None:
        if self.alive() and self.proc is not None:
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                pass


def herald_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "herald.cli", *args]


class Supervisor:
    def __init__(self, children: list[Child]) -> None:
        self.children = children
        self.stopping = False

    def start_all(self) -> None:
        for child in self.children:
            child.start()
            log.info("started %s (pid %s)", child.name, child.proc.pid if child.proc else "?")

    def tick(self) -> None:
        now = time.monotonic()
        for child in self.children:
            if child.alive() or self.stopping:
                continue
            if child.next_start == 0.0:
                code = child.proc.returncode if child.proc else None
                # Backoff grows with quick successive crashes, resets after a minute of uptime.
                if now - child.started_at > 60:
                    child.restarts = 0
                delay = min(30.0, 0.5 * 2**child.restarts)
                child.next_start = now + delay
                log.warning(
                    "%s exited with %s; restarting in %.1fs (see %s)", child.name, code, delay, child.log_path
                )
            elif now >= child.next_start:
                child.restarts += 1
                child.next_start = 0.0
                child.start()

    def stop_all(self, timeout_s: float = 20.0) -> None:
        self.stopping = True
        for child in self.children:
            child.signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and any(c.alive() for c in self.children):
            time.sleep(0.1)
        for child in self.children:
            if child.alive():
                log.warning("%s did not stop in time; killing it", child.name)
                child.signal(signal.SIGKILL)
                if child.proc:
                    child.proc.wait()
