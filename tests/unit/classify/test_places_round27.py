"""Round 27's places pass: where it happened, in reports of the kinds the dev files placed wrongly
(a village the gazetteer lacks, a capital that takes ground, a traveller's city of departure), each in
sentences of our own, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify import event_place
from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def country(found: dict[str, Event], code: str) -> str | None:
    location = found[code].location
    return location.country_code if location is not None else None


def test_an_unknown_town_the_text_calls_a_countrys_town_is_there_not_at_the_dateline(
    enrich: Enrich,
) -> None:
    found = read_events(
        enrich,
        "Militants seize Iraqi town of Qara Tappah from army",
        "AMMAN, Jordan - Islamic State militants on Tuesday seized the eastern Iraqi town of Qara Tappah "
        "after a day of fighting with army units, local officials said. The army had held the town for "
        "a year.",
    )
    assert country(found, "territory_change") == "IQ"


def test_a_capital_that_took_a_town_is_the_taker_not_the_towns_place() -> None:
    # "Moscow took Petropavlivka last month": the government that took ground, never the ground; a
    # city after a preposition of place that took something is still a place ("in Kharkiv took").
    taker = event_place._place_cues("taker_after")
    assert taker.match(" took Petropavlivka last month after weeks of fighting")
    assert taker.match(" has recaptured two villages on the river")
    assert not taker.match(" said its troops were holding the line")
    assert not taker.match(", where the army took up positions")


def test_the_city_a_detainee_flew_home_from_is_not_where_he_was_arrested(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Mali arrests former minister on return from exile",
        "Authorities in Mali have arrested former finance minister Boubou Diarra, his lawyer said on "
        "Tuesday. Diarra was detained at the airport when he flew home from Brussels on Sunday after two "
        "years abroad.",
    )
    assert country(found, "arrest") == "ML"


def test_an_unknown_post_near_a_border_is_in_the_soldiers_country_not_across_it(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Five Pakistani soldiers and four attackers die in assault on Datta Khel post",
        "Five Pakistani soldiers and four assailants were killed on Sunday when fighters stormed a "
        "security post near Datta Khel close to the Afghan border, the military's media wing said. The "
        "attackers rammed an explosives-laden car into the post's wall.",
    )
    assert country(found, "armed_clash") == "PK"


def test_a_foreign_company_that_found_the_malware_is_a_source_not_the_place() -> None:
    # "U.S. company Mandiant said it had found malicious code on Georgian servers": the firm's country
    # is a source's; "a U.S. company's network was breached" still names the victim's country.
    source = event_place._place_cues("company_source_after")
    assert source.match(" company Mandiant said earlier it had found malicious code")
    assert source.match(" cybersecurity firm ESET reported the wiper")
    assert not source.match(" company's network was breached on Monday")
    assert not source.match(" firms were hit by ransomware")


def test_the_country_that_carried_out_earlier_strikes_is_not_their_place() -> None:
    # "strikes were mostly carried out by the United States": the attacker; "fired in Gaza" is a place.
    agent = event_place._place_cues("agent_before")
    assert agent.search("Earlier drone strikes in the area were mostly carried out by the ")
    assert agent.search("a raid conducted by ")
    assert not agent.search("the rockets were fired in ")
