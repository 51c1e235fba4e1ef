"""Normalisation: canonical URLs, stable ids, plain text, UTC dates, language."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import feedparser

from herald.poller.normalize import (
    article_from_entry,
    canonical_url,
    entry_identity,
    normalize_language,
    plain,
    published_at,
)

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
FEED = "https://wire.example.org/rss"


def test_canonical_url_strips_tracking_fragment_default_port_and_case() -> None:
    url = "HTTPS://News.Example.ORG:443/world/2026/port-strike?id=42&utm_source=rss&utm_medium=feed&fbclid=x#comments"
    assert canonical_url(url) == "https://news.example.org/world/2026/port-strike?id=42"


def test_canonical_url_keeps_other_parameters_in_order_and_encoding() -> None:
    assert (
        canonical_url("http://example.org/a?b=2&a=1&q=caf%C3%A9+au+lait")
        == "http://example.org/a?b=2&a=1&q=caf%C3%A9+au+lait"
    )


def test_canonical_url_resolves_relative_links_and_refuses_non_http() -> None:
    assert canonical_url("/2026/03/flood-warning", FEED) == "https://wire.example.org/2026/03/flood-warning"
    assert canonical_url("javascript:alert(1)", FEED) is None
    assert canonical_url("mailto:desk@example.org") is None
    assert canonical_url("https://user:secret@example.org/x") == "https://example.org/x"
    assert canonical_url("http://example.org:8080") == "http://example.org:8080/"


def test_same_story_with_different_tracking_gets_one_id_across_feeds() -> None:
    a = entry_identity({"link": "https://news.example.org/s/1?utm_campaign=a"}, "https://one.example/rss")
    b = entry_identity({"link": "https://NEWS.example.org/s/1#top"}, "https://two.example/atom")
    assert a is not None and b is not None and a[0] == b[0]


def test_guid_id_when_link_missing_and_text_id_when_both_missing() -> None:
    by_guid = entry_identity({"id": "tag:wire.example.org,2026:4711", "title": "x"}, FEED)
    same_guid_other_feed = entry_identity(
        {"id": "tag:wire.example.org,2026:4711"}, "https://other.example/rss"
    )
    by_text = entry_identity({"title": "Dam inspection ordered"}, FEED)
    assert by_guid is not None and by_guid[1] is None
    assert same_guid_other_feed is not None and by_guid[0] != same_guid_other_feed[0]  # GUIDs are per feed
    assert by_text is not None and by_text[0] not in (by_guid[0],)
    assert entry_identity({}, FEED) is None


def test_plain_strips_html_scripts_and_entities() -> None:
    html = (
        '<p>Ferry <b>services</b> suspended&nbsp;&amp; ports closed</p><script>alert("x")</script>'
        "<style>p{}</style><br/>Details to follow"
    )
    assert plain(html) == "Ferry services suspended & ports closed Details to follow"  # nbsp counts as space
    assert plain("3 < 5 and 7 > 2") == "3 < 5 and 7 > 2"
    assert plain("  many \n\t spaces ") == "many spaces"
    assert plain("x" * 50, 10) == "x" * 10
    assert plain(None) == ""


def _struct(dt: datetime) -> time.struct_time:
    return dt.timetuple()


def test_dates_are_utc_and_missing_or_future_ones_become_now() -> None:
    past = NOW - timedelta(hours=3)
    assert published_at({"published_parsed": _struct(past)}, NOW) == past
    assert published_at({"updated_parsed": _struct(past)}, NOW) == past
    assert published_at({}, NOW) == NOW
    assert published_at({"published_parsed": _struct(NOW + timedelta(days=2))}, NOW) == NOW
    assert published_at({"published_parsed": time.gmtime(0)}, NOW) == NOW  # epoch zero is a parse failure


def test_timezone_offsets_in_feeds_become_utc() -> None:
    doc = feedparser.parse(
        b'<rss version="2.0"><channel><item><link>https://x.example/a</link>'
        b"<pubDate>Sat, 14 Mar 2026 11:00:00 +0200</pubDate></item></channel></rss>"
    )
    assert published_at(doc.entries[0], NOW) == datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


def test_language_tags_are_normalised() -> None:
    assert normalize_language("en_US") == "en-us"
    assert normalize_language(" EN ") == "en"
    assert normalize_language("not a language!") is None
    assert normalize_language(None) is None


def test_article_from_entry_builds_a_valid_record() -> None:
    entry = {
        "link": "https://wire.example.org/2026/03/levee?utm_source=rss",
        "id": "https://wire.example.org/2026/03/levee",
        "title": "Levee <em>breach</em> forces evacuation of 2,000 residents",
        "summary": "<p>Emergency crews worked through the night.</p>",
        "content": [
            {"value": "<p>Emergency crews worked through the night.</p><p>More rain is expected.</p>"}
        ],
        "published_parsed": _struct(NOW - timedelta(minutes=20)),
        "tags": [{"term": "Floods"}, {"term": ""}],
    }
    article = article_from_entry(entry, source="River Desk", feed_url=FEED, language="en-GB", now=NOW)
    assert article is not None
    assert article.url == "https://wire.example.org/2026/03/levee"
    assert article.title == "Levee breach forces evacuation of 2,000 residents"
    assert article.summary == "Emergency crews worked through the night."
    assert article.content.endswith("More rain is expected.")
    assert article.language == "en-gb"
    assert article.tags == ["Floods"]
    assert article.published == NOW - timedelta(minutes=20)
    assert article.id == entry_identity(entry, FEED)[0]  # type: ignore[index]


def test_entry_without_link_points_at_the_site_but_keeps_its_guid_id() -> None:
    entry = {"id": "urn:uuid:5b6f", "title": "Bulletin 12"}
    article = article_from_entry(
        entry, source="Desk", feed_url=FEED, language=None, now=NOW, site_url="https://wire.example.org/"
    )
    assert article is not None and article.url == "https://wire.example.org/"
    assert article.id == entry_identity(entry, FEED)[0]  # type: ignore[index]
