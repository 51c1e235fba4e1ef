"""The heartbeat's canary in dedup: always unique, never a copy, never the original of a copy, and a
story of its own that leaves the story table alone."""

from __future__ import annotations

import copy

from tests.support.dedup_articles import article, event, report

from herald.core.heartbeat_markers import CANARY_TAG, HEARTBEAT_TYPE
from herald.core.records import Article
from herald.dedup.offline import Deduplicator
from herald.dedup.routing import DedupConfig, Send, Unique
from herald.dedup.scatter import route_article, scatter
from herald.dedup.stories import StoryTracker

CONFIG = DedupConfig(partitions=4)


def as_canary(a: Article, **update: object) -> Article:
    return a.model_copy(update={"tags": [CANARY_TAG], **update})


def canary_round(n: int, body: str, minutes: float) -> Article:
    return as_canary(article(f"http://heartbeat:9107/rounds/{n}", body, minutes=minutes, guid=f"hb-{n}"))


def test_the_front_passes_a_canary_on_at_once_and_sends_no_probe() -> None:
    canary = canary_round(1, report("Brno", 7, "Monday"), minutes=0)
    assert route_article(canary, CONFIG) == [Unique(canary)]
    plain = canary.model_copy(update={"tags": []})
    sends = route_article(plain, CONFIG)
    assert sends == scatter(plain, CONFIG) and all(isinstance(s, Send) for s in sends)


def test_a_canary_is_never_a_copy_nor_the_original_of_one() -> None:
    body = report("Tartu", 12, "Monday")
    dedup = Deduplicator({})
    # A user article first, then a canary with the very same text and guid: the canary still passes.
    user = article("https://wire/tartu", body, minutes=0, guid="shared-guid")
    assert not dedup.check(user).is_duplicate
    canary = canary_round(2, body, minutes=1).model_copy(update={"guid": "shared-guid"})
    assert not dedup.check(canary).is_duplicate
    assert not dedup.check(canary).is_duplicate, "a redelivered canary passes again"

    # A canary first leaves nothing behind: a later user article like it is unique, not its copy.
    store: dict[str, object] = {}
    fresh = Deduplicator(store)
    assert not fresh.check(canary_round(3, body, minutes=0)).is_duplicate
    assert store == {}, "the canary claims no key and leaves no verdict"
    assert not fresh.check(article("https://wire/tartu-2", body, minutes=1)).is_duplicate
    # And two rounds that happened to read alike would both pass.
    assert not fresh.check(canary_round(4, body, minutes=2)).is_duplicate
    assert not fresh.check(canary_round(5, body, minutes=3)).is_duplicate


def test_each_heartbeat_event_is_its_own_story_and_touches_no_other() -> None:
    tracker = StoryTracker({})
    news = tracker.assign(event(1, hours=0, drones=142))
    before = copy.deepcopy(dict(tracker.store))

    beat1 = event(2, etype=HEARTBEAT_TYPE, hours=1)
    beat2 = event(3, etype=HEARTBEAT_TYPE, hours=1)
    one, two = tracker.assign(beat1), tracker.assign(beat2)
    assert one.story_id != two.story_id and news.story_id not in {one.story_id, two.story_id}
    assert tracker.assign(beat1).story_id == one.story_id, "a redelivered canary event keeps its story"
    assert dict(tracker.store) == before, "no story opened, joined or closed; nothing stored per round"
    assert tracker.keeps_apart(one) and not tracker.keeps_apart(news)

    # The news story goes on as if no canary had passed.
    retelling = tracker.assign(event(4, hours=2, source="Other", drones=140))
    assert retelling.story_id == news.story_id
