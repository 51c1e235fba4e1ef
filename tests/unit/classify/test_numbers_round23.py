"""Round 23's number constructions, through the real enrichment: each sentence is in the shape of a
dev report whose figures the rules read wrong before (tests/data/reporting, issue 15)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import as_article, read_events

from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def test_the_hazard_carries_the_evacuation_told_in_a_sentence_of_its_own(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Fertiliser depot blast kills 5, injures 40",
        "An explosion ripped through a fertiliser depot outside the port on Sunday, killing five workers "
        "and injuring 40, the fire service said. About 800 nearby residents were evacuated as a precaution.",
    )
    assert found["evacuation"].magnitude == {"evacuated": 800}
    assert found["industrial_accident"].magnitude == {"killed": 5, "wounded": 40, "evacuated": 800}


def test_a_lead_with_no_cue_gives_its_toll_to_the_event_the_next_sentence_names(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Two dead, nine hurt in northern Lebanese city",
        "TRIPOLI - Two men were shot dead and nine people were wounded on Sunday in the northern city, "
        "security sources said. One of the dead was killed in an exchange of fire between rival gunmen.",
    )
    assert found["armed_clash"].magnitude == {"killed": 2, "wounded": 9}


def test_a_headline_of_two_events_gives_the_lead_to_the_one_that_counts_it(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Workers evacuated after chlorine leak at Leeds plant",
        "More than 30 people were taken to hospital on Tuesday after chlorine escaped from a tank. Staff "
        "were evacuated from the plant shortly after noon.",
    )
    assert found["industrial_accident"].magnitude == {"wounded": 30}
    assert "wounded" not in found["evacuation"].magnitude


def test_the_death_that_set_off_the_unrest_is_not_its_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Third night of riots in Lyon",
        "Rioters burned 400 cars across Lyon overnight, the third night of unrest since a teenager was "
        "shot dead by police. Police arrested 90 people and 25 officers were injured.",
    )
    assert found["riot"].magnitude == {"arrested": 90, "wounded": 25}


def test_people_fleeing_fighting_are_displaced_even_where_no_fight_is_an_event(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Thousands of South Sudanese flee to Uganda",
        "Nearly 4,000 people fleeing fighting in South Sudan crossed into Uganda at Elegu in two days, "
        "the UN refugee agency said.",
    )
    assert found["evacuation"].magnitude == {"displaced": 4000}


def test_an_incident_named_by_an_earlier_weekday_sizes_no_event(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Hezbollah fires 30 rockets at Galilee",
        "Hezbollah launched 30 rockets at the Galilee on Sunday, the Israeli military said. Lebanese "
        "officials say Friday's Israeli strike on Tyre killed at least 12.",
    )
    assert "killed" not in found["missile_artillery_strike"].magnitude
    assert all("killed" not in e.magnitude for e in found.values())


def test_a_sentence_opening_on_a_date_weeks_before_the_report_is_another_incident(enrich: Enrich) -> None:
    [article] = enrich(
        [
            as_article(
                "r23-dated",
                "Villages cleared as Mount Lewotobi erupts",
                "Mount Lewotobi on Flores erupted on Saturday evening and residents of five villages were "
                "evacuated. On March 3, flash floods on Sumatra killed more than 40 people.",
            )
        ]
    )
    # as_article publishes in May 2025: March 3 is weeks before
    assert all("killed" not in e.magnitude for e in classify(article))


def test_an_earlier_quake_dated_by_its_year_is_not_the_toll(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "6.1 magnitude earthquake hits western China",
        "A 6.1 magnitude earthquake struck Gansu province on Tuesday, the USGS said. The epicentre was "
        "near Minxian, where a 6.6 magnitude quake in 2013 killed about 95 people.",
    )
    assert found["natural_disaster"].magnitude == {"magnitude": 6.1}


def test_what_happened_on_an_anniversary_is_news_not_background(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Police fire on protesters in Lusaka, at least six dead",
        "Police opened fire on opposition protesters in Lusaka on Tuesday, the anniversary of the 1991 "
        "multiparty vote, and at least six people were killed and 21 injured, a rights group said.",
    )
    assert found["protest"].magnitude == {"killed": 6, "wounded": 21}


def test_one_official_arrested_by_title_is_a_count_of_one(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Police arrest senior opposition figure in Dhaka",
        "Detectives arrested a vice-chairman of the main opposition party on Monday night as he left a "
        "meeting, a police official said.",
    )
    assert found["arrest"].magnitude == {"arrested": 1}


def test_a_crowd_detained_with_a_leader_is_not_one(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Police detain opposition leader and supporters",
        "Police detained the party's chairman along with 40 supporters on Monday, the party said.",
    )
    assert found["arrest"].magnitude.get("arrested") != 1


def test_the_hazard_takes_the_figure_of_the_move_from_the_evacuation(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Volcano erupts on Sangihe; more than 9,000 told to leave",
        "Mount Karangetang erupted three times overnight and ash fell on nearby villages. The volcanology "
        "centre raised its alert to the highest level, and at least 9,412 residents within five "
        "kilometres were ordered to evacuate, the disaster agency said.",
    )
    assert found["evacuation"].magnitude == {"evacuated": 9412}
    assert found["natural_disaster"].magnitude == {"evacuated": 9412}


def test_a_sentence_opening_last_week_or_days_earlier_sizes_no_battle(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Militants attack checkpoint in Khyber, killing six policemen",
        "More than 20 militants attacked a police checkpoint in Bannu from two sides, killing six "
        "policemen and wounding three in a gunfight, police said. Last week at least 15 militants died "
        "in raids on an army post. Two days earlier the army killed four insurgents in Lakki Marwat.",
    )
    assert found["armed_clash"].magnitude == {"killed": 6, "wounded": 3}


def test_a_list_of_both_sides_dead_is_one_toll_under_the_headline_total(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Nine killed as marines clash with militants in Basilan",
        "Six marines and three militants were killed and five soldiers wounded in a firefight near "
        "Sumisip on Sunday, the military said.",
    )
    assert found["armed_clash"].magnitude == {"killed": 9, "wounded": 5}


def test_the_trapped_after_the_dead_in_a_headline_are_not_dead(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Gas blast in Guizhou coal mine kills 12, 9 still trapped",
        "Twelve miners are confirmed dead after a gas explosion in a coal mine in Guizhou on Tuesday, "
        "and nine more are unaccounted for.",
    )
    assert found["industrial_accident"].magnitude == {"killed": 12, "missing": 9}


def test_an_evacuation_with_no_figure_takes_the_one_its_hazard_read(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Volcano forces evacuation of entire Tongan island",
        "All 4,000 people living on Tafahi have been ordered off the island as the volcano erupts, the "
        "disaster office said.",
    )
    assert found["natural_disaster"].magnitude == {"evacuated": 4000}
    assert found["evacuation"].magnitude == {"evacuated": 4000}


def test_each_sides_wounded_add_up_as_its_dead_do(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Taliban storm Mohmand checkpoint, killing three soldiers",
        "About 30 Taliban fighters attacked a military post in Mohmand overnight, officials said. Three "
        "soldiers were killed and two wounded, a local official said. Security officials said troops "
        "fired back, killing five militants and wounding three more.",
    )
    assert found["armed_clash"].magnitude == {"killed": 8, "wounded": 5}


def test_one_sides_dead_leave_the_wounded_uncounted_by_side(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Three militants killed, soldier hurt in Pulwama gunfight",
        "Three militants were killed and a soldier was injured in a gun battle in Pulwama on Monday, "
        "police said.",
    )
    assert found["armed_clash"].magnitude == {"killed": 3, "wounded": 1}


def test_people_an_accident_poisoned_are_its_wounded(enrich: Enrich) -> None:
    found = read_events(
        enrich,
        "Chlorine leak at Gujarat water plant poisons 120",
        "A chlorine leak at a water treatment plant in Vadodara poisoned 120 people late on Monday, police "
        "said.",
    )
    assert found["industrial_accident"].magnitude == {"wounded": 120}
