"""One reading of an HTTP ``Retry-After`` header, for the poller and the alert sinks alike.

RFC 9110 allows two forms: a non-negative whole number of seconds, or an HTTP date. Anything else
("1.5", "-3", "soon", "inf") is unreadable and gives None, so the caller falls back on its own
backoff instead of trusting a value the server was not allowed to send.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from ``now`` until the server wants to be asked again; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
