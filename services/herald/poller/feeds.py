"""The feed list: a YAML file of feeds with per-feed options."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field


class Feed(BaseModel):
    url: str = Field(pattern=r"^https?://")
    name: str
    interval: float | None = None  # seconds; None: the poller's default
    tags: list[str] = Field(default_factory=list)
    enabled: bool = True


def load(path: Path) -> list[Feed]:
    data = yaml.safe_load(path.read_text()) or {}
    items = data.get("feeds", []) if isinstance(data, dict) else data
    return [Feed.model_validate(item) for item in items]
