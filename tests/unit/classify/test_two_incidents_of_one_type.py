"""Two incidents of one type in one report (``incidents.py``): a body sentence that opens another
incident with its own toll is an event of its own; a report of one incident stays one event."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article

from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle, Event

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def found(enrich: Enrich, title: str, body: str) -> list[Event]:
    [article] = enrich([as_article(f"two-{title[:20]}", title, body)])
    return classify(article)


def test_a_separate_shelling_with_its_own_wounded_is_a_second_strike(enrich: Enrich) -> None:
    events = found(
        enrich,
        "Shelling kills three in Ukraine's Sumy region",
        "Russian artillery shelled the town of Bilopillia in Ukraine's Sumy region on Tuesday, killing "
        "three people, the regional governor said. In a separate attack on Okhtyrka, a missile fired from "
        "a launcher across the border struck a school and wounded five.",
    )
    strikes = [e for e in events if e.type == "missile_artillery_strike"]
    assert len(strikes) == 2
    first, second = strikes
    assert first.magnitude.get("killed") == 3 and "wounded" not in first.magnitude
    assert second.magnitude.get("wounded") == 5 and "killed" not in second.magnitude
    assert first.id != second.id


def test_a_separate_sentence_that_only_adds_detail_keeps_one_event(enrich: Enrich) -> None:
    events = found(
        enrich,
        "Shelling kills three in Ukraine's Sumy region",
        "Russian artillery shelled the town of Bilopillia in Ukraine's Sumy region on Tuesday, killing "
        "three people, the regional governor said. Separately, shelling damaged power lines near "
        "Okhtyrka, officials said.",
    )
    assert len([e for e in events if e.type == "missile_artillery_strike"]) == 1


def test_a_separate_raid_told_without_a_cue_is_a_second_attack(enrich: Enrich) -> None:
    events = found(
        enrich,
        "Eleven killed in two attacks in eastern Mali",
        "Gunmen killed eight villagers overnight on Friday in the village of Tessit near Gao, a local "
        "official said on Sunday. In a separate raid, three people were shot dead in the hamlet of "
        "Inekar and their cattle were taken, a resident said.",
    )
    attacks = [e for e in events if e.type == "attack_on_civilians"]
    assert [a.magnitude.get("killed") for a in attacks] == [8, 3]
