"""A country's first deadly event alerts below the usual severity, and its toll's rise updates it.

Cases from the dev timelines: Hurricane Beryl's one dead on Grenada and on Bequia, a woman killed in
Hanover (Jamaica) and Jamaica's toll rising to four, all severity 3 (hurricane_beryl); a Bangkok tower
collapsing as the quake centred in Myanmar shook Thailand, three dead (myanmar_quake).
"""

from __future__ import annotations

from tests.support.novelty_events import at_country, ev, held, rules

from herald.alerts.novelty import NoveltyDetector

STORM = dict(type="natural_disaster", severity=3)


def test_a_countrys_first_deadly_disaster_alerts_at_severity_3() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, where=("Monterrey", "MX", "Nuevo Leon"), magnitude={"killed": 4}, **STORM))
    grenada = at_country(ev(1, day=11, story="gd", magnitude={"killed": 1}, **STORM), "Grenada", "GD")
    assert rules(det.observe(grenada)) == ["new_type"]


def test_without_a_death_severity_3_stays_below_the_threshold() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, where=("Monterrey", "MX", "Nuevo Leon"), magnitude={"killed": 4}, **STORM))
    grenada = at_country(ev(1, day=11, story="gd", magnitude={"wounded": 2}, **STORM), "Grenada", "GD")
    outcome = det.assess(grenada)
    assert rules(outcome.alerts) == [] and ("new_type", "low_severity") in held(outcome)


def test_a_deadly_region_first_at_severity_3_is_not_news() -> None:
    # Mexico saw the type: a new state with one dead at severity 3 stays below the threshold.
    det = NoveltyDetector({})
    det.observe(ev(0, where=("Monterrey", "MX", "Nuevo Leon"), magnitude={"killed": 4}, **STORM))
    tulum = ev(
        1, day=15, story="tulum", where=("Tulum", "MX", "Quintana Roo"), magnitude={"killed": 1}, **STORM
    )
    assert rules(det.observe(tulum)) == []


def test_the_toll_rising_in_that_country_updates_its_first() -> None:
    det = NoveltyDetector({})
    det.observe(ev(0, where=("Monterrey", "MX", "Nuevo Leon"), magnitude={"killed": 4}, **STORM))
    hanover = ev(1, day=13, story="jm", where=("Hanover", "JM", "Hanover"), magnitude={"killed": 1}, **STORM)
    assert rules(det.observe(hanover)) == ["new_type"]
    four = at_country(ev(2, day=14, story="jm", magnitude={"killed": 4}, **STORM), "Jamaica", "JM")
    updates = det.observe(four)
    assert [a.update_of is not None for a in updates] == [True]


def test_a_quake_felt_abroad_is_no_first_there() -> None:
    det = NoveltyDetector({})
    quake = dict(type="natural_disaster", severity=5)
    det.observe(ev(0, where=("Mandalay", "MM", "Mandalay"), magnitude={"killed": 20}, **quake))
    bangkok = ev(
        1,
        day=0.1,
        story="bangkok",
        where=("Bangkok", "TH", "Bangkok"),
        sentences=[
            "BANGKOK - A tower under construction collapsed on Friday as the earthquake centred in Myanmar "
            "shook the Thai capital, killing three workers."
        ],
        magnitude={"killed": 3},
        **STORM,
    )
    outcome = det.assess(bangkok)
    assert rules(outcome.alerts) == [] and ("any", "retelling") in held(outcome)


def test_a_reports_evacuation_read_first_does_not_make_its_flood_seen() -> None:
    """ "Storm Daniel floods Volos, one man killed", read as an evacuation (severity 2) and a flood: the
    evacuation, assessed first, marks Greece seen for the family; the flood is Greece's first all the
    same, as it was before the report."""
    det = NoveltyDetector({})
    det.observe(ev(0, where=("Ljubljana", "SI", "Ljubljana"), magnitude={"killed": 6}, **STORM))
    evacuation = ev(
        1, day=11, story="volos-evac", where=("Volos", "GR", "Thessaly"), type="evacuation", severity=2
    )
    flood = ev(2, day=11, story="volos", where=("Volos", "GR", "Thessaly"), magnitude={"killed": 1}, **STORM)
    flood = flood.model_copy(update={"article_id": evacuation.article_id})
    assert rules(det.observe(evacuation)) == []
    assert rules(det.observe(flood)) == ["new_type"]
    # A later report is no longer the same report: Greece is seen now.
    later = ev(
        3, day=12, story="larissa", where=("Larissa", "GR", "Thessaly"), magnitude={"killed": 2}, **STORM
    )
    assert rules(det.observe(later)) == []


def test_a_countrys_first_flood_death_after_its_evacuations_alerts() -> None:
    """storm_boris: thousands evacuated in Opava (severity 3, no death) made the Czech Republic "seen", so
    "the first confirmed death from the floods in the Czech Republic" two days on raised nothing. A
    sighting that could page no desk does not make a deadly event's country seen; a deadly one does."""
    det = NoveltyDetector({})
    det.observe(ev(0, where=("Monterrey", "MX", "Nuevo Leon"), magnitude={"killed": 4}, **STORM))
    opava = ev(1, day=40, story="opava", where=("Opava", "CZ", "Moravia-Silesia"), **STORM)
    assert rules(det.observe(opava.model_copy(update={"magnitude": {"evacuated": 2000}}))) == []
    death = ev(
        2,
        day=42,
        story="bruntal",
        where=("Bruntal", "CZ", "Moravia-Silesia"),
        magnitude={"killed": 1},
        **STORM,
    )
    assert rules(det.observe(death)) == ["new_type"]
    # A country that saw a death of the family within the lookback has seen it.
    again = ev(
        3, day=43, story="jesenik", where=("Jesenik", "CZ", "Olomouc"), magnitude={"killed": 1}, **STORM
    )
    assert rules(det.observe(again)) == []
