"""A state's strike on another country's soil, its weapon unnamed, is an air strike (dev alert timeline
iran_israel_salvo: a reply told only as "carried out a strike inside" the other country). A labour
strike is not. The cue is pinned with the learned type veto off: the veto weighs the whole text, and
these short sentences are not the reports it was trained on."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article

from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def types(enrich: Enrich, title: str, body: str) -> set[str]:
    [article] = enrich([as_article(f"r27s-{title[:20]}", title, body)])
    return {e.type for e in classify(article, veto=False)}


def test_a_strike_inside_another_country_is_an_air_strike(enrich: Enrich) -> None:
    found = types(
        enrich,
        "Egypt hit a target inside Libya overnight, officials say",
        "Egypt carried out a strike inside Libya before dawn, two officials said, in answer to last "
        "week's attack on its border post. It was the first time Egypt has been reported striking "
        "Libyan territory this year.",
    )
    assert "air_drone_strike" in found


def test_a_labour_strike_at_a_plant_is_no_air_strike(enrich: Enrich) -> None:
    found = types(
        enrich,
        "Dock workers strike at the port for a second day",
        "Dock workers carried out a strike at the container terminal on Tuesday, demanding higher pay, "
        "the union said.",
    )
    assert "air_drone_strike" not in found
