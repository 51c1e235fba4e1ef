"""Gates derived from an expression's source (``cues.word_gates``): a leading word boundary and a
leading optional group of whole words still leave the words after them certain."""

from __future__ import annotations

import pytest

from herald.classify.cues import _rx, may_match, word_gates, word_starts


@pytest.mark.parametrize(
    ("alternative", "gates"),
    [
        (r"\bdams? (?:[\w-]+ ){0,5}(?:burst|broke)\b", ["dam ", "dams "]),
        (r"\b(?:burst|collapsed|breached) dams?\b", ["burst ", "collapsed ", "breached "]),
        ("(?:death )?toll (?:from|of|in)", ["toll "]),
        ("(?:suicide )?(?:bomber|attacker) (?:blew|blows)", ["bomber ", "attacker "]),
        ("(?:goods |freight )?trains? (?:ran|runs) into", ["train ", "trains "]),
        # "wild" has no space after it: "wildfires" holds no word "fire", so nothing is certain
        ("(?:wild|forest |bush )?fires? (?:spread|raged)", [""]),
        (r"(?:were|was|(?<!had )been) (?:fought|beaten)", ["were ", "was ", ""]),
    ],
)
def test_derived_gates(alternative: str, gates: list[str]) -> None:
    assert word_gates(alternative) == gates


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the fire rose",
        "Toll of the blaze",
        "a suicide bomber blew himself up",
        "bomber blew himself up",
    ],
)
def test_texts_with_and_without_the_optional_words_pass_the_gate(text: str) -> None:
    pattern = _rx("(?:death )?toll (?:from|of)", "(?:suicide )?(?:bomber|attacker) (?:blew|blows) himself up")
    assert pattern.search(text)
    assert may_match(pattern, word_starts(text))
