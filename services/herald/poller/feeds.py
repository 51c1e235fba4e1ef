"""The feed list: YAML or TOML with per-feed options, and OPML import.

A feed list is configuration, so it is validated whole at start-up: an unknown option, a bad URL, a
duplicate URL or name stops the poller with a message naming the entry, rather than silently
polling something else. Duplicate names matter because the name is the ``feed`` metric label and
the article's ``source``.
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .parsing import FeedRejected, check_entities

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.I)
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86_400}
MAX_OPML_BYTES = 10 * 1024 * 1024


class FeedListError(ValueError):
    """The feed list cannot be used; the message says which entry and why."""


class Feed(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(pattern=r"^https?://", max_length=4096)
    name: str = Field(min_length=1, max_length=200)
    interval: float | None = Field(None, gt=0, description="Fixed seconds between polls; None: adaptive.")
    tags: list[str] = Field(default_factory=list)
    enabled: bool = True

    @field_validator("interval", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> Any:
        """Accept ``90``, ``"90s"``, ``"15m"``, ``"1h"``."""
        if isinstance(value, str):
            match = _DURATION.match(value)
            if not match:
                raise ValueError(f"interval {value!r} is not a number of seconds or like '15m', '1h'")
            return float(match.group(1)) * _UNIT[(match.group(2) or "s").lower()]
        return value


def default_name(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or url) + (parts.path.rstrip("/") if parts.path not in ("", "/") else "")


def _entries(data: Any) -> list[Any]:
    items = data.get("feeds", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise FeedListError("the feed list must be a list of feeds, or a mapping with a 'feeds' list")
    return items


def validate(items: Iterable[Any], origin: str) -> list[Feed]:
    feeds: list[Feed] = []
    urls: set[str] = set()
    names: set[str] = set()
    for n, item in enumerate(items, 1):
        if isinstance(item, dict) and "url" in item and not item.get("name"):
            item = {**item, "name": default_name(str(item["url"]))}
        try:
            feed = Feed.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "entry"
            raise FeedListError(f"{origin}: feed #{n}: {where}: {first['msg']}") from None
        if feed.url in urls:
            raise FeedListError(f"{origin}: feed #{n}: duplicate url {feed.url}")
        if feed.name in names:
            raise FeedListError(f"{origin}: feed #{n}: duplicate name {feed.name!r}")
        urls.add(feed.url)
        names.add(feed.name)
        feeds.append(feed)
    return feeds


def load(path: Path) -> list[Feed]:
    """Read a feed list; the format follows the suffix (.yaml/.yml, .toml, .opml/.xml)."""
    suffix = path.suffix.lower()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FeedListError(f"{path}: cannot read: {exc}") from None
    if suffix in (".opml", ".xml"):
        return validate([f.model_dump() for f in read_opml(raw, str(path))], str(path))
    try:
        if suffix == ".toml":
            data: Any = tomllib.loads(raw.decode("utf-8"))
        else:
            data = yaml.safe_load(raw) or {}
    except (tomllib.TOMLDecodeError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise FeedListError(f"{path}: not valid {suffix.lstrip('.') or 'YAML'}: {exc}") from None
    return validate(_entries(data), str(path))


def read_opml(raw: bytes, origin: str = "OPML") -> list[Feed]:
    """Feeds from an OPML subscription list; folders become tags. Duplicate URLs keep the first.

    OPML is XML from elsewhere, so the same entity check as for feeds runs first, and the size is
    capped. Names are made unique by numbering, because names must be unique in a feed list.
    """
    if len(raw) > MAX_OPML_BYTES:
        raise FeedListError(f"{origin}: over {MAX_OPML_BYTES} bytes")
    try:
        check_entities(raw, MAX_OPML_BYTES)
        root = ET.fromstring(raw)
    except FeedRejected as exc:
        raise FeedListError(f"{origin}: refused: {exc.detail}") from None
    except ET.ParseError as exc:
        raise FeedListError(f"{origin}: not valid XML: {exc}") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise FeedListError(f"{origin}: not an OPML document (no <opml><body>)")
    feeds: list[Feed] = []
    urls: set[str] = set()
    names: set[str] = set()

    def walk(node: ET.Element, folders: list[str]) -> None:
        for outline in node.findall("outline"):
            url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            label = (outline.get("title") or outline.get("text") or "").strip()
            if not url:
                walk(outline, [*folders, label] if label else folders)
                continue
            if not re.match(r"^https?://", url, re.I) or url in urls:
                continue
            name = base = (label or default_name(url))[:190]
            n = 2
            while name in names:
                name, n = f"{base} ({n})", n + 1
            tags = [t for t in folders if t] + [
                c.strip().strip("/")
                for c in (outline.get("category") or "").split(",")
                if c.strip().strip("/")
            ]
            feeds.append(Feed(url=url, name=name, tags=list(dict.fromkeys(tags))))
            urls.add(url)
            names.add(name)

    walk(body, [])
    return feeds


def merge(existing: list[Feed], incoming: list[Feed]) -> tuple[list[Feed], list[Feed]]:
    """The list with the incoming feeds whose URL is new appended (names made unique); and those added."""
    urls = {f.url for f in existing}
    names = {f.name for f in existing}
    added: list[Feed] = []
    for feed in incoming:
        if feed.url in urls:
            continue
        name, n = feed.name, 2
        while name in names:
            name, n = f"{feed.name} ({n})", n + 1
        feed = feed.model_copy(update={"name": name})
        urls.add(feed.url)
        names.add(name)
        added.append(feed)
    return existing + added, added


def _plain(feed: Feed) -> dict[str, Any]:
    out: dict[str, Any] = {"name": feed.name, "url": feed.url}
    if feed.interval is not None:
        out["interval"] = feed.interval
    if feed.tags:
        out["tags"] = feed.tags
    if not feed.enabled:
        out["enabled"] = False
    return out


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = "".join(c if c >= " " or c == "\t" else f"\\u{ord(c):04x}" for c in text)
    return f'"{text}"'


def dump(feeds: list[Feed], path: Path) -> None:
    """Write a feed list in the format its suffix names (YAML, or TOML for .toml)."""
    rows = [_plain(f) for f in feeds]
    if path.suffix.lower() == ".toml":
        text = "".join(
            "[[feeds]]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in row.items()) + "\n"
            for row in rows
        )
    elif path.suffix.lower() in (".yaml", ".yml"):
        text = yaml.safe_dump({"feeds": rows}, sort_keys=False, allow_unicode=True)
    else:
        raise FeedListError(f"{path}: can only write a .yaml, .yml or .toml feed list")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
