"""The novelty rules, one behaviour per test, on a plain dict store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector, alert_id, scopes, update_id
from herald.core.records import Actor, Event, Location, stable_id

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def ev(
    n: int,
    *,
    day: float = 0,
    story: str | None = None,
    type: str = "air_drone_strike",
    severity: int = 4,
    where: tuple[str, str | None, str | None] | None = ("Kharkiv", "UA", "Kharkiv Oblast"),
    magnitude: dict[str, float] | None = None,
    title: str = "Drones hit the city overnight",
    sentences: list[str] | None = None,
    **extra: Any,
) -> Event:
    when = T0 + timedelta(days=day)
    return Event(
        id=stable_id("e", str(n)),
        article_id=stable_id("a", str(n)),
        story_id=stable_id("s", story or str(n)),
        type=type,
        severity=severity,
        magnitude=magnitude or {},
        location=Location(name=where[0], country_code=where[1], admin1=where[2]) if where else None,
        actors=extra.pop("actors", []),
        published=when,
        fetched_at=when,
        title=title,
        url=f"https://news.example.test/{n}",
        source="Test Wire",
        sentences=sentences or [title],
        **extra,
    )


def rules(alerts: list[Any]) -> list[str]:
    return [a.rule for a in alerts]


def test_scopes_run_from_the_world_to_the_place() -> None:
    assert scopes(ev(1)) == ["global", "country:UA", "region:UA:kharkiv oblast", "place:UA:kharkiv"]
    assert scopes(ev(1, where=None)) == ["global"]
    assert scopes(ev(1, where=("Kharkiv", None, None))) == ["global", "place:?:kharkiv"]


def test_a_location_that_is_a_country_has_no_place_scope() -> None:
    """The demo's barrage placed in "Ukraine" (kind country, or an actor's name when kind is unset)
    is not a first in a place called Ukraine; an oblast is a region, not a place."""
    ukraine = ("Ukraine", "UA", None)
    assert scopes(ev(1, where=ukraine)) == ["global", "country:UA", "place:UA:ukraine"]
    target = [Actor(name="Ukraine", role="target", country_code="UA")]
    assert scopes(ev(1, where=ukraine, actors=target)) == ["global", "country:UA"]
    as_country = ev(1, where=ukraine)
    assert as_country.location is not None
    as_country.location.kind = "country"
    assert scopes(as_country) == ["global", "country:UA"]
    oblast = ev(1, where=("Odesa Oblast", "UA", None))
    assert oblast.location is not None
    oblast.location.kind = "region"
    assert scopes(oblast) == ["global", "country:UA", "region:UA:odesa oblast"]


def test_a_country_level_report_after_a_city_level_one_is_not_a_first() -> None:
    det = NoveltyDetector({})
    assert rules(det.observe(ev(1, where=("Bila Tserkva", "UA", "Kyiv Oblast")))) == ["new_type"]
    target = [Actor(name="Ukraine", role="target", country_code="UA")]
    assert det.observe(ev(2, day=2, where=("Ukraine", "UA", None), actors=target)) == []


def test_first_of_a_type_in_a_region_is_new_even_when_common_elsewhere() -> None:
    det = NoveltyDetector({})
    for i in range(5):
        det.observe(ev(i, day=i, where=("Sumy", "UA", "Sumy Oblast"), severity=3))
    alerts = det.observe(ev(10, day=6))
    assert rules(alerts) == ["new_type"]
    assert alerts[0].evidence["scopes"] == ["region:UA:kharkiv oblast", "place:UA:kharkiv"]
    assert det.observe(ev(11, day=7)) == []  # the region is no longer new


def test_a_type_is_new_again_after_the_lookback() -> None:
    det = NoveltyDetector({}, NoveltyConfig(new_type_lookback=timedelta(days=30)))
    det.observe(ev(1, severity=3))
    assert det.observe(ev(2, day=20)) == []
    alerts = det.observe(ev(3, day=51))
    assert rules(alerts) == ["new_type"]
    assert alerts[0].evidence["last_seen"]["global"] == (T0 + timedelta(days=20)).isoformat()


def test_never_for_low_severity() -> None:
    det = NoveltyDetector({})
    assert det.observe(ev(1, severity=3)) == []
    det.observe(
        ev(2, day=1, where=("Stadium", "GB", None), type="protest", severity=1, magnitude={"people": 10})
    )
    out = det.assess(
        ev(
            3,
            day=2,
            where=("Stadium", "GB", None),
            type="protest",
            severity=1,
            magnitude={"people": 90_000},
            title="Record attendance at the final",
        )
    )
    assert out.alerts == [] and out.suppressed == ["low_severity"]


def test_record_needs_an_earlier_value_and_a_strict_beat() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, severity=3))  # the type is known here: only the record rule is in play
    assert det.observe(ev(1, day=1, magnitude={"drones": 50})) == []  # nothing earlier to beat
    assert det.observe(ev(2, day=2, magnitude={"drones": 50})) == []  # a tie is not a record
    alerts = det.observe(ev(3, day=3, magnitude={"drones": 51}))
    assert rules(alerts) == ["record"]
    assert alerts[0].evidence["value"] == 51
    assert alerts[0].evidence["previous"] == 50
    assert alerts[0].evidence["previous_at"] == (T0 + timedelta(days=1)).isoformat()
    assert "51" in alerts[0].text and "50" in alerts[0].text


def test_series_are_per_metric_type_and_affected_country() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, severity=3))
    det.observe(ev(9, where=("Minsk", "BY", None), severity=3))
    det.observe(ev(1, day=1, magnitude={"drones": 100}))
    assert det.observe(ev(2, day=2, where=("Minsk", "BY", None), magnitude={"drones": 5})) == []
    assert det.observe(ev(3, day=3, where=("Minsk", "BY", None), magnitude={"drones": 6}))  # BY's own series
    # The target actor's country decides the series, not where the launch was reported.
    assert det.observe(
        ev(
            4,
            day=4,
            where=("Minsk", "BY", None),
            magnitude={"drones": 101},
            actors=[{"name": "Ukraine", "role": "target", "country_code": "UA"}],
        )
    )


def test_record_lookback_limits_the_history() -> None:
    det = NoveltyDetector({}, NoveltyConfig(record_lookback=timedelta(days=10)))
    det.observe(ev(0, severity=3))
    det.observe(ev(1, day=1, magnitude={"killed": 90}))
    det.observe(ev(2, day=15, magnitude={"killed": 10}))
    alerts = det.observe(ev(3, day=16, magnitude={"killed": 20}))
    assert rules(alerts) == ["record"] and alerts[0].evidence["previous"] == 10


def test_a_story_does_not_beat_itself() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, severity=3))
    det.observe(ev(1, day=1, magnitude={"killed": 5}))
    det.observe(ev(2, day=2, story="quake", magnitude={"killed": 3}))
    assert rules(det.observe(ev(3, day=2.1, story="quake", magnitude={"killed": 4}))) == []


def test_claims_alert_on_their_own_above_the_threshold() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, severity=3))
    for n, phrase in enumerate(
        [
            "a record",
            "the largest",
            "the biggest",
            "the most since 2022",
            "the highest number",
            "an unprecedented",
        ],
        start=1,
    ):
        alerts = det.observe(ev(n, day=n * 3, sentences=[f"Officials called it {phrase} attack."]))
        assert rules(alerts) == ["record"], phrase
        assert alerts[0].evidence["trigger"] == "claim"
    assert det.observe(ev(20, day=40, sentences=["A recorded message was played."])) == []


def test_record_claim_configurable_phrases() -> None:
    det = NoveltyDetector({}, NoveltyConfig(claim_phrases=("all-time high",)))
    det.observe(ev(0, severity=3))
    assert det.observe(ev(1, day=1, sentences=["The largest attack."])) == []
    assert rules(det.observe(ev(2, day=2, sentences=["An all-time high count."]))) == ["record"]


def test_one_alert_per_story_and_rule_and_deterministic_ids() -> None:
    det = NoveltyDetector({})
    first = det.observe(ev(1, story="s"))
    assert [a.id for a in first] == [alert_id(stable_id("s", "s"), "new_type")]
    assert det.observe(ev(2, story="s", day=0.1)) == []
    assert det.observe(ev(3, story="s", day=0.2, severity=4)) == []


def test_escalation_raises_one_update_per_rise() -> None:
    det = NoveltyDetector({}, NoveltyConfig(escalation_min_increase=0.2))
    first = det.observe(ev(1, story="q", magnitude={"killed": 10}))
    assert det.observe(ev(2, story="q", day=0.1, magnitude={"killed": 11})) == []  # below +20 %
    update = det.observe(ev(3, story="q", day=0.2, magnitude={"killed": 12}))
    assert len(update) == 1 and update[0].update_of == first[0].id
    assert update[0].id == update_id(stable_id("s", "q"), "new_type", 1)
    assert update[0].evidence["previous"] == 10 and update[0].evidence["value"] == 12
    assert set(update[0].urls) >= {"https://news.example.test/3", "https://news.example.test/1"}
    assert det.observe(ev(4, story="q", day=0.3, magnitude={"killed": 12})) == []
    second = det.observe(ev(5, story="q", day=0.4, severity=5, magnitude={"killed": 12}))
    assert second[0].update_of == first[0].id and second[0].evidence["level"] == 2


def test_redelivery_returns_the_same_alerts() -> None:
    store: dict[str, Any] = {}
    det = NoveltyDetector(store)
    event = ev(1, magnitude={"killed": 3})
    first = det.observe(event, now=T0)
    again = NoveltyDetector(store).observe(event, now=T0 + timedelta(hours=1))
    assert [a.model_dump() for a in again] == [a.model_dump() for a in first]


def test_learn_only_history_is_learned_and_never_alerted() -> None:
    det = NoveltyDetector({})
    out = det.assess(ev(1, learn_only=True, magnitude={"killed": 50}))
    assert out.alerts == [] and out.suppressed == ["learning"]
    assert det.observe(ev(2, day=1)) == []  # the history made the place known
    assert rules(det.observe(ev(3, day=2, magnitude={"killed": 51}))) == ["record"]


def test_learning_period_by_date_and_by_warmup() -> None:
    det = NoveltyDetector({}, NoveltyConfig(learn_until=T0 + timedelta(days=5)))
    assert det.observe(ev(1, day=1)) == []
    assert rules(det.observe(ev(2, day=6, where=("Lviv", "UA", "Lviv Oblast")))) == ["new_type"]
    det = NoveltyDetector({}, NoveltyConfig(warmup=timedelta(days=3)))
    assert det.observe(ev(1, day=1)) == []
    assert det.observe(ev(2, day=3.9, where=("Sumy", "UA", "Sumy Oblast"))) == []
    assert rules(det.observe(ev(3, day=4.1, where=("Lviv", "UA", "Lviv Oblast")))) == ["new_type"]


def test_a_story_that_turns_serious_later_is_still_new() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, where=("Sumy", "UA", "Sumy Oblast"), severity=3))
    assert det.observe(ev(1, story="s", day=1, severity=3)) == []
    assert rules(det.observe(ev(2, story="s", day=1.1, severity=5))) == ["new_type"]


def test_no_series_without_a_country() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, where=("Somewhere", None, None), severity=3, magnitude={"killed": 1}))
    assert det.observe(ev(1, day=1, where=("Somewhere", None, None), magnitude={"killed": 9})) == []
