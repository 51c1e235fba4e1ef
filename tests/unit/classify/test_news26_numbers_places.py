"""Round 26's pass on dev_news26 (tests/data/reporting/dev_news26.yaml): the numbers and places it
read wrongly, each in sentences of our own, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article

from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def events(enrich: Enrich, title: str, body: str) -> dict[str, Event]:
    [article] = enrich([as_article(f"n26-{title[:20]}", title, body)])
    return {e.type: e for e in classify(article)}


def test_a_quake_felt_in_two_countries_is_sized_by_its_own_countrys_toll(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Earthquake on Turkey-Syria border kills at least 20 in both countries",
        "A strong earthquake hit the border between Turkey and Syria on Monday night, killing at least 20 "
        "people in the two countries, officials said. The quake of magnitude 6.4 was centred near "
        "Antakya in Turkey's Hatay province. In Turkey eight people died and some 300 were injured, the "
        "disaster agency said. In Syria, civil defence workers said twelve people were killed.",
    )
    quake = found["natural_disaster"]
    assert quake.location is not None and quake.location.country_code == "TR"
    assert quake.magnitude.get("killed") == 8


def test_a_storms_toll_in_the_country_it_left_is_not_the_toll_where_it_landed(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Typhoon reaches Vietnam after battering the Philippines",
        "The typhoon made landfall in Vietnam's Quang Ninh province on Saturday after some 300,000 people "
        "were moved from the coast, state media said. A fisherman drowned in Quang Ninh. In the "
        "Philippines, where the storm passed on Thursday, officials said 14 people were killed and 9 "
        "were missing.",
    )
    storm = found["natural_disaster"]
    assert storm.location is not None and storm.location.country_code == "VN"
    assert storm.magnitude.get("killed") != 14
    assert "missing" not in storm.magnitude
