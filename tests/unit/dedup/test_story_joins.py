"""One story per real-world event across outlets that disagree on the place or the figures.

The cases follow how wire services and national outlets retell one event: the first report placed
with the attacker ("Russia launches 472 drones ...", placed in Russia) and the retelling with the
target; a city, its region and its country; an agency's magnitude beside another's. And the cases
that must stay apart although they look alike: the other side's barrage the same night, an
aftershock, a quake in another country.
"""

from __future__ import annotations

from herald.core.records import Actor, Event, Location
from herald.dedup.stories import StoryTracker

from .factory import event

RUSSIA = Actor(name="Russia", role="attacker", country_code="RU")
UKRAINE_TARGET = Actor(name="Ukraine", role="target", country_code="UA")
UKRAINE = Actor(name="Ukraine", role="attacker", country_code="UA")
RUSSIA_TARGET = Actor(name="Russia", role="target", country_code="RU")


def placed(e: Event, name: str, cc: str | None, admin1: str | None = None, *actors: Actor) -> Event:
    update: dict[str, object] = {"location": Location(name=name, country_code=cc, admin1=admin1)}
    if actors:
        update["actors"] = list(actors)
    return e.model_copy(update=update)


def test_first_report_placed_with_the_attacker_and_retelling_with_the_target_are_one_story() -> None:
    t = StoryTracker({})
    first = t.assign(placed(event(1, hours=0, drones=472), "Russia", "RU", None, RUSSIA, UKRAINE_TARGET))
    retelling = t.assign(
        placed(event(2, hours=2, source="Other", drones=479), "Bila Tserkva", "UA", "Kyiv Oblast", RUSSIA)
    )
    assert retelling.story_id == first.story_id
    story = t.story(first.story_id)
    assert story is not None and {p["cc"] for p in story["places"]} == {"RU", "UA"}


def test_target_first_then_a_retelling_placed_with_the_attacker_is_one_story() -> None:
    t = StoryTracker({})
    first = t.assign(placed(event(1, hours=0, drones=472), "Ukraine", "UA", None, RUSSIA))
    retelling = t.assign(placed(event(2, hours=1, source="Other", drones=472), "Russia", "RU", None, RUSSIA))
    assert retelling.story_id == first.story_id


def test_a_later_report_in_the_target_country_finds_the_story_first_placed_with_the_attacker() -> None:
    t = StoryTracker({})
    first = t.assign(placed(event(1, hours=0, drones=472), "Russia", "RU", None, RUSSIA, UKRAINE_TARGET))
    t.assign(placed(event(2, hours=1, source="B", drones=472), "Ukraine", "UA", None, RUSSIA))
    third = t.assign(placed(event(3, hours=4, source="C", killed=2), "Odesa", "UA", "Odesa Oblast", RUSSIA))
    assert third.story_id == first.story_id


def test_city_region_and_country_of_one_event_are_one_story() -> None:
    t = StoryTracker({})
    city = t.assign(placed(event(1, hours=0, drones=120), "Odesa", "UA", "Odesa Oblast", RUSSIA))
    region = t.assign(placed(event(2, hours=1, source="B"), "Odesa Oblast", "UA", "Odesa Oblast", RUSSIA))
    country = t.assign(placed(event(3, hours=2, source="C", drones=118), "Ukraine", "UA", None, RUSSIA))
    assert city.story_id == region.story_id == country.story_id


def test_the_other_sides_barrage_the_same_night_is_another_story() -> None:
    t = StoryTracker({})
    at_ukraine = t.assign(
        placed(event(1, hours=0, drones=472), "Ukraine", "UA", None, RUSSIA, UKRAINE_TARGET)
    )
    at_russia = t.assign(
        placed(event(2, hours=1, source="TASS", drones=100), "Belgorod Oblast", "RU", "Belgorod Oblast",
               UKRAINE, RUSSIA_TARGET)
    )  # fmt: skip
    assert at_ukraine.story_id != at_russia.story_id


def test_agencies_magnitudes_join_but_an_aftershock_does_not() -> None:
    t = StoryTracker({})
    usgs = t.assign(
        placed(event(1, "natural_disaster", 0, actors=(), magnitude=6.8), "Marrakesh", "MA", "Marrakech-Safi")
    )
    national = t.assign(
        placed(event(2, "natural_disaster", 1, actors=(), source="B", magnitude=7.2), "Morocco", "MA", None)
    )
    aftershock = t.assign(
        placed(event(3, "natural_disaster", 1.5, actors=(), source="C", magnitude=6.1), "Morocco", "MA", None)
    )
    assert usgs.story_id == national.story_id
    assert aftershock.story_id != usgs.story_id


def test_an_unlinked_other_country_stays_apart() -> None:
    t = StoryTracker({})
    a = t.assign(placed(event(1, "natural_disaster", 0, actors=(), magnitude=6.3), "Herat", "AF", "Herat"))
    b = t.assign(placed(event(2, "natural_disaster", 1, actors=(), magnitude=6.3), "Mashhad", "IR", None))
    assert a.story_id != b.story_id
