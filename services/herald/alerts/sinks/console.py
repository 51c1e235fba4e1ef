"""Prints each alert as one readable block: the demo's and a developer's destination."""

from __future__ import annotations

import sys
from typing import TextIO

from herald.core.records import Alert


class ConsoleSink:
    name = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    async def send(self, alert: Alert) -> None:
        where = f" in {alert.location.name}" if alert.location else ""
        self.stream.write(
            f"\n*** HERALD ALERT [{alert.rule}] severity {alert.severity}{where}\n"
            f"    {alert.title}\n    {alert.text}\n    {alert.urls[0]}\n"
        )
        self.stream.flush()

    async def close(self) -> None:
        return None
