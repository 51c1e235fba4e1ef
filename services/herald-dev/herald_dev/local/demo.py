"""The embedded demo: a scripted news day served on 127.0.0.1 and a receiver that prints alerts."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from .feedserver import FeedServer, Item, ScriptedFeed
from .receiver import Delivery, Receiver

DEMO_DAY = Path(__file__).with_name("demo_day.yaml")
DEMO_SECRET = "whsec_" + "aGVyYWxkLWRlbW8tc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg=="  # base64 of a demo phrase


def load_day(path: Path = DEMO_DAY) -> dict[str, ScriptedFeed]:
    data = yaml.safe_load(path.read_text())
    return {
        name: ScriptedFeed(spec["title"], [Item(**item) for item in spec["items"]])
        for name, spec in data["feeds"].items()
    }


def print_alert(delivery: Delivery) -> None:
    alert = delivery.body
    where = f" — {alert['location']['name']}" if alert.get("location") else ""
    check = "signature ok" if delivery.signature_ok else "BAD SIGNATURE"
    print(
        f"\n\033[1m🔔 ALERT [{alert['rule']}] severity {alert['severity']}{where}\033[0m ({check})\n"
        f"   {alert['title']}\n   {alert['text']}\n   {alert['urls'][0]}\n",
        file=sys.stdout,
        flush=True,
    )


def write_feeds_file(server: FeedServer, names: list[str], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        yaml.safe_dump({"feeds": [{"name": n, "url": server.url(n), "interval": 5} for n in names]})
    )
    return path


def start(
    secret: bytes, feeds_path: Path, feed_port: int = 0, receiver_port: int = 0
) -> tuple[FeedServer, Receiver]:
    server = FeedServer(port=feed_port)
    for name, feed in load_day().items():
        server.feeds[name] = feed
    server.start()
    write_feeds_file(server, list(server.feeds), feeds_path)
    receiver = Receiver(secret, port=receiver_port, on_delivery=print_alert).start()
    return server, receiver
