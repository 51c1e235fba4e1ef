"""Reading the numbers reporters write: "12", "1,200", "2.5 million", "twenty-three", "two dozen",
"half a dozen", "several hundred", "tens of thousands".

Severity depends on counts, and wire copy writes small counts as words ("two people were wounded")
and large ones vaguely ("hundreds were evacuated"). The enrichment reads numbers on spaCy tokens and
the classifier on sentence text; both read them here, so a phrase means one number at every stage.
The vocabulary is data (``data/number_words.yaml``); this module is the grammar:

* words add up within a group and scales multiply it: "one hundred and five" is 105, "two dozen"
  24, "three hundred thousand" 300,000; a unit word joins a group only where English puts one
  ("twenty-three", "a hundred five"), so "five two-storey houses" is five;
* "a"/"an" before a scale is one of it ("a dozen", "a hundred thousand"); "half a dozen" is six,
  "half a million" 500,000;
* digits take a scale word or an abbreviation after them ("2.5 million", "2.5 m", "100 K");
* a vague plural or "several"/"few" before a scale is vague: its value is the floor (two of the
  unit: "dozens" is 24) and :func:`vague_ceiling` the largest value the phrase can mean.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

from herald.core import yaml_data

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_GROUP_LIMIT = 1_000  # scales below it multiply the running group; the others close it
_ARTICLES = frozenset({"a", "an"})
_CONNECTORS = frozenset({"-", "and"})
_PHRASE_TOKENS = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+|-")


class Words(Protocol):
    """Lower-case words by position: a list, or a view over a spaCy ``Doc`` that reads a token's
    ``lower_`` only when asked (a list of every token would cost a Python object per token)."""

    def __len__(self) -> int: ...

    def __getitem__(self, i: int, /) -> str: ...


@dataclass(frozen=True)
class Vocabulary:
    """The number words of ``data/number_words.yaml``."""

    units: dict[str, int]
    scales: dict[str, int]
    digit_scales: dict[str, int]
    vague_plurals: dict[str, int]
    vague_ceiling: int
    vague_determiners: frozenset[str]

    @property
    def starters(self) -> frozenset[str]:
        """Words that can start a number and that spaCy does not mark ``like_num``."""
        return frozenset({*self.vague_plurals, *self.vague_determiners, *_ARTICLES, "half", "dozen"})


@cache
def vocabulary() -> Vocabulary:
    """The number words shipped with Herald, loaded on first use (not at import)."""
    text = resources.files("herald.core").joinpath("data/number_words.yaml").read_text(encoding="utf-8")
    data = yaml_data.load(text)
    return Vocabulary(
        units={str(k): int(v) for k, v in data["units"].items()},
        scales={str(k): int(v) for k, v in data["scales"].items()},
        digit_scales={str(k): int(v) for k, v in data["digit_scales"].items()},
        vague_plurals={str(k): int(v) for k, v in data["vague_plurals"].items()},
        vague_ceiling=int(data["vague_ceiling"]),
        vague_determiners=frozenset(data["vague_determiners"]),
    )


def vague_ceiling(floor: float) -> float:
    """The largest value a vague phrase whose floor is ``floor`` can mean: "dozens" (24) is up to 119."""
    return floor / 2 * vocabulary().vague_ceiling - 1


def read_number(words: Words, i: int) -> tuple[float, int, bool] | None:
    """The number starting at ``words[i]`` (lower-case tokens, a hyphen its own token):
    (value, index after it, vague?), or None when no number starts there."""
    v = vocabulary()
    n = len(words)
    low = words[i]
    nxt = words[i + 1] if i + 1 < n else ""
    if low in _ARTICLES:
        return _words(words, i + 1, v) if nxt in v.scales else None
    if low == "half" and nxt == "a" and i + 2 < n and words[i + 2] in v.scales:
        # "half a dozen" is six, "half a million" 500,000
        return v.scales[words[i + 2]] / 2, i + 3, False
    if low in v.vague_determiners:
        if nxt not in v.scales:
            return None
        unit, end = float(v.scales[nxt]), i + 2
        while end < n and words[end] in v.scales and v.scales[words[end]] > unit:
            unit *= v.scales[words[end]]  # "several hundred thousand"
            end += 1
        return 2 * unit, end, True
    if low in v.vague_plurals:
        value, end = float(v.vague_plurals[low]), i + 1
        # "tens of thousands", "hundreds of thousands of"; never "of dozens"
        if end + 1 < n and words[end] == "of" and words[end + 1] in v.vague_plurals:
            if words[end + 1] != "dozens":
                value *= v.vague_plurals[words[end + 1]]
                end += 2
        if value == v.vague_plurals[low] and low == "tens":
            return None  # "tens" alone is not a quantity
        return 2 * value, end, True
    if _DIGITS.match(low):
        value, end = float(low.replace(",", "")), i + 1
        if end < n and (words[end] in v.scales or words[end] in v.digit_scales) and words[end] != "dozen":
            # rounded: "81.57 lakh" is 8,157,000, not 8,156,999.999...
            value = round(value * (v.scales.get(words[end]) or v.digit_scales[words[end]]), 6)
            end += 1
        return value, end, False
    if low in v.units or low == "dozen":
        return _words(words, i, v)
    return None


def _words(words: Words, i: int, v: Vocabulary) -> tuple[float, int, bool]:
    """A number in words from ``words[i]``: units add up within a group, scales multiply it."""
    n = len(words)
    total, current, end = 0.0, 0.0, i
    while end < n:
        w = words[end]
        if w in v.units and _joins(current, v.units[w]):
            current += v.units[w]
        elif w in v.scales and v.scales[w] < _GROUP_LIMIT:
            current = (current or 1) * v.scales[w]
        elif w in v.scales:
            total += (current or 1) * v.scales[w]
            current = 0
        elif (
            w in _CONNECTORS
            and end > i
            and end + 1 < n
            and words[end + 1] in v.units
            and _joins(current, v.units[words[end + 1]])
        ):
            pass
        else:
            break
        end += 1
    return total + current, end, False


def _joins(current: float, unit: int) -> bool:
    """Whether a unit word continues the group read so far: "twenty" + "three", "hundred" + "five",
    but not "five" + "two" ("five two-storey houses") or "dozen" + "two"."""
    if current == 0:
        return True
    if current % 100 == 0:
        return unit < 100
    return current % 10 == 0 and current % 100 >= 20 and unit < 10


def parse_number(phrase: str) -> tuple[float, bool] | None:
    """The value of one whole number phrase and whether it is vague; None if it is not one number.
    A trailing "of" ("dozens of") and a leading "a" before "few" ("a few hundred") belong to it."""
    words = _PHRASE_TOKENS.findall(phrase.lower())
    if len(words) > 1 and words[0] == "a" and words[1] in vocabulary().vague_determiners:
        words = words[1:]
    if not words:
        return None
    read = read_number(words, 0)
    if read is None or words[read[1] :] not in ([], ["of"]):
        return None
    return read[0], read[2]


@cache
def number_phrases() -> re.Pattern[str]:
    """:func:`number_pattern` compiled (case-insensitive, not inside a longer number), once, on first
    use: every number phrase of a sentence, each for :func:`parse_number`."""
    return re.compile(rf"\b{number_pattern()}(?![\w.,]\d)", re.I)


@cache
def number_pattern() -> str:
    """A regular-expression fragment (no groups) matching one number phrase in text, for readers
    that work on sentences; :func:`parse_number` gives its value."""
    v = vocabulary()

    def alt(words: Sequence[str]) -> str:
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

    scales, units = alt(list(v.scales)), alt(list(v.units))
    small = alt([w for w, value in v.units.items() if 0 < value < 10])
    closing = alt([w for w, value in v.scales.items() if value >= _GROUP_LIMIT])
    plurals = alt(list(v.vague_plurals))
    vague = (
        rf"(?:(?:a )?(?:{alt(sorted(v.vague_determiners))}) (?:{scales})(?: (?:{closing}))*"
        rf"|(?:{plurals})(?: of (?:{plurals}))?)(?: of)?"
    )
    word = rf"(?:{units})(?:[- ](?:{small}))?"
    words = rf"(?:half an? (?:{scales})|an? (?:{scales})|{word}|dozen)(?:\s+(?:{scales})(?: and {word})?)*\b"
    return (
        rf"(?:{vague}"
        rf"|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?:\s+(?:{closing}))?"
        rf"|\d+(?:\.\d+)?(?:\s*(?:{closing}|{alt(list(v.digit_scales))})\b)?"
        rf"|{words})"
    )
