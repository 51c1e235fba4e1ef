"""Round 28's numbers and places pass on the folded round-8 dev file: a war's toll told beside one of
its attacks, people cut off by a fire who are no missing, and a capital that celebrates, standing for
its government, each in sentences of our own in the shape of the report that failed, through the real
enrichment (tests/data/reporting/dev_folded_r8.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def country(found: dict[str, Event], code: str) -> str | None:
    location = found[code].location
    return location.country_code if location is not None else None


def test_the_dead_since_an_insurgency_flared_are_not_the_pipeline_bombings(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Rebels blow up gas pipeline in Balochistan, cutting supplies to thousands",
        "QUETTA - Rebels blew up a gas pipeline near Sibi before dawn on Friday, cutting supplies to "
        'three districts, officials said. "Supplies to thousands of homes have been cut," a gas '
        "company spokesman said, adding that repairs could take two days. A separatist group claimed "
        "the attack, which damaged the main line from the gas field. Hundreds of people have died in "
        "the province since the insurgency flared in late 2004.",
    )
    assert found["infrastructure_attack"].magnitude.get("killed") is None


def test_people_trapped_by_a_bushfire_and_ferried_out_are_not_missing(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Navy ferries 800 out of fire-hit coastal town",
        "Navy ships on Saturday ferried 800 people trapped by bushfires in the coastal town of Eden to "
        "safety, as fires that have killed at least 12 people raged on. Six people were still missing, "
        "police said.",
    )
    magnitude = found["natural_disaster"].magnitude
    assert magnitude.get("missing") == 6
    assert magnitude.get("killed") == 12


def test_a_capital_that_celebrates_is_not_where_the_riot_was(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Tear gas and petrol bombs as Hong Kong protesters defy march ban on national day",
        "Tens of thousands joined anti-government marches across Hong Kong on Tuesday as Beijing "
        "celebrated 70 years of Communist rule, with organisers saying at least 80,000 people marched "
        "along a main road in defiance of a police ban. Riot police fired tear gas in several "
        "districts while protesters threw petrol bombs and bricks.",
    )
    assert country(found, "riot") == "HK"
