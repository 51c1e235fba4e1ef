"""One reading of number words for every stage: the enrichment's token reader and the classifier's
text reader give a phrase the same value, and the phrases where they once disagreed read as a
reporter means them."""

from __future__ import annotations

import re

import pytest

from herald.core.number_words import number_pattern, parse_number, read_number, vague_ceiling


def _tokens(phrase: str) -> list[str]:
    """Lower-case words with hyphens apart, as spaCy's tokenizer splits "twenty-three"."""
    return re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+|-", phrase.lower())


def _in_text(sentence: str) -> list[tuple[str, float, bool]]:
    """The number phrases a sentence reader finds, with their values (zero and non-numbers left out)."""
    found = []
    for m in re.finditer(rf"\b{number_pattern()}(?![\w.,]\d)", sentence, re.I):
        parsed = parse_number(m.group(0))
        if parsed is not None:
            found.append((m.group(0), *parsed))
    return found


PHRASES = [
    ("12", 12, False),
    ("1,200", 1200, False),
    ("2.5 million", 2_500_000, False),
    ("seven", 7, False),
    ("twenty-three", 23, False),
    ("one hundred and twenty", 120, False),
    ("three hundred thousand", 300_000, False),
    ("a dozen", 12, False),
    ("two dozen", 24, False),
    ("half a dozen", 6, False),
    ("a hundred thousand", 100_000, False),
    ("a million", 1_000_000, False),
    ("dozens", 24, True),
    ("scores", 40, True),
    ("several dozen", 24, True),
    ("several hundred", 200, True),
    ("a few thousand", 2_000, True),
    ("several hundred thousand", 200_000, True),
    ("tens of thousands", 20_000, True),
    ("hundreds of thousands", 200_000, True),
]


@pytest.mark.parametrize(("phrase", "value", "vague"), PHRASES)
def test_a_phrase_reads_the_same_as_text_and_as_tokens(phrase: str, value: float, vague: bool) -> None:
    assert parse_number(phrase) == (value, vague)
    words = _tokens(phrase)
    start = 1 if words[:2] == ["a", "few"] else 0  # the token reader starts a count at "few"
    assert read_number(words, start) == (value, len(words), vague)
    assert _in_text(f"Officials said {phrase} people were affected.") == [(phrase, value, vague)]


def test_counts_in_dozens_multiply_instead_of_adding_up() -> None:
    """ "Hamas frees two dozen hostages": 24, never 2 and 12 (or 14)."""
    assert _in_text("Hamas frees two dozen hostages as truce begins") == [("two dozen", 24, False)]
    assert _in_text("more than half a dozen injured") == [("half a dozen", 6, False)]


def test_unit_words_join_only_where_english_joins_them() -> None:
    assert read_number(_tokens("five two-storey houses"), 0) == (5, 1, False)
    assert read_number(_tokens("a dozen two-year-olds"), 0) == (12, 2, False)
    assert read_number(_tokens("twenty-five thousand people"), 0) == (25_000, 4, False)


def test_words_that_start_like_numbers_are_not_numbers() -> None:
    text = "Tensions rose on the tenth day in Tennessee; a fourth tent burned, seventh in a week."
    assert _in_text(text) == []


def test_digits_take_a_scale_word_or_an_abbreviation() -> None:
    assert read_number(["100", "k", "people"], 0) == (100_000, 2, False)
    assert read_number(["2.5", "m", "people"], 0) == (2_500_000, 2, False)
    assert read_number(["5", "hundred"], 0) == (500, 2, False)
    assert read_number(["12", "dozen"], 0) == (12, 1, False)


def test_what_is_not_a_number() -> None:
    assert read_number(["tens", "of", "people"], 0) is None
    assert read_number(["a", "woman"], 0) is None
    assert read_number(["several", "people"], 0) is None
    assert parse_number("hundred") is None
    assert parse_number("seven people") is None


def test_a_vague_plural_reaches_just_under_ten_of_its_unit() -> None:
    dozens = read_number(["dozens"], 0)
    tens_of_thousands = read_number(["tens", "of", "thousands"], 0)
    assert dozens is not None and tens_of_thousands is not None
    assert vague_ceiling(dozens[0]) == 119
    assert vague_ceiling(tens_of_thousands[0]) == 99_999
