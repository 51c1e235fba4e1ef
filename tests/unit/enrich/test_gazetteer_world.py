"""The gazetteer knows the world's first-level regions, seas and ranges, and not armed groups.

Regions come from the complete ISO 3166-2 table, so a region a report names resolves whether or not
anyone curated a row for it: each case is a region named in a real report (Herat province in the
Afghan quakes, Niger State and Borno in Nigeria, Tillaberi in Niger, Irkutsk in the Siberia strikes,
Enga in Papua New Guinea's landslide). The data, not the model: no spaCy here.
"""

from __future__ import annotations

from typing import Any

import pytest

from herald.enrich import gazetteer


@pytest.fixture(scope="module")
def gaz() -> Any:
    return gazetteer.shared()


@pytest.mark.parametrize(
    ("base", "country"),
    [
        ("herat", "AF"),
        ("niger", "NG"),
        ("borno", "NG"),
        ("yobe", "NG"),
        ("tillaberi", "NE"),
        ("irkutsk", "RU"),
        ("khabarovsk", "RU"),
        ("enga", "PG"),
        ("ishikawa", "JP"),
        ("gyeonggi", "KR"),
        ("anhui", "CN"),
        ("chiapas", "MX"),
        ("antioquia", "CO"),
        ("kerala", "IN"),
        ("copperbelt", "ZM"),
        ("bavaria", "DE"),
    ],
)
def test_a_region_news_names_resolves_to_its_country(gaz: Any, base: str, country: str) -> None:
    regions = gaz.region(base)
    assert country in {r.country_code for r in regions}, [(r.name, r.country_code) for r in regions]
    assert all(r.kind == "region" for r in regions)


@pytest.mark.parametrize("name", ["jajarkot", "bajhang", "doti", "rukum west"])
def test_a_district_named_after_no_town_resolves_on_its_own_and_as_a_district(gaz: Any, name: str) -> None:
    """A hill district whose seat has another name: "a quake in Bajhang district of western Nepal" and a
    dateline that names the district alone both place the report in Nepal."""
    assert {c.place.country_code for c in gaz.lookup(name)} == {"NP"}
    assert {r.country_code for r in gaz.region(name)} == {"NP"}


@pytest.mark.parametrize("name", ["maradun", "munya", "shiroro", "zurmi"])
def test_a_nigerian_local_government_area_resolves_to_nigeria(gaz: Any, name: str) -> None:
    """Banditry in Zamfara and Niger State is reported LGA by LGA ("a raid in Munya local government
    area"); the LGA is Nigerian even where a namesake elsewhere is a town (Munya is also a spelling of
    Myanmar's Monywa)."""
    assert "NG" in {r.country_code for r in gaz.region(name)}
    assert any(c.place.country_code == "NG" and c.place.kind == "region" for c in gaz.lookup(name))


def test_adjective_forms_read_as_english_region_names(gaz: Any) -> None:
    [irkutsk] = gaz.region("irkutsk")
    assert irkutsk.name == "Irkutsk region" and irkutsk.admin1_code == "RU.20"
    # "Amurskaya" is not named after Amursk, a town of another region: no borrowed region code.
    assert all(r.admin1_code != "RU.30" for r in gaz.region("amur"))


@pytest.mark.parametrize("name", ["pacific", "pacific ocean", "red sea", "black sea", "himalayas", "everest"])
def test_open_seas_and_shared_ranges_have_no_country_and_no_namesake_town(gaz: Any, name: str) -> None:
    [candidate] = gaz.lookup(name)
    assert candidate.place.kind in ("sea", "other") and candidate.place.country_code == ""


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("crete", "GR"),
        ("noto peninsula", "JP"),
        ("siberia", "RU"),
        ("flores", "ID"),
        ("lombok", "ID"),
        ("panay", "PH"),
    ],
)
def test_features_in_one_country_carry_it(gaz: Any, name: str, country: str) -> None:
    [candidate] = gaz.lookup(name)
    assert candidate.place.kind == "other" and candidate.place.country_code == country


@pytest.mark.parametrize("name", ["hamas", "hezbollah", "houthis", "taliban"])
def test_armed_groups_are_never_places(gaz: Any, name: str) -> None:
    assert gaz.lookup(name) == ()


@pytest.mark.parametrize(("name", "country"), [("hanover", "DE"), ("paris", "FR"), ("blantyre", "MW")])
def test_many_namesakes_in_one_country_leave_room_for_another_country(
    gaz: Any, name: str, country: str
) -> None:
    readings = gaz.lookup(name)
    assert country in {c.place.country_code for c in readings}, [
        (c.place.name, c.place.country_code) for c in readings
    ]


@pytest.mark.parametrize("name", ["St Vincent", "St Vincent and the Grenadines"])
def test_the_short_english_name_of_saint_vincent_is_the_country(gaz: Any, name: str) -> None:
    # "Hurricane Beryl swept over St Vincent and the Grenadines": spaCy keeps only "St Vincent".
    assert [c.place.country_code for c in gaz.names.get(gazetteer.fold(name), [])][:1] == ["VC"]


def test_telangana_is_marked_at_hyderabad_and_names_its_towns(gaz: Any) -> None:
    """sigachi_blast: ISO's Telangana is named after no city, so it was marked at New Delhi and its
    towns (Patancheru, where a blast victim died a week on) carried no region."""
    [telangana] = [c.place for c in gaz.lookup("telangana")]
    assert telangana.country_code == "IN" and abs(telangana.lat - 17.4) < 0.5
    assert gaz.lookup("patancheru")[0].place.admin1 == "Telangana"


@pytest.mark.parametrize(
    "name",
    [
        "asia",
        "africa",
        "europe",
        "middle east",
        "latin america",
        "the gulf",
        "gulf",
        "sahel",
        "balkans",
        "caucasus",
    ],
)
def test_continents_and_world_regions_are_no_namesake_town(gaz: Any, name: str) -> None:
    """ "Thailand reports Asia's first case of the new mpox strain": Asia is a continent, not the town
    of Asia in Iloilo; nor is Africa Mahdia in Tunisia (an old name), nor the Gulf a Papuan province."""
    [candidate] = gaz.lookup(name)
    assert candidate.place.kind == "other" and candidate.place.country_code == ""


def test_a_countrys_adjective_is_a_demonym(gaz: Any) -> None:
    """ "provisional Philippine government figures showed": the adjective names the country."""
    assert gaz.demonyms["Philippine"] == "PH"
    assert gaz.demonyms["Gabonese"] == "GA"


def test_a_demonyms_plural_that_is_a_country_stays_the_country(gaz: Any) -> None:
    """ "In the Philippines, where it displaced 1.4 million people": "Philippine" + s is the country's
    name, a place, not a people like "the Afghans"."""
    assert "Philippines" not in gaz.demonyms
    assert gaz.demonyms["Afghans"] == "AF"
