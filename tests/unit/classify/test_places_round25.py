"""Round 25's places pass: where it happened, in reports the folded round-5 dev file placed wrongly,
each in sentences of our own, through the real enrichment (tests/data/reporting/dev_folded_r5.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_an_unknown_district_near_a_countrys_border_is_not_in_that_country(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Four Pakistani soldiers killed in Zarghun border clash",
        "Four Pakistani soldiers and six militants died in a clash in Zarghun district near the Afghan "
        "border, the military said on Tuesday. Troops saw a group trying to cross from Afghanistan. The "
        "military urged the Taliban government in Kabul to stop Afghan soil being used for attacks.",
    )
    location = found["armed_clash"].location
    assert location is not None and location.country_code == "PK"


def test_the_capital_whose_invitation_is_discussed_is_no_venue_of_the_talks(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Yemen's talks with UN envoys in Muscat end without a deal",
        "Consultations between a Yemeni government delegation and UN officials in the Omani capital "
        "Muscat ended on Monday without agreement, the head of the delegation said. The delegation flew "
        "to Muscat on Saturday to discuss Washington's invitation to peace negotiations.",
    )
    location = found["peace_talks"].location
    assert location is not None and location.country_code == "OM"


def test_a_province_the_gazetteer_lacks_is_no_namesake_town_abroad(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Magnitude 6.1 quake damages homes in Peru's Puno region",
        "LIMA: A shallow earthquake measuring 6.1 shook southern Peru, the US Geological Survey reported, "
        "damaging at least 80 houses in Rancagua province of the Puno region. Germany's GEOFON service "
        "put the depth at 10 kilometres.",
    )
    location = found["natural_disaster"].location
    assert location is not None and location.country_code == "PE"
