"""Round 28's imported-case pass: a country's first case of a coronavirus named by its acronym is an
outbreak report, and a case carried in from abroad is the country's where it was found, not the
country the patient came from. Sentences of our own, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify import event_place
from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def country(found: dict[str, Event], code: str) -> str | None:
    location = found[code].location
    return location.country_code if location is not None else None


def test_a_first_case_of_a_coronavirus_named_by_acronym_is_an_outbreak(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Japan confirms its first case of SARS",
        "TOKYO - The health ministry on Monday confirmed the country's first case of Severe Acute "
        "Respiratory Syndrome in a nurse who had treated patients abroad. She is in an isolation ward.",
    )
    assert "disease_outbreak" in found


def test_an_imported_case_is_placed_where_it_was_found_not_where_the_patient_came_from(
    enrich: Enrich,
) -> None:
    found = read_events(
        enrich,
        "Vietnam confirms its first MERS case in a man back from Kuwait",
        "HANOI - Officials on Friday confirmed the country's first case of MERS in a 52-year-old man "
        "who had been in Kuwait for work and flew home via Dubai. He is being treated in isolation.",
    )
    assert country(found, "disease_outbreak") == "VN"


def test_a_visitors_home_country_is_not_where_his_case_was_confirmed(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "MERS reaches the Philippines in a Saudi visitor",
        "MANILA - Health officials said a man from Saudi Arabia who came for a family wedding tested "
        "positive for MERS, the country's first case of the virus.",
    )
    assert country(found, "disease_outbreak") == "PH"


def test_the_carrier_cues_read_a_patients_journey_not_the_home_they_left() -> None:
    carrier = event_place._place_cues("carrier_origin_before")
    assert carrier.search("confirmed a case in a man back from ")
    assert carrier.search("a woman who had been in ")
    assert carrier.search("and flew home via ")
    # "two sisters who travelled from Johannesburg to a funeral": the home they set out from is where
    # the case is counted, so it is no carrier's origin
    assert not carrier.search("two sisters who travelled from ")
