"""The cue index admits exactly the cues their gates admit, in the rules' order: the same cues
``segment_types._match`` would try when it asked every cue's gate in turn."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from herald.classify import phrasing
from herald.classify.cues import RULES, Cue, TypeRules, _rx, gate_of, may_match, word_starts
from herald.classify.segment_types import CUE_INDEX, CueIndex

DATA = Path(__file__).resolve().parents[2] / "data"
TYPES = phrasing.extended(RULES)


def _one_by_one(starts: frozenset[str]) -> list[tuple[str, list[str]]]:
    """What asking every cue's gate in turn admits, per type with any."""
    admitted = [(t.code, [c.name for c in t.cues if may_match(c.pattern, starts)]) for t in TYPES]
    return [(code, names) for code, names in admitted if names]


def _indexed(starts: frozenset[str]) -> list[tuple[str, list[str]]]:
    return [(t.code, [c.name for c in cues]) for t, cues in CUE_INDEX.live(starts)]


def _sentences() -> list[str]:
    texts: list[str] = []
    for path in sorted((DATA / "reporting").glob("dev*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            texts += [item["title"], *re.split(r"(?<=[.!?])\s+", item.get("body") or "")]
    for name in ("articles_dev.yaml", "articles_heldout.yaml"):
        for item in yaml.safe_load((DATA / "classify" / name).read_text(encoding="utf-8"))["articles"]:
            texts += [item["title"], *re.split(r"(?<=[.!?])\s+", item["body"])]
    return texts


def test_real_sentences_get_the_cues_their_gates_admit() -> None:
    sentences = _sentences()
    assert len(sentences) > 1000
    fired = 0
    for text in sentences:
        starts = word_starts(text)
        assert _indexed(starts) == _one_by_one(starts), text
        fired += any(n for _, n in _one_by_one(starts))
    assert fired > 100, "hardly any sentence admits a cue: nothing is tested"


_KEYS = sorted({key.strip() for t in TYPES for c in t.cues for key in (gate_of(c.pattern) or ())})


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(words=st.lists(st.sampled_from(_KEYS) | st.text("abcdefghijklmnopqrstuvwxyz", max_size=9)))
def test_any_mix_of_gate_words_gets_the_cues_their_gates_admit(words: list[str]) -> None:
    starts = word_starts(" ".join(words))
    assert _indexed(starts) == _one_by_one(starts)


def test_ungated_cues_are_always_in_play_and_order_follows_the_rules() -> None:
    gated = _rx("quake")
    ungated = re.compile(r"\bplain\b")
    index = CueIndex(
        [
            TypeRules("a", (Cue("gated", gated), Cue("open", ungated))),
            TypeRules("b", (Cue("gated too", gated),)),
        ]
    )
    assert [(t.code, [c.name for c in cs]) for t, cs in index.live(frozenset())] == [("a", ["open"])]
    assert [(t.code, [c.name for c in cs]) for t, cs in index.live(word_starts("a quake"))] == [
        ("a", ["gated", "open"]),
        ("b", ["gated too"]),
    ]
