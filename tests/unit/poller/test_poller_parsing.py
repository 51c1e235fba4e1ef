"""The parse path: entity bombs refused before parsing, HTML and junk classified, the feedparser
corpus read without an exception escaping."""

from __future__ import annotations

import tracemalloc
from collections import Counter

import pytest
from tests.support.environment import FEEDPARSER_CORPUS
from tests.support.poller_rig import BILLION_LAUGHS_ONE_LINE

from herald.poller.parsing import PROBLEMS, REJECT_REASONS, FeedRejected, check_entities, read_feed


def feed(items: str, head: str = "") -> bytes:
    doc = (
        f'<?xml version="1.0" encoding="utf-8"?>{head}<rss version="2.0"><channel><title>Wire</title>{items}'
    )
    return (doc + "</channel></rss>").encode()


def test_billion_laughs_is_refused_before_parsing_with_little_memory() -> None:
    tracemalloc.start()
    try:
        with pytest.raises(FeedRejected) as err:
            read_feed(BILLION_LAUGHS_ONE_LINE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.value.reason == "xml_entities"
    assert peak < 1_000_000


@pytest.mark.parametrize(
    "decl",
    [
        '<!ENTITY ext SYSTEM "file:///etc/passwd">',
        '<!ENTITY % pe "x">',
        "<!ENTITY nested '&other;'>",
        '<!ENTITY   big "' + "x" * 2000 + '">',
    ],
)
def test_dangerous_entity_declarations_are_refused(decl: str) -> None:
    with pytest.raises(FeedRejected, match="xml_entities"):
        check_entities(f"<!DOCTYPE rss [{decl}]><rss/>".encode(), 10_000_000)


def test_quadratic_blowup_with_a_plain_entity_is_refused_by_expansion_size() -> None:
    body = b'<!DOCTYPE rss [<!ENTITY a "' + b"x" * 1000 + b'">]><rss>' + b"&a;" * 5000 + b"</rss>"
    with pytest.raises(FeedRejected, match="expand"):
        check_entities(body, 1_000_000)


def test_a_plain_entity_is_still_allowed_and_expanded() -> None:
    parsed = read_feed(
        feed(
            "<item><guid isPermaLink='false'>&id;42</guid><title>t</title></item>",
            '<!DOCTYPE rss [<!ENTITY id "tag:wire,">]>',
        )
    )
    assert parsed.entries[0]["id"] == "tag:wire,42"


def test_entity_declaration_in_utf16_is_refused() -> None:
    body = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE r [<!ENTITY a "x">]><rss/>'.encode("utf-16-le")
    with pytest.raises(FeedRejected, match="UTF-16"):
        check_entities(body, 10_000)


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (b"", None, "empty"),
        (b"  \n ", None, "empty"),
        (
            b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
            "text/html",
            "not_a_feed",
        ),
        (b"<html><body>Sign in to continue</body></html>", None, "not_a_feed"),
        (b'{"error": "rate limited"}', "application/json", "not_a_feed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00binary", "image/png", "not_a_feed"),
    ],
)
def test_non_feeds_are_rejected_with_a_reason(body: bytes, content_type: str | None, reason: str) -> None:
    with pytest.raises(FeedRejected) as err:
        read_feed(body, content_type)
    assert err.value.reason == reason


def test_malformed_feed_with_entries_is_read_and_the_problem_reported() -> None:
    body = feed(
        "<item><title>Bridge closed & traffic diverted</title><link>https://x.example/1</link></item>"
    )
    parsed = read_feed(body)
    assert len(parsed.entries) == 1
    assert [p[0] for p in parsed.problems] == ["malformed"]


def test_wrong_declared_encoding_is_reported() -> None:
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Café</title>'
        "<item><title>Zürich</title></item></channel></rss>"
    ).encode("latin-1")
    parsed = read_feed(body, "application/rss+xml")
    assert parsed.entries and "bad_encoding" in [p[0] for p in parsed.problems]


def test_charset_from_the_http_header_is_used() -> None:
    body = (
        '<rss version="2.0"><channel><title>Café</title>'
        "<item><title>Zürich flood</title></item></channel></rss>"
    ).encode("latin-1")
    parsed = read_feed(body, "application/rss+xml; charset=iso-8859-1")
    assert parsed.entries[0]["title"] == "Zürich flood"


def test_empty_feed_is_valid_with_a_no_entries_problem() -> None:
    parsed = read_feed(feed(""))
    assert parsed.entries == [] and parsed.problems == [("no_entries", "the feed has no entries")]


def test_ttl_and_syndication_hints() -> None:
    assert read_feed(feed("<ttl>45</ttl><item><title>a</title></item>")).ttl_seconds == 2700
    sy = '<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>W</title><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency><item><title>a</title></item></channel></rss>'
    assert read_feed(sy.encode()).ttl_seconds == 900


def test_the_whole_feedparser_corpus_goes_through_the_parse_path() -> None:
    """Every file of feedparser's own test corpus: parsed or rejected with a reason, never an exception.

    The ``Expect:`` lines in those files are feedparser's assertions, kept as data here: the poller
    classifies, it does not promise feedparser's exact output.
    """
    files = sorted(p for p in FEEDPARSER_CORPUS.rglob("*") if p.is_file() and p.name != "LICENSE")
    outcomes: Counter[str] = Counter()
    for path in files:
        try:
            parsed = read_feed(path.read_bytes())
        except FeedRejected as exc:
            assert exc.reason in REJECT_REASONS, path
            outcomes[exc.reason] += 1
            continue
        assert all(reason in PROBLEMS for reason, _ in parsed.problems), path
        outcomes["parsed"] += 1
    assert len(files) == 2121  # 2115 XML, 3 gzip, 3 deflate: feedparser's a22c5521 + v6.0.14
    assert sum(outcomes.values()) == len(files)
    assert outcomes["parsed"] > len(files) // 2  # most are feeds with entries, many deliberately broken
    assert outcomes["xml_entities"] >= 1  # the parameter-entity DOCTYPE in wellformed/rdf
