"""A local webhook receiver: the demo prints what it gets, tests count and script it.

It verifies Standard Webhooks signatures, records every delivery (raw, including repeats), and
can be told to fail (status codes, Retry-After, delays) to exercise the sink's retry path.
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
class Script:
    """What to answer next: a queue of (status, headers, delay) consumed one request at a time."""

    steps: list[tuple[int, dict[str, str], float]] = field(default_factory=list)

    def next(self) -> tuple[int, dict[str, str], float]:
        return self.steps.pop(0) if self.steps else (200, {}, 0.0)


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
        self.script = Script()
        self.on_delivery = on_delivery
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                with receiver._lock:
                    status, extra, delay = receiver.script.next()
                if delay:
                    time.sleep(delay)
                if 200 <= status < 300:
                    headers = {k.lower(): v for k, v in self.headers.items()}
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

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

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
