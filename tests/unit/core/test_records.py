"""Record rules the schema alone cannot express."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from herald.core.records import Article, stable_id


def article(**kw: object) -> Article:
    base: dict[str, object] = dict(
        id=stable_id("x"),
        url="https://e.org/a",
        source="s",
        title="Title",
        published=datetime(2026, 1, 1, tzinfo=UTC),
        fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    base.update(kw)
    return Article.model_validate(base)


def test_stable_id_is_deterministic_and_separates_parts() -> None:
    assert stable_id("a", "b") == stable_id("a", "b")
    assert stable_id("ab", "") != stable_id("a", "b")
    assert len(stable_id("a")) == 32


def test_timestamps_are_normalised_to_utc() -> None:
    kyiv = timezone(timedelta(hours=2))
    a = article(published=datetime(2026, 1, 1, 12, tzinfo=kyiv))
    assert a.published == datetime(2026, 1, 1, 10, tzinfo=UTC)
    assert a.published.utcoffset() == timedelta(0)


def test_naive_timestamps_are_refused() -> None:
    with pytest.raises(ValidationError):
        article(published=datetime(2026, 1, 1))  # noqa: DTZ001 - the point of the test


def test_text_prefers_content_over_summary() -> None:
    assert article(summary="short", content="long body").text() == "Title\n\nlong body"
    assert article(summary="short").text() == "Title\n\nshort"
    assert article().text() == "Title"


def test_unknown_fields_from_newer_producers_are_ignored() -> None:
    a = Article.model_validate({**article().model_dump(), "added_in_v2": 1})
    assert not hasattr(a, "added_in_v2")
