"""Property: a cue's gate words never hide a match. For every cue, context, exclusion and veto pattern,
strings the pattern matches (generated from the pattern itself and set inside random surrounding text)
must be admitted by the pattern's gate. The labelled-set check in test_cues.py only covers phrasings
someone wrote down; this one covers every alternative a pattern spells, including the rare ones."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from herald.classify import cues, phrasing
from herald.classify.cues import RULES, gate_of, may_match, word_starts


def _gated_patterns() -> list[re.Pattern[str]]:
    found: list[re.Pattern[str]] = []
    for rules in phrasing.extended(RULES):
        for cue in rules.cues:
            found += [
                p for p in (cue.pattern, cue.context, cue.article_context, cue.exclude) if p is not None
            ]
        found += list(rules.vetoes)
    generic = cues.GENERIC_STRIKE
    found += [p for p in (generic.pattern, generic.context, generic.exclude) if p is not None]
    found += [*cues.GENERIC_STRIKE_VETOES, *cues.OFF_TOPIC, cues.HARD_NEWS]
    unique = {p.pattern: p for p in found if gate_of(p) is not None}
    return list(unique.values())


# ASCII only: under re.IGNORECASE Python also folds a few non-ASCII letters onto ASCII ones (the long
# s, the Kelvin sign); news text does not spell cue words that way, and word_starts keys are ASCII.
_TEXT = st.text(alphabet=st.characters(codec="ascii", categories=("L", "N", "P", "Zs")), max_size=30)
PATTERNS = _gated_patterns()


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:40])
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_gate_admits_every_generated_match(pattern: re.Pattern[str], data: st.DataObject) -> None:
    inner = data.draw(st.from_regex(pattern, fullmatch=True, alphabet=st.characters(codec="ascii")))
    text = data.draw(_TEXT) + " " + inner + " " + data.draw(_TEXT)
    assume(pattern.search(text) is not None)
    assert may_match(pattern, word_starts(text)), (pattern.pattern[:80], text)


def test_a_word_run_into_an_ampersand_still_opens_its_gate() -> None:
    # Found by the property above: "&" joins nothing for a pattern's \b, so the gate must not either.
    text = "people killed&after monday's raid"
    gated_on_killed = [p for p in PATTERNS if "killed " in (gate_of(p) or ()) and p.search(text)]
    assert gated_on_killed
    assert all(may_match(p, word_starts(text)) for p in gated_on_killed)
    assert "q&a " in word_starts("Q&A: the talks"), "a word written with & keeps its whole-word key"
