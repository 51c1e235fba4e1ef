"""Reading the numbers wire copy uses: "12", "1,200", "2.5 million", "seven", "dozens", "tens of thousands".

Severity depends on counts, and reporters write small counts as words ("two people were wounded")
and large ones vaguely ("hundreds were evacuated"). Vague counts get a conservative value (the low end
of what the phrase means) and the qualifier ``at_least`` so nothing downstream mistakes them for exact.
"""

from __future__ import annotations

import re

_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a thousand": 1000,
}

# Vague amounts: the smallest value the phrase can honestly mean.
_VAGUE: dict[str, float] = {
    "dozens": 24,
    "dozens of": 24,
    "scores": 40,
    "scores of": 40,
    "hundreds": 200,
    "hundreds of": 200,
    "several hundred": 200,
    "a few hundred": 200,
    "thousands": 2000,
    "thousands of": 2000,
    "several thousand": 2000,
    "a few thousand": 2000,
    "tens of thousands": 20000,
    "tens of thousands of": 20000,
    "hundreds of thousands": 200000,
    "hundreds of thousands of": 200000,
    "millions": 2000000,
    "millions of": 2000000,
}

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "m": 1e6, "bn": 1e9, "k": 1e3}

_WORD_ALT = "|".join(sorted((re.escape(w) for w in _WORDS if w not in {"a", "an"}), key=len, reverse=True))
_VAGUE_ALT = "|".join(sorted((re.escape(w) for w in _VAGUE), key=len, reverse=True))

# One number phrase. Exposed as a pattern fragment so the quantity rules can embed it.
NUMBER = (
    rf"(?:(?:{_VAGUE_ALT})"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s+(?:thousand|million|billion))?"
    r"|\d+(?:\.\d+)?(?:\s*(?:thousand|million|billion|bn|m|k)\b)?"
    rf"|(?:{_WORD_ALT})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"(?:\s+(?:hundred|thousand|million))?)"
)

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


def parse_number(phrase: str) -> tuple[float, bool] | None:
    """The value of one number phrase and whether it is vague; None if it is not a number."""
    text = " ".join(phrase.lower().replace("-", " ").split())
    if text in _VAGUE:
        return _VAGUE[text], True
    if text in _WORDS:
        return float(_WORDS[text]), False
    digits = re.fullmatch(r"([\d,]+(?:\.\d+)?)\s*(thousand|million|billion|bn|m|k)?", text)
    if digits:
        try:
            value = float(digits.group(1).replace(",", ""))
        except ValueError:
            return None
        return value * _SCALE.get(digits.group(2) or "", 1.0), False
    parts = text.split()
    total = 0.0
    current = 0.0
    for part in parts:
        if part in {"hundred"}:
            current = (current or 1) * 100
        elif part in {"thousand", "million", "billion"}:
            total += (current or 1) * _SCALE[part]
            current = 0
        elif part in _WORDS:
            current += _WORDS[part]
        else:
            return None
    return total + current, False


def qualifier_before(text: str, start: int) -> str:
    """The hedge a reporter put in front of a number ("at least 12"), read from the text before it."""
    before = text[max(0, start - 24) : start]
    for pattern, name in _QUALIFIERS:
        if pattern.search(before):
            return name
    return "exact"
