"""An outbreak's deaths "since March" are its own toll; a war's missiles since February are not a strike's.

The case is the dev timeline malawi_cholera: "cholera deaths climbed to 595 and cases to 17,824 since
March ... Blantyre has recorded 105 deaths" was read as 105 dead (the running total was dropped as a
longer period's), so a London retelling of the 595 hours later paged as a record over the 105.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_an_outbreaks_deaths_since_it_began_are_its_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Schools in Blantyre and Lilongwe stay shut as cholera deaths reach 595",
        "Primary and secondary schools in Malawi's two biggest cities will not reopen on 3 January as "
        "planned, Health Minister Khumbize Chiponda said, after cholera deaths climbed to 595 and cases to "
        "17,824 since March. Blantyre has recorded 105 deaths and Lilongwe 97, and 19 people died on New "
        "Year's Eve alone.",
    )
    assert found["disease_outbreak"].magnitude.get("killed") == 595


def test_a_wars_missiles_since_february_are_no_strikes_count(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Zelensky: more than 4,700 Russian missiles fired at Ukraine since February",
        "President Volodymyr Zelensky told a summit on Sunday that Russia had launched more than 4,700 "
        "missiles at Ukraine since 24 February.",
    )
    assert all("missiles" not in e.magnitude for e in found.values())


def test_a_war_side_s_final_count_in_the_headline_is_still_a_total(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Army says 40 civilians and 11 soldiers died in the clashes with India",
        "Over the four days of hostilities, 40 civilians and 11 members of the armed forces were killed and "
        "121 civilians wounded, the military said in its final count.",
    )
    assert all("killed" not in e.magnitude for e in found.values())
