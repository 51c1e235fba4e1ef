"""The hedge a reporter puts in front of a number: "at least 12", "more than 60", "about 300".

Severity depends on counts, and a hedged count is not an exact one: the qualifier travels with the
reading. The numbers themselves are read by ``herald.core.number_words``; a vague one ("dozens")
takes the qualifier ``at_least`` so nothing downstream mistakes it for exact.
"""

from __future__ import annotations

import re

_QUALIFIERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:at least|no fewer than|a minimum of)\s*$", re.I), "at_least"),
    (re.compile(r"(?:more than|over|upwards of|in excess of)\s*$", re.I), "more_than"),
    (
        re.compile(
            r"(?:about|around|some|roughly|approximately|nearly|almost|an estimated|close to)\s*$", re.I
        ),
        "about",
    ),
    (re.compile(r"(?:up to|as many as)\s*$", re.I), "up_to"),
    (re.compile(r"(?:fewer than|less than|under)\s*$", re.I), "less_than"),
)


def qualifier_before(text: str, start: int) -> str:
    """The hedge a reporter put in front of a number ("at least 12"), read from the text before it."""
    before = text[max(0, start - 24) : start]
    for pattern, name in _QUALIFIERS:
        if pattern.search(before):
            return name
    return "exact"
