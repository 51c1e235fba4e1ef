"""Round 27's numbers pass across the dev files: figures real reports give in shapes the classifier
read wrongly or not at all, each in a sentence of our own."""

from __future__ import annotations

from herald.classify.magnitude import read_text


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_a_headline_in_the_present_tense_counts_the_people_who_flee() -> None:
    assert units("5,000 Malians flee clashes into Niger") == {"displaced": 5000}
    assert units("About 5,000 Malians fled clashes into Niger on Tuesday.") == {"displaced": 5000}


def test_a_flight_whose_reason_comes_after_its_route_is_from_violence() -> None:
    [reading] = read_text(
        "Up to 6,000 people have fled the province into the neighbouring country over recent days to"
        " escape the clashes, aid workers said.",
        1,
    )
    assert (reading.unit, reading.from_violence) == ("displaced", True)


def test_a_headline_flight_from_fighting_is_from_violence() -> None:
    [reading] = read_text("Up to 6,000 flee North Kasai fighting into Angola", 0)
    assert reading.from_violence


def test_a_flight_with_no_violence_in_its_clause_is_not_from_violence() -> None:
    sentence = "Some 6,000 people have fled into the hills in recent days to escape the rising river."
    [reading] = read_text(sentence, 1)
    assert not reading.from_violence


def test_a_further_crowd_told_with_more_is_the_protesters() -> None:
    found = units("Hundreds more gathered outside the ministry, chanting against the ruling.")
    assert found == {"protesters": 200}
