"""The cue machinery: the cheap word gates must never hide a match the full pattern would find."""

from __future__ import annotations

import re

import pytest
from tests.support.classify_articles import load_articles

from herald.classify import cues
from herald.classify.cues import RULES, may_match, word_starts

TRICKY = [
    "Anti-government protesters rallied in Kyiv's centre.",
    "A cease-fire took effect; the ceasefire held.",
    "Shelling resumed after the shelled town was cleared.",
    "The S&P 500 fell as the Dow slid; shares were down.",
    "Russia\u2019s air force said Shahed-type drones hit the port.",
    "Floods swept the region as Storm Boris stalled.",
    "Police clashed with rioters and looters; RIOTERS torched cars.",
    "He said no one was hurt.",
]


def _segments() -> list[str]:
    texts = list(TRICKY)
    for item in load_articles("articles_dev.yaml", "articles_heldout.yaml", "articles_blind.yaml"):
        texts.append(item["title"])
        texts.extend(re.split(r"(?<=[.!?])\s+", item["body"]))
    return texts


def _patterns() -> list[re.Pattern[str]]:
    found = []
    for rules in RULES:
        for cue in rules.cues:
            found += [p for p in (cue.pattern, cue.context, cue.exclude) if p is not None]
        found += list(rules.vetoes)
    return [*found, cues.GENERIC_STRIKE.pattern, *cues.OFF_TOPIC, cues.HARD_NEWS]


def test_gates_never_hide_a_match() -> None:
    texts = [(t, word_starts(t)) for t in _segments()]
    hidden = [
        (p.pattern[:60], t)
        for p in _patterns()
        for t, starts in texts
        if p.search(t) and not may_match(p, starts)
    ]
    assert hidden == []


def test_every_trigger_pattern_is_gated() -> None:
    # Triggers run on every segment; an ungated one costs its full regular expression every time.
    triggers = [cue.pattern for rules in RULES for cue in rules.cues] + [cues.GENERIC_STRIKE.pattern]
    assert [p.pattern[:60] for p in triggers if cues.gate_of(p) is None] == []


@pytest.mark.parametrize(
    ("alternative", "gates"),
    [
        ("dow", ["dow "]),
        ("shell(?:ed|ing)(?! out)", ["shell"]),
        ("drones?", ["drone ", "drones "]),
        ("(?:gas|chemical) leak", ["leak "]),
        ("(?:plane|air|bus) crash(?:ed|es)?", ["crash"]),
        ("(?:mine|mining) (?:collapse|fire)", ["mine ", "mining "]),
        ("the club", ["club "]),
        ("air ?strikes?", ["air"]),
        ("(?:land)?mine blast", [""]),
    ],
)
def test_word_gates_of_an_alternative(alternative: str, gates: list[str]) -> None:
    assert cues.word_gates(alternative) == gates


def test_background_is_recognised() -> None:
    text = "The city, captured by Russian forces in 2022, was shelled on Monday."
    captured = re.search("captured", text)
    shelled = re.search("shelled", text)
    assert captured is not None and shelled is not None
    assert cues.is_background(text, captured)
    assert not cues.is_background(text, shelled)
