"""A border war's report placed in one country but part of a story alerted in the other is that story's,
not an event of the country it was placed in.

Case from the dev timeline af_pk_border: the first night alerted in Pakistan ("12 Pakistani soldiers
killed"); Beirut's retelling ("Dozens dead as Afghan and Pakistani forces trade fire across the border")
was placed in Afghanistan and joined that story, and Rawalpindi's "troops killed more than 200
attackers and briefly seized 21 Afghan positions" was read, in the same report as an alerted clash, as a
territory change in Afghanistan. Three days later Pakistani fire killed 12 civilians in Spin Boldak:
Afghanistan's first deadly clash in months, held as routine because those parts made the type seen on
another day and set a high of 200 that 12 did not beat. Then the Global Desk's "Fifteen civilians dead in
Spin Boldak", placed nowhere (the gazetteer does not know Spin Boldak), is that story's update: Kabul's
headline names the place.
"""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector
from herald.core.records import Event

CLASH = dict(type="armed_clash", severity=4)


def _first_night() -> NoveltyDetector:
    det = NoveltyDetector({})
    det.observe(
        ev(
            0,
            story="night",
            where=("Kurram", "PK", "Khyber Pakhtunkhwa"),
            magnitude={"killed": 12},
            title="Afghan forces hit Pakistani border posts; 12 Pakistani soldiers killed",
            **CLASH,
        )
    )
    return det


def _spin_boldak() -> object:
    return ev(
        9,
        day=3,
        story="spin-boldak",
        where=("Spin Boldak", "AF", "Kandahar"),
        magnitude={"killed": 12},
        title="Pakistani fire kills 12 civilians in Spin Boldak, Taliban say",
        **CLASH,
    )


def _beirut_retelling(n: int) -> Event:
    """Beirut's retelling of the first night, placed in Afghanistan, though its story alerted in Pakistan."""
    return ev(
        n,
        day=0.5,
        story="night",
        where=("Afghanistan", "AF", None),
        magnitude={"killed": 24},
        title="Dozens dead as Afghan and Pakistani forces trade fire across the border",
        **CLASH,
    )


def test_a_retelling_from_abroad_placed_in_the_other_country_does_not_make_its_type_routine_there() -> None:
    det = _first_night()
    det.observe(_beirut_retelling(1))
    outcome = det.assess(_spin_boldak())
    assert rules(outcome.alerts) == ["new_type"]
    assert ("new_type", "routine_in_country") not in held(outcome)


def test_the_attackers_count_in_the_alerted_report_sets_no_high_in_the_other_country() -> None:
    det = _first_night()
    report = ev(
        2,
        day=0.3,
        story="night",
        where=("Kurram", "PK", "Khyber Pakhtunkhwa"),
        magnitude={"killed": 23},
        title="Army says 23 soldiers killed, more than 200 Afghan Taliban fighters dead in border clashes",
        **CLASH,
    )
    det.observe(report)
    seized = ev(
        3,
        day=0.3,
        story="positions",
        type="territory_change",
        severity=5,
        where=("Afghanistan", "AF", None),
        magnitude={"killed": 200},
        title=report.title,
    ).model_copy(update={"article_id": report.article_id})
    det.observe(seized)
    det.observe(_beirut_retelling(4))
    outcome = det.assess(_spin_boldak())
    assert rules(outcome.alerts) == ["new_type"]


def test_a_report_at_a_place_the_gazetteer_does_not_know_updates_the_story_whose_headline_names_it() -> None:
    # Kabul's report was placed by its body's province (Kandahar); the Global Desk's later one names only
    # Spin Boldak, which the gazetteer does not know, so it is placed in no country.
    det = NoveltyDetector({})
    first = det.observe(
        ev(
            0,
            story="kabul",
            where=("Kandahar", "AF", "Kandahar"),
            magnitude={"killed": 12},
            title="Pakistani fire kills 12 civilians in Spin Boldak, Taliban say",
            **CLASH,
        )
    )
    assert rules(first) == ["new_type"]
    later = det.observe(
        ev(
            1,
            day=0.3,
            story="global-desk",
            where=("Spin Boldak", None, None),
            magnitude={"killed": 15},
            title="Fifteen civilians dead in Spin Boldak as border fighting resumes",
            **CLASH,
        )
    )
    assert [a.update_of for a in later] == [first[0].id]
