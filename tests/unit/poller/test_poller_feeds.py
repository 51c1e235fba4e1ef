"""Feed lists: YAML and TOML with per-feed options, OPML import, validation that names the entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from herald.poller import feeds as feedlist
from herald.poller.cli import app

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Desk subscriptions</title></head>
  <body>
    <outline text="Regional">
      <outline text="Harbour Wire" type="rss" xmlUrl="https://harbour.example.org/rss.xml"
               htmlUrl="https://harbour.example.org/"/>
      <outline text="Valley Times" type="rss" xmlUrl="https://valley.example.net/feed"
               category="/weather,/floods"/>
    </outline>
    <outline title="Harbour Wire" type="rss" xmlUrl="https://harbour-mirror.example.org/rss.xml"/>
    <outline text="Duplicate" type="rss" xmlUrl="https://valley.example.net/feed"/>
    <outline text="Not a feed" type="rss" xmlUrl="javascript:alert(1)"/>
    <outline text="Just a link" type="link" url="https://example.org/"/>
  </body>
</opml>
"""


def test_yaml_with_options(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "feeds:\n"
        "  - {url: 'https://a.example/rss', name: Alpha, interval: 15m, tags: [energy]}\n"
        "  - {url: 'https://b.example/atom', interval: 90, enabled: false}\n"
    )
    a, b = feedlist.load(path)
    assert (a.name, a.interval, a.tags, a.enabled) == ("Alpha", 900.0, ["energy"], True)
    assert (b.name, b.interval, b.enabled) == ("b.example/atom", 90.0, False)


def test_toml_with_options(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[[feeds]]\nurl = "https://a.example/rss"\nname = "Alpha"\ninterval = "1h"\ntags = ["x"]\n'
    )
    (feed,) = feedlist.load(path)
    assert (feed.name, feed.interval, feed.tags) == ("Alpha", 3600.0, ["x"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("feeds:\n  - {url: 'ftp://a.example/rss', name: A}\n", "feed #1: url"),
        ("feeds:\n  - {url: 'https://a.example/rss', name: A, intervall: 5}\n", "feed #1: intervall"),
        (
            "feeds:\n  - {url: 'https://a.ex/rss', name: A}\n  - {url: 'https://a.ex/rss', name: B}",
            "duplicate url",
        ),
        (
            "feeds:\n  - {url: 'https://a.ex/rss', name: A}\n  - {url: 'https://b.ex/rss', name: A}",
            "duplicate name",
        ),
        ("feeds:\n  - {url: 'https://a.example/rss', name: A, interval: soon}\n", "feed #1: interval"),
        ("feeds: 3\n", "must be a list"),
        ("feeds: [\n", "not valid"),
    ],
)
def test_bad_lists_name_the_entry(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(text)
    with pytest.raises(feedlist.FeedListError, match=message):
        feedlist.load(path)


def test_opml_folders_become_tags_duplicates_and_non_feeds_are_dropped() -> None:
    feeds = feedlist.read_opml(OPML)
    assert [f.url for f in feeds] == [
        "https://harbour.example.org/rss.xml",
        "https://valley.example.net/feed",
        "https://harbour-mirror.example.org/rss.xml",
    ]
    assert feeds[0].tags == ["Regional"]
    assert feeds[1].tags == ["Regional", "weather", "floods"]
    assert feeds[2].name == "Harbour Wire (2)"  # names must be unique: they are metric labels


def test_opml_with_entity_bomb_or_garbage_is_refused() -> None:
    bomb = b'<!DOCTYPE opml [<!ENTITY a "x"><!ENTITY b "&a;&a;&a;">]><opml><body/></opml>'
    with pytest.raises(feedlist.FeedListError, match="refused"):
        feedlist.read_opml(bomb)
    with pytest.raises(feedlist.FeedListError, match="not valid XML"):
        feedlist.read_opml(b"<opml><body>")
    with pytest.raises(feedlist.FeedListError, match="not an OPML"):
        feedlist.read_opml(b"<rss/>")


@pytest.mark.parametrize("suffix", [".yaml", ".toml"])
def test_cli_import_merges_into_the_list_and_is_idempotent(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"feeds{suffix}"
    feedlist.dump(
        [feedlist.Feed(url="https://harbour.example.org/rss.xml", name="Harbour Wire", interval=120)], target
    )
    opml = tmp_path / "subs.opml"
    opml.write_bytes(OPML)
    runner = CliRunner()
    first = runner.invoke(app, ["import", str(opml), "--into", str(target)])
    assert first.exit_code == 0, first.output
    assert "imported 2 feeds" in first.output
    loaded = feedlist.load(target)
    assert [f.name for f in loaded] == ["Harbour Wire", "Valley Times", "Harbour Wire (2)"]
    assert loaded[0].interval == 120
    again = runner.invoke(app, ["import", str(opml), "--into", str(target)])
    assert "imported 0 feeds" in again.output
    assert len(feedlist.load(target)) == 3


def test_cli_import_reports_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_bytes(b"<opml>")
    result = CliRunner().invoke(app, ["import", str(bad), "--into", str(tmp_path / "f.yaml")])
    assert result.exit_code == 1 and "not valid XML" in result.output
