"""Round 28's numbers and places pass on dev_news28 (tests/data/reporting/dev_news28.yaml): wording
it read wrongly, each in sentences of our own, through the real enrichment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import read_events

from herald.classify.magnitude import read_text
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def units(sentence: str) -> dict[str, float]:
    """Each unit one sentence counts, with the figure it reads (the last, where several)."""
    return {r.unit: r.value for r in read_text(sentence, 1)}


def country(found: dict, code: str) -> str | None:
    place = found[code].location
    return None if place is None else place.country_code


def test_a_yemeni_governorate_named_as_a_province_places_a_coalition_strike_in_yemen(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Coalition jets hit fuel station in Lahj",
        "A Saudi-led coalition air strike hit a fuel station in Lahj province on Tuesday, killing "
        "six people, medics said.",
    )
    assert country(found, "air_drone_strike") == "YE"


def test_bc_after_a_hamlet_places_a_landslide_in_canada(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Mudslide buries homes in mountain hamlet",
        "A mudslide buried several homes in a small lakeside hamlet in the interior of B.C. on "
        "Wednesday, and two residents are missing, the regional district said.",
    )
    assert country(found, "natural_disaster") == "CA"


def test_poonch_district_is_in_india(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Two soldiers killed in gunfight with militants",
        "Two soldiers were killed on Sunday in a gunfight with militants in the Mendhar area of "
        "Poonch district, officials said.",
    )
    assert country(found, "armed_clash") == "IN"


def test_a_quake_months_earlier_does_not_lend_its_toll_to_todays_tremor(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Moderate quake rattles central Chile",
        "A magnitude 5.8 earthquake rattled central Chile on Thursday, months after a quake killed "
        "at least 80 people in the same region. There were no reports of damage.",
    )
    assert found["natural_disaster"].magnitude == {"magnitude": 5.8}


def test_a_units_name_ending_in_a_number_is_no_count_of_the_arrested(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Police anti-terror squad detains seven suspects",
        "Indonesia's anti-terror police unit Densus 88 has arrested seven suspected militants in "
        "East Java, a police spokesman said on Monday.",
    )
    assert found["arrest"].magnitude == {"arrested": 7}


def test_a_city_where_a_foreign_agency_measured_the_quake_is_not_its_epicentre(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Strong quake kills nine in western China",
        "A strong earthquake struck China's Qinghai province on Sunday, killing nine people. The "
        "Chinese earthquake service put the magnitude at 6.1, while the GeoForschungsZentrum in "
        "Potsdam measured 5.8.",
    )
    assert country(found, "natural_disaster") == "CN"


def test_a_breach_that_exposes_millions_of_voters_affects_them(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Data breach at national election commission exposes 12 million voters",
        "Hackers breached the database of the national election commission in a cyberattack and "
        "posted the personal details of registered voters online, the commission said on Friday.",
    )
    assert found["cyberattack"].magnitude == {"affected": 12000000}


def test_a_country_whose_role_in_the_talks_is_disputed_is_no_venue(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Sudan's warring sides agree truce at talks in Nairobi",
        "NAIROBI - Sudan's army and the paramilitary forces agreed on Monday to a week-long truce after "
        "talks mediated by the African Union. The paramilitaries had objected to Egypt's role in the "
        "mediation.",
    )
    assert country(found, "peace_talks") == "KE"


def test_people_believed_trapped_after_a_slide_are_missing(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Rescuers dig through mud after slide hits mountain village",
        "Rescuers dug through mud on Saturday for three people believed trapped in their homes after a "
        "landslide hit a mountain village in northern Italy, officials said.",
    )
    assert found["natural_disaster"].magnitude.get("missing") == 3


def test_the_number_of_a_speaker_is_no_count_of_the_missing() -> None:
    """ "One witness said ...": the one is who speaks; the people still missing are not counted."""
    assert "missing" not in units("One witness said people were still missing under the stalls.")
    assert units("Two fishermen were still missing after the storm.") == {"missing": 2}


def test_one_person_named_after_a_count_joins_it(enrich: Enrich) -> None:
    """ "killed five policemen and the village elder they escorted": six dead; "four farmers and a
    child were wounded": five wounded, the one not counted twice."""
    killed = read_events(
        enrich,
        "Roadside bomb kills police in Kandahar",
        "A roadside bomb in Kandahar killed five policemen and the village elder they were escorting, "
        "officials said.",
    )
    assert killed["infrastructure_attack"].magnitude["killed"] == 6
    wounded = read_events(
        enrich,
        "Gunmen attack village in Zamfara",
        "Gunmen attacked a village in Zamfara state on Monday. Four farmers and a child were wounded, "
        "police said.",
    )
    assert wounded["attack_on_civilians"].magnitude["wounded"] == 5


def test_one_person_with_a_verb_of_their_own_is_not_in_the_count_before() -> None:
    assert units("The blast killed six soldiers and a civilian was wounded.").get("killed") != 7


def test_a_village_taken_back_without_its_name_is_one_settlement() -> None:
    """ "troops have taken back a village near the front": one place taken, named or not."""
    assert units("Government troops have taken back a village near the border.") == {"settlements": 1}
    assert units("Troops took control of five villages, among them a river town.") == {"settlements": 5}


def test_people_living_in_an_area_cleared_are_its_evacuees() -> None:
    """ "evacuated a district home to 4,000 people": the people who live there were moved; the same
    words without an evacuation count no one."""
    assert units("Firefighters evacuated a district nearby home to 4,000 people as a precaution.") == {
        "evacuated": 4000
    }
    assert "evacuated" not in units("The smoke drifted over a district home to 4,000 people.")
