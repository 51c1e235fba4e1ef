"""Where the suite's files are and the environment a Herald child process runs with."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# feedparser's own test corpus (BSD 2-clause, LICENSE beside it): real-world and malformed feed shapes.
FEEDPARSER_CORPUS = ROOT / "tests" / "data" / "feedparser"


def herald_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment a Herald child process runs with: ours, plus the test's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HERALD_")}
    env.update(extra)
    return env
