"""A report of one event keeps telling of it: a count several sentences after the last cue belongs to
the event when it is a metric the event has no figure for yet, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article

from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def the_event(enrich: Enrich, title: str, body: str) -> Event:
    [article] = enrich([as_article(f"far-{title[:20]}", title, body)])
    [event] = classify(article)
    return event


def test_the_missing_told_three_sentences_later_join_the_event(enrich: Enrich) -> None:
    found = the_event(
        enrich,
        "25 dead in US coal mine explosion",
        "Twenty-five bodies have been found after an explosion at the company's Upper Big Branch coal mine, "
        "officials said. The toll had risen from seven earlier on Monday to 12 around midnight. Twenty-nine "
        "miners were in the area when the blast happened, an official said, and four are still missing.",
    ).magnitude
    assert found.get("missing") == 4
    assert found.get("killed") == 25


def test_a_far_toll_elsewhere_neither_sizes_nor_places_the_event(enrich: Enrich) -> None:
    event = the_event(
        enrich,
        "Pakistan raises quake death toll to more than 73,000",
        "Pakistan's official toll from the October 8 earthquake rose to 73,276 on Tuesday, the army said. "
        "No reason was given for the jump. Relief flights resumed at dawn. Another 1,350 people died on "
        "the Indian side of Kashmir.",
    )
    assert event.magnitude.get("killed") == 73_276
    assert event.location is not None and event.location.country_code == "PK"


def test_soldiers_nothing_is_said_to_have_been_sent_are_no_troop_count(enrich: Enrich) -> None:
    """The vehicle's load and the men hit are the ambush's people, not a force the clash set in motion."""
    event = the_event(
        enrich,
        "Ambush on army truck kills four soldiers",
        "Militants ambushed an army patrol in the hills on Monday, killing four soldiers. They opened fire "
        "on a truck carrying twelve soldiers from a ridge, officials said, and three others were wounded in "
        "the firefight that followed.",
    )
    assert event.magnitude == {"killed": 4, "wounded": 3}
