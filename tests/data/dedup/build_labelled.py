"""Builds ``labelled.jsonl``: the labelled set for duplicate detection and story grouping.

Run from the repository root: ``python tests/data/dedup/build_labelled.py``. Deterministic; the output
is committed so the tests do not depend on this script's run.

Each line: ``{"article": {...}, "group": copy group, "story": story label or null, "event": {...}}``.
Articles in one ``group`` are copies of one text (the earliest fetched is the original); ``story``
groups articles that report the same event. Syndicated copies are derived here from the hand-written
texts in ``texts.py`` by the light edits syndication makes: a new headline, a byline, a dateline, a
trailing sentence, the last sentence dropped, another spelling. Paraphrases and look-alikes are
hand-written.
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from texts import LOOKALIKES, STORIES, UNRELATED

BASE = datetime(2026, 5, 4, 3, 0, tzinfo=UTC)
OUTLETS = [
    "Associated Wire",
    "Kyiv Ledger",
    "Baltic Herald",
    "Global Desk",
    "Morning Courier",
    "Pacific Times",
    "Levant Monitor",
    "Andes Daily",
    "Northern Star",
    "Sahel Report",
    "Delta Post",
    "Metro Gazette",
    "Harbour Chronicle",
    "Plains Tribune",
    "Island Observer",
    "Capital Dispatch",
]
BYLINES = ["By Olena Marchuk", "By Daniel Reyes and Amira Haddad", "By Tomas Varga", "By Keiko Sato"]
TRAILERS = [
    "Reporting by the wire desk; editing by Mark Ellison.",
    "This is a developing story and will be updated.",
    "Subscribe to our morning briefing for the day's top stories.",
    "Additional reporting from our regional correspondents.",
]
SPELLING = {
    "defences": "defenses",
    "neighbouring": "neighboring",
    "kilometres": "kilometers",
    "Organisers": "Organizers",
    "organisers": "organizers",
    "centre": "center",
    "tyres": "tires",
    "neighbourhood": "neighborhood",
    "per cent": "percent",
    "organised": "organized",
}


def _id(url: str) -> str:
    return hashlib.sha256("\x1f".join(("url", url)).encode()).hexdigest()[:32]


def article(
    url: str, source: str, title: str, body: str, fetched: datetime, guid: str | None = None
) -> dict[str, Any]:
    return {
        "id": _id(url),
        "url": url,
        "source": source,
        "title": title,
        "summary": body,
        "content": "",
        "published": (fetched - timedelta(minutes=2)).isoformat(),
        "fetched_at": fetched.isoformat(),
        "guid": guid,
        "language": "en",
    }


def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()[:6])


def byline(title: str, body: str, n: int) -> tuple[str, str]:
    return title, f"{BYLINES[n % len(BYLINES)]}. {body}"


def dateline(title: str, body: str, n: int) -> tuple[str, str]:
    return title, f"({OUTLETS[n % len(OUTLETS)].upper()}) - {body}"


def headline(title: str, body: str, n: int) -> tuple[str, str]:
    prefixes = ["UPDATE 1-", "Breaking: ", "WRAPUP: ", ""]
    suffixes = ["", "", "", " - officials"]
    return f"{prefixes[n % 4]}{title}{suffixes[n % 4]}", body


def trailing(title: str, body: str, n: int) -> tuple[str, str]:
    return title, f"{body} {TRAILERS[n % len(TRAILERS)]}"


def drop_last(title: str, body: str, n: int) -> tuple[str, str]:
    sentences = body.split(". ")
    return title, ". ".join(sentences[:-1]) + "." if len(sentences) > 3 else body


def spelling(title: str, body: str, n: int) -> tuple[str, str]:
    for a, b in SPELLING.items():
        body = body.replace(a, b)
    return title, body


ORIGINAL_COPIES = [(headline, byline, trailing), (dateline, spelling), (drop_last, headline)]
PARAPHRASE_COPIES = [(byline, trailing), (headline, spelling)]


def derive(title: str, body: str, edits: tuple[Any, ...], n: int) -> tuple[str, str]:
    for edit in edits:
        title, body = edit(title, body, n)
    return title, body


def build() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    outlet = iter(range(10_000))

    def add(art: dict[str, Any], group: str, story: str | None, event: dict[str, Any] | None) -> None:
        rows.append({"article": art, "group": group, "story": story, "event": event})

    def source() -> str:
        return OUTLETS[next(outlet) % len(OUTLETS)]

    for n, (label, spec) in enumerate(STORIES.items()):
        start = BASE + timedelta(hours=spec["at"])
        title, body = spec["original"]
        guid = f"urn:aw:{label}"
        event = spec["event"]
        group = f"{label}/original"
        add(
            article(f"https://wire.example/{label}", "Associated Wire", title, body, start, guid),
            group,
            label,
            event,
        )
        for i, edits in enumerate(ORIGINAL_COPIES):
            t, b = derive(title, body, edits, n + i)
            src = source()
            url = f"https://{slug(src)}.example/news/{slug(t)}-{n}{i}"
            add(article(url, src, t, b, start + timedelta(minutes=5 + 12 * i)), group, label, event)
        if n % 2 == 0 and n < 10:  # the same text again under another URL: an exact copy
            src = source()
            add(
                article(
                    f"https://{slug(src)}.example/a/{n}", src, title, body, start + timedelta(minutes=50)
                ),
                group,
                label,
                event,
            )
        if n in (1, 3):  # the wire's GUID kept by a syndicator that rewrote the headline: an exact copy
            src = source()
            t, b = headline(title, body, n + 1)
            add(
                article(f"https://{slug(src)}.example/s/{n}", src, t, b, start + timedelta(minutes=55), guid),
                group,
                label,
                event,
            )
        for j, (ptitle, pbody, override) in enumerate(spec["paraphrases"]):
            pevent = {**event, **override}
            pgroup = f"{label}/paraphrase{j}"
            when = start + timedelta(hours=2 + 3 * j)
            src = source()
            add(
                article(f"https://{slug(src)}.example/{slug(ptitle)}", src, ptitle, pbody, when),
                pgroup,
                label,
                pevent,
            )
            for i, edits in enumerate(PARAPHRASE_COPIES[: 2 - j]):
                t, b = derive(ptitle, pbody, edits, n + j + i)
                src = source()
                url = f"https://{slug(src)}.example/r/{slug(t)}-{n}{j}{i}"
                add(article(url, src, t, b, when + timedelta(minutes=10 + 15 * i)), pgroup, label, pevent)

    for n, (label, spec) in enumerate(LOOKALIKES.items()):
        start = BASE + timedelta(hours=spec["at"])
        title, body = spec["text"]
        group = f"{label}/original"
        add(
            article(
                f"https://wire.example/{label}", "Associated Wire", title, body, start, f"urn:aw:{label}"
            ),
            group,
            label,
            spec["event"],
        )
        t, b = derive(title, body, (dateline, trailing), n)
        src = source()
        add(
            article(f"https://{slug(src)}.example/l/{n}", src, t, b, start + timedelta(minutes=20)),
            group,
            label,
            spec["event"],
        )

    for n, (title, body) in enumerate(UNRELATED):
        start = BASE + timedelta(hours=3 + 29 * n)
        src = source()
        group = f"unrelated-{n}"
        add(
            article(f"https://{slug(src)}.example/u/{slug(title)}", src, title, body, start),
            group,
            None,
            None,
        )
        if n in (0, 3):
            t, b = derive(title, body, (byline, trailing), n)
            src = source()
            add(
                article(f"https://{slug(src)}.example/u2/{n}", src, t, b, start + timedelta(minutes=30)),
                group,
                None,
                None,
            )
    return rows


def main() -> None:
    rows = build()
    ids = [r["article"]["id"] for r in rows]
    assert len(ids) == len(set(ids)), "article ids (URLs) must be distinct"
    out = Path(__file__).with_name("labelled.jsonl")
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    print(f"wrote {len(rows)} labelled articles to {out}")


if __name__ == "__main__":
    main()
