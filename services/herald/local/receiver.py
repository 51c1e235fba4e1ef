"""A local webhook receiver: the demo prints what it gets, tests count and script it.

It verifies Standard Webhooks signatures, records every delivery (raw, including repeats) and
every attempt (failed ones too, with their arrival time), and can be told to fail (status codes,
Retry-After, delays) to exercise the sink's retry path. It stands in for Slack and Alertmanager as
well: ``attempts`` keeps each request's path and raw body whatever its answer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Delivery:
    webhook_id: str
    body: dict[str, Any]
    headers: dict[str, str]
    signature_ok: bool
    received_at: float


@dataclass
class Attempt:
    """One request as it arrived, answered with ``status``."""

    path: str
    body: bytes
    headers: dict[str, str]
    status: int
    received_at: float


Answer = tuple[int, dict[str, str], float]  # status, extra headers, delay before answering


@dataclass
class Script:
    """What to answer next: a queue of answers consumed one request at a time, then per-id answers.

    ``each_id`` makes every webhook-id meet the same failures, whatever order alerts arrive in and
    however many there are: its first attempts get these answers in turn, later ones 200. That is how
    a fault test hits every alert of a burst, not only the one at the head of the sink's queue.
    """

    steps: list[Answer] = field(default_factory=list)
    each_id: list[Answer] = field(default_factory=list)
    tries: dict[str, int] = field(default_factory=dict)

    def fail_each_id(self, answers: list[Answer]) -> None:
        self.each_id, self.tries = list(answers), {}

    def next(self, webhook_id: str = "") -> Answer:
        if self.steps:
            return self.steps.pop(0)
        n = self.tries.get(webhook_id, 0)
        self.tries[webhook_id] = n + 1
        return self.each_id[n] if n < len(self.each_id) else (200, {}, 0.0)


def verify(secret: bytes, headers: dict[str, str], body: bytes) -> bool:
    msg_id, ts, sigs = (
        headers.get("webhook-id", ""),
        headers.get("webhook-timestamp", ""),
        headers.get("webhook-signature", ""),
    )
    expected = base64.b64encode(
        hmac.new(secret, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()
    ).decode()
    return any(s.split(",", 1)[-1] == expected for s in sigs.split())


class Receiver:
    def __init__(
        self,
        secret: bytes,
        host: str = "127.0.0.1",
        port: int = 0,
        on_delivery: Callable[[Delivery], None] | None = None,
    ) -> None:
        self.secret = secret
        self.deliveries: list[Delivery] = []
        self.attempts: list[Attempt] = []
        self.script = Script()
        self.on_delivery = on_delivery
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                if len(body) < length:
                    return  # the sender went away mid-request (e.g. killed): nothing was delivered
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver._lock:
                    status, extra, delay = receiver.script.next(headers.get("webhook-id", ""))
                arrived = time.time()
                with receiver._lock:
                    receiver.attempts.append(Attempt(self.path, body, headers, status, arrived))
                if delay:
                    time.sleep(delay)
                if 200 <= status < 300:
                    delivery = Delivery(
                        headers.get("webhook-id", ""),
                        json.loads(body or b"{}"),
                        headers,
                        verify(receiver.secret, headers, body),
                        time.time(),
                    )
                    with receiver._lock:
                        receiver.deliveries.append(delivery)
                    if receiver.on_delivery:
                        receiver.on_delivery(delivery)
                self.send_response(status)
                for k, v in extra.items():
                    self.send_header(k, v)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        self._handler = Handler
        self._open(host, port)

    def _open(self, host: str, port: int) -> None:
        self.server = ThreadingHTTPServer((host, port), self._handler)
        self.server.daemon_threads = True
        # A short poll interval makes stop() quick: tests stop and restart receivers often.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = str(self.server.server_address[0]), int(self.server.server_address[1])
        return f"http://{host}:{port}/hooks/herald"

    def unique_ids(self) -> set[str]:
        with self._lock:
            return {d.webhook_id for d in self.deliveries}

    def start(self) -> Receiver:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def go_down(self) -> None:
        """Close the port (connections are refused, as from a host that is down); records are kept."""
        self.stop()

    def come_back(self) -> None:
        """Listen again on the same address, as the same receiver (deliveries keep accumulating)."""
        host, port = str(self.server.server_address[0]), int(self.server.server_address[1])
        self._open(host, port)
        self.start()
