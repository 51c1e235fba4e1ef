"""A toll rising by less than the update floor (issue 16, round 25): the event escalating when the body
that gave the alerted count gives a higher one and the report says the toll rose ("Death toll from
Palisades and Eaton fires rises to 25 ... the medical examiner said", after the examiner's 24); the count
settling when another body's or another outlet's figure is a little higher ("Iran port explosion toll
rises to 46", the crisis department's, after the governor's 40), or when the same body's count is retold
as "at least 32" with no rise in the words."""

from __future__ import annotations

from dataclasses import replace

from tests.support.novelty_events import ev, held

from herald.alerts.novelty import NoveltyConfig, NoveltyDetector
from herald.alerts.novelty_authorities import authorities_cited

FIRE = dict(type="natural_disaster", severity=4)
ALTADENA = ("Altadena", "US", "California")


def _alerted(config: NoveltyConfig | None = None, *, attributions: list[str]) -> NoveltyDetector:
    det = NoveltyDetector({}, config)
    first = det.observe(
        ev(
            1,
            story="fires",
            where=ALTADENA,
            magnitude={"killed": 24},
            title="LA fires' toll reaches 24 as winds return",
            sentences=["Twenty-four people are confirmed dead, the medical examiner said."],
            attributions=attributions,
            **FIRE,
        )
    )
    assert first
    return det


def _later(n: int, *, killed: float, title: str, attributions: list[str], day: float = 1.8) -> object:
    return ev(
        n,
        day=day,
        story="fires",
        where=ALTADENA,
        magnitude={"killed": killed},
        title=title,
        attributions=attributions,
        **FIRE,
    )


def test_the_body_that_gave_the_alerted_count_raising_it_a_little_is_an_update() -> None:
    det = _alerted(attributions=["the medical examiner said"])
    outcome = det.assess(
        _later(
            2,
            killed=25,
            title="Death toll from Palisades and Eaton fires rises to 25",
            attributions=["A 25th victim has been confirmed, the medical examiner said"],
        )
    )
    [update] = outcome.alerts
    rise = update.evidence["escalation"]["magnitude"]["killed"]
    assert (rise["previous"], rise["value"], rise["authority"]) == (24, 25, "medical_examiner")


def test_another_body_s_slightly_higher_count_is_the_count_settling() -> None:
    det = _alerted(attributions=["Hormozgan governor Mohammad Ashouri told state television"])
    outcome = det.assess(
        _later(
            2,
            killed=27,
            title="Port explosion toll rises to 27",
            attributions=["the head of Hormozgan's crisis management department said on Monday"],
        )
    )
    assert outcome.alerts == []
    assert ("update", "below_floor") in held(outcome)


def test_the_same_body_s_count_retold_without_a_rise_is_no_update() -> None:
    det = _alerted(attributions=["The civil protection agency said on Monday"])
    outcome = det.assess(
        _later(
            2,
            killed=27,
            day=0.3,
            title="Wildfires kill at least 27, officials say",
            attributions=["a civil protection spokeswoman said"],
        )
    )
    assert outcome.alerts == []


def test_a_floor_of_its_own_at_the_update_floor_switches_the_rule_off() -> None:
    config = replace(NoveltyConfig(), escalation_same_authority_min_increase=0.2)
    det = _alerted(config, attributions=["the medical examiner said"])
    outcome = det.assess(
        _later(
            2,
            killed=25,
            title="Death toll from Palisades and Eaton fires rises to 25",
            attributions=["the medical examiner said"],
        )
    )
    assert outcome.alerts == []


def test_vague_speakers_and_bodies_named_as_actors_cite_no_one() -> None:
    named = ev(
        1,
        title="Tai Po fire toll rises to 146",
        sentences=["Police searching the burned-out towers found more bodies, taking the toll to 146."],
        attributions=["officials said", "Authorities confirmed"],
    )
    assert authorities_cited(named) == frozenset()
    minister = ev(2, title="Toll put at 70", attributions=["Energy Minister Yildiz said"])
    assert authorities_cited(minister) == {"minister:energy"}
    unnamed = ev(3, title="Toll put at 70", attributions=["the ministry said"])
    assert authorities_cited(unnamed) == frozenset()


def test_a_body_behind_an_earlier_alert_of_the_story_counts_too() -> None:
    """Soma: the energy minister's 274 paged, then "officials" 282, then "bringing the number of dead at
    Soma to 301, Energy Minister Yildiz said": the minister raising the count the desk was paged with."""
    det = _alerted(attributions=["Energy Minister Yildiz said on Wednesday evening"])
    det.observe(
        _later(
            2, killed=30, title="Toll rises to 30 as protests spread", attributions=["officials said"], day=1
        )
    )
    said = "The last two missing were found, bringing the number of dead to 33, Energy Minister Yildiz said"
    outcome = det.assess(
        ev(
            3,
            day=3,
            story="fires",
            where=ALTADENA,
            magnitude={"killed": 33},
            title="Last bodies recovered; final toll 33",
            sentences=[said],
            attributions=["Energy Minister Yildiz said"],
            **FIRE,
        )
    )
    [update] = outcome.alerts
    assert update.evidence["escalation"]["magnitude"]["killed"]["authority"] == "minister:energy"
