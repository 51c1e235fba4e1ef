"""Round 26's numbers pass on the folded round-6 file: news constructions it read wrong, each in a
sentence of our own (tests/data/reporting/dev_folded_r6.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify.event_place import dateline_end
from herald.classify.magnitude import read_text
from herald.core.quantity_context import read_sentence
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_the_depth_trapped_miners_are_held_at_is_no_count_of_them() -> None:
    found = units("Rescue teams were trying to reach nine miners trapped about 300 feet below the surface.")
    assert found == {"missing": 9}


def test_workers_believed_still_trapped_are_missing_while_hope_of_finding_them_alive_fades() -> None:
    found = units(
        "Seven workers are believed to be still trapped in the tunnel and hopes of finding them alive "
        "are dimming."
    )
    assert found == {"missing": 7}


def test_an_aside_on_who_the_hurt_were_stands_between_them_and_their_verb() -> None:
    found = units("Twelve other people, most of them passengers on the lower deck of the ferry, were hurt.")
    assert found == {"wounded": 12}


def test_protesters_killed_or_detained_are_a_toll_not_the_size_of_the_crowd() -> None:
    found = units("Police killed three protesters on Friday and detained at least 25 demonstrators.")
    assert found == {"killed": 3, "arrested": 25}


def test_a_toll_brought_up_to_date_after_an_earlier_day_is_the_events_own() -> None:
    sentence = (
        "Troops found two more bodies in the hills where they had fought the insurgents a day earlier, "
        "bringing the number of insurgents killed in the battle to 18, police said."
    )
    start = sentence.index("18")
    [context] = read_sentence(sentence, [(start, start + 2)])
    assert context.time_ref == "this_event"


def test_a_toll_of_a_day_before_stays_an_earlier_figure() -> None:
    sentence = "A day earlier, the number of insurgents killed in the valley was 18, police said."
    start = sentence.index("18")
    [context] = read_sentence(sentence, [(start, start + 2)])
    assert context.time_ref == "earlier"


def test_a_share_of_the_infected_is_no_toll() -> None:
    assert "killed" not in units("The virus kills up to 88% of those infected, and no vaccine is approved.")


def test_the_toll_of_an_outbreak_the_report_sets_apart_is_not_this_ones() -> None:
    sentence = (
        "Officials said the three cases were not linked to the epidemic in the south that has killed "
        "more than 900 people."
    )
    start = sentence.index("900")
    [context] = read_sentence(sentence, [(start, start + 3)])
    assert context.role == "other_event"


def test_a_dateline_with_country_and_date_is_read_as_one() -> None:
    assert dateline_end("LUSAKA, Zambia, March 3 (UPI) -- Talks opened on Monday.") == len(
        "LUSAKA, Zambia, March 3 (UPI) -- "
    )


def test_talks_signed_in_a_foreign_capital_are_placed_there(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Government and rebel group sign truce in Nairobi",
        "JUBA, South Sudan, May 4 (UPI) -- South Sudan's government and a rebel faction signed a ceasefire "
        "in Nairobi on Friday, the mediators said. Both sides agreed to hold further talks next month.",
    )
    location = found["peace_talks"].location
    assert location is not None and location.country_code == "KE"


def test_a_quarter_many_cities_have_says_no_country(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Rioters loot Chinatown in island capital",
        "Police in Vanuatu said rioters looted and burned shops in Chinatown overnight and 30 people were "
        "arrested.",
    )
    location = found["riot"].location
    assert location is not None and location.country_code == "VU"
