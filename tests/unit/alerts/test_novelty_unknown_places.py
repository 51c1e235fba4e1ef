"""A place the gazetteer does not know is read in the country of the family's recent reports that named it.

Case from the dev timeline plateau_massacres: "Zike death toll rises above 60 as village holds mass
burial" places the attack at "Bassa", which enrichment reads in no country; the report a day before, placed
in Nigeria, named "the Zike and Kimakpa communities in Bassa local government area of Plateau state". The
63 dead beat Bokkos's 52: Nigeria's record, not an event placed nowhere.
"""

from __future__ import annotations

from tests.support.novelty_events import ev, held, rules

from herald.alerts.novelty import NoveltyDetector

ATTACK = dict(type="attack_on_civilians", severity=5)
ZIKE_47 = (
    "More than 100 armed men attacked the Zike and Kimakpa communities in Bassa local government area of "
    "Plateau state in the early hours of Monday, killing 47 people and burning houses and churches."
)
ZIKE_63 = (
    "The toll from Monday's attack on Zike in Bassa has risen to 63, the Irigwe Development Association said."
)


def _plateau() -> NoveltyDetector:
    det = NoveltyDetector({})
    det.observe(ev(0, story="bokkos", where=("Bokkos", "NG", "Plateau"), magnitude={"killed": 52}, **ATTACK))
    det.observe(
        ev(
            1,
            day=10,
            story="zike",
            where=("Bokkos", "NG", "Plateau"),
            magnitude={"killed": 47},
            title="Gunmen kill 47 in new attack on Bassa villages in Plateau",
            sentences=[ZIKE_47],
            **ATTACK,
        )
    )
    return det


def test_an_unknown_place_named_by_a_report_in_a_country_is_read_there() -> None:
    det = _plateau()
    burial = ev(
        2,
        day=11,
        story="zike-burial",
        where=("Bassa", None, None),
        magnitude={"killed": 63},
        title="Zike death toll rises above 60 as village holds mass burial",
        sentences=[ZIKE_63],
        **ATTACK,
    )
    outcome = det.assess(burial)
    assert rules(outcome.alerts) == ["record"]
    assert outcome.alerts[0].evidence["series"].endswith("NG")


def test_a_place_named_by_another_familys_report_places_nothing() -> None:
    """Enga: a landslide's reports name Yambali; "four bodies recovered at Yambali as tribal fighting
    slows aid convoys", Yambali unresolved, is no clash placed in Papua New Guinea by them."""
    det = NoveltyDetector({})
    det.observe(
        ev(
            0,
            type="natural_disaster",
            where=("Enga", "PG", "Enga"),
            magnitude={"killed": 100},
            sentences=["Aid convoys stalled near Yambali after the landslide."],
        )
    )
    fighting = ev(1, day=1, type="armed_clash", where=("Yambali", None, None), magnitude={"killed": 4})
    assert ("new_type", "no_country") in held(det.assess(fighting))


def test_a_place_named_in_two_countries_reports_places_nothing() -> None:
    det = NoveltyDetector({})
    for n, country in enumerate(("NG", "NE")):
        det.observe(
            ev(
                n,
                day=n,
                where=("Capital", country, None),
                sentences=["Gunmen attacked villages near Bassa."],
                **ATTACK,
            )
        )
    raid = ev(5, day=2, where=("Bassa", None, None), magnitude={"killed": 12}, **ATTACK)
    assert ("new_type", "no_country") in held(det.assess(raid))


def test_a_place_that_spans_countries_is_not_read_in_one_of_them() -> None:
    """valencia_dana / storm_boris: "Storm Boris floods leave at least 15 dead across central Europe",
    placed at an unresolved "Europe" after Poland's reports of the floods in Europe, is no Polish event;
    nor is a report naming other countries placed in the one that named its place."""
    det = NoveltyDetector({})
    det.observe(
        ev(
            0,
            type="natural_disaster",
            where=("Klodzko", "PL", "Lower Silesia"),
            magnitude={"killed": 1},
            sentences=[
                "A man drowned in Klodzko, the first death in Poland from the floods sweeping central Europe."
            ],
        )
    )
    across = ev(
        1,
        day=1,
        type="natural_disaster",
        where=("Europe", None, None),
        magnitude={"killed": 15},
        title="Storm Boris floods leave at least 15 dead across central Europe",
    )
    assert ("new_type", "no_country") in held(det.assess(across))
    named = ev(
        2,
        day=1.1,
        type="natural_disaster",
        where=("Klodzko", None, None),
        magnitude={"killed": 4},
        title="Floods kill four in Klodzko and in the Czech Republic",
    )
    assert ("new_type", "no_country") in held(det.assess(named))
