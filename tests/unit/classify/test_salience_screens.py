"""Each one-alternation screen in the salience vocabulary matches a text exactly when one of its
list's expressions does, so screening first never changes what ``article_frame``,
``background_sentence`` or ``aside`` return."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from herald.classify import salience

DATA = Path(__file__).resolve().parents[2] / "data"
SCREENS = (
    ("any_article_frame", "article_frames"),
    ("any_background_sentence", "background_sentences"),
    ("any_after_cue", "after_cue"),
)


def _texts() -> list[str]:
    """Headlines and sentences of the tuning sets' reports."""
    texts: list[str] = []
    bodies: list[tuple[str, str]] = []
    for path in sorted((DATA / "reporting").glob("dev*.yaml")):
        bodies += [(i["title"], i.get("body") or "") for i in yaml.safe_load(path.read_text())["items"]]
    for name in ("articles_dev.yaml", "articles_heldout.yaml"):
        bodies += [
            (i["title"], i["body"])
            for i in yaml.safe_load((DATA / "classify" / name).read_text())["articles"]
        ]
    for title, body in bodies:
        texts += [title, *re.split(r"(?<=[.!?])\s+", body)]
    return texts


TEXTS = _texts()


@pytest.mark.parametrize(("screen", "entries"), SCREENS)
def test_screen_matches_exactly_when_an_entry_does(screen: str, entries: str) -> None:
    vocabulary = salience._vocabulary()
    patterns = list(vocabulary[entries].values())
    hits = 0
    for text in TEXTS:
        one = any(p.search(text) for p in patterns)
        assert bool(vocabulary[screen].search(text)) == one, text
        hits += one
    assert hits, f"no text matches any of {entries}: nothing is tested"
