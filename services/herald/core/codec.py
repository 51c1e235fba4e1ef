"""Decoding Kafka values into records, with a precise reason when a value is poison."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .records import DeadLetterReason

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Poison(Exception):
    reason: DeadLetterReason
    detail: str

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}"


def decode(raw: bytes | None, model: type[M], max_bytes: int) -> M:
    """Parse one Kafka value, raising :class:`Poison` with the dead-letter reason when it is unusable.

    The checks run cheapest first so a 5 MB blob is refused before anything parses it.
    """
    if raw is None:
        raise Poison("schema_violation", "empty value (tombstone) on a data topic")
    if len(raw) > max_bytes:
        raise Poison("too_large", f"{len(raw)} bytes > limit {max_bytes}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Poison("invalid_utf8", str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Poison("invalid_json", str(exc)) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}" for e in exc.errors()[:5]
        )
        raise Poison("schema_violation", errors) from None
