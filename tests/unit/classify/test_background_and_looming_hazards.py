"""Event words that report nothing new (round 23, issue 15): people who fled before, an act done before
the news (pluperfect), a running tally since a month, a storm still on its way, a tremor too small to
harm, a stoppage called a strike, a crash that is part of a typhoon's toll. And two hazards the rules
filed under the wrong type: a gas leak at a plant and a mine's waste dam. Each sentence is our own, in
the shape of a dev report the rules read wrongly before (dev_numbers6, dev_places4/5, dev_types18,
dev_folded_r2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.classify_articles import build_article
from tests.support.reporting_eval import as_article

from herald.classify.rules import classify
from herald.core.records import Article, EnrichedArticle

Enrich = Callable[[Sequence[Article]], list[EnrichedArticle]]


def _types(title: str, body: str) -> set[str]:
    return {e.type for e in classify(build_article(title, body), veto=False)}


def test_people_who_fled_earlier_fighting_are_no_new_evacuation() -> None:
    found = _types(
        "Paramilitaries raid camp in Darfur, killing 25",
        "Gunmen stormed a displacement camp near Nyala on Tuesday and killed 25 people, a local "
        "monitoring group said. Fighters went from hut to hut shooting residents. The camp shelters "
        "about 200,000 people who fled earlier fighting.",
    )
    assert found == {"attack_on_civilians"}


def test_fleeing_people_the_gunmen_fired_at_are_no_evacuation() -> None:
    found = _types(
        "Gunmen kill 30 in Katsina village raid",
        "Gunmen on motorcycles killed at least 30 people in a village in Katsina State on Sunday, "
        "residents said. Some attackers fired from the rooftops at villagers fleeing toward the river.",
    )
    assert found == {"attack_on_civilians"}


def test_residents_who_had_fled_before_the_gunmen_returned_are_no_evacuation() -> None:
    found = _types(
        "Bandits kill six in Sokoto villages",
        "Bandits killed six people in two villages of Sokoto State overnight, residents said. Gunmen "
        "shot four farmers in the first village and two traders in the next. The settlement was "
        "deserted when they came back at dawn because residents had fled, and they set houses on fire.",
    )
    assert "evacuation" not in found


def test_militants_who_had_traded_fire_before_an_air_strike_are_no_clash_of_their_own() -> None:
    found = _types(
        "Air strike kills 20 in Helmand compound",
        "An air strike in southern Afghanistan killed at least 20 people, officials said on Sunday. "
        "Officials said insurgents who had traded fire with police hid in a compound that was then "
        "bombed.",
    )
    assert "armed_clash" not in found
    assert "air_drone_strike" in found


def test_a_running_tally_of_drones_since_a_month_is_no_drone_strike() -> None:
    found = _types(
        "Tanker reports missile fired at it in the Gulf of Aden",
        "A tanker reported being targeted by a missile 60 nautical miles east of Aden early on Friday, "
        "the UKMTO agency said. No one was hurt. The Houthis have fired drones and missiles at "
        "commercial shipping since November.",
    )
    assert "air_drone_strike" not in found
    assert "missile_artillery_strike" in found


def test_people_displaced_since_a_month_are_a_war_total_not_a_flight_reported_now() -> None:
    found = _types(
        "Army retakes village in Idlib countryside",
        "Government forces recaptured the village of Tal Sultan on Sunday, state media said. About "
        "150,000 people have been displaced across the province since early May.",
    )
    assert "evacuation" not in found


def test_people_moved_out_of_a_storms_path_are_an_evacuation_not_yet_a_disaster() -> None:
    found = _types(
        "Vietnam moves 300,000 to safety as typhoon nears",
        "More than 300,000 people were evacuated from the path of Typhoon Noru on Tuesday as the storm "
        "headed for the central coast, the disaster agency said.",
    )
    assert found == {"evacuation"}


def test_people_sheltering_ahead_of_a_cyclones_landfall_are_an_evacuation_only() -> None:
    found = _types(
        "Thousands leave islands as cyclone heads for Odisha",
        "Tens of thousands of people left their homes on low-lying islands on Friday for concrete shelters "
        "inland ahead of the expected landfall of Cyclone Dana, officials said.",
    )
    assert found == {"evacuation"}


def test_people_evacuated_fearing_floods_are_no_flood() -> None:
    found = _types(
        "Assam evacuates 40,000 as river rises",
        "Authorities have evacuated about 40,000 people from villages along the Brahmaputra, fearing "
        "floods as the water kept rising, officials said on Monday.",
    )
    assert found == {"evacuation"}


def _enriched_types(enrich: Enrich, title: str, body: str) -> set[str]:
    """Through the real enrichment: the test double splits "magnitude 2.4" at its decimal point."""
    article = as_article({"id": title, "title": title, "body": body})
    return {e.type for e in classify(enrich([article])[0], veto=False)}


def test_a_tremor_below_magnitude_three_is_no_natural_disaster(enrich: Enrich) -> None:
    found = _enriched_types(
        enrich,
        "Blast at fertiliser plant in Shandong kills four",
        "An explosion at a fertiliser plant in Shandong province killed four workers on Wednesday, "
        "state media said. Seismographs recorded a 1.9-magnitude tremor nearby at the same time.",
    )
    assert found == {"industrial_accident"}


def test_a_quarry_blast_read_as_a_small_quake_is_no_event(enrich: Enrich) -> None:
    assert not _enriched_types(
        enrich,
        "Quarry blast shakes town",
        "A quarry blast rattled windows across the town on Thursday. The tremor registered at "
        "magnitude 2.4 on the national network, and no damage was reported.",
    )


def test_a_real_quake_still_counts() -> None:
    found = _types(
        "Quake of magnitude 5.8 kills three in eastern Turkey",
        "An earthquake of magnitude 5.8 struck Malatya province on Monday, killing three people.",
    )
    assert "natural_disaster" in found


def test_a_nationwide_strike_is_a_stoppage_not_an_air_strike() -> None:
    found = _types(
        "Opposition rallies in Caracas after deadly strike day",
        "Opposition supporters rallied in Caracas on Monday, after a nationwide strike against the "
        "plan shut much of the city and ended in clashes that killed two protesters.",
    )
    assert "air_drone_strike" not in found


def test_flood_victims_who_start_a_riot_are_no_flood() -> None:
    found = _types(
        "Crowd loots shops in Lae",
        "Police fired tear gas on Saturday at a crowd that looted and burned shops in Lae. The unrest "
        "was started by flood victims angry over relief payments.",
    )
    assert "natural_disaster" not in found
    assert "riot" in found


def test_a_helicopter_lost_on_a_relief_flight_is_part_of_the_typhoons_toll() -> None:
    found = _types(
        "Typhoon toll rises to 40 in the Philippines",
        "Typhoon Rai killed at least 40 people in the central Philippines, the disaster agency said "
        "on Friday. Four of the dead were crew of an air force helicopter that crashed in Leyte "
        "during a relief flight.",
    )
    assert found == {"natural_disaster"}


def test_an_inquiry_into_whether_derailments_were_sabotage_is_no_attack() -> None:
    assert not _types(
        "Police look into recent rail accidents",
        "Railway police have opened an inquiry into whether two recent derailments were sabotage, "
        "officials said on Friday.",
    )


def test_gas_escaping_from_a_plant_is_an_industrial_accident() -> None:
    found = _types(
        "Dozens in hospital after chlorine leak",
        "Chlorine gas escaped from a water treatment plant on the edge of the town overnight, sending "
        "40 people to hospital with breathing problems, officials said.",
    )
    assert "industrial_accident" in found


def test_a_leak_at_a_chemical_plant_is_an_industrial_accident() -> None:
    found = _types(
        "Residents evacuated in Gujarat",
        "A leak at a chemical plant in Bharuch made 25 residents ill on Sunday, police said.",
    )
    assert "industrial_accident" in found


def test_a_mine_waste_dam_burst_is_an_industrial_accident_not_a_natural_disaster() -> None:
    found = _types(
        "Mine dam bursts in Minas Gerais",
        "A tailings dam burst at an iron ore mine in Minas Gerais on Friday, and 40 workers are "
        "missing, the fire brigade said.",
    )
    assert "industrial_accident" in found
    assert "natural_disaster" not in found


def test_arrests_on_suspicion_of_a_list_of_terror_acts_are_no_attack() -> None:
    found = _types(
        "Nine held in counter-terrorism raids in Birmingham",
        "Police said nine men were arrested before dawn on suspicion of commissioning, preparing or "
        "instigating an act of terrorism in the UK.",
    )
    assert found == {"arrest"}


def test_a_trend_in_attacks_is_a_statistic_not_a_clash() -> None:
    found = _types(
        "Gunmen kill 15 at market in northern Burkina Faso",
        "Gunmen opened fire at a livestock market near Djibo on Saturday, killing 15 people, the "
        "governor said. The north has seen attacks by armed groups rise by almost 60 percent this year.",
    )
    assert found == {"attack_on_civilians"}


def test_a_ministry_toll_that_does_not_separate_fighters_from_civilians_is_no_attack_on_civilians() -> None:
    found = _types(
        "Israeli strikes kill 90 across Gaza",
        "Israeli warplanes struck homes in Khan Younis and Gaza City overnight, local officials said. "
        "At least 90 people were killed, the health ministry said; its count does not distinguish "
        "between fighters and civilians.",
    )
    assert found == {"air_drone_strike"}


def test_a_suicide_bomber_who_struck_mourners_is_no_air_strike() -> None:
    found = _types(
        "Toll from mosque bombing in Peshawar rises to 35",
        "The number of people killed by a suicide bomber who struck worshippers at Friday prayers in "
        "Peshawar has risen to 35, police said.",
    )
    assert "air_drone_strike" not in found


def test_a_rally_that_turned_into_fighting_with_counter_protesters_is_a_riot() -> None:
    found = _types(
        "Arrests in Portland",
        "Police detained 12 people on Saturday when a far-right rally in Portland turned into fighting "
        "with counter-demonstrators.",
    )
    assert "riot" in found
    assert "protest" not in found


def test_crowds_that_brawl_are_a_riot_and_the_arrests_are_part_of_it() -> None:
    found = _types(
        "Arrests as rival crowds brawl outside Belgrade court",
        "Police detained at least 20 people on Monday as rival crowds brawl outside the court, police said.",
    )
    assert found == {"riot"}


def test_power_plants_hit_in_a_missile_report_are_the_strikes_target_not_an_attack_of_their_own() -> None:
    found = _types(
        "Russia fires 40 cruise missiles at Ukraine's grid",
        "Russia launched 40 cruise missiles at Ukraine's energy system overnight, and 34 were shot "
        "down, the air force said. Two people were injured in the Odesa region, where several energy "
        "facilities were hit.",
    )
    assert found == {"missile_artillery_strike"}


def test_gunmen_who_entered_a_village_and_opened_fire_did_not_take_it() -> None:
    found = _types(
        "Gunmen kill 12 in Plateau village",
        "Gunmen killed 12 people in a village in Plateau State on Sunday night, police said. The "
        "attackers entered Bokkos around midnight and opened fire on residents, a witness said.",
    )
    assert found == {"attack_on_civilians"}


def test_walls_marked_by_shelling_are_traces_not_a_new_strike() -> None:
    found = _types(
        "Army retakes town east of Aleppo",
        "Syrian troops recaptured the town of Deir Hafer on Thursday, state media said. The streets "
        "were deserted, the houses scarred by shelling.",
    )
    assert "missile_artillery_strike" not in found
    assert "territory_change" in found


def test_a_negotiator_at_the_peace_talks_is_a_role_not_talks_reported() -> None:
    found = _types(
        "Rebels leave border town",
        "Rebel fighters left the border town overnight, residents said. A rebel negotiator at the peace "
        "talks in Doha said the withdrawal was a goodwill gesture.",
    )
    assert "peace_talks" not in found


def test_an_inquiry_into_the_sabotage_angle_is_no_attack() -> None:
    assert not _types(
        "Agency opens inquiry into sabotage angle in recent rail incidents",
        "Investigators are looking at four recent incidents on the line, officials said on Friday.",
    )


def test_clashes_between_protesters_and_police_that_kill_are_a_riot() -> None:
    found = _types(
        "Nine dead in Peru protests",
        "At least nine people were killed in clashes between protesters and police in Andahuaylas on "
        "Sunday, the health ministry said.",
    )
    assert "riot" in found
    assert "protest" not in found


def test_crowds_that_fought_peacekeepers_are_no_armed_clash() -> None:
    """haiti_cholera: the riot paged twice, as the world's first protest and first armed clash."""
    found = _types(
        "Two killed as protesters blaming peacekeepers for cholera clash in Cap-Haitien",
        "Two people were killed and UN troops were wounded as crowds accusing Nepalese peacekeepers of "
        "bringing cholera to Haiti fought with the UN mission in the northern city, the mission said.",
    )
    assert "armed_clash" not in found
    assert found & {"protest", "riot"}


def test_marchers_who_broke_windows_and_fought_police_are_a_riot() -> None:
    found = _types(
        "Arrests at march in Minneapolis",
        "Thousands of demonstrators marched on Monday outside the convention centre in Minneapolis. Most "
        "were peaceful, but some broke windows and fought with police.",
    )
    assert "riot" in found


def test_debris_that_broke_windows_is_no_riot() -> None:
    found = _types(
        "Ukraine downs 25 drones overnight",
        "Ukraine's air force said it shot down 25 of 30 drones Russia launched overnight. Falling debris "
        "broke windows at a warehouse in the Poltava region.",
    )
    assert "riot" not in found


def test_a_question_about_what_lay_behind_an_explosion_still_reports_it() -> None:
    found = _types(
        "Leader orders inquiry after port blast",
        "The president told officials on Sunday to find out whether negligence or intent lay behind the "
        "explosion at the port, where 40 people have died.",
    )
    assert "industrial_accident" in found


def test_a_films_recreation_of_an_air_strike_is_no_air_strike() -> None:
    assert not _types(
        "Eight great scenes from forgotten war movies",
        "The film flopped at the box office, but its recreation of the surprise air strike on the "
        "harbour still thrills.",
    )


def test_a_storm_chasing_game_is_no_natural_disaster() -> None:
    assert not _types(
        "New game puts players behind the wheel of a storm chaser's truck",
        "In the game the player is a storm chaser who tracks tornadoes across an open world, dropping "
        "probes in the path of the twister.",
    )


def test_the_fighting_of_a_prison_riot_is_the_riot() -> None:
    found = _types(
        "Prison riot leaves 40 inmates dead",
        "A gunfight between rival gangs inside the Litoral prison killed at least 40 inmates on "
        "Saturday, officials said. The fighting broke out before dawn.",
    )
    assert found == {"riot"}


def test_militants_who_fled_into_a_compound_are_not_displaced_people() -> None:
    found = _types(
        "Air strike kills 20 in Kunduz compound",
        "An air strike in northern Afghanistan killed at least 20 people, officials said. Militants who "
        "had clashed with police in the Chahar Dara district fled into a compound that was then bombed.",
    )
    assert "evacuation" not in found


def test_an_exhibition_that_tells_of_a_massacre_is_no_attack() -> None:
    assert not _types(
        "Museum opens exhibition on Srebrenica",
        "The exhibition tells how Bosnian Serb forces massacred 8,000 men and boys in July 1995.",
    )


def test_a_debate_on_whether_police_may_fly_drones_over_protests_is_no_protest() -> None:
    assert not _types(
        "Parliament debates drone rules",
        "Lawmakers debated on Tuesday whether to allow police drones over protests.",
    )


def test_what_a_cyberattack_could_do_is_no_cyberattack() -> None:
    assert not _types(
        "Analysts warn of cyberattack risk to power grids",
        "A successful cyberattack could cut power to millions of homes, analysts said.",
    )


def test_what_hackers_could_try_is_no_cyberattack() -> None:
    assert not _types(
        "Security firm says foreign hackers could target voters",
        "Hackers could try to disrupt the election, the company said in its annual report.",
    )


def test_a_court_hearing_about_a_riot_is_no_riot() -> None:
    assert not _types(
        "Court hears evidence in riot trial",
        "Prosecutors said the men threw bricks at police during the 2011 riots.",
    )


def test_protests_threatened_are_no_protest() -> None:
    assert not _types(
        "Opposition threatens mass protests over vote count",
        "The opposition said it would hold mass protests if the count was not repeated.",
    )


def test_an_army_ready_to_repel_any_attack_is_no_battle() -> None:
    assert not _types(
        "Army says it is ready to repel any attack",
        "The army said on Monday it was ready to repel any attack on the border.",
    )


def test_homes_rebuilt_after_earlier_floods_are_no_flood() -> None:
    assert not _types(
        "Villagers rebuild homes destroyed in March floods",
        "Villagers in Sindh are rebuilding with bamboo. 'We lost everything,' said one farmer.",
    )


def test_blame_over_stalled_talks_is_no_talks() -> None:
    assert not _types(
        "Israel and Hamas trade blame over stalled talks",
        "Both sides accused each other of blocking a ceasefire deal. No new talks have been scheduled.",
    )


def test_a_drone_makers_product_is_no_drone_strike() -> None:
    assert not _types(
        "Drone maker raises $200 million",
        "The company makes attack drones used by Ukraine's army against Russian tanks.",
    )


def test_training_for_an_earthquake_response_is_no_earthquake() -> None:
    assert not _types(
        "Rescuers trained for earthquake response",
        "Two hundred rescuers took part in a three-day course on earthquake response in Kathmandu.",
    )


def test_a_march_called_off_is_no_protest() -> None:
    assert not _types(
        "Protest organisers cancel march",
        "Organisers cancelled Saturday's march against the new law, citing safety concerns.",
    )


def test_a_protest_planned_for_later_is_no_protest() -> None:
    assert not _types(
        "Farmers protest planned, police say roads open",
        "Police said farmers plan to protest on Friday but all roads will stay open.",
    )


def test_peacekeepers_who_monitored_a_ceasefire_are_no_talks() -> None:
    assert not _types(
        "Troops return from peacekeeping mission",
        "About 500 soldiers returned on Sunday from a year-long mission in Lebanon, where they monitored "
        "the ceasefire.",
    )


def test_a_book_by_someone_who_lived_through_shelling_is_no_strike() -> None:
    assert not _types(
        "Book recalls the siege of Sarajevo",
        "The author, who lived through the shelling as a child, describes queues for water.",
    )


def test_a_general_who_denies_any_part_in_an_old_coup_reports_no_coup() -> None:
    assert not _types(
        "Ex-general denies role in 1980 coup",
        "The retired general told a court he had no part in the coup that brought the junta to power.",
    )


def test_an_envoy_urging_a_ceasefire_reports_no_talks() -> None:
    assert not _types(
        "UN envoy calls for ceasefire in Sudan",
        "The envoy urged both sides to agree a ceasefire, the UN said on Monday.",
    )


def test_protests_a_new_law_bans_are_no_protest() -> None:
    assert not _types(
        "New law bans protests near schools",
        "Protests within 150 metres of a school will be banned under the law passed on Tuesday.",
    )


def test_protesters_who_defied_a_ban_still_protested() -> None:
    found = _types(
        "Hundreds arrested as police break up banned rallies",
        "Riot police fired tear gas on Saturday to disperse protesters who defied a ban on rallies in the "
        "capital, and at least 200 people were arrested.",
    )
    assert found & {"protest", "riot"}


def test_a_rescue_dog_honoured_for_its_earthquake_work_is_no_earthquake() -> None:
    assert not _types(
        "Rescue dog honoured for earthquake work",
        "Max, a Labrador, found 12 survivors after the 2023 earthquake in Turkey.",
    )


def test_a_truce_that_holds_is_no_new_agreement() -> None:
    assert not _types(
        "Ceasefire holds for a third day",
        "The truce agreed on Sunday held for a third day, with no reports of shelling.",
    )


def test_no_arrests_yet_is_no_arrest() -> None:
    assert "arrest" not in _types(
        "Police say no arrests yet after stabbing",
        "Police said no arrests had been made after a man was stabbed in the city centre on Friday.",
    )


def test_insurance_claims_from_earlier_wildfires_are_no_wildfire() -> None:
    assert not _types(
        "Insurer says claims from wildfires hit $5 billion",
        "Claims from January's wildfires in Los Angeles have reached $5 billion, the insurer said.",
    )


def test_attacks_measured_by_what_they_cut_are_a_statistic_not_a_strike() -> None:
    assert not _types(
        "Minister says refinery output down",
        "Ukrainian drone attacks cut refining capacity by 10 percent in the quarter, the minister said.",
    )


def test_attacks_that_pushed_freight_rates_up_are_a_statistic_not_a_battle() -> None:
    assert not _types(
        "Exporters fear higher freight costs",
        "Houthi attacks on shipping have pushed freight rates up 40 percent since December.",
    )


def test_a_volcano_scare_is_no_eruption() -> None:
    assert not _types(
        "Tourists return to Bali after volcano scare", "Hotels reported full bookings on Monday."
    )
