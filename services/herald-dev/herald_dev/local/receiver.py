"""A local webhook receiver: the demo prints what it gets, tests count and script it.

It verifies each post as any Standard Webhooks receiver must (``herald.core.webhooks``): a bad
signature or a timestamp outside the tolerance is answered 401 and is no delivery; a second delivery
of an accepted id is acknowledged, recorded as a duplicate and not handed to ``on_delivery`` again.
It records every delivery (raw, duplicates included: tests count redeliveries) and every attempt
(failed ones too, with their arrival time), and can be told to fail (status codes, Retry-After,
delays) to exercise the sink's retry path. It stands in for Slack and Alertmanager as well: a post
without a ``webhook-signature`` header is not a Standard Webhooks delivery, so it is only recorded
as an attempt (answered as scripted), never verified, never a delivery.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from herald.core.http_server import BackgroundServer, QuietHandler
from herald.core.webhooks import TOLERANCE_SECONDS, Verdict, Verifier


@dataclass
class Delivery:
    webhook_id: str
    body: dict[str, Any]
    headers: dict[str, str]
    verdict: Verdict  # OK or DUPLICATE: refused posts are attempts, never deliveries
    received_at: float

    @property
    def signature_ok(self) -> bool:
        return self.verdict in (Verdict.OK, Verdict.DUPLICATE)

    @property
    def duplicate(self) -> bool:
        return self.verdict is Verdict.DUPLICATE


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


class Receiver:
    def __init__(
        self,
        secret: bytes,
        host: str = "127.0.0.1",
        port: int = 0,
        on_delivery: Callable[[Delivery], None] | None = None,
        tolerance: float = TOLERANCE_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.secret = secret
        self.verifier = Verifier(secret, tolerance, clock)
        self.deliveries: list[Delivery] = []
        self.attempts: list[Attempt] = []
        self.script = Script()
        self.on_delivery = on_delivery
        self._lock = threading.Lock()
        receiver = self

        class Handler(QuietHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                if len(body) < length:
                    return  # the sender went away mid-request (e.g. killed): nothing was delivered
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver._lock:
                    status, extra, delay = receiver.script.next(headers.get("webhook-id", ""))
                arrived = time.time()
                # Verified only when the script would accept: a scripted failure is no delivery, and
                # verifying it would remember its id and turn the sender's retry into a duplicate.
                signed = "webhook-signature" in headers
                verdict = receiver.verifier.verify(headers, body) if signed and 200 <= status < 300 else None
                if verdict in (Verdict.STALE, Verdict.BAD_SIGNATURE):
                    status, extra = 401, {}
                with receiver._lock:
                    receiver.attempts.append(Attempt(self.path, body, headers, status, arrived))
                if delay:
                    time.sleep(delay)
                if verdict in (Verdict.OK, Verdict.DUPLICATE):
                    delivery = Delivery(
                        headers.get("webhook-id", ""),
                        json.loads(body or b"{}"),
                        headers,
                        verdict,
                        time.time(),
                    )
                    with receiver._lock:
                        receiver.deliveries.append(delivery)
                    if receiver.on_delivery and verdict is Verdict.OK:
                        receiver.on_delivery(delivery)
                self.reply(status, b"", extra)

        # A short poll interval makes stop() quick: tests stop and restart receivers often.
        self.http = BackgroundServer(Handler, host, port, name="receiver", poll_interval=0.05)

    @property
    def url(self) -> str:
        return f"{self.http.base_url}/hooks/herald"

    def unique_ids(self) -> set[str]:
        with self._lock:
            return {d.webhook_id for d in self.deliveries}

    def start(self) -> Receiver:
        self.http.start()
        return self

    def stop(self) -> None:
        self.http.stop()

    def go_down(self) -> None:
        """Close the port (connections are refused, as from a host that is down); records are kept."""
        self.stop()

    def come_back(self) -> None:
        """Listen again on the same address, as the same receiver (deliveries keep accumulating)."""
        self.http.reopen()
