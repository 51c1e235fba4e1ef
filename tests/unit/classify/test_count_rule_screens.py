"""A count rule's key screens find a text exactly when one of the rule's keys occurs in it, so the
screens skip the same rules the keys did (``magnitude.read_text``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from herald.classify.count_patterns import COUNT_RULES, _screen

_ALPHABET = "abcdefghijklmnopqrstuvwxyz .,'-()|?*+\\[]$^"


@settings(max_examples=300, deadline=None, database=None)
@given(keys=st.lists(st.text(_ALPHABET, min_size=1, max_size=6), max_size=6), text=st.text(_ALPHABET))
def test_screen_finds_a_text_exactly_when_a_key_occurs(keys: list[str], text: str) -> None:
    screen = _screen(tuple(keys))
    if not keys:
        assert screen is None
    else:
        assert screen is not None
        assert bool(screen.search(text)) == any(key in text for key in keys)


_RULE_KEYS = sorted({k for r in COUNT_RULES for k in (*r.keys, *r.after_keys)})


@settings(max_examples=300, deadline=None, database=None)
@given(words=st.lists(st.sampled_from(_RULE_KEYS) | st.text("abcdefghijklmnopqrstuvwxyz ", max_size=8)))
def test_every_rule_screen_agrees_with_its_keys(words: list[str]) -> None:
    text = " ".join(words)
    for rule in COUNT_RULES:
        for keys, screen in ((rule.keys, rule.key_screen), (rule.after_keys, rule.after_key_screen)):
            if keys:
                assert screen is not None
                assert bool(screen.search(text)) == any(key in text for key in keys), (keys, text)
            else:
                assert screen is None
