"""``herald feeds ...``: look after the feed list (import OPML) and see how every feed is doing."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # the commands import what they need, so `herald --help` stays cheap
    from .feeds import Feed
    from .state import FeedState

app = typer.Typer(help="The feed list: import OPML, list feeds with their health.", no_args_is_help=True)


def _feeds_path(path: Path | None) -> Path:
    from .settings import PollerSettings

    chosen = path or PollerSettings().feeds_file
    if chosen is None:
        raise typer.BadParameter("no feed list: pass --feeds or set HERALD_FEEDS_FILE")
    return chosen


def _age(seconds: float | None, now: float) -> str:
    if seconds is None:
        return "never"
    delta = now - seconds
    future = delta < 0
    delta = abs(delta)
    if delta < 90:
        text = f"{delta:.0f}s"
    elif delta < 5400:
        text = f"{delta / 60:.0f}m"
    elif delta < 172_800:
        text = f"{delta / 3600:.1f}h"
    else:
        text = f"{delta / 86_400:.1f}d"
    return f"in {text}" if future else f"{text} ago"


def health_rows(
    feeds: list[Feed], states: dict[str, FeedState] | None, now: float, failing_after: int = 3
) -> list[dict[str, str]]:
    """One row per feed, as strings for people; ``states`` None means the state could not be read."""
    rows = []
    for feed in feeds:
        state = (states or {}).get(feed.url)
        h = state.health if state else None
        if not feed.enabled:
            status = "disabled"
        elif states is None:
            status = "unknown"
        elif h is None or h.last_attempt is None:
            status = "never polled"
        elif h.consecutive_errors >= failing_after:
            status = "FAILING"
        elif h.consecutive_errors:
            status = "retrying"
        else:
            status = "ok"
        ratio = h.not_modified_ratio() if h else None
        rows.append(
            {
                "name": feed.name,
                "health": status,
                "last_success": _age(h.last_success, now) if h else "-",
                "last_status": (h.last_status or "-") if h else "-",
                "errors": f"{h.consecutive_errors}/{h.errors_total}" if h else "-",
                "next_poll": _age(h.next_poll, now) if h and h.next_poll else "-",
                "ratio_304": f"{ratio:.0%}" if ratio is not None else "-",
                "interval": f"{h.interval:.0f}s"
                if h and h.interval
                else (f"{feed.interval:.0f}s" if feed.interval else "-"),
                "last_error": (h.last_error if h else "")[:80],
                "url": feed.url,
            }
        )
    return rows


COLUMNS = [
    ("name", "FEED"),
    ("health", "HEALTH"),
    ("last_success", "LAST SUCCESS"),
    ("last_status", "LAST STATUS"),
    ("errors", "ERRORS (RUN/TOTAL)"),
    ("next_poll", "NEXT POLL"),
    ("ratio_304", "304 RATIO"),
    ("interval", "INTERVAL"),
    ("last_error", "LAST ERROR"),
]


def render(rows: list[dict[str, str]]) -> str:
    widths = {k: max([len(title)] + [len(r[k]) for r in rows]) for k, title in COLUMNS}
    lines = ["  ".join(title.ljust(widths[k]) for k, title in COLUMNS).rstrip()]
    lines += ["  ".join(r[k].ljust(widths[k]) for k, _ in COLUMNS).rstrip() for r in rows]
    return "\n".join(lines)


@app.command("list")
def list_feeds(
    feeds: Annotated[Path | None, typer.Option(help="Feed list (default: HERALD_FEEDS_FILE).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per feed.")] = False,
) -> None:
    """Every feed with its health: last success, last status, errors, next poll, 304 ratio."""
    from . import feeds as feedlist
    from .output import read_state
    from .settings import PollerSettings

    settings = PollerSettings()
    items = feedlist.load(_feeds_path(feeds))
    states: dict[str, FeedState] | None
    try:
        states = read_state(settings)
    except Exception as exc:
        typer.echo(
            f"warning: cannot read feed health from Kafka at {settings.kafka_bootstrap}: {exc}", err=True
        )
        states = None
    rows = health_rows(items, states, time.time(), settings.failing_after_errors)
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row))
    else:
        typer.echo(render(rows))
        failing = sum(r["health"] == "FAILING" for r in rows)
        typer.echo(f"\n{len(rows)} feeds, {failing} failing (still retried, with backoff up to the ceiling).")


@app.command("import")
def import_opml(
    file: Annotated[
        Path, typer.Argument(help="OPML subscription list to import.", exists=True, dir_okay=False)
    ],
    into: Annotated[
        Path | None,
        typer.Option("--into", "--feeds", help="Feed list to add to (default: HERALD_FEEDS_FILE)."),
    ] = None,
) -> None:
    """Add the feeds of an OPML file to the feed list (YAML or TOML); folders become tags."""
    from . import feeds as feedlist

    target = _feeds_path(into)
    try:
        incoming = feedlist.read_opml(file.read_bytes(), str(file))
        existing = feedlist.load(target) if target.exists() else []
        merged, added = feedlist.merge(existing, incoming)
        if added:
            feedlist.dump(merged, target)
    except feedlist.FeedListError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"imported {len(added)} feeds into {target} "
        f"({len(incoming) - len(added)} already listed, {len(merged)} in total)"
    )
