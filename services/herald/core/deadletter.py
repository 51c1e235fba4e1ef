"""Turning a record a stage cannot handle into a dead letter, without losing it."""

from __future__ import annotations

from .records import DeadLetter, DeadLetterReason, utcnow

PAYLOAD_LIMIT = 64 * 1024  # keep enough to debug; the original stays on its topic until retention


def dead_letter(
    *,
    stage: str,
    topic: str,
    reason: DeadLetterReason,
    error: BaseException | str,
    payload: bytes | None,
    key: bytes | str | None = None,
    partition: int | None = None,
    offset: int | None = None,
    sink: str | None = None,
) -> DeadLetter:
    raw = payload or b""
    text = raw[:PAYLOAD_LIMIT].decode("utf-8", errors="replace")
    if isinstance(key, bytes):
        key = key.decode("utf-8", errors="replace")
    message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return DeadLetter(
        stage=stage,
        topic=topic,
        partition=partition,
        offset=offset,
        key=key,
        reason=reason,
        error=message[:4000],
        payload=text,
        payload_bytes=len(raw),
        payload_truncated=len(raw) > PAYLOAD_LIMIT,
        failed_at=utcnow(),
        sink=sink,
    )
