"""Claims of a record or a first, about the event the article reports (data/claims.yaml)."""

from __future__ import annotations

import pytest

from herald.classify.claims import extract


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("Russia fires record 472 drones at Ukraine in largest attack of the war", ["record"]),
        ("Russia launched 472 drones, the most since the full-scale invasion began.", ["record"]),
        ("The barrage surpassed the previous record of 400 drones.", ["record"]),
        ("Drones hit an air base in Siberia in the first attack of its kind, officials said.", ["first"]),
        ("A drone struck a site near Uzhhorod, the first attack on Zakarpattia region.", ["first"]),
        ("Shells hit the town for the first time since 1945.", ["first"]),
        ("It is the first time a NATO member has fired on Russian aircraft since the invasion.", ["first"]),
        (
            "Poland shoots down Russian drones in its airspace, a first for a NATO member in the war",
            ["first"],
        ),
        ("Mexico confirms its first human case of H5N1 bird flu, a girl of three", ["first"]),
        ("A girl in northern Mexico is critically ill, the country's first human infection.", ["first"]),
        # la_wildfires: the most destructive in a city's history
        ("Two dead in Eaton fire; Palisades blaze the most destructive in Los Angeles history", ["record"]),
        (
            "The Palisades fire has burned more than 1,000 structures, making it the most destructive "
            "wildfire the city of Los Angeles has ever seen, officials said.",
            ["record"],
        ),
        # marburg_rwanda: a virus found in a country for the first time
        (
            "The health ministry confirmed Marburg virus disease in patients at several health facilities, "
            "the first time the virus has been found in Rwanda, and began tracing their contacts.",
            ["first"],
        ),
        # a first attack told as "the first time <attacker> has attacked <target>"
        (
            "Rockets were fired at the port overnight, the first time the rebel army has directly "
            "attacked the coast from its own side of the border, officials said.",
            ["first"],
        ),
        # mpox_clade1b: a first case told without "its"
        ("Sweden confirms first clade I mpox case, the first outside Africa", ["first"]),
        ("Tests confirm the clade 1b strain, the first such case diagnosed in Thailand.", ["first"]),
        ("Thailand confirms clade 1b mpox, the first case in Asia", ["first"]),
        ("The first case was reported to the ministry on Monday.", []),
        # About another event, or not a claim at all.
        ("Drones hit Kyiv again a night after the record attack of 472 drones.", []),
        ("The strike came a week after the largest attack of the war.", []),
        ("First responders reached the site within minutes.", []),
        ("Sirens sounded in Lviv for the first time in days.", []),
        (
            "The floods have now killed 161 people, as the Guaiba fell below 4 metres for the first time in "
            "two weeks.",
            [],
        ),
        ("Records show the plant was hit twice before.", []),
        ("It was one of the deadliest quakes to hit the country in two decades.", []),
        # hwaseong_battery_fire: a record within a period is a comparison, not a record a desk pages
        ("The blaze was the nation's worst chemical factory accident this year.", []),
        ("The toll is the highest death toll this year for the province.", []),
        ("It was the largest blaze of the year in the state.", []),
        ("The strike was the heaviest attack on the city so far.", ["record"]),
        # mokwa_flood: the worst within a span of years is a comparison too
        ("More than 200 dead and 500 missing in Mokwa's worst flood in 60 years", []),
        ("Hualien quake, Taiwan's strongest in 25 years, kills nine", []),
        ("The quake was the deadliest ever recorded in the country.", ["record"]),
        # itaewon_crush: a crowd crush or stampede claimed the deadliest is a record like a quake's
        ("Officials called the alley surge the deadliest crowd crush the nation has known.", ["record"]),
        ("Pilgrims died in what is now the deadliest stampede the state has seen.", ["record"]),
    ],
)
def test_claims_about_this_event(sentence: str, kinds: list[str]) -> None:
    claims = extract("air_drone_strike", [sentence])
    assert [c.kind for c in claims] == kinds
    assert all(c.text == sentence for c in claims), "the sentence is the evidence"


def test_no_claims_outside_conflict_disaster_and_cyber() -> None:
    assert extract("protest", ["A record 300,000 protesters marched, the first ever such rally."]) == []


def test_a_first_claimed_in_the_headline_is_the_event_s() -> None:
    """The sentences that typed the event do not repeat the headline's claim; a record in a headline is
    not read (it is as often another event's: "a night after the record attack")."""
    typed = ["One drone smashed the roof of a house in Wyryki-Wola; no one was hurt."]
    headline = "Poland shoots down Russian drones in its airspace, a first for a NATO member in the war"
    assert extract("air_drone_strike", typed) == []
    assert [(c.kind, c.text) for c in extract("air_drone_strike", typed, headline)] == [("first", headline)]
    assert extract("air_drone_strike", typed, "Russia fires record 810 drones at Ukraine") == []


def test_an_unrest_record_of_the_dead_is_a_claim_even_in_the_headline() -> None:
    """A protest's deadliest day is news; the sentence typing it gives the toll and leaves the claim to
    the headline or to a sentence of its own (round 27, bd_quota_protests)."""
    found = extract(
        "protest",
        ["At least 80 people were killed on Sunday as marchers fought ruling party supporters."],
        "At least 80 killed in the deadliest day of any protest in the country",
    )
    assert [c.kind for c in found] == ["record"]
    told = extract("riot", ["No riot in the nation's recent past has claimed more lives in one day."])
    assert [c.kind for c in told] == ["record"]


def test_an_unrest_crowd_record_is_no_claim() -> None:
    assert extract("protest", ["It was the largest protest since 1990, organisers said."]) == []
    assert (
        extract("protest", ["Marchers set a record for the capital's biggest rally."], "Record crowds") == []
    )
