"""A report's own claim of a record or a first, as the novelty rules weigh it.

Classify fills ``Event.claims`` with the sentences that claim one ("the largest attack of the war",
"the first strike on the region"). A claimed first alerts from ``first_claim_min_severity``; a
claimed record is no record when the claim names a bigger event it does not beat.
"""

from __future__ import annotations

import re
from typing import Any

from herald.core.records import Event


def claim_of(event: Event, kind: str = "record") -> dict[str, str] | None:
    """The event's own claim of a record or a first (classify fills ``Event.claims``)."""
    for claim in event.claims:
        if claim.kind == kind:
            return {"kind": kind, "sentence": claim.text[:500]}
    if kind == "record" and event.record_claim:
        return {"kind": kind, "sentence": (event.sentences or [event.title])[0][:500]}
    return None


def concedes_higher(
    event: Event, claim: dict[str, str], series_prev: dict[str, dict[str, Any]]
) -> str | None:
    """A "deadliest since ..." claim whose own count is below a high the series already holds:
    "the deadliest attack since Barsalogho in August, in which up to 600 people were killed" on a
    25-dead attack names the bigger event it does not beat. Why it is no record, or None."""
    if not re.search(r"\bsince\b", claim["sentence"], re.I):
        return None
    for metric, value in event.magnitude.items():
        prev = series_prev.get(metric)
        if prev is not None and value < prev["value"]:
            return (
                f'claims a record "since" an earlier event, but its {value:g} {metric} is below the '
                f"{prev['value']:g} of {prev['at'][:10]} ({prev['source']})"
            )
    return None
