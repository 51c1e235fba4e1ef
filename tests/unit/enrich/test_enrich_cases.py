"""Behaviour the quality numbers rest on, one case each, through the real model and gazetteer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from herald.core.records import Article, EnrichedArticle, stable_id
from herald.enrich.extract import Enricher
from herald.enrich.gazetteer import _rows, fold


def enrich(enricher: Enricher, title: str, summary: str = "") -> EnrichedArticle:
    now = datetime(2026, 11, 25, tzinfo=UTC)
    article = Article(
        id=stable_id("case", title), url="https://case.invalid/", source="case", title=title,
        summary=summary, published=now, fetched_at=now,
    )  # fmt: skip
    return enricher.enrich([article])[0]


def place(record: EnrichedArticle, text: str):  # type: ignore[no-untyped-def]
    return next(e for e in record.entities if e.text == text and e.geo is not None)


def test_every_curated_region_names_the_cities_inside_it(gaz) -> None:  # type: ignore[no-untyped-def]
    """A region whose admin1 code comes from its centre ("=") is that centre's admin1 name."""
    for row in _rows("regions.tsv"):
        centres = [c.place for c in gaz.lookup(fold(row["centre"])) if c.place.country_code == row["country"]]
        # (a small capital can fall outside a common name's top candidates: Augusta, Maine)
        if row["code"] != "-" and centres:
            assert any(c.admin1 == row["name"] for c in centres) or row["name"] == "Kyiv Oblast", row


def test_model_mislabels_become_places_with_geo(enricher: Enricher) -> None:
    r = enrich(enricher, "Kursk was hit by 12 drones", "Sumy came under fire as drones hit Kyiv overnight.")
    for name, cc in (("Kursk", "RU"), ("Sumy", "UA"), ("Kyiv", "UA")):
        e = place(r, name)
        assert e.label == "GPE" and e.geo.country_code == cc and e.geo.kind == "city"
    assert place(r, "Kyiv").geo.admin1 == "Kyiv"


def test_a_direction_word_between_the_preposition_and_the_town_keeps_the_cue(enricher: Enricher) -> None:
    """ "in central Kherson": the model's person reading loses to the place, as after a bare "in"."""
    r = enrich(
        enricher, "Shell hits home", "A shell struck their apartment building in central Kherson overnight."
    )
    e = place(r, "Kherson")
    assert e.label == "GPE" and e.geo.country_code == "UA"


def test_a_country_naming_a_war_does_not_make_a_town_a_far_namesake(enricher: Enricher) -> None:
    """ "demonstrators against the Iraq war marched in St. Paul": Iraq is the war's subject, not where
    anything happened, so Saint Paul is not dropped as a namesake far from Iraq."""
    r = enrich(
        enricher,
        "Protesters arrested outside convention",
        "Thousands of demonstrators, many against the Iraq war, marched outside the arena where the "
        "convention is meeting in St. Paul. Some broke windows.",
    )
    assert place(r, "St. Paul").geo.country_code == "US"


def test_a_participle_before_a_small_town_or_out_of_keeps_the_cue(enricher: Enricher) -> None:
    """ "from shelled Volnovakha", "brought out of Volnovakha": a town of 21,000 the model leaves
    untagged or calls an organisation is a place after a word of place, an adjective between."""
    r = enrich(
        enricher,
        "Police help evacuate 100 people from shelled Volnovakha",
        "About 800 civilians have been brought out of Volnovakha over three days, police said.",
    )
    assert [e.geo.country_code for e in r.entities if e.text == "Volnovakha" and e.geo] == ["UA", "UA"]


def test_saint_written_short_is_the_towns_own_name(enricher: Enricher) -> None:
    """ "St. Petersburg" is Russia's city of five million written short, not an alternate name that
    loses to the Florida namesake; ", Florida" still pins the namesake."""
    r = enrich(
        enricher, "Drones hit St. Petersburg overnight", "Air defences shot down drones over St. Petersburg."
    )
    assert place(r, "St. Petersburg").geo.country_code == "RU"
    r = enrich(
        enricher, "Storm floods streets", "Flooding closed roads in St. Petersburg, Florida, on Monday."
    )
    assert place(r, "St. Petersburg").geo.country_code == "US"
    r = enrich(
        enricher, "Tornado hits St. Louis", "A tornado tore through St. Louis on Friday, killing five."
    )
    assert place(r, "St. Louis").geo.country_code == "US"


def test_a_bare_region_name_running_into_a_longer_name_is_not_the_region(enricher: Enricher) -> None:
    """ "the Ain Baal area of south Lebanon": "Ain" opens a village's name, not the French department."""
    r = enrich(
        enricher,
        "Israeli strike kills commander in south Lebanon",
        "An Israeli air strike killed a local commander in the Ain Baal area of south Lebanon on Tuesday.",
    )
    assert not [e for e in r.entities if e.text == "Ain" and e.geo is not None]


def test_the_word_after_a_shared_region_name_says_whose_region_it_is(enricher: Enricher) -> None:
    """Benin has a Plateau department and Nigeria a Plateau state: "Plateau state" is Nigeria's even
    in a report naming no country. The word does not outvote a country the report names: Ghana's is
    the only "Eastern region" ISO calls a region, but Burkina Faso's Eastern region is not Ghana's."""
    wase = enrich(
        enricher,
        "Gunmen kill 40 villagers in Wase, Plateau state",
        "Armed men attacked farming villages in Wase local government area of Plateau state on Sunday.",
    )
    assert {e.geo.country_code for e in wase.entities if e.geo and e.text.startswith("Plateau")} == {"NG"}
    east = enrich(
        enricher,
        "Gunmen kill 30 civilians in a village raid",
        "Gunmen killed 30 civilians in a raid on a village in Burkina Faso's Eastern region on Wednesday.",
    )
    assert all(e.geo.country_code != "GH" for e in east.entities if e.geo is not None)


def test_a_small_town_read_only_by_a_foreign_alternate_name_stays_unresolved(enricher: Enricher) -> None:
    """Plateau state's Zike massacre: "Bassa" (a Nigerian district) is only an alternate name of
    Passau, and the model's "the bush" (a common noun) is not Egypt's Bush. Neither places the toll in
    a country the report never names. A big city's exonym still resolves alone ("Kharkov")."""
    zike = enrich(
        enricher,
        "Zike death toll rises above 60 as village holds mass burial",
        "The toll from Monday's attack on Zike in Bassa has risen to 63, the Irigwe Development "
        "Association said on Tuesday, as residents buried their dead in a mass grave and searched "
        "the bush for more bodies.",
    )
    assert [(e.text, e.geo.country_code) for e in zike.entities if e.geo is not None] == []
    kharkov = enrich(
        enricher, "Drones hit Kharkov overnight", "Drones hit Kharkov overnight, officials said."
    )
    assert place(kharkov, "Kharkov").geo.country_code == "UA"


def test_a_small_namesake_is_not_voted_over_a_city_ten_times_its_size(enricher: Enricher) -> None:
    """A small Indian Mirpur votes India, Russia is named as the attacker: neither makes Dhaka an Indian
    village nor Donetsk the Russian town of that name. A state after the name still pins the small one."""
    dhaka = enrich(
        enricher,
        "Warehouse fire in Dhaka's Mirpur kills 11",
        "At least 11 people died when a fire broke out at a textile warehouse in Dhaka's Mirpur "
        "district on Sunday, the fire service said.",
    )
    assert place(dhaka, "Dhaka").geo.country_code == "BD"
    donetsk = enrich(
        enricher,
        "Russia says it took a village outside Donetsk",
        "Russia's defence ministry said its forces had taken a hamlet about 20 km north of "
        "Russian-held Donetsk city, a claim Kyiv did not confirm.",
    )
    assert place(donetsk, "Donetsk").geo.country_code == "UA"
    paris = enrich(enricher, "Storm damages homes in Paris, Texas")
    assert place(paris, "Paris").geo.country_code == "US"


def test_a_direction_word_opening_a_name_leaves_the_place_it_is_part_of(enricher: Enricher) -> None:
    r = enrich(
        enricher,
        "Wildfire forces evacuations",
        "Thousands of residents in Southern Oregon were told to leave their homes on Friday as the fire "
        "spread.",
    )
    oregon = place(r, "Oregon")
    assert (oregon.geo.country_code, oregon.geo.kind) == ("US", "region")


def test_region_span_and_ambiguity_by_context(enricher: Enricher) -> None:
    r = enrich(enricher, "Tornado in Paris, Texas", "Shelling hit the Donetsk region.")
    assert place(r, "Paris").geo.country_code == "US" and place(r, "Paris").geo.admin1 == "Texas"
    region = place(r, "Donetsk region")
    assert region.geo.kind == "region" and region.geo.admin1_code == "UA.05"


def test_demonyms_are_countries_and_actors(enricher: Enricher) -> None:
    r = enrich(enricher, "Russian forces attacked Ukraine overnight, the Kremlin said.")
    norp = next(e for e in r.entities if e.label == "NORP")
    assert norp.country_code == "RU"
    actors = {(a.country_code, a.role) for a in r.sentences[0].actors}
    assert ("RU", "actor") in actors and ("UA", "actor") in actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia launched 472 drones and seven missiles.",
            {(472, "drones", "exact"), (7, "missiles", "exact")},
        ),
        ("More than 60 people were wounded.", {(60, "wounded", "more_than")}),
        ("Tens of thousands of protesters marched.", {(20000, "protesters", "at_least")}),
        ("The strike killed at least 12 civilians.", {(12, "killed", "at_least")}),
        ("A dozen aircraft took off.", {(12, "aircraft", "exact")}),
        ("Russia launched 87 unmanned aircraft overnight.", {(87, "drones", "exact")}),
        ("The rights campaigner was arrested on 14 March at a sit-in.", set()),
        ("The company lost $5 million in 2024 over three days.", set()),
        ("A magnitude 6.4 earthquake struck.", {(6.4, "magnitude", "exact")}),
    ],
)
def test_counts(enricher: Enricher, text: str, expected: set[tuple[float, str, str]]) -> None:
    r = enrich(enricher, text)
    assert {(q.value, q.unit, q.qualifier) for q in r.quantities} == expected


def test_range_keeps_both_bounds_and_its_sentence(enricher: Enricher) -> None:
    r = enrich(enricher, "Floods hit Valencia", "Between 20 and 30 people are missing. Rescuers searched.")
    (q,) = r.quantities
    assert (q.value, q.value_max, q.unit, q.qualifier, q.sentence) == (20, 30, "missing", "at_least", 1)
    assert q.sentence_text.startswith("Between 20 and 30")


def test_full_article_is_processed_to_the_end(enricher: Enricher) -> None:
    body = (
        " ".join(["Officials met in the capital to discuss the budget."] * 200)
        + " Later, 45 people were arrested."
    )
    now = datetime(2026, 11, 25, tzinfo=UTC)
    article = Article(
        id=stable_id("long"), url="https://case.invalid/", source="case", title="Long",
        summary="short summary", content=body, published=now, fetched_at=now,
    )  # fmt: skip
    (r,) = enricher.enrich([article])
    assert [(q.value, q.unit) for q in r.quantities] == [(45, "arrested")]


def test_a_lone_name_several_small_towns_share_beside_unknown_quarters_stays_unresolved(
    enricher: Enricher,
) -> None:
    """bd_quota_protests: a city's report naming only its own neighbourhoods ("the broadcaster's offices
    in Rampura as fighting spread from Uttara to Jatrabari") placed the day's toll in one of the four
    Indian towns called Rampura, and paged India's first riot. The gazetteer knows none of the
    neighbourhoods; the one name it does know is a guess among namesakes, so it places nothing."""
    r = enrich(
        enricher,
        "Deadliest day of protests leaves at least 25 dead",
        "Protesters set fire to the state broadcaster's offices in Rampura as battles spread from Uttara "
        "to Jatrabari.",
    )
    assert not [e for e in r.entities if e.text == "Rampura" and e.geo is not None]


def test_a_name_only_one_town_bears_still_resolves_beside_unknown_places(enricher: Enricher) -> None:
    r = enrich(
        enricher,
        "Landslide buries homes near Butwal",
        "Rescuers recovered nine bodies after a landslide hit wards of Satyawati and Lumke overnight.",
    )
    assert place(r, "Butwal").geo.country_code == "NP"


def test_a_raid_in_a_nigerian_local_government_area_is_placed_in_nigeria(enricher: Enricher) -> None:
    """The LGA is the only place a bandit-raid report names; its namesake abroad must not win."""
    r = enrich(
        enricher,
        "Gunmen kill four in Munya villages",
        "Gunmen raided three villages of Munya local government area overnight, killing four, the council "
        "chairman said.",
    )
    assert place(r, "Munya").geo.country_code == "NG"
