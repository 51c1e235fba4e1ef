"""Standard Webhooks: the one signer and verifier every Herald sender and receiver uses.

A delivery carries three headers: ``webhook-id`` (the message id, the same on every retry of one
message), ``webhook-timestamp`` (Unix seconds of this attempt) and ``webhook-signature``
(space-separated ``v1,<base64 HMAC-SHA256 of "id.timestamp.body">``). Secrets are ``whsec_`` +
base64 of the key; a bare string is used as raw bytes.

Verification follows the specification: signatures compared in constant time, timestamps more than
five minutes from the receiver's clock (either way) refused, so a captured delivery cannot be
replayed later. Within those five minutes the signature still holds, so a receiver that must not act
twice remembers the ids it accepted (``SeenIds``): the specification makes the id the idempotency
key, and a second delivery with a known id is a duplicate, acknowledged and not processed again
(answering an error would make an honest sender retry a message that already arrived).

``standardwebhooks`` (the reference library) hard-codes the tolerance and reads the wall clock; the
heartbeat server's tolerance is a setting and tests drive a clock, so Herald keeps these few lines.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import threading
import time
from collections.abc import Callable, Mapping
from enum import StrEnum

TOLERANCE_SECONDS = 300.0  # the specification's five minutes


class Verdict(StrEnum):
    """What a receiver makes of one delivery. Only ``OK`` may be acted on."""

    OK = "ok"
    DUPLICATE = "duplicate"  # signed and fresh, but this id was accepted before: acknowledge, skip
    STALE = "stale"  # timestamp missing, malformed or outside the tolerance
    BAD_SIGNATURE = "bad_signature"


def decode_secret(secret: str) -> bytes:
    """The signing key: base64 after ``whsec_``, else the string's bytes."""
    if secret.startswith("whsec_"):
        return base64.b64decode(secret.removeprefix("whsec_"))
    return secret.encode()


def sign(key: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` value for one attempt: ``v1,<base64 HMAC-SHA256>``."""
    return "v1," + base64.b64encode(_mac(key, msg_id, str(timestamp), body)).decode()


def headers(key: bytes, msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The three Standard Webhooks headers of one attempt."""
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(key, msg_id, timestamp, body),
    }


def check(
    key: bytes, received: Mapping[str, str], body: bytes, now: float, tolerance: float = TOLERANCE_SECONDS
) -> Verdict:
    """Signature and timestamp of one delivery (header names lower-case); ids are ``SeenIds``' job."""
    msg_id = received.get("webhook-id", "")
    stamp = received.get("webhook-timestamp", "")
    try:
        fresh = abs(now - int(stamp)) <= tolerance
    except ValueError:
        fresh = False
    if not fresh:
        return Verdict.STALE
    expected = _mac(key, msg_id, stamp, body)
    for candidate in received.get("webhook-signature", "").split():
        version, _, encoded = candidate.partition(",")
        try:
            given = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            continue
        if version == "v1" and hmac.compare_digest(given, expected):
            return Verdict.OK
    return Verdict.BAD_SIGNATURE


class SeenIds:
    """Ids accepted within the tolerance window, for refusing a second delivery of the same message.

    An id is forgotten once a delivery carrying it could no longer pass the timestamp check (its
    acceptance plus twice the tolerance: the timestamp may have been that far ahead), so memory stays
    bounded by the delivery rate. Ids are kept in acceptance order, so forgetting stops at the first
    one still in the window. Thread-safe: HTTP handlers call it concurrently.
    """

    def __init__(self, tolerance: float = TOLERANCE_SECONDS) -> None:
        self.horizon = 2 * tolerance
        self._accepted: dict[str, float] = {}
        self._lock = threading.Lock()

    def first(self, msg_id: str, now: float) -> bool:
        """True the first time ``msg_id`` is seen within the window (and remember it), else False."""
        with self._lock:
            for old, accepted_at in list(self._accepted.items()):
                if now - accepted_at <= self.horizon:
                    break
                del self._accepted[old]
            if msg_id in self._accepted:
                return False
            self._accepted[msg_id] = now
            return True


class Verifier:
    """A receiver's whole check: signature, timestamp, then id (a duplicate is never ``OK``)."""

    def __init__(
        self, key: bytes, tolerance: float = TOLERANCE_SECONDS, clock: Callable[[], float] = time.time
    ) -> None:
        self.key = key
        self.tolerance = tolerance
        self.clock = clock
        self.seen = SeenIds(tolerance)

    def verify(self, received: Mapping[str, str], body: bytes) -> Verdict:
        now = self.clock()
        verdict = check(self.key, received, body, now, self.tolerance)
        if verdict is Verdict.OK and not self.seen.first(received.get("webhook-id", ""), now):
            return Verdict.DUPLICATE
        return verdict


def _mac(key: bytes, msg_id: str, stamp: str, body: bytes) -> bytes:
    return hmac.new(key, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest()
