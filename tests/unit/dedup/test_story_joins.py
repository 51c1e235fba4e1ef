"""One story per real-world event across outlets that disagree on the place or the figures.

The cases follow how wire services and national outlets retell one event: the first report placed
with the attacker ("Russia launches 472 drones ...", placed in Russia) and the retelling with the
target; a city, its region and its country; an agency's magnitude beside another's. And the cases
that must stay apart although they look alike: the other side's barrage the same night, an
aftershock, a quake in another country.
"""

from __future__ import annotations

from tests.support.dedup_articles import event

from herald.core.records import Actor, Event, Location
from herald.dedup.stories import StoryTracker

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


def at(e: Event, name: str, cc: str, admin1: str | None, kind: str) -> Event:
    loc = Location(name=name, country_code=cc, admin1=admin1, kind=kind)  # type: ignore[arg-type]
    return e.model_copy(update={"location": loc, "actors": []})


def test_a_floods_toll_rising_over_days_is_one_story_at_city_or_country_level() -> None:
    # Derna: 150 dead, then more than 2,000 the same day, 5,300 from "the eastern Libyan interior
    # ministry" the next day (placed in Libya only), 11,300 from the Red Crescent the day after.
    t = StoryTracker({})
    flood = "natural_disaster"
    first = t.assign(at(event(1, flood, hours=0, killed=150), "Darnah", "LY", "Darnah", "city"))
    ids = {
        t.assign(at(event(2, flood, hours=8, killed=2000), "Darnah", "LY", "Darnah", "city")).story_id,
        t.assign(at(event(3, flood, hours=25, killed=5300), "Libyan", "LY", None, "country")).story_id,
        t.assign(at(event(4, flood, hours=50, killed=11300), "Darnah", "LY", "Darnah", "city")).story_id,
    }
    assert ids == {first.story_id}


def test_an_outbreaks_deaths_rising_over_weeks_are_one_story() -> None:
    t = StoryTracker({})
    ill = "disease_outbreak"
    first = t.assign(at(event(1, ill, hours=0, killed=6, affected=26), "Kigali", "RW", None, "city"))
    later = [
        t.assign(at(event(n, ill, hours=h, killed=k), "Rwanda", "RW", None, "country")).story_id
        for n, h, k in ((2, 50, 8), (3, 120, 11), (4, 456, 15))
    ]
    assert set(later) == {first.story_id}


def test_follow_ups_that_are_other_events_stay_apart() -> None:
    t = StoryTracker({})
    flood = "natural_disaster"
    derna = t.assign(at(event(1, flood, hours=0, killed=11300), "Darnah", "LY", "Darnah", "city"))
    # At the same place, one dead where thousands died: a new quake or flood, not this one's count.
    small = t.assign(at(event(3, flood, hours=24 * 3, killed=1), "Darnah", "LY", "Darnah", "city"))
    # Days later, elsewhere in the country, a toll far below the story's: a new flood.
    marj = t.assign(at(event(2, flood, hours=24 * 9, killed=3), "Marj", "LY", "Al Marj", "city"))
    # A drone strike's next night, same city, higher toll: strikes have no follow-up window.
    t.assign(at(event(4, hours=0, killed=2), "Kyiv", "UA", "Kyiv City", "city"))
    night = t.assign(at(event(5, hours=26, killed=6), "Kyiv", "UA", "Kyiv City", "city"))
    # Past the type's follow-up window.
    late = t.assign(at(event(6, flood, hours=24 * 40, killed=20000), "Darnah", "LY", "Darnah", "city"))
    assert derna.story_id not in {marj.story_id, small.story_id, late.story_id}
    assert night.story_id != t.store[f"event:{event(4, hours=0).id}"]


def test_a_strikes_toll_counted_again_the_morning_after_is_the_same_strike() -> None:
    t = StoryTracker({})
    port = ("Al Hudaydah", "YE", "Al Hudaydah")
    first = t.assign(event(1, hours=0, place=port, killed=2, wounded=80))
    t.assign(event(2, hours=6.5, place=port, source="B", killed=3, wounded=87))
    # Eleven hours after the night's last report, past the idle window: the toll has risen to six.
    morning = t.assign(event(3, hours=17.5, place=port, source="C", killed=6, wounded=83))
    assert morning.story_id == first.story_id


def test_a_quake_of_another_magnitude_days_later_is_another_quake() -> None:
    t = StoryTracker({})
    quake = "natural_disaster"
    first = t.assign(at(event(1, quake, hours=0, magnitude=6.3, killed=1000), "Herat", "AF", "Herat", "city"))
    other = t.assign(
        at(event(2, quake, hours=60, magnitude=5.1, killed=1200), "Afghanistan", "AF", None, "country")
    )
    assert other.story_id != first.story_id


def told(e: Event, title: str) -> Event:
    return e.model_copy(update={"title": title})


def test_a_named_storms_reports_from_other_towns_of_one_country_are_one_story() -> None:
    # Storm Daniel: one dead at Volos, two days later ten "in the floods left by Storm Daniel" placed at
    # Karditsa, another town of Thessaly. Neither place names a region, so only the storm ties them.
    t = StoryTracker({})
    flood = "natural_disaster"
    volos = t.assign(
        told(at(event(1, flood, hours=0, killed=1), "Volos", "GR", None, "city"), "Storm Daniel floods Volos")
    )
    karditsa = t.assign(
        told(
            at(event(2, flood, hours=46, killed=10, missing=4), "Kardítsa", "GR", None, "city"),
            "Death toll from the floods left by Storm Daniel rises to 10",
        )
    )
    assert karditsa.story_id == volos.story_id
    # The same storm in another country is that country's own disaster.
    derna = t.assign(
        told(
            at(event(3, flood, hours=139, killed=150), "Darnah", "LY", "Darnah", "city"),
            "Storm Daniel hits Derna",
        )
    )
    assert derna.story_id != volos.story_id


def test_floods_in_two_towns_of_one_country_without_a_named_storm_stay_apart() -> None:
    # Kishtwar's cloudburst (60 dead), then a flood at Kathua three days on: two events, no name shared;
    # nor does another storm's name tie a town's flood to them.
    t = StoryTracker({})
    flood = "natural_disaster"
    kishtwar = t.assign(
        told(at(event(1, flood, hours=0, killed=60), "Kishtwar", "IN", None, "city"), "Cloudburst kills 60")
    )
    kathua = t.assign(
        told(at(event(2, flood, hours=72, killed=70), "Kathua", "IN", None, "city"), "Flash floods kill 70")
    )
    other_storm = t.assign(
        told(
            at(event(3, flood, hours=100, killed=90), "Jammu", "IN", None, "city"),
            "Cyclone Biparjoy kills 90",
        )
    )
    assert len({kishtwar.story_id, kathua.story_id, other_storm.story_id}) == 3


def unplaced(e: Event) -> Event:
    """A report that names no place the gazetteer knows and no actor: only its toll ties it to a story."""
    return e.model_copy(update={"location": None, "actors": []})


def test_a_running_toll_told_without_a_place_joins_the_one_story_it_raises() -> None:
    t = StoryTracker({})
    first = t.assign(event(1, "industrial_accident", 0, ("Seoul", "KR", "Seoul"), (), killed=59))
    t.assign(event(2, "industrial_accident", 2, ("Seoul", "KR", "Seoul"), (), source="B", killed=120))
    higher = t.assign(unplaced(event(3, "industrial_accident", 8, source="C", killed=151)))
    assert higher.story_id == first.story_id


def test_a_toll_without_a_place_below_the_story_s_count_or_fitting_two_stories_stays_apart() -> None:
    t = StoryTracker({})
    seoul = t.assign(event(1, "industrial_accident", 0, ("Seoul", "KR", "Seoul"), (), killed=120))
    lower = t.assign(unplaced(event(2, "industrial_accident", 1, source="B", killed=40)))
    assert lower.story_id != seoul.story_id
    lagos = t.assign(event(3, "industrial_accident", 2, ("Lagos", "NG", "Lagos"), (), source="C", killed=12))
    either = t.assign(unplaced(event(4, "industrial_accident", 3, source="D", killed=150)))
    assert either.story_id not in (seoul.story_id, lagos.story_id)
