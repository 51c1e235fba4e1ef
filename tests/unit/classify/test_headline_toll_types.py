"""A headline that counts the dead keeps the type its lead sentence gives those dead (issue 16,
sahel_massacre and sudan_camp): "Zamzam camp death toll passes 400, UN says" and "Barsalogho collective
says at least 400 dead" name no attack, and the text model dropped the attack their lead sentences
report with the same 400, so the rising tolls of two alerted massacres reached no one. Through the real
enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Zamzam camp death toll passes 400, UN says",
            "CAIRO - The death toll from the Rapid Support Forces' attack on Zamzam camp in Sudan's North "
            "Darfur has passed 400, the UN humanitarian office said on Saturday, with thousands of families "
            "fleeing towards Tawila.",
        ),
        (
            "Barsalogho collective says at least 400 dead; three days of mourning",
            "A collective of Barsalogho residents said on Monday that at least 400 people were killed in "
            "Saturday's attack, as the government declared three days of national mourning and called for "
            "blood donations in Kaya.",
        ),
    ],
)
def test_a_headline_toll_keeps_the_attack_its_lead_gives_the_dead(
    enrich: Enrich, title: str, body: str
) -> None:
    found = read_events(enrich, title, body)
    assert "attack_on_civilians" in found
    assert found["attack_on_civilians"].magnitude.get("killed") == 400
