"""Real reporting of a war's next turn that raised no armed clash (issue 16, thai_cambodia_border): fighting
that "resumes" names the clash itself, even when the report counts only civilians and names no armed
group, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_border_fighting_that_resumes_is_an_armed_clash_with_its_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Four Cambodian civilians killed as border fighting resumes",
        "Three civilians were killed in Oddar Meanchey province and one in Preah Vihear as fighting with "
        "Thailand broke out again along the border, Information Minister Neth Pheaktra said by telephone on "
        "Monday. Five days of fighting in July killed at least 35 people before a ceasefire brokered in "
        "Malaysia.",
    )
    clash = found["armed_clash"]
    assert clash.magnitude.get("killed") == 4
    assert clash.location is not None and clash.location.country_code == "KH"
