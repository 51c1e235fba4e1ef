"""Round 24's numbers read upstream of the alerts, through the real enrichment: constructions the
alert timelines read wrong (tests/data/alerts/timelines), each in a sentence of our own."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article, read_events

from herald.classify.magnitude import read_text
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_the_days_a_total_runs_over_frame_its_counts() -> None:
    text = (
        "Over the three days of fighting, 26 villagers and 14 police officers were killed and 90 people "
        "wounded, the governor said."
    )
    assert read_text(text, 1) == []


def test_a_headline_retelling_a_total_over_days_is_no_toll_of_one_clash(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Ministry says 26 civilians and 14 soldiers died in the fighting with Tajikistan",
        "Over the three days of fighting on the border, 26 civilians and 14 members of the security forces "
        "were killed and 90 civilians wounded, the ministry said.",
    )
    assert "killed" not in found["armed_clash"].magnitude


def test_the_number_of_wounded_after_a_death_is_no_toll(enrich: Enrich) -> None:
    [enriched] = enrich(
        [
            as_article(
                "r25t-wounded-after-death",
                "Deaths in port blast rise to two; 64 hurt",
                "A second worker has died of burns from Monday's explosion at the grain terminal and the "
                "number of injured has reached 64, officials said.",
            )
        ]
    )
    assert {q.value for q in enriched.quantities if q.unit == "killed"} <= {1.0, 2.0}
    assert 64.0 in {q.value for q in enriched.quantities if q.unit == "wounded"}
