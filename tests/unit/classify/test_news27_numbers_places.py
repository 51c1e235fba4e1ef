"""Round 27's numbers and places pass on dev_news27 (tests/data/reporting/dev_news27.yaml): wording
it read wrongly, each in sentences of our own, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article

from herald.classify.magnitude import read_text
from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def events(enrich: Enrich, title: str, body: str) -> dict[str, Event]:
    [article] = enrich([as_article(f"n27-{title[:20]}", title, body)])
    return {e.type: e for e in classify(article)}


def units(sentence: str) -> dict[str, float]:
    return {r.unit: r.value for r in read_text(sentence, 1)}


def test_an_aside_naming_a_childs_age_does_not_cut_the_hurt_from_their_wounds(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Shelling of frontier village kills two, regional head says",
        "Artillery shells hit the frontier village on Sunday, killing an elderly couple, the regional "
        "head said. Seven more people, including a four-year-old girl, suffered shrapnel wounds, "
        "according to preliminary figures.",
    )
    assert found["missile_artillery_strike"].magnitude == {"killed": 2, "wounded": 7}


def test_a_passer_by_hurt_beside_the_dead_is_one_wounded() -> None:
    found = units("Three soldiers in a jeep were killed and a passer-by was hurt when the mine went off.")
    assert found.get("wounded") == 1


def test_people_who_may_have_been_affected_by_a_breach_are_its_affected(enrich: Enrich) -> None:
    found = events(
        enrich,
        "Ransomware attack takes county hospital systems offline",
        "A ransomware attack forced the county's hospital network offline on Tuesday, and staff went "
        "back to paper records. About 120,000 patients may have been affected.",
    )
    assert found["cyberattack"].magnitude == {"affected": 120000}
