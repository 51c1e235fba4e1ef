"""Standard Webhooks signing and verification (``herald.core.webhooks``): the specification's own
example, tampering, key rotation, the five-minute tolerance, and replay of an accepted id."""

from __future__ import annotations

import base64

from herald.core import webhooks
from herald.core.webhooks import TOLERANCE_SECONDS, Verdict, Verifier

# The example of the Standard Webhooks specification: key, id, timestamp, body and its signature.
SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SPEC_ID, SPEC_TS, SPEC_BODY = "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, b'{"test": 2432232314}'
SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

KEY = webhooks.decode_secret("whsec_" + base64.b64encode(b"unit-test key of herald").decode())
NOW = 1_800_000_000


def signed(msg_id: str = "alert-1", ts: int = NOW, body: bytes = b'{"id": "alert-1"}') -> dict[str, str]:
    return webhooks.headers(KEY, msg_id, ts, body)


def test_the_specification_example_signs_and_verifies() -> None:
    key = webhooks.decode_secret(SPEC_SECRET)
    assert webhooks.sign(key, SPEC_ID, SPEC_TS, SPEC_BODY) == SPEC_SIGNATURE
    received = {"webhook-id": SPEC_ID, "webhook-timestamp": str(SPEC_TS), "webhook-signature": SPEC_SIGNATURE}
    assert webhooks.check(key, received, SPEC_BODY, now=SPEC_TS + 10) is Verdict.OK


def test_a_bare_secret_is_its_own_bytes() -> None:
    assert webhooks.decode_secret("plain secret") == b"plain secret"


def test_tampering_with_body_id_or_key_breaks_the_signature() -> None:
    body = b'{"id": "alert-1"}'
    received = signed(body=body)
    assert webhooks.check(KEY, received, body, NOW) is Verdict.OK
    assert webhooks.check(KEY, received, body.replace(b"1", b"2"), NOW) is Verdict.BAD_SIGNATURE
    assert webhooks.check(KEY, {**received, "webhook-id": "alert-2"}, body, NOW) is Verdict.BAD_SIGNATURE
    assert webhooks.check(b"another key", received, body, NOW) is Verdict.BAD_SIGNATURE
    assert webhooks.check(KEY, {**received, "webhook-signature": ""}, body, NOW) is Verdict.BAD_SIGNATURE


def test_any_one_valid_v1_signature_of_several_passes() -> None:
    """Key rotation sends several signatures; unknown versions and junk are skipped, not fatal."""
    body = b"{}"
    good = signed(body=body)["webhook-signature"]
    v2 = "v2," + good.split(",", 1)[1]
    received = {**signed(body=body), "webhook-signature": f"v1,bm90IGl0 v1,%%% {v2} {good}"}
    assert webhooks.check(KEY, received, body, NOW) is Verdict.OK
    assert webhooks.check(KEY, {**received, "webhook-signature": v2}, body, NOW) is Verdict.BAD_SIGNATURE


def test_a_timestamp_more_than_five_minutes_away_is_stale_either_way() -> None:
    body = b"{}"
    for offset in (-TOLERANCE_SECONDS, 0, TOLERANCE_SECONDS):
        assert webhooks.check(KEY, signed(ts=NOW + int(offset), body=body), body, NOW) is Verdict.OK
    for offset in (-TOLERANCE_SECONDS - 1, TOLERANCE_SECONDS + 1, -86_400):
        assert webhooks.check(KEY, signed(ts=NOW + int(offset), body=body), body, NOW) is Verdict.STALE
    for stamp in ("", "soon", "1.8e9"):
        received = {**signed(body=body), "webhook-timestamp": stamp}
        assert webhooks.check(KEY, received, body, NOW) is Verdict.STALE


def test_a_replayed_delivery_is_a_duplicate_within_the_window_and_stale_after_it() -> None:
    clock = [float(NOW)]
    verifier = Verifier(KEY, clock=lambda: clock[0])
    body = b'{"id": "alert-1"}'
    captured = signed(body=body)
    assert verifier.verify(captured, body) is Verdict.OK
    clock[0] += 60
    assert verifier.verify(captured, body) is Verdict.DUPLICATE, "the same delivery, replayed"
    resent = signed(ts=int(clock[0]), body=body)
    assert verifier.verify(resent, body) is Verdict.DUPLICATE, "a fresh signature on a known id"
    assert verifier.verify(signed("alert-2", int(clock[0]), body), body) is Verdict.OK
    clock[0] = NOW + TOLERANCE_SECONDS + 1
    assert verifier.verify(captured, body) is Verdict.STALE


def test_a_refused_delivery_does_not_use_up_its_id() -> None:
    """A forged post naming a real id must not make the genuine delivery a duplicate."""
    verifier = Verifier(KEY, clock=lambda: float(NOW))
    body = b'{"id": "alert-1"}'
    forged = {**signed(body=body), "webhook-signature": "v1," + base64.b64encode(b"x" * 32).decode()}
    assert verifier.verify(forged, body) is Verdict.BAD_SIGNATURE
    assert verifier.verify(signed(body=body), body) is Verdict.OK


def test_accepted_ids_are_forgotten_once_they_could_no_longer_pass_the_clock() -> None:
    seen = webhooks.SeenIds(tolerance=300)
    assert seen.first("a", 0) and not seen.first("a", 600)
    assert seen.first("b", 601) and seen.first("a", 601.5)
