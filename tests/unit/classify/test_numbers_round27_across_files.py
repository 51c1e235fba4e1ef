"""Round 27's numbers pass across the dev files: figures real reports give in shapes the classifier
read wrongly or not at all, each in a sentence of our own."""

from __future__ import annotations

from herald.classify.magnitude import read_text


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_a_headline_in_the_present_tense_counts_the_people_who_flee() -> None:
    assert units("5,000 Malians flee clashes into Niger") == {"displaced": 5000}
    assert units("About 5,000 Malians fled clashes into Niger on Tuesday.") == {"displaced": 5000}
