"""classify() on hand-built enrichment records: events, ids, places, actors, counts, record claims."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from herald.classify.rules import classify
from herald.core.records import EnrichedArticle, Event

Make = Callable[..., EnrichedArticle]

UA = {"lat": 49.0, "lon": 32.0, "country_code": "UA", "kind": "country"}
RU = {"lat": 61.0, "lon": 99.0, "country_code": "RU", "kind": "country"}


def city(name: str, cc: str, admin1: str) -> dict[str, object]:
    return {"name": name, "lat": 48.0, "lon": 35.0, "country_code": cc, "admin1": admin1, "kind": "city"}


def by_type(events: list[Event]) -> dict[str, Event]:
    assert len({e.type for e in events}) == len(events), "one event per type per article"
    return {e.type: e for e in events}


WRAP_UP = (
    "Ukraine war: drones, missiles, bridges, talks",
    "Russian drones struck the port of Odesa overnight, wounding four dock workers. "
    "A Russian missile strike on an air base near Myrhorod destroyed two aircraft, the air force said. "
    "Explosions damaged two railway bridges near Bryansk, which Russian officials blamed on saboteurs. "
    "Russian forces captured the village of Andriivka in the Donetsk region. "
    "Authorities in Sumy ordered the evacuation of 3,000 residents from border districts. "
    "Ukrainian and Russian negotiators will meet in Istanbul for peace talks on Thursday. "
    "Separately, the governor of the Kharkiv region resigned.",
)
WRAP_UP_ENTITIES = [
    ("Russian", "NORP"),
    ("Ukrainian", "NORP"),
    ("Odesa", "GPE", {**city("Odesa", "UA", "Odesa Oblast")}),
    ("Myrhorod", "GPE", {**city("Myrhorod", "UA", "Poltava Oblast")}),
    ("Bryansk", "GPE", {**city("Bryansk", "RU", "Bryansk Oblast")}),
    ("Andriivka", "GPE", {**city("Andriivka", "UA", "Donetsk Oblast")}),
    ("Sumy", "GPE", {**city("Sumy", "UA", "Sumy Oblast")}),
    ("Istanbul", "GPE", {**city("Istanbul", "TR", "Istanbul")}),
    (
        "Kharkiv",
        "GPE",
        {"name": "Kharkiv Oblast", "lat": 49.9, "lon": 36.3, "country_code": "UA", "kind": "region"},
    ),
]


def test_a_wrap_up_yields_one_event_per_reported_thing_each_with_its_own_sentences_and_place(
    make_article: Make,
) -> None:
    article = make_article(*WRAP_UP, entities=WRAP_UP_ENTITIES)
    # The rules' reading: the learned veto (on by default) drops the capture and the resignation, one
    # sentence each in a seven-type wrap-up (classify README, "Learned type veto").
    events = by_type(classify(article, veto=False))
    assert set(events) == {
        "air_drone_strike",
        "missile_artillery_strike",
        "infrastructure_attack",
        "territory_change",
        "evacuation",
        "peace_talks",
        "leadership_change",
    }
    expected_place = {
        "air_drone_strike": ("Odesa", "UA"),
        "missile_artillery_strike": ("Myrhorod", "UA"),
        "infrastructure_attack": ("Bryansk", "RU"),
        "territory_change": ("Andriivka", "UA"),
        "evacuation": ("Sumy", "UA"),
        "peace_talks": ("Istanbul", "TR"),
        "leadership_change": ("Kharkiv Oblast", "UA"),
    }
    for code, (name, cc) in expected_place.items():
        location = events[code].location
        assert location is not None and (location.name, location.country_code) == (name, cc), code
    assert events["air_drone_strike"].magnitude == {"wounded": 4}
    assert events["missile_artillery_strike"].magnitude == {}  # aircraft destroyed on the ground are a target
    assert events["evacuation"].magnitude == {"evacuated": 3000}
    first_sentences = [e.sentences[0] for e in events.values()]
    assert len(set(first_sentences)) == len(first_sentences), "each event has its own sentences"
    assert any("Odesa" in s for s in events["air_drone_strike"].sentences)
    assert not any("Odesa" in s for s in events["peace_talks"].sentences)


def test_event_ids_are_deterministic_and_distinct(make_article: Make) -> None:
    first = classify(make_article(*WRAP_UP, entities=WRAP_UP_ENTITIES))
    again = classify(make_article(*WRAP_UP, entities=WRAP_UP_ENTITIES))
    other = classify(make_article(*WRAP_UP, entities=WRAP_UP_ENTITIES, article_id="another"))
    assert [e.id for e in first] == [e.id for e in again]
    assert len({e.id for e in first}) == len(first)
    assert not {e.id for e in first} & {e.id for e in other}
    assert all(e.story_id != e.id for e in first)


def test_unenriched_articles_yield_nothing(make_article: Make) -> None:
    article = make_article(
        "Missile strike kills 20 in Kharkiv", "A missile struck Kharkiv, killing 20 people."
    )
    assert classify(article)
    assert classify(article.model_copy(update={"enriched": False})) == []


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Stadium sets record attendance as home side strikes late",
            "A record crowd of 81,000 watched the home side strike twice.",
        ),
        (
            "Stocks hit record high as chipmakers rally",
            "Global stocks hit a record high as chipmakers rallied on strong earnings.",
        ),
        (
            "Workers strike over pay at car plant",
            "Thousands of workers went on strike over pay, the union said.",
        ),
        (
            "Striker's attack fires champions to title",
            "The champions' attack was relentless and their striker fired a hat-trick.",
        ),
        ("Ruling party wins landslide", "The ruling party won a landslide victory in Sunday's election."),
        ("Chipmaker flooded with orders", "The company was flooded with orders and its shares hit a record."),
        ("Drone maker wins army contract", "The drone maker said it would supply 500 drones to the army."),
        ("Peace of mind for savers", "Banks offered savers peace of mind with a new deposit guarantee."),
        (
            "Pay talks collapse at rail operator",
            "Pay talks between the union and the rail operator collapsed on Friday.",
        ),
        (
            "Band's album storms the charts",
            "The band's new album stormed to the top of the charts with explosive tracks.",
        ),
    ],
)
def test_tempting_words_in_sport_markets_labour_and_culture_make_no_event(
    make_article: Make, title: str, body: str
) -> None:
    assert classify(make_article(title, body)) == []


def test_resolved_city_beats_country_and_carries_country_and_admin1(make_article: Make) -> None:
    article = make_article(
        "Drones hit Kharkiv",
        "Russian drones hit Kharkiv in Ukraine overnight, damaging homes.",
        entities=[
            ("Russian", "NORP"),
            ("Kharkiv", "GPE", city("Kharkiv", "UA", "Kharkiv Oblast")),
            ("Ukraine", "GPE", {"name": "Ukraine", **UA}),
        ],
    )
    (event,) = classify(article)
    assert event.location is not None
    assert (event.location.name, event.location.country_code, event.location.admin1) == (
        "Kharkiv",
        "UA",
        "Kharkiv Oblast",
    )


def test_unresolved_village_is_named_and_takes_the_country_resolved_beside_it(make_article: Make) -> None:
    article = make_article(
        "Village captured",
        "Russian forces captured the village of Malynivka in Ukraine, the Russian defence ministry said.",
        entities=[("Russian", "NORP"), ("Ukraine", "GPE", {"name": "Ukraine", **UA})],
    )
    (event,) = classify(article)
    assert event.type == "territory_change"
    assert event.location is not None
    assert (event.location.name, event.location.country_code) == ("Malynivka", "UA")


def test_attacker_and_target_from_word_order(make_article: Make) -> None:
    active = make_article(
        "Russia launches 120 drones at Ukraine",
        "Russia launched 120 drones at Ukraine overnight, Ukraine's air force said.",
        entities=[("Russia", "GPE", {"name": "Russia", **RU}), ("Ukraine", "GPE", {"name": "Ukraine", **UA})],
    )
    (event,) = classify(active)
    roles = {(a.name, a.role, a.country_code) for a in event.actors}
    assert ("Russia", "attacker", "RU") in roles
    assert ("Ukraine", "target", "UA") in roles
    assert not any(a.role == "attacker" and a.name == "Ukraine" for a in event.actors), (
        "attribution is no actor"
    )

    passive = make_article(
        "Kharkiv hit",
        "Kharkiv was hit by Russian missiles on Monday, killing three people.",
        entities=[("Kharkiv", "GPE", city("Kharkiv", "UA", "Kharkiv Oblast")), ("Russian", "NORP")],
    )
    (event,) = classify(passive)
    assert {(a.name, a.role) for a in event.actors} >= {("Russian", "attacker")}


def test_counts_come_from_the_enrichment_when_the_text_rules_cannot_read_them(make_article: Make) -> None:
    body = "Artillery shelling of the town caused sixty casualties among residents."
    without = classify(make_article("Town shelled", body))
    with_quantity = classify(
        make_article("Town shelled", body, quantities=[(60, "wounded", "sixty casualties")])
    )
    assert without[0].magnitude == {}
    assert with_quantity[0].magnitude == {"wounded": 60}
    assert with_quantity[0].severity > without[0].severity


def test_counts_in_the_next_sentence_join_the_event(make_article: Make) -> None:
    article = make_article(
        "Missile hits Dnipro",
        "A Russian missile struck an apartment block in Dnipro on Monday. Eleven people were killed and 40 "
        "wounded, officials said.",
    )
    (event,) = classify(article)
    # "a Russian missile struck" is one missile (tests/data/reporting/README.md, labelling conventions)
    assert event.magnitude == {"killed": 11, "wounded": 40, "missiles": 1}
    assert len(event.sentences) == 2
    assert any("11 killed" in r for r in event.severity_reasons)


def test_record_claims_only_in_conflict_or_disaster_context(make_article: Make) -> None:
    record = classify(
        make_article(
            "Russia fires record 472 drones",
            "Russia launched a record 472 drones at Ukraine, the largest attack of the war.",
        )
    )
    assert record[0].record_claim
    plain = classify(
        make_article(
            "Drones hit Odesa", "Russian drones hit Odesa overnight, damaging the largest port in the region."
        )
    )
    assert not plain[0].record_claim
    protest = classify(
        make_article(
            "Rally in Warsaw", "A record 300,000 protesters marched through Warsaw against the government."
        )
    )
    assert [e.type for e in protest] == ["protest"]
    assert not protest[0].record_claim


def test_arrests_at_a_protest_belong_to_the_protest(make_article: Make) -> None:
    article = make_article(
        "Thousands protest in Tbilisi",
        "Thousands of people protested outside parliament in Tbilisi against the law. Police detained 40 "
        "protesters.",
    )
    (event,) = classify(article)
    assert event.type == "protest"
    assert event.magnitude["arrested"] == 40


def test_a_named_person_held_at_a_rally_is_an_arrest_of_its_own(make_article: Make) -> None:
    article = make_article(
        "Opposition leader held as thousands rally in Moscow",
        "Alexei Navalny was arrested in Moscow on Sunday as he arrived to join a rally he had called. "
        "Thousands of people protested across Russia and hundreds were detained by police.",
    )
    assert sorted(e.type for e in classify(article)) == ["arrest", "protest"]


def test_gunfire_in_a_coup_report_is_the_coup_not_a_battle(make_article: Make) -> None:
    article = make_article(
        "Soldiers' coup bid foiled in Banjul",
        "A group of disaffected soldiers tried to seize power overnight while the president was abroad. "
        "Gunfire erupted around State House and troops blocked the bridge into the city. "
        "Loyal forces killed three of the plotters, including the deserter said to have led the assault.",
    )
    (event,) = classify(article)
    assert event.type == "coup"
    assert event.magnitude["killed"] == 3


def test_background_is_not_news(make_article: Make) -> None:
    article = make_article(
        "Shelling of Kherson",
        "Russian artillery shelled Kherson on Monday. The city was captured by Russian forces in 2022 and "
        "retaken by Ukraine later that year.",
    )
    assert [e.type for e in classify(article)] == ["missile_artillery_strike"]


def test_a_headline_run_into_the_first_sentence_keeps_its_words_to_itself(make_article: Make) -> None:
    # The enrichment's splitter often glues a headline without a full stop to the first sentence.
    article = make_article(
        "Sudan: shelling, clashes, cholera", "RSF shelling killed 14 people in El Fasher on Monday."
    )
    merged = article.model_copy(
        update={"sentences": [article.sentences[0].model_copy(update={"end": article.sentences[1].end})]}
    )
    events = by_type(classify(merged))
    assert events["missile_artillery_strike"].magnitude == {"killed": 14}
    assert "armed_clash" not in events or events["armed_clash"].magnitude == {}


def test_severity_reasons_say_why(make_article: Make) -> None:
    (event,) = classify(
        make_article("Shelling kills 12 in Kharkiv", "Russian shelling killed 12 civilians in Kharkiv.")
    )
    assert event.severity == 5
    assert event.severity_reasons[0] == "base severity of missile_artillery_strike: 3"
    assert any("12 killed" in r for r in event.severity_reasons)
    assert any("civilian target" in r for r in event.severity_reasons)


def test_a_claim_sentence_stays_with_the_most_severe_event_of_the_article(make_article: Make) -> None:
    events = classify(
        make_article(
            "Russia fires 472 drones and missiles at Ukraine",
            "Russia launched 472 drones and 40 missiles at Ukraine overnight, the most since the full-scale "
            "invasion began.",
        )
    )
    claimed = [e.type for e in events if e.claims]
    assert len(events) >= 2 and len(claimed) == 1, [(e.type, e.severity, e.claims) for e in events]
    owner = next(e for e in events if e.claims)
    assert owner.severity == max(e.severity for e in events) and owner.record_claim
    assert not any(e.record_claim for e in events if e is not owner)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Two 6.3 earthquakes kill at least 15 in western Afghanistan",
            "Two magnitude 6.3 earthquakes struck Herat province on Saturday, killing at least 15 people.",
        ),
        (
            "Landslide on pilgrimage route kills 34",
            "A landslide struck the track to the shrine in Reasi district on Tuesday, killing 34 pilgrims.",
        ),
        (
            "Cloudburst kills 60 in Kishtwar",
            "Cloudbursts struck a village in Kishtwar on Thursday, killing 60 people.",
        ),
    ],
)
def test_a_hazard_that_struck_is_a_disaster_and_no_strike(make_article: Make, title: str, body: str) -> None:
    # "struck" with no weapon reads as an air strike unless the segment names the hazard, plurals too.
    assert [e.type for e in classify(make_article(title, body))] == ["natural_disaster"]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Gunmen kill 40 villagers in Wase",
            "Armed men on motorcycles attacked farming villages in Wase on Sunday, killing 40 people and "
            "burning homes, a local council chairman said.",
        ),
        (
            "Death toll from Bokkos attacks rises to 52",
            "The number of people killed in Wednesday's attacks on villages in Bokkos has risen to 52, the "
            "local government chairman said on Friday.",
        ),
        (
            "Zike death toll rises above 60",
            "The toll from Monday's attack on Zike has risen to 63, a community association said on Tuesday.",
        ),
    ],
)
def test_a_massacres_toll_told_without_its_attackers_is_an_attack_on_civilians(
    make_article: Make, title: str, body: str
) -> None:
    assert "attack_on_civilians" in [e.type for e in classify(make_article(title, body))]


def test_dams_bursting_on_a_town_are_a_disaster(make_article: Make) -> None:
    article = make_article(
        "Prime minister says 2,000 killed in Derna",
        "The prime minister said that 2,000 people were killed in Derna when two dams above the city burst.",
    )
    assert [e.type for e in classify(article)] == ["natural_disaster"]


def test_a_dam_deal_is_no_disaster(make_article: Make) -> None:
    assert (
        classify(make_article("Dam deal broke down", "Talks on the dam broke down over water rights.")) == []
    )


def test_a_toll_revised_weeks_on_is_reported_with_its_count(make_article: Make) -> None:
    # "last month's fire" is the subject of the revision, not an aside; the count is read after "revised".
    article = make_article(
        "Fire toll revised to 160",
        "The death toll from last month's fire at Wang Fuk Court in Tai Po was revised up to 160 on Tuesday.",
    )
    [event] = classify(article, veto=False)  # the rules' reading; the veto drops this one-line report
    assert (event.type, event.magnitude.get("killed")) == ("industrial_accident", 160)


def test_last_months_fire_named_in_passing_stays_background(make_article: Make) -> None:
    article = make_article(
        "City reviews building rules",
        "The city council met on Tuesday to review building rules after last month's fire at a tower block.",
    )
    assert classify(article) == []


def test_an_outbreak_declared_over_is_no_outbreak(make_article: Make) -> None:
    """first_cases: the end of Ethiopia's Marburg outbreak, two months after its last report, was read
    as an outbreak and paged the world's first in 30 days."""
    article = make_article(
        "Ethiopia declares its first Marburg outbreak over after nine deaths",
        "ADDIS ABABA - Ethiopia has declared the end of its first Marburg virus outbreak, which killed at "
        "least nine people, after weeks of surveillance found no new confirmed cases, the World Health "
        "Organization said on Monday.",
    )
    assert [e.type for e in classify(article)] == []
    started = make_article(
        "Ethiopia confirms Marburg outbreak",
        "Ethiopia has confirmed an outbreak of Marburg virus disease with nine cases, the ministry said.",
    )
    assert [e.type for e in classify(started)] == ["disease_outbreak"]


def test_a_blast_toll_rising_is_the_industrial_accident(make_article: Make) -> None:
    """sigachi_blast: "Sigachi blast toll climbs to 42" a week on raised no event at all."""
    article = make_article(
        "Sigachi blast toll climbs to 42; eight still missing",
        "The death toll in the June 30 blast at Sigachi Industries rose to 42 on Sunday after an injured "
        "worker died in hospital.",
    )
    assert [e.type for e in classify(article)] == ["industrial_accident"]


def test_the_toll_of_the_fighting_talks_follow_is_background(make_article: Make) -> None:
    """af_pk_border: defence ministers flying to Doha "after the sharpest fighting ..., in which ... 15
    civilians killed" raised an attack on civilians in Qatar."""
    article = make_article(
        "Pakistani and Afghan defence ministers head to Doha for talks",
        "DOHA - Pakistan's defence minister flew to Qatar on Saturday for talks with a Taliban delegation, "
        "after the sharpest fighting between the neighbours since 2021, in which Pakistan said 23 of its "
        "soldiers died and Afghan officials counted 15 civilians killed in Spin Boldak.",
    )
    assert "attack_on_civilians" not in [e.type for e in classify(article)]


def test_a_toll_risen_to_since_a_dated_event_is_the_toll_now(make_article: Make) -> None:
    """iberia_fires: "the wildfires that swept Portugal eight days ago has risen to 45" was read as the
    count of an earlier event, so the week-on update 36 -> 45 was missed. A toll "two weeks ago" stays
    past, and a running total "since the fighting began ... has climbed to" stays cumulative."""
    now = make_article(
        "Portugal's October fire toll rises to 45 as burn victims die",
        "The number of people killed by the wildfires that swept Portugal eight days ago has risen to 45 "
        "after four people being treated for severe burns died in hospitals, the health ministry said.",
    )
    [event] = classify(now)
    assert (event.type, event.magnitude.get("killed")) == ("natural_disaster", 45)
    past = make_article(
        "Rain returns to Portugal",
        "Rain returned to Portugal on Monday. Two weeks ago, 20 people were killed in the wildfires.",
    )
    assert all(e.magnitude.get("killed") != 20 for e in classify(past))


def test_a_mine_toll_rising_is_the_industrial_accident(make_article: Make) -> None:
    """soma_mine: the mine fire's later reports name no blast or fire, and raised no event at all."""
    article = make_article(
        "Soma mine toll rises to 238 as hopes fade for 120 still inside",
        "Rescuers brought out more bodies overnight, raising the number of miners killed at Soma to at "
        "least 238, the government said on Wednesday.",
    )
    assert [e.type for e in classify(article, veto=False)] == ["industrial_accident"]
    last = make_article(
        "Last bodies recovered from Soma mine; final toll 301",
        "Rescuers reached the last two missing miners on Saturday, bringing the number of dead at Soma "
        "to 301.",
    )
    assert [e.type for e in classify(last, veto=False)] == ["industrial_accident"]
    strike = make_article(
        "Miners strike over pay", "Striking miners marched in the capital to demand higher wages."
    )
    assert "industrial_accident" not in [e.type for e in classify(strike)]
