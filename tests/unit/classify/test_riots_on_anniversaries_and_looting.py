"""Protest against riot in real copy: looting that broke out of a vigil is a riot, a riot breaking out
on an anniversary is news of the day, and a march that passed without major incident is no riot for
a scuffle at its edge. Each sentence is in the shape of a dev_news25 report read wrongly before."""

from __future__ import annotations

from tests.support.classify_articles import build_article

from herald.classify.rules import classify


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body))}


def test_a_vigil_that_turned_into_looting_is_a_riot() -> None:
    found = _types(
        "Looting erupts after vigil for man shot by police",
        "A vigil for a 22-year-old shot dead by police turned into looting and confrontations with riot "
        "police on Sunday night.",
    )
    assert found == {"riot"}


def test_rioting_that_breaks_out_on_an_anniversary_is_news() -> None:
    found = _types(
        "Rioting breaks out in Paris on anniversary of teen's death",
        "Police fired tear gas at rioters as thousands marched through the city on Sunday; youths smashed "
        "shop windows and set bins on fire.",
    )
    assert "riot" in found


def test_a_march_that_passed_without_major_incident_is_a_protest() -> None:
    found = _types(
        "Over 50,000 join student-led protest in the capital",
        "More than 50,000 people joined a peaceful student-led demonstration on Saturday. The march filled "
        "the city centre without major incident, though rival supporters threw stones at students.",
    )
    assert found == {"protest"}
