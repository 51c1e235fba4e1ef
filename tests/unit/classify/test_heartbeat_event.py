"""classify() on the heartbeat's canary: one ``heartbeat`` event, whatever the text, the rules or the
language check would say; and the tag is what decides, not the text."""

from __future__ import annotations

from collections.abc import Callable

from tests.support.schemas import errors

from herald.classify.rules import classify
from herald.classify.taxonomy import CODES
from herald.core.heartbeat_markers import CANARY_TAG, HEARTBEAT_TYPE
from herald.core.records import EnrichedArticle
from herald.heartbeat import canary_feed as canary

Make = Callable[..., EnrichedArticle]

STRIKE = (
    "Russia launches 472 drones at Kyiv in massive overnight attack",
    "Russia launched 472 drones and seven missiles at Kyiv overnight, Ukraine's air force said. "
    "At least 12 people were killed and 40 wounded in the capital, officials said.",
)


def tagged(article: EnrichedArticle, **update: object) -> EnrichedArticle:
    return article.model_copy(update={"tags": ["world", CANARY_TAG], **update})


def canary_article(make_article: Make, number: int = 5_912_345) -> EnrichedArticle:
    rnd = canary.Round(number, 300.0, "http://heartbeat:9107")
    return tagged(make_article(rnd.title, rnd.summary, article_id=rnd.guid), url=rnd.link)


def test_a_canary_round_becomes_exactly_one_heartbeat_event(make_article: Make) -> None:
    article = canary_article(make_article)
    (event,) = classify(article)
    assert event.type == HEARTBEAT_TYPE and event.severity == 1
    assert event.article_id == article.id and event.url == article.url and event.source == article.source
    assert (event.published, event.fetched_at, event.title) == (
        article.published,
        article.fetched_at,
        article.title,
    )
    assert event.location is None and event.actors == [] and event.magnitude == {}
    assert errors("event.json", event.model_dump(mode="json")) == []
    # A redelivered canary gives the same event, so every id downstream repeats too.
    assert classify(article) == [event]
    # Another round is another event.
    (other,) = classify(canary_article(make_article, number=5_912_346))
    assert other.id != event.id and other.story_id != event.story_id


def test_the_tag_bypasses_the_rules_and_the_language_check(make_article: Make) -> None:
    report = make_article(*STRIKE, entities=[("Russia", "GPE"), ("Kyiv", "GPE")])
    assert {e.type for e in classify(report)} >= {"air_drone_strike"}, "the untagged report is news"
    (event,) = classify(tagged(report))
    assert event.type == HEARTBEAT_TYPE, "a tagged article is only ever the canary, whatever it says"
    unenriched = tagged(make_article("Herald heartbeat 7", "kalomine rusati vozepu"), enriched=False)
    assert [e.type for e in classify(unenriched)] == [HEARTBEAT_TYPE], "even if enrichment skipped it"


def test_the_heartbeat_is_not_a_taxonomy_code() -> None:
    """Analysts tune the taxonomy; the canary's type must not show up among the codes they see."""
    assert HEARTBEAT_TYPE not in CODES
