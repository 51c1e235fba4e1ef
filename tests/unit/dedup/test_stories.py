from __future__ import annotations

from tests.support.dedup_articles import event

from herald.dedup.messages import StorySource
from herald.dedup.stories import StoryConfig, StoryTracker

KHARKIV = ("Kharkiv", "UA", "Kharkiv Oblast")
ODESA = ("Odesa", "UA", "Odesa Oblast")


def test_retellings_share_a_story_and_its_figures_update() -> None:
    t = StoryTracker({})
    first = t.assign(event(1, hours=0, drones=142, wounded=3))
    again = t.assign(event(2, hours=3, place=ODESA, source="Other", drones=140, wounded=5))
    assert again.story_id == first.story_id
    story = t.story(first.story_id)
    assert story is not None
    assert story["sources"] == ["Wire", "Other"] and story["article_count"] == 2
    assert story["magnitude"]["wounded"] == 5 and story["max"]["drones"] == 142


def test_next_nights_barrage_is_a_new_story() -> None:
    t = StoryTracker({})
    night1 = t.assign(event(1, hours=0, drones=142))
    night2 = t.assign(event(2, hours=24, drones=96))
    assert night1.story_id != night2.story_id


def test_same_night_other_count_of_drones_is_another_event() -> None:
    t = StoryTracker({})
    a = t.assign(event(1, hours=0, drones=142))
    b = t.assign(event(2, hours=2, drones=40))
    assert a.story_id != b.story_id


def test_quakes_a_week_apart_and_other_countries_are_apart() -> None:
    t = StoryTracker({})
    q1 = t.assign(event(1, "natural_disaster", 0, ("Malatya", "TR", "Malatya"), (), magnitude=6.1))
    q2 = t.assign(event(2, "natural_disaster", 24 * 7, ("Malatya", "TR", "Malatya"), (), magnitude=5.6))
    elsewhere = t.assign(
        event(3, "natural_disaster", 1, ("Tabriz", "IR", "East Azerbaijan"), (), magnitude=6.1)
    )
    assert len({q1.story_id, q2.story_id, elsewhere.story_id}) == 3


def test_protests_in_two_cities_of_one_country_are_two_stories() -> None:
    t = StoryTracker({})
    a = t.assign(event(1, "protest", 0, ("Belgrade", "RS", "Belgrade"), ("students",)))
    b = t.assign(event(2, "protest", 1, ("Novi Sad", "RS", "Vojvodina"), ("farmers",)))
    assert a.story_id != b.story_id


def test_redelivered_event_gets_the_same_story() -> None:
    t = StoryTracker({})
    a = t.assign(event(1, drones=142))
    t.assign(event(2, hours=1, place=KHARKIV, drones=142))
    assert t.assign(event(1, drones=142)).story_id == a.story_id
    assert t.story(a.story_id)["events"] == 2  # type: ignore[index]


def test_dropped_copies_count_as_sources_once() -> None:
    t = StoryTracker({})
    a = t.assign(event(1, drones=142))
    notice = StorySource(
        event_type=a.type,
        story_id=a.story_id,
        original_id=a.article_id,
        article_id="f" * 32,
        source="Syndicator",
        url="https://s.example/1",
    )
    assert [t.add_copy(notice), t.add_copy(notice)] == ["counted", "again"]
    story = t.story(a.story_id)
    assert story is not None and story["copies"] == 1 and story["source_count"] == 2
    unknown = notice.model_copy(update={"story_id": "e" * 32})
    assert t.add_copy(unknown) == "unknown_story"


def test_closed_stories_are_reported_then_forgotten_after_retention() -> None:
    closed: list[int] = []
    t = StoryTracker({}, StoryConfig(), on_close=lambda s: closed.append(s["source_count"]))
    old = t.assign(event(1, drones=142))
    t.assign(event(2, hours=48, drones=90))
    assert closed == [1] and t.open_stories("air_drone_strike") == 1
    t.assign(event(3, hours=24 * 9, drones=70))
    assert t.story(old.story_id) is None and f"event:{event(1).id}" not in t.store
