"""Prints each alert as one readable block: the demo's and a developer's destination."""

from __future__ import annotations

import sys
from typing import TextIO

from herald.core.records import Alert

from .base import Digest


def render(alert: Alert) -> str:
    where = f" in {alert.location.name}" if alert.location else ""
    update = " (update)" if alert.update_of else ""
    return (
        f"\n*** HERALD ALERT [{alert.rule}{update}] severity {alert.severity}{where}\n"
        f"    {alert.title}\n    {alert.text}\n    {alert.urls[0]}\n"
    )


class ConsoleSink:
    name = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    async def send(self, alert: Alert) -> None:
        self.stream.write(render(alert))
        self.stream.flush()

    async def send_digest(self, digest: Digest) -> None:
        self.stream.write(f"\n*** HERALD DIGEST: {len(digest.alerts)} lower-severity alerts\n")
        for alert in digest.alerts:
            self.stream.write(
                f"    - [{alert.rule}] severity {alert.severity}: {alert.title} {alert.urls[0]}\n"
            )
        self.stream.flush()

    async def close(self) -> None:
        return None
