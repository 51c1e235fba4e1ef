"""Fetch helpers that need no server: bounded decompression, Retry-After and Cache-Control parsing."""

from __future__ import annotations

import gzip
import zlib
from datetime import UTC, datetime

import pytest

from herald.poller.fetch import FetchError, Inflater, max_age_seconds

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def test_inflater_never_yields_more_than_one_step_from_a_bomb() -> None:
    bomb = gzip.compress(b"\0" * 5_000_000, 9)  # ~5 KB on the wire
    inflater = Inflater("gzip")
    sizes = [len(piece) for piece in inflater.feed(bomb[:4096])]
    assert sizes and max(sizes) <= 64 * 1024


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("gzip", gzip.compress(b"<rss/>" * 100)),
        ("deflate", zlib.compress(b"<rss/>" * 100)),
        ("deflate", zlib.compress(b"<rss/>" * 100)[2:-4]),  # raw deflate, as many servers send
        ("gzip", b"<rss/>" * 100),  # says gzip, is not: passed through
        ("gzip", gzip.compress(b"<rss/>" * 50) + gzip.compress(b"<rss/>" * 50)),  # two members
        ("identity", b"<rss/>" * 100),
    ],
)
def test_inflater_decodes_what_servers_send(encoding: str, data: bytes) -> None:
    inflater = Inflater(encoding)
    out = b"".join(p for i in range(0, len(data), 7) for p in inflater.feed(data[i : i + 7]))
    out += b"".join(inflater.finish())
    assert out == b"<rss/>" * 100


def test_corrupt_gzip_is_a_fetch_error() -> None:
    data = bytearray(gzip.compress(b"<rss>" * 1000))
    data[20:40] = b"\xff" * 20
    inflater = Inflater("gzip")
    with pytest.raises(FetchError, match="bad_compression"):
        for _ in inflater.feed(bytes(data)):
            pass
        list(inflater.finish())


def test_max_age() -> None:
    assert max_age_seconds("public, max-age=300") == 300.0
    assert max_age_seconds("max-age=300, no-cache") is None
    assert max_age_seconds("private") is None
    assert max_age_seconds(None) is None
