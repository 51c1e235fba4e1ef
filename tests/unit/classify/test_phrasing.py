"""The data cues (classify/data/phrasing.yaml): each example is matched by its own cue, and the word
gates the engine derives for them never hide a match, on the examples and on the real-reporting dev
items they were written for."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from tests.support.classify_articles import build_article

from herald.classify import phrasing
from herald.classify.cues import may_match, word_starts
from herald.classify.rules import classify

_DATA = Path(phrasing.__file__).with_name("data") / "phrasing.yaml"
_DEV = Path(__file__).resolve().parents[2] / "data" / "reporting"


def _entries() -> list[tuple[str, dict[str, object]]]:
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return [(code, entry) for code, entries in raw["cues"].items() for entry in entries]


def _dev_sentences() -> list[str]:
    texts = []
    for path in sorted(_DEV.glob("dev*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            texts.append(item["title"])
            texts.extend(re.split(r"(?<=[.!?])\s+", " ".join(item["body"].split())))
    return texts


def test_every_data_cue_names_the_sentence_that_needed_it_and_matches_it() -> None:
    cues = {(code, cue.name): cue for code, found in phrasing.cues().items() for cue in found}
    unmatched = []
    for code, entry in _entries():
        example = str(entry["example"])
        cue = cues[(code, str(entry["name"]))]
        if not cue.pattern.search(example) or (cue.context is not None and not cue.context.search(example)):
            unmatched.append((code, entry["name"]))
    assert unmatched == []


def test_each_example_raises_its_type_through_the_whole_classifier() -> None:
    missed = [
        (code, entry["name"])
        for code, entry in _entries()
        # The rules' reading: a one-sentence example is too little text for the learned veto.
        if code
        not in {
            e.type for e in classify(build_article(str(entry["example"]), str(entry["example"])), veto=False)
        }
    ]
    assert missed == []


def test_gates_of_the_data_cues_never_hide_a_match() -> None:
    patterns = [
        p
        for found in phrasing.cues().values()
        for cue in found
        for p in (cue.pattern, cue.context)
        if p is not None
    ] + [v for vetoes in phrasing.vetoes().values() for v in vetoes]
    texts = [str(entry["example"]) for _, entry in _entries()] + _dev_sentences()
    starts = [(t, word_starts(t)) for t in texts]
    hidden = [(p.pattern[:60], t) for p in patterns for t, s in starts if p.search(t) and not may_match(p, s)]
    assert hidden == []
