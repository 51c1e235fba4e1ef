"""Retry-After reads the same in the poller and the alert sinks: whole seconds or an HTTP date."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from herald.core.retry_after import retry_after_seconds

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def test_whole_seconds() -> None:
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds(" 0 ") == 0.0


def test_an_http_date_counts_from_now_and_never_goes_negative() -> None:
    assert retry_after_seconds("Sat, 14 Mar 2026 12:10:00 GMT", NOW) == 600.0
    assert retry_after_seconds("Sat, 14 Mar 2026 11:00:00 GMT", NOW) == 0.0


@pytest.mark.parametrize("value", [None, "", "soon", "1.5", "-3", "inf", "nan", "١٢"])
def test_anything_the_standard_does_not_allow_is_unreadable(value: str | None) -> None:
    assert retry_after_seconds(value, NOW) is None
