"""A bombing's toll told days on, without the bomb going off in the sentence ("killed in last Saturday's
bombing", "killed ... after Saturday's bombing"), is still the bombing's report; and the countries its
wounded were flown to for treatment are not where it happened. Sentences of our own, real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article, read_events

from herald.classify import event_place
from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_people_killed_in_last_weekdays_bombing_is_an_attack_on_civilians(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Toll from market bombing climbs to 140",
        "BAGHDAD - At least 140 people were killed in last Thursday's bombing, the health ministry said "
        "on Monday, and 30 are still missing.",
    )
    assert "attack_on_civilians" in found
    assert found["attack_on_civilians"].magnitude.get("killed") == 140


def test_people_killed_after_weekdays_bombing_is_an_attack_on_civilians(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Officials confirm 96 dead as rescuers search the rubble",
        "KABUL - The interior ministry said on Sunday that 96 people had been killed and 150 wounded "
        "after Friday's bombing, a toll it said could rise.",
    )
    assert "attack_on_civilians" in found


def test_the_countries_the_wounded_were_flown_to_are_not_the_place(enrich: Enrich) -> None:
    # The place rule on its own, without the learned type veto in front of it.
    title = "Toll from Kabul bombing rises to 120"
    body = (
        "KABUL - At least 120 people were killed in last Friday's bombing, officials said. About 200 "
        "people were wounded, 40 of whom were flown to India, Pakistan and Turkey for treatment."
    )
    [article] = enrich([as_article(f"{title}|{body}", title, body)])
    found = {e.type: e for e in classify(article, veto=False)}
    location = found["attack_on_civilians"].location
    assert location is not None and location.country_code == "AF"


def test_the_treated_abroad_cue_reads_a_list_of_countries() -> None:
    cue = event_place._place_cues("treated_abroad_before")
    assert cue.search("40 of whom were flown to ")
    assert cue.search("40 of whom were flown to India, ")
    assert cue.search("40 of whom were flown to India, Pakistan and ")
    assert not cue.search("the minister flew in from ")
