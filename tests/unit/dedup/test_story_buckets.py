"""The story matcher's buckets: an event reads only the stories it could join, and joins the same one.

The matcher keeps a type's open stories in buckets by country (see the ``stories`` docstring). These
tests pin what that must not change (which story an event joins, when stories close and are
forgotten, against a plain scan of every story) and what it must save (reads of stories of other
countries, or out of reach in time).
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from tests.support.dedup_articles import event

from herald.core.records import Event, Location, stable_id
from herald.dedup.stories import StoryConfig, StoryTracker

KYIV = ("Kyiv", "UA", "Kyiv City")
KHARKIV = ("Kharkiv", "UA", "Kharkiv Oblast")
BELGOROD = ("Belgorod", "RU", "Belgorod Oblast")
ALEPPO = ("Aleppo", "SY", "Aleppo Governorate")


class CountingStore(dict[str, Any]):
    """A dict that remembers which story records were read."""

    def __init__(self) -> None:
        super().__init__()
        self.story_reads: list[str] = []

    def get(self, key: str, default: Any = None) -> Any:
        if key.startswith("story:"):
            self.story_reads.append(key.removeprefix("story:"))
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        if key.startswith("story:"):
            self.story_reads.append(key.removeprefix("story:"))
        return super().__getitem__(key)


def nowhere(e: Event) -> Event:
    return e.model_copy(update={"location": None})


def no_country(e: Event, name: str) -> Event:
    return e.model_copy(update={"location": Location(name=name)})


def test_event_without_location_joins_its_story_in_another_countrys_bucket() -> None:
    t = StoryTracker({})
    t.assign(event(1, place=KYIV, actors=("Ukraine",)))
    strike = t.assign(event(2, hours=1, place=BELGOROD, actors=("Ukraine", "Belgorod governor")))
    t.assign(event(3, hours=1, place=ALEPPO, actors=("Syrian army",)))
    # Only the actor ties it to a story: it must look in the RU bucket as well as in UA and SY.
    late = t.assign(nowhere(event(4, hours=2, actors=("Belgorod governor",))))
    assert late.story_id == strike.story_id
    assert t.story(strike.story_id)["events"] == 2  # type: ignore[index]


def test_stories_of_other_countries_are_never_read() -> None:
    store = CountingStore()
    t = StoryTracker(store)
    ua = t.assign(event(1, place=KYIV)).story_id
    ru = t.assign(event(2, hours=0.5, place=BELGOROD, actors=("Ukraine",))).story_id
    sy = t.assign(event(3, hours=0.5, place=ALEPPO, actors=("Syrian army",))).story_id
    unplaced = t.assign(nowhere(event(4, hours=0.5, actors=("Hezbollah",)))).story_id
    store.story_reads.clear()
    again = t.assign(event(5, hours=1, place=KHARKIV))
    assert again.story_id == ua
    # Its own country's story and the one without a country, never the RU or SY stories.
    assert set(store.story_reads) == {ua, unplaced}
    assert ru not in store.story_reads and sy not in store.story_reads


def test_stories_out_of_reach_in_time_are_not_read() -> None:
    store = CountingStore()
    t = StoryTracker(store)
    old = t.assign(event(1, place=KYIV)).story_id
    recent = t.assign(event(2, hours=11, place=KHARKIV, actors=("Belarus",))).story_id
    store.story_reads.clear()
    # 13 h after the first, which had no report for 13 h (idle 10 h, a strike's follow-up 12 h): only the
    # recent one is read.
    t.assign(event(3, hours=13, place=("Lviv", "UA", "Lviv Oblast"), actors=("Belarus",)))
    assert old not in store.story_reads and recent in store.story_reads


def test_event_with_nothing_to_match_on_reads_no_story() -> None:
    store = CountingStore()
    t = StoryTracker(store)
    t.assign(nowhere(event(1, actors=())))
    t.assign(event(2, hours=1, place=KYIV))
    store.story_reads.clear()
    # No place, no actor, no figure and no toll: no story can take it, so none is read; it opens its own.
    alone = t.assign(nowhere(event(3, hours=2, actors=())))
    assert store.story_reads == [] and t.story(alone.story_id)["events"] == 1  # type: ignore[index]


def test_story_without_country_moves_to_its_country_when_one_is_reported() -> None:
    store = CountingStore()
    t = StoryTracker(store)
    first = t.assign(nowhere(event(1, actors=("Houthis",), missiles=2))).story_id
    placed = t.assign(event(2, hours=1, place=("Eilat", "IL", "Southern District"), actors=("Houthis",)))
    assert placed.story_id == first
    store.story_reads.clear()
    # Now an IL story: an event elsewhere does not read it, though it shares an actor.
    t.assign(event(3, hours=2, place=("Hodeidah", "YE", "Al Hudaydah"), actors=("Houthis",)))
    assert first not in store.story_reads
    again = t.assign(event(4, hours=3, place=("Eilat", "IL", "Southern District"), actors=("IDF",)))
    assert again.story_id == first and t.open_stories("air_drone_strike") == 2


def test_event_with_place_but_no_country_reads_every_bucket() -> None:
    t = StoryTracker({})
    t.assign(event(1, place=KYIV, actors=("Ukraine",)))
    strike = t.assign(event(2, hours=1, place=BELGOROD, actors=("Russia",)))
    late = t.assign(no_country(event(3, hours=2, actors=("Russia",)), "Belgorod"))
    assert late.story_id == strike.story_id


def test_closing_and_forgetting_happen_for_every_bucket_on_any_event() -> None:
    closed: list[str] = []
    t = StoryTracker({}, StoryConfig(), on_close=lambda s: closed.append(s["id"]))
    ru = t.assign(event(1, place=BELGOROD)).story_id
    unplaced = t.assign(nowhere(event(2, hours=1, actors=("Hamas",)))).story_id
    assert t.open_stories("air_drone_strike") == 2
    # A UA event two days on closes the RU story and the one without a country: other buckets.
    ua = t.assign(event(3, hours=48, place=KYIV)).story_id
    assert sorted(closed) == sorted([ru, unplaced]) and t.open_stories("air_drone_strike") == 1
    assert t.store.get("open:air_drone_strike:RU") is None and t.store.get("open:air_drone_strike:-") is None
    assert t.story(ru) is not None  # closed, still held for late copies
    # Past retention (7 days after their last report), an SY event forgets both and closes the UA one.
    t.assign(event(4, hours=24 * 8 + 2, place=ALEPPO))
    assert closed[-1] == ua
    assert t.story(ru) is None and t.story(unplaced) is None and t.story(ua) is not None
    assert f"event:{event(1).id}" not in t.store and f"event:{event(3).id}" in t.store
    # A redelivered event of a forgotten story is matched afresh: it opens its story again.
    again = t.assign(event(1, hours=24 * 8 + 2, place=BELGOROD)).story_id
    assert t.story(again)["events"] == 1  # type: ignore[index]


def test_store_of_the_previous_layout_is_moved_into_buckets() -> None:
    t = StoryTracker({})
    ua = t.assign(event(1, place=KYIV)).story_id
    ru = t.assign(event(2, hours=1, place=BELGOROD)).story_id
    old = t.assign(event(3, hours=-60, place=ALEPPO)).story_id
    # Rewrite the store as the previous layout held it: one open and one closed list per type.
    store = t.store
    opened = [[s, store[f"story:{s}"]["first_us"], store[f"story:{s}"]["last_us"]] for s in (ua, ru)]
    closed = [[old, store[f"story:{old}"]["last_us"]]]
    for key in [k for k in store if k.startswith(("open", "closed"))]:
        del store[key]
    store["open:air_drone_strike"], store["closed:air_drone_strike"] = opened, closed
    legacy = StoryTracker(store)
    assert legacy.open_stories("air_drone_strike") == 2
    assert legacy.assign(event(4, hours=2, place=KHARKIV)).story_id == ua
    assert "open:air_drone_strike" not in store and "closed:air_drone_strike" not in store
    assert store["open:air_drone_strike:RU"] == [opened[1]] and legacy.open_stories("air_drone_strike") == 2
    legacy.assign(event(5, hours=24 * 5, place=KYIV))  # 7 days after the old one's last report
    assert legacy.story(old) is None and legacy.story(ru) is not None


def test_stories_a_previous_version_opened_meanwhile_are_taken_in() -> None:
    # A rolling upgrade: a worker of the previous version holds the partition for a while.
    store: dict[str, Any] = {}
    ua = StoryTracker(store).assign(event(1, place=KYIV)).story_id
    ru = PlainScan(store).assign(event(2, hours=1, place=BELGOROD)).story_id
    assert store["open:air_drone_strike"] == [
        [ru, store[f"story:{ru}"]["first_us"], store[f"story:{ru}"]["last_us"]]
    ]
    t = StoryTracker(store)
    assert t.assign(event(3, hours=2, place=BELGOROD)).story_id == ru
    assert t.assign(event(4, hours=2, place=KHARKIV)).story_id == ua
    assert "open:air_drone_strike" not in store and t.open_stories("air_drone_strike") == 2


# -- against a plain scan of every story -----------------------------------------------------------


class PlainScan(StoryTracker):
    """The matcher without buckets: every open story scored for every event, one list per type.

    What the bucketed matcher must agree with, event by event: the same story joined, the same stories
    closed and forgotten.
    """

    def assign(self, event: Event) -> Event:
        known = self.store.get(f"event:{event.id}")
        if known is not None:
            return event.model_copy(update={"story_id": known})
        now, cfg = int(event.published.timestamp() * 1e6), self.config
        lead, span, idle = (int(d.total_seconds() * 1e6) for d in (cfg.lead, cfg.span, cfg.idle))
        follow = self.matcher.follow_up_us(event.type)  # a type's follow-up keeps its stories open
        opened: list[list[Any]] = self.store.get(f"open:{event.type}") or []
        closed: list[list[Any]] = self.store.get(f"closed:{event.type}") or []
        still = []
        for story_id, first, last in opened:
            if now > max(first + span, last + idle, last + follow) + lead:
                if self.on_close is not None:
                    self.on_close(self.store[f"story:{story_id}"])
                closed = [*closed, [story_id, last]]
            else:
                still.append([story_id, first, last])
        horizon = now - int(cfg.retention.total_seconds() * 1e6)
        for story_id, last in closed:
            if last < horizon:
                for event_id in self.store.pop(f"story:{story_id}")["event_ids"]:
                    self.store.pop(f"event:{event_id}", None)
        self.store[f"closed:{event.type}"] = [c for c in closed if c[1] >= horizon]
        scores = [(self.score(event, self.store[f"story:{s}"]), la, s) for s, _f, la in still]
        best = max(
            ((sc, la, s) for sc, la, s in scores if sc is not None and sc >= cfg.min_score), default=None
        )
        if best is None:
            story = self._new_story(event)
        else:
            story = self._add_event(dict(self.store[f"story:{best[2]}"]), event)
        self.store[f"story:{story['id']}"] = story
        self.store[f"event:{event.id}"] = story["id"]
        entry = [story["id"], story["first_us"], story["last_us"]]
        self.store[f"open:{event.type}"] = [*(e for e in still if e[0] != story["id"]), entry]
        return event.model_copy(update={"story_id": story["id"]})


ACTORS = ["Russia", "Ukraine", "Syrian army", "Hezbollah", "Belarus"]
PLACES = [KYIV, KHARKIV, ("Odesa", "UA", "Odesa Oblast"), BELGOROD, ("Kursk", "RU", "Kursk Oblast"), ALEPPO]


def random_stream(rng: random.Random, count: int) -> list[Event]:
    """Two types, four kinds of location, shared actors and figures, late arrivals and redeliveries."""
    events: list[Event] = []
    clock = 0.0
    for n in range(count):
        if events and rng.random() < 0.05:
            events.append(rng.choice(events))  # a redelivery
            continue
        clock += rng.expovariate(1 / 1.5)  # hours
        hours = clock - (rng.uniform(0, 8) if rng.random() < 0.15 else 0)  # some arrive late
        size = {"drones": rng.choice([40, 45, 90, 140])} if rng.random() < 0.5 else {}
        actors = tuple(rng.sample(ACTORS, rng.randint(0, 2)))
        e = event(n, rng.choice(["air_drone_strike", "shelling"]), hours, rng.choice(PLACES), actors, **size)
        roll = rng.random()
        if roll < 0.15:
            e = nowhere(e)
        elif roll < 0.25:
            e = no_country(e, rng.choice(PLACES)[0])
        events.append(e)
    return events


def test_buckets_join_close_and_forget_exactly_as_a_plain_scan() -> None:
    config = StoryConfig(retention=timedelta(days=2))
    for seed in range(4):
        closed_b: list[str] = []
        closed_p: list[str] = []
        bucketed = StoryTracker({}, config, on_close=lambda s, out=closed_b: out.append(s["id"]))
        plain = PlainScan({}, config, on_close=lambda s, out=closed_p: out.append(s["id"]))
        joins, stories = 0, set()
        for e in random_stream(random.Random(seed), 400):
            got, want = bucketed.assign(e).story_id, plain.assign(e).story_id
            assert got == want, f"seed {seed}: {e.id} joined {got}, a plain scan says {want}"
            assert sorted(closed_b) == sorted(closed_p)
            joins += got != stable_id("story", e.type, e.id)
            stories.add(got)
            for etype in ("air_drone_strike", "shelling"):
                assert bucketed.open_stories(etype) == len(plain.store.get(f"open:{etype}", []))
        kept = {k: v for k, v in bucketed.store.items() if k.startswith(("story:", "event:"))}
        assert kept == {k: v for k, v in plain.store.items() if k.startswith(("story:", "event:"))}
        # The stream exercised what it is for: joins, closings and forgetting.
        held = sum(k.startswith("story:") for k in kept)
        assert joins > 50 and len(closed_b) > 20 and held < len(stories) - 20
